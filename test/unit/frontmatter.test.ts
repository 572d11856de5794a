import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indentQuotedContinuations, splitFrontmatter } from '../../server/src/core/markdown/frontmatter';

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
});
