import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeSpans, htmlAnchors, htmlLinks, inlineLinks, referenceDefinition, splitDestination } from '../../server/src/core/markdown/inline';

describe('inline', () => {
  it('finds code spans by backtick runs', () => {
    const t = 'a `b` c ``d ` e`` \\`f` g`';
    assert.deepEqual(
      codeSpans(t, 0, t.length).map((s) => t.slice(s.start, s.end)),
      ['`b`', '``d ` e``', '` g`'],
    );
  });

  it('finds inline link destinations outside code, with titles and angle brackets', () => {
    const t = '[a](#one) ![img](pic.png "t") `[c](#code)` [d](<#two three>) [e](### not a link) [f](/x/(y)#z \'t\')';
    const code = codeSpans(t, 0, t.length);
    assert.deepEqual(
      inlineLinks(t, 0, t.length, code).map((l) => [l.target, l.image, t.slice(l.span.start, l.span.end)]),
      [
        ['#one', false, '#one'],
        ['pic.png', true, 'pic.png'],
        ['#two three', false, '#two three'],
        ['/x/(y)#z', false, '/x/(y)#z'],
      ],
    );
  });

  it('reads reference definitions, HTML links and HTML anchors', () => {
    assert.deepEqual(referenceDefinition('[ref]: #target "title"', 10), {
      kind: 'definition',
      label: 'ref',
      target: '#target',
      image: false,
      span: { start: 17, end: 24 },
    });
    assert.equal(referenceDefinition('not a [definition]', 0), undefined);
    const h = '<a href="#x">x</a> <p id="para"></p> <a name="old">';
    assert.deepEqual(
      htmlLinks(h, 0, h.length, []).map((l) => l.target),
      ['#x'],
    );
    assert.deepEqual(
      htmlAnchors(h, 0, h.length, []).map((a) => a.id),
      ['para', 'old'],
    );
  });

  it('splits and decodes fragments', () => {
    assert.deepEqual(splitDestination('/a/b/#d%C3%A9j%C3%A0'), { path: '/a/b/', fragment: 'déjà', fragmentOffset: 6 });
    assert.deepEqual(splitDestination('#bad%zz'), { path: '', fragment: 'bad%zz', fragmentOffset: 1 });
    assert.deepEqual(splitDestination('x.md'), { path: 'x.md' });
  });
});
