// A tiny static server for the demo portal: the page from this directory and the browser build
// of zfxxgk-wasm (bindings-wasm/pkg/web) under /pkg/. Local only (127.0.0.1); no dependencies.
//   node examples/web/server.mjs [port]     then open the printed URL
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const ROOTS = { '/pkg/': resolve(here, '..', '..', 'bindings-wasm', 'pkg', 'web'), '/': here }
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
}

async function handle (req, res) {
  const url = new URL(req.url, 'http://localhost')
  const path = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname)
  const prefix = Object.keys(ROOTS).find((p) => path.startsWith(p))
  const root = ROOTS[prefix]
  const file = normalize(join(root, path.slice(prefix.length)))
  if (!file.startsWith(root) || file.includes('node_modules') || file.includes(`${here}/test`)) {
    res.writeHead(404).end('not found')
    return
  }
  try {
    const body = await readFile(file)
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
    res.end(body)
  } catch {
    res.writeHead(404).end('not found')
  }
}

/** Starts the server on 127.0.0.1 (`port` 0 = any free port); resolves to `{ url, close }`. */
export function start (port = 0) {
  const server = createServer((req, res) => { handle(req, res).catch(() => res.writeHead(500).end()) })
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => {
    ok({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((done) => server.close(done)) })
  }))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await start(Number(process.argv[2] ?? 8080))
  console.log(`政府信息公开年度报告检查（演示）: ${url}`)
}
