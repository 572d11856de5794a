// The tests entry point of the web suite (extensionTestsPath), run by scripts/e2e-web/run-web-suite.mjs
// in the web-worker extension host. That host loads it with fetch + new Function(module, exports,
// require), and its require() serves only 'vscode': so scripts/e2e-web/bundleWebSuite.mjs bundles
// this file, mocha's browser build, the suite files and the assert polyfill into ONE CommonJS file
// inside the extension folder (the workbench runs tests in the host of the extension whose folder
// holds them). There is no file system here: each result goes out as a console line, which the
// workbench forwards to the runner (window.codeAutomationLog).

import 'mocha/mocha.js';

/** The prefix of a result line (scripts/e2e/codeServer.mjs RESULT_PREFIX reads them). */
const RESULT = '[career-e2e-result] ';
/** The prefix of the line saying which host this is (the runner refuses a run outside a web worker). */
const HOST = '[career-e2e-web] host ';

declare const mocha: BrowserMocha;
interface BrowserMocha {
  setup(options: { ui: string; reporter: string; color: boolean; timeout: number }): void;
  grep(re: RegExp): void;
  run(done: (failures: number) => void): Mocha.Runner;
}

/** What the tests run in: a web worker (no Node), as in vscode.dev and the GitLab Web IDE. */
export function hostFacts(): { webWorker: boolean; node: string | undefined } {
  const g = globalThis as { WorkerGlobalScope?: new () => unknown; process?: { versions?: { node?: string } } };
  return { webWorker: typeof g.WorkerGlobalScope === 'function' && globalThis instanceof g.WorkerGlobalScope, node: g.process?.versions?.node };
}

/**
 * Runs the suite files `load` requires (the bundler generates it, listing test/e2e-web/suite/*.test.ts;
 * there is no file system to list them here), only those whose full title matches `grep` if given.
 */
export function run(load: () => void, grep: string | undefined): Promise<void> {
  const host = hostFacts();
  console.log(HOST + JSON.stringify(host));
  // 40 s: a case's first wait may include the site index being built from findFiles in the worker.
  mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 40_000 });
  if (grep) mocha.grep(new RegExp(grep));
  load();
  console.log('[career-e2e] tests loaded: the web suite');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => (failures ? reject(new Error(`${failures} web e2e tests failed`)) : resolve()));
    const emit = (event: object) => console.log(RESULT + JSON.stringify(event));
    runner.on('pass', (t) => emit({ state: 'passed', title: t.fullTitle() }));
    runner.on('fail', (t, err: Error) => emit({ state: 'failed', title: t.fullTitle(), error: String(err?.stack ?? err) }));
    runner.on('pending', (t) => emit({ state: 'skipped', title: t.fullTitle() }));
  });
}
