// The npm package: `npm pack` on a copy of this checkout gives a tarball whose files are exactly
// the CLI bundle and the package's documents; installed into an empty folder (offline: it has no
// dependencies, everything is bundled) `career-lint` runs there and lints a copy of the example
// handbook exactly as the checkout's CLI does.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/cli';
import { repoRoot } from '../support/fixtureSite';
import { copyOfExample } from '../support/lspClient';

const { name, version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };

/** npm as a user's shell runs it: none of the npm_* variables of an `npm test` around us, a cache of its own. */
function npm(args: string[], cwd: string, cache: string, command = 'npm'): SpawnSyncReturns<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  Object.assign(env, { npm_config_cache: cache, npm_config_update_notifier: 'false', npm_config_audit: 'false', npm_config_fund: 'false' });
  return spawnSync(command, args, { cwd, env, encoding: 'utf8' });
}

function mustSucceed(r: SpawnSyncReturns<string>, what: string): SpawnSyncReturns<string> {
  assert.equal(r.status, 0, `${what} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** The paths of the regular files in a .tgz (ustar headers of 512 bytes, each followed by its data). */
function tarballFiles(tgz: Buffer): string[] {
  const tar = gunzipSync(tgz);
  const files: string[] = [];
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) => header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const prefix = field(345, 155);
    const type = field(156, 1);
    if (type === '0' || type === '') files.push(prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files.sort();
}

describe('the npm package (npm pack, then npm install into an empty folder)', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'career-package-'));
  const cache = path.join(tmp, 'npm-cache');
  const install = path.join(tmp, 'install');
  let tarball = '';

  before(() => {
    // A copy of the checkout, so that the package's build (prepack: the minified bundles) does not
    // replace the dist/ other tests and editors use; node_modules is linked, not copied.
    const checkout = path.join(tmp, 'checkout');
    const skip = new Set(['node_modules', '.git', 'dist', 'out', 'test/artifacts'].map((p) => path.join(repoRoot, p)));
    cpSync(repoRoot, checkout, { recursive: true, filter: (src) => !skip.has(src) });
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
    const packs = path.join(tmp, 'packs');
    mkdirSync(packs);
    const packed = mustSucceed(npm(['pack', '--pack-destination', packs], checkout, cache), 'npm pack');
    // Only the tarball's name on standard output (.npmrc: prepack's output is captured): the
    // pre-commit framework installs the hook of .pre-commit-hooks.yaml from what npm pack prints.
    assert.equal(packed.stdout, `${name}-${version}.tgz\n`);
    assert.deepEqual(readdirSync(packs), [`${name}-${version}.tgz`]);
    tarball = path.join(packs, `${name}-${version}.tgz`);
    mkdirSync(install);
    // --offline: the package has no dependencies to fetch (they are bundled into dist/cli-bundle.js).
    mustSucceed(npm(['install', '--offline', '--no-audit', '--no-fund', tarball], install, cache), 'npm install <tarball>');
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('holds the CLI bundle, the README, the license, the changelog and package.json, nothing else', () => {
    assert.deepEqual(tarballFiles(readFileSync(tarball)), [
      'package/CHANGELOG.md',
      'package/LICENSE',
      'package/README.md',
      'package/dist/cli-bundle.js',
      'package/dist/cli.js',
      'package/package.json',
    ]);
  });

  it('installs as one package, with no dependencies (every library is bundled, so all are devDependencies)', () => {
    assert.deepEqual(readdirSync(path.join(install, 'node_modules')).sort(), ['.bin', '.package-lock.json', name]);
    const lock = JSON.parse(readFileSync(path.join(install, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dependencies?: object }> };
    assert.deepEqual(Object.keys(lock.packages), ['', `node_modules/${name}`]);
    assert.equal(lock.packages[`node_modules/${name}`].dependencies, undefined, 'a runtime dependency: bundle it (esbuild) and list it under devDependencies');
    assert.deepEqual(readdirSync(path.join(install, 'node_modules/.bin')), ['career-lint']);
  });

  it('runs with npx from the install folder', () => {
    const r = mustSucceed(npm(['--offline', 'career-lint', '--version'], install, cache, 'npx'), 'npx career-lint --version');
    assert.equal(r.stdout, `${version}\n`);
  });

  it('lints a copy of the example handbook exactly as the checkout does', async () => {
    const site = copyOfExample();
    try {
      const r = spawnSync(path.join(install, 'node_modules/.bin/career-lint'), [], { cwd: site.dir, encoding: 'utf8' });
      assert.equal(r.stderr, '26 files checked: 1 error, 14 warnings.\n');
      assert.equal(r.status, 1);
      let stdout = '';
      const code = await runCli([], { cwd: site.dir, stdout: (s) => (stdout += s), stderr: () => {}, version });
      assert.equal(code, 1);
      assert.equal(r.stdout, stdout);
    } finally {
      site.dispose();
    }
  });
});
