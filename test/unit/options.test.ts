// Each option is declared once (server/src/core/optionSpecs.ts); the config file's schema, the
// settings in package.json and the README's settings table follow from it. A generated file that
// disagrees fails here; UPDATE_OPTIONS=1 rewrites the schema and package.json from the table.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_OPTIONS, mergeOptions } from '../../server/src/core/config';
import { configSchema, OPTION_KEYS, settingContributions } from '../../server/src/core/optionSpecs';
import { RULES } from '../../server/src/core/rules';
import { settingsToOptions } from '../../server/src/lsp/settings';
import { repoRoot } from '../support/fixtureSite';

const SCHEMA = path.join(repoRoot, 'schemas/career-pages-config.schema.json');
const PACKAGE = path.join(repoRoot, 'package.json');

describe('options, declared once', () => {
  it('the config file schema is generated from the options and the rule registry', () => {
    const expected = JSON.stringify(configSchema(RULES.map((r) => r.code)), null, 2) + '\n';
    if (process.env.UPDATE_OPTIONS) writeFileSync(SCHEMA, expected);
    assert.equal(readFileSync(SCHEMA, 'utf8'), expected);
  });

  it('package.json has a careerPages setting for every option, generated from the same table', () => {
    const pkg = JSON.parse(readFileSync(PACKAGE, 'utf8'));
    const expected = settingContributions();
    if (process.env.UPDATE_OPTIONS) {
      pkg.contributes.configuration.properties = expected;
      writeFileSync(PACKAGE, JSON.stringify(pkg, null, 2) + '\n');
    }
    assert.deepEqual(JSON.parse(readFileSync(PACKAGE, 'utf8')).contributes.configuration.properties, expected);
    for (const key of OPTION_KEYS) assert.ok(`careerPages.${key}` in expected, key);
  });

  it('the README lists every setting', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    for (const setting of Object.keys(settingContributions())) assert.ok(readme.includes(`| \`${setting}\` |`), `README does not list ${setting}`);
  });

  it("settings become options; empty or malformed settings leave the file's values", () => {
    assert.deepEqual(
      settingsToOptions({
        enable: true,
        rules: { 'link-page': 'off' },
        includeRoots: [],
        pageKinds: {},
        preferredDelimiter: '',
        ignore: ['x/**'],
        shortcodes: 'not a list',
        relativeLinks: 'page',
        linkExclusions: ['^/jobs/'],
      }),
      { rules: { 'link-page': 'off' }, ignore: ['x/**'], relativeLinks: 'page', linkExclusions: ['^/jobs/'] },
    );
    assert.deepEqual(settingsToOptions({ preferredDelimiter: '?' }), {});
  });

  it('layers merge as each option says: replace, append, union, per key', () => {
    const merged = mergeOptions(
      { rules: { a: 'off' }, includeRoots: ['x'], ignore: ['one'], shortcodes: ['alert', 'mine'], pageKinds: { include: ['i/**'] } as never },
      { rules: { b: 'error' }, includeRoots: ['y'], ignore: ['two'], linkExclusions: ['^/z/'] },
    );
    assert.deepEqual(merged.rules, { a: 'off', b: 'error' });
    assert.deepEqual(merged.includeRoots, ['y']);
    assert.deepEqual(merged.ignore, ['one', 'two']);
    assert.deepEqual(merged.linkExclusions, ['^/z/']);
    assert.deepEqual(merged.shortcodes, [...DEFAULT_OPTIONS.shortcodes, 'mine']);
    assert.deepEqual(merged.pageKinds, { ...DEFAULT_OPTIONS.pageKinds, include: ['i/**'] });
    assert.deepEqual(mergeOptions().ignore, [], 'the defaults are never changed by a merge');
  });
});
