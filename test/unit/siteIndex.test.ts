// Hugo URLs, link targets, ladders and job-family structure: the pieces the site-wide rules stand on.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryHost } from '../../server/src/core/host';
import { resolveLinkTarget, parseLinkExclusions } from '../../server/src/core/linkTargets';
import { jobFamilyOf } from '../../server/src/core/model/jobFamily';
import { levelOfFile, levelsIn, termKey } from '../../server/src/core/model/ladder';
import { normalizeUrlPath, pageUrl } from '../../server/src/core/siteIndex';
import { Workspace } from '../../server/src/core/workspace';
import { parse as parseYaml } from 'yaml';

describe('Hugo page URLs', () => {
  const c = '/s/content';
  it('maps content paths, sections, bundles, slug and url as Hugo does', () => {
    assert.equal(pageUrl(c, '/s/content/_index.md'), '/');
    assert.equal(pageUrl(c, '/s/content/handbook/_index.md'), '/handbook/');
    assert.equal(pageUrl(c, '/s/content/handbook/team/index.md'), '/handbook/team/');
    assert.equal(pageUrl(c, '/s/content/handbook/Values.md'), '/handbook/values/');
    assert.equal(pageUrl(c, '/s/content/handbook/x.md', { slug: 'why-x' }), '/handbook/why-x/');
    assert.equal(pageUrl(c, '/s/content/handbook/x.md', { url: '/elsewhere' }), '/elsewhere/');
  });
  it('normalises the forms of one URL', () => {
    for (const u of ['/handbook/a', '/handbook/a/', '/handbook/a/index.html', '/handbook//a/', '/Handbook/A/?x=1#y'])
      assert.equal(normalizeUrlPath(u), '/handbook/a/');
    assert.equal(normalizeUrlPath('/images/x.png'), '/images/x.png');
  });
});

describe('link targets', () => {
  const c = '/s/content';
  const file = '/s/content/handbook/a/page.md';
  it('resolves pages, files, static files and external links', () => {
    assert.deepEqual(resolveLinkTarget('', '/handbook/a/', file, c), { kind: 'same-page' });
    assert.deepEqual(resolveLinkTarget('https://x.org/', '/handbook/a/', file, c), { kind: 'external' });
    assert.deepEqual(resolveLinkTarget('mailto:x@y', '/handbook/a/', file, c), { kind: 'external' });
    assert.deepEqual(resolveLinkTarget('/handbook/b', '/handbook/a/', file, c), { kind: 'page', url: '/handbook/b/', written: '/handbook/b' });
    assert.deepEqual(resolveLinkTarget('../b/', '/handbook/a/', file, c), { kind: 'page', url: '/handbook/b/', written: '/handbook/b/' });
    assert.deepEqual(resolveLinkTarget('c/', '/handbook/a/', file, c), { kind: 'page', url: '/handbook/a/c/', written: '/handbook/a/c/' });
    assert.deepEqual(resolveLinkTarget('other.md', '/handbook/a/', file, c), { kind: 'file', path: '/s/content/handbook/a/other.md' });
    assert.deepEqual(resolveLinkTarget('/handbook/z/_index.md', '/handbook/a/', file, c), { kind: 'file', path: '/s/content/handbook/z/_index.md' });
    assert.deepEqual(resolveLinkTarget('/images/x.png', '/handbook/a/', file, c), { kind: 'static', url: '/images/x.png' });
  });
  it('reads the link checker exclusions, skipping invalid patterns', () => {
    const res = parseLinkExclusions("exclude:\n  - pattern: '^/images/'\n  - pattern: '(['\n  - other: 1\n", (t) => parseYaml(t));
    assert.deepEqual(
      res.map((r) => r.source),
      ['^/images/'],
    );
  });

  it('reads hostile link checker files without throwing or hanging', () => {
    const bomb =
      'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nexclude: *d\n';
    assert.deepEqual(
      parseLinkExclusions(bomb, (t) => parseYaml(t)),
      [],
    );
    assert.deepEqual(
      parseLinkExclusions('exclude: {pattern: x}\n', (t) => parseYaml(t)),
      [],
    );
    assert.deepEqual(
      parseLinkExclusions('exclude: "^/x/"\n', (t) => parseYaml(t)),
      [],
    );
    assert.deepEqual(
      parseLinkExclusions('- 1\n', (t) => parseYaml(t)),
      [],
    );
    // A pattern that backtracks catastrophically in JavaScript's engine is matched in linear time.
    const [evil] = parseLinkExclusions("exclude:\n  - pattern: '^(a+)+$'\n", (t) => parseYaml(t));
    assert.equal(evil.test('a'.repeat(100_000) + '!'), false);
    assert.equal(evil.test('aaaa'), true);
  });
});

describe('ladders', () => {
  it('reads the level from the file name and level words from text', () => {
    assert.equal(levelOfFile('/x/senior.md'), 'senior');
    assert.equal(levelOfFile('/x/staff-engineer.md'), 'staff');
    assert.equal(levelOfFile('/x/_index.md'), undefined);
    assert.equal(levelOfFile('/x/csr.md'), undefined);
    assert.deepEqual(levelsIn('From Intermediate to SENIOR, not seniority'), ['intermediate', 'senior']);
  });
  it('compares terms ignoring case, spacing and punctuation', () => {
    assert.equal(termKey('Dog-food  Use'), termKey('dogfood use'));
    assert.notEqual(termKey('Dogfood use'), termKey('Dogfood build'));
  });
});

describe('pages with TOML or JSON front matter', () => {
  it('are published at their url and aliases, and links to them resolve', () => {
    const ws = new Workspace(
      new MemoryHost({
        '/s/hugo.toml': '',
        '/s/content/t.md': '+++\ntitle = "T"\nurl = "/custom/"\naliases = ["/old/"]\n+++\n\n## Part\n',
        '/s/content/j.md': '{\n  "title": "J",\n  "slug": "jay"\n}\n\n## Top\n',
        '/s/content/p.md': '---\ntitle: P\ndescription: D\n---\n\n[a](/custom/#part) [b](/old/) [c](/jay/#top) [d](/t/)\n',
      }),
    );
    const site = ws.siteFor('/s/content/p.md')!;
    ws.indexSite(site);
    assert.deepEqual(
      [site.index.page('/s/content/t.md')?.url, site.index.page('/s/content/t.md')?.title, site.index.page('/s/content/j.md')?.url],
      ['/custom/', 'T', '/jay/'],
    );
    assert.deepEqual(
      ws.lint('/s/content/p.md').diagnostics.map((d) => `${d.code} ${d.message}`),
      ['link-page No page at /t/; did you mean /p/?'],
    );
  });
});

describe('job-family structure', () => {
  it('reads levels, grades with their links, and the hiring process list', () => {
    const host = new MemoryHost({
      '/s/hugo.toml': '',
      '/s/content/job-families/x.md':
        '---\ntitle: X\ndescription: D\n---\n\n## Levels\n\n### Junior\n\n#### Job Grade\n\nThe role is a [grade 5](/g/).\n\n#### Responsibilities\n\n- a\n\n### Senior\n\n#### Job Grade\n\nThe role is a grade 6.\n\n## Hiring Process\n\n1. Call\n',
    });
    const jf = jobFamilyOf(new Workspace(host).model('/s/content/job-families/x.md')!);
    assert.deepEqual(
      jf.sections.map((s) => s.name),
      ['levels', 'hiring process'],
    );
    assert.deepEqual(
      jf.levels.map((l) => [l.name, [...l.subsections.keys()], l.grade?.value, l.grade?.link?.target]),
      [
        ['Junior', ['job grade', 'responsibilities'], 5, '/g/'],
        ['Senior', ['job grade'], 6, undefined],
      ],
    );
    assert.equal(jf.hiringProcess?.orderedList, true);
  });
});
