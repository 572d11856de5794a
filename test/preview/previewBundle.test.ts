// The client side of the preview needs no Node.js: bundled for a browser (as a web extension host
// would load it, issue 16) it resolves, and it pulls in only the plugin, the data it keeps, the
// protocol's names and the pure core's Markdown scanners, never server/src/node or another engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { REPO } from './previewSite';

describe("the preview's client code in a browser bundle", () => {
  it("bundles for the browser (no Node built-in resolves there) from the plugin, its data and the pure core's scanners only", async () => {
    const result = await esbuild.build({
      absWorkingDir: REPO,
      entryPoints: ['client/src/preview/markdownPreview.ts', 'client/src/preview/previewData.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      external: ['vscode'],
      write: false,
      outdir: 'out/preview-browser',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(inputs.filter((f) => !f.startsWith('node_modules/')).sort(), [
      'client/src/preview/htmlSafety.ts',
      'client/src/preview/includePreview.ts',
      'client/src/preview/markdownPreview.ts',
      'client/src/preview/previewData.ts',
      'server/src/core/jsonPointer.ts',
      'server/src/core/markdown/frontmatter.ts',
      'server/src/core/markdown/index.ts',
      'server/src/core/markdown/shortcodes.ts',
      'server/src/core/text.ts',
      'server/src/lsp/customProtocol.ts',
    ]);
    // The parse phase finds the front matter with the core's own reader, which parses YAML.
    assert.deepEqual([...new Set(inputs.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/')[1]))], ['yaml']);
  });
});
