// Bundles the extension client, the language server and the CLI into dist/ (CommonJS, Node 20), and
// the extension for the browser into dist/web/: its client for the web-worker extension host
// (CommonJS, `vscode` external) and the language server for a Web Worker (IIFE), no Node in either.
//   node esbuild.mjs            development build with source maps
//   node esbuild.mjs --minify   what `npm run package` ships
//   node esbuild.mjs --watch
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const minify = process.argv.includes('--minify');
const watch = process.argv.includes('--watch');
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !minify,
  minify,
  logLevel: 'warning',
  define: { PACKAGE_VERSION: JSON.stringify(pkg.version) },
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build does not.
  mainFields: ['module', 'main'],
};

/** The browser builds: packages' browser entries first (vscode-languageclient/-server's browser mains). */
const browser = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
};
/** Entry points of the browser builds (test/server/webBundle.test.ts bundles the same). */
const WEB_ENTRIES = { client: 'client/src/web/extension.ts', server: 'server/src/web/serverMain.ts' };

const builds = [
  { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/node/serverMain.ts' }, outdir: 'dist' },
  // The executable loads the CLI bundle with V8's code cache (server/src/cli/launch.ts).
  { ...common, entryPoints: { cli: 'server/src/cli/launch.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: { 'cli-bundle': 'server/src/cli/main.ts' }, outdir: 'dist' },
  { ...browser, format: 'cjs', entryPoints: { client: WEB_ENTRIES.client }, outdir: 'dist/web', external: ['vscode'] },
  { ...browser, format: 'iife', entryPoints: { server: WEB_ENTRIES.server }, outdir: 'dist/web' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('esbuild: watching client, server and CLI');
} else {
  const started = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(
    `esbuild: dist/client.js, dist/server.js, dist/cli.js (+ cli-bundle.js), dist/web/client.js, dist/web/server.js in ${Date.now() - started} ms${minify ? ' (minified)' : ''}`,
  );
}
