#!/usr/bin/env node
// Bundles the real-editor suite test/e2e/**/*.ts into out/e2e/ (CommonJS, what VS Code's extension
// host loads): index.js plus one bundle per suite file, listed in out/e2e/suites.json. `vscode` is
// the editor's; `mocha` stays external so that the index and the suites share one mocha instance.
//   node scripts/e2e/bundleSuite.mjs
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SUITE_SOURCE = join(ROOT, 'test/e2e');
export const SUITE_OUT = join(ROOT, 'out/e2e');

function suiteFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return suiteFiles(p);
      return name.endsWith('.test.ts') ? [p] : [];
    });
}

/** Returns the path of the bundled tests index (the extensionTestsPath). */
export async function bundleSuite() {
  const suites = suiteFiles(join(SUITE_SOURCE, 'suite'));
  if (!suites.length) throw new Error(`no *.test.ts under ${join(SUITE_SOURCE, 'suite')}`);
  await esbuild.build({
    entryPoints: [join(SUITE_SOURCE, 'index.ts'), ...suites],
    outdir: SUITE_OUT,
    outbase: SUITE_SOURCE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline', // for a debugger attached to the extension host (VS Code's own stack formatting ignores them)
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  // The index runs exactly these files; a bundle left over from a deleted suite is ignored.
  const listed = suites.map((s) => relative(SUITE_SOURCE, s).replace(/\.ts$/, '.js'));
  mkdirSync(SUITE_OUT, { recursive: true });
  writeFileSync(join(SUITE_OUT, 'suites.json'), JSON.stringify(listed, null, 2) + '\n');
  return join(SUITE_OUT, 'index.js');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const index = await bundleSuite();
  console.log(`e2e suite bundled: ${relative(ROOT, index)}`);
}
