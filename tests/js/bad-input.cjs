// The hardening suite for a JavaScript package (native or WASM): wrong types, huge strings, NaN,
// negative numbers, null where a number belongs, invalid dates, non-object reports, refused
// application events, values with no JSON form. Each must throw an `Error` with the core's
// stable `code` and a bilingual message — no crash — and the package must answer correctly after.
'use strict'
const { test } = require('node:test')
const assert = require('node:assert/strict')

const D = '2025-09-26'
const HUGE = 'x'.repeat(40 * 1024 * 1024) // 40 MB, over the 32 MiB input limit
const N = 100000
const HEAD = '某局2022年度政府信息公开工作年度报告\n'
/** An array nested `n` deep. */
const deep = (n) => { let d = []; for (let i = 0; i < n; i++) d = [d]; return d }
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
  // Pathological inputs: each is refused at once with its limit's code.
  ['100,000 nested objects as JSON text', (z) => z.checkReport('{"requests": '.repeat(N) + '}'.repeat(N)), 'json.unknown_key'],
  ['100,000 nested arrays as JSON text', (z) => z.checkReport('['.repeat(N)), 'json.wrong_type'],
  ['an object nested 100,000 deep', (z) => z.checkReport({ sections: deep(N) }), 'json.wrong_type'],
  ['a value nested 100,000 deep', (z) => z.replayApplication({ id: 'x', events: [{ type: 'received', at: deep(N) }] }), 'json.wrong_type'],
  ['a page of a million bare tags', (z) => z.parseReport('<html><body>' + '<b>'.repeat(1e6)), 'input.too_many_tags'],
  ['20,000 events', (z) => z.replayApplication({ id: 'x', events: Array(20000).fill({ type: 'withdrawn', at: D }) }), 'app.too_many_events'],
  // A lone surrogate has no UTF-8 form: converting it would repair the input (U+FFFD).
  ['page text with a lone leading surrogate', (z) => z.parseReport(HEAD + '\ud800'), 'input.not_utf8'],
  ['page text with a lone trailing surrogate', (z) => z.checkReport('ab\udcffcd'), 'input.not_utf8'],
  ['a date with a lone surrogate', (z) => z.isWorkingDay('2025-01-0\ud800'), 'input.not_utf8'],
  ['a report field with a lone surrogate', (z) => z.checkReport({ format: '2021', sections: { overview: 'x\udcff' } }), 'input.not_utf8'],
  ['Report JSON text escaping a lone surrogate', (z) => z.checkReport('{"title": "\\ud800"}'), 'input.not_utf8'],
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

/** Registers the pathological inputs that are read, not refused, for `api`. */
function runPathological (api, label) {
  test(`${label}: pathological: a 100,000-digit run in a table cell is no count`, () => {
    const digits = '9'.repeat(N)
    const report = api.parseReport(`${HEAD}一、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请数量 | ${digits} | ${digits} | 0 |\n`)
    assert.equal(report.year, 2022)
    assert.ok(!report.requests || report.requests.received?.total == null)
  })
  test(`${label}: pathological: NUL and control characters are characters`, () => {
    assert.equal(api.parseReport(HEAD + '\0\0\u0001').year, 2022)
    assert.ok(Array.isArray(api.checkReport({ format: '2021', title: 'a\0b' })))
  })
  test(`${label}: pathological: a 30 MB single line is read`, () => {
    assert.equal(api.parseReport(HEAD + 'x'.repeat(30 * 1024 * 1024)).year, 2022)
  })
  test(`${label}: pathological: a surrogate pair is one character, U+FFFD is a character`, () => {
    assert.equal(api.parseReport(HEAD + '😀').year, 2022)
    // A real U+FFFD is looked at again (a lone surrogate converts to it) and accepted.
    assert.equal(api.parseReport(HEAD + '\uFFFD').year, 2022)
    assert.throws(() => api.parseReport(HEAD + '\uFFFD\ud800'), (e) => e.code === 'input.not_utf8' && e.message.includes(`第 ${HEAD.length + 1} 个字符`))
  })
  test(`${label}: a lone surrogate is found without String.prototype.isWellFormed (Node 18)`, () => {
    const own = Object.getOwnPropertyDescriptor(String.prototype, 'isWellFormed')
    delete String.prototype.isWellFormed // eslint-disable-line no-extend-native
    try {
      for (const [text, index] of [['ab\udcffcd', 2], ['\udcff', 0], [HEAD + '😀\ud800', HEAD.length + 2], ['x\ud800\ud800\udc00', 1]]) {
        assert.throws(() => api.parseReport(text), (e) => e.code === 'input.not_utf8' && e.message.includes(`第 ${index} 个字符`))
      }
      assert.equal(api.parseReport(HEAD + '😀').year, 2022)
    } finally {
      if (own) Object.defineProperty(String.prototype, 'isWellFormed', own) // eslint-disable-line no-extend-native
    }
  })
}

module.exports = { runBadInput, runPathological, CASES }
