// The `career-lint` executable (package.json "bin" → dist/cli.js).
import { runCli } from './cli';
import { runAsWorkerIfAsked } from './parallel';

declare const PACKAGE_VERSION: string;

if (!runAsWorkerIfAsked()) main();

function main(): void {
runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  version: PACKAGE_VERSION,
  script: __filename,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`career-lint: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 2;
  },
);
}
