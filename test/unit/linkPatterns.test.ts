// Link-exclusion patterns (.hugolint.yaml's exclude, the linkExclusions option): compileLinkPattern
// (core/linkTargets.ts) answers as RE2 does, with a fixed start read off the pattern to turn most
// links away before the engine runs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RE2JS } from 're2js';
import { compileLinkPattern, literalPrefix } from '../../server/src/core/linkTargets';

describe('literalPrefix', () => {
  it('reads the fixed start after "^", leaving out a character a repetition may drop', () => {
    const cases: [string, string][] = [
      ['^/pdfs/', '/pdfs/'],
      ['^/handbook/engineering/?#', '/handbook/engineering'],
      ['^/handbook/#', '/handbook/#'],
      ['^/handbook/a.b/', '/handbook/a'],
      ['^/x\\.y', '/x'],
      ['^/ab*c', '/a'],
      ['^/ab+c', '/a'],
      ['^/ab{2}', '/a'],
      ['^/a(b|c)', ''],
      ['^/a|^/b', ''],
      ['/pdfs/', ''],
      ['(?i)^/pdfs/', ''],
      ['^[a]/', ''],
      ['^', ''],
      ['^/a$', '/a'],
    ];
    for (const [pattern, prefix] of cases) assert.equal(literalPrefix(pattern), prefix, pattern);
  });
});

describe('compileLinkPattern', () => {
  it('matches exactly what RE2 matches', () => {
    const patterns = [
      '^/pdfs/',
      '^/handbook/engineering/?#',
      '^/handbook/#',
      '^/handbook/a.b/',
      '^/ab*c',
      '^/ab+c',
      '^/a(b|c)',
      '^/a|^/b',
      '/pdfs/',
      '(?i)^/PDFS/',
      '^/a$',
      '^',
      '#low-context$',
      '^/handbook/product/categories/?#',
    ];
    const targets = [
      '',
      '/',
      '/pdfs/a.pdf',
      '/PDFS/a.pdf',
      '/x/pdfs/',
      '/handbook/engineering#a',
      '/handbook/engineering/#a',
      '/handbook/engineeringx#a',
      '/handbook/#',
      '/handbook/aXb/',
      '/ac',
      '/abbbc',
      '/abc',
      '/ab',
      '/b',
      '/a',
      '/a/',
      '/handbook/communication/#low-context',
      '/handbook/product/categories#x',
    ];
    for (const p of patterns) {
      const re = RE2JS.compile(p);
      const ours = compileLinkPattern(p);
      for (const t of targets) assert.equal(ours.test(t), re.test(t), `${p} on ${JSON.stringify(t)}`);
    }
    assert.equal(compileLinkPattern('^/handbook/engineering/?#').test('/handbook/engineering#x'), true);
    assert.equal(compileLinkPattern('^/handbook/engineering/?#').test('/handbook/engineer#x'), false);
  });
});
