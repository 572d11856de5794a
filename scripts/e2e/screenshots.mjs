#!/usr/bin/env node
// Screenshots of the real editor for the README (issue 13): the completion list after "[x](#" on
// the senior seed page with VS Code's built-in Markdown link completion on (before) and turned off
// for the workspace (after), and a finding's code link clicked in the Problems view (the rule's page
// opens in a Markdown preview). Same offline kit as the e2e tests (code-server 4.100.3 = VS Code
// 1.100.3, Debian Chromium through playwright-core), the extension loaded from this checkout.
//   node scripts/e2e/screenshots.mjs        writes test/artifacts/anchor-completion-{before,after}.png,
//                                           anchor-completion.png (the two side by side), problems-panel.png,
//                                           rule-doc-preview.png; and docs/images/anchor-completion.png, the
//                                           README's copy of the pair (committed; test/artifacts/ is not)
// Not a test: it fails loudly when the editor does not show what it waits for.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './bundleSuite.mjs';
import { CHROMIUM, startCodeServer } from './codeServer.mjs';
import { ensureInstalled, unsupportedReason } from './install.mjs';

const PAGE = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity/senior.md';
const ARTIFACTS = join(ROOT, 'test/artifacts');
/** Where the README's images live (README.md links docs/images/<name>). */
const README_IMAGES = join(ROOT, 'docs/images');
const log = (s) => console.log(`[screenshots] ${s}`);

const unsupported = unsupportedReason();
if (unsupported) {
  console.error(`screenshots: ${unsupported}`);
  process.exit(2);
}
const kit = ensureInstalled();
if (spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
mkdirSync(ARTIFACTS, { recursive: true });
const chromium = createRequire(join(kit.playwrightCore, 'package.json'))('playwright-core').chromium;

/** One editor launch on a fresh copy of examples/handbook; `workspaceSettings` go to its .vscode/settings.json. */
async function withEditor(name, workspaceSettings, drive) {
  const scratch = mkdtempSync(join(tmpdir(), `career-shots-${name}-`));
  const workspace = join(scratch, 'handbook');
  cpSync(join(ROOT, 'examples/handbook'), workspace, { recursive: true });
  if (workspaceSettings) {
    mkdirSync(join(workspace, '.vscode'));
    writeFileSync(join(workspace, '.vscode/settings.json'), JSON.stringify(workspaceSettings, null, 2));
  }
  const extensionsDir = join(scratch, 'extensions');
  mkdirSync(extensionsDir);
  const server = await startCodeServer({
    kit,
    scratch,
    extensionsDir,
    settings: { 'editor.minimap.enabled': false, 'workbench.colorTheme': 'Default Light Modern', 'window.commandCenter': false },
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['openFile', remote(join(workspace, PAGE))],
    ];
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, extraHTTPHeaders: { 'Accept-Encoding': 'identity' } });
    await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    // The page is open and our language server answers (the status bar shows its page kind).
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
    await page.locator('.statusbar-item', { hasText: 'Career page' }).first().waitFor({ timeout: 60_000 });
    await drive(page);
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Types "[x](#" on a new last line and waits for the suggestion list; `ready` says when it shows what we wait for. */
async function completionShot(page, file, ready) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  // Scroll past the end so the new line sits high in the editor and the list opens below it.
  await page.mouse.wheel(0, 500);
  await page.keyboard.press('Enter');
  await page.keyboard.type('[x](#', { delay: 30 });
  const widget = page.locator('.editor-widget.suggest-widget.visible');
  const deadline = Date.now() + 30_000;
  for (;;) {
    await widget.waitFor({ timeout: 15_000 });
    const labels = await widget.locator('.monaco-list-row .label-name').allInnerTexts();
    if (ready(labels)) break;
    // The built-in Markdown server may not be up yet: ask again.
    if (Date.now() > deadline) throw new Error(`the suggestions never showed what was expected: ${JSON.stringify(labels)}`);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Space');
  }
  const line = await page.locator('.monaco-editor .view-line', { hasText: '[x](#' }).last().boundingBox();
  const box = await widget.boundingBox();
  const left = Math.max(0, Math.min(line.x, box.x) - 40);
  const top = Math.max(0, Math.min(line.y, box.y) - 24);
  const clip = { x: left, y: top, width: Math.max(box.x + box.width, line.x + 200) + 24 - left, height: box.y + box.height + 16 - top };
  await page.screenshot({ path: join(ARTIFACTS, file), clip });
  log(`wrote test/artifacts/${file}`);
  return clip;
}

await withEditor('before', undefined, (page) =>
  completionShot(page, 'anchor-completion-before.png', (labels) => labels.some((l) => l.startsWith('#')) && labels.includes('engineering-1')),
);

await withEditor('after', { 'markdown.suggest.paths.enabled': false }, async (page) => {
  await completionShot(page, 'anchor-completion-after.png', (labels) => labels.includes('engineering-1') && !labels.some((l) => l.startsWith('#')));
  // The code link of a finding, clicked in the Problems view, opens the rule's page in a preview.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+M');
  const link = page.locator('.markers-panel .monaco-link', { hasText: 'link-fragment' }).first();
  await link.waitFor({ timeout: 30_000 }).catch(async (e) => {
    await page.screenshot({ path: join(ARTIFACTS, 'screenshots-failure.png') });
    const links = await page.locator('.markers-panel .monaco-link').allInnerTexts();
    throw new Error(`no link-fragment code link in the Problems view (links: ${JSON.stringify(links)}; test/artifacts/screenshots-failure.png): ${e.message}`);
  });
  // The Problems view: one line per finding, the fix first (issue 13).
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'did you mean' }).first().waitFor({ timeout: 30_000 });
  await page.locator('.part.panel').screenshot({ path: join(ARTIFACTS, 'problems-panel.png') });
  log('wrote test/artifacts/problems-panel.png');
  await link.click();
  await page.locator('.tab', { hasText: '[Preview] link-fragment.md' }).waitFor({ timeout: 30_000 });
  await page.locator('.webview.ready').first().waitFor({ state: 'attached', timeout: 30_000 });
  // The preview renders inside the webview's inner frame: wait for the doc's title there.
  await page
    .frameLocator('iframe.webview.ready')
    .frameLocator('#active-frame')
    .locator('h1', { hasText: 'link-fragment' })
    .first()
    .waitFor({ timeout: 30_000 });
  await page.screenshot({ path: join(ARTIFACTS, 'rule-doc-preview.png') });
  log('wrote test/artifacts/rule-doc-preview.png');
});

// The pair side by side, for the README (a page of its own, no editor).
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const html = `<html><head><meta charset="utf-8"></head><body style="margin:0">
    <div id="pair" style="display:inline-flex;gap:16px;background:#fff;font:14px sans-serif;align-items:flex-start">
    <figure style="margin:8px"><figcaption>Before: the built-in's "#…" entries beside ours</figcaption><img src="before.png"></figure>
    <figure style="margin:8px"><figcaption>After: ours alone, with the included headings</figcaption><img src="after.png"></figure></div></body></html>`;
  const pair = await browser.newPage();
  await pair.route('http://pair.invalid/**', (r) => {
    const url = r.request().url();
    if (url.endsWith('/before.png')) return r.fulfill({ path: join(ARTIFACTS, 'anchor-completion-before.png') });
    if (url.endsWith('/after.png')) return r.fulfill({ path: join(ARTIFACTS, 'anchor-completion-after.png') });
    return r.fulfill({ body: html, contentType: 'text/html' });
  });
  await pair.goto('http://pair.invalid/');
  for (const img of await pair.locator('img').all()) await img.evaluate((i) => i.decode());
  await pair.locator('#pair').screenshot({ path: join(ARTIFACTS, 'anchor-completion.png') });
  log('wrote test/artifacts/anchor-completion.png');
  mkdirSync(README_IMAGES, { recursive: true });
  copyFileSync(join(ARTIFACTS, 'anchor-completion.png'), join(README_IMAGES, 'anchor-completion.png'));
  log('wrote docs/images/anchor-completion.png');
} finally {
  await browser.close();
}
