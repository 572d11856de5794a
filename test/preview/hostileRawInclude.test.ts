// Hostile content in a file included with {{< include >}}, which the preview shows unrendered (as the
// site does: test/hugo/angleInclude.test.ts): every case of hostilePayloads.ts in one include file,
// included alone on a line, inside a paragraph and in a table cell, rendered by the real preview
// plugin and loaded in headless Chromium under VS Code's strict Content Security Policy and with
// none. Asserted: no script ran, no request, navigation, dialog or popup, no CSP violation, nothing
// in the DOM that could act; and each case shows as text, its source as written (tags and all),
// character references decoded and comments left out, as the browser shows the file on the site.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  ACTIVE_ELEMENTS_SCRIPT,
  chromiumSkip as skip,
  DANGEROUS_ATTRIBUTES_SCRIPT,
  launchChromium,
  openObserved,
  POSITIONED_ELEMENTS_SCRIPT,
  vscodeStrictCsp,
} from './hostileHarness';
import { HTML_CASES, MARKDOWN_CASES } from './hostilePayloads';
import { exampleHost, previewMarkdownIt, REPO, renderPage, SITE, vscodeLikeMarkdownIt } from './previewSite';

const ORIGIN = 'https://preview.test';
const DOC = `${ORIGIN}/content/handbook/hostile-raw.html`;
const NONCE = 'hostileRawNonce0123456789';
const PREVIEW_CSS = readFileSync(join(REPO, 'media/preview.css'), 'utf8');

function previewDocument(body: string, csp: boolean): string {
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8">' +
    (csp ? `<meta http-equiv="Content-Security-Policy" content="${vscodeStrictCsp('https://*.vscode-cdn.net', NONCE)}">` : '') +
    `<title>preview</title><style>body{background:rgb(255,255,255);color:#333}</style><style>${PREVIEW_CSS}</style>` +
    `<script nonce="${NONCE}">window.__previewScriptRan = true;</script></head><body>${body}</body></html>`
  );
}

const CASES = [...HTML_CASES.map((c) => ({ id: c.id, source: c.html })), ...MARKDOWN_CASES.map((c) => ({ id: c.id, source: c.markdown }))];
/** Each case on its own lines, between markers that are plain text. */
const FILE = CASES.map((c) => `@@case ${c.id}@@\n${c.source}\n`).join('') + '@@end@@\n';

/**
 * What the author sees of each case: its source, except what the browser reads as a comment (gone)
 * or a character reference in text (decoded). Those cases, by id.
 */
const SHOWN_OTHERWISE: Record<string, string> = {
  comment: `<img src onerror="__hit('comment')">-->`,
  'comment-bang': `<img src onerror="__hit('comment-bang')"> -->`,
  'md-link-entity': `[md-link-entity-target](javascript:__hit('md-link-entity'))`,
};

const PAGE = `${SITE}/content/handbook/hostile-raw.md`;
const host = () =>
  exampleHost({
    [`${SITE}/assets/includes/hostile.md`]: FILE,
    [PAGE]: [
      '---',
      'title: "Hostile raw"',
      '---',
      '',
      '{{< include "includes/hostile.md" >}}',
      '',
      'In a line: {{< include "includes/hostile.md" >}} end.',
      '',
      '| a |',
      '| --- |',
      '| {{< include "includes/hostile.md" >}} |',
      '',
    ].join('\n'),
  });

const SETUPS = { 'markdown-it as the tests set it up': previewMarkdownIt, "markdown-it as VS Code's preview sets it up": vscodeLikeMarkdownIt } as const;

describe('hostile content in a {{< include >}} file, shown unrendered (headless Chromium)', () => {
  let browser: Browser;
  before(async () => {
    if (!skip) browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  for (const [setup, markdownIt] of Object.entries(SETUPS)) {
    for (const csp of [true, false]) {
      it(`${setup}, under ${csp ? "VS Code's strict CSP" : 'no CSP'}: nothing runs, loads or navigates; every case shows as text, three times`, {
        skip,
      }, async () => {
        const h = host();
        const body = renderPage(markdownIt(h), h, PAGE);
        const p = await openObserved(browser, DOC, { [DOC]: { body: previewDocument(body, csp), contentType: 'text/html; charset=utf-8' } });
        try {
          // What a handler would need: hover and click the text of every case that has one.
          for (const c of [...HTML_CASES, ...MARKDOWN_CASES]) {
            if (!c.interact) continue;
            const target = p.page.getByText(c.interact, { exact: false }).first();
            await target.hover({ timeout: 5_000 });
            await target.click({ timeout: 5_000, noWaitAfter: true });
          }
          await p.settle();
          const o = p.observed;
          assert.deepEqual(
            {
              hits: o.hits,
              dialogs: o.dialogs,
              requests: o.requests,
              navigations: o.navigations,
              popups: o.popups,
              violations: o.violations,
              errors: o.errors,
            },
            { hits: [], dialogs: [], requests: [], navigations: [], popups: [], violations: [], errors: [] },
          );
          assert.equal(p.page.url(), DOC);
          assert.equal(await p.page.title(), 'preview');
          assert.equal(await p.page.evaluate('window.__previewScriptRan === true'), true);
          assert.deepEqual(await p.page.evaluate(ACTIVE_ELEMENTS_SCRIPT), []);
          assert.deepEqual(await p.page.evaluate(DANGEROUS_ATTRIBUTES_SCRIPT), []);
          assert.deepEqual(await p.page.evaluate(POSITIONED_ELEMENTS_SCRIPT), []);
          assert.equal(await p.page.evaluate("getComputedStyle(document.body).backgroundColor === 'rgb(255, 255, 255)'"), true);
          // The only links are the captions'.
          assert.deepEqual(await p.page.$$eval('a[href]', (as) => as.map((a) => a.textContent)), [
            'assets/includes/hostile.md',
            'assets/includes/hostile.md',
            'assets/includes/hostile.md',
          ]);
          const bodies = await p.page.locator('.cp-include-raw > .cp-include-body').allTextContents();
          assert.equal(bodies.length, 3);
          const expected = CASES.map((c) => [c.id, SHOWN_OTHERWISE[c.id] ?? c.source]);
          for (const text of bodies) {
            const shown = [...text.matchAll(/@@case ([^@]+)@@\n([\s\S]*?)\n(?=@@)/g)].map((m) => [m[1], m[2]]);
            assert.deepEqual(shown, expected);
          }
        } finally {
          await p.close();
        }
      });
    }
  }
});
