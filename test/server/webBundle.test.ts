// The extension's browser bundles (issue 16) carry no Node: the web client (client/src/web/extension.ts)
// and the Web Worker's server (server/src/web/serverMain.ts), bundled for a browser as esbuild.mjs
// bundles them, resolve no Node built-in (an esbuild plugin records every import of one, with who
// imports it), take the browser builds of the LSP libraries, and the client takes of the server only
// its two protocol files and the core's Markdown scanners (the preview's). The sizes are reported.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { repoRoot } from '../support/fixtureSite';

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));

/** Bundles one entry for a browser; returns the Node built-ins it tried to import and what went in. */
async function bundle(entry: string, format: 'cjs' | 'iife') {
  const builtins: string[] = [];
  const result = await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format,
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    external: ['vscode'],
    define: { PACKAGE_VERSION: '"test"' },
    minify: true,
    write: false,
    outdir: 'out/web-bundle-test',
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'record-node-builtins',
        setup(build) {
          build.onResolve({ filter: /.*/ }, (args) => {
            if (args.path.startsWith('node:') || BUILTINS.has(args.path) || BUILTINS.has(args.path.split('/')[0])) {
              builtins.push(`${args.path} (imported by ${args.importer.slice(repoRoot.length + 1)})`);
              // Left out, so the build goes on and the test names every one.
              return { path: args.path, external: true };
            }
            return undefined;
          });
        },
      },
    ],
  });
  const inputs = Object.keys(result.metafile.inputs);
  return { builtins, inputs, bytes: result.outputFiles[0].contents.length };
}

describe('the browser bundles', () => {
  it('the web client resolves no Node built-in and takes the browser language client', async (t) => {
    const { builtins, inputs, bytes } = await bundle('client/src/web/extension.ts', 'cjs');
    assert.deepEqual(builtins, []);
    assert.deepEqual(
      inputs.filter((f) => f.startsWith('server/')),
      [
        'server/src/lsp/customProtocol.ts',
        'server/src/core/jsonPointer.ts',
        'server/src/core/text.ts',
        'server/src/core/markdown/frontmatter.ts',
        'server/src/core/markdown/shortcodes.ts',
        'server/src/core/markdown/index.ts',
        'server/src/lsp/workspaceFilesProtocol.ts',
      ],
    );
    assert.deepEqual(
      inputs.filter((f) => /^node_modules\/vscode-[a-z-]+\/lib\/node\//.test(f)),
      [],
    );
    assert.ok(inputs.includes('node_modules/vscode-languageclient/lib/browser/main.js'));
    t.diagnostic(`dist/web/client.js minified: ${(bytes / 1024).toFixed(0)} KiB`);
    assert.ok(bytes > 0);
  });

  it("the Web Worker's server resolves no Node built-in, and runs the same server and core as the Node one", async (t) => {
    const { builtins, inputs, bytes } = await bundle('server/src/web/serverMain.ts', 'iife');
    assert.deepEqual(builtins, []);
    assert.deepEqual(
      inputs.filter((f) => /^server\/src\/(node|cli)\//.test(f) || /^node_modules\/vscode-[a-z-]+\/lib\/node\//.test(f)),
      [],
    );
    for (const shared of ['server/src/lsp/server.ts', 'server/src/lsp/features.ts', 'server/src/core/workspace.ts', 'server/src/lsp/clientFiles.ts']) {
      assert.ok(inputs.includes(shared), shared);
    }
    assert.ok(inputs.includes('node_modules/vscode-languageserver/lib/browser/main.js'));
    t.diagnostic(`dist/web/server.js minified: ${(bytes / 1024).toFixed(0)} KiB`);
    assert.ok(bytes > 0);
  });

  it('node esbuild.mjs writes both, beside the Node bundles', () => {
    // The server group builds before its tests (scripts/test.mjs).
    for (const f of ['dist/web/client.js', 'dist/web/server.js', 'dist/client.js', 'dist/server.js']) assert.ok(statSync(join(repoRoot, f)).size > 0, f);
  });
});
