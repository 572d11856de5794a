// Heading ids as Hugo 0.111 renders them (each expectation observed in a Hugo build).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AnchorRegistry, githubAnchor, headingAnchor, headingText, parseAttributes, stripEmojiCodes } from '../../server/src/core/markdown/headingIds';

describe('githubAnchor', () => {
  const cases: [string, string][] = [
    ['Intermediate Leadership Competencies', 'intermediate-leadership-competencies'],
    [':white_check_mark: What Permifrost is', '-what-permifrost-is'],
    ['Emoji :smile: mid :notanemoji: end', 'emoji--mid-notanemoji-end'],
    ['C++ & Go/Rust: naïve  — “quotes” 1.2', 'c--gorust-naïve---quotes-12'],
    ['Déjà vu 方法 1：Web IDE を使って', 'déjà-vu-方法-1web-ide-を使って'],
    ['`code` *em* __strong__ [l](http://x.y/z) <span id="q">h</span>', 'code-em-__strong__-lhttpxyz-span-idqhspan'],
    ['a-b_c d--e', 'a-b_c-d--e'],
    ['İstanbul ǅ ΣΑΣ', 'istanbul-ǆ-σασ'],
    ['Objectives & Principles', 'objectives--principles'],
    ['  spaced   out  ', 'spaced---out'],
    ['???', ''],
    ['123', '123'],
  ];
  for (const [text, id] of cases) it(`${JSON.stringify(text)} → ${JSON.stringify(id)}`, () => assert.equal(githubAnchor(text), id));

  it('removes only emoji codes Hugo knows, scanning left to right', () => {
    assert.equal(stripEmojiCodes('a:zz:smile: c'), 'a:zz c');
    assert.equal(stripEmojiCodes('a:b:smile: c'), 'asmile: c'); // :b: is an emoji too
    assert.equal(stripEmojiCodes(':tada::rocket:'), '');
    assert.equal(stripEmojiCodes(':issue-blocked: x'), ':issue-blocked: x');
    assert.equal(stripEmojiCodes('10:30 to 11:00'), '10:30 to 11:00');
  });
});

describe('headingAnchor on ASCII text (its own loop)', () => {
  it('gives what the general loop gives, for every ASCII character and 20,000 generated texts', () => {
    // An "é" at each end sends a text through the general loop, and is kept there as a letter
    // ("e" in github-ascii): the ids then differ by their first and last character only.
    const general = (s: string, type: 'github' | 'github-ascii') => headingAnchor(`\u00e9${s}\u00e9`, type).slice(1, -1);
    const every = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c)).join('');
    let seed = 15;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const texts = [every, 'Intermediate Leadership Competencies', 'a-b_c d--e', 'C++ & Go/Rust 1.2', '_x_ `y` [Z](http://q/R)'];
    for (let n = 0; n < 20_000; n++) texts.push(Array.from({ length: next() % 40 }, () => every[next() % 128]).join(''));
    let checked = 0;
    for (const raw of texts) {
      const text = raw.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, ''); // what trimming would take off one and not the other
      for (const type of ['github', 'github-ascii'] as const) {
        assert.equal(headingAnchor(text, type), general(text, type), `${type}: ${JSON.stringify(text)}`);
        checked++;
      }
    }
    assert.equal(checked, 40_010);
    assert.equal(headingAnchor(every, 'github'), '--0123456789abcdefghijklmnopqrstuvwxyz_abcdefghijklmnopqrstuvwxyz');
  });
});

describe('AnchorRegistry', () => {
  it('suffixes repeats, keeps custom ids as written and lets them reserve their id', () => {
    const r = new AnchorRegistry();
    assert.deepEqual(
      [r.auto('???'), r.auto('???'), r.auto('Foo'), r.custom('foo'), r.custom('foo'), r.auto('Foo'), r.auto('heading'), r.custom('Custom')],
      ['heading', 'heading-1', 'foo', 'foo', 'foo', 'foo-1', 'heading-2', 'Custom'],
    );
  });
});

describe('headingText', () => {
  it('strips markers, closing hashes and a trailing attribute block', () => {
    assert.deepEqual(headingText('## Trailing closing # {#after}', true, ''), {
      text: 'Trailing closing',
      start: 3,
      end: 19,
      customId: 'after',
      attributeStart: 22,
    });
    assert.equal(headingText('## trailing hashes ##', true, '').text, 'trailing hashes');
    assert.equal(headingText('## C# language', true, '').text, 'C# language');
    assert.equal(headingText('## Attr{#noSpace .cls}', true, '').customId, 'noSpace');
    assert.equal(headingText('## Attr2 {.cls #withClass}', true, '').customId, 'withClass');
    assert.equal(headingText('## Attr3 { #spaced }', true, '').customId, 'spaced');
    assert.deepEqual(headingText('## Not attr {#bad id}', true, ''), {
      text: 'Not attr {#bad id}',
      start: 3,
      end: 21,
      customId: undefined,
      attributeStart: undefined,
    });
    assert.equal(headingText('## Heading with `code {#x}`', true, '').customId, undefined);
    assert.deepEqual(headingText('> ## Quoted', true, 'Quoted'), { text: 'Quoted', start: 5, end: 11, customId: undefined, attributeStart: undefined });
    assert.equal(headingText('Setext with {#sid}', false, 'Setext with {#sid}').customId, 'sid');
  });

  it('parses Goldmark attribute lists', () => {
    assert.deepEqual(parseAttributes('#id .a .b key=value q="x y"'), { id: 'id', classes: ['a', 'b'] });
    assert.equal(parseAttributes('#bad id'), undefined);
    assert.deepEqual(parseAttributes(''), { id: undefined, classes: [] }); // "## Empty {}" renders as "Empty"
    assert.equal(parseAttributes(' '), undefined); // "## Spaces { }" keeps the braces
  });
});
