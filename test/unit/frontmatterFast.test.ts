// The fast path for simple front matter (readSimpleYaml in core/markdown/frontmatter.ts) must give
// exactly what the YAML parser's path gives: the same data, the same ranges, the same problems. It
// is compared with the parser on the project's own pages, on every page of the handbook snapshot
// (in CI), and on generated front matter built from the lines that come closest to its limits.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { type Frontmatter, readSimpleYaml, splitFrontmatter } from '../../server/src/core/markdown/frontmatter';

const root = join(__dirname, '../..');
const corpus = join(root, '../shared/corpus/gitlab-handbook-2025-12');
const skip = !existsSync(corpus) && `the handbook snapshot is not at ${corpus} (it is in CI)`;

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownFiles(p));
    else if (/\.(md|markdown|txt)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Whether the fast path reads this page's front matter (and so whether the comparison tests it). */
function fastPathReads(text: string): boolean {
  const fm = splitFrontmatter(text, { parser: true }).frontmatter;
  if (fm?.format !== 'yaml' || !fm.closed) return false;
  const probe: Frontmatter = { ...fm, data: undefined, locations: new Map(), problems: [] };
  return readSimpleYaml(text.slice(fm.contentSpan.start, fm.contentSpan.end).replace(/\r(?!\n)/g, '\n'), fm.contentSpan.start, probe);
}

/** Compares both paths on each file; returns how many the fast path read. */
function compareOnFiles(files: string[]): number {
  let read = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    if (fastPathReads(text)) read++;
    const [fast, parser] = both(text);
    assert.deepEqual(fast, parser, f);
  }
  return read;
}

/** Both paths' results, as plain values (Map entries in order). */
function both(text: string): [unknown, unknown] {
  const plain = (s: ReturnType<typeof splitFrontmatter>) => ({
    ...s,
    frontmatter: s.frontmatter && { ...s.frontmatter, locations: [...s.frontmatter.locations] },
  });
  return [plain(splitFrontmatter(text)), plain(splitFrontmatter(text, { parser: true }))];
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['title', 'description', 'toc_hide', 'a-b', '_x', 'x1', 'weight', 'aliases', 'k', 'Title', 'TITLE', 'null', 'True', 'no', '__proto__'];
/** Values the fast path reads. */
const SIMPLE = [
  '"Engineering"',
  '"Quoted # not a comment"',
  "'single'",
  'Plain text',
  'C# and F#',
  'https://about.gitlab.com/x',
  'é😀 unicode',
  'true',
  'false',
  'yes',
  '1.2.3',
  '[ "@a", "@b" ]',
  '[]',
  '<i class="fa">',
];
/** Values near its limits, most of them left to the parser. */
const TRICKY = [
  '"Engineering"',
  '"Quoted # not a comment"',
  '"with \'single\' inside"',
  '"has: colon"',
  '""',
  '"unclosed',
  '"esc\\"aped"',
  "'single'",
  "'it''s'",
  "''",
  'Plain text',
  'Plain: with colon',
  'ends with colon:',
  'C# and F#',
  'text # comment',
  'https://about.gitlab.com/x',
  'é😀 unicode',
  '\ud800 lone surrogate',
  'true',
  'false',
  'True',
  'FALSE',
  'null',
  '~',
  'yes',
  'no',
  '12',
  '-3',
  '+1.5',
  '1e3',
  '0x1F',
  '0o17',
  '.inf',
  '.NaN',
  '1.2.3',
  '2024-01-01',
  '[]',
  '[ ]',
  '[ "@a", "@b" ]',
  '["@a","@b"]',
  '[ "@a", ]',
  '[ a, b ]',
  '[ "@a" ] # who',
  '[ "@a"',
  '{ a: 1 }',
  '- item',
  '&anchor value',
  '*alias',
  '!tag value',
  '| block',
  '> folded',
  '%percent',
  '@at',
  '`tick',
  '<i class="fa">',
  'tab\there',
  'nbsp\u00a0end\u00a0',
  'line\u2028sep',
  'back\\slash',
  '',
  '  ',
];
const EXTRA_LINES = ['', '# a comment', '  # indented comment', '  - /old/', '- /old/', '  nested: 1', '...', '%YAML 1.2', 'bare words', '? complex'];

function generated(seed: number): string {
  const r = random(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const lines: string[] = [];
  const count = 1 + Math.floor(r() * 5);
  for (let i = 0; i < count; i++) {
    if (r() < 0.05) lines.push(pick(EXTRA_LINES));
    else if (r() < 0.2) {
      // A key alone on its line and a block list below it, now and then with a line that ends the fast path's reading.
      lines.push(`${pick(KEYS)}:${r() < 0.2 ? '  ' : ''}`);
      const indent = pick(['', '  ', '    ', ' ']);
      for (let j = 0, items = 1 + Math.floor(r() * 3); j < items; j++) {
        lines.push(
          `${r() < 0.1 ? pick(['', '  ', '      ']) : indent}-${r() < 0.1 ? '' : ' '}${r() < 0.8 ? pick(SIMPLE) : pick(TRICKY)}${r() < 0.1 ? ' # c' : ''}`,
        );
        if (r() < 0.05) lines.push(pick(EXTRA_LINES));
      }
    } else
      lines.push(
        `${r() < 0.9 ? KEYS[Math.floor(r() * 9)] : pick(KEYS)}:${r() < 0.1 ? '' : r() < 0.1 ? '  ' : ' '}${r() < 0.8 ? pick(SIMPLE) : pick(TRICKY)}${r() < 0.1 ? '   ' : r() < 0.1 ? ' # c' : ''}`,
      );
  }
  const eol = r() < 0.2 ? '\r\n' : r() < 0.05 ? '\r' : '\n';
  return `---${eol}${lines.join(eol)}${eol}---${eol}Body${eol}`;
}

describe('front matter: the fast path reads what the YAML parser reads', () => {
  it('on fixed cases: data and ranges as the parser gives them', () => {
    const text = '---\ntitle: "Foo"  # c\nx: Bar baz  \r\nt: true\nl: [ "a" , "b" ]\ne: [ ]\nq: \'it\'\n---\n';
    assert.equal(fastPathReads(text), true);
    const fm = splitFrontmatter(text).frontmatter!;
    assert.deepEqual(fm.data, { title: 'Foo', x: 'Bar baz', t: true, l: ['a', 'b'], e: [], q: 'it' });
    const slice = (p: string) => {
      const l = fm.locations.get(p)!;
      return [l.keySpan && text.slice(l.keySpan.start, l.keySpan.end), text.slice(l.valueSpan.start, l.valueSpan.end)];
    };
    assert.deepEqual(slice('/title'), ['title', '"Foo"']);
    assert.deepEqual(slice('/x'), ['x', 'Bar baz']);
    assert.deepEqual(slice('/l'), ['l', '[ "a" , "b" ]']);
    assert.deepEqual(slice('/l/1'), [undefined, '"b"']);
    assert.deepEqual(slice('/q'), ['q', "'it'"]);
    const [fast, parser] = both(text);
    assert.deepEqual(fast, parser);
  });

  it('reads a block list of simple values below a key, with the ranges the parser gives', () => {
    const text = '---\ntitle: T\naliases:\n- /a/\n- "/b/"  # old\nextra_css:   \r\n    - a.css\r\n    - true\r\nz: x\nlast:\n  - end\n---\n';
    assert.equal(fastPathReads(text), true);
    const fm = splitFrontmatter(text).frontmatter!;
    assert.deepEqual(fm.data, { title: 'T', aliases: ['/a/', '/b/'], extra_css: ['a.css', true], z: 'x', last: ['end'] });
    const slice = (p: string) => {
      const l = fm.locations.get(p)!;
      return [l.keySpan && text.slice(l.keySpan.start, l.keySpan.end), text.slice(l.valueSpan.start, l.valueSpan.end)];
    };
    assert.deepEqual(slice('/aliases'), ['aliases', '- /a/\n- "/b/"  # old\n']);
    assert.deepEqual(slice('/aliases/1'), [undefined, '"/b/"']);
    assert.deepEqual(slice('/extra_css'), ['extra_css', '- a.css\r\n    - true\r\n']);
    assert.deepEqual(slice('/last/0'), [undefined, 'end']);
    const [fast, parser] = both(text);
    assert.deepEqual(fast, parser);
  });

  it('leaves to the parser what it does not read, untouched', () => {
    for (const text of [
      '---\nweight: 3\n---\n',
      '---\nk: a\nk: b\n---\n',
      '---\nk: "a\\"b"\n---\n',
      '---\nk: x # c\n---\n',
      '---\nk:\n---\n',
      '---\nk:\n  nested: 1\n---\n',
      '---\nk:\n  - a\n\n  - b\n---\n',
      '---\nk:\n  - a\n# c\nz: 1\n---\n',
      '---\nk:\n  - a\n    - b\n---\n',
      '---\nk:\n  - [a]\n---\n',
      '---\nk:\n  -\n---\n',
      '---\nk: # c\n  - a\n---\n',
      '---\nk:\n  - a\n  z: 1\n---\n',
    ]) {
      assert.equal(fastPathReads(text), false, text);
      const [fast, parser] = both(text);
      assert.deepEqual(fast, parser);
    }
  });

  it('on the seeds and every page of the example handbook and the fixtures', () => {
    const seeds = join(root, '../shared/seeds');
    const files = [...(existsSync(seeds) ? markdownFiles(seeds) : []), ...markdownFiles(join(root, 'test/fixtures'))];
    const example = join(root, 'examples');
    if (existsSync(example)) files.push(...markdownFiles(example));
    const read = compareOnFiles(files);
    assert.ok(read > 10, `the fast path read ${read} of ${files.length} files`);
  });

  it('on 5,000 generated front matters', () => {
    let read = 0;
    for (let seed = 1; seed <= 5000; seed++) {
      const text = generated(seed);
      if (fastPathReads(text)) read++;
      const [fast, parser] = both(text);
      assert.deepEqual(fast, parser, `seed ${seed}: ${JSON.stringify(text)}`);
    }
    // Both paths are exercised: many read fast, many left to the parser.
    assert.ok(read > 500 && read < 4500, `${read} of 5000 read by the fast path`);
  });

  it('on every page of the handbook snapshot', { skip }, () => {
    const files = markdownFiles(join(corpus, 'content'));
    const read = compareOnFiles(files);
    assert.equal(files.length, 4024);
    assert.ok(read >= 3500, `the fast path read ${read} of ${files.length} pages`);
    console.log(`# the fast path read ${read} of ${files.length} pages' front matter`);
  });
});
