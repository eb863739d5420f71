// Builds zfxxgk-wasm: the crate for wasm32 (wasm-cargo, see ../shared/toolchain or
// tests/run-all), wasm-bindgen for the web (--target web) and for Node (--target nodejs),
// wasm-opt -Oz, then measures the browser build and fails above the size budget.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync, rmSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const BUDGET_GZIP_BYTES = 300 * 1024
const here = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const repo = resolve(here, '..')
const targetDir = join(process.env.CARGO_TARGET_DIR ?? join(repo, 'target'), 'wasm')
const run = (cmd, args) => execFileSync(cmd, args, { cwd: here, stdio: 'inherit', env: { ...process.env, CARGO_TARGET_DIR: targetDir } })

run(process.env.WASM_CARGO ?? 'wasm-cargo', ['build', '--locked', '-p', 'zfxxgk-wasm', '--target', 'wasm32-unknown-unknown', '--profile', 'wasm'])
const wasm = join(targetDir, 'wasm32-unknown-unknown', 'wasm', 'zfxxgk_wasm.wasm')
for (const target of ['web', 'nodejs']) {
  const out = join(here, 'pkg', target === 'nodejs' ? 'node' : 'web')
  rmSync(out, { recursive: true, force: true })
  run('wasm-bindgen', ['--target', target, '--remove-name-section', '--no-typescript', '--out-dir', out, wasm])
  const bg = join(out, 'zfxxgk_wasm_bg.wasm')
  run('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-reference-types', '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue', bg, '-o', bg])
}

// The browser ships the .wasm (calendar data included) and its JS glue.
const files = ['zfxxgk_wasm_bg.wasm', 'zfxxgk_wasm.js'].map((f) => readFileSync(join(here, 'pkg', 'web', f)))
const raw = files.reduce((n, b) => n + b.length, 0)
const gzip = files.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0)
const size = { raw_bytes: raw, gzip_bytes: gzip, budget_gzip_bytes: BUDGET_GZIP_BYTES }
writeFileSync(join(here, 'pkg', 'size.json'), JSON.stringify(size, null, 2) + '\n')
console.log(`zfxxgk-wasm web build: ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_GZIP_BYTES / 1024} KB)`)
if (gzip > BUDGET_GZIP_BYTES) {
  console.error(`size budget exceeded: ${gzip} > ${BUDGET_GZIP_BYTES} bytes gzipped`)
  process.exit(1)
}
