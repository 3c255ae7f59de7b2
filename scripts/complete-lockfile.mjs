#!/usr/bin/env node
// Completes package-lock.json with the platform-specific optional packages
// (e.g. @rollup/rollup-darwin-arm64) that npm on this machine leaves out of
// the lockfile but that `npm ci` (npm 11) still insists on finding there.
// Run after `npm install` changes the lockfile: node scripts/complete-lockfile.mjs
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;

function view(spec) {
  try {
    const out = execFileSync('npm', ['view', spec, 'version', 'os', 'cpu', 'libc', 'dist.integrity', 'license', 'engines', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const meta = JSON.parse(out);
    return Array.isArray(meta) ? meta[meta.length - 1] : meta;
  } catch {
    return null;
  }
}

for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    // npm resolves a dependency next to its dependant first, then at the top.
    const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
    const top = `node_modules/${name}`;
    if (packages[nested] || packages[top]) continue;
    // The registry mirror here may lack this platform's build of this exact
    // version; its platform fields are the same in any version, so fall back
    // to the latest one (without an integrity hash: it is never installed here).
    const info = view(`${name}@${version}`) ?? view(name);
    if (!info) throw new Error(`${name}: not in the registry`);
    packages[top] = {
      version,
      ...(info.version === version && info['dist.integrity'] ? { integrity: info['dist.integrity'] } : {}),
      ...(info.license ? { license: info.license } : {}),
      optional: true,
      ...(info.os ? { os: [info.os].flat() } : {}),
      ...(info.cpu ? { cpu: [info.cpu].flat() } : {}),
      ...(info.libc ? { libc: [info.libc].flat() } : {}),
      ...(info.engines ? { engines: info.engines } : {}),
    };
    added++;
  }
}

lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: added ${added} optional platform packages`);
