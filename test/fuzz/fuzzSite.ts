// What the fuzz group throws at the core: the example handbook in memory, one page of it replaced by
// a generated or mutated document (a career page, a job-family page, a plain page or an include
// file), and the fast-check arbitraries that make those documents. Seeds are the example pages, the
// rule fixtures, ../shared/seeds and, where ../shared is there, a sample of the real handbook.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { MemoryHost } from '../../server/src/core/host';
import { exampleSiteFiles, REPO, SITE } from '../preview/previewSite';

export type FuzzKind = 'career-page' | 'job-family' | 'page' | 'include';

export interface FuzzCase {
  kind: FuzzKind;
  text: string;
  /** The text of the include file the document may include (includes/fuzz/inc.md). */
  include: string;
}

/** Where each kind of document sits in the example site (a career page beside the real level pages, so the ladder rules run). */
export const FUZZ_PATHS: Record<FuzzKind, string> = {
  'career-page': `${SITE}/content/handbook/engineering/careers/matrix/quality/engineering-productivity/staff.md`,
  'job-family': `${SITE}/content/job-families/engineering/fuzz-engineer.md`,
  page: `${SITE}/content/handbook/fuzz.md`,
  include: `${SITE}/assets/includes/engineering-careers/fuzz.md`,
};
export const FUZZ_INCLUDE = `${SITE}/assets/includes/fuzz/inc.md`;
/** A page that includes the fuzzed include file, so an include file's rules have an including page. */
export const FUZZ_INCLUDER = `${SITE}/content/handbook/fuzz-includer.md`;

export function fuzzHost(): MemoryHost {
  return new MemoryHost({
    ...exampleSiteFiles(),
    [FUZZ_INCLUDER]:
      '---\ntitle: Includer\ndescription: Includes the fuzzed file.\n---\n\n## Includer\n\n{{% include "includes/engineering-careers/fuzz.md" %}}\n\n[x](#includer)\n',
  });
}

const SHARED = join(REPO, '../shared');
export const CORPUS = join(SHARED, 'corpus/gitlab-handbook-2025-12');

function markdownFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) markdownFiles(p, out);
    else if (/\.(md|txt)$/.test(name)) out.push(p);
  }
  return out;
}

/** Seed documents: every example page and rule fixture, the product's seed pages, and every `step`-th corpus page. */
export function seedTexts(options: { corpusStep?: number } = {}): { texts: string[]; corpus: number } {
  const files = [...markdownFiles(join(REPO, 'examples/handbook')), ...markdownFiles(join(REPO, 'test/fixtures')), ...markdownFiles(join(SHARED, 'seeds'))];
  const corpus = markdownFiles(join(CORPUS, 'content')).concat(markdownFiles(join(CORPUS, 'assets/includes')));
  const step = options.corpusStep ?? 40;
  const sample = corpus.filter((_, i) => i % step === 0).filter((f) => statSync(f).size < 60_000);
  const texts = [...files, ...sample].map((f) => readFileSync(f, 'utf8'));
  return { texts, corpus: sample.length };
}

/** Pieces of Markdown and Hugo syntax that break things when they land in the wrong place. */
export const TOKENS = [
  '{{%',
  '%}}',
  '{{<',
  '>}}',
  '{{% include "',
  '" %}}',
  '{{< include "',
  '" >}}',
  '{{% include "includes/fuzz/inc.md" %}}',
  '{{% include "includes/engineering-careers/values-competency.md" %}}',
  '{{< /',
  '{{%/*',
  '*/%}}',
  '{{% include %}}',
  '{{% include "../../../etc/passwd" %}}',
  '---',
  '---\n',
  '+++',
  '{\n',
  '}\n',
  'title: ',
  'description: ',
  ': ',
  '&a ',
  '*a',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '\\',
  '#',
  '## ',
  '##### ',
  '###### ',
  '# ',
  ' {#',
  '{#custom}',
  '=====',
  '-----',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\t',
  '    ',
  '|',
  ' | ',
  '| --- |',
  '|:---:|',
  '| Responsibility | Description |\n| --- | --- |\n',
  '| a |',
  '- | a | b |',
  '[x](#',
  '](#',
  '](/handbook/',
  '](../',
  ')',
  '[ref]: #',
  '<a id="',
  '<a name="',
  '">',
  '<a href="#',
  '</a>',
  '<div>',
  '</div>',
  '`',
  '```',
  '~~~',
  '<!--',
  '-->',
  '<!-- career-lint-disable -->',
  '<!-- career-lint-disable-next-line link-fragment -->',
  '> ',
  '>>>>>',
  '- ',
  '* ',
  '1. ',
  '  - ',
  ':white_check_mark:',
  ':snake:',
  '&amp;',
  '&#x0;',
  '\u0000',
  '\uFEFF',
  '\uFFFD',
  '\uD800',
  '\uDC00',
  '\uD83D\uDE00',
  '\u200B',
  '\u200D',
  '\u202E',
  '\u0301',
  '\u2028',
  '\u3000',
  '方法',
  'ß',
  'İ',
  'Senior',
  'Intermediate',
  'All of the responsibilities listed for ',
  'Job Grade',
  '### ',
  '#### Responsibilities',
  '#### Requirements',
  '## Levels\n',
];

const token = fc.constantFrom(...TOKENS);

/** Odd text: any code points (lone surrogates included), and runs of one token. */
const oddText = fc.oneof(
  { weight: 3, arbitrary: token },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\uD800', '\uDFFF', '\u0000', '\r', '\n', 'a', '#', '|', '{', '%'), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.tuple(token, fc.integer({ min: 2, max: 60 })).map(([t, n]) => t.repeat(n)) },
);

const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 40 }), insert: fc.oneof(oddText, fc.constant('')) });

function applyEdits(text: string, edits: { at: number; remove: number; insert: string }[]): string {
  let out = text;
  for (const e of edits) {
    const at = Math.floor(e.at * out.length);
    out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
  }
  return out;
}

type Eol = 'keep' | 'crlf' | 'cr' | 'mixed';

function withLineEndings(text: string, eol: Eol, bom: boolean): string {
  let out = text;
  if (eol === 'crlf') out = out.replace(/\r?\n/g, '\r\n');
  else if (eol === 'cr') out = out.replace(/\r?\n/g, '\r');
  else if (eol === 'mixed') {
    let i = 0;
    out = out.replace(/\r?\n/g, () => ['\n', '\r\n', '\r'][i++ % 3]);
  }
  return bom && !out.startsWith('\uFEFF') ? '\uFEFF' + out : out;
}

const eolArb = fc.constantFrom<Eol>('keep', 'keep', 'keep', 'crlf', 'cr', 'mixed');

/** A seed with random insertions, deletions and odd text, maybe with other line endings and a BOM. */
export function mutatedText(seeds: string[]): fc.Arbitrary<string> {
  return fc
    .record({
      seed: fc.constantFrom(...seeds),
      edits: fc.array(edit, { maxLength: 8 }),
      eol: eolArb,
      bom: fc.boolean(),
    })
    .map(({ seed, edits, eol, bom }) => withLineEndings(applyEdits(seed, edits), eol, bom));
}

const word = fc.constantFrom(
  'Senior',
  'Intermediate',
  'Staff',
  'Leadership',
  'Technical',
  'Values',
  'Engineering',
  'Role',
  'Scope',
  'Team',
  '1Password',
  'Q&A',
  'über',
);
const words = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const yamlValue = fc.oneof(
  words,
  words.map((w) => JSON.stringify(w)),
  fc.constantFrom('[a, b]', '{a: 1}', '"unclosed', '|\n  block', '&a [x, *a]', '*nope', '- x', 'true', '3', ''),
);
const frontmatter = fc
  .array(fc.tuple(fc.constantFrom('title', 'description', 'Title', 'decription', 'aliases', 'weight', 'draft', 'menu', 'title'), yamlValue), { maxLength: 5 })
  .map((pairs) => `---\n${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`);
const heading = fc
  .tuple(fc.integer({ min: 1, max: 7 }), words, fc.constantFrom('', ' {#custom-id}', ' ##', ' :snake:', ' [link](#x)'))
  .map(([n, w, tail]) => `${'#'.repeat(n)} ${w}${tail}`);
const setext = fc.tuple(words, fc.constantFrom('===', '---')).map(([w, u]) => `${w}\n${u}`);
const cell = fc.oneof(words, fc.constant(''), fc.constant('`a|b`'), fc.constant('a \\| b'));
const table = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.array(cell, { minLength: 0, maxLength: 4 }), { maxLength: 6 }),
    fc.constantFrom('| --- | --- |', '|---|', '| :-- | --: | --- |', '--- | ---'),
  )
  .map(([resp, rows, delim]) => [resp ? '| Responsibility | Description |' : '| A | B |', delim, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'));
const includeCall = fc
  .tuple(
    fc.constantFrom('%', '<'),
    fc.constantFrom(
      'includes/fuzz/inc.md',
      'includes/engineering-careers/values-competency.md',
      'includes/missing.md',
      'includes/Fuzz/Inc.md',
      '/includes/fuzz/inc.md',
      '../x.md',
      'https://x.test/a.md',
      '',
      ' includes/fuzz/inc.md ',
      'includes/fuzz',
    ),
  )
  .map(([d, p]) => (d === '%' ? `{{% include "${p}" %}}` : `{{< include "${p}" >}}`));
const link = fc
  .tuple(
    words,
    fc.constantFrom(
      '#senior-leadership',
      '#nope',
      '#',
      '#top',
      '/handbook/',
      '/handbook/engineering/careers/matrix/#x',
      'senior.md#intro',
      '../x/',
      'https://example.com',
      'javascript:alert(1)',
      '#:~:text=a',
    ),
  )
  .map(([w, t]) => `[${w}](${t})`);
const list = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom('- ', '* ', '1. '), words), { minLength: 1, maxLength: 6 })
  .map((items) => items.map(([depth, marker, w]) => `${'  '.repeat(depth)}${marker}${w}`).join('\n'));
const fence = fc
  .tuple(fc.constantFrom('```', '~~~', '````'), fc.oneof(includeCall, words, heading), fc.boolean())
  .map(([f, body, closed]) => `${f}\n${body}\n${closed ? f : ''}`);
const html = fc.constantFrom(
  '<a id="x"></a>',
  '<a name="y">',
  '<div>\n\n## Inside\n\n</div>',
  '<!-- {{% include "x" %}} -->',
  '<details><summary>S</summary>\n\nT\n</details>',
  '<script>alert(1)</script>',
);
const jobFamily = fc
  .array(fc.tuple(words, fc.integer({ min: 5, max: 12 })), { maxLength: 4 })
  .map(
    (levels) =>
      `## Levels\n\n${levels.map(([name, grade]) => `### ${name}\n\n#### Job Grade\n\nThe ${name} is a [grade ${grade}](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).\n\n#### Responsibilities\n\n- All of the responsibilities listed for ${name}\n\n#### Requirements\n\n- x`).join('\n\n')}\n\n## Performance Indicators\n\n## Hiring Process\n\n1. Call`,
  );
const piece = fc.oneof(heading, setext, table, includeCall, link, list, fence, html, words, jobFamily, fc.constant(''));

/** A document built from Markdown and Hugo pieces, with or without front matter. */
export function generatedText(): fc.Arbitrary<string> {
  return fc
    .record({
      fm: fc.option(frontmatter, { nil: '' }),
      body: fc.array(piece, { maxLength: 24 }),
      sep: fc.constantFrom('\n', '\n\n'),
      eol: eolArb,
      bom: fc.boolean(),
    })
    .map(({ fm, body, sep, eol, bom }) => withLineEndings(fm + '\n' + body.join(sep) + '\n', eol, bom));
}

const kind = fc.constantFrom<FuzzKind>('career-page', 'job-family', 'page', 'include');

export function fuzzCase(seeds: string[]): fc.Arbitrary<FuzzCase> {
  const text = fc.oneof(mutatedText(seeds), generatedText());
  return fc.record({ kind, text, include: fc.oneof({ weight: 3, arbitrary: generatedText() }, { weight: 1, arbitrary: mutatedText(seeds) }) });
}

/** The site root of the fuzz host. */
export const SITE_ROOT = SITE;
