// The preview's HTML in a real browser (Debian's headless Chromium through playwright-core): the
// seeds with their included headings and ids, {{< >}} includes as the raw text the site shows, a
// missing include's error box, and included files whose <script> and onerror= must not run. Writes screenshots to test/artifacts/ (not committed).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromiumSkip, launchChromium } from '../support/chromium';
import { MemoryHost } from '../../server/src/core/host';
import { Workspace } from '../../server/src/core/workspace';
import { ANGLE_ASSETS, ANGLE_HUGO_HTML, ANGLE_PAGES } from './angleIncludeCases';
import { exampleHost, INTERMEDIATE, JOB_FAMILY, previewMarkdownIt, renderPage, REPO, SENIOR, SITE } from './previewSite';

const skip = chromiumSkip;
const ARTIFACTS = join(REPO, 'test/artifacts');
const PREVIEW_CSS = readFileSync(join(REPO, 'media/preview.css'), 'utf8');

// A few of the variables VS Code's themes define, and the gist of its markdown.css, so the
// screenshots look like the editor's preview in a light and a dark theme.
const THEMES = {
  light:
    '--vscode-foreground:#3b3b3b;--vscode-editor-background:#ffffff;--vscode-textLink-foreground:#005fb8;--vscode-descriptionForeground:#3b3b3b;--vscode-widget-border:#e5e5e5;--vscode-textBlockQuote-background:#f8f8f8;--vscode-textCodeBlock-background:#f8f8f8;--vscode-badge-background:#cccccc;--vscode-badge-foreground:#3b3b3b;--vscode-errorForeground:#f85149;--vscode-inputValidation-errorBackground:#f2dede;--vscode-inputValidation-errorBorder:#be1100;--vscode-editorWarning-foreground:#bf8803;',
  dark: '--vscode-foreground:#cccccc;--vscode-editor-background:#1f1f1f;--vscode-textLink-foreground:#4daafc;--vscode-descriptionForeground:#9d9d9d;--vscode-widget-border:#313131;--vscode-textBlockQuote-background:#2b2b2b;--vscode-textCodeBlock-background:#2b2b2b;--vscode-badge-background:#616161;--vscode-badge-foreground:#f8f8f8;--vscode-errorForeground:#f85149;--vscode-inputValidation-errorBackground:#5a1d1d;--vscode-inputValidation-errorBorder:#be1100;--vscode-editorWarning-foreground:#cca700;',
};
const BASE_CSS = `body{font-family:-apple-system,"Segoe UI","Ubuntu","Droid Sans",sans-serif;font-size:14px;line-height:1.6;padding:0 26px;max-width:880px;color:var(--vscode-foreground);background:var(--vscode-editor-background)}
a{color:var(--vscode-textLink-foreground)}table{border-collapse:collapse}th,td{border:1px solid var(--vscode-widget-border);padding:4px 8px}
hr{border:0;height:1px;background:var(--vscode-widget-border)}code{font-family:monospace}`;

function htmlDocument(body: string, theme: keyof typeof THEMES = 'light'): string {
  return (
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>preview</title><style>:root{${THEMES[theme]}}${BASE_CSS}</style><style>${PREVIEW_CSS}</style></head>` +
    `<body class="vscode-body vscode-${theme}">${body}</body></html>`
  );
}

// The skip sits on each test (not on the suite) so that the summary of `npm test` lists it.
describe('preview in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const timings: string[] = [];

  before(async () => {
    if (skip) return;
    const started = Date.now();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 960, height: 900 } });
    // Nothing leaves the machine: links and images of the pages are not fetched.
    await page.route('**/*', (route) => route.abort());
    timings.push(`launch ${Date.now() - started} ms`);
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    if (!skip) console.log(`chromium timings: ${timings.join(', ')}`);
  });

  const headingIds = (p: Page) => p.$$eval('h1,h2,h3,h4,h5,h6', (els) => els.map((e) => [Number(e.tagName.slice(1)), e.id || null]));
  /** Loads HTML and waits for it to settle (load fires after images have loaded or failed). */
  const show = async (html: string) => {
    const started = Date.now();
    await page.setContent(html, { waitUntil: 'load', timeout: 15_000 });
    timings.push(`load ${Date.now() - started} ms`);
  };

  it('the harness notices script that runs (control: a <script> and an onerror= put in directly)', { skip }, async () => {
    await show(
      htmlDocument('<p>control</p><script>window.__ranScript = true; document.title = "pwned"</script><img src="x.png" onerror="window.__ranOnerror = true">'),
    );
    assert.equal(await page.evaluate('window.__ranScript === true && window.__ranOnerror === true'), true);
    assert.equal(await page.title(), 'pwned');
  });

  it('shows the {{% %}} seed with every included heading, each with the id Workspace.model() computes; screenshots it', { skip }, async () => {
    const host = exampleHost();
    const md = previewMarkdownIt(host);
    let started = performance.now();
    const body = renderPage(md, host, SENIOR);
    timings.push(`render senior.md (first) ${(performance.now() - started).toFixed(1)} ms`);
    started = performance.now();
    for (let i = 0; i < 20; i++) renderPage(md, host, SENIOR);
    timings.push(`render senior.md (warm, mean of 20) ${((performance.now() - started) / 20).toFixed(1)} ms`);
    await show(htmlDocument(body));
    const model = new Workspace(host).model(SENIOR)!;
    assert.deepEqual(
      await headingIds(page),
      model.headings.map((h) => [h.level, h.id]),
    );
    // The included headings are inside the frames, visible, and under their captions.
    const included = await page.$$eval('figure.cp-include h5', (els) => els.map((e) => e.id));
    assert.deepEqual(included, ['engineering', 'engineering-1', 'gitlab']);
    assert.equal(await page.locator('h5#engineering-1').isVisible(), true);
    assert.deepEqual(await page.locator('figure.cp-include figcaption a.cp-include-file').allTextContents(), [
      'assets/includes/engineering-careers/ep-career-nav.md',
      'assets/includes/engineering-careers/senior-leadership-competency.md',
      'assets/includes/engineering-careers/senior-technical-competency.md',
      'assets/includes/engineering-careers/values-competency.md',
    ]);
    assert.equal(await page.locator('.cp-frontmatter-title').textContent(), 'Quality Career Framework: Senior Backend Engineer, Engineering Productivity');
    assert.equal(await page.locator('.cp-include-error').count(), 0);
    await page.screenshot({ path: join(ARTIFACTS, 'preview-seed.png'), fullPage: true });
    await show(htmlDocument(body, 'dark'));
    await page.screenshot({ path: join(ARTIFACTS, 'preview-seed-dark.png'), fullPage: true });
  });

  it('shows the {{< >}} seed (its includes as raw text, no included heading) and the job-family seed with the page ids of the model', { skip }, async () => {
    const host = exampleHost();
    const md = previewMarkdownIt(host);
    await show(htmlDocument(renderPage(md, host, INTERMEDIATE)));
    assert.deepEqual(
      await headingIds(page),
      new Workspace(host).model(INTERMEDIATE)!.headings.map((h) => [h.level, h.id]),
    );
    assert.equal(await page.locator('figure.cp-include-raw').count(), 4);
    assert.equal(await page.locator('figure.cp-include h5').count(), 0);
    assert.match(await page.locator('figure.cp-include-raw .cp-include-body').nth(3).innerText(), /^##### GitLab /);
    await page.screenshot({ path: join(ARTIFACTS, 'preview-seed-angle.png'), fullPage: true });
    await show(htmlDocument(renderPage(md, host, JOB_FAMILY)));
    assert.deepEqual(
      await headingIds(page),
      new Workspace(host).model(JOB_FAMILY)!.headings.map((h) => [h.level, h.id]),
    );
  });

  it("shows a {{< >}} include as the site does: the raw Markdown text, the same text Hugo's page shows, in a box saying why", { skip }, async () => {
    const files: Record<string, string> = {};
    for (const [path, text] of Object.entries(ANGLE_ASSETS)) files[`${SITE}/assets/${path}`] = text;
    for (const [path, text] of Object.entries(ANGLE_PAGES)) files[`${SITE}/content/angle/${path}`] = text;
    const host = exampleHost(files);
    const md = previewMarkdownIt(host);
    const visible = (selector: string) => page.$eval(selector, (e) => (e as unknown as { innerText: string }).innerText.replace(/\s+/g, ' ').trim());
    await show(htmlDocument(renderPage(md, host, `${SITE}/content/angle/alone.md`)));
    // The file's Markdown unrendered, its lines run together as on the site; its tags shown as text.
    assert.equal(
      await visible('figure.cp-include-raw .cp-include-body'),
      '##### Raw Heading {#custom} - item with [a link](https://example.com/x) and **bold** & `code` - <b>inline html</b> and <escaped> & © ' +
        '<div class="box">block html</div> {{% alert %}}not run{{% /alert %}} \\*not emphasis\\* 1. first',
    );
    assert.equal(await page.locator('h5, ul, ol, figure.cp-include-raw a[href="https://example.com/x"]').count(), 0);
    assert.equal(await page.locator('figure.cp-include-raw .cp-include-note').innerText(), 'the site shows this text unrendered');
    assert.match(await page.locator('figure.cp-include-raw .cp-include-advice').innerText(), /its headings get no ids .*quick fix "Use \{\{% %\}\}"/);
    assert.equal(await page.locator('figure.cp-include-raw .cp-include-advice').isVisible(), true);
    await page.screenshot({ path: join(ARTIFACTS, 'preview-angle-include.png'), fullPage: true });

    // Page by page, the preview shows the text the browser shows of Hugo's page (ANGLE_HUGO_HTML,
    // pinned against Hugo in test/hugo/angleInclude.test.ts), apart from what it adds (the card, the
    // captions) and the included tags it shows as text (the site renders them).
    const shown: Record<string, [string, string]> = {};
    for (const name of Object.keys(ANGLE_PAGES)) {
      if (name === 'percent.md') continue;
      await show(htmlDocument(ANGLE_HUGO_HTML[name]));
      const site = await visible('body');
      await show(htmlDocument(renderPage(md, host, `${SITE}/content/angle/${name}`)));
      await page.evaluate("document.querySelectorAll('.cp-frontmatter, .cp-include-caption, code.cp-html-escaped').forEach((e) => e.remove())");
      shown[name] = [await visible('body'), site];
    }
    for (const [name, [preview, site]] of Object.entries(shown)) assert.equal(preview, site, name);
    // Inside a line (a list item, a table cell): framed inline, with its caption.
    await show(htmlDocument(renderPage(md, host, `${SITE}/content/angle/list.md`) + renderPage(md, host, `${SITE}/content/angle/table.md`)));
    assert.equal(await page.locator('li .cp-include-inline, td .cp-include-inline').count(), 3);
    await page.screenshot({ path: join(ARTIFACTS, 'preview-angle-include-inline.png'), fullPage: true });
    assert.equal(shown['inline.md'][1], 'Before One [line](https://example.com/l) **here** after.');
  });

  it('shows a visible error box naming a missing include', { skip }, async () => {
    const P = `${SITE}/content/handbook/missing.md`;
    const host = exampleHost({
      [P]: '---\ntitle: "Missing"\n---\n\n## Before\n\n{{% include "includes/engineering-careers/no-such-file.md" %}}\n\n## After\n',
    });
    await show(htmlDocument(renderPage(previewMarkdownIt(host), host, P)));
    const box = page.locator('.cp-include-error');
    assert.equal(await box.count(), 1);
    assert.equal(await box.isVisible(), true);
    assert.equal(await box.getAttribute('role'), 'alert');
    assert.equal(await box.locator('.cp-include-error-path').textContent(), 'includes/engineering-careers/no-such-file.md');
    assert.equal(await box.locator('.cp-include-error-title').textContent(), 'Missing include: includes/engineering-careers/no-such-file.md');
    const size = await box.boundingBox();
    assert.ok(size && size.height > 20 && size.width > 300, `error box too small: ${JSON.stringify(size)}`);
    assert.deepEqual(await headingIds(page), [
      [2, 'before'],
      [2, 'after'],
    ]);
    await page.screenshot({ path: join(ARTIFACTS, 'preview-missing-include.png'), fullPage: true });
  });

  it('runs no script from an included file (<script>, onerror=, javascript: link) nor from the page itself', { skip }, async () => {
    const P = `${SITE}/content/handbook/evil.md`;
    const evil = [
      '## Included',
      '',
      '<script>window.__pwned = "include script"; document.title = "pwned"</script>',
      '',
      'An image <img src="x.png" onerror="window.__pwned = \'include onerror\'; document.title = \'pwned\'"> inline.',
      '',
      '<div><img src="y.png" onerror="window.__pwned = \'include block onerror\'"></div>',
      '',
      '[click](javascript:window.__pwned=1)',
      '',
    ].join('\n');
    const host = exampleHost({
      [`${SITE}/assets/includes/evil.md`]: evil,
      [P]:
        '---\ntitle: "Evil <script>window.__pwned = \'title\'</script>"\n---\n\n{{% include "includes/evil.md" %}}\n\n' +
        '<script>window.__pwned = "page script"</script>\n\n<img src="z.png" onerror="window.__pwned = \'page onerror\'">\n\n' +
        '<svg><script>window.__pwned = "svg"</script></svg>\n',
    });
    const body = renderPage(previewMarkdownIt(host), host, P);
    await show(htmlDocument(body));
    assert.equal(await page.evaluate('typeof window.__pwned'), 'undefined');
    assert.equal(await page.title(), 'preview');
    assert.equal(await page.locator('script').count(), 0);
    assert.equal(await page.locator('[onerror]').count(), 0);
    assert.equal(await page.locator('a[href^="javascript"]').count(), 0);
    // What was neutralised is still visible to the author, as text.
    assert.equal(await page.locator('h2#included').isVisible(), true);
    assert.match(
      (await page.locator('figure.cp-include .cp-include-body').textContent()) ?? '',
      /<script>window.__pwned = "include script"; document.title = "pwned"<\/script>/,
    );
    assert.equal(await page.locator('.cp-html-removed', { hasText: '<script>' }).count(), 2);
    // Clicking the javascript: link text must not run anything either (markdown-it refuses the link).
    await page.getByText('[click](javascript:window.__pwned=1)').click({ timeout: 5_000 });
    assert.equal(await page.evaluate('typeof window.__pwned'), 'undefined');
    await page.screenshot({ path: join(ARTIFACTS, 'preview-script-include.png'), fullPage: true });
  });

  it('shows other shortcodes as labelled placeholders, with no raw braces on screen', { skip }, async () => {
    const P = `${SITE}/content/handbook/shortcodes.md`;
    const host = exampleHost({
      [P]:
        '---\ntitle: "Shortcodes"\ndescription: "Placeholders for what the theme renders."\n---\n\n## Video\n\n{{< youtube id="abc123" >}}\n\n' +
        'A note: {{% alert "warning" %}}Careful{{% /alert %}} and an escaped one: {{</* include "x.md" */>}}.\n\nBroken: {{< figure src="x.png"\n',
    });
    await show(htmlDocument(renderPage(previewMarkdownIt(host), host, P)));
    assert.deepEqual(await page.locator('.cp-shortcode .cp-shortcode-name').allTextContents(), ['youtube', 'alert', '/alert', 'figure']);
    assert.equal(await page.locator('.cp-shortcode-error').count(), 1);
    const text = (await page.locator('body').innerText()).replace('{{< include "x.md" >}}', '');
    assert.doesNotMatch(text, /\{\{|\}\}/);
    await page.screenshot({ path: join(ARTIFACTS, 'preview-shortcodes.png'), fullPage: true });
  });

  it('renders a page outside any site as plain Markdown (no frames, no errors)', { skip }, async () => {
    const host = new MemoryHost({ '/tmp/readme.md': '' });
    await show(htmlDocument(previewMarkdownIt(host).render('# Readme\n\n{{% include "x.md" %}}\n', { careerPagesPath: '/tmp/readme.md' })));
    assert.equal(await page.locator('.cp-include, .cp-include-error').count(), 0);
    assert.equal(await page.locator('p').textContent(), '{{% include "x.md" %}}');
  });
});
