// Call overhead of addWorkingDays from Node: the native addon (bindings-node) and the WASM build
// (bindings-wasm, Node target). Build both packages first (npm run build in each).
//   node tests/js/bench.mjs
import { createRequire } from 'node:module'
const require = createRequire(import.meta.url)

const packages = { 'zfxxgk (native, napi-rs)': '../../bindings-node', 'zfxxgk-wasm (Node build)': '../../bindings-wasm/pkg/node/index.js' }
const N = 1_000_000
for (const [label, path] of Object.entries(packages)) {
  const z = require(path)
  const check = z.addWorkingDays('2025-01-20', 20)
  if (check !== '2025-02-21') throw new Error(`${label}: unexpected ${check}`)
  for (let i = 0; i < 100_000; i++) z.addWorkingDays('2025-01-20', i % 200)
  const runs = []
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < N; i++) z.addWorkingDays('2025-01-20', i % 200)
    runs.push(Number(process.hrtime.bigint() - t0) / N)
  }
  const best = Math.min(...runs)
  console.log(`${label}: addWorkingDays(iso, n) ${best.toFixed(0)} ns/call (best of 5 × ${N}), ${(1e3 / best).toFixed(2)} million calls/s`)
  // A string in, a boolean out: the share of the cost that is the returned string.
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < N; i++) z.isWorkingDay('2025-01-20')
  console.log(`${label}: isWorkingDay(iso) ${(Number(process.hrtime.bigint() - t0) / N).toFixed(0)} ns/call`)
}
