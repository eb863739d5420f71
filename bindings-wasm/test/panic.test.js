'use strict'
// The panic hook: input never reaches a panic, but if a bug does, the caller gets an Error and
// the module keeps answering. The first panic is thrown as an Error with code `internal.panic`
// (the hook throws it); Rust's runtime then regards itself as inside the hook, so a later panic
// traps as a WebAssembly RuntimeError — still an Error, and the module still answers.
const test = require('node:test')
const assert = require('node:assert/strict')
const z = require('zfxxgk-wasm')

test('zfxxgk-wasm: a panic becomes an Error and the module keeps working', () => {
  assert.throws(() => z.__panicForTests(), (e) => e instanceof Error && e.code === 'internal.panic' && /internal error/.test(e.message))
  assert.equal(z.addWorkingDays('2025-09-26', 20), '2025-10-30')
  for (let i = 0; i < 20; i++) {
    assert.throws(() => z.__panicForTests(), (e) => e instanceof Error)
    assert.equal(z.addWorkingDays('2025-09-26', 20), '2025-10-30')
    assert.throws(() => z.addWorkingDays('2025-02-30', 1), (e) => e.code === 'input.invalid_date')
  }
  const findings = z.checkReport(require('../../examples/reports/demo-2021.json'))
  assert.ok(findings.some((f) => f.code === 'table3.row_total'))
})
