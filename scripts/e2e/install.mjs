#!/usr/bin/env node
// Installs the offline real-editor test kit into a cache folder outside the checkout:
// code-server 4.100.3 (VS Code 1.100.3 server with a Node extension host) and playwright-core
// (drives Debian's Chromium). npm only; Chromium and the build tools come from Debian (.ci/run).
// Idempotent: a second call checks a stamp and returns in milliseconds.
// Needs no Kerberos headers (libkrb5-dev): VS Code's `kerberos` native module, used only for
// Kerberos proxy authentication, is left out (see dropKerberos).
//   node scripts/e2e/install.mjs          install if missing, print the paths
// Env: CAREER_E2E_HOME (default ~/.cache/handbook-career-pages-e2e).
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

// code-server 4.100.3 is the newest release whose engines.node is 20; it embeds VS Code 1.100.3.
export const CODE_SERVER_VERSION = '4.100.3';
export const VSCODE_VERSION = '1.100.3';
const PLAYWRIGHT_CORE_VERSION = '1.65.1';
// code-server's postinstall installs @vscode/ripgrep 1.15.11, whose own postinstall downloads this
// asset from GitHub unless it already sits in os.tmpdir()/vscode-ripgrep-cache-1.15.11/. The same
// binary is on npm inside @vscode/ripgrep-linux-x64, so we put it there first.
const RIPGREP_WRAPPER_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const RIPGREP_BINARY_PACKAGE = '@vscode/ripgrep-linux-x64@1.18.0';

export function kitPaths() {
  const home = process.env.CAREER_E2E_HOME || join(homedir(), '.cache', 'handbook-career-pages-e2e');
  const prefix = join(home, `code-server-${CODE_SERVER_VERSION}`);
  return {
    home,
    prefix,
    codeServerEntry: join(prefix, 'node_modules/code-server/out/node/entry.js'),
    playwrightCore: join(prefix, 'node_modules/playwright-core'),
    stamp: join(prefix, '.installed.json'),
  };
}

/**
 * Why the kit cannot run (or, when it is not installed yet, cannot be installed) on this machine,
 * naming what to install; undefined when it can.
 */
export function unsupportedReason(paths = kitPaths()) {
  if (process.versions.node.split('.')[0] !== '20') return `code-server ${CODE_SERVER_VERSION} needs Node 20, this is ${process.version}`;
  if (process.platform !== 'linux') return `the offline kit is set up for Linux only, this is ${process.platform}`;
  if (isInstalled(paths)) return undefined;
  // Installing compiles code-server's native modules (node-pty, spdlog, native-watchdog, argon2...) with node-gyp.
  const missing = [];
  if (!process.env.CXX && !onPath('g++') && !onPath('c++')) missing.push('g++');
  if (!onPath('make')) missing.push('make');
  if (!process.env.PYTHON && !process.env.npm_config_python && !onPath('python3')) missing.push('python3');
  if (missing.length) {
    return `installing code-server compiles native modules and this machine has no ${missing.join(', ')} (apt-get install ${missing.join(' ')}; .ci/run installs them)`;
  }
  if (!nodeHeadersDir()) {
    return (
      `installing code-server compiles native modules against Node's C headers, and there are none for ${process.execPath} ` +
      `(looked for include/node/common.gypi in ${[...new Set([nodePrefix(), '/usr'])].join(' and ')}): use a Node 20 build that ships them ` +
      "(NodeSource's nodejs package, the nodejs.org tarballs, nvm) or set npm_config_nodedir"
    );
  }
  return undefined;
}

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command)));
}

function nodePrefix() {
  return dirname(dirname(process.execPath));
}

/**
 * Where node-gyp finds Node's headers without downloading them from nodejs.org (offline): the
 * configured nodedir, else the running Node's own prefix, else /usr.
 */
function nodeHeadersDir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  return [nodePrefix(), '/usr'].find((dir) => existsSync(join(dir, 'include/node/common.gypi')));
}

export function isInstalled(paths = kitPaths()) {
  return existsSync(paths.stamp) && existsSync(paths.codeServerEntry) && existsSync(join(paths.playwrightCore, 'package.json'));
}

/**
 * Installs the kit unless it is already there and returns its paths. Installs into a fresh staging
 * folder that is renamed into place at the end, so an interrupted install never looks installed and
 * two concurrent installs (several test runs on one machine) do not write into the same folder.
 *
 * Two npm steps, the same on every machine: `npm install --ignore-scripts` (download only), then,
 * with VS Code's `kerberos` dependency taken out (dropKerberos), `npm rebuild`, which runs every
 * install script: argon2's build and code-server's postinstall (the nested `npm install`s in
 * lib/vscode and lib/vscode/extensions that compile VS Code's native modules).
 */
export function ensureInstalled({ log = (s) => console.log(`[e2e install] ${s}`) } = {}) {
  const paths = kitPaths();
  if (isInstalled(paths)) return paths;
  const why = unsupportedReason(paths);
  if (why) throw new Error(why);

  const started = Date.now();
  mkdirSync(paths.home, { recursive: true });
  removeStaleStaging(paths.home);
  const staging = mkdtempSync(join(paths.home, `.staging-${CODE_SERVER_VERSION}-`));
  const tmp = join(staging, 'tmp');
  mkdirSync(tmp);
  const logFile = join(staging, 'npm-install.log');
  const failedLog = join(paths.home, 'last-failed-install.log');
  try {
    if (process.arch === 'x64') {
      const rgCache = join(tmp, `vscode-ripgrep-cache-${RIPGREP_WRAPPER_VERSION}`);
      mkdirSync(rgCache);
      mustRun('npm', ['pack', '--silent', RIPGREP_BINARY_PACKAGE], { cwd: tmp });
      const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
      mustRun('tar', ['xzf', tarball], { cwd: tmp });
      mustRun('tar', ['czf', join(rgCache, RIPGREP_ASSET), '-C', join(tmp, 'package/bin'), 'rg']);
    }

    writeFileSync(
      join(staging, 'package.json'),
      JSON.stringify(
        {
          private: true,
          dependencies: { 'code-server': CODE_SERVER_VERSION, 'playwright-core': PLAYWRIGHT_CORE_VERSION },
          // npm 11 gates dependency install scripts; code-server's postinstall must run (nested npm installs).
          allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true },
        },
        null,
        2,
      ),
    );

    const env = {
      ...process.env,
      TMPDIR: tmp, // so os.tmpdir() in ripgrep's postinstall finds the cached asset
      // code-server's postinstall exits as root unless this is set (npm 11 calls it an unknown config; the script reads it).
      npm_config_unsafe_perm: 'true',
      // node-gyp builds the native modules against the local Node headers instead of downloading them.
      npm_config_nodedir: nodeHeadersDir(),
      npm_config_dangerously_allow_all_scripts: 'true',
      npm_config_yes: 'true',
      npm_config_update_notifier: 'false',
    };
    const npm = (what, args) => {
      const stepStarted = Date.now();
      const r = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=warn'], {
        cwd: staging,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        env,
      });
      appendFileSync(logFile, `$ npm ${args.join(' ')}\n${r.stdout ?? ''}\n${r.stderr ?? ''}\n`);
      if (r.status !== 0) {
        const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-40).join('\n');
        throw new Error(`${what} failed (npm ${args[0]}, exit ${r.status}); last lines:\n${tail}`);
      }
      return Math.round((Date.now() - stepStarted) / 1000);
    };

    log(`npm install code-server@${CODE_SERVER_VERSION} playwright-core@${PLAYWRIGHT_CORE_VERSION} into ${paths.prefix} (under a minute the first time)`);
    const downloadSeconds = npm('downloading code-server', ['install', '--ignore-scripts']);
    dropKerberos(join(staging, 'node_modules/code-server/lib/vscode'));
    const buildSeconds = npm("building code-server's native modules", ['rebuild']);

    const vscode = join(staging, 'node_modules/code-server/lib/vscode');
    for (const [file, what] of [
      ['node_modules/@vscode/ripgrep/bin/rg', 'ripgrep'],
      ['node_modules/node-pty/build/Release/pty.node', 'the node-pty native module'],
      ['extensions/node_modules/typescript/package.json', "the built-in extensions' dependencies"],
    ]) {
      if (!existsSync(join(vscode, file))) throw new Error(`code-server installed without ${what} (${join(vscode, file)}); see ${logFile}`);
    }
    rmSync(tmp, { recursive: true, force: true });
    writeFileSync(
      join(staging, '.installed.json'),
      JSON.stringify(
        {
          codeServer: CODE_SERVER_VERSION,
          vscode: VSCODE_VERSION,
          playwrightCore: PLAYWRIGHT_CORE_VERSION,
          node: process.version,
          withoutKerberos: true,
          seconds: Math.round((Date.now() - started) / 1000),
          downloadSeconds,
          buildSeconds,
        },
        null,
        2,
      ),
    );
  } catch (e) {
    // Keep the log where the next run does not delete it; the half-installed staging folder goes.
    try {
      writeFileSync(failedLog, existsSync(logFile) ? readFileSync(logFile) : '');
    } catch {
      /* the error below says enough */
    }
    rmSync(staging, { recursive: true, force: true });
    e.message = `${e.message}\nfull log: ${failedLog}`.replace(`see ${logFile}`, `see ${failedLog}`);
    throw e;
  }

  if (isInstalled(paths)) {
    // Another run finished first: keep its copy.
    rmSync(staging, { recursive: true, force: true });
  } else {
    rmSync(paths.prefix, { recursive: true, force: true }); // a copy without a stamp is incomplete
    renameSync(staging, paths.prefix);
  }
  rmSync(failedLog, { force: true });
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return paths;
}

/**
 * Takes VS Code's `kerberos` dependency out of lib/vscode before code-server's postinstall installs
 * it. It is a native module whose build needs the Kerberos headers (<gssapi/gssapi.h>, Debian's
 * libkrb5-dev) and a download of prebuilt binaries that fails offline. VS Code loads it only to answer a
 * proxy's Kerberos (Negotiate) challenge, with `await import("kerberos")` inside a try/catch, in the
 * server and in the extension host; the tests use no proxy. Its own dependencies stay in the
 * shrinkwrap (other modules share them; npm does not install what nothing needs).
 */
function dropKerberos(vscodeDir) {
  const edit = (file, change) => {
    const path = join(vscodeDir, file);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    change(json);
    writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
  };
  const remove = (object, key, where) => {
    if (!object || !(key in object))
      throw new Error(`code-server ${CODE_SERVER_VERSION}: expected ${key} in ${where}; its layout changed, see dropKerberos in scripts/e2e/install.mjs`);
    delete object[key];
  };
  edit('package.json', (pkg) => remove(pkg.dependencies, 'kerberos', 'lib/vscode/package.json dependencies'));
  edit('npm-shrinkwrap.json', (lock) => {
    remove(lock.packages?.['']?.dependencies, 'kerberos', 'lib/vscode/npm-shrinkwrap.json packages[""].dependencies');
    remove(lock.packages, 'node_modules/kerberos', 'lib/vscode/npm-shrinkwrap.json packages');
  });
}

/** Staging folders of installs that died (killed, machine stopped) more than two hours ago. */
function removeStaleStaging(home) {
  for (const name of readdirSync(home)) {
    if (!name.startsWith('.staging-')) continue;
    const dir = join(home, name);
    try {
      if (Date.now() - statSync(dir).mtimeMs > 2 * 3600 * 1000) rmSync(dir, { recursive: true, force: true });
    } catch {
      /* another run removed it */
    }
  }
}

function mustRun(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}): ${r.stderr}`);
  return r.stdout;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let paths;
  try {
    paths = ensureInstalled();
  } catch (e) {
    console.error(`[e2e install] ${e.message}`);
    process.exit(1);
  }
  const version = (p) => JSON.parse(readFileSync(p, 'utf8')).version;
  console.log(
    `code-server     ${version(join(paths.prefix, 'node_modules/code-server/package.json'))} (VS Code ${version(join(paths.prefix, 'node_modules/code-server/lib/vscode/package.json'))}): ${paths.codeServerEntry}`,
  );
  console.log(`playwright-core ${version(join(paths.playwrightCore, 'package.json'))}: ${paths.playwrightCore}`);
  console.log(`chromium        ${existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : 'missing (apt-get install chromium)'}`);
}
