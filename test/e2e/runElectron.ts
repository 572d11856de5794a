// `npm run test:e2e:electron`: the same suite (out/e2e/index.js) in desktop VS Code 1.100.3 through
// @vscode/test-electron, for machines with internet (it downloads VS Code into .vscode-test/).
// The offline runner for these machines is scripts/e2e/run-suite.mjs. On Linux without a display
// this re-runs itself under `xvfb-run -a` when xvfb-run is installed.
//   node --import tsx test/e2e/runElectron.ts     (after node esbuild.mjs && node scripts/e2e/bundleSuite.mjs)

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

/** The VS Code that code-server 4.100.3 embeds, so both runners test the same editor. */
const VSCODE_VERSION = '1.100.3';
const ROOT = resolve(__dirname, '../..');

function needsVirtualDisplay(): boolean {
  return process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && !process.env.CAREER_E2E_UNDER_XVFB;
}

function hasXvfbRun(): boolean {
  return spawnSync('sh', ['-c', 'command -v xvfb-run'], { stdio: 'ignore' }).status === 0;
}

async function main(): Promise<number> {
  if (needsVirtualDisplay()) {
    if (hasXvfbRun()) {
      const r = spawnSync('xvfb-run', ['-a', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
        stdio: 'inherit',
        env: { ...process.env, CAREER_E2E_UNDER_XVFB: '1' },
      });
      return r.status ?? 1;
    }
    console.warn('[e2e electron] no DISPLAY and no xvfb-run (apt-get install xvfb): VS Code may fail to start');
  }
  const extensionTestsPath = join(ROOT, 'out/e2e/index.js');
  if (!existsSync(extensionTestsPath)) {
    console.error(`[e2e electron] ${extensionTestsPath} is missing: run node scripts/e2e/bundleSuite.mjs first (npm run test:e2e:electron does)`);
    return 2;
  }
  const workspace = mkdtempSync(join(tmpdir(), 'career-e2e-handbook-'));
  cpSync(join(ROOT, 'examples/handbook'), workspace, { recursive: true });
  try {
    return await runTests({
      version: VSCODE_VERSION,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath,
      // Other installed extensions stay out; the tests check they run this checkout's extension.
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { CAREER_E2E_EXTENSION_PATH: ROOT },
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[e2e electron] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
