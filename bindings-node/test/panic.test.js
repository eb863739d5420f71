'use strict'
// A panic (a bug: input never reaches one) becomes an Error with code `internal.panic` instead of
// aborting the process, and the addon keeps answering.
const test = require('node:test')
const assert = require('node:assert/strict')
const z = require('..')

test('zfxxgk (native): a panic becomes an Error and the addon keeps working', () => {
  for (let i = 0; i < 20; i++) {
    assert.throws(() => z.__panicForTests(), (e) => e instanceof Error && e.code === 'internal.panic' &&
      /内部错误 \/ internal error: panic requested by __panicForTests/.test(e.message))
    assert.equal(z.addWorkingDays('2025-09-26', 20), '2025-10-30')
  }
})
