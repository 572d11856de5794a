import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanShortcodes } from '../../server/src/core/markdown/shortcodes';

const one = (text: string) => {
  const { calls } = scanShortcodes(text);
  assert.equal(calls.length, 1, `one call in ${text}`);
  return calls[0];
};
const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

describe('scanShortcodes', () => {
  it('finds both delimiters with exact spans, spacing variants and raw strings', () => {
    for (const [text, delimiter] of [
      ['x {{% include "includes/a.md" %}} y', '%'],
      ['x {{< include "includes/a.md" >}} y', '<'],
      ['x {{%include   "includes/a.md"%}} y', '%'],
      ['x {{%  include `includes/a.md`  %}} y', '%'],
    ] as const) {
      const c = one(text);
      assert.equal(c.delimiter, delimiter);
      assert.equal(c.name, 'include');
      assert.equal(slice(text, c.span), text.slice(2, -2));
      assert.equal(c.params[0].value, 'includes/a.md');
      assert.equal(slice(text, c.params[0].valueSpan), 'includes/a.md');
      assert.deepEqual(c.problems, []);
    }
  });

  it('reads named parameters, escaped quotes, line breaks and spaces around "="', () => {
    const text = '{{< team role = "Engineering \\"Manager\\"" team="Plan"\n   size=3 >}}';
    const c = one(text);
    assert.deepEqual(
      c.params.map((p) => [p.name, p.value]),
      [
        ['role', 'Engineering "Manager"'],
        ['team', 'Plan'],
        ['size', '3'],
      ],
    );
    assert.deepEqual(c.problems, []);
  });

  it('recognises closing and self-closing tags and the escaped form', () => {
    const { calls, escaped } = scanShortcodes('{{% details %}}x{{% /details %}} {{< br />}} {{</* include "a" */>}} {{%/* x */%}}');
    assert.deepEqual(
      calls.map((c) => [c.name, c.closing, c.selfClosing]),
      [
        ['details', false, false],
        ['details', true, false],
        ['br', false, true],
      ],
    );
    assert.equal(escaped.length, 2);
  });

  it('records what Hugo rejects, leniently extracting the call', () => {
    const kinds = (t: string) => scanShortcodes(t).calls.flatMap((c) => c.problems.map((p) => `${p.kind}:${p.fatal}`));
    assert.deepEqual(kinds('{{%- include "a.md" %}}'), ['trim-marker:true']);
    assert.deepEqual(kinds('{{% include "a.md" >}}'), ['mismatched-delimiter:true']);
    assert.deepEqual(kinds('{{% include includes/a.md %}}'), ['unquoted:true']);
    assert.deepEqual(kinds('{{< g alice,bob >}}'), ['unquoted:true']);
    assert.deepEqual(kinds('{{< g bob.smith a_b a-b >}}'), []);
    assert.deepEqual(kinds('{{% include "a.md\n%}}'), ['unterminated-string:true']);
    assert.deepEqual(kinds('{{< card header="x" "positional" >}}'), ['mixed-params:true']);
    assert.deepEqual(kinds('{{< never closed'), ['unclosed:true']);
    assert.deepEqual(kinds('{{</* not closed */'), ['unclosed-comment:true']);
    const c = one('{{% include "a.md" -%}}');
    assert.deepEqual(c.problems, []);
    assert.deepEqual(c.trailingDash, { start: 19, end: 20 });
  });

  it('reads Hugo\'s lexer cases: strings opened with \\" close with it, closing tags take no parameters, a "." is for inline names', () => {
    const read = (t: string) =>
      scanShortcodes(t).calls.map((c) => [c.name, c.params.map((p) => [p.name ?? null, p.value]), c.problems.map((p) => `${p.kind} ${slice(t, p.span)}`)]);
    // As in a call written inside a Go template string: \" opens and closes.
    assert.deepEqual(read('{{< sc1 param1=\\"Hello World\\"  >}}'), [['sc1', [['param1', 'Hello World']], []]]);
    assert.deepEqual(read('{{< sc1 \\"param1\\"  >}}'), [['sc1', [[null, 'param1']], []]]);
    // Opened with ", a \" is a quote inside; opened with \", the next \" ends it (then "escaped" is positional).
    assert.deepEqual(read('{{< sc1 param1="Hello \\"escaped\\" World" >}}'), [['sc1', [['param1', 'Hello "escaped" World']], []]]);
    assert.deepEqual(read('{{< sc1 param1=\\"Hello \\"escaped\\" World\\" >}}')[0][2], ['unquoted escaped\\"', 'mixed-params escaped\\"', 'unquoted World\\"']);
    assert.deepEqual(read('{{< sc1 >}}{{< /sc1 keyword>}}')[1][2], ['closing-params keyword']);
    assert.deepEqual(
      read('{{< sc1.Inline >}}Hello{{< /sc1.Inline >}}').map((c) => c[2]),
      [['dotted-name sc1.Inline'], ['dotted-name sc1.Inline']],
    );
    assert.deepEqual(
      read('{{< sc1.inline >}}a{{< sc1 >}}{{% sc2 %}}{{< /sc1.inline >}}{{< sc3 >}}').map((c) => c[2]),
      [[], ['inline-nesting {{< sc1 >}}'], ['inline-nesting {{% sc2 %}}'], [], []],
    );
    assert.deepEqual(
      read('{{< sc1.inline >}}Hello{{< /sc1.inline >}}').map((c) => [c[0], c[2]]),
      [
        ['sc1.inline', []],
        ['sc1.inline', []],
      ],
    );
  });

  it('ignores braces that are not shortcodes', () => {
    assert.deepEqual(scanShortcodes('{{ .Title }} and {{- template -}} and {x}').calls, []);
  });
});
