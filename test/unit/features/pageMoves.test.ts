// Moving and renaming content pages over an in-memory site: the exact edits of "update" (every link
// to the page, in the form it was written, on pages and in include files; the moved page's own
// relative links) and "alias" (the old URL into the front matter aliases; only x.md links change),
// url/slug/aliases as Hugo resolves them, relativeLinks "page"; and for each case, the site after the
// edits and the move has no link-page finding it did not have before.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aliasEdit, pageMoveEdits, type PageMoveMode } from '../../../server/src/core/features/pageMoves';
import { MemoryHost } from '../../../server/src/core/host';
import { Workspace } from '../../../server/src/core/workspace';
import { applyEdits, FILES, HANDBOOK, INC, ROOT, range, SENIOR, TRACK } from './site';

const VALUES = `${ROOT}/content/handbook/values/_index.md`;
const STAFF = `${TRACK}/staff.md`;
const EXTRA: Record<string, string> = {
  [VALUES]: [
    '---',
    'title: Values',
    'aliases:',
    '  - /old-values/',
    '---',
    '',
    'See [senior](../careers/matrix/track/senior/) and [staff](/handbook/careers/matrix/track/staff/)',
    'and <a href="../careers/matrix/track/intermediate/">i</a> and [md](../careers/matrix/track/senior.md#senior-leadership).',
    '',
  ].join('\n'),
  [STAFF]: '---\ntitle: Staff\n---\n\nUp: [matrix](../) and [values](../../../values/) and [senior](senior/) and [old](/old-values/).\n',
};

function site(extra: Record<string, string> = EXTRA) {
  const host = new MemoryHost({ ...FILES, ...extra });
  const workspace = new Workspace(host);
  workspace.indexSite(workspace.siteFor(`${ROOT}/content/x.md`)!, false);
  return { host, workspace };
}

const short = (f: string) => f.slice(ROOT.length + 1);
const editsOf = (change: ReturnType<typeof pageMoveEdits>) => change.edits.map((e) => [short(e.file), e.range, e.newText]);

/** link-page findings of every page and include file of the site, as `file: message`. */
function linkPageFindings(host: MemoryHost): string[] {
  const workspace = new Workspace(host);
  const s = workspace.siteFor(`${ROOT}/content/x.md`)!;
  workspace.indexSite(s, false);
  const files = [...workspace.sitePages(s), ...host.listFiles(`${ROOT}/assets`)].filter((f) => f.endsWith('.md'));
  return files.flatMap((f) =>
    workspace
      .lint(f)
      .diagnostics.filter((d) => d.code === 'link-page')
      .map((d) => `${f.slice(ROOT.length + 1)}: ${d.message}`),
  );
}

/** Applies the edits, then moves the files as the explorer would; returns the findings before and after. */
function moveAndCheck(extra: Record<string, string>, moves: { from: string; to: string }[], mode: PageMoveMode) {
  const { host, workspace } = site(extra);
  const before = linkPageFindings(host);
  const change = pageMoveEdits(workspace, moves, mode);
  const byFile = new Map<string, typeof change.edits>();
  for (const e of change.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, edits] of byFile) host.set(file, applyEdits((host.readFile(file) as { text: string }).text, edits));
  for (const m of moves) {
    for (const f of host.exists(m.from) === 'directory' ? host.listFiles(m.from) : [m.from]) {
      const content = host.readFile(f)!;
      host.delete(f);
      host.set(m.to + f.slice(m.from.length), content);
    }
  }
  return { change, before, after: linkPageFindings(host), host };
}

describe('moving a page: update every link', () => {
  it('renaming senior.md: absolute URLs, relative paths (of the page and of its folder), x.md links, each as written', () => {
    const { change, before, after } = moveAndCheck(EXTRA, [{ from: SENIOR, to: `${TRACK}/principal.md` }], 'update');
    assert.deepEqual(change.moved, [
      { from: SENIOR, to: `${TRACK}/principal.md`, oldUrl: '/handbook/careers/matrix/track/senior/', newUrl: '/handbook/careers/matrix/track/principal/' },
    ]);
    assert.deepEqual(editsOf(change), [
      ['content/handbook/_index.md', range(4, 24, 62), '/handbook/careers/matrix/track/principal/'],
      ['content/handbook/_index.md', range(5, 25, 55), 'careers/matrix/track/principal.md'],
      ['content/handbook/careers/matrix/track/staff.md', range(4, 62, 69), 'principal/'],
      ['content/handbook/values/_index.md', range(6, 13, 44), '../careers/matrix/track/principal/'],
      ['content/handbook/values/_index.md', range(7, 67, 100), '../careers/matrix/track/principal.md'],
    ]);
    assert.deepEqual([change.incoming, change.linkingFiles, change.notes], [5, 3, []]);
    assert.deepEqual(after, before);
  });

  it("moving the track folder: links into it follow, its pages' own relative links to the rest of the site too, links between its pages stay", () => {
    const { change, before, after } = moveAndCheck(EXTRA, [{ from: TRACK, to: `${ROOT}/content/handbook/careers/ladder` }], 'update');
    assert.deepEqual(
      change.moved.map((m) => [short(m.from), m.newUrl]),
      [
        ['content/handbook/careers/matrix/track/intermediate.md', '/handbook/careers/ladder/intermediate/'],
        ['content/handbook/careers/matrix/track/senior.md', '/handbook/careers/ladder/senior/'],
        ['content/handbook/careers/matrix/track/staff.md', '/handbook/careers/ladder/staff/'],
      ],
    );
    assert.deepEqual(editsOf(change), [
      ['content/handbook/_index.md', range(4, 24, 62), '/handbook/careers/ladder/senior/'],
      ['content/handbook/_index.md', range(5, 25, 55), 'careers/ladder/senior.md'],
      ['content/handbook/careers/matrix/track/staff.md', range(4, 13, 16), '../matrix/'],
      ['content/handbook/careers/matrix/track/staff.md', range(4, 31, 47), '../../values/'],
      ['content/handbook/values/_index.md', range(6, 13, 44), '../careers/ladder/senior/'],
      ['content/handbook/values/_index.md', range(6, 58, 95), '/handbook/careers/ladder/staff/'],
      ['content/handbook/values/_index.md', range(7, 13, 50), '../careers/ladder/intermediate/'],
      ['content/handbook/values/_index.md', range(7, 67, 100), '../careers/ladder/senior.md'],
    ]);
    assert.deepEqual(after, before);
  });

  it("an include file's relative link stays relative when one path works on every page that includes it, else becomes the URL", () => {
    const nav = `${INC}/nav.md`;
    const extra = { ...EXTRA, [nav]: '[Staff](staff/) and [Senior](/handbook/careers/matrix/track/senior/)\n' };
    const one = moveAndCheck(extra, [{ from: STAFF, to: `${TRACK}/lead.md` }], 'update');
    assert.deepEqual(editsOf(one.change), [
      ['assets/includes/careers/nav.md', range(0, 8, 14), 'lead/'],
      ['content/handbook/values/_index.md', range(6, 58, 95), '/handbook/careers/matrix/track/lead/'],
    ]);
    assert.deepEqual(one.after, one.before);
    // senior.md moves to another folder: nav.md is read on it and on intermediate.md, from two bases.
    const two = moveAndCheck(extra, [{ from: SENIOR, to: `${ROOT}/content/handbook/senior.md` }], 'update');
    assert.deepEqual(editsOf(two.change), [
      ['assets/includes/careers/nav.md', range(0, 8, 14), '/handbook/careers/matrix/track/staff/'],
      ['assets/includes/careers/nav.md', range(0, 29, 67), '/handbook/senior/'],
      ['content/handbook/_index.md', range(4, 24, 62), '/handbook/senior/'],
      ['content/handbook/_index.md', range(5, 25, 55), 'senior.md'],
      ['content/handbook/careers/matrix/track/staff.md', range(4, 62, 69), '../../../senior/'],
      ['content/handbook/values/_index.md', range(6, 13, 44), '../senior/'],
      ['content/handbook/values/_index.md', range(7, 67, 100), '../senior.md'],
    ]);
    assert.deepEqual(two.after, two.before);
  });

  it('a page with a front matter url keeps its URL: only its own relative links follow its folder; slug keeps the last part', () => {
    const extra = {
      ...EXTRA,
      [STAFF]: '---\ntitle: Staff\nurl: /staff-engineer/\n---\n\n[matrix](../) and [senior](/handbook/careers/matrix/track/senior/)\n',
      [HANDBOOK]: '---\ntitle: Handbook\n---\n\n[staff](/staff-engineer/) and [s](careers/matrix/track/staff.md)\n',
    };
    const url = moveAndCheck(extra, [{ from: STAFF, to: `${ROOT}/content/handbook/staff.md` }], 'update');
    assert.deepEqual(url.change.moved[0].newUrl, '/staff-engineer/');
    assert.deepEqual(editsOf(url.change), [
      ['content/handbook/_index.md', range(4, 34, 63), 'staff.md'],
      ['content/handbook/careers/matrix/track/staff.md', range(5, 9, 12), 'careers/matrix/'],
    ]);
    assert.deepEqual(url.after, url.before);
    const slug = { ...EXTRA, [STAFF]: '---\ntitle: Staff\nslug: staff-engineer\n---\n\nText.\n' };
    const moved = moveAndCheck(slug, [{ from: STAFF, to: `${ROOT}/content/handbook/staff.md` }], 'update');
    assert.deepEqual(moved.change.moved[0].newUrl, '/handbook/staff-engineer/');
    assert.deepEqual(editsOf(moved.change), []);
  });

  it('links through an alias keep working and are left alone; in relativeLinks "page" mode relative paths start from the page', () => {
    const { change } = moveAndCheck(EXTRA, [{ from: VALUES, to: `${ROOT}/content/handbook/principles/_index.md` }], 'update');
    // staff.md links /old-values/ (an alias, which moves with the page) and ../../../values/ (its URL).
    assert.deepEqual(editsOf(change), [['content/handbook/careers/matrix/track/staff.md', range(4, 31, 47), '../../../principles/']]);
    const pageMode = { ...EXTRA, [`${ROOT}/.career-pages.jsonc`]: '{ "relativeLinks": "page" }', [STAFF]: '---\ntitle: Staff\n---\n\n[senior](../senior/)\n' };
    const r = moveAndCheck(pageMode, [{ from: SENIOR, to: `${TRACK}/principal.md` }], 'update');
    assert.deepEqual(
      r.change.edits.filter((e) => e.file === STAFF).map((e) => [e.range, e.newText]),
      [[range(4, 9, 19), '../principal/']],
    );
  });

  it("a moved page's URLs from the site root to pages that stay are left as written", () => {
    const extra = { ...EXTRA, [STAFF]: '---\ntitle: Staff\n---\n\n[v](/handbook/values/index.html#x) and [s](/handbook/careers/matrix/track/senior/)\n' };
    const { change, before, after } = moveAndCheck(extra, [{ from: STAFF, to: `${ROOT}/content/handbook/staff.md` }], 'update');
    assert.deepEqual(
      change.edits.filter((e) => e.file === STAFF),
      [],
    );
    assert.deepEqual(after, before);
  });

  it('notes a page that leaves the content folder, or lands on a URL another page has', () => {
    const { workspace } = site();
    assert.deepEqual(pageMoveEdits(workspace, [{ from: STAFF, to: `${ROOT}/drafts/staff.md` }], 'update').notes, [
      "content/handbook/careers/matrix/track/staff.md leaves the site's content folders: Hugo will not publish it, and links to it will lead nowhere.",
    ]);
    assert.deepEqual(pageMoveEdits(workspace, [{ from: STAFF, to: `${TRACK}/senior/index.md` }], 'update').notes, [
      'content/handbook/careers/matrix/track/senior.md is already at /handbook/careers/matrix/track/senior/, where content/handbook/careers/matrix/track/staff.md moves to.',
    ]);
    assert.deepEqual(pageMoveEdits(workspace, [{ from: `${ROOT}/assets/js/app.js`, to: `${ROOT}/assets/js/main.js` }], 'update').moved, []);
  });
});

describe('moving a page: add the old URL to its aliases', () => {
  it("the alias goes into the front matter; x.md links and the page's own relative links still change, URLs stay", () => {
    const { change, before, after, host } = moveAndCheck(EXTRA, [{ from: STAFF, to: `${ROOT}/content/handbook/staff.md` }], 'alias');
    assert.deepEqual(editsOf(change), [
      ['content/handbook/careers/matrix/track/staff.md', range(2, 0, 0), 'aliases:\n  - /handbook/careers/matrix/track/staff/\n'],
      ['content/handbook/careers/matrix/track/staff.md', range(4, 13, 16), 'careers/matrix/'],
      ['content/handbook/careers/matrix/track/staff.md', range(4, 31, 47), 'values/'],
      ['content/handbook/careers/matrix/track/staff.md', range(4, 62, 69), 'careers/matrix/track/senior/'],
    ]);
    assert.deepEqual([change.incoming, change.linkingFiles], [1, 1]);
    assert.deepEqual(after, before);
    assert.equal(
      (host.readFile(`${ROOT}/content/handbook/staff.md`) as { text: string }).text,
      '---\ntitle: Staff\naliases:\n  - /handbook/careers/matrix/track/staff/\n---\n\nUp: [matrix](careers/matrix/) and [values](values/) and [senior](careers/matrix/track/senior/) and [old](/old-values/).\n',
    );
    const md = moveAndCheck(EXTRA, [{ from: SENIOR, to: `${TRACK}/principal.md` }], 'alias');
    assert.deepEqual(editsOf(md.change), [
      ['content/handbook/_index.md', range(5, 25, 55), 'careers/matrix/track/principal.md'],
      ['content/handbook/careers/matrix/track/senior.md', range(3, 0, 0), 'aliases:\n  - /handbook/careers/matrix/track/senior/\n'],
      ['content/handbook/values/_index.md', range(7, 67, 100), '../careers/matrix/track/principal.md'],
    ]);
    assert.deepEqual(md.after, md.before);
  });

  it('writes the alias as the front matter writes its list: block, flow, empty, TOML, none; never twice', () => {
    const edit = (text: string, url = '/old/') => {
      const { workspace } = site({ [STAFF]: text });
      const r = aliasEdit(workspace.model(STAFF)!, url);
      return typeof r === 'string' ? r : applyEdits(text, [r]);
    };
    assert.equal(edit('---\ntitle: S\naliases:\n    - "/a/"\n---\nx\n'), '---\ntitle: S\naliases:\n    - "/a/"\n    - /old/\n---\nx\n');
    assert.equal(edit('---\naliases: [/a/, /b/]\ntitle: S\n---\n'), '---\naliases: [/a/, /b/, /old/]\ntitle: S\n---\n');
    assert.equal(edit('---\naliases: []\n---\n'), '---\naliases: [/old/]\n---\n');
    assert.equal(edit('---\naliases:\n---\n'), '---\naliases: [/old/]\n---\n');
    assert.equal(edit('+++\ntitle = "S"\naliases = ["/a/"]\n+++\n'), '+++\ntitle = "S"\naliases = ["/a/", "/old/"]\n+++\n');
    assert.equal(edit('+++\ntitle = "S"\n+++\n'), '+++\ntitle = "S"\naliases = ["/old/"]\n+++\n');
    assert.equal(edit('# No front matter\n'), '---\naliases:\n  - /old/\n---\n# No front matter\n');
    assert.equal(edit('---\r\ntitle: S\r\n---\r\n'), '---\r\ntitle: S\r\naliases:\r\n  - /old/\r\n---\r\n');
    assert.equal(edit('---\naliases: [/old/]\n---\n'), '/old/ is one of its aliases already.');
    assert.equal(edit('{\n  "title": "S"\n}\n'), 'its front matter is JSON: add "/old/" to its aliases by hand.');
  });
});
