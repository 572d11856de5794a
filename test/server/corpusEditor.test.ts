// The editor features over the real language server on the handbook corpus (../shared/corpus), read
// only: the server indexes the 4,024 pages in the background, then completion, definition, references,
// code lens, fix-all, rename and willRenameFiles answer from that index with exact values.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CodeLens, CompletionItem, Hover, Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { repoRoot } from '../support/fixtureSite';
import { startServer, uriOf, type TestServer } from '../support/lspClient';

const CORPUS = path.resolve(repoRoot, '../shared/corpus/gitlab-handbook-2025-12');
const skip = existsSync(CORPUS) ? false : `the handbook corpus is not at ${CORPUS}`;
const BACKEND_SENIOR = 'content/handbook/engineering/careers/matrix/development/dev/backend/senior.md';
const VALUES = 'content/handbook/values/_index.md';
const LEADERSHIP = 'assets/includes/engineering-careers/senior-leadership-competency.md';
const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

describe('editor features over stdio on the handbook corpus', { skip }, () => {
  let server: TestServer;
  const uri = (rel: string) => uriOf(path.join(CORPUS, rel));
  const request = <T>(method: string, params: object) => server.connection.sendRequest(method, params) as Promise<T>;
  const open = (rel: string, text = readFileSync(path.join(CORPUS, rel), 'utf8')) => {
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(rel), languageId: 'markdown', version: 1, text } });
    return text;
  };

  before(async () => {
    server = await startServer(CORPUS);
    const indexed = await server.waitForNotification<{ pages: number; ms: number }>('careerPages/siteIndexed', undefined, 120000);
    assert.equal(indexed.pages, 4024);
    open(BACKEND_SENIOR);
  });

  after(async () => {
    await server?.stop();
  });

  it('completes the anchors of a career page, included headings with their Hugo ids', async () => {
    const items = await request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: uri(BACKEND_SENIOR) },
      position: { line: 11, character: 29 },
    });
    assert.deepEqual(
      items.map((i) => i.label),
      [
        'dev-senior-backend-engineer-be',
        'senior-leadership-competencies',
        'engineering',
        'development',
        'senior-technical-competencies',
        'engineering-1',
        'development-1',
        'senior-values-alignment',
        'gitlab',
        'development-2',
      ],
    );
    assert.deepEqual(items[3].documentation, {
      kind: 'markdown',
      value: 'Included from `assets/includes/engineering-careers/development-senior-leadership-competency.md`',
    });
    assert.deepEqual(items[0].textEdit, { range: range(11, 29, 52), newText: 'dev-senior-backend-engineer-be' });
  });

  it("completes another page's anchors from the site index", async () => {
    const text = readFileSync(path.join(CORPUS, BACKEND_SENIOR), 'utf8') + '\n[staff](/handbook/engineering/careers/matrix/development/dev/backend/staff/#';
    const other = uri(BACKEND_SENIOR);
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: other, version: 2 }, contentChanges: [{ text }] });
    const line = text.split('\n').length - 1;
    const items = await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: other }, position: { line, character: 76 } });
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['dev-staff-backend-engineer', '## Dev Staff Backend Engineer'],
        ['leadership-competencies', '### Leadership Competencies'],
        ['engineering', '##### Engineering'],
        ['development', '##### Development'],
        ['technical-competencies', '### Technical Competencies'],
        ['engineering-1', '##### Engineering'],
        ['development-1', '##### Development'],
        ['values-alignment', '### Values Alignment'],
        ['gitlab', '##### GitLab'],
        ['development-2', '##### Development'],
      ],
    );
    server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: other, version: 3 },
      contentChanges: [{ text: readFileSync(path.join(CORPUS, BACKEND_SENIOR), 'utf8') }],
    });
  });

  it('hovers and opens an include', async () => {
    const at = { textDocument: { uri: uri(BACKEND_SENIOR) }, position: { line: 6, character: 20 } };
    const h = await request<Hover>('textDocument/hover', at);
    assert.match(
      (h.contents as { value: string }).value,
      /^\*\*Include\*\* `assets\/includes\/engineering-careers\/dev-be-career-matrix-nav\.md`\n\nIncluded by 5 pages\.\n\n---\n\n---\n\n\[Intermediate Backend\]/,
    );
    assert.deepEqual(await request<Location[]>('textDocument/definition', at), [
      { uri: uri('assets/includes/engineering-careers/dev-be-career-matrix-nav.md'), range: range(0, 0, 0) },
    ]);
  });

  it('finds the nine pages that include a competency file, and counts them in the code lens', async () => {
    open(LEADERSHIP);
    const refs = await request<Location[]>('textDocument/references', {
      textDocument: { uri: uri(LEADERSHIP) },
      position: { line: 2, character: 0 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      refs.map((r) => [path.relative(CORPUS, new URL(r.uri).pathname), r.range.start.line]),
      [
        ['content/handbook/engineering/careers/matrix/development/dev/backend/senior.md', 20],
        ['content/handbook/engineering/careers/matrix/development/dev/frontend/senior.md', 18],
        ['content/handbook/engineering/careers/matrix/development/dev/fullstack/senior.md', 18],
        ['content/handbook/engineering/careers/matrix/development/senior.md', 16],
        ['content/handbook/engineering/careers/matrix/infrastructure/core-platform/distribution/senior.md', 19],
        ['content/handbook/engineering/careers/matrix/infrastructure/senior.md', 50],
        ['content/handbook/engineering/careers/matrix/quality/software-engineer-in-test/senior.md', 19],
        ['content/handbook/engineering/careers/matrix/senior.md', 17],
        ['content/handbook/engineering/careers/matrix/support/senior.md', 18],
      ],
    );
    assert.deepEqual(refs[0].range, range(20, 13, 73));
    const [lens] = await request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri(LEADERSHIP) } });
    const resolved = await request<CodeLens>('codeLens/resolve', lens);
    assert.equal(resolved.command!.title, 'included by 9 pages');
    assert.deepEqual(resolved.command!.arguments![2], refs);
  });

  it('finds every link to a heading across the handbook (Transparency: 7 on its page, 103 on 82 others)', async () => {
    open(VALUES);
    const refs = await request<Location[]>('textDocument/references', {
      textDocument: { uri: uri(VALUES) },
      position: { line: 1071, character: 10 },
      context: { includeDeclaration: true },
    });
    assert.equal(refs.length, 111);
    assert.deepEqual(refs[0], { uri: uri(VALUES), range: range(1071, 3, 19) });
    assert.deepEqual(
      refs.filter((r) => r.uri === uri(VALUES)).map((r) => [r.range.start.line, r.range.start.character, r.range.end.character]),
      [
        [1071, 3, 19],
        [19, 24, 36],
        [27, 1096, 1108],
        [74, 241, 253],
        [215, 89, 101],
        [728, 147, 159],
        [1094, 83, 95],
        [1230, 189, 201],
      ],
    );
    assert.equal(new Set(refs.map((r) => r.uri)).size, 83);
  });

  it('fixes the three broken same-page links of the backend senior page in one edit set, and removes the MD051 comments they no longer need', async () => {
    const [action] = await request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uri(BACKEND_SENIOR) },
      range: range(0, 0, 0),
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    const [change] = (action.edit as WorkspaceEdit).documentChanges as { edits: TextEdit[] }[];
    // The fixed links name headings written on the page itself, so markdownlint's MD051 (which sees the
    // page without its includes) no longer reports them: markdownlint-unneeded's fix takes the
    // <!-- markdownlint-disable MD051 --> and -enable lines around them out (markdownlint-cli2 agrees: 0 errors).
    const lines = readFileSync(path.join(CORPUS, BACKEND_SENIOR), 'utf8').split('\n');
    assert.deepEqual([lines[10], lines[14]], ['<!-- markdownlint-disable MD051 -->', '<!-- markdownlint-enable MD051 -->']);
    const wholeLine = (line: number) => ({ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' });
    assert.deepEqual(change.edits, [
      wholeLine(10),
      { range: range(11, 29, 52), newText: 'senior-leadership-competencies' },
      { range: range(12, 28, 50), newText: 'senior-technical-competencies' },
      { range: range(13, 22, 38), newText: 'senior-values-alignment' },
      wholeLine(14),
    ]);
  });

  it('renames a heading; a heading with a {#custom-id} keeps its links', async () => {
    const edit = await request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uri(VALUES) },
      position: { line: 1071, character: 10 },
      newName: 'Openness',
    });
    assert.deepEqual(edit, {
      documentChanges: [{ textDocument: { uri: uri(VALUES), version: 1 }, edits: [{ range: range(1071, 3, 19), newText: 'Openness' }] }],
    });
  });

  it('updates the nine include calls when the competency file is moved', async () => {
    const edit = await request<WorkspaceEdit>('workspace/willRenameFiles', {
      files: [{ oldUri: uri(LEADERSHIP), newUri: uri('assets/includes/engineering-careers/leadership/senior.md') }],
    });
    const changes = edit.documentChanges as { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
    assert.equal(changes.length, 9);
    assert.deepEqual(changes[0], {
      textDocument: { uri: uri(BACKEND_SENIOR), version: 3 },
      edits: [{ range: range(20, 13, 73), newText: 'includes/engineering-careers/leadership/senior.md' }],
    });
    assert.ok(
      changes
        .slice(1)
        .every((c) => c.textDocument.version === null && c.edits.length === 1 && c.edits[0].newText === 'includes/engineering-careers/leadership/senior.md'),
    );
  });
});
