// The ladder matrix view's HTML (client/src/views/ladderMatrixHtml.ts) in a real browser (Debian's
// headless Chromium through playwright-core), loaded from a file with the view's own content
// security policy and stylesheet: the EP track of examples/handbook, a track with gaps and spelling
// drift in a dark theme, and author text that tries to run script. Writes screenshots to
// test/artifacts/ (not committed).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { chromiumSkip, launchChromium } from '../support/chromium';
import { parseMatrixMessage, renderLadderMatrixHtml, type RenderedMatrix } from '../../client/src/views/ladderMatrixHtml';
import { ladderMatrix } from '../../server/src/core/features/ladderMatrix';
import { MemoryHost } from '../../server/src/core/host';
import { Workspace } from '../../server/src/core/workspace';
import { toMatrixResult } from '../../server/src/lsp/customRequests';
import type { LadderMatrixResult } from '../../server/src/lsp/customProtocol';
import { NodeHost, toCorePath } from '../../server/src/node/nodeHost';
import { REPO } from './previewSite';

const skip = chromiumSkip;
const ARTIFACTS = join(REPO, 'test/artifacts');
const STYLESHEET = pathToFileURL(join(REPO, 'media/ladderMatrix.css')).toString();
const EP = toCorePath(join(REPO, 'examples/handbook/content/handbook/engineering/careers/matrix/quality/engineering-productivity'));

// A few of the variables a dark VS Code theme defines (VS Code sets them on the webview's root).
const DARK_THEME =
  ':root{--vscode-foreground:#cccccc;--vscode-editor-background:#1f1f1f;--vscode-descriptionForeground:#9d9d9d;--vscode-widget-border:#3c3c3c;--vscode-editorWidget-border:#454545;--vscode-editorWidget-background:#252526;--vscode-list-hoverBackground:#2a2d2e;--vscode-focusBorder:#0078d4;--vscode-editorWarning-foreground:#cca700;--vscode-editorInfo-foreground:#3794ff;}';

function epMatrix(): LadderMatrixResult {
  return toMatrixResult(ladderMatrix(new Workspace(new NodeHost()), `${EP}/senior.md`));
}

/** A three-level track with a gap, spelling drift and an explained omission (as in test/unit/commands/ladderMatrix.test.ts). */
function driftMatrix(): LadderMatrixResult {
  const track = '/s/content/careers/matrix/backend';
  const page = (level: string, rows: string[], extra = '') =>
    `---\ntitle: "${level} Backend Engineer"\ndescription: "x"\n---\n\n## ${level} Backend Engineer\n\n${extra}| Responsibility | Description |\n| --- | --- |\n${rows.join('\n')}\n`;
  const ws = new Workspace(
    new MemoryHost({
      '/s/hugo.toml': '',
      [`${track}/intermediate.md`]: page('Intermediate', [
        '| Code review | Reviews merge requests of the team. |',
        '| Dogfood use | Uses GitLab features in daily work and reports bugs. |',
        '| On-call | Answers pages during working hours. |',
        '| Mentoring | Helps new team members get started. |',
      ]),
      [`${track}/senior.md`]: page(
        'Senior',
        [
          '| Code review | Reviews merge requests across the stage. |',
          '| Dog-food use | Proposes product improvements from daily use. |',
          '| Mentorng | Mentors intermediate engineers. |',
          '| Architecture | Designs features with the team. |',
        ],
        'At this level on-call is shared with the SRE team.\n\n',
      ),
      [`${track}/staff.md`]: page('Staff', ['| Code review | Sets review standards for the section. |', '| Mentoring | Grows the next senior engineers. |']),
    }),
  );
  return toMatrixResult(ladderMatrix(ws, `${track}/staff.md`));
}

describe('ladder matrix view in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  /** Content security policy reports and script errors of the page opened last. */
  let problems: string[] = [];
  const timings: string[] = [];

  before(async () => {
    if (skip) return;
    const started = Date.now();
    browser = await launchChromium(['--allow-file-access-from-files']);
    timings.push(`launch ${Date.now() - started} ms`);
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    if (!skip) console.log(`chromium timings: ${timings.join(', ')}`);
  });

  /** A computed style property of the first element matching `selector` (a string: the tests have no DOM types). */
  const style = (selector: string, property: string) => page.evaluate(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property}`);
  const posted = () => page.evaluate('window.__posted') as Promise<unknown[]>;

  /**
   * Renders the matrix to a file under test/artifacts and opens it as VS Code would load the view:
   * `acquireVsCodeApi` exists (it records posted messages), stylesheets come from file: URLs, which
   * play the webview's cspSource.
   */
  const open = async (matrix: LadderMatrixResult, name: string, extraCss?: string): Promise<RenderedMatrix> => {
    const styleUris = [STYLESHEET];
    if (extraCss) {
      const theme = join(ARTIFACTS, `${name}-theme.css`);
      writeFileSync(theme, extraCss);
      styleUris.push(pathToFileURL(theme).toString());
    }
    const rendered = renderLadderMatrixHtml(matrix, { cspSource: 'file:', nonce: randomBytes(18).toString('base64'), styleUris });
    const file = join(ARTIFACTS, `${name}.html`);
    writeFileSync(file, rendered.html);
    page = await browser.newPage({ viewport: { width: 1100, height: 400 } });
    problems = [];
    page.on('console', (m) => {
      if (/Content Security Policy/.test(m.text())) problems.push(m.text());
    });
    // A string, not a function: the test runner's transpiler would add helpers the page does not have.
    await page.addInitScript(
      'window.__posted = []; window.acquireVsCodeApi = function () { return { postMessage: function (m) { window.__posted.push(m); } }; };',
    );
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const started = Date.now();
    await page.goto(pathToFileURL(file).toString(), { waitUntil: 'load', timeout: 15_000 });
    timings.push(`load ${name} ${Date.now() - started} ms`);
    return rendered;
  };

  it('shows the EP track: levels as columns, terms as rows, the term that starts at senior marked; a click asks to open its line; screenshots it', {
    skip,
  }, async () => {
    const matrix = epMatrix();
    const { targets } = await open(matrix, 'ladder-matrix');
    assert.equal(await page.title(), 'Ladder Matrix: Backend Engineer, Engineering Productivity');
    assert.deepEqual(await page.$$eval('thead th', (ths) => ths.map((t) => t.textContent)), ['Responsibility', 'Intermediate', 'Senior']);
    assert.deepEqual(await page.$$eval('tbody th', (ths) => ths.map((t) => t.textContent)), [
      'See it and find it',
      'Do it for internal team',
      'Dogfood use',
      'Engineering support',
      'Engineering workflow',
      'Dogfood build',
      'Do it for wider community',
    ]);
    assert.deepEqual(await page.$$eval('tbody tr:last-child td', (tds) => tds.map((t) => [t.className, t.textContent])), [
      ['cell state-not-yet', 'Not yet: starts at a higher level'],
      ['cell state-present', 'Identifies contributor tooling improvements for the wider GitLab community contributors'],
    ]);
    assert.equal(await page.textContent('.summary'), '2 levels · 7 responsibilities · 0 gaps · 0 spelling drifts');
    // The stylesheet loaded under the CSP: the marked cell has the warning-free muted style, the table its borders.
    assert.equal(await style('table.matrix th', 'borderTopStyle'), 'solid');
    assert.deepEqual(problems, []);

    await page.click('tbody tr:nth-child(7) td:nth-child(3) button');
    const messages = await posted();
    assert.equal(messages.length, 1);
    const location = parseMatrixMessage(messages[0], targets);
    assert.ok(location);
    assert.ok(location.uri.endsWith('/engineering-productivity/senior.md'), location.uri);
    assert.equal(location.line, 36);
    await page.mouse.move(0, 0); // no hover highlight in the screenshot
    await page.screenshot({ path: join(ARTIFACTS, 'ladder-matrix.png'), fullPage: true });
    await page.close();
  });

  it('marks gaps, spelling drift and an explained omission, readable in a dark theme; screenshots it', { skip }, async () => {
    await open(driftMatrix(), 'ladder-matrix-dark', DARK_THEME);
    const states = await page.$$eval('tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.className.replace('cell state-', ''))));
    assert.deepEqual(states, [
      ['present', 'present', 'present'],
      ['present', 'drift', 'gap'],
      ['present', 'explained', 'gap'],
      ['present', 'drift', 'present'],
      ['not-yet', 'present', 'gap'],
    ]);
    // Cells follow the row's <th>: the staff column is the fourth child.
    assert.equal(await page.textContent('tbody tr:nth-child(2) td:nth-child(4)'), 'Missing: a lower level has it');
    assert.equal(await page.textContent('tbody tr:nth-child(2) td:nth-child(3) .written'), 'written “Dog-food use”');
    assert.equal(await page.textContent('tbody tr:nth-child(4) td:nth-child(3) .written'), 'written “Mentorng”');
    // The theme's colours apply: dark background, and the gap cell tinted with the warning colour.
    assert.equal(await style('body', 'backgroundColor'), 'rgb(31, 31, 31)');
    const gapBackground = await style('tbody tr:nth-child(2) td:nth-child(4)', 'backgroundColor');
    assert.notEqual(gapBackground, 'rgba(0, 0, 0, 0)');
    assert.equal(await page.$$eval('ul.legend li', (lis) => lis.length), 4);
    assert.deepEqual(problems, []);
    await page.screenshot({ path: join(ARTIFACTS, 'ladder-matrix-dark.png'), fullPage: true });
    await page.close();
  });

  it('shows author text as text: markup in a term or description does not run', { skip }, async () => {
    const matrix = epMatrix();
    matrix.rows[0].label = '<img src="x" onerror="window.__ran = 1">Term';
    matrix.rows[0].cells[0].text = '<script>window.__ran = 2</script></td></tr></table><b>escaped</b>';
    matrix.title = '</title><script>window.__ran = 3</script>';
    await open(matrix, 'ladder-matrix-hostile');
    assert.equal(await page.evaluate('window.__ran ?? null'), null);
    assert.equal(await page.textContent('tbody tr:first-child th'), '<img src="x" onerror="window.__ran = 1">Term');
    assert.equal(await page.textContent('tbody tr:first-child td .text'), '<script>window.__ran = 2</script></td></tr></table><b>escaped</b>');
    assert.equal(await page.$$eval('img, b', (els) => els.length), 0);
    assert.equal(await page.$$eval('script', (els) => els.length), 1); // ours
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('shows the job-family seed: grade and counts per level', { skip }, async () => {
    const file = toCorePath(join(REPO, 'examples/handbook/content/job-families/engineering/infrastructure/engineering-productivity-manager.md'));
    await open(toMatrixResult(ladderMatrix(new Workspace(new NodeHost()), file)), 'ladder-matrix-job-family');
    assert.deepEqual(await page.$$eval('thead th', (ths) => ths.map((t) => t.textContent)), [
      'Level',
      'Engineering Manager, Engineering Productivity',
      'Senior Engineering Manager, Engineering Productivity',
    ]);
    assert.deepEqual(await page.$$eval('tbody tr', (trs) => trs.map((tr) => tr.textContent)), ['Job grade89', 'Responsibilities109', 'Requirements77']);
    await page.screenshot({ path: join(ARTIFACTS, 'ladder-matrix-job-family.png'), fullPage: true });
    await page.close();
  });
});
