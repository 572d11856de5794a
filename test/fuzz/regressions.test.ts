// Every bug the fuzz group found, as the smallest document that showed it, with the exact result
// now expected. Each case also goes through the fuzz properties (properties.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completions } from '../../server/src/core/features/completion';
import { fixAll } from '../../server/src/core/features/fixAll';
import { MemoryHost } from '../../server/src/core/host';
import { formatRange } from '../../server/src/core/text';
import { Workspace } from '../../server/src/core/workspace';
import { FUZZ_INCLUDE, FUZZ_PATHS, fuzzHost, SITE_ROOT, type FuzzCase } from './fuzzSite';
import { applyEdits, checkFeatures, checkFixAll, checkLint, newStats, type FuzzContext } from './properties';

function context(): FuzzContext {
  const host = fuzzHost();
  const workspace = new Workspace(host);
  workspace.indexSite(workspace.siteFor(`${SITE_ROOT}/.`)!);
  return { host, workspace, stats: newStats() };
}

const page = (text: string): FuzzCase => ({ kind: 'page', text, include: '' });

describe('fuzz regressions', () => {
  it('a page with a BOM and no front matter: the added front matter goes after the BOM', () => {
    const ctx = context();
    const text = '\uFEFF# Notice\n\nText.\n';
    const [d] = checkLint(ctx, page(text)).filter((x) => x.code === 'frontmatter-missing');
    assert.equal(formatRange(d.range), '1:2-1:10');
    const fixed = applyEdits(text, d.fixes![0].edits, 'fix');
    assert.equal(fixed, '\uFEFF---\ntitle: "Notice"\ndescription: ""\n---\n\n# Notice\n\nText.\n');
    checkFixAll(ctx, page(text));
  });

  it('a page with CR line breaks only: added front matter uses CR', () => {
    const ctx = context();
    const text = '# Notice\r\rText.\r';
    const [d] = checkLint(ctx, page(text)).filter((x) => x.code === 'frontmatter-missing');
    assert.equal(applyEdits(text, d.fixes![0].edits, 'fix'), '---\rtitle: "Notice"\rdescription: ""\r---\r\r# Notice\r\rText.\r');
  });

  it('an unclosed shortcode on a CRLF line ends before the line break', () => {
    const ctx = context();
    const text = '---\r\ntitle: T\r\ndescription: D\r\n---\r\n{{% x\r\nabc\r\n';
    const found = checkLint(ctx, page(text))
      .filter((x) => x.code === 'shortcode-syntax')
      .map((x) => formatRange(x.range));
    assert.deepEqual(found, ['5:1-5:6']);
    checkFeatures(ctx, page(text), [0.6, 0.7]);
  });

  it('a broken link inside a heading is never "fixed" to that heading\'s own id (the id would change again)', () => {
    const ctx = context();
    const text = '---\ntitle: T\ndescription: D\n---\n\n## Staff [link](#x)\n';
    const diagnostics = checkLint(ctx, page(text)).filter((x) => x.code === 'link-fragment');
    assert.deepEqual(
      diagnostics.map((x) => [formatRange(x.range), x.fixes ?? []]),
      [['6:17-6:19', []]],
    );
    assert.deepEqual(fixAll(ctx.workspace, FUZZ_PATHS.page, text).applied, []);
  });

  it('"{{%---" is one trim-marker mistake, removed by one fix (fix all had stopped after eight rounds)', () => {
    const ctx = context();
    const text = '---\ntitle: T\ndescription: D\n---\n{{%--------- x %}}\n';
    const [d] = checkLint(ctx, page(text)).filter((x) => x.fixes?.length);
    assert.deepEqual([d.code, formatRange(d.range), d.fixes![0].title], ['shortcode-syntax', '5:4-5:13', 'Remove the "-"']);
    assert.equal(applyEdits(text, fixAll(ctx.workspace, FUZZ_PATHS.page, text).edits, 'fix all'), '---\ntitle: T\ndescription: D\n---\n{{% x %}}\n');
    checkFixAll(ctx, page(text));
  });

  it("completion at a column past the end of the line answers for the line's end", () => {
    const ctx = context();
    const text = '{{% include "includes/';
    checkFeatures(ctx, page(text), []);
    const items = completions(ctx.workspace, FUZZ_PATHS.page, text, { line: 0, character: 10_000 });
    assert.deepEqual([...new Set(items.map((i) => formatRange(i.range)))], ['1:23-1:23']);
  });

  it('a word written three times is one finding whose fix removes both repeats (it had to be fixed twice)', () => {
    const ctx = context();
    const c: FuzzCase = { kind: 'job-family', text: '---\ntitle: T\ndescription: D\n---\n\nScope Scope Scope here.\n', include: '' };
    const found = checkLint(ctx, c).filter((x) => x.code === 'repeated-words');
    assert.deepEqual(
      found.map((x) => [formatRange(x.range), x.message]),
      [['6:7-6:18', '"Scope" is written 3 times in a row.']],
    );
    assert.equal(applyEdits(c.text, found[0].fixes![0].edits, 'fix'), '---\ntitle: T\ndescription: D\n---\n\nScope here.\n');
  });

  it('a heading that an include call completes gets an outline section that does not end before it starts', () => {
    const ctx = context();
    const c: FuzzCase = {
      kind: 'career-page',
      text: '{{% include "includes/fuzz/inc.md" %}}title: "Track Career Framework: Intermediate"\ndescription: "Well structured."\n---\n\n## Intermediate Engineer, Track\n\n### Leadership\n',
      include: '---\ntitle: [a, b]\ntitle: [a, b]\ntitle: "Senior Senior Senior Intermediate"\ntitle: "Technical Intermediate Leadership"\n---\n\nSenior\n',
    };
    checkFeatures(ctx, c, [0]);
  });

  it("links in two headings that point at each other's ids get no fix (each fix renamed the other anchor, forever)", () => {
    const ctx = context();
    const text = '---\ntitle: T\ndescription: D\n---\n\n## Staff [link](#x)\n\n## Senior [link](#y)\n';
    const found = checkLint(ctx, page(text)).filter((x) => x.code === 'link-fragment');
    assert.deepEqual(
      found.map((x) => [formatRange(x.range), x.fixes ?? []]),
      [
        ['6:17-6:19', []],
        ['8:18-8:20', []],
      ],
    );
    checkFixAll(ctx, page(text));
  });

  it('a link in a heading to its own page by file name gets no fix (fuzz seed 1129070811: fix all grew its fragment forever)', () => {
    const ctx = context();
    // The heading's id is made of its text, the link's URL included: "staffstaffmdintro".
    const text = '---\ntitle: T\ndescription: D\n---\n\n[Staff](staff.md#intro)\n===\n';
    const found = checkLint(ctx, { kind: 'career-page', text, include: '' }).filter((x) => x.code === 'link-fragment');
    assert.deepEqual(
      found.map((x) => [formatRange(x.range), x.message, x.fixes ?? []]),
      [['6:17-6:23', 'No anchor "#intro" on /handbook/engineering/careers/matrix/quality/engineering-productivity/staff/.', []]],
    );
    // The shrunk case: fix all turns the link to senior.md into one to staff.md (ladder-level), then stops.
    checkFixAll(ctx, { kind: 'career-page', text: '\n[Senior](senior.md#intro)\n| A | B |\n| --- | --- |\nSenior\n===\n', include: '' });
  });

  it('a related location in an included file is a range of the text the page included, not of a newer text the cache holds', () => {
    const host = new MemoryHost({
      '/s/hugo.toml': '',
      '/s/assets/includes/i.md': '\n\n\n##### Deep\n',
      '/s/content/p.md': '---\ntitle: P\ndescription: D\n---\n\n## P\n\n{{% include "includes/i.md" %}}\n',
    });
    const ws = new Workspace(host);
    ws.lint('/s/assets/includes/i.md', '##### Deep\n'); // a hypothetical text of the include file, as fix all checks one
    const [d] = ws.lint('/s/content/p.md').diagnostics.filter((x) => x.code === 'heading-increment');
    assert.deepEqual(
      d.related!.map((r) => formatRange(r.range)),
      ['4:7-4:11'],
    );
  });

  it("an include file's links are checked against its including pages as they are with its new text", () => {
    const inc = '/s/assets/includes/i.md';
    const host = new MemoryHost({
      '/s/hugo.toml': '',
      [inc]: '## Old\n\n[x](#new)\n',
      '/s/content/p.md': '---\ntitle: P\ndescription: D\n---\n\n## P\n\n{{% include "includes/i.md" %}}\n',
    });
    const ws = new Workspace(host);
    ws.indexSite(ws.siteFor(inc)!, false); // as the editor indexes: models of pages not open are dropped
    assert.deepEqual(
      ws.lint(inc).diagnostics.map((d) => d.code),
      ['link-fragment'],
    );
    // The author adds the heading the link names (the including page is not open, so nobody reads it).
    host.set(inc, '## New\n\n[x](#new)\n');
    ws.fileChanged(inc, 'changed');
    assert.deepEqual(
      ws.lint(inc).diagnostics.map((d) => d.code),
      [],
    );
  });

  it('a table row that ends in an unclosed shortcode gets no "add empty cells" fix (the cells would join the call)', () => {
    const ctx = context();
    const text = '---\ntitle: T\ndescription: D\n---\n\n| A | B |\n| --- | --- |\n{{%x\n| c |\n';
    const shapes = checkLint(ctx, page(text)).filter((x) => x.code === 'table-shape');
    assert.deepEqual(
      shapes.map((x) => [formatRange(x.range), x.fixes?.map((f) => f.title) ?? []]),
      [
        ['8:1-8:5', []],
        ['9:1-9:6', ['Add 1 empty cell']],
      ],
    );
    checkFixAll(ctx, page(text));
  });

  it("a YAML error that the parser places between the CR and the LF of a CRLF ends at that line's end", () => {
    const ctx = context();
    const text = '---\ntitle: "Track: In\r{description: "Intermediate level."\r\n---\r\n## Intermediate Engineer, Track\r\n';
    const ranges = checkLint(ctx, { kind: 'career-page', text, include: '' })
      .filter((x) => x.code === 'frontmatter-syntax')
      .map((x) => formatRange(x.range));
    assert.deepEqual(ranges, ['2:8-2:18', '2:8-2:18', '3:1-3:13', '3:36-4:1']);
  });

  it("an empty heading that ends an included text is the include's: the jump is not put on the page, with a fix that edited the page's first heading", () => {
    const ctx = context();
    const text = '\n## Levels\n\n\n\n## Performance Indicators\n\n## Hiring Process\n\n1. Call\n{{% include "includes/fuzz/inc.md" %}}\n';
    const found = checkLint(ctx, { kind: 'career-page', text, include: '##### ' }).filter((x) => x.code === 'heading-increment');
    assert.deepEqual(found, []);
    const model = ctx.workspace.model(FUZZ_PATHS['career-page'])!;
    const empty = model.headings.find((h) => h.level === 5)!;
    assert.deepEqual([empty.file, empty.include, empty.span, empty.lineSpan], [FUZZ_INCLUDE, 0, { start: 6, end: 6 }, { start: 0, end: 6 }]);
  });

  it('a line of fifty list markers with "]:" further on is read in linear time (the reference-definition pattern backtracked without end)', () => {
    const ctx = context();
    const line = `  ${'-   '.repeat(50)}- ine link-fragment -->: ${'#[ref]: '.repeat(17)}#aff Engineer\\"`;
    const text = `---\ntitle: T\ndescription: D\n---\n\n${line}\n`;
    assert.deepEqual(
      checkLint(ctx, page(text)).map((x) => x.code),
      [],
    );
    checkFixAll(ctx, page(text));
  });

  it('a job grade inside an HTML comment that never closes is no grade: no "link the grade" fix, which would write a link inside the comment again and again', () => {
    const ctx = context();
    const text = '{{%<!--\ntitle: "Manager"\n---\n\n## Levels\n\n### Manager\n\n#### Job Grade\n\nThe role is a grade 9.\n\n#### Responsibilities\n\n- Lead.\n';
    const job: FuzzCase = { kind: 'job-family', text, include: '' };
    const found = checkLint(ctx, job).filter((x) => x.code.startsWith('job-grade'));
    assert.deepEqual(
      found.map((x) => `${x.code} ${formatRange(x.range)} ${x.fixes?.length ?? 0}`),
      ['job-grade-order 9:6-9:15 0'],
    );
    checkFixAll(ctx, job);
  });
});
