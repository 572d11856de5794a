#!/usr/bin/env node
// `npm run try`: VS Code in your browser with the extension installed from a freshly built .vsix
// and a temporary copy of examples/handbook open. Prints the local URL; Ctrl-C stops it and
// removes the temporary files. Same offline kit as the e2e tests (code-server 4.100.3 = VS Code 1.100.3).
//   npm run try [-- --port 8080]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './bundleSuite.mjs';
import { freePort, installVsix, startCodeServer } from './codeServer.mjs';
import { ensureInstalled, unsupportedReason } from './install.mjs';
import { packageVsix } from './packageVsix.mjs';

const { values: opt } = parseArgs({ options: { port: { type: 'string' }, verbose: { type: 'boolean', default: false } } });
const log = (s) => console.log(`[try] ${s}`);

const unsupported = unsupportedReason();
if (unsupported) {
  console.error(`npm run try: ${unsupported}`);
  process.exit(2);
}

const kit = ensureInstalled();
const { vsix, bytes } = packageVsix({ log });
// Packaging left a minified dist/ without source maps; put the development build back.
const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const scratch = mkdtempSync(join(tmpdir(), 'career-try-'));
const workspace = join(scratch, 'handbook');
cpSync(join(ROOT, 'examples/handbook'), workspace, { recursive: true });
const extensionsDir = join(scratch, 'extensions');
mkdirSync(extensionsDir);
installVsix(kit, vsix, extensionsDir, scratch);
log(`installed ${vsix.slice(ROOT.length)} (${(bytes / 1024).toFixed(1)} KiB) into a temporary extensions folder`);

const port = opt.port ? Number(opt.port) : await portOr(8080);
const server = await startCodeServer({
  kit,
  scratch,
  extensionsDir,
  port,
  onOutput: (text) => opt.verbose && process.stdout.write(text),
});

const page = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity/intermediate.md';
const payload = [['openFile', `vscode-remote://127.0.0.1:${port}${join(workspace, page)}`]];
const url = `${server.base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
console.log(`
  Handbook Career Pages ${version} in VS Code (code-server, no password, this machine only):

    ${url}

  The example handbook is a temporary copy: edit freely. Its seed pages open with findings
  (Problems view: Ctrl+Shift+M). Ctrl-C here stops the editor and deletes the copy.
`);

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await server.stop();
  rmSync(scratch, { recursive: true, force: true });
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
server.exited.then(({ code, signal }) => {
  if (stopping) return;
  console.error(`code-server stopped unexpectedly (${code ?? signal}):\n${server.output.join('').split('\n').slice(-20).join('\n')}`);
  stop(1);
});

/** The preferred port when it is free, otherwise any free one. */
async function portOr(preferred) {
  const net = await import('node:net');
  const free = await new Promise((resolve) => {
    const probe = net.createServer().once('error', () => resolve(false));
    probe.listen(preferred, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
  if (free) return preferred;
  const other = await freePort();
  log(`port ${preferred} is taken, using ${other}`);
  return other;
}
