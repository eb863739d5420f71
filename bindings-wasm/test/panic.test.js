'use strict'
// The panic hook: input never reaches a panic, but if a bug does, the caller gets an Error with
// code `internal.panic` (the hook records the message, the package's wrapper turns the trap into
// the Error) and the module keeps answering — every time, not only the first.
const test = require('node:test')
const assert = require('node:assert/strict')
const z = require('zfxxgk-wasm')

test('zfxxgk-wasm: a panic becomes an Error and the module keeps working', () => {
  for (let i = 0; i < 200; i++) {
    assert.throws(() => z.__panicForTests(), (e) => e instanceof Error && e.code === 'internal.panic' &&
      /内部错误 \/ internal error: .*panic requested by __panicForTests/s.test(e.message))
    assert.equal(z.addWorkingDays('2025-09-26', 20), '2025-10-30')
    assert.throws(() => z.addWorkingDays('2025-02-30', 1), (e) => e.code === 'input.invalid_date')
  }
  const findings = z.checkReport(require('../../examples/reports/demo-2021.json'))
  assert.ok(findings.some((f) => f.code === 'table3.row_total'))
})
