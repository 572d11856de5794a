// The real language server over stdio: diagnostics on open and change, re-validation when files on
// disk change, settings and the config file, quick fixes from diagnostic data, a finding's detail in
// the hover on it, jumps an include file makes reported in the include file, include-repeated.
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { copyOfExample, startServer, uriOf, type TestServer } from '../support/lspClient';

const PAGE = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity/senior.md';
const BROKEN = '{{% include "includes/engineering-careers/ep-career-navigation.md" %}}';
/** The competency file senior.md includes under "### Senior Leadership Competencies"; it starts at "#####". */
const LEADERSHIP = 'assets/includes/engineering-careers/senior-leadership-competency.md';
const JUMP = 'Heading level jumps from 3 to 5 on the page that includes this file; start it at level 4.';

const range = (line: number, from: number, to: number, endLine = line) => ({ start: { line, character: from }, end: { line: endLine, character: to } });
const edits = (a: CodeAction) => (a.edit?.documentChanges as { edits: TextEdit[] }[] | undefined)?.[0]?.edits;
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);

describe('language server over stdio', () => {
  let example: ReturnType<typeof copyOfExample>;
  let server: TestServer;
  let file: string;
  let uri: string;
  let text: string;
  let version = 1;
  let leadershipUri: string;
  let leadershipText: string;
  const request = <T>(method: string, params: object) => server.connection.sendRequest(method, params) as Promise<T>;
  const openLeadership = () =>
    server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: leadershipUri, languageId: 'markdown', version: 1, text: leadershipText },
    });

  before(async () => {
    example = copyOfExample();
    server = await startServer(example.dir);
    file = path.join(example.dir, PAGE);
    uri = uriOf(file);
    text = readFileSync(file, 'utf8').replace('{{% include "includes/engineering-careers/ep-career-nav.md" %}}', BROKEN);
    writeFileSync(file, text);
    leadershipUri = uriOf(path.join(example.dir, LEADERSHIP));
    leadershipText = readFileSync(path.join(example.dir, LEADERSHIP), 'utf8');
  });

  after(async () => {
    await server.stop();
    example.dispose();
  });

  it('has the seed lines where the assertions below expect them', () => {
    const lines = text.split('\n');
    assert.equal(lines[7].indexOf('includes/'), 13);
    assert.equal(lines[7].indexOf('" %}}'), 65);
    assert.equal(lines[19].length, 78);
  });

  it('reports a missing include at the exact range of its path when the page is opened', async () => {
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    const ds = await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'include-missing'));
    const missing = ds.filter((d) => d.code === 'include-missing');
    assert.equal(missing.length, 1);
    // Line 8 (0-based 7): {{% include "includes/engineering-careers/ep-career-navigation.md" %}}
    assert.deepEqual(missing[0].range, { start: { line: 7, character: 13 }, end: { line: 7, character: 65 } });
    assert.equal(missing[0].severity, 1);
    assert.equal(missing[0].source, 'career-pages');
    // What is wrong and what to do; where Hugo looked is the finding's detail (the hover, below).
    assert.equal(
      missing[0].message,
      'No include file "includes/engineering-careers/ep-career-navigation.md"; did you mean "includes/engineering-careers/ep-career-nav.md"?',
    );
  });

  it("shows the finding's detail in the hover on it, after what the hover says of the position, and never its message again", async () => {
    const missing = server.diagnostics.get(uri)!.find((d) => d.code === 'include-missing')!;
    const h = await request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 7, character: 20 } });
    assert.deepEqual(h.range, missing.range);
    const value = (h.contents as { kind: string; value: string }).value;
    assert.deepEqual(h.contents, {
      kind: 'markdown',
      value: [
        '**Include** `assets/includes/engineering-careers/ep-career-navigation.md`: no such file.',
        'In `assets/includes/engineering-careers/`: `ep-career-nav.md`, `intermediate-leadership-competency.md`, `intermediate-technical-competency.md`, ' +
          '`senior-leadership-competency.md`, `senior-technical-competency.md`, `values-competency.md`.',
        '---',
        '*include-missing*: Hugo looks for assets/includes/engineering-careers/ep-career-navigation.md and fails the build.',
      ].join('\n\n'),
    });
    // The editor shows the message beside the hover: neither it nor its did-you-mean is repeated.
    assert.equal(value.includes(missing.message), false);
    assert.equal(value.includes('did you mean'), false);
  });

  it('drops the diagnostic when the missing file is created on disk (watched files)', async () => {
    const created = path.join(example.dir, 'assets/includes/engineering-careers/ep-career-navigation.md');
    writeFileSync(created, '[Engineering Framework](/handbook/engineering/careers/matrix/)\n');
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(created), type: 1 }] });
    const ds = await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'include-missing'));
    assert.deepEqual(
      codes(ds).filter((c) => c.startsWith('include')),
      [],
    );
    rmSync(created);
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(created), type: 3 }] });
    const back = await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'include-missing'));
    assert.equal(back.filter((d) => d.code === 'include-missing').length, 1);
  });

  it('re-validates on an incremental edit that fixes the path', async () => {
    const line = 7;
    const start = text.split('\n')[line].indexOf('ep-career-navigation.md');
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [
        { range: { start: { line, character: start + 'ep-career-'.length }, end: { line, character: start + 'ep-career-navigation'.length } }, text: 'nav' },
      ],
    });
    const ds = await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'include-missing'));
    assert.ok(!ds.some((d) => d.code === 'include-missing'));
  });

  it('reports the jump of a competency file the seed page includes under "###" once, in the include file, when the site index is complete', async () => {
    // Every page that includes senior-leadership-competency.md puts its "##### Engineering" under a
    // "###": once the index knows them all, the include file has the finding and its fix, the page none.
    await server.waitForNotification('careerPages/siteIndexed');
    const page = await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'heading-increment'));
    assert.deepEqual(codes(page), ['link-fragment@11:28-11:52', 'link-fragment@12:27-12:50', 'link-fragment@13:21-13:38']);
    openLeadership();
    const ds = await server.waitForDiagnostics(leadershipUri, (d) => d.length > 0);
    assert.deepEqual(
      ds.map((d) => [d.code, d.severity, d.range, d.message, d.relatedInformation ?? null]),
      [['heading-increment', 2, range(0, 6, 17), JUMP, null]],
    );
    const actions = await request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: leadershipUri },
      range: ds[0].range,
      context: { diagnostics: ds, only: ['quickfix'] },
    });
    // The fix moves the file's headings up on every page at once; "fix all" applies it once (it used to
    // apply it again each round, against the pages' outlines of the text on disk, down to no heading).
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred, edits(a)]),
      [
        ['Start the file at level 4 (every heading 1 level up)', true, [{ range: range(0, 0, 5), newText: '####' }]],
        ['Fix all career-pages problems in this file', false, [{ range: range(0, 0, 5), newText: '####' }]],
        ['Disable heading-increment for this line', false, [{ range: range(0, 0, 0), newText: '<!-- career-lint-disable-next-line heading-increment -->\n' }]],
        ['Disable heading-increment for this file', false, [{ range: range(0, 0, 0), newText: '<!-- career-lint-disable-file heading-increment -->\n' }]],
      ],
    );
    const h = await request<Hover>('textDocument/hover', { textDocument: { uri: leadershipUri }, position: { line: 0, character: 8 } });
    assert.deepEqual(h.contents, {
      kind: 'markdown',
      value: [
        'Anchor of this heading on the pages that include this file:',
        '- `/handbook/engineering/careers/matrix/quality/engineering-productivity/senior/`: **#engineering**',
        "*Id from* markup.goldmark.parser.autoHeadingIDType github (Hugo's default)",
        '---',
        `*heading-increment*: Every page that includes this file puts it under a level-3 heading (${PAGE}), so the fix belongs here: ` +
          "moving this file's headings up 1 level fixes all of them, and those pages report nothing.",
      ].join('\n\n'),
    });
  });

  it('re-validates an open page when an open include file it uses changes, and the include file with it', async () => {
    // "##### Engineering" becomes "##### Leadership Competencies": the page's #leadership-competencies now lands.
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: leadershipUri, version: 2 },
      contentChanges: [{ range: range(0, 6, 17), text: 'Leadership Competencies' }],
    });
    const ds = await server.waitForDiagnostics(uri, (d) => d.filter((x) => x.code === 'link-fragment').length === 2);
    assert.deepEqual(codes(ds), ['link-fragment@12:27-12:50', 'link-fragment@13:21-13:38']);
    assert.deepEqual(
      server.diagnostics.get(leadershipUri)!.map((d) => [d.code, d.range, d.message]),
      [['heading-increment', range(0, 6, 29), JUMP]],
    );
    // Its fix applied ("####"): the include file's jump is gone.
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: leadershipUri, version: 3 },
      contentChanges: [{ range: range(0, 0, 5), text: '####' }],
    });
    assert.deepEqual(await server.waitForDiagnostics(leadershipUri, (d) => d.length === 0), []);
    // Closed unsaved: the text on disk counts again, on the page too.
    server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: leadershipUri } });
    const back = await server.waitForDiagnostics(uri, (d) => d.filter((x) => x.code === 'link-fragment').length === 3);
    assert.deepEqual(codes(back), ['link-fragment@11:28-11:52', 'link-fragment@12:27-12:50', 'link-fragment@13:21-13:38']);
    assert.deepEqual(await server.waitForDiagnostics(leadershipUri, (d) => d.length === 0), []);
  });

  it('offers the quick fixes carried in the diagnostic data', async () => {
    const ds = server.diagnostics.get(uri)!;
    const link = ds.find((d) => d.code === 'link-fragment')!;
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: link.range,
      context: { diagnostics: [link], only: ['quickfix'] },
    })) as { title: string; isPreferred: boolean; edit: { documentChanges: { edits: { range: unknown; newText: string }[] }[] } }[];
    // The fix it carries first; then what every finding gets (test/server/quickActions.test.ts).
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Change to "#senior-leadership-competencies"',
        'Fix all career-pages problems in this file',
        'Disable link-fragment for this line',
        'Disable link-fragment for this file',
      ],
    );
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(actions[0].edit.documentChanges[0].edits, [
      { range: { start: { line: 11, character: 29 }, end: { line: 11, character: 52 } }, newText: 'senior-leadership-competencies' },
    ]);
  });

  it('reports a file included twice whose headings repeat (include-repeated), and not a navigation row included twice', async () => {
    const rel = 'content/handbook/company/team/repeated.md';
    const page = path.join(example.dir, rel);
    const pageUri = uriOf(page);
    const competency = '{{% include "includes/engineering-careers/intermediate-leadership-competency.md" %}}';
    const nav = '{{% include "includes/engineering-careers/ep-career-nav.md" %}}';
    const pageText = [
      '---',
      'title: "Repeated includes"',
      'description: "The same files included twice."',
      '---',
      '',
      '## Navigation',
      '',
      nav,
      '',
      '### Leadership',
      '',
      competency,
      '',
      '### Leadership Again',
      '',
      competency,
      '',
      nav,
      '',
    ].join('\n');
    writeFileSync(page, pageText);
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pageUri, type: 1 }] });
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pageUri, languageId: 'markdown', version: 1, text: pageText } });
    const ds = await server.waitForDiagnostics(pageUri, (d) => d.length > 0);
    // Line 16 repeats line 12's competency file (its "##### Engineering" again, as #engineering-1); the
    // navigation of line 8 again on line 18 brings no heading and no id: nothing to say.
    assert.deepEqual(
      ds.map((d) => [d.code, d.severity, d.range, d.message, d.relatedInformation]),
      [
        [
          'include-repeated',
          2,
          range(15, 0, competency.length),
          'assets/includes/engineering-careers/intermediate-leadership-competency.md is already included on line 12: its headings and ids repeat.',
          [{ location: { uri: pageUri, range: range(11, 0, competency.length) }, message: 'First included here.' }],
        ],
      ],
    );
    const actions = await request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: pageUri },
      range: ds[0].range,
      context: { diagnostics: ds, only: ['quickfix'] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred, edits(a)]),
      [
        // The whole line goes, with its line break; not preferred, so fix-all leaves the calls as they are.
        ['Remove this include', false, [{ range: range(15, 0, 0, 16), newText: '' }]],
        ['Disable include-repeated for this line', false, [{ range: range(15, 0, 0), newText: '<!-- career-lint-disable-next-line include-repeated -->\n' }]],
        ['Disable include-repeated for this file', false, [{ range: range(4, 0, 0), newText: '<!-- career-lint-disable-file include-repeated -->\n' }]],
      ],
    );
    const h = await request<Hover>('textDocument/hover', { textDocument: { uri: pageUri }, position: { line: 15, character: 3 } });
    assert.deepEqual(h, {
      contents: {
        kind: 'markdown',
        value:
          '*include-repeated*: Hugo renders the file twice: the outline and the table of contents list its headings twice, ' +
          'this copy\'s first heading gets the id "#engineering-1", and links to them land on the first copy. ' +
          'Remove one of the calls, or include the part that differs from its own file.',
      },
      range: ds[0].range,
    });
    server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: pageUri } });
    rmSync(page);
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pageUri, type: 3 }] });
  });

  it('applies the configuration file and the editor settings', async () => {
    // The include file is where heading-increment reports the seed page's jumps (see above).
    openLeadership();
    await server.waitForDiagnostics(leadershipUri, (d) => d.some((x) => x.code === 'heading-increment'));
    const config = path.join(example.dir, '.career-pages.jsonc');
    writeFileSync(config, '// test\n{ "rules": { "heading-increment": "off" } }\n');
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 1 }] });
    assert.deepEqual(await server.waitForDiagnostics(leadershipUri, (d) => !d.some((x) => x.code === 'heading-increment')), []);
    server.settings = { rules: { 'link-fragment': 'error' } };
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const ds = await server.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'link-fragment' && x.severity === 1));
    assert.equal(ds.filter((d) => d.code === 'link-fragment' && d.severity === 1).length, 3);
    rmSync(config);
    server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 3 }] });
    // Without the config the site is indexed again; once it is, the jump is the include file's again, not the page's.
    const back = await server.waitForDiagnostics(leadershipUri, (d) => d.some((x) => x.code === 'heading-increment'));
    assert.deepEqual(
      back.map((d) => [d.code, d.range, d.message]),
      [['heading-increment', range(0, 6, 17), JUMP]],
    );
    const page = await server.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'heading-increment'));
    assert.deepEqual(codes(page), ['link-fragment@11:28-11:52', 'link-fragment@12:27-12:50', 'link-fragment@13:21-13:38']);
    server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: leadershipUri } });
    await server.waitForDiagnostics(leadershipUri, (d) => d.length === 0);
  });

  it('reports problems in the configuration file itself', async () => {
    const config = path.join(example.dir, '.career-pages.jsonc');
    const configText = '{ "rules": { "no-such-rule": "error" }, "preferredDelimiter": "#" }\n';
    writeFileSync(config, configText);
    const configUri = uriOf(config);
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: configUri, languageId: 'jsonc', version: 1, text: configText } });
    const ds = await server.waitForDiagnostics(configUri, (d) => d.length >= 2);
    assert.deepEqual(ds.map((d) => [d.message.split('.')[0], d.range.start.character, d.range.end.character]).sort(), [
      ['Unknown rule code "no-such-rule"', 13, 27],
      ['preferredDelimiter must be one of "%", "<"', 62, 65],
    ]);
    rmSync(config);
  });
});
