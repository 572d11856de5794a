#!/usr/bin/env node
// `npm start`: build, then lint the bundled example handbook and show what it finds. The example
// pages carry real defects on purpose, so findings are the expected result; this exits non-zero
// only when the build or the linter itself fails.
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
console.log('\n$ career-lint examples/handbook\n');
const lint = spawnSync(process.execPath, ['dist/cli.js', 'examples/handbook'], { cwd: root, stdio: 'inherit' });
if (lint.status === 0 || lint.status === 1) {
  console.log('\nThese findings are in the example pages on purpose. Try: node dist/cli.js --help, or open examples/handbook in VS Code with the extension.');
  process.exit(0);
}
process.exit(lint.status ?? 2);
