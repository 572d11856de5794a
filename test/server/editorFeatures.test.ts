// The editor features over the real language server (stdio JSON-RPC) on a copy of examples/handbook:
// completion, hover, definition, references, document links, code lens, outline, folding, fix-all,
// heading rename and include-file rename, all with exact items, locations and edits.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { copyOfExample, startServer, uriOf, type TestServer } from '../support/lspClient';

const TRACK = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity';
const INCLUDES = 'assets/includes/engineering-careers';
const range = (line: number, from: number, to: number, endLine = line) => ({ start: { line, character: from }, end: { line: endLine, character: to } });

function markdownFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).length;
}

/** Applies LSP text edits to a text (the way a client does: all against the original). */
function applyTextEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)))
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

describe('editor features over stdio (examples/handbook)', () => {
  let example: ReturnType<typeof copyOfExample>;
  let server: TestServer;
  const file = (rel: string) => path.join(example.dir, rel);
  const uri = (rel: string) => uriOf(file(rel));
  let senior: string;
  let seniorText: string;
  let version = 1;
  const request = <T>(method: string, params: object) => server.connection.sendRequest(method, params) as Promise<T>;

  before(async () => {
    example = copyOfExample();
    server = await startServer(example.dir);
    const indexed = await server.waitForNotification<{ root: string; pages: number }>('careerPages/siteIndexed');
    assert.equal(indexed.root, uriOf(example.dir));
    assert.equal(indexed.pages, markdownFiles(path.join(example.dir, 'content')));
    senior = uri(`${TRACK}/senior.md`);
    seniorText = readFileSync(file(`${TRACK}/senior.md`), 'utf8');
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: senior, languageId: 'markdown', version, text: seniorText } });
    await server.waitForDiagnostics(senior, (d) => d.some((x) => x.code === 'link-fragment'));
  });

  after(async () => {
    await server.stop();
    example.dispose();
  });

  it('completes include paths inside the quotes, replacing the file name', async () => {
    const items = await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: senior }, position: { line: 7, character: 42 } });
    assert.deepEqual(
      items.map((i) => [i.label, i.kind, i.detail]),
      [
        ['ep-career-nav.md', 17, `${INCLUDES}/ep-career-nav.md`],
        ['intermediate-leadership-competency.md', 17, `${INCLUDES}/intermediate-leadership-competency.md`],
        ['intermediate-technical-competency.md', 17, `${INCLUDES}/intermediate-technical-competency.md`],
        ['senior-leadership-competency.md', 17, `${INCLUDES}/senior-leadership-competency.md`],
        ['senior-technical-competency.md', 17, `${INCLUDES}/senior-technical-competency.md`],
        ['values-competency.md', 17, `${INCLUDES}/values-competency.md`],
      ],
    );
    assert.deepEqual(items[3].textEdit, { range: range(7, 42, 58), newText: 'senior-leadership-competency.md' });
  });

  it('completes anchors after "#": the page\'s headings and the included ones', async () => {
    const items = await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: senior }, position: { line: 11, character: 29 } });
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['senior-backend-engineer-engineering-productivity', '## Senior Backend Engineer, Engineering Productivity'],
        ['senior-leadership-competencies', '### Senior Leadership Competencies'],
        ['engineering', '##### Engineering'],
        ['senior-technical-competencies', '### Senior Technical Competencies'],
        ['engineering-1', '##### Engineering'],
        ['engineering-productivity', '##### Engineering Productivity'],
        ['senior-values-alignment', '### Senior Values Alignment'],
        ['gitlab', '##### GitLab'],
      ],
    );
    assert.deepEqual(items[2].documentation, { kind: 'markdown', value: `Included from \`${INCLUDES}/senior-leadership-competency.md\`` });
    assert.deepEqual(items[0].textEdit!, { range: range(11, 29, 52), newText: 'senior-backend-engineer-engineering-productivity' });
  });

  it('completes front matter keys with their documentation', async () => {
    const intermediate = uri(`${TRACK}/intermediate.md`);
    const text = readFileSync(file(`${TRACK}/intermediate.md`), 'utf8').replace('---\ntitle:', '---\nno\ntitle:');
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: intermediate, languageId: 'markdown', version: 1, text } });
    const items = await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: intermediate }, position: { line: 1, character: 2 } });
    assert.deepEqual(
      items.map((i) => [i.label, i.kind, i.detail, i.textEdit]),
      [
        ['no_list', 10, 'true or false', { range: range(1, 0, 2), newText: 'no_list: ' }],
        ['noindex', 10, 'true or false', { range: range(1, 0, 2), newText: 'noindex: ' }],
      ],
    );
    assert.deepEqual(items[1].documentation, {
      kind: 'markdown',
      value: 'Ask search engines not to index this page (handbook theme).\n\nType: true or false.',
    });
    server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: intermediate } });
  });

  it('completes the levels of a job-family page in "All of the responsibilities listed for"', async () => {
    const rel = 'content/job-families/engineering/infrastructure/engineering-productivity-manager.md';
    const jf = uri(rel);
    const text = readFileSync(file(rel), 'utf8');
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: jf, languageId: 'markdown', version: 1, text } });
    const line = text.split('\n').findIndex((l) => l.includes('All of the responsibilities listed for'));
    const items = await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: jf }, position: { line, character: 41 } });
    assert.deepEqual(
      items.map((i) => [i.label, i.kind, i.textEdit]),
      [['Engineering Manager, Engineering Productivity', 20, { range: range(line, 41, 78), newText: 'Engineering Manager, Engineering Productivity' }]],
    );
    server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: jf } });
  });

  it('hovers an include path with the file and its first lines', async () => {
    const h = await request<Hover>('textDocument/hover', { textDocument: { uri: senior }, position: { line: 7, character: 20 } });
    assert.deepEqual(h.range, range(7, 13, 58));
    assert.equal(
      (h.contents as { value: string }).value,
      [
        `**Include** \`${INCLUDES}/ep-career-nav.md\``,
        'Included by 3 pages.',
        '---',
        '---\n\n[Engineering Framework](/handbook/engineering/careers/matrix/)    |\n[Quality Framework](/handbook/engineering/careers/matrix/quality/)    |\n[Engineering Productivity](/handbook/engineering/careers/matrix/quality/engineering-productivity/)\n\n---',
      ].join('\n\n'),
    );
  });

  it('goes to the include file, and from /path/#fragment links to the heading on the other page', async () => {
    assert.deepEqual(await request<Location[]>('textDocument/definition', { textDocument: { uri: senior }, position: { line: 7, character: 20 } }), [
      { uri: uri(`${INCLUDES}/ep-career-nav.md`), range: range(0, 0, 0) },
    ]);
    const rel = 'content/job-families/engineering/infrastructure/engineering-productivity-manager.md';
    const jf = uri(rel);
    const text = readFileSync(file(rel), 'utf8');
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: jf, languageId: 'markdown', version: 1, text } });
    const line = text.split('\n').findIndex((l) => l.includes('#gitlabcom-availability-slo'));
    const at = text.split('\n')[line].indexOf('#gitlabcom');
    assert.deepEqual(await request<Location[]>('textDocument/definition', { textDocument: { uri: jf }, position: { line, character: at + 2 } }), [
      { uri: uri('content/handbook/engineering/infrastructure/performance-indicators/_index.md'), range: range(5, 3, 30) },
    ]);
    server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: jf } });
  });

  it('links every include path to its file', async () => {
    const links = await request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: senior } });
    assert.deepEqual(
      links.map((l) => [l.range.start.line, l.range.start.character, l.range.end.character, l.target]),
      [
        [7, 13, 58, uri(`${INCLUDES}/ep-career-nav.md`)],
        [19, 13, 73, uri(`${INCLUDES}/senior-leadership-competency.md`)],
        [23, 13, 72, uri(`${INCLUDES}/senior-technical-competency.md`)],
        [41, 13, 62, uri(`${INCLUDES}/values-competency.md`)],
      ],
    );
  });

  it('finds every include call of an include file, and counts them in a code lens', async () => {
    const nav = uri(`${INCLUDES}/ep-career-nav.md`);
    const navText = readFileSync(file(`${INCLUDES}/ep-career-nav.md`), 'utf8');
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: nav, languageId: 'markdown', version: 1, text: navText } });
    const expected = [
      { uri: uri(`${TRACK}/_index.md`), range: range(7, 13, 58) },
      { uri: uri(`${TRACK}/intermediate.md`), range: range(7, 13, 58) },
      { uri: senior, range: range(7, 13, 58) },
    ];
    assert.deepEqual(
      await request<Location[]>('textDocument/references', {
        textDocument: { uri: nav },
        position: { line: 0, character: 0 },
        context: { includeDeclaration: true },
      }),
      expected,
    );
    const lenses = await request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: nav } });
    assert.equal(lenses.length, 1);
    const resolved = await request<CodeLens>('codeLens/resolve', lenses[0]);
    assert.deepEqual(resolved.command, {
      title: 'included by 3 pages',
      command: 'careerPages.showReferences',
      arguments: [nav, { line: 0, character: 0 }, expected],
    });
    assert.deepEqual(await request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: senior } }), []);
    server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: nav } });
  });

  it('outlines the page with included headings under their include call, and folds its sections', async () => {
    const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: senior } });
    const outline = (ss: DocumentSymbol[], indent = ''): string[] =>
      ss.flatMap((s) => [`${indent}${s.kind} ${s.name} | ${s.detail}`, ...outline(s.children ?? [], indent + '  ')]);
    assert.deepEqual(outline(symbols), [
      '15 Senior Backend Engineer, Engineering Productivity | #senior-backend-engineer-engineering-productivity',
      `  1 include includes/engineering-careers/ep-career-nav.md | ${INCLUDES}/ep-career-nav.md`,
      '  15 Senior Leadership Competencies | #senior-leadership-competencies',
      `    1 include includes/engineering-careers/senior-leadership-competency.md | ${INCLUDES}/senior-leadership-competency.md`,
      `      15 Engineering | included from ${INCLUDES}/senior-leadership-competency.md`,
      '  15 Senior Technical Competencies | #senior-technical-competencies',
      `    1 include includes/engineering-careers/senior-technical-competency.md | ${INCLUDES}/senior-technical-competency.md`,
      `      15 Engineering | included from ${INCLUDES}/senior-technical-competency.md`,
      '    15 Engineering Productivity | #engineering-productivity',
      '  15 Senior Values Alignment | #senior-values-alignment',
      `    1 include includes/engineering-careers/values-competency.md | ${INCLUDES}/values-competency.md`,
      `      15 GitLab | included from ${INCLUDES}/values-competency.md`,
    ]);
    const folds = await request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: senior } });
    assert.deepEqual(
      folds.map((f) => [f.startLine, f.endLine]),
      [
        [0, 3],
        [5, 41],
        [17, 19],
        [21, 37],
        [25, 37],
        [39, 41],
      ],
    );
  });

  it('fixes all problems of the file in one edit set, and then has nothing left to fix', async () => {
    const ask = () =>
      request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: senior },
        range: range(0, 0, 0, 45),
        context: { diagnostics: [], only: ['source.fixAll.careerPages'] },
      });
    const [action] = await ask();
    assert.equal(action.kind, 'source.fixAll.careerPages');
    assert.equal(action.title, 'Fix all career-pages problems (3 fixes)');
    const [change] = (action.edit as WorkspaceEdit).documentChanges as { textDocument: { uri: string; version: number }; edits: TextEdit[] }[];
    assert.deepEqual(change.textDocument, { uri: senior, version });
    assert.deepEqual(change.edits, [
      { range: range(11, 29, 52), newText: 'senior-leadership-competencies' },
      { range: range(12, 28, 50), newText: 'senior-technical-competencies' },
      { range: range(13, 22, 38), newText: 'senior-values-alignment' },
    ]);
    seniorText = applyTextEdits(seniorText, change.edits);
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: senior, version: ++version }, contentChanges: [{ text: seniorText }] });
    await server.waitForDiagnostics(senior, (d) => !d.some((x) => x.code === 'link-fragment'));
    assert.deepEqual(await ask(), []);
  });

  it('offers "create the missing include" as a file creation that never overwrites', async () => {
    const broken = seniorText.replace('ep-career-nav.md', 'ep-career-navigation.md');
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: senior, version: ++version }, contentChanges: [{ text: broken }] });
    const [missing] = (await server.waitForDiagnostics(senior, (d) => d.some((x) => x.code === 'include-missing'))).filter((d) => d.code === 'include-missing');
    const actions = await request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: senior },
      range: missing.range,
      context: { diagnostics: [missing], only: ['quickfix'] },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ['Change to "includes/engineering-careers/ep-career-nav.md"', true],
        [`Create ${INCLUDES}/ep-career-navigation.md`, false],
        ['Fix all career-pages problems in this file', false],
        ['Disable include-missing for this line', false],
        ['Disable include-missing for this file', false],
      ],
    );
    assert.deepEqual(actions[1].edit, {
      documentChanges: [{ kind: 'create', uri: uri(`${INCLUDES}/ep-career-navigation.md`), options: { ignoreIfExists: true, overwrite: false } }],
    });
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: senior, version: ++version }, contentChanges: [{ text: seniorText }] });
    await server.waitForDiagnostics(senior, (d) => !d.some((x) => x.code === 'include-missing'));
  });

  it('renames a heading and the links to its anchor, in one workspace edit', async () => {
    const prepared = await request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', {
      textDocument: { uri: senior },
      position: { line: 17, character: 10 },
    });
    assert.deepEqual(prepared, { range: range(17, 4, 34), placeholder: 'Senior Leadership Competencies' });
    assert.equal(await request('textDocument/prepareRename', { textDocument: { uri: senior }, position: { line: 9, character: 3 } }), null);
    const edit = await request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: senior },
      position: { line: 17, character: 10 },
      newName: 'Senior Leadership Skills',
    });
    assert.deepEqual(edit, {
      documentChanges: [
        {
          textDocument: { uri: senior, version },
          edits: [
            { range: range(11, 29, 59), newText: 'senior-leadership-skills' },
            { range: range(17, 4, 34), newText: 'Senior Leadership Skills' },
          ],
        },
      ],
    });
    await assert.rejects(
      request('textDocument/rename', { textDocument: { uri: senior }, position: { line: 17, character: 10 }, newName: '' }),
      /A heading name is one non-empty line/,
    );
  });

  it('updates every include call when an include file is renamed in the explorer', async () => {
    const edit = await request<WorkspaceEdit>('workspace/willRenameFiles', {
      files: [{ oldUri: uri(`${INCLUDES}/ep-career-nav.md`), newUri: uri(`${INCLUDES}/navigation/quality.md`) }],
    });
    const newText = 'includes/engineering-careers/navigation/quality.md';
    assert.deepEqual(edit, {
      documentChanges: [
        { textDocument: { uri: uri(`${TRACK}/_index.md`), version: null }, edits: [{ range: range(7, 13, 58), newText }] },
        { textDocument: { uri: uri(`${TRACK}/intermediate.md`), version: null }, edits: [{ range: range(7, 13, 58), newText }] },
        { textDocument: { uri: senior, version }, edits: [{ range: range(7, 13, 58), newText }] },
      ],
    });
  });

  it('keeps the index current on file events: pages created, changed and deleted, include files changed', async () => {
    const complete = async (link: string): Promise<string[]> => {
      const text = `${seniorText}\n[x](${link}#`;
      server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: senior, version: ++version }, contentChanges: [{ text }] });
      const lines = text.split('\n');
      const items = await request<CompletionItem[]>('textDocument/completion', {
        textDocument: { uri: senior },
        position: { line: lines.length - 1, character: lines[lines.length - 1].length },
      });
      return items.map((i) => i.label);
    };
    const watched = (rel: string, type: 1 | 2 | 3) =>
      server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(rel), type }] });
    const fresh = 'content/handbook/fresh/_index.md';
    mkdirSync(path.dirname(file(fresh)), { recursive: true });
    writeFileSync(file(fresh), '---\ntitle: Fresh\n---\n\n## Fresh Heading\n');
    let indexed = server.nextNotification('careerPages/siteIndexed');
    watched(fresh, 1);
    await indexed;
    assert.deepEqual(await complete('/handbook/fresh/'), ['fresh-heading']);

    writeFileSync(file(fresh), '---\ntitle: Fresh\n---\n\n## Renamed Heading\n');
    indexed = server.nextNotification('careerPages/siteIndexed');
    watched(fresh, 2);
    await indexed;
    assert.deepEqual(await complete('/handbook/fresh/'), ['renamed-heading']);

    rmSync(file(fresh));
    watched(fresh, 3);
    assert.deepEqual(await complete('/handbook/fresh/'), []);

    // An include file changes: the (closed) page that includes it gets the heading it now brings in.
    const nav = `${INCLUDES}/ep-career-nav.md`;
    writeFileSync(file(nav), `## Career Navigation\n\n${readFileSync(file(nav), 'utf8')}`);
    indexed = server.nextNotification('careerPages/siteIndexed');
    watched(nav, 2);
    await indexed;
    const labels = await complete(`/${TRACK.replace(/^content\//, '')}/`);
    assert.deepEqual(labels, ['engineering-productivity-career-framework', 'career-navigation']);

    // A page names an include file that does not exist yet; once it is created, the page is among its includers.
    const waiting = 'content/handbook/waiting.md';
    const later = `${INCLUDES}/later.md`;
    writeFileSync(file(waiting), '---\ntitle: Waiting\n---\n\n{{% include "includes/engineering-careers/later.md" %}}\n');
    indexed = server.nextNotification('careerPages/siteIndexed');
    watched(waiting, 1);
    await indexed;
    writeFileSync(file(later), 'Arrived.\n');
    indexed = server.nextNotification('careerPages/siteIndexed');
    watched(later, 1);
    await indexed;
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(later), languageId: 'markdown', version: 1, text: 'Arrived.\n' } });
    assert.deepEqual(
      await request<Location[]>('textDocument/references', {
        textDocument: { uri: uri(later) },
        position: { line: 0, character: 0 },
        context: { includeDeclaration: true },
      }),
      [{ uri: uri(waiting), range: range(4, 13, 50) }],
    );
  });
});
