#!/usr/bin/env node
// Installs the offline real-editor test kit into a cache folder outside the checkout:
// code-server 4.100.3 (VS Code 1.100.3 server with a Node extension host) and playwright-core
// (drives Debian's Chromium). npm only; the Debian packages (chromium, libkrb5-dev) come from
// .ci/run. Idempotent: a second call checks a stamp and returns in milliseconds.
//   node scripts/e2e/install.mjs          install if missing, print the paths
// Env: CAREER_E2E_HOME (default ~/.cache/handbook-career-pages-e2e).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
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

/** Why the kit cannot run on this machine, or undefined when it can. */
export function unsupportedReason() {
  if (process.versions.node.split('.')[0] !== '20') return `code-server ${CODE_SERVER_VERSION} needs Node 20, this is ${process.version}`;
  if (process.platform !== 'linux') return `the offline kit is set up for Linux only, this is ${process.platform}`;
  return undefined;
}

export function isInstalled(paths = kitPaths()) {
  return existsSync(paths.stamp) && existsSync(paths.codeServerEntry) && existsSync(join(paths.playwrightCore, 'package.json'));
}

/**
 * Installs the kit unless it is already there and returns its paths. Installs into a fresh staging
 * folder that is renamed into place at the end, so an interrupted install never looks installed and
 * two concurrent installs (several test runs on one machine) do not write into the same folder.
 */
export function ensureInstalled({ log = (s) => console.log(`[e2e install] ${s}`) } = {}) {
  const paths = kitPaths();
  if (isInstalled(paths)) return paths;
  const why = unsupportedReason();
  if (why) throw new Error(why);

  const started = Date.now();
  mkdirSync(paths.home, { recursive: true });
  const staging = mkdtempSync(join(paths.home, `.staging-${CODE_SERVER_VERSION}-`));
  const tmp = join(staging, 'tmp');
  mkdirSync(tmp);

  if (process.arch === 'x64') {
    const rgCache = join(tmp, `vscode-ripgrep-cache-${RIPGREP_WRAPPER_VERSION}`);
    mkdirSync(rgCache);
    mustRun('npm', ['pack', '--silent', RIPGREP_BINARY_PACKAGE], { cwd: tmp });
    const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    mustRun('tar', ['xzf', tarball], { cwd: tmp });
    mustRun('tar', ['czf', join(rgCache, RIPGREP_ASSET), '-C', join(tmp, 'package/bin'), 'rg']);
  }

  writeFileSync(join(staging, 'package.json'), JSON.stringify({
    private: true,
    dependencies: { 'code-server': CODE_SERVER_VERSION, 'playwright-core': PLAYWRIGHT_CORE_VERSION },
    // npm 11 gates dependency install scripts; code-server's postinstall must run (nested npm installs).
    allowScripts: { [`code-server@${CODE_SERVER_VERSION}`]: true, argon2: true },
  }, null, 2));

  log(`npm install code-server@${CODE_SERVER_VERSION} playwright-core@${PLAYWRIGHT_CORE_VERSION} into ${paths.prefix} (about a minute the first time)`);
  const logFile = join(staging, 'npm-install.log');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=warn'], {
    cwd: staging,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: {
      ...process.env,
      TMPDIR: tmp, // so os.tmpdir() in ripgrep's postinstall finds the cached asset
      // code-server's postinstall exits as root unless this is set (npm 11 calls it an unknown config; the script reads it).
      npm_config_unsafe_perm: 'true',
      // node-gyp builds the native modules against the local Node headers instead of downloading them.
      npm_config_nodedir: process.env.npm_config_nodedir || '/usr',
      npm_config_dangerously_allow_all_scripts: 'true',
      npm_config_yes: 'true',
      npm_config_update_notifier: 'false',
    },
  });
  writeFileSync(logFile, `${r.stdout ?? ''}\n${r.stderr ?? ''}`);
  if (r.status !== 0) {
    const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-40).join('\n');
    throw new Error(`npm install of code-server failed (exit ${r.status}); last lines:\n${tail}\nfull log: ${logFile}`);
  }
  const rg = join(staging, 'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg');
  if (!existsSync(rg)) throw new Error(`code-server installed without ripgrep (${rg}); see ${logFile}`);
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(join(staging, '.installed.json'), JSON.stringify({
    codeServer: CODE_SERVER_VERSION, vscode: VSCODE_VERSION, playwrightCore: PLAYWRIGHT_CORE_VERSION,
    node: process.version, seconds: Math.round((Date.now() - started) / 1000),
  }, null, 2));

  if (isInstalled(paths)) {
    // Another run finished first: keep its copy.
    rmSync(staging, { recursive: true, force: true });
  } else {
    rmSync(paths.prefix, { recursive: true, force: true }); // a copy without a stamp is incomplete
    renameSync(staging, paths.prefix);
  }
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return paths;
}

function mustRun(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}): ${r.stderr}`);
  return r.stdout;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const paths = ensureInstalled();
  const version = (p) => JSON.parse(readFileSync(p, 'utf8')).version;
  console.log(`code-server     ${version(join(paths.prefix, 'node_modules/code-server/package.json'))} (VS Code ${version(join(paths.prefix, 'node_modules/code-server/lib/vscode/package.json'))}): ${paths.codeServerEntry}`);
  console.log(`playwright-core ${version(join(paths.playwrightCore, 'package.json'))}: ${paths.playwrightCore}`);
  console.log(`chromium        ${existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : 'missing (apt-get install chromium)'}`);
}
