// The hardening suite for a JavaScript package (native or WASM): wrong types, huge strings, NaN,
// negative numbers, null where a number belongs, invalid dates, non-object reports, refused
// application events, values with no JSON form. Each must throw an `Error` with the core's
// stable `code` and a bilingual message — no crash — and the package must answer correctly after.
'use strict'
const { test } = require('node:test')
const assert = require('node:assert/strict')

const D = '2025-09-26'
const HUGE = 'x'.repeat(40 * 1024 * 1024) // 40 MB, over the 32 MiB input limit
const cyclic = {}
cyclic.self = cyclic

const APPLICATION_REFUSED = {
  id: 'refused',
  events: [
    { type: 'received', at: '2025-01-20', channel: 'online', applicant: 'natural_person' },
    { type: 'replied', at: '2025-01-22', outcome: 'granted', delivery: 'online' },
    { type: 'withdrawn', at: '2025-01-23' },
  ],
}

/** [name, call, expected code] */
const CASES = [
  ['date as a number', (z) => z.addWorkingDays(20250926, 1), 'json.wrong_type'],
  ['date as an object', (z) => z.countWorkingDays({}, D), 'json.wrong_type'],
  ['date as an array', (z) => z.isWorkingDay([D]), 'json.wrong_type'],
  ['date as a Date object (its JSON is a timestamp)', (z) => z.isWorkingDay(new Date()), 'input.invalid_date'],
  ['n as a string', (z) => z.addWorkingDays(D, '20'), 'json.wrong_type'],
  ['n is NaN', (z) => z.addWorkingDays(D, NaN), 'json.wrong_type'],
  ['n is Infinity', (z) => z.addWorkingDays(D, Infinity), 'json.wrong_type'],
  ['n is fractional', (z) => z.addWorkingDays(D, 1.5), 'json.wrong_type'],
  ['n is negative', (z) => z.addWorkingDays(D, -1), 'json.negative'],
  ['n is too large', (z) => z.addWorkingDays(D, 2 ** 40), 'json.out_of_range'],
  ['n is null', (z) => z.addWorkingDays(D, null), 'json.wrong_type'],
  ['n is missing', (z) => z.addWorkingDays(D), 'json.wrong_type'],
  ['n is a BigInt', (z) => z.addWorkingDays(D, 20n), 'json.wrong_type'],
  ['n is a function', (z) => z.addWorkingDays(D, () => 20), 'json.wrong_type'],
  ['n is a symbol', (z) => z.addWorkingDays(D, Symbol('n')), 'json.wrong_type'],
  ['year is null', (z) => z.aggregate([], null), 'json.wrong_type'],
  ['fee pages negative', (z) => z.informationFee({ pages: -5 }), 'json.negative'],
  ['fee pages NaN', (z) => z.informationFee({ pages: NaN }), 'fee.basis_invalid'],
  ['fee basis null', (z) => z.informationFee(null), 'json.wrong_type'],
  ['fee both bases', (z) => z.informationFee({ items: 1, pages: 1 }), 'fee.basis_invalid'],
  ['fee unknown key', (z) => z.informationFee({ lines: 1 }), 'json.unknown_key'],
  ['invalid date 2025-02-30', (z) => z.addWorkingDays('2025-02-30', 1), 'input.invalid_date'],
  ['invalid date text', (z) => z.isWorkingDay('yesterday'), 'input.invalid_date'],
  ['empty date', (z) => z.isWorkingDay(''), 'input.invalid_date'],
  ['date outside the calendar', (z) => z.isWorkingDay('1999-01-01'), 'calendar.year_not_covered'],
  ['reversed range', (z) => z.countWorkingDays('2025-02-01', '2025-01-01'), 'calendar.range_reversed'],
  ['huge report text (40 MB)', (z) => z.checkReport(HUGE), 'input.too_large'],
  ['huge text to parse (40 MB)', (z) => z.parseReport(HUGE), 'input.too_large'],
  ['huge JSON Lines (40 MB)', (z) => z.aggregate(HUGE, 2025), 'input.too_large'],
  ['huge date string (40 MB)', (z) => z.isWorkingDay(HUGE), 'input.invalid_date'],
  ['report is a number', (z) => z.checkReport(42), 'json.wrong_type'],
  ['report is null', (z) => z.checkReport(null), 'json.wrong_type'],
  ['report is an array', (z) => z.checkReport([]), 'json.wrong_type'],
  ['report is a boolean', (z) => z.checkReport(true), 'json.wrong_type'],
  ['report is cyclic', (z) => z.checkReport(cyclic), 'json.wrong_type'],
  ['report holds a BigInt', (z) => z.checkReport({ year: 2022n }), 'json.wrong_type'],
  ['report year is a string', (z) => z.checkReport({ format: '2021', year: '2022' }), 'json.wrong_type'],
  ['report with an unknown key', (z) => z.checkReport({ format: '2021', yaer: 2022 }), 'json.unknown_key'],
  ['rules is a string', (z) => z.checkReport({ format: '2021' }, null, 'table3'), 'json.wrong_type'],
  ['rules holds a number', (z) => z.checkReport({ format: '2021' }, null, ['table3', 3]), 'json.wrong_type'],
  ['rules names no rule', (z) => z.checkReport({ format: '2021' }, null, ['table5']), 'input.unknown_rule'],
  ['report count negative', (z) => z.checkReport({ requests: { received: { natural_person: -1 } } }), 'json.negative'],
  ['report JSON text malformed', (z) => z.checkReport('{"year": '), 'json.syntax'],
  ['previous is a number', (z) => z.checkReport({ format: '2021', year: 2022 }, 7), 'json.wrong_type'],
  ['parse text is a number', (z) => z.parseReport(5), 'json.wrong_type'],
  ['application is a number', (z) => z.replayApplication(5), 'json.wrong_type'],
  ['application without events', (z) => z.replayApplication({ id: 'a', events: [] }), 'app.no_events'],
  ['refused application event', (z) => z.replayApplication(APPLICATION_REFUSED), 'app.event_refused'],
  ['applications as a number', (z) => z.aggregate(5, 2025), 'json.wrong_type'],
  ['format unknown', (z) => z.aggregate([], 2025, '2030'), 'json.invalid_value'],
]

/** Registers the suite for `api` (the package's exports). */
function runBadInput (api, label) {
  for (const [name, call, code] of CASES) {
    test(`${label}: bad input: ${name}`, () => {
      assert.throws(() => call(api), (e) => {
        assert.ok(e instanceof Error, `not an Error: ${e}`)
        assert.equal(e.code, code, e.message)
        assert.match(e.message, /[\u4e00-\u9fff].*\/.*[a-z]/s, 'a bilingual message (中文 / English)')
        return true
      })
      // Still answering, and correctly.
      assert.equal(api.addWorkingDays('2025-09-26', 20), '2025-10-30')
      assert.equal(api.checkReport({ format: '2021', year: 2022, organ_kind: 'department', published: '2023-01-20' }).length >= 0, true)
    })
  }
}

module.exports = { runBadInput, CASES }
