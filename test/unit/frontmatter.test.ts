import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indentQuotedContinuations, splitFrontmatter, splitFrontmatter as splitWithoutData } from '../../server/src/core/markdown/frontmatter';
import { readFrontmatterData } from '../../server/src/core/markdown/frontmatterData';

describe('splitFrontmatter', () => {
  it('parses YAML with the location of every key and value, keys lower-cased as Hugo reads them', () => {
    const text = '---\nTitle: "A"\naliases:\n  - /old/\nmenu:\n  main:\n    weight: 3\n---\n\nBody\n';
    const { frontmatter: fm, bodyStart } = splitFrontmatter(text);
    assert.equal(text.slice(bodyStart), '\nBody\n');
    assert.deepEqual(fm!.data, { title: 'A', aliases: ['/old/'], menu: { main: { weight: 3 } } });
    const at = (p: string) => {
      const l = fm!.locations.get(p)!;
      return [l.keySpan && text.slice(l.keySpan.start, l.keySpan.end), text.slice(l.valueSpan.start, l.valueSpan.end)];
    };
    assert.deepEqual(at('/title'), ['Title', '"A"']);
    assert.deepEqual(at('/aliases/0'), [undefined, '/old/']);
    assert.deepEqual(at('/menu/main/weight'), ['weight', '3']);
    assert.deepEqual(fm!.problems, []);
  });

  it('reads a key named __proto__ as a key, without changing the data object', () => {
    const fm = splitFrontmatter('---\n__proto__: [ "a" ]\ntitle: T\n---\n').frontmatter!;
    assert.equal(Object.getPrototypeOf(fm.data), Object.prototype);
    assert.deepEqual(Object.keys(fm.data!), ['__proto__', 'title']);
    assert.deepEqual(Object.getOwnPropertyDescriptor(fm.data, '__proto__')?.value, ['a']);
  });

  it('reports YAML errors where they are', () => {
    const text = '---\ntitle: "Broken\ndescription: x\n---\n';
    const fm = splitFrontmatter(text).frontmatter!;
    assert.equal(fm.problems.length, 1);
    assert.equal(text.slice(fm.problems[0].span.start, fm.problems[0].span.end), '"Broken');
  });

  it('reads quoted values whose continuation lines are not indented, as Hugo does', () => {
    const text = '---\ndescription: "First\n\nSecond."\ntitle: T\n---\n';
    const fm = splitFrontmatter(text).frontmatter!;
    assert.deepEqual(fm.problems, []);
    assert.deepEqual(fm.data, { description: 'First\nSecond.', title: 'T' });
    const t = fm.locations.get('/title')!;
    assert.equal(text.slice(t.valueSpan.start, t.valueSpan.end), 'T');
    assert.equal(indentQuotedContinuations('a: b\n'), undefined);
  });

  it('handles no front matter, an unclosed block, TOML, CRLF and a BOM', () => {
    assert.deepEqual(splitFrontmatter('# Title\n'), { bodyStart: 0 });
    const unclosed = splitFrontmatter('---\ntitle: x\n').frontmatter!;
    assert.equal(unclosed.closed, false);
    assert.equal(unclosed.problems[0].severity, 'error');
    assert.equal(splitFrontmatter('+++\ntitle = "x"\n+++\n').frontmatter!.format, 'toml');
    const crlf = splitFrontmatter('---\r\ntitle: x\r\n---\r\nBody');
    assert.deepEqual(crlf.frontmatter!.data, { title: 'x' });
    assert.equal(crlf.bodyStart, 20);
    assert.deepEqual(splitFrontmatter('\ufeff---\ntitle: x\n---\n').frontmatter!.data, { title: 'x' });
  });

  it('reads TOML and JSON front matter for its data (keys lower-cased, dates as text), and says where it does not parse', () => {
    const splitFrontmatter = (text: string) => {
      const split = splitWithoutData(text);
      if (split.frontmatter) readFrontmatterData(text, split.frontmatter);
      return split;
    };
    const problems = (text: string) => splitFrontmatter(text).frontmatter!.problems.map((p) => `${p.severity} ${p.span.start}-${p.span.end} ${p.message}`);
    const toml = '+++\nTitle = "T"\nurl = "/custom/"\naliases = ["/old/"]\ndate = 2024-01-02T03:04:05Z\n[params]\nKey = 1\n+++\nBody\n';
    assert.deepEqual(splitFrontmatter(toml).frontmatter!.data, {
      title: 'T',
      url: '/custom/',
      aliases: ['/old/'],
      date: '2024-01-02T03:04:05.000Z',
      params: { Key: 1 },
    });
    assert.deepEqual(problems(toml), ["info 0-3 TOML front matter is read for the page's title, URL and aliases, but only YAML front matter is checked."]);
    const badToml = '+++\na = 1\nb = = 2\n+++\n';
    assert.deepEqual(problems(badToml), ['error 14-17 Invalid TOML in front matter: invalid value.']);
    assert.equal(badToml.slice(14, 17), '= 2');
    assert.equal(splitFrontmatter(badToml).frontmatter!.data, undefined);
    const json = '{\n  "Title": "J",\n  "url": "/j/"\n}\nBody\n';
    const split = splitFrontmatter(json);
    assert.deepEqual([split.frontmatter!.format, split.frontmatter!.data, split.bodyStart], ['json', { title: 'J', url: '/j/' }, 35]);
    // Found without its data (the preview's use): no parser runs.
    assert.deepEqual(
      [splitWithoutData(toml).frontmatter!.data, splitWithoutData(toml).frontmatter!.problems, splitWithoutData(json).bodyStart],
      [undefined, [], 35],
    );
    assert.deepEqual(problems('{\n  "title": "J",\n}\nBody\n'), ['error 18-19 Invalid JSON in front matter: PropertyNameExpected.']);
  });
});
