// Hostile content in the ladder matrix view (client/src/views/ladderMatrixHtml.ts): a career track
// and a job-family page whose folder and file names, headings (the track's title, the levels),
// responsibility terms and descriptions are markup that tries to run script, built by the core
// from pages as the view gets them, loaded in headless Chromium under the view's own Content
// Security Policy and with none. Asserted: nothing runs but the view's own script, no request, no
// navigation; every piece of text shows exactly as the page wrote it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { escapeHtml, parseMatrixMessage, renderLadderMatrixHtml, type RenderedMatrix } from '../../client/src/views/ladderMatrixHtml';
import { ladderMatrix } from '../../server/src/core/features/ladderMatrix';
import { MemoryHost } from '../../server/src/core/host';
import { Workspace } from '../../server/src/core/workspace';
import { toMatrixResult } from '../../server/src/lsp/customRequests';
import {
  chromiumSkip as skip,
  DANGEROUS_ATTRIBUTES_SCRIPT,
  launchChromium,
  openObserved,
  POSITIONED_ELEMENTS_SCRIPT,
  type ObservedPage,
} from './hostileHarness';
import { REPO } from './previewSite';

/** The webview's origin: its cspSource, where the stylesheet comes from. */
const WEBVIEW = 'https://webview.test';
const DOC = `${WEBVIEW}/index.html`;
const STYLESHEET = `${WEBVIEW}/media/ladderMatrix.css`;
const NONCE = 'matrixNonce0123456789AB';

const TRACK = `/s/content/careers/matrix/<img src onerror=__hit('folder')>`;
const SENIOR_FILE = `senior-"'<svg onload=__hit('file')>&amp;#?%.md`;
const JOB_FAMILY_FILE = `"'<img src onerror=__hit('jf-file')>&#?%.md`;
const JOB_FAMILY = `/s/content/job-families/eng/${JOB_FAMILY_FILE}`;

const TERM = `<script>__hit('term')</script>`;
const TERM_DRIFT = `<SCRIPT>__hit('term')</SCRIPT>`;
const TERM_GAP = `On-call "><b onmouseover=__hit('gap')>x</b>`;
const DESCRIPTION = `<img src onerror=__hit('description')>`;
const DESCRIPTION_BREAKOUT = `</td></tr></table><iframe src=javascript:__hit('breakout')>`;
const DESCRIPTION_OVERLAY = `<div style="position:fixed;inset:0;background:red">overlay</div>`;
const DESCRIPTION_LINK = `<a href="javascript:__hit('cell')">x</a>`;
const ROLE = `<img src onerror=__hit('heading')> Engineer`;

function hostileHost(): MemoryHost {
  const page = (level: string, rows: string[], extra = '') =>
    `---\ntitle: "${level} Engineer"\ndescription: "x"\n---\n\n## ${level} ${ROLE}\n\n${extra}| Responsibility | Description |\n| --- | --- |\n${rows.join('\n')}\n`;
  return new MemoryHost({
    '/s/hugo.toml': '',
    [`${TRACK}/intermediate.md`]: page('Intermediate', [`| ${TERM} | ${DESCRIPTION} |`, `| ${TERM_GAP} | Answers pages. |`, '| Mentoring | Helps. |']),
    [`${TRACK}/${SENIOR_FILE}`]: page(
      'Senior',
      [`| ${TERM_DRIFT} | ${DESCRIPTION_BREAKOUT} |`, `| Architecture | ${DESCRIPTION_LINK} |`, `| Review | ${DESCRIPTION_OVERLAY} |`],
      'Mentoring is left to staff engineers.\n\n',
    ),
    [JOB_FAMILY]: [
      '---',
      `title: "<script>__hit('jf-title')</script>"`,
      'description: "x"',
      '---',
      '',
      '## Levels',
      '',
      `### <img src onerror=__hit('level')> Engineer`,
      '',
      '#### Job Grade',
      '',
      'The role is a [grade 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).',
      '',
      '#### Responsibilities',
      '',
      '- <script>__hit(1)</script>',
      '',
      '#### Requirements',
      '',
      '- b',
      '',
      `### Senior <svg onload=__hit('level-2')> Engineer`,
      '',
      '#### Responsibilities',
      '',
      '- a',
      '',
    ].join('\n'),
  });
}

function render(file: string): RenderedMatrix {
  const matrix = toMatrixResult(ladderMatrix(new Workspace(hostileHost()), file));
  return renderLadderMatrixHtml(matrix, { cspSource: WEBVIEW, nonce: NONCE, styleUris: [STYLESHEET] });
}

const CSP_META = `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src ${WEBVIEW}; script-src &#39;nonce-${NONCE}&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;;">\n`;

function withoutCsp(html: string): string {
  assert.equal(html.split(CSP_META).length, 2, 'the view declares its CSP once');
  return html.replace(CSP_META, '');
}

// acquireVsCodeApi as the webview has it, recording what the view posts.
const VSCODE_API = 'window.__posted = []; window.acquireVsCodeApi = function () { return { postMessage: function (m) { window.__posted.push(m); } }; };';

describe('hostile content in the ladder matrix view (headless Chromium)', () => {
  let browser: Browser;
  const css = readFileSync(join(REPO, 'media/ladderMatrix.css'), 'utf8');
  const files = (html: string) => ({
    [DOC]: { body: html, contentType: 'text/html; charset=utf-8' },
    [STYLESHEET]: { body: css, contentType: 'text/css' },
  });

  before(async () => {
    if (!skip) browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  const open = (html: string) => openObserved(browser, DOC, files(html), { viewport: { width: 1200, height: 600 }, initScript: VSCODE_API });

  /** Nothing happened but the view's own script posting the clicks; the stylesheet loaded. */
  async function assertQuiet(p: ObservedPage, rendered: RenderedMatrix): Promise<void> {
    // Hover over and click every header and cell: only the view's own script answers, with the clicked index.
    const buttons = p.page.locator('button[data-target]');
    const n = await buttons.count();
    assert.equal(n, rendered.targets.length);
    for (let i = 0; i < n; i++) {
      await buttons.nth(i).hover({ timeout: 5_000 });
      await buttons.nth(i).click({ timeout: 5_000, noWaitAfter: true });
    }
    for (const th of await p.page.locator('tbody th').all()) await th.hover({ timeout: 5_000 });
    await p.settle();
    const posted = (await p.page.evaluate('window.__posted')) as unknown[];
    assert.deepEqual(
      posted,
      rendered.targets.map((_, i) => ({ type: 'open', target: i })),
    );
    assert.deepEqual(
      posted.map((m) => parseMatrixMessage(m, rendered.targets)),
      rendered.targets,
    );
    const o = p.observed;
    assert.deepEqual(o.hits, []);
    assert.deepEqual(o.dialogs, []);
    assert.deepEqual(o.requests, []);
    assert.deepEqual(o.navigations, []);
    assert.deepEqual(o.popups, []);
    assert.deepEqual(o.violations, []);
    assert.deepEqual(o.errors, []);
    assert.equal(p.page.url(), DOC);
    assert.equal(await p.page.evaluate('getComputedStyle(document.querySelector("table.matrix th")).borderTopStyle'), 'solid', 'the stylesheet applies');
    assert.deepEqual(await p.page.evaluate('[...document.scripts].map((s) => s.nonce)'), [NONCE]);
    assert.deepEqual(await p.page.evaluate('[...new Set([...document.body.querySelectorAll("*")].map((e) => e.tagName.toLowerCase()))].sort()'), [
      'button',
      'h1',
      'header',
      'li',
      'p',
      'script',
      'span',
      'table',
      'tbody',
      'td',
      'th',
      'thead',
      'tr',
      'ul',
    ]);
    assert.deepEqual(await p.page.evaluate(DANGEROUS_ATTRIBUTES_SCRIPT), []);
    assert.deepEqual(await p.page.evaluate(POSITIONED_ELEMENTS_SCRIPT), []);
  }

  for (const csp of [true, false]) {
    const policy = csp ? 'its own CSP' : 'no CSP';
    it(`career track with hostile folder, file name, heading, terms and descriptions, under ${policy}: all text, nothing runs`, { skip }, async () => {
      const rendered = render(`${TRACK}/intermediate.md`);
      const p = await open(csp ? rendered.html : withoutCsp(rendered.html));
      try {
        assert.equal(await p.page.title(), `Ladder Matrix: ${ROLE}`);
        assert.equal(await p.page.textContent('h1'), ROLE);
        assert.equal(await p.page.textContent('.subject'), `content/careers/matrix/<img src onerror=__hit('folder')>`);
        assert.deepEqual(await p.page.locator('thead th').allTextContents(), ['Responsibility', 'Intermediate', 'Senior']);
        assert.deepEqual(await p.page.locator('thead button').evaluateAll((bs) => bs.map((b) => b.getAttribute('title'))), [
          'Open intermediate.md, line 6',
          `Open ${SENIOR_FILE}, line 6`,
        ]);
        assert.deepEqual(await p.page.locator('tbody th').allTextContents(), [TERM, TERM_GAP, 'Mentoring', 'Architecture', 'Review']);
        assert.deepEqual(await p.page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))), [
          [DESCRIPTION, `written “${TERM_DRIFT}”${DESCRIPTION_BREAKOUT}`],
          ['Answers pages.', 'Missing: a lower level has it'],
          ['Helps.', 'Left out: the page says why'],
          ['Not yet: starts at a higher level', DESCRIPTION_LINK],
          ['Not yet: starts at a higher level', DESCRIPTION_OVERLAY],
        ]);
        assert.equal(
          await p.page.locator('tbody tr:first-child td:nth-child(3) button').getAttribute('title'),
          `Senior · Spelled differently · open ${SENIOR_FILE}, line 12`,
        );
        await assertQuiet(p, rendered);
      } finally {
        await p.close();
      }
    });

    it(`job-family page with a hostile file name, title and level headings, under ${policy}: all text, nothing runs`, { skip }, async () => {
      const rendered = render(JOB_FAMILY);
      const p = await open(csp ? rendered.html : withoutCsp(rendered.html));
      try {
        assert.equal(await p.page.title(), `Ladder Matrix: <script>__hit('jf-title')</script>`);
        assert.equal(await p.page.textContent('.subject'), `content/job-families/eng/${JOB_FAMILY_FILE}`);
        assert.deepEqual(await p.page.locator('thead th').allTextContents(), [
          'Level',
          `<img src onerror=__hit('level')> Engineer`,
          `Senior <svg onload=__hit('level-2')> Engineer`,
        ]);
        assert.deepEqual(await p.page.locator('thead button').evaluateAll((bs) => bs.map((b) => b.getAttribute('title'))), [
          `Open ${JOB_FAMILY_FILE}, line 8`,
          `Open ${JOB_FAMILY_FILE}, line 22`,
        ]);
        assert.deepEqual(await p.page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.textContent)), [
          'Job grade7Missing',
          'Responsibilities11',
          'Requirements1Missing',
        ]);
        await assertQuiet(p, rendered);
      } finally {
        await p.close();
      }
    });
  }

  it("control: the same text put in unescaped runs without a CSP, and the view's CSP blocks it (and says so)", { skip }, async () => {
    const rendered = render(`${TRACK}/intermediate.md`);
    const raw = rendered.html.replace(`<th scope="row">${escapeHtml(TERM)}</th>`, `<th scope="row">${TERM}</th>`);
    assert.notEqual(raw, rendered.html);
    const p = await open(withoutCsp(raw));
    try {
      await p.settle();
      assert.deepEqual(p.observed.hits, ['term']);
      await p.load(DOC, files(raw));
      await p.settle();
      assert.deepEqual(p.observed.hits, []);
      assert.deepEqual(p.observed.violations, ['script-src-elem inline']);
    } finally {
      await p.close();
    }
  });
});
