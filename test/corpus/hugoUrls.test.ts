// Hugo URLs on the handbook snapshot (../shared/corpus/gitlab-handbook-2025-12, read only): moving a
// much-linked page, and a section folder, in "update" and "alias" mode, with the edits applied and
// the files moved in a layer over the disk; career-lint then finds no link-page finding it did not
// find before. Also how long URL completion and a move's edit take (median and worst, reported as
// test diagnostics). Skipped when the snapshot is not there.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it, type TestContext } from 'node:test';
import { completionList } from '../../server/src/core/features/completion';
import { pageMoveEdits, type PageMoveMode } from '../../server/src/core/features/pageMoves';
import type { FileContent, Host } from '../../server/src/core/host';
import { Workspace } from '../../server/src/core/workspace';
import { NodeHost, toCorePath } from '../../server/src/node/nodeHost';
import { runCareerLint } from '../support/cliRun';
import { repoRoot } from '../support/fixtureSite';

const CORPUS = toCorePath(path.resolve(repoRoot, '../shared/corpus/gitlab-handbook-2025-12'));
const skip = existsSync(CORPUS) ? false : `the handbook corpus is not at ${CORPUS}`;
const TEAM = `${CORPUS}/content/handbook/company/team.md`;
const ALL_REMOTE = `${CORPUS}/content/handbook/company/culture/all-remote`;
const BACKEND_SENIOR = `${CORPUS}/content/handbook/engineering/careers/matrix/development/dev/backend/senior.md`;

/** The disk, with files written, moved and deleted in memory on top of it. */
class LayeredHost implements Host {
  private readonly disk = new NodeHost();
  /** path → text, or null for a file deleted. */
  private readonly layer = new Map<string, string | null>();

  readFile(p: string): FileContent | undefined {
    const own = this.layer.get(p);
    if (own === null) return undefined;
    return own !== undefined ? { kind: 'text', text: own } : this.disk.readFile(p);
  }

  exists(p: string): 'file' | 'directory' | undefined {
    const own = this.layer.get(p);
    if (own === null) return undefined;
    if (own !== undefined) return 'file';
    if ([...this.layer].some(([f, t]) => t !== null && f.startsWith(`${p}/`))) return 'directory';
    const onDisk = this.disk.exists(p);
    // A folder whose files all moved away is gone.
    const emptied = onDisk === 'directory' && [...this.layer].some(([f, t]) => t === null && f.startsWith(`${p}/`)) && !this.listFiles(p).length;
    return emptied ? undefined : onDisk;
  }

  listFiles(dir: string): string[] {
    const files = new Set(this.disk.listFiles(dir));
    for (const [f, t] of this.layer) {
      if (!f.startsWith(`${dir}/`)) continue;
      if (t === null) files.delete(f);
      else files.add(f);
    }
    return [...files].sort();
  }

  text(p: string): string {
    return (this.readFile(p) as { text: string }).text;
  }

  write(p: string, text: string): void {
    this.layer.set(p, text);
  }

  /** Moves a file or a folder, as the explorer does. */
  move(from: string, to: string): void {
    const files = this.exists(from) === 'directory' ? this.listFiles(from) : [from];
    for (const f of files) {
      const text = this.text(f);
      this.layer.set(f, null);
      this.layer.set(to + f.slice(from.length), text);
    }
  }
}

/** Applies core edits (all against the original text of each file). */
function applyEdits(host: LayeredHost, edits: { file: string; range: { start: Pos; end: Pos }; newText: string }[]): void {
  const byFile = new Map<string, typeof edits>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, list] of byFile) {
    const text = host.text(file);
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    const offset = (p: Pos) => starts[p.line] + p.character;
    let out = text;
    for (const e of [...list].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
      out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
    }
    host.write(file, out);
  }
}
type Pos = { line: number; character: number };

/**
 * career-lint's link-page findings over the host, as "file: No page at URL". Lines are left out (an
 * alias moves them), and so is the did-you-mean: a move can change what a link that was broken
 * already is best corrected to. In a moved file the URL is left out too: a relative link that was
 * broken before the move is broken after it at another URL. `renamed` names moved files as before.
 */
async function linkPageFindings(host: Host, renamed: (file: string) => string | undefined = () => undefined): Promise<string[]> {
  const run = await runCareerLint([CORPUS], repoRoot, host);
  return run.stdout
    .split('\n')
    .filter((l) => / link-page /.test(l))
    .map((l) => {
      const m = /^(.+?):\d+:\d+ warning link-page (.*)$/.exec(l)!;
      const file = path.resolve(repoRoot, m[1]);
      const before = renamed(file);
      return before ? `${before}: a link-page finding` : `${file}: ${m[2].replace(/(; did you mean .*| in this site\.)$/, '')}`;
    })
    .sort();
}

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
const ms = (t: { median: number; worst: number }) => `median ${t.median.toFixed(2)} ms, worst ${t.worst.toFixed(2)} ms`;

describe('Hugo URLs on the handbook corpus', { skip }, () => {
  let baseline: string[];
  /** The findings before a move of `from`, named as linkPageFindings names them after it. */
  const baselineFor = (from: string) =>
    baseline
      .map((f) => {
        const file = f.slice(0, f.indexOf(': '));
        return file === from || file.startsWith(`${from}/`) ? `${file}: a link-page finding` : f;
      })
      .sort();

  before(async () => {
    baseline = await linkPageFindings(new LayeredHost());
  });

  /** Moves `from` to `to` with the edits of `mode`; the findings after, with moved files named as before. */
  const moveAndLint = async (t: TestContext, from: string, to: string, mode: PageMoveMode) => {
    const host = new LayeredHost();
    const workspace = new Workspace(host);
    workspace.indexSite(workspace.siteFor(`${CORPUS}/content/x.md`)!, false);
    const started = performance.now();
    const change = pageMoveEdits(workspace, [{ from, to }], mode);
    t.diagnostic(
      `${mode} ${path.relative(CORPUS, from)}: ${change.edits.length} edits in ${new Set(change.edits.map((e) => e.file)).size} files, ${change.incoming} links from ${change.linkingFiles} files, in ${(performance.now() - started).toFixed(0)} ms (first time)`,
    );
    applyEdits(host, change.edits);
    host.move(from, to);
    const after = await linkPageFindings(host, (f) => (f === to || f.startsWith(`${to}/`) ? from + f.slice(to.length) : undefined));
    return { change, after, before: baselineFor(from) };
  };

  it('the snapshot has link-page findings of its own, which the moves below must not add to', () => {
    assert.ok(baseline.length > 600, `${baseline.length} findings`);
  });

  it('renaming company/team.md (353 links to it, from 118 files): every link updated, no new link-page finding', async (t) => {
    const { change, after, before } = await moveAndLint(t, TEAM, `${CORPUS}/content/handbook/company/team-members.md`, 'update');
    assert.deepEqual(
      change.moved.map((m) => [m.oldUrl, m.newUrl]),
      [['/handbook/company/team/', '/handbook/company/team-members/']],
    );
    assert.deepEqual([change.incoming, change.linkingFiles, change.notes], [353, 118, []]);
    assert.deepEqual(after, before);
  });

  it('moving the all-remote section (37 pages) with "alias": the old URLs into their aliases, no new link-page finding', async (t) => {
    const { change, after, before } = await moveAndLint(t, ALL_REMOTE, `${CORPUS}/content/handbook/company/all-remote`, 'alias');
    assert.equal(change.moved.length, 37);
    assert.deepEqual([change.incoming, change.linkingFiles, change.notes], [272, 102, []]);
    // One alias per page; the other edits are the moved pages' own links.
    assert.equal(change.edits.filter((e) => e.newText.includes('/handbook/company/culture/all-remote/')).length, 37);
    assert.deepEqual(after, before);
  });

  it('moving the same section with "update": links into it and its pages\' own relative links follow, no new link-page finding', async (t) => {
    const { change, after, before } = await moveAndLint(t, ALL_REMOTE, `${CORPUS}/content/handbook/company/all-remote`, 'update');
    assert.deepEqual([change.moved.length, change.incoming, change.linkingFiles], [37, 272, 102]);
    assert.deepEqual(after, before);
  });

  it("how long URL completion and a move's edit take", (t) => {
    const host = new NodeHost();
    const workspace = new Workspace(host);
    workspace.indexSite(workspace.siteFor(`${CORPUS}/content/x.md`)!, false);
    const text = (host.readFile(BACKEND_SENIOR) as { text: string }).text;
    const typed = ['/', '/handbook/', '/handbook/eng', '/handbook/engineering/careers/matrix/', '/mat/dev/back', '', '../', '../../fr'];
    const complete = (i: number) => {
      const line = `[x](${typed[i % typed.length]}`;
      completionList(workspace, BACKEND_SENIOR, `${text}\n${line}`, { line: text.split('\n').length, character: line.length });
    };
    // Each call another text (as after a keystroke: the page's model is built again), then each text asked 25 times in a row.
    const completion = timed(typed.length * 25, complete);
    const cached = timed(typed.length * 25, (i) => complete(Math.floor(i / 25)));
    const line = '[x](/handbook/engineering/careers/matrix/dev';
    const list = completionList(workspace, BACKEND_SENIOR, `${text}\n${line}`, { line: text.split('\n').length, character: line.length });
    assert.deepEqual(
      list.items.slice(0, 3).map((i) => [i.label, i.detail]),
      [
        ['/handbook/engineering/careers/matrix/development/', 'Development Department Career Framework'],
        ['/handbook/engineering/careers/matrix/development/dev/', 'Dev Career Framework'],
        ['/handbook/engineering/careers/matrix/development/intermediate/', 'Development Department Career Framework: Intermediate'],
      ],
    );
    const moves = [TEAM, `${CORPUS}/content/handbook/people-group/time-off-and-absence/time-off-types.md`, ALL_REMOTE, `${CORPUS}/content/handbook/values`];
    const move = timed(moves.length * 5, (i) => {
      const from = moves[i % moves.length];
      pageMoveEdits(workspace, [{ from, to: from.endsWith('.md') ? from.replace(/\.md$/, '-moved.md') : `${from}-moved` }], 'update');
    });
    t.diagnostic(`URL completion on ${path.relative(CORPUS, BACKEND_SENIOR)} (${typed.length} typed paths), the text just edited: ${ms(completion)}`);
    t.diagnostic(`URL completion, the same text asked again (model cached): ${ms(cached)}`);
    t.diagnostic(`a move's edit (team.md, time-off-types.md, the all-remote and values sections; update): ${ms(move)}`);
  });
});
