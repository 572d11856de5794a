// The ladder matrix view's HTML as text (client/src/views/ladderMatrixHtml.ts): its content security
// policy, escaping, the targets cells carry, and the check of messages coming back from the webview.
// test/preview/ladderMatrixView.test.ts opens the same HTML in Chromium.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, matrixTitle, parseMatrixMessage, parseMatrixState, renderLadderMatrixHtml, scriptJson } from '../../../client/src/views/ladderMatrixHtml';
import type { LadderMatrixResult } from '../../../server/src/lsp/customProtocol';

const NONCE = 'abcdefghijklmnopqrstuv12';
const at = (uri: string, line: number) => ({ uri, line, character: 0 });
const MATRIX: LadderMatrixResult = {
  kind: 'career-ladder',
  title: 'Engineer <b>&</b>',
  subject: 'content/careers/track',
  rowHeader: 'Responsibility',
  columns: [
    { label: 'Intermediate', level: 'intermediate', uri: 'file:///s/intermediate.md', location: at('file:///s/intermediate.md', 5) },
    { label: 'Senior', level: 'senior', uri: 'file:///s/senior.md', location: at('file:///s/senior.md', 5) },
  ],
  rows: [
    {
      label: 'Code "review"',
      cells: [
        { state: 'present', text: 'a < b', location: at('file:///s/intermediate.md', 10) },
        { state: 'drift', written: 'code <review>', text: 'x', location: at('file:///s/senior.md', 11) },
      ],
    },
    {
      label: 'On-call',
      cells: [
        { state: 'present', text: 'y', location: at('file:///s/intermediate.md', 11) },
        { state: 'gap', location: at('file:///s/senior.md', 9) },
      ],
    },
  ],
  counts: { gaps: 1, drift: 1, explained: 0 },
};

describe('ladder matrix HTML', () => {
  const { html, targets } = renderLadderMatrixHtml(MATRIX, {
    cspSource: 'vscode-webview://abc',
    nonce: NONCE,
    styleUris: ['vscode-webview://abc/media/ladderMatrix.css'],
  });

  it('declares a strict content security policy: nothing by default, styles from the webview, only the nonced script, no <base>, no forms', () => {
    // Quotes in the attribute are written as &#39; (the browser reads them back as ').
    assert.ok(
      html.includes(
        `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src vscode-webview://abc; script-src &#39;nonce-${NONCE}&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;;">`,
      ),
    );
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(html.includes(`<script nonce="${NONCE}">`));
    assert.equal((html.match(/<style/g) ?? []).length, 0);
    assert.doesNotMatch(html, /\son[a-z]+=/i); // no inline event handlers
    assert.throws(() => renderLadderMatrixHtml(MATRIX, { cspSource: 'x', nonce: "' unsafe-inline", styleUris: [] }), /nonce/);
  });

  it('escapes every piece of author text', () => {
    assert.ok(html.includes('<h1>Engineer &lt;b&gt;&amp;&lt;/b&gt;</h1>'));
    assert.ok(html.includes('<title>Ladder Matrix: Engineer &lt;b&gt;&amp;&lt;/b&gt;</title>'));
    assert.ok(html.includes('<th scope="row">Code &quot;review&quot;</th>'));
    assert.ok(html.includes('<span class="written">written “code &lt;review&gt;”</span>'));
    assert.ok(html.includes('<span class="text">a &lt; b</span>'));
    assert.equal(escapeHtml(`<'&">`), '&lt;&#39;&amp;&quot;&gt;');
    assert.equal(matrixTitle(MATRIX), 'Ladder Matrix: Engineer <b>&</b>');
  });

  it('names files in tooltips decoded and escaped: a hostile name stays inside the attribute, a malformed URI does not throw', () => {
    const name = `senior-"'<svg onload=alert(1)>&amp;#?%.md`;
    const hostile = structuredClone(MATRIX);
    hostile.columns[1].location.uri = `file:///s/${encodeURIComponent(name)}`;
    hostile.columns[0].location.uri = 'file:///s/100%.md';
    const out = renderLadderMatrixHtml(hostile, { cspSource: 'vscode-webview://abc', nonce: NONCE, styleUris: [] }).html;
    assert.ok(out.includes('title="Open senior-&quot;&#39;&lt;svg onload=alert(1)&gt;&amp;amp;#?%.md, line 6">Senior</button>'));
    assert.ok(out.includes('title="Open 100%.md, line 6">Intermediate</button>'));
    assert.doesNotMatch(out, /<svg/);
  });

  it('gives every header and cell with a source the index of its location, and marks cells by state', () => {
    assert.deepEqual(
      targets.map((t) => `${t.uri.slice('file://'.length)}:${t.line}`),
      ['/s/intermediate.md:5', '/s/senior.md:5', '/s/intermediate.md:10', '/s/senior.md:11', '/s/intermediate.md:11', '/s/senior.md:9'],
    );
    assert.ok(
      html.includes(
        '<td class="cell state-gap"><button type="button" class="open" data-target="5" title="Senior · Missing: a lower level has it · open senior.md, line 10"><span class="empty">Missing: a lower level has it</span></button></td>',
      ),
    );
    assert.ok(html.includes('<tr class="has-drift">'));
    assert.ok(html.includes('<tr class="has-gap">'));
    assert.ok(html.includes('<p class="summary">2 levels · 2 responsibilities · 1 gap · 1 spelling drift</p>'));
  });

  it('accepts only { type: "open", target } with a known index from the webview', () => {
    assert.deepEqual(parseMatrixMessage({ type: 'open', target: 3 }, targets), targets[3]);
    for (const bad of [
      null,
      'open',
      {},
      { type: 'open' },
      { type: 'open', target: '3' },
      { type: 'open', target: 6 },
      { type: 'open', target: -1 },
      { type: 'open', target: 1.5 },
      { type: 'run', target: 1 },
    ]) {
      assert.equal(parseMatrixMessage(bad, targets), undefined, JSON.stringify(bad));
    }
  });
});

describe('ladder matrix state (the panel comes back after a window reload)', () => {
  const render = (state?: { page: string }) => renderLadderMatrixHtml(MATRIX, { cspSource: 'vscode-webview:', nonce: NONCE, styleUris: ['x.css'], state }).html;

  it("keeps the page's URI with vscode.setState inside the nonced script, safe in a <script> element", () => {
    const page = 'vscode-vfs://github/acme/s/</script><script>alert(1)</script>\u2028.md';
    const html = render({ page });
    assert.equal(
      html.match(/vscode\.setState\((.*)\);/)?.[1],
      '{"page":"vscode-vfs://github/acme/s/\\u003c/script>\\u003cscript>alert(1)\\u003c/script>\\u2028.md"}',
    );
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.deepEqual(JSON.parse(scriptJson({ page })), { page });
    assert.doesNotMatch(render(), /setState/);
  });

  it('restores only a state with a page URI', () => {
    assert.deepEqual(parseMatrixState({ page: 'file:///s/senior.md', other: 1 }), { page: 'file:///s/senior.md' });
    for (const bad of [undefined, null, 'file:///s/senior.md', {}, { page: '' }, { page: 3 }])
      assert.equal(parseMatrixState(bad), undefined, JSON.stringify(bad));
  });
});
