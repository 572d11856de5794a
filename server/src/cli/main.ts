// The CLI bundle (dist/cli-bundle.js), which the `career-lint` executable (package.json "bin" →
// dist/cli.js, launch.ts) runs with V8's code cache; worker threads run it directly.
import { REPORT_URL } from '../core';
import { runCli } from './cli';
import { isCareerLintWorker, serveAsWorker } from './parallel';

declare const PACKAGE_VERSION: string;

if (isCareerLintWorker()) serveAsWorker();
else main();

function main(): void {
  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    version: PACKAGE_VERSION,
    // Worker threads (parallel.ts) run this same file.
    workerScript: __filename,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // Failures on single files are reported in the report; this is a failure of the run itself.
      process.stderr.write(`career-lint: internal error: ${e instanceof Error ? e.stack : String(e)}\nPlease report it at ${REPORT_URL}.\n`);
      process.exitCode = 3;
    },
  );
}
