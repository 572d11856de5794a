// The tests entry point VS Code's extension host loads (extensionTestsPath), for both runners:
// scripts/e2e/run-suite.mjs (code-server, offline) and test/e2e/runElectron.ts (@vscode/test-electron).
// Bundled to out/e2e/index.js; each suite file is its own bundle listed in out/e2e/suites.json, so
// that mocha's globals (suite, test, setup...) exist when it loads them.
//   CAREER_E2E_RESULTS=<file>  append one JSON line per test result (how the offline runner counts)
//   CAREER_E2E_GREP=<regexp>   run only the tests whose full title matches

import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000, reporter: 'spec' });
  if (process.env.CAREER_E2E_GREP) mocha.grep(new RegExp(process.env.CAREER_E2E_GREP));
  const suites = JSON.parse(readFileSync(join(__dirname, 'suites.json'), 'utf8')) as string[];
  for (const file of suites) mocha.addFile(join(__dirname, file));
  console.log(`[career-e2e] tests loaded: ${suites.length} suite files`);

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => (failures ? reject(new Error(`${failures} e2e tests failed`)) : resolve()));
    const resultsFile = process.env.CAREER_E2E_RESULTS;
    if (!resultsFile) return;
    const emit = (event: object) => appendFileSync(resultsFile, JSON.stringify(event) + '\n');
    runner.on('pass', (t) => emit({ state: 'passed', title: t.fullTitle() }));
    runner.on('fail', (t, err: Error) => emit({ state: 'failed', title: t.fullTitle(), error: String(err?.stack ?? err) }));
    runner.on('pending', (t) => emit({ state: 'skipped', title: t.fullTitle() }));
  });
}
