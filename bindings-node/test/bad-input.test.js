'use strict'
const { runBadInput, runPathological } = require('../../tests/js/bad-input.cjs')
runBadInput(require('..'), 'zfxxgk (native)')
runPathological(require('..'), 'zfxxgk (native)')
