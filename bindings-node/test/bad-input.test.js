'use strict'
require('../../tests/js/bad-input.cjs').runBadInput(require('..'), 'zfxxgk (native)')
