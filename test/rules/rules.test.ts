// Every rule has a fixture site under test/fixtures/rules/<code>/ and the exact diagnostics of the
// whole site (all rules, not only its own) in expected.txt beside it: code, severity and range.
// UPDATE_FIXTURES=1 rewrites expected.txt from the current output (review the diff before committing).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core/rules';
import { formatLine, lintSite, repoRoot } from '../support/fixtureSite';

const fixtures = path.join(repoRoot, 'test/fixtures/rules');

describe('rule fixtures', () => {
  for (const dir of readdirSync(fixtures).sort()) {
    it(`${dir}: exact diagnostics`, () => {
      const { diagnostics, root } = lintSite(path.join(fixtures, dir));
      const actual = diagnostics.map((d) => formatLine(d, root)).join('\n') + '\n';
      const expectedFile = path.join(fixtures, dir, 'expected.txt');
      if (process.env.UPDATE_FIXTURES) writeFileSync(expectedFile, actual);
      const expected = readFileSync(expectedFile, 'utf8');
      assert.equal(actual, expected);
      assert.ok(
        diagnostics.every((d) => d.code !== 'internal-error'),
        'no rule crashed',
      );
    });
  }
});

describe('rule registry', () => {
  it('every rule has a fixture whose diagnostics include its code', () => {
    for (const rule of RULES) {
      const dir = path.join(fixtures, rule.code);
      assert.ok(existsSync(dir), `missing fixture folder for ${rule.code}`);
      const expected = readFileSync(path.join(dir, 'expected.txt'), 'utf8');
      assert.match(expected, new RegExp(` ${rule.code}$`, 'm'), `fixture of ${rule.code} never reports it`);
    }
  });

  it('every rule has a doc entry that names its code, default severity and an example', () => {
    for (const rule of RULES) {
      const doc = path.join(repoRoot, 'docs/rules', `${rule.code}.md`);
      assert.ok(existsSync(doc), `missing docs/rules/${rule.code}.md`);
      const text = readFileSync(doc, 'utf8');
      assert.match(text, new RegExp(`^# ${rule.code}$`, 'm'));
      assert.match(text, new RegExp(`Default severity: ${rule.defaultSeverity}`));
      assert.match(text, /```/);
    }
  });

  it('codes are unique, kebab-case, and listed in the config schema and the README', () => {
    const codes = RULES.map((r) => r.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const c of codes) assert.match(c, /^[a-z]+(-[a-z]+)*$/);
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'schemas/career-pages-config.schema.json'), 'utf8'));
    assert.deepEqual([...schema.properties.rules.propertyNames.enum].sort(), [...codes].sort());
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    for (const c of codes) assert.ok(readme.includes(`[\`${c}\`](docs/rules/${c}.md)`), `README does not list ${c}`);
  });
});
