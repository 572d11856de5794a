// Symbolic links ↔ Hugo 0.111. What Hugo does with links under assets/ and content/, seen by
// building one small site per case, and what we say about the same site:
// - Hugo follows links everywhere, out of the site too (a folder link to /etc puts /etc/passwd on the
//   page). We never read past a link out of the site: include-outside-root (an include), or
//   file-unreadable (a page), naming the real path; a folder link out of the site is not walked.
// - Links inside the site work in Hugo, and the same files are included for us, with the same ids.
// - A loop of links fails Hugo's build ("too many links"); we report file-unreadable there. A link
//   to nothing is "not found" for an include (include-missing for us too); under content/ Hugo
//   skips the whole folder that holds it, with only a WARN.
// - Hugo's content walk enters each folder-link target once (hugofs/walk.go); our listing of
//   content/ gives the same pages.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Diagnostic } from '../../server/src/core/diagnostic';
import { toCorePath } from '../../server/src/node/nodeHost';
import { HugoSite, type HugoBuild } from './hugoSite';
import { hugoSkip, newWorkspace } from './oracle';

const skip = hugoSkip();

const outside = mkdtempSync(path.join(tmpdir(), 'hugo-oracle-outside-'));
mkdirSync(path.join(outside, 'dir'));
mkdirSync(path.join(outside, 'pages'));
writeFileSync(path.join(outside, 'dir/secret.md'), '## Secret outside\n');
writeFileSync(path.join(outside, 'secret.md'), '## Secret file\n');
writeFileSync(path.join(outside, 'page.md'), '---\ntitle: "Outside page"\n---\n\n## Outside page\n');
writeFileSync(path.join(outside, 'pages/p.md'), '---\ntitle: "P"\n---\n\n## P heading\n');
after(() => rmSync(outside, { recursive: true, force: true }));

/** A page whose line 7 includes `arg` (its path starts at column 14). */
const includer = (arg: string) => `---\ntitle: "Page"\n---\n\n## Page\n\n{{% include "${arg}" %}}\n`;

interface Outcome {
  build: HugoBuild;
  root: string;
  /** content-relative page → `line:col code message` of our diagnostics (all codes). */
  ours: (page: string) => string[];
  /** Our heading ids of a page. */
  ids: (page: string) => string[];
  /** The pages we list under content/, content-relative. */
  listed: string[];
}

/** Builds a site with `pages` (content-relative), assets/includes/real.md and `links` (site-relative → target as written). */
async function buildWithLinks(pages: Record<string, string>, links: Record<string, string>, files: Record<string, string> = {}): Promise<Outcome> {
  const site = new HugoSite({ pages, assets: { 'includes/real.md': '## Real inside\n' } });
  try {
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(site.root, p)), { recursive: true });
      writeFileSync(path.join(site.root, p), text);
    }
    for (const [p, target] of Object.entries(links)) {
      mkdirSync(path.dirname(path.join(site.root, p)), { recursive: true });
      symlinkSync(target, path.join(site.root, p));
    }
    const build = await site.build();
    const workspace = newWorkspace();
    const root = toCorePath(site.root);
    const listed = workspace.host
      .listFiles(`${root}/content`)
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(`${root}/content/`.length));
    const results = new Map<string, Diagnostic[]>();
    const models = new Map<string, string[]>();
    for (const page of [...new Set([...Object.keys(pages), ...listed])]) {
      const file = `${root}/content/${page}`;
      results.set(page, workspace.lint(file).diagnostics);
      models.set(page, workspace.model(file)?.headings.map((h) => h.id) ?? []);
    }
    return {
      build,
      root,
      listed,
      ours: (page) =>
        (results.get(page) ?? []).map(
          (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}${d.detail ? ` | ${d.detail}` : ''}`,
        ),
      ids: (page) => models.get(page) ?? [],
    };
  } finally {
    site.dispose();
  }
}

const outOfSite = (arg: string, real: string) =>
  `7:14 include-outside-root "${arg}" leads out of the site through a symbolic link: move the file into the site. | Its real path is ${real}, and files outside the site are never read. Hugo follows the link, so the page depends on a file outside the site: move the file into the site, or point the link inside it.`;
const hugoIds = (o: Outcome, page: string) => o.build.pages.get(page)?.headings.map((h) => h.id);

describe('Hugo oracle: symbolic links under assets/ (includes)', () => {
  it('a folder link out of the site: Hugo includes the outside file; we do not read it and say where it leads', { skip }, async () => {
    const o = await buildWithLinks({ 'page.md': includer('includes/ext/secret.md') }, { 'assets/includes/ext': path.join(outside, 'dir') });
    assert.equal(o.build.exitCode, 0, o.build.log);
    assert.deepEqual(hugoIds(o, 'page.md'), ['page', 'secret-outside']);
    assert.deepEqual(o.ours('page.md'), [outOfSite('includes/ext/secret.md', `${toCorePath(outside)}/dir/secret.md`)]);
    assert.deepEqual(o.ids('page.md'), ['page']);
  });

  it('includes/etc -> /etc: Hugo puts /etc/passwd on the page; we report it and read nothing', { skip }, async () => {
    const o = await buildWithLinks({ 'page.md': includer('includes/etc/passwd') }, { 'assets/includes/etc': '/etc' });
    assert.equal(o.build.exitCode, 0, o.build.log);
    assert.match(o.build.pages.get('page.md')!.html, /root:x:0:0:/);
    assert.deepEqual(o.ours('page.md'), [outOfSite('includes/etc/passwd', '/etc/passwd')]);
  });

  it('a file link out of the site: the same', { skip }, async () => {
    const o = await buildWithLinks({ 'page.md': includer('includes/secret.md') }, { 'assets/includes/secret.md': path.join(outside, 'secret.md') });
    assert.equal(o.build.exitCode, 0, o.build.log);
    assert.deepEqual(hugoIds(o, 'page.md'), ['page', 'secret-file']);
    assert.deepEqual(o.ours('page.md'), [outOfSite('includes/secret.md', `${toCorePath(outside)}/secret.md`)]);
  });

  it('through a folder link out of the site to a file that is not there: Hugo fails ("not found"); we still only say it leads outside', { skip }, async () => {
    const o = await buildWithLinks({ 'page.md': includer('includes/ext/none.md') }, { 'assets/includes/ext': path.join(outside, 'dir') });
    assert.notEqual(o.build.exitCode, 0);
    assert.deepEqual(
      o.build.errors.filter((e) => e.page).map((e) => [e.page, e.line]),
      [['page.md', 7]],
    );
    assert.match(o.build.log, /"includes\/ext\/none\.md" not found/);
    assert.deepEqual(o.ours('page.md'), [outOfSite('includes/ext/none.md', `${toCorePath(outside)}/dir/none.md`)]);
  });

  const inside: [string, string, Record<string, string>, Record<string, string>, string][] = [
    ['a file link to another include file', 'includes/alias.md', { 'assets/includes/alias.md': 'real.md' }, {}, 'real-inside'],
    [
      'a file link to a file elsewhere in the site',
      'includes/notes.md',
      { 'assets/includes/notes.md': '../../notes.md' },
      { 'notes.md': '## Notes at the root\n' },
      'notes-at-the-root',
    ],
    [
      'a folder link to a folder elsewhere in the site',
      'includes/shared/x.md',
      { 'assets/includes/shared': '../shared' },
      { 'assets/shared/x.md': '## Shared X\n' },
      'shared-x',
    ],
    ['a folder link to its own parent (up -> ..)', 'includes/up/includes/real.md', { 'assets/includes/up': '..' }, {}, 'real-inside'],
    ['a folder link to itself (self -> .)', 'includes/self/self/real.md', { 'assets/includes/self': '.' }, {}, 'real-inside'],
  ];
  for (const [name, arg, links, files, id] of inside) {
    it(`${name}: Hugo includes it, and so do we, with the same ids`, { skip }, async () => {
      const o = await buildWithLinks({ 'page.md': includer(arg) }, links, files);
      assert.equal(o.build.exitCode, 0, o.build.log);
      assert.deepEqual(hugoIds(o, 'page.md'), ['page', id]);
      assert.deepEqual(o.ours('page.md'), []);
      assert.deepEqual(o.ids('page.md'), ['page', id]);
    });
  }

  it('a loop of file links (a.md -> b.md -> a.md): Hugo fails at the include ("too many links"); we say the file cannot be read', { skip }, async () => {
    const o = await buildWithLinks({ 'page.md': includer('includes/a.md') }, { 'assets/includes/a.md': 'b.md', 'assets/includes/b.md': 'a.md' });
    assert.notEqual(o.build.exitCode, 0);
    assert.deepEqual(
      o.build.errors.map((e) => [e.page, e.line]),
      [['page.md', 7]],
    );
    assert.match(o.build.log, /EvalSymlinks: too many links/);
    assert.deepEqual(o.ours('page.md'), [
      '7:14 file-unreadable The included file assets/includes/a.md cannot be used: it cannot be read (ELOOP: a loop of symbolic links).',
    ]);
  });

  it('a loop of folder links (la -> lb -> la): the same', { skip }, async () => {
    const o = await buildWithLinks({ 'page.md': includer('includes/la/real.md') }, { 'assets/includes/la': 'lb', 'assets/includes/lb': 'la' });
    assert.notEqual(o.build.exitCode, 0);
    assert.deepEqual(
      o.build.errors.map((e) => [e.page, e.line]),
      [['page.md', 7]],
    );
    assert.match(o.build.log, /too many levels of symbolic links/);
    assert.deepEqual(o.ours('page.md'), [
      '7:14 file-unreadable The included file assets/includes/la/real.md cannot be used: it cannot be read (ELOOP: a loop of symbolic links).',
    ]);
  });

  it('a link to nothing: Hugo fails ("not found"), and so do we (include-missing)', { skip }, async () => {
    const o = await buildWithLinks({ 'page.md': includer('includes/gone.md') }, { 'assets/includes/gone.md': 'nowhere.md' });
    assert.notEqual(o.build.exitCode, 0);
    assert.deepEqual(
      o.build.errors.filter((e) => e.page).map((e) => [e.page, e.line]),
      [['page.md', 7]],
    );
    assert.deepEqual(o.ours('page.md'), [
      `7:14 include-missing No include file "includes/gone.md". | Hugo looks for assets/includes/gone.md and fails the build. There is a symbolic link to ${o.root}/assets/includes/nowhere.md, which does not exist.`,
    ]);
  });
});

describe('Hugo oracle: symbolic links under content/ (pages)', () => {
  const page = (title: string) => `---\ntitle: "${title}"\n---\n\n## ${title}\n`;

  it('a page that is a link out of the site: Hugo renders it; we do not read it and say so', { skip }, async () => {
    const o = await buildWithLinks({ 'page.md': page('Page') }, { 'content/linked.md': path.join(outside, 'page.md') });
    assert.equal(o.build.exitCode, 0, o.build.log);
    assert.deepEqual([...o.build.pages.keys()].sort(), ['linked.md', 'page.md']);
    assert.deepEqual(o.listed, ['linked.md', 'page.md']);
    assert.deepEqual(o.ours('linked.md'), [
      `1:1 file-unreadable This file is not checked: it leads through a symbolic link to ${toCorePath(outside)}/page.md, outside the site, and files outside the site are never read.`,
    ]);
  });

  it('a folder link out of the site: Hugo renders its pages; we do not walk it', { skip }, async () => {
    const o = await buildWithLinks({ 'page.md': page('Page') }, { 'content/linked': path.join(outside, 'pages') });
    assert.equal(o.build.exitCode, 0, o.build.log);
    assert.deepEqual([...o.build.pages.keys()].sort(), ['linked/p.md', 'page.md']);
    assert.deepEqual(o.listed, ['page.md']);
  });

  it('folder links to the parent and to itself: Hugo enters each once, and we list the same pages', { skip }, async () => {
    const o = await buildWithLinks({ 'page.md': page('Page'), 'sec/s.md': page('S') }, { 'content/sec/up': '..', 'content/sec/self': '.' });
    assert.equal(o.build.exitCode, 0, o.build.log);
    assert.deepEqual([...o.build.pages.keys()].sort(), ['page.md', 'sec/s.md', 'sec/self/s.md', 'sec/up/page.md', 'sec/up/sec/s.md']);
    assert.deepEqual(o.listed, [...o.build.pages.keys()].sort());
  });

  it('a folder entered through one link is not entered through another: the same pages', { skip }, async () => {
    const o = await buildWithLinks(
      { 'page.md': page('Page'), 'd/inner/y.md': page('Y'), 'e/z.md': page('Z') },
      { 'content/top': 'd', 'content/d/deep': 'inner', 'content/d/toe': '../e' },
    );
    assert.equal(o.build.exitCode, 0, o.build.log);
    assert.deepEqual([...o.build.pages.keys()].sort(), ['d/deep/y.md', 'd/inner/y.md', 'd/toe/z.md', 'e/z.md', 'page.md', 'top/inner/y.md']);
    assert.deepEqual(o.listed, [...o.build.pages.keys()].sort());
  });

  it('a loop of page links: Hugo fails the build; we say both cannot be read', { skip }, async () => {
    const o = await buildWithLinks({ 'page.md': page('Page') }, { 'content/l1.md': 'l2.md', 'content/l2.md': 'l1.md' });
    assert.notEqual(o.build.exitCode, 0);
    assert.match(o.build.log, /EvalSymlinks: too many links/);
    assert.deepEqual(o.listed, ['l1.md', 'l2.md', 'page.md']);
    for (const p of ['l1.md', 'l2.md'])
      assert.deepEqual(o.ours(p), ['1:1 file-unreadable This file is not checked: it cannot be read (ELOOP: a loop of symbolic links).']);
  });

  it('a page link to nothing: Hugo skips the whole folder with a WARN (its other pages are missing); we report the link', { skip }, async () => {
    const o = await buildWithLinks({ 'page.md': page('Page'), 'sec/s.md': page('S') }, { 'content/sec/d.md': 'nowhere.md' });
    assert.equal(o.build.exitCode, 0, o.build.log);
    assert.match(o.build.log, /WARN .*File ".*\/content\/sec" not found, skipping\./);
    assert.deepEqual([...o.build.pages.keys()].sort(), ['page.md']);
    assert.deepEqual(o.listed, ['page.md', 'sec/d.md', 'sec/s.md']);
    assert.deepEqual(o.ours('sec/d.md'), [
      `1:1 file-unreadable This file is not checked: it cannot be read (a symbolic link to ${o.root}/content/sec/nowhere.md, which does not exist).`,
    ]);
  });
});
