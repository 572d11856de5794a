// Hugo URLs in the editor over the real language server (stdio JSON-RPC) on a copy of
// examples/handbook (its candidate FAQ given an alias): page URL completion in link destinations,
// link code actions (relative <-> absolute, an alias replaced, the closest pages for a broken link),
// workspace symbols, document highlights and the link "Copy Link to Heading" copies; and moving
// pages (careerPages/pageMoveEdit, update and alias; LSP willRenameFiles for a client that does not
// ask itself), each edit applied and the files moved on disk, then career-lint run again: no new
// link-page finding. Exact items, locations and edits.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentHighlight,
  SymbolInformation,
  TextDocumentEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { repoRoot } from '../support/fixtureSite';
import { copyOfExample, startServer, uriOf, type TestServer } from '../support/lspClient';

const TRACK = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity';
const range = (line: number, from: number, to: number, endLine = line) => ({ start: { line, character: from }, end: { line: endLine, character: to } });

/** career-lint's link-page findings on a site folder, paths relative to it. */
function linkPageFindings(dir: string): string[] {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return run.stdout
    .split('\n')
    .filter((l) => / link-page /.test(l))
    .map((l) =>
      path.relative(
        dir,
        l.replace(/^([^:]+):\d+:\d+ /, (_m, f) => `${f} `),
      ),
    )
    .sort();
}

/** Applies a workspace edit to the files on disk (text edits only, as a client applies them: all against the original text). */
function applyToDisk(edit: WorkspaceEdit | null): void {
  for (const change of (edit?.documentChanges ?? []) as TextDocumentEdit[]) {
    const file = new URL(change.textDocument.uri).pathname;
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    let out = text;
    for (const e of [...change.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
      out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
    }
    writeFileSync(file, out);
  }
}

describe('Hugo URLs over stdio (examples/handbook)', () => {
  let example: ReturnType<typeof copyOfExample>;
  let server: TestServer;
  const file = (rel: string) => path.join(example.dir, rel);
  const uri = (rel: string) => uriOf(file(rel));
  const request = <T>(method: string, params: object) => server.connection.sendRequest(method, params) as Promise<T>;
  const versions = new Map<string, number>();
  /** Opens (or changes) a document with this text. */
  const show = (rel: string, text: string) => {
    const v = (versions.get(rel) ?? 0) + 1;
    versions.set(rel, v);
    if (v === 1) server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(rel), languageId: 'markdown', version: v, text } });
    else server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(rel), version: v }, contentChanges: [{ text }] });
  };
  const seniorText = () => readFileSync(file(`${TRACK}/senior.md`), 'utf8');
  /** Completion at the end of `line`, added as the last line of senior.md. */
  const completeAt = async (line: string) => {
    const text = `${seniorText()}\n${line}`;
    show(`${TRACK}/senior.md`, text);
    const lineNo = text.split('\n').length - 1;
    const result = await request<CompletionItem[] | CompletionList>('textDocument/completion', {
      textDocument: { uri: uri(`${TRACK}/senior.md`) },
      position: { line: lineNo, character: line.length },
    });
    return { items: Array.isArray(result) ? result : result.items, incomplete: !Array.isArray(result) && result.isIncomplete, line: lineNo };
  };

  before(async () => {
    example = copyOfExample();
    const faq = file('content/handbook/hiring/candidate-faq/_index.md');
    writeFileSync(faq, readFileSync(faq, 'utf8').replace('title: "Candidate FAQ"\n', 'title: "Candidate FAQ"\naliases:\n  - /handbook/hiring/faq/\n'));
    server = await startServer(example.dir);
    await server.waitForNotification('careerPages/siteIndexed');
  });

  after(async () => {
    await server.stop();
    example.dispose();
  });

  describe('completion of page URLs', () => {
    it('after "](/handbook/eng": the engineering pages by URL, sections first, titles as detail, replacing the typed path', async () => {
      const { items, incomplete, line } = await completeAt('See [the team](/handbook/eng');
      assert.equal(incomplete, false);
      assert.deepEqual(
        items.map((i) => [i.label, i.kind, i.detail]),
        [
          ['/handbook/engineering/', 19, 'Engineering'],
          ['/handbook/engineering/careers/matrix/', 19, 'Engineering Career Framework'],
          ['/handbook/engineering/infrastructure/engineering-productivity/', 19, 'Engineering Productivity'],
          ['/handbook/engineering/infrastructure/performance-indicators/', 19, 'Infrastructure Performance Indicators'],
          ['/handbook/engineering/careers/matrix/quality/', 19, 'Quality Career Framework'],
          ['/handbook/engineering/careers/matrix/quality/engineering-productivity/', 19, 'Engineering Productivity Career Framework'],
          [
            '/handbook/engineering/careers/matrix/quality/engineering-productivity/intermediate/',
            17,
            'Quality Career Framework: Intermediate Backend Engineer, Engineering Productivity',
          ],
          [
            '/handbook/engineering/careers/matrix/quality/engineering-productivity/senior/',
            17,
            'Quality Career Framework: Senior Backend Engineer, Engineering Productivity',
          ],
        ],
      );
      assert.deepEqual(items[2].textEdit, { range: range(line, 15, 28), newText: '/handbook/engineering/infrastructure/engineering-productivity/' });
      assert.deepEqual(items[2].documentation, {
        kind: 'markdown',
        value: 'Section: `content/handbook/engineering/infrastructure/engineering-productivity/_index.md`',
      });
    });

    it('after "](": the pages relative to the folder of senior.md, the nearest first', async () => {
      const { items, line } = await completeAt('[x](');
      assert.deepEqual(
        items.slice(0, 5).map((i) => [i.label, i.detail]),
        [
          ['../', 'Quality Career Framework'],
          ['./', 'Engineering Productivity Career Framework'],
          ['intermediate/', 'Quality Career Framework: Intermediate Backend Engineer, Engineering Productivity'],
          ['senior/', 'Quality Career Framework: Senior Backend Engineer, Engineering Productivity'],
          ['../../', 'Engineering Career Framework'],
        ],
      );
      assert.deepEqual(items[2].textEdit, { range: range(line, 4, 4), newText: 'intermediate/' });
    });

    it('fuzzy: "](../../../../inf/perf" finds the performance indicators page', async () => {
      const { items } = await completeAt('[x](../../../../inf/perf');
      assert.deepEqual(
        items.map((i) => i.label),
        ['../../../../infrastructure/performance-indicators/'],
      );
    });

    it('inside <a href="/job">, and "#" then completes that page\'s anchors', async () => {
      const { items } = await completeAt('<a href="/job');
      assert.deepEqual(
        items.map((i) => [i.label, i.detail]),
        [
          ['/job-families/', 'Job Families'],
          ['/job-families/engineering/infrastructure/engineering-productivity-manager/', 'Engineering Productivity Manager'],
        ],
      );
      const anchors = await completeAt('[x](/handbook/hiring/candidate-faq/#');
      assert.deepEqual(
        anchors.items.map((i) => [i.label, i.kind]),
        [['screening-call', 18]],
      );
    });
  });

  describe('link code actions', () => {
    const HANDBOOK = 'content/handbook/_index.md';
    const text = [
      '---',
      'title: "Handbook"',
      '---',
      '',
      '- [Engineering](engineering/)',
      '- [Hiring](/handbook/hiring/#process)',
      '- [FAQ](/handbook/hiring/faq/)',
      '- [the compensation calculator](/handbook/total-rewards/compensation-calculator/)',
      '',
    ].join('\n');
    const actionsAt = async (line: number, character: number, diagnostics: Diagnostic[] = []) =>
      request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: uri(HANDBOOK) },
        range: range(line, character, character),
        context: { diagnostics },
      });
    const edits = (a: CodeAction) => a.edit?.documentChanges?.flatMap((c) => ('edits' in c ? c.edits.map((e) => [e.range, e.newText]) : []));

    before(async () => {
      show(HANDBOOK, text);
      await server.waitForDiagnostics(uri(HANDBOOK), (d) => d.some((x) => x.code === 'link-page'));
    });

    it('a relative link: convert to the absolute URL', async () => {
      const actions = await actionsAt(4, 20);
      assert.deepEqual(
        actions.map((a) => [a.title, a.kind, edits(a)]),
        [['Convert to the absolute URL /handbook/engineering/', 'refactor.rewrite', [[range(4, 16, 28), '/handbook/engineering/']]]],
      );
    });

    it('an absolute URL: convert to the relative link (from the folder of _index.md, its own URL), the fragment kept', async () => {
      const actions = await actionsAt(5, 15);
      assert.deepEqual(
        actions.map((a) => [a.title, edits(a)]),
        [['Convert to the relative link hiring/', [[range(5, 11, 28), 'hiring/']]]],
      );
    });

    it("a link through the FAQ's alias: replace it with the page's URL", async () => {
      const actions = await actionsAt(6, 12);
      assert.deepEqual(
        actions.map((a) => [a.title, edits(a)]),
        [
          [
            "Replace the alias /handbook/hiring/faq/ with the page's URL /handbook/hiring/candidate-faq/",
            [[range(6, 8, 29), '/handbook/hiring/candidate-faq/']],
          ],
          ['Convert to the relative link hiring/candidate-faq/', [[range(6, 8, 29), 'hiring/candidate-faq/']]],
        ],
      );
    });

    it("a link-page finding: the rule's suggestion preferred, then the closest pages by URL and title", async () => {
      const finding = server.diagnostics.get(uri(HANDBOOK))!.find((d) => d.code === 'link-page')!;
      assert.deepEqual(finding.range, range(7, 32, 80));
      const actions = await actionsAt(7, 40, [finding]);
      assert.deepEqual(
        actions.filter((a) => a.kind === 'quickfix' && a.title.startsWith('Change')).map((a) => [a.title, a.isPreferred, edits(a)]),
        [
          [
            'Change to /handbook/total-rewards/compensation/compensation-calculator/',
            true,
            [[range(7, 32, 80), '/handbook/total-rewards/compensation/compensation-calculator/']],
          ],
          ['Change to /handbook/total-rewards/compensation/ ("Compensation")', false, [[range(7, 32, 80), '/handbook/total-rewards/compensation/']]],
        ],
      );
    });
  });

  describe('find anything', () => {
    it('workspace symbols: pages by title and headings with their URL and anchor, an included heading in its include file', async () => {
      const symbols = await request<SymbolInformation[]>('workspace/symbol', { query: 'values' });
      assert.deepEqual(
        symbols.map((s) => [s.name, s.kind, s.containerName, path.relative(example.dir, new URL(s.location.uri).pathname), s.location.range]),
        [
          ['Values', 1, '/handbook/values/', 'content/handbook/values/_index.md', range(0, 0, 0)],
          [
            'Senior Values Alignment',
            15,
            '/handbook/engineering/careers/matrix/quality/engineering-productivity/senior/#senior-values-alignment',
            `${TRACK}/senior.md`,
            range(39, 4, 27),
          ],
          [
            'Intermediate Values Alignment',
            15,
            '/handbook/engineering/careers/matrix/quality/engineering-productivity/intermediate/#intermediate-values-alignment',
            `${TRACK}/intermediate.md`,
            range(40, 4, 33),
          ],
        ],
      );
      const included = await request<SymbolInformation[]>('workspace/symbol', { query: 'GitLab Job' });
      assert.deepEqual(
        included.map((s) => [s.name, s.containerName]),
        [['GitLab Job Grades', '/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades']],
      );
    });

    it('document highlights: a heading and the links to it on the page', async () => {
      const text = ['---', 'title: "Values"', '---', '', '## Results', '', 'See [results](#results) and [again](/handbook/values/#results).', ''].join('\n');
      show('content/handbook/values/_index.md', text);
      const highlights = await request<DocumentHighlight[]>('textDocument/documentHighlight', {
        textDocument: { uri: uri('content/handbook/values/_index.md') },
        position: { line: 4, character: 5 },
      });
      assert.deepEqual(highlights, [
        { range: range(4, 3, 10), kind: 3 },
        { range: range(6, 15, 22), kind: 2 },
        { range: range(6, 54, 61), kind: 2 },
      ]);
    });

    it('careerPages/headingLink: the page URL and the anchor of the heading above the cursor; one per including page in an include file', async () => {
      const senior = await request<{ links: unknown[] }>('careerPages/headingLink', { uri: uri(`${TRACK}/senior.md`), position: { line: 20, character: 0 } });
      assert.deepEqual(senior, {
        links: [
          {
            url: '/handbook/engineering/careers/matrix/quality/engineering-productivity/senior/#senior-leadership-competencies',
            page: `${TRACK}/senior.md`,
            heading: 'Senior Leadership Competencies',
          },
        ],
      });
      const values = await request<{ links: unknown[] }>('careerPages/headingLink', {
        uri: uri('assets/includes/engineering-careers/values-competency.md'),
        position: { line: 2, character: 0 },
      });
      // intermediate.md includes it with {{< >}}: its heading is no heading of that page.
      assert.deepEqual(values, {
        links: [{ url: '/handbook/engineering/careers/matrix/quality/engineering-productivity/senior/#gitlab', page: `${TRACK}/senior.md`, heading: 'GitLab' }],
      });
    });
  });
});

describe('moving pages over stdio (examples/handbook)', () => {
  let example: ReturnType<typeof copyOfExample>;
  let server: TestServer;
  const file = (rel: string) => path.join(example.dir, rel);
  const uri = (rel: string) => uriOf(file(rel));
  const request = <T>(method: string, params: object) => server.connection.sendRequest(method, params) as Promise<T>;
  const edits = (edit: WorkspaceEdit | null) =>
    ((edit?.documentChanges ?? []) as TextDocumentEdit[]).flatMap((c) =>
      c.edits.map((e) => [path.relative(example.dir, new URL(c.textDocument.uri).pathname), e.range, e.newText]),
    );
  /** The server's answer to a move, then the move done on disk (and told to the server). */
  const move = async (from: string, to: string, mode: 'update' | 'alias') => {
    const result = await request<{ edit: WorkspaceEdit | null; moved: unknown[]; incoming: number; linkingFiles: number; notes: string[] }>(
      'careerPages/pageMoveEdit',
      { files: [{ oldUri: uri(from), newUri: uri(to) }], mode },
    );
    applyToDisk(result.edit);
    mkdirSync(path.dirname(file(to)), { recursive: true });
    renameSync(file(from), file(to));
    return result;
  };
  const CALCULATOR = 'content/handbook/total-rewards/compensation/compensation-calculator';

  before(async () => {
    example = copyOfExample();
    server = await startServer(example.dir);
    await server.waitForNotification('careerPages/siteIndexed');
  });

  after(async () => {
    await server.stop();
    example.dispose();
  });

  it('the compensation calculator section moves: every link to it follows, as written; career-lint finds no new link-page', async () => {
    const before = linkPageFindings(example.dir);
    assert.deepEqual(before, []);
    const result = await move(CALCULATOR, 'content/handbook/total-rewards/calculator', 'update');
    assert.deepEqual(result.moved, [
      {
        oldUri: uri(`${CALCULATOR}/_index.md`),
        newUri: uri('content/handbook/total-rewards/calculator/_index.md'),
        oldUrl: '/handbook/total-rewards/compensation/compensation-calculator/',
        newUrl: '/handbook/total-rewards/calculator/',
      },
    ]);
    assert.deepEqual([result.incoming, result.linkingFiles, result.notes], [3, 2, []]);
    assert.deepEqual(edits(result.edit), [
      ['content/handbook/total-rewards/_index.md', range(7, 34, 95), '/handbook/total-rewards/calculator/'],
      ['content/job-families/engineering/infrastructure/engineering-productivity-manager.md', range(13, 24, 85), '/handbook/total-rewards/calculator/'],
      ['content/job-families/engineering/infrastructure/engineering-productivity-manager.md', range(42, 24, 85), '/handbook/total-rewards/calculator/'],
    ]);
    assert.deepEqual(linkPageFindings(example.dir), before);
  });

  it('senior.md renamed with "alias": the old URL goes into its front matter, links stay; career-lint finds no new link-page', async () => {
    const before = linkPageFindings(example.dir);
    const result = await move(`${TRACK}/senior.md`, `${TRACK}/senior-backend.md`, 'alias');
    assert.deepEqual([result.incoming, result.linkingFiles], [1, 1]);
    assert.deepEqual(edits(result.edit), [
      [`${TRACK}/senior.md`, range(3, 0, 0), 'aliases:\n  - /handbook/engineering/careers/matrix/quality/engineering-productivity/senior/\n'],
    ]);
    assert.deepEqual(linkPageFindings(example.dir), before);
  });

  it('LSP willRenameFiles (a client that does not ask itself): the links to a renamed page, beside the include paths', async () => {
    // The index follows the moves above from file events.
    server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uri(`${CALCULATOR}/_index.md`), type: 3 },
        { uri: uri('content/handbook/total-rewards/calculator/_index.md'), type: 1 },
        { uri: uri(`${TRACK}/senior.md`), type: 3 },
        { uri: uri(`${TRACK}/senior-backend.md`), type: 1 },
      ],
    });
    const edit = await request<WorkspaceEdit | null>('workspace/willRenameFiles', {
      files: [{ oldUri: uri(`${TRACK}/intermediate.md`), newUri: uri(`${TRACK}/mid.md`) }],
    });
    assert.deepEqual(edits(edit), [[`${TRACK}/_index.md`, range(9, 18, 101), '/handbook/engineering/careers/matrix/quality/engineering-productivity/mid/']]);
  });
});
