'use strict'
// Every conformance vector through the native addon.
require('../../tests/js/vectors.cjs').runVectors(require('..'), 'zfxxgk (native)')
