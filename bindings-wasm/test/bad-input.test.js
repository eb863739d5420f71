'use strict'
const { runBadInput, runPathological } = require('../../tests/js/bad-input.cjs')
runBadInput(require('zfxxgk-wasm'), 'zfxxgk-wasm')
runPathological(require('zfxxgk-wasm'), 'zfxxgk-wasm')
