#!/usr/bin/env python3
# Usage: python3 tests/js/complete-lock.py bindings-node/package-lock.json  (after any `npm install` there)
#
# @napi-rs/cli depends on packages with one optional package per platform; the npm registry
# reachable from the build machines does not serve the other platforms' packages, so `npm install`
# leaves them out of the lock and `npm ci` then refuses it.
# Adds lock entries for platform-specific optional packages that the registry mirror does not
# serve, so that `npm ci` accepts the lock; npm skips them on other platforms without fetching.
import json, re, sys
p = sys.argv[1]
lock = json.load(open(p))
pk = lock['packages']
CPU = {'x64': 'x64', 'arm64': 'arm64', 'arm': 'arm', 'ia32': 'ia32', 'ppc64': 'ppc64', 'riscv64': 'riscv64', 's390x': 's390x', 'wasm32': 'wasm32'}
added = 0
for key, entry in list(pk.items()):
    for name, version in (entry.get('optionalDependencies') or {}).items():
        path = 'node_modules/' + name
        if path in pk:
            continue
        m = re.search(r'-(android|darwin|freebsd|linux|win32|wasm32)-([a-z0-9]+)(?:-([a-z]+))?$', name)
        new = {'version': version, 'dev': True, 'optional': True}
        if m:
            os_, cpu, abi = m.groups()
            if os_ == 'wasm32':
                new['cpu'] = ['wasm32']
            else:
                new['os'] = [os_]
                new['cpu'] = [CPU.get(cpu, cpu)]
                if abi in ('gnu', 'gnueabihf'):
                    new['libc'] = ['glibc']
                elif abi == 'musl':
                    new['libc'] = ['musl']
        pk[path] = new
        added += 1
lock['packages'] = dict(sorted(pk.items(), key=lambda kv: (kv[0] != '', kv[0])))
json.dump(lock, open(p, 'w'), indent=2)
open(p, 'a').write('\n')
print('added', added)
