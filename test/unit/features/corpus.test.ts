// The editor features on the largest page of the handbook corpus: what they answer there, and how
// long completion and code actions take (median and worst over many runs, reported as test
// diagnostics). Skipped when ../shared/corpus is not there.
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it, type TestContext } from 'node:test';
import { completions } from '../../../server/src/core/features/completion';
import { fixAll } from '../../../server/src/core/features/fixAll';
import type { Position } from '../../../server/src/core/text';
import { Workspace } from '../../../server/src/core/workspace';
import { codeActions } from '../../../server/src/lsp/codeActions';
import { toLspDiagnostic } from '../../../server/src/lsp/convert';
import { NodeHost, toCorePath } from '../../../server/src/node/nodeHost';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoRoot } from '../../support/fixtureSite';

const CORPUS = toCorePath(path.resolve(repoRoot, '../shared/corpus/gitlab-handbook-2025-12'));
const skip = existsSync(CORPUS) ? false : `the handbook corpus is not at ${CORPUS}`;

function timed(runs: number, f: (i: number) => void): { median: number; worst: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], worst: times[runs - 1] };
}

const SELF_LINK = '](/handbook/marketing/sales-development/#';
const ms = (t: { median: number; worst: number }) => `median ${t.median.toFixed(2)} ms, worst ${t.worst.toFixed(2)} ms`;

describe('editor features on the largest corpus page', { skip }, () => {
  let workspace: Workspace;
  let largest: string;
  let text: string;
  let lines: string[];
  const position = (needle: string, delta: number): Position => {
    const line = lines.findIndex((l) => l.includes(needle));
    return { line, character: lines[line].indexOf(needle) + delta };
  };

  before(() => {
    workspace = new Workspace(new NodeHost());
    const site = workspace.siteFor(`${CORPUS}/content/x.md`)!;
    workspace.indexSite(site, false);
    largest = workspace.sitePages(site).sort((a, b) => statSync(b).size - statSync(a).size)[0];
    text = (workspace.host.readFile(largest) as { text: string }).text;
    lines = text.split('\n');
  });

  it('is the sales-development page, and completes its anchors, front matter keys and nothing in plain text', (t: TestContext) => {
    assert.equal(path.relative(CORPUS, largest), 'content/handbook/marketing/sales-development/_index.md');
    const model = workspace.model(largest, text)!;
    // The page links to its own sections through its URL: the anchors come from the site index.
    const fragment = completions(workspace, largest, text, position(SELF_LINK, SELF_LINK.length));
    assert.equal(fragment.length, model.anchors.size);
    assert.deepEqual(
      fragment.slice(0, model.headings.length).map((i) => i.label),
      model.headings.map((h) => h.id),
    );
    assert.deepEqual(fragment[0].range.start, position(SELF_LINK, SELF_LINK.length));
    const keys = completions(workspace, largest, text, { line: 1, character: 0 });
    assert.ok(keys.length > 10 && keys.every((k) => k.kind === 'property'));
    assert.deepEqual(
      completions(workspace, largest, text, { line: Math.floor(lines.length / 2), character: 0 }).filter((i) => i.kind !== 'term'),
      [],
    );
    t.diagnostic(`${path.relative(CORPUS, largest)}: ${(text.length / 1024).toFixed(0)} KB, ${lines.length} lines, ${model.anchors.size} anchors`);
  });

  it('answers completion quickly (unchanged text, and after an edit that rebuilds the model)', (t: TestContext) => {
    const anchor = position(SELF_LINK, SELF_LINK.length);
    const cached = timed(200, () => completions(workspace, largest, text, anchor));
    const plain = timed(200, () => completions(workspace, largest, text, { line: Math.floor(lines.length / 2), character: 0 }));
    // A keystroke: the text differs, so the page is parsed again before completing.
    const edited = timed(40, (i) => completions(workspace, largest, text.replace(/\n$/, '\n' + 'x'.repeat(i + 1)), anchor));
    t.diagnostic(`completion of anchors, unchanged text: ${ms(cached)}`);
    t.diagnostic(`completion in plain text, unchanged text: ${ms(plain)}`);
    t.diagnostic(`completion of anchors right after an edit (model rebuilt): ${ms(edited)}`);
    console.log(`completion on the largest corpus page: anchors ${ms(cached)}; plain text ${ms(plain)}; after an edit ${ms(edited)}`);
    assert.ok(cached.median < 200, ms(cached));
  });

  it('answers code actions quickly: quick fixes from diagnostic data, and fix-all', (t: TestContext) => {
    const uri = `file://${largest}`;
    const doc = TextDocument.create(uri, 'markdown', 1, text);
    const diagnostics = workspace.lint(largest, text).diagnostics.map(toLspDiagnostic);
    const quick = timed(200, () =>
      codeActions(
        {
          textDocument: { uri },
          range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics, only: ['quickfix'] },
        },
        doc,
        workspace,
      ),
    );
    const all = timed(20, () => fixAll(workspace, largest, text));
    // With problems to fix, on text the workspace has not seen (each round re-checks the whole page).
    const broken = (i: number) =>
      text.replace('](/handbook/values/#results)', '](/handbook/values/#result)') +
      `\n[x](#our-how-tos-for-the-inbound-and-outbound-processe)${' '.repeat(i)}\n`;
    const fixed = fixAll(workspace, largest, broken(0));
    assert.deepEqual(fixed.applied, ['link-fragment: Change to "#results"', 'link-fragment: Change to "#our-how-tos-for-the-inbound-and-outbound-processes"']);
    const allEdited = timed(20, (i) => fixAll(workspace, largest, broken(i + 1)));
    t.diagnostic(`quick fixes (${diagnostics.length} diagnostics in the request): ${ms(quick)}`);
    t.diagnostic(`fix all in file, nothing to fix: ${ms(all)}`);
    t.diagnostic(`fix all in file, two fixes, text just edited: ${ms(allEdited)}`);
    console.log(
      `code actions on the largest corpus page: quick fixes ${ms(quick)}; fix all ${ms(all)} (nothing to fix), ${ms(allEdited)} (two fixes, edited text)`,
    );
    assert.ok(all.median < 2000, ms(all));
  });
});
