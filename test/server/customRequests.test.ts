// The requests behind the extension's commands, ladder matrix view and status bar, over stdio with
// the real server (dist/server.js) on a copy of examples/handbook.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WorkDoneProgress, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageserver-protocol';
import { previewModel } from '../../server/src/core/features/previewModel';
import { Workspace } from '../../server/src/core/workspace';
import type {
  ConvertDelimitersResult,
  LadderMatrixResult,
  LevelChoiceResult,
  LintWorkspaceResult,
  NewPageChoices,
  NewPageResult,
  PageInfoResult,
  PermanentKindResult,
  PreviewDataResult,
} from '../../server/src/lsp/customProtocol';
import { NodeHost, toCorePath } from '../../server/src/node/nodeHost';
import { copyOfExample, startServer, uriOf, type TestServer } from '../support/lspClient';

const TRACK = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity';
const JOB_FAMILY = 'content/job-families/engineering/infrastructure/engineering-productivity-manager.md';
const VALUES = 'assets/includes/engineering-careers/values-competency.md';

describe('custom requests over stdio', () => {
  let example: ReturnType<typeof copyOfExample>;
  let server: TestServer;
  const uri = (relative: string) => uriOf(path.join(example.dir, relative));
  const request = <R>(method: string, params: unknown) => server.connection.sendRequest(method, params) as Promise<R>;
  const open = (relative: string) => {
    const text = readFileSync(path.join(example.dir, relative), 'utf8');
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(relative), languageId: 'markdown', version: 1, text } });
    return text;
  };

  before(async () => {
    example = copyOfExample();
    server = await startServer(example.dir);
  });

  after(async () => {
    await server.stop();
    example.dispose();
  });

  it('careerPages/pageInfo names the kind and schema of a page, and nothing outside a site', async () => {
    const info = await request<PageInfoResult>('careerPages/pageInfo', { uri: uri(`${TRACK}/senior.md`) });
    assert.deepEqual(info, {
      uri: uri(`${TRACK}/senior.md`),
      siteRootUri: uriOf(example.dir),
      relativePath: `${TRACK}/senior.md`,
      checked: true,
      kind: 'career-page',
      label: 'Career page',
      schema: 'career-page.schema.json',
      source: 'pageKinds',
      glob: 'content/**/careers/matrix/**/!(_index).md',
      configuredKind: 'career-page',
      idSettings: [
        "markup.goldmark.parser.autoHeadingIDType github (Hugo's default)",
        'enableEmoji true (hugo.toml)',
        "markup.goldmark.parser.attribute.title true (Hugo's default)",
        'markup.goldmark.parser.attribute.block true (hugo.toml)',
        'markup.goldmark.renderer.unsafe true (hugo.toml)',
      ],
    });
    assert.equal(await request('careerPages/pageInfo', { uri: uriOf(path.join(path.dirname(example.dir), 'elsewhere.md')) }), null);
    assert.equal((await request<PageInfoResult>('careerPages/pageInfo', { uri: uri(VALUES) })).label, 'Include file');
  });

  it('careerPages/setPageKind checks the open page again as the chosen kind, for the session, and back', async () => {
    const page = `${TRACK}/senior.md`;
    open(page);
    await server.waitForDiagnostics(uri(page), (ds) => ds.some((d) => d.code === 'link-fragment'));
    const set = await request<PageInfoResult>('careerPages/setPageKind', { uri: uri(page), kind: 'job-family' });
    assert.deepEqual([set.kind, set.label, set.source, set.configuredKind], ['job-family', 'Job-family page', 'session', 'career-page']);
    const asJobFamily = await server.waitForDiagnostics(uri(page), (ds) => ds.some((d) => d.code === 'page-structure'));
    assert.ok(
      asJobFamily.some((d) => d.message === 'A job-family page has a "## Levels" section with one "###" section per level.'),
      JSON.stringify(asJobFamily.map((d) => d.message)),
    );
    const advice = await request<PermanentKindResult>('careerPages/permanentKind', { uri: uri(page), kind: 'job-family' });
    assert.deepEqual([advice.configUri, advice.exists, advice.snippet], [uri('.career-pages.jsonc'), false, undefined]);
    assert.match(advice.explanation, /narrow it in \.career-pages\.jsonc/);
    const reset = await request<PageInfoResult>('careerPages/setPageKind', { uri: uri(page), kind: null });
    assert.equal(reset.source, 'pageKinds');
    await server.waitForDiagnostics(uri(page), (ds) => !ds.some((d) => d.code === 'page-structure'));
    await assert.rejects(request('careerPages/setPageKind', { uri: uri(page), kind: 'blog-post' }), /Unknown page kind "blog-post"/);
  });

  it("careerPages/previewData is the core's preview of the open text, with the session's page kinds and the settings in force", async () => {
    const page = `${TRACK}/senior.md`;
    const text = open(page);
    const ask = () => request<PreviewDataResult>('careerPages/previewData', { uri: uri(page), version: 1 });
    const data = await ask();
    assert.deepEqual([data.uri, data.version, data.inSite], [uri(page), 1, true]);
    // What travels is JSON: undefined fields are left out.
    const core = previewModel(new Workspace(new NodeHost()), toCorePath(path.join(example.dir, page)), text).page;
    assert.deepEqual(data.page, JSON.parse(JSON.stringify(core)));
    assert.deepEqual(
      data.page!.headings.filter((h) => h.include !== undefined).map((h) => h.id),
      ['engineering', 'engineering-1', 'gitlab'],
    );
    assert.equal(data.page!.kindLabel, 'Career page');
    await request('careerPages/setPageKind', { uri: uri(page), kind: 'job-family' });
    assert.equal((await ask()).page!.kindLabel, 'Job-family page');
    await request('careerPages/setPageKind', { uri: uri(page), kind: null });
    assert.equal((await ask()).page!.kindLabel, 'Career page');
    // Include roots elsewhere: the same calls find nothing.
    server.settings = { includeRoots: ['static'] };
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await server.waitForDiagnostics(uri(page), (ds) => ds.some((d) => d.code === 'include-missing'));
    assert.deepEqual(
      (await ask()).page!.includes.map((i) => i.problem?.title ?? i.file?.label),
      ['Missing include', 'Missing include', 'Missing include', 'Missing include'],
    );
    server.settings = {};
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await server.waitForDiagnostics(uri(page), (ds) => !ds.some((d) => d.code === 'include-missing'));
    // Not open: no version, no page; outside a site: not in one.
    assert.deepEqual(await request('careerPages/previewData', { uri: uri(JOB_FAMILY), version: 1 }), { uri: uri(JOB_FAMILY), version: null, inSite: true });
    const elsewhere = uriOf(path.join(path.dirname(example.dir), 'elsewhere.md'));
    assert.deepEqual(await request('careerPages/previewData', { uri: elsewhere, version: 1 }), { uri: elsewhere, version: null, inSite: false });
  });

  it('careerPages/ladderMatrix gives the track with file URIs and lines, and refuses pages without a ladder', async () => {
    const m = await request<LadderMatrixResult>('careerPages/ladderMatrix', { uri: uri(`${TRACK}/intermediate.md`) });
    assert.equal(m.title, 'Backend Engineer, Engineering Productivity');
    assert.deepEqual(
      m.columns.map((c) => [c.label, c.uri]),
      [
        ['Intermediate', uri(`${TRACK}/intermediate.md`)],
        ['Senior', uri(`${TRACK}/senior.md`)],
      ],
    );
    assert.equal(m.rows.length, 7);
    assert.deepEqual(
      m.rows[6].cells.map((c) => [c.state, c.location?.uri, c.location?.line]),
      [
        ['not-yet', uri(`${TRACK}/intermediate.md`), 31],
        ['present', uri(`${TRACK}/senior.md`), 36],
      ],
    );
    const jf = await request<LadderMatrixResult>('careerPages/ladderMatrix', { uri: uri(JOB_FAMILY) });
    assert.deepEqual(
      jf.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)]),
      [
        ['Job grade', '8', '9'],
        ['Responsibilities', '10', '9'],
        ['Requirements', '7', '7'],
      ],
    );
    await assert.rejects(request('careerPages/ladderMatrix', { uri: uri('content/handbook/_index.md') }), /is not part of a career track/);
  });

  it("careerPages/convertIncludeDelimiters returns the edits for the open document's text", async () => {
    const page = `${TRACK}/intermediate.md`;
    open(page);
    const result = await request<ConvertDelimitersResult>('careerPages/convertIncludeDelimiters', { uri: uri(page) });
    assert.deepEqual([result.to, result.converted, result.skipped, result.edits.length], ['%', 4, 0, 8]);
    assert.deepEqual(result.edits.slice(0, 2), [
      { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 3 } }, newText: '{{%' },
      { range: { start: { line: 7, character: 60 }, end: { line: 7, character: 63 } }, newText: '%}}' },
    ]);
    await assert.rejects(request('careerPages/convertIncludeDelimiters', { uri: uri(JOB_FAMILY) }), /Open the file first/);
  });

  it('careerPages/lintWorkspace publishes the diagnostics of every file, open or not, with progress, and sums them up', async () => {
    const token = 'lint-workspace-test';
    const progress: (WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd)[] = [];
    const listening = server.connection.onProgress(WorkDoneProgress.type, token, (value) => progress.push(value));
    const started = Date.now();
    const result = await request<LintWorkspaceResult>('careerPages/lintWorkspace', { folders: [uriOf(example.dir)], workDoneToken: token });
    listening.dispose();
    console.log(`lintWorkspace on examples/handbook: ${Date.now() - started} ms (server: ${result.ms} ms)`);
    // intermediate.md and senior.md are open (tests above): their diagnostics come from the usual validation.
    // The values page the competency files link to is in the example (26 files, no link-page); the three
    // competency files senior.md includes under "###" each have their one heading jump, in the file.
    assert.deepEqual({ ...result, ms: 0 }, { sites: [uriOf(example.dir)], files: 26, errors: 1, warnings: 14, others: 0, filesWithProblems: 6, ms: 0 });
    for (const include of [
      VALUES,
      'assets/includes/engineering-careers/senior-leadership-competency.md',
      'assets/includes/engineering-careers/senior-technical-competency.md',
    ]) {
      const ds = await server.waitForDiagnostics(uri(include), (d) => d.length === 1);
      const heading = include === VALUES ? 'GitLab' : 'Engineering';
      assert.deepEqual(
        ds.map((d) => [d.code, d.range, d.message]),
        [
          [
            'heading-increment',
            { start: { line: 0, character: 6 }, end: { line: 0, character: 6 + heading.length } },
            'Heading level jumps from 3 to 5 on the page that includes this file; start it at level 4.',
          ],
        ],
      );
    }
    const jf = await server.waitForDiagnostics(uri(JOB_FAMILY), (ds) => ds.length === 2);
    assert.deepEqual(jf.map((d) => d.code).sort(), ['level-reference', 'repeated-words']);
    // A clean page not open in the editor gets an empty list (clearing an earlier run's).
    assert.deepEqual(await server.waitForDiagnostics(uri(`${TRACK}/_index.md`), () => true), []);
    assert.equal(progress[0].kind, 'begin');
    assert.equal(progress.at(-1)!.kind, 'end');
    const reports = progress.filter((p): p is WorkDoneProgressReport => p.kind === 'report');
    assert.equal(reports.at(-1)!.percentage, 100);
    assert.match(reports.at(-1)!.message!, /^Checking content: 26 of 26 files$/);
  });

  it('careerPages/newPageChoices, levelChoices, newCareerPage and newJobFamilyPage: where pages go and their text', async () => {
    const choices = await request<NewPageChoices>('careerPages/newPageChoices', { uri: uri(`${TRACK}/senior.md`) });
    assert.deepEqual(choices.tracks, [{ uri: uri(TRACK), relative: TRACK.slice('content/'.length), levels: ['intermediate', 'senior'] }]);
    assert.deepEqual(
      choices.jobFamilyFolders.map((f) => f.relative),
      ['job-families', 'job-families/engineering/infrastructure'],
    );
    assert.equal(choices.contentUri, uri('content'));
    assert.deepEqual(await request('careerPages/newPageChoices', { uri: uriOf('/') }), null);
    const levels = await request<LevelChoiceResult[]>('careerPages/levelChoices', { uri: uri(TRACK) });
    assert.deepEqual(
      levels.filter((l) => l.exists).map((l) => l.uri),
      [uri(`${TRACK}/intermediate.md`), uri(`${TRACK}/senior.md`)],
    );
    const staff = await request<NewPageResult>('careerPages/newCareerPage', { folderUri: uri(TRACK), level: 'staff' });
    assert.equal(staff.uri, uri(`${TRACK}/staff.md`));
    assert.deepEqual(staff.text.split('\n').slice(0, 6), [
      '---',
      'title: "Quality Career Framework: Staff Backend Engineer, Engineering Productivity"',
      'description: "These are the expected competencies of a Staff Backend Engineer, Engineering Productivity at GitLab."',
      '---',
      '',
      '## Staff Backend Engineer, Engineering Productivity',
    ]);
    const existing = await request<NewPageResult>('careerPages/newCareerPage', { folderUri: uri(TRACK), level: 'senior' });
    assert.deepEqual([existing.exists, existing.text], [true, '']);
    await assert.rejects(request('careerPages/newCareerPage', { folderUri: uri(TRACK), level: 'lead' }), /Unknown level "lead"/);
    const jf = await request<NewPageResult>('careerPages/newJobFamilyPage', {
      folderUri: uri('content/job-families'),
      role: 'Site Reliability Engineer',
      levels: ['senior', 'staff'],
    });
    assert.equal(jf.uri, uri('content/job-families/site-reliability-engineer.md'));
    assert.deepEqual(
      jf.text.split('\n').filter((l) => l.startsWith('### ')),
      ['### Senior Site Reliability Engineer', '### Staff Site Reliability Engineer'],
    );
    await assert.rejects(request('careerPages/newJobFamilyPage', { folderUri: uri('content/job-families'), role: ' ' }), /needs a role name/);
  });
});
