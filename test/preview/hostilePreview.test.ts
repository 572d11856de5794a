// Hostile content shows, never runs: a page and an included file with every case of
// hostilePayloads.ts (and hostile front matter, file names, shortcode arguments), rendered by the
// real preview plugin and loaded in headless Chromium under VS Code's strict Content Security Policy
// and with none at all. Asserted: no script ran, no request was made, no navigation, no dialog, no
// popup, no CSP violation; nothing that could act is in the DOM; and each case shows as text.
// First, a control: the same payloads as written do what they say in this browser (so the
// observations below can see them), also under the CSP where it lets them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  ACTIVE_ELEMENTS_SCRIPT,
  chromiumSkip as skip,
  DANGEROUS_ATTRIBUTES_SCRIPT,
  EVIL,
  launchChromium,
  openObserved,
  POSITIONED_ELEMENTS_SCRIPT,
  vscodeStrictCsp,
  type Observed,
  type ObservedPage,
} from './hostileHarness';
import { HTML_CASES, MARKDOWN_CASES, type Effect, type HtmlCase } from './hostilePayloads';
import { exampleHost, previewMarkdownIt, renderPage, REPO, SITE, vscodeLikeMarkdownIt } from './previewSite';

const ORIGIN = 'https://preview.test';
const DOC = `${ORIGIN}/content/handbook/hostile.html`;
/** What VS Code desktop gives as the webview's cspSource. */
const CSP_SOURCE = 'https://*.vscode-cdn.net';
const NONCE = 'hostileNonce0123456789';
const PREVIEW_CSS = readFileSync(join(REPO, 'media/preview.css'), 'utf8');
// From VS Code's markdown.css: the rule that makes #code-csp-warning a fixed box.
const VSCODE_CSS = '#code-csp-warning{position:fixed;top:0;right:0;margin:16px;padding:6px;background-color:#444;color:#fff}';
const BASE_CSS = 'body{background:rgb(255,255,255);color:#333;font:14px sans-serif;padding:0 26px}';

/**
 * The preview document: VS Code's head in short (the CSP when given, its styles, one nonced script of
 * its own, which must run), the rendered body. No <base>: a page's own <base> must not take effect.
 */
function previewDocument(body: string, csp: boolean): string {
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8">' +
    (csp ? `<meta http-equiv="Content-Security-Policy" content="${vscodeStrictCsp(CSP_SOURCE, NONCE)}">` : '') +
    `<title>preview</title><style>${BASE_CSS}${VSCODE_CSS}</style><style>${PREVIEW_CSS}</style>` +
    `<script nonce="${NONCE}">window.__previewScriptRan = true;</script></head>` +
    `<body class="vscode-body vscode-light">${body}</body></html>`
  );
}

const html = (body: string) => ({ body, contentType: 'text/html; charset=utf-8' });

/** What the page shows of each case: the text between its "case <id>" heading and the next heading of the same parent. */
const CASE_TEXTS_SCRIPT = (scope: string) => `(() => {
  const root = document.querySelector(${JSON.stringify(scope)});
  const heads = [...root.children].filter((e) => e.tagName === 'H4');
  const out = {};
  heads.forEach((h, i) => {
    if (!h.textContent.startsWith('case ') || !heads[i + 1]) return;
    const r = document.createRange();
    r.setStartAfter(h);
    r.setEndBefore(heads[i + 1]);
    out[h.textContent.slice(5)] = r.toString().trim();
  });
  return out;
})()`;

function effectsOf(o: Observed, extra: { restyled: boolean; positioned: string[]; baseURI: string }, url: string): Effect[] {
  const effects: Effect[] = [];
  for (const h of o.hits) effects.push({ hit: h });
  for (const d of o.dialogs) effects.push({ dialog: d });
  for (const r of o.requests) effects.push({ request: r.startsWith(EVIL) ? r.slice(EVIL.length) : r });
  for (const n of new Set(o.navigations)) effects.push({ navigation: n.startsWith(EVIL) ? n.slice(EVIL.length) : n });
  if (extra.restyled) effects.push({ restyle: true });
  for (const p of extra.positioned) effects.push({ overlay: p });
  if (extra.baseURI !== url) effects.push({ rebase: extra.baseURI });
  return effects;
}

/** Hovers (when asked) and clicks everything that shows `c.interact`. */
async function interact(p: ObservedPage, c: { interact?: string; hover?: true }): Promise<void> {
  if (!c.interact) return;
  const targets = p.page.getByText(c.interact, { exact: false });
  const n = await targets.count();
  assert.ok(n > 0, `nothing shows "${c.interact}"`);
  for (let i = 0; i < n; i++) {
    if (c.hover) await targets.nth(i).hover({ timeout: 5_000 });
    await targets.nth(i).click({ timeout: 5_000, noWaitAfter: true });
  }
}

/** The page's styles, overlays and base URL (one round trip). */
async function measure(p: ObservedPage): Promise<{ restyled: boolean; positioned: string[]; baseURI: string }> {
  return await p.page.evaluate(`({
    restyled: getComputedStyle(document.body).backgroundColor !== 'rgb(255, 255, 255)',
    positioned: ${POSITIONED_ELEMENTS_SCRIPT},
    baseURI: document.baseURI,
  })`);
}

// ---- the page and the included file ---------------------------------------------------------

const PAGE = `${SITE}/content/handbook/hostile.md`;
/** A file name with every character that could break out of an attribute, a URL or a path. */
const ODD_NAME = `x"'<img src onerror=__hit('caption')>&amp;#?.md`;
const TITLE = `<script>__hit('fm-title')</script>`;
const DESCRIPTION = `</p><img src onerror="__hit('fm-description')"><style>body{display:none}</style>`;
const SHORTCODE_ARGUMENT = `<img src onerror=__hit('shortcode')>`;
const MISSING = `includes/<svg onload=__hit('missing-include')>.md`;

function casesMarkdown(): string {
  const blocks = [
    ...HTML_CASES.map((c) => `#### case ${c.id}\n\n${c.html}`),
    ...MARKDOWN_CASES.map((c) => `#### case ${c.id}\n\n${c.markdown}`),
    '#### end of cases',
  ];
  return blocks.join('\n\n') + '\n';
}

function hostileHost() {
  return exampleHost({
    [`${SITE}/assets/includes/hostile.md`]: casesMarkdown(),
    [`${SITE}/assets/includes/${ODD_NAME}`]: 'odd-name-body\n',
    [PAGE]: [
      '---',
      `title: "${TITLE}"`,
      `description: '${DESCRIPTION.replace(/'/g, "''")}'`,
      '---',
      '',
      casesMarkdown(),
      `{{< youtube "${SHORTCODE_ARGUMENT}" >}}`,
      '',
      `{{% include "${MISSING}" %}}`,
      '',
      `{{% include \`includes/${ODD_NAME}\` %}}`,
      '',
      '{{% include "includes/hostile.md" %}}',
      '',
    ].join('\n'),
  });
}

const SETUPS = {
  'markdown-it as the tests set it up': previewMarkdownIt,
  "markdown-it as VS Code's preview sets it up": vscodeLikeMarkdownIt,
} as const;

describe('hostile content in the preview (headless Chromium)', () => {
  let browser: Browser;

  before(async () => {
    if (!skip) browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  /** Loads one case as written (no preview) on `p`, does what it needs, and returns what happened. */
  async function rawEffects(p: ObservedPage, c: HtmlCase, csp: boolean): Promise<Effect[]> {
    const url = `${DOC}?case=${c.id}`;
    await p.load(url, { [url]: html(previewDocument(c.html, csp)) });
    const expected = csp ? (c.rawUnderCsp ?? []) : c.raw;
    if (!expected.some((e) => 'overlay' in e)) await interact(p, c);
    // Requests and navigations a case makes are waited for; everything else has happened once the page settled.
    for (const e of expected) {
      if ('request' in e) await p.request(EVIL + e.request);
      if ('navigation' in e) await p.request(EVIL + e.navigation);
    }
    await p.settle();
    assert.equal(await p.page.evaluate('window.__previewScriptRan === true'), true, 'the nonced script of the preview runs');
    return effectsOf(p.observed, await measure(p), url);
  }

  /** Every case as written, one after the other in one page: the effects that differ from `expected`. */
  async function rawMismatches(csp: boolean, expected: (c: HtmlCase) => Effect[]): Promise<string[]> {
    const p = await openObserved(browser, DOC, { [DOC]: html(previewDocument('', csp)) });
    const wrong: string[] = [];
    try {
      for (const c of HTML_CASES) {
        const got = new Set((await rawEffects(p, c, csp)).map((e) => JSON.stringify(e)));
        const want = new Set(expected(c).map((e) => JSON.stringify(e)));
        if ([...got].sort().join() !== [...want].sort().join()) wrong.push(`${c.id}: ${[...got].join(' ')} (expected ${[...want].join(' ')})`);
      }
    } finally {
      await p.close();
    }
    return wrong;
  }

  it(`control: each of the ${HTML_CASES.length} HTML cases, as written and with no CSP, does what it says in this Chromium`, { skip }, async () => {
    assert.deepEqual(await rawMismatches(false, (c) => c.raw), []);
  });

  it('control: as written under the strict CSP, script is blocked but fetches, styles, overlays, forms, refresh and <base> get through', { skip }, async () => {
    assert.deepEqual(await rawMismatches(true, (c) => c.rawUnderCsp ?? []), []);
  });

  for (const [setup, markdownIt] of Object.entries(SETUPS)) {
    for (const csp of [true, false]) {
      const policy = csp ? "VS Code's strict CSP" : 'no CSP';
      it(`the page and its included file, ${setup}, under ${policy}: nothing runs, loads or navigates; every case shows as text`, { skip }, async () => {
        const host = hostileHost();
        const vscode = markdownIt === vscodeLikeMarkdownIt;
        const body = renderPage(markdownIt(host), host, PAGE);
        const p = await openObserved(browser, DOC, { [DOC]: html(previewDocument(body, csp)) });
        try {
          for (const c of [...HTML_CASES, ...MARKDOWN_CASES]) await interact(p, c);
          await p.settle();
          const o = p.observed;
          assert.deepEqual(o.hits, [], 'script ran');
          assert.deepEqual(o.dialogs, [], 'a dialog opened');
          assert.deepEqual(o.requests, [], 'requests left the page');
          assert.deepEqual(o.navigations, [], 'the page navigated');
          assert.deepEqual(o.popups, [], 'a window opened');
          assert.deepEqual(o.violations, [], 'the CSP had to block something');
          assert.deepEqual(o.errors, []);
          assert.equal(p.page.url(), DOC);
          assert.equal(await p.page.title(), 'preview');
          assert.equal(await p.page.evaluate('window.__previewScriptRan === true'), true);
          assert.deepEqual(await measure(p), { restyled: false, positioned: [], baseURI: DOC });

          // Nothing in the DOM could act later either.
          assert.deepEqual(await p.page.evaluate(ACTIVE_ELEMENTS_SCRIPT), []);
          assert.deepEqual(await p.page.evaluate(DANGEROUS_ATTRIBUTES_SCRIPT), []);
          const links = await p.page.$$eval('a[href]', (as) => as.map((a) => [(a as unknown as { href: string }).href, a.textContent]));
          // Linkify (VS Code's setup) turns URLs in the text of the cases into links; they are plain https links.
          const linkified = links.filter(([href, text]) => href === text);
          assert.ok(
            linkified.every(([href]) => href.startsWith(`${EVIL}/`)),
            JSON.stringify(linkified),
          );
          assert.deepEqual(
            links.filter(([href, text]) => href !== text),
            [
              ['https://example.com/a?b=1&c=2#d', 'md-safe-target'],
              ['mailto:a@example.com', 'mail'],
              ['tel:+15550100', 'call'],
              [`${DOC}#case-md-safe`, 'here'],
              [`${ORIGIN}/assets/includes/x%22'%3Cimg%20src%20onerror%3D__hit('caption')%3E%26amp%3B%23%3F.md`, `assets/includes/${ODD_NAME}`],
              [`${ORIGIN}/assets/includes/hostile.md`, 'assets/includes/hostile.md'],
              ['https://example.com/a?b=1&c=2#d', 'md-safe-target'],
              ['mailto:a@example.com', 'mail'],
              ['tel:+15550100', 'call'],
              [`${DOC}#case-md-safe`, 'here'],
            ],
          );
          assert.equal(await p.page.getAttribute('abbr[title]', 'title'), `x" onmouseover="__hit('quote-break')`);

          // The author sees every case, as text.
          const expected = (c: { id: string; shown: string; vscodeShown?: string }) => [c.id, vscode ? (c.vscodeShown ?? c.shown) : c.shown];
          const pageTexts = await p.page.evaluate(CASE_TEXTS_SCRIPT('body'));
          assert.deepEqual(Object.entries(pageTexts as object), [...HTML_CASES.map(expected), ...MARKDOWN_CASES.map(expected)]);
          const includedTexts = await p.page.evaluate(CASE_TEXTS_SCRIPT('figure[data-include-path="includes/hostile.md"] .cp-include-body'));
          assert.deepEqual(Object.entries(includedTexts as object), [
            ...HTML_CASES.map((c) => [c.id, c.includedShown ?? c.html]),
            ...MARKDOWN_CASES.map(expected),
          ]);
          assert.equal(await p.page.locator('.cp-frontmatter-title').textContent(), TITLE);
          assert.equal(await p.page.locator('.cp-frontmatter-description').textContent(), DESCRIPTION);
          assert.equal(await p.page.locator('.cp-shortcode-params').textContent(), SHORTCODE_ARGUMENT);
          assert.equal(await p.page.locator('.cp-include-error-path').textContent(), MISSING);
          const odd = p.page.locator('figure.cp-include').first();
          assert.equal(await odd.getAttribute('data-include-path'), `includes/${ODD_NAME}`);
          assert.equal(await odd.locator('.cp-include-file').textContent(), `assets/includes/${ODD_NAME}`);
          assert.equal(await odd.locator('.cp-include-file').getAttribute('title'), `Open assets/includes/${ODD_NAME}`);
          assert.equal(await odd.locator('.cp-include-body').textContent(), '\nodd-name-body\n');
          for (const selector of ['.cp-html-removed', '.cp-html-escaped', '.cp-url-removed']) {
            const all = p.page.locator(selector);
            const n = await all.count();
            assert.ok(n > 0, selector);
            for (let i = 0; i < n; i++) assert.equal(await all.nth(i).isVisible(), true, `${selector} #${i}`);
          }
        } finally {
          await p.close();
        }
      });
    }
  }
});
