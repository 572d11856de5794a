// Drives a real VS Code offline: code-server (the VS Code server with a Node extension host) plus
// its web workbench in headless Debian Chromium, controlled with playwright-core.
// Used by run-suite.mjs (tests) and try.mjs (a person in a browser). No dependencies beyond the kit
// that install.mjs puts into a cache folder.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';

export const CHROMIUM = process.env.CAREER_E2E_CHROMIUM || '/usr/bin/chromium';

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Installs a .vsix into an extensions folder with code-server's own CLI (offline, about 1 s). */
export function installVsix(kit, vsix, extensionsDir, scratch) {
  const config = join(scratch, 'install-config.yaml');
  writeFileSync(config, '');
  const r = spawnSync(
    process.execPath,
    [
      kit.codeServerEntry,
      '--config',
      config,
      '--user-data-dir',
      join(scratch, 'install-user-data'),
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      vsix,
    ],
    { encoding: 'utf8', env: { ...process.env, EXTENSIONS_GALLERY: '{}' } },
  );
  if (r.status !== 0 || !/successfully installed/i.test(r.stdout)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout.trim();
}

/**
 * Starts code-server on 127.0.0.1 without auth, telemetry, update checks, workspace trust or a
 * marketplace, in its own process group (so stop() takes the extension host and the language
 * server down with it). Resolves once /healthz answers.
 */
export async function startCodeServer({ kit, scratch, extensionsDir, port, env = {}, settings = {}, onOutput = () => {} }) {
  const userData = join(scratch, 'user-data');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(
    join(userData, 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        ...settings,
      },
      null,
      2,
    ),
  );
  // An empty config file: ~/.config/code-server/config.yaml is then neither read nor created.
  const config = join(scratch, 'code-server-config.yaml');
  writeFileSync(config, '');
  const childTmp = join(scratch, 'tmp');
  mkdirSync(childTmp, { recursive: true });
  port ??= await freePort();
  const child = spawn(
    process.execPath,
    [
      kit.codeServerEntry,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--config',
      config,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensionsDir,
    ],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      // EXTENSIONS_GALLERY={}: no Open VSX queries that fail offline. TMPDIR: VS Code's sockets and
      // temp files land in the scratch folder and go with it.
      env: { ...process.env, EXTENSIONS_GALLERY: '{}', TMPDIR: childTmp, ...env },
    },
  );
  const output = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      const text = String(chunk);
      output.push(text);
      onOutput(text);
    });
  }
  // If the Node process driving this is killed outright, nothing else would stop code-server's group
  // or remove the scratch folder.
  const watchdog = spawn(
    'sh',
    ['-c', `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -KILL -${child.pid} 2>/dev/null; rm -rf '${scratch}'`],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const state = await Promise.race([
      exited.then((e) => ({ exited: e })),
      fetch(`${base}/healthz`).then(
        (r) => ({ ok: r.ok }),
        () => ({ ok: false }),
      ),
    ]);
    if (state.exited) throw new Error(`code-server exited before listening (${state.exited.code ?? state.exited.signal}):\n${output.join('')}`);
    if (state.ok) break;
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${base} within 60 s:\n${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    }
    killGroup(child.pid, 'SIGKILL'); // the extension host and language servers may outlive the server itself
    watchdog.kill('SIGKILL');
  };
  return { base, port, child, exited, output, stop };
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (e) {
    if (e.code !== 'ESRCH') throw e; // already gone
  }
}

function loadChromium(kit) {
  return createRequire(join(kit.playwrightCore, 'package.json'))('playwright-core').chromium;
}

/**
 * Runs the extension tests whose entry is `testsIndex` (a CommonJS file exporting run()) in one
 * editor launch, the way @vscode/test-electron does, on a fresh copy of `workspaceTemplate`, and
 * returns the per-test results: those the tests index appends to CAREER_E2E_RESULTS (the Node
 * extension host), and those it prints as `[career-e2e-result] {json}` console lines (the web-worker
 * host, which has no file system; the workbench forwards its console to codeAutomationLog).
 *   quiet: do not echo the extension host's output (mocha's report); verbose: echo everything.
 *   extensionDevelopmentPath: the extension folder to load as "under development". Required: the
 *   workbench runs extension tests only in development mode. To test what is installed in
 *   extensionsDir, pass an empty folder.
 *   settings: user settings added to the defaults (the web suite's remote.extensionKind).
 *   onLog: called with every line the workbench logs (extension host console included).
 */
export async function runExtensionTests({
  kit,
  label,
  workspaceTemplate,
  testsIndex,
  extensionDevelopmentPath,
  extensionsDir,
  env = {},
  settings = {},
  onLog = () => {},
  timeoutSeconds = 180,
  loadTimeoutSeconds = 90,
  verbose = false,
  quiet = false,
  log = (s) => console.log(`[e2e ${label}] ${s}`),
}) {
  const started = Date.now();
  const since = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  const scratch = mkdtempSync(join(tmpdir(), `career-e2e-${label}-`));
  const resultsFile = join(scratch, 'results.jsonl');
  // The tests change files in the workspace: they get a fresh copy, which goes with the scratch folder.
  const workspace = join(scratch, 'workspace');
  cpSync(workspaceTemplate, workspace, { recursive: true });
  const phases = {};
  const resultLines = [];
  let server;
  let browser;
  let settle;
  const done = new Promise((resolve) => {
    settle = resolve;
  });
  const finish = (reason, exitCode) => settle({ reason, exitCode });
  const timer = setTimeout(() => finish(`timed out after ${timeoutSeconds} s`, 124), timeoutSeconds * 1000);
  // The fixed start-up cost is 5-15 s; tests that have not loaded after this will not load.
  const loadTimer = setTimeout(
    () => finish(`the tests did not load within ${loadTimeoutSeconds} s (is the extension host running?)`, 124),
    loadTimeoutSeconds * 1000,
  );
  const onSignal = (signal) => finish(`interrupted by ${signal}`, 130);
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, onSignal);
  // playwright creates Chromium's profile under os.tmpdir(): point it into the scratch folder.
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = join(scratch, 'tmp');
  mkdirSync(process.env.TMPDIR, { recursive: true });

  try {
    const browserLaunch = loadChromium(kit).launch({
      executablePath: CHROMIUM,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false, // our cleanup runs instead
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
      ],
    });
    browserLaunch.catch(() => {}); // awaited below; a rejection before that must not crash the process
    server = await startCodeServer({
      kit,
      scratch,
      extensionsDir: extensionsDir ?? join(scratch, 'extensions'),
      env: { ...env, CAREER_E2E_RESULTS: resultsFile },
      settings,
      onOutput: (text) => {
        if (verbose) process.stdout.write(`[code-server ${since()}] ${text}`);
        else if (/not compatible with Code|Error: /.test(text)) log(text.trim());
      },
    });
    phases.listening = since();
    server.exited.then(({ code, signal }) => finish(`code-server exited (${code ?? signal})`, 1));

    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
      ['extensionTestsPath', remote(testsIndex)],
    ];
    const url = `${server.base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    // code-server loads the VS Code server on the first page request: let that happen while Chromium starts.
    await Promise.all([
      fetch(url).then(
        (r) => r.text(),
        () => undefined,
      ),
      browserLaunch.then((b) => {
        browser = b;
      }),
    ]);
    browser.on('disconnected', () => finish('the browser went away', 1));
    // code-server brotli-compresses the 11 MB workbench.js on every request; on loopback that only costs CPU.
    const page = await browser.newPage({ extraHTTPHeaders: { 'Accept-Encoding': 'identity' } });
    // The workbench calls these while it runs extension tests (the hooks @vscode/test-web uses).
    let testsStarted = false;
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const text = format(...args);
      onLog(text);
      if (text.startsWith(RESULT_PREFIX)) {
        resultLines.push(text.slice(RESULT_PREFIX.length));
        if (verbose) console.log(`[host ${since()}] ${text}`);
        return;
      }
      if (text.includes('[career-e2e] tests loaded')) {
        testsStarted = true;
        phases.testsLoaded = since();
        clearTimeout(loadTimer);
      }
      if (verbose) console.log(`[host ${since()}] ${text}`);
      else if (testsStarted && !quiet && !GALLERY_OFF_NOISE.test(text)) console.log(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish('tests finished', code));
    page.on('crash', () => finish('the page crashed', 1));
    if (verbose) page.on('console', (m) => console.log(`[browser ${since()}] ${m.text()}`));
    await Promise.race([page.goto(url), done]);
    phases.pageLoaded = since();
  } catch (e) {
    finish(`runner error: ${e.stack || e}`, 1);
  }

  const { reason, exitCode } = await done;
  clearTimeout(timer);
  clearTimeout(loadTimer);
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(s, onSignal);
  phases.finished = since();
  const results = readResults(resultsFile, resultLines);
  if (browser) await Promise.race([browser.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (server) await server.stop();
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  if (process.env.CAREER_E2E_KEEP) log(`kept ${scratch} (VS Code logs under user-data/logs)`);
  else rmSync(scratch, { recursive: true, force: true });

  // A run that ended badly without a failing test (timeout, crash, activation error) is a failure too.
  if (exitCode !== 0 && !results.failed.length) {
    results.failed.push({ title: `(run) ${reason}`, error: `exit code ${exitCode}; no failing test was reported` });
  }
  return { label, reason, exitCode, ...results, seconds: (Date.now() - started) / 1000, phases };
}

// The marketplace is switched off on purpose; the workbench says so a few times during the tests.
const GALLERY_OFF_NOISE = /^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache)/;

/** How a tests index without a file system (the web-worker host) reports each result: a console line. */
export const RESULT_PREFIX = '[career-e2e-result] ';

function readResults(file, logged) {
  const lines = [...(existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []), ...logged];
  const events = lines.filter(Boolean).map((line) => JSON.parse(line));
  return {
    passed: events.filter((e) => e.state === 'passed').map((e) => e.title),
    failed: events.filter((e) => e.state === 'failed').map((e) => ({ title: e.title, error: e.error })),
    skipped: events.filter((e) => e.state === 'skipped').map((e) => e.title),
  };
}
