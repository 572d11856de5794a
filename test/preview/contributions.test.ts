// package.json's contributions for the preview, the snippets and the configuration file point at
// files that exist, and the extension entry hands VS Code's preview the markdown-it plugin.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CONFIG_FILE_NAME } from '../../server/src/core/config';
import { REPO } from './previewSite';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { contributes: Record<string, unknown> };
const contributes = pkg.contributes;

describe('package.json contributions', () => {
  it('extends the Markdown preview with the plugin and its stylesheet', () => {
    assert.equal(contributes['markdown.markdownItPlugins'], true);
    assert.deepEqual(contributes['markdown.previewStyles'], ['./media/preview.css']);
    assert.ok(existsSync(join(REPO, 'media/preview.css')));
    // Both entries (Node, browser) activate through activation.ts.
    const entry = readFileSync(join(REPO, 'client/src/activation.ts'), 'utf8');
    assert.match(entry, /return \{[^}]*\bclient\b[^}]*\bextendMarkdownIt\b[^}]*\}/);
  });

  it('contributes the Markdown snippets', () => {
    assert.deepEqual(contributes.snippets, [{ language: 'markdown', path: './snippets/markdown.json' }]);
    assert.ok(existsSync(join(REPO, 'snippets/markdown.json')));
  });

  it('validates .career-pages.jsonc against the config schema, as JSON with comments', () => {
    assert.deepEqual(contributes.jsonValidation, [{ fileMatch: CONFIG_FILE_NAME, url: './schemas/career-pages-config.schema.json' }]);
    const schema = JSON.parse(readFileSync(join(REPO, 'schemas/career-pages-config.schema.json'), 'utf8')) as {
      $schema: string;
      properties: Record<string, unknown>;
    };
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.ok(schema.properties.rules && schema.properties.includeRoots);
    assert.deepEqual(contributes.languages, [{ id: 'jsonc', filenames: [CONFIG_FILE_NAME] }]);
  });
});
