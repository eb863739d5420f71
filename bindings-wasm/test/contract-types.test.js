'use strict'
// The contract's TypeScript shapes are written once and shipped by both npm packages.
const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')

test('types/contract.d.ts is the native package contract.d.ts', () => {
  const here = fs.readFileSync(path.join(__dirname, '..', 'types', 'contract.d.ts'), 'utf8')
  const native = fs.readFileSync(path.join(__dirname, '..', '..', 'bindings-node', 'contract.d.ts'), 'utf8')
  assert.equal(here, native, 'copy bindings-node/contract.d.ts to bindings-wasm/types/contract.d.ts')
})
