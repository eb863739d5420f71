// Every conformance vector of tests/vectors through a JavaScript package (native or WASM): the
// same answers as Rust. A vector directory without a runner here, or whose function the package
// lacks, FAILS — add its runner below when the core gains a function.
'use strict'
const { test } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')

const VECTORS = path.resolve(__dirname, '..', 'vectors')

// Directories whose function is not bound in JavaScript yet. Keep this empty on the main branch.
const NOT_YET_BOUND = new Set([])

/** How to call each library function with a vector's `input`; `fn` is the camelCase name. */
const RUNNERS = {
  check_report: { fn: 'checkReport', call: (f, i) => withoutMessages(f('report_json' in i ? i.report_json : i.report, i.previous, i.rules)) },
  add_working_days: { fn: 'addWorkingDays', call: (f, i) => f(i.date, i.n) },
  count_working_days: { fn: 'countWorkingDays', call: (f, i) => f(i.start, i.end) },
  is_working_day: { fn: 'isWorkingDay', call: (f, i) => f(i.date) },
  replay_application: { fn: 'replayApplication', call: (f, i) => f(i) },
  aggregate: { fn: 'aggregate', call: (f, i) => f(i.applications, i.year, i.format) },
  information_fee: { fn: 'informationFee', call: (f, i) => f(i) },
  render_report: { fn: 'renderReport', call: (f, i) => f(i.report, i.to) },
  rollup: { fn: 'rollup', call: (f, i) => { const r = f(i.reports, i.summary); withoutMessages(r.findings); return r } },
  report_metrics: { fn: 'reportMetrics', call: (f, i) => f(i.report) },
}

function withoutMessages (findings) {
  for (const f of findings) {
    assert.ok(f.message && f.message_en, `finding ${f.code} has both messages`)
    delete f.message
    delete f.message_en
  }
  return findings
}

function hasUnsafeInteger (v) {
  if (typeof v === 'number') return Number.isInteger(v) && !Number.isSafeInteger(v)
  if (v && typeof v === 'object') return Object.values(v).some(hasUnsafeInteger)
  return false
}

function cases (dir) {
  const out = []
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const body = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))
    ;(Array.isArray(body) ? body : [body]).forEach((c, i) => out.push({ id: `${path.basename(file, '.json')}[${i}]`, ...c }))
  }
  return out
}

/** Registers one node:test test per vector directory, running `api` (the package's exports). */
function runVectors (api, label) {
  const dirs = fs.readdirSync(VECTORS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
  assert.ok(dirs.length > 0, `no vectors in ${VECTORS}`)
  for (const dir of dirs) {
    if (NOT_YET_BOUND.has(dir)) continue
    test(`${label}: vectors/${dir}`, () => {
      const runner = RUNNERS[dir]
      assert.ok(runner, `tests/js/vectors.cjs has no runner for vectors/${dir}`)
      const f = api[runner.fn]
      assert.equal(typeof f, 'function', `${label} lacks ${runner.fn} (vectors/${dir})`)
      const all = cases(path.join(VECTORS, dir))
      assert.ok(all.length > 0, `vectors/${dir} is empty`)
      for (const c of all) {
        let got
        try {
          got = runner.call(f, c.input)
        } catch (e) {
          assert.ok(e instanceof Error && typeof e.code === 'string', `${dir}/${c.id}: threw a non-zfxxgk error: ${e}`)
          got = { error: e.code }
          // Error vectors may name the JSON path; the message must mention it.
          if (c.expected && c.expected.path) assert.ok(e.message.includes(c.expected.path), `${dir}/${c.id}: message "${e.message}" lacks path ${c.expected.path}`)
        }
        const expected = c.expected && c.expected.error !== undefined && !Array.isArray(c.expected) ? { error: c.expected.error } : c.expected
        if (hasUnsafeInteger(c.input)) {
          // An integer beyond 2^53 (e.g. u64::MAX) has no exact JS number: JSON.parse already
          // rounded it, so the package sees a different, still too large, number. It must still
          // be refused: with the vector's code or as out of range.
          assert.ok(expected && expected.error, `${dir}/${c.id}: an unsafe integer in a success vector`)
          assert.ok(got && [expected.error, 'json.out_of_range'].includes(got.error), `${dir}/${c.id}: got ${JSON.stringify(got)}`)
          continue
        }
        assert.deepStrictEqual(got, expected, `${dir}/${c.id}`)
      }
    })
  }
}

module.exports = { runVectors, NOT_YET_BOUND }
