// The `career-lint` executable (package.json "bin" → dist/cli.js). It runs the CLI bundle
// (dist/cli-bundle.js, built from main.ts) with V8's code cache, so that a run does not compile the
// 1.5 MB bundle and the functions it calls again: about 50 ms of the half second a cached re-run
// takes. Node 20 has no compile cache of its own (module.enableCompileCache is Node 22).
//
// The cache is written beside the bundle, when that folder is writable, at the end of a lint run that
// found none it could use (so it holds what such a run compiles). V8 checks only the source's length
// and its own version and flags before using a cache, so the file names the bundle's SHA-256 and
// Node's version on its first line; another bundle or another Node ignores it, and rewrites it. It is
// written atomically (a temporary file renamed over it). Worker threads (parallel.ts) run the bundle
// itself.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

const bundle = path.join(__dirname, 'cli-bundle.js');
const cacheFile = `${bundle}.v8-cache`;

run();

function run(): void {
  const source = fs.readFileSync(bundle, 'utf8');
  const key = `${createHash('sha256').update(source).digest('base64')} ${process.version} ${process.arch}`;
  const cachedData = readCache(key);
  // The wrapper CommonJS gives a module (the bundle is one, with no exports).
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
  if ((cachedData === undefined || script.cachedDataRejected) && !process.argv.slice(2).some((a) => /^(-h|-v|--help|--version|--list-rules)$/.test(a))) {
    process.once('exit', () => writeCache(key, script));
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, __dirname);
}

/** The code cache for this bundle and this Node, or undefined. */
function readCache(key: string): Buffer | undefined {
  let data: Buffer;
  try {
    data = fs.readFileSync(cacheFile);
  } catch {
    return undefined; // none yet
  }
  const newline = data.indexOf(10);
  return newline > 0 && data.toString('utf8', 0, newline) === key ? data.subarray(newline + 1) : undefined;
}

function writeCache(key: string, script: vm.Script): void {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, Buffer.concat([Buffer.from(`${key}\n`), script.createCachedData()]));
    fs.renameSync(temp, cacheFile);
  } catch {
    // A folder that cannot be written (a global install): every run compiles the bundle, as without a cache.
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // Nothing was left behind.
    }
  }
}
