'use strict'
// Every conformance vector through the WASM build (the Node-loadable one, via the package's
// conditional exports).
require('../../tests/js/vectors.cjs').runVectors(require('zfxxgk-wasm'), 'zfxxgk-wasm')
