// career-lint --changed-since REF: check what changed since a git ref, and what that can change.
//
// Changed is what `git diff` shows between the merge base of REF and HEAD and the working tree (the
// branch's commits since it left REF, plus staged and unstaged changes, deletions included), and
// the untracked files git does not ignore. Of the files career-lint would check, it checks those,
// and, from the site index:
//   - the pages that include a changed file, or tried it for an include that was missing;
//   - the pages and include files with a link to a changed page: at its URL now, at its URL at the
//     merge base (a page moved, or deleted), or at the URL its path gives (a page added);
//   - the include files a changed page includes, now or at the merge base (their links are checked
//     against the pages that include them, and include-unused counts those pages);
//   - the level pages of a changed career page's ladder (their ladder checks read it);
//   - where the outline of a page changed (the page changed, or a changed file's headings changed
//     levels in it): its include files and the other pages that include them (heading-increment
//     judges an include file's jump on every page that includes it);
//   - all of them when the configuration changed (.career-pages.jsonc or --config, .hugolint.yaml,
//     shortcode templates, the Hugo config).
// Not a git repository, git missing, or REF not a commit: a usage error (exit 2) that says so.

import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import {
  basename,
  baseUrls,
  buildPageModel,
  CONFIG_FILE_NAME,
  dirname,
  isInside,
  isMarkdownPath,
  LINK_CHECKER_CONFIG,
  type LinkTarget,
  type PageSummary,
  pageUrl,
  relativePath,
  resolveLinkTarget,
  type Site,
  sourceFile,
  summarize,
  type Workspace,
} from '../core';
import { fromCorePath, toCorePath } from '../node/nodeHost';

export interface ChangedOptions {
  /** The working directory (platform path): git runs there. */
  cwd: string;
  ref: string;
  /** The files career-lint would check (core paths). */
  files: string[];
  workspace: Workspace;
  /** --config, as a core path. */
  configFile?: string;
  /** Builds a site's index (from the cache's entries where it has them). */
  index(site: Site): void;
}

export interface Changed {
  /** The files to check, in the order given. */
  files: string[];
  /** How many paths changed (git's count). */
  changed: number;
}

export function changedFiles(o: ChangedOptions): Changed | { error: string } {
  const repo = changedPaths(o.cwd, o.ref);
  if ('error' in repo) return repo;
  const { paths, oldText } = repo;
  const { workspace } = o;
  const candidates = new Set(o.files);
  const selected = new Set<string>();
  const sites = new Set<Site>();
  for (const f of o.files) {
    const site = workspace.siteFor(f);
    if (site) sites.add(site);
  }
  for (const site of sites) {
    const mine = paths.filter((p) => isInside(site.root, p));
    if (!mine.length) continue;
    const ofSite = o.files.filter((f) => workspace.siteFor(f) === site);
    if (mine.some((p) => isConfiguration(site, p, o.configFile))) {
      for (const f of ofSite) selected.add(f);
      continue;
    }
    try {
      o.index(site);
    } catch {
      // Without an index nothing is known of what depends on what: check all of the site.
      for (const f of ofSite) selected.add(f);
      continue;
    }
    const linkedUrls = new Set<string>();
    const linkedPaths = new Set<string>();
    // Pages whose outline changed, with the files they include or included.
    const outlineChanged = new Map<string, string[]>();
    for (const p of mine) {
      selected.add(p);
      const dependents = workspace.dependentsOf(p);
      for (const d of dependents) selected.add(d);
      if (!site.urls.isContent(p) || !isMarkdownPath(p)) {
        // An included file whose heading levels changed: the pages its headings land in (all that
        // include it when it has none now; a {{< >}} call brings in none).
        if (!dependents.length || !site.isUnderIncludeRoot(p)) continue;
        const before = oldModel(site, p, oldText(p))?.headings ?? [];
        const now = workspace.model(p)?.headings ?? [];
        if (outline(before) === outline(now)) continue;
        for (const d of dependents) {
          const page = site.index.page(d);
          if (page && (!now.length || page.headings.some((h) => h.file === p))) outlineChanged.set(d, page.includes);
        }
        continue;
      }
      // A page: where links to it lead (now, before, by its path), what it includes (now, before), its ladder.
      const now = site.index.page(p);
      const before = oldSummary(site, p, oldText(p));
      linkedPaths.add(p);
      linkedUrls.add(pageUrl(site.urls, p));
      for (const s of [now, before]) {
        if (!s) continue;
        linkedUrls.add(s.url);
        for (const a of s.aliases) linkedUrls.add(a);
        for (const i of s.includes) selected.add(i);
      }
      if (outline(now?.headings ?? []) !== outline(before?.headings ?? [])) outlineChanged.set(p, [...(now?.includes ?? []), ...(before?.includes ?? [])]);
      if (site.kindOf(p) === 'career-page') for (const s of site.ladderFiles(dirname(p))) if (site.kindOf(s) === 'career-page') selected.add(s);
    }
    for (const includes of outlineChanged.values()) {
      for (const i of includes) {
        selected.add(i);
        for (const q of site.index.includersOf(i)) selected.add(q.path);
      }
    }
    if (!linkedPaths.size) continue;
    const leadsThere = (t: LinkTarget) =>
      t.kind === 'page' ? linkedUrls.has(t.url) : t.kind === 'file' && (linkedPaths.has(t.path) || linkedUrls.has(pageUrl(site.urls, t.path)));
    const linksThere = (file: string, links: readonly { path: string }[], pages: PageSummary[]) =>
      baseUrls(site, pages).some((base) => links.some((l) => l.path && leadsThere(resolveLinkTarget(l.path, base, file, site.contentDir))));
    for (const page of site.index.all()) {
      if (!page.generated && !selected.has(page.path) && linksThere(page.path, page.links, [page])) selected.add(page.path);
    }
    for (const f of ofSite) {
      if (selected.has(f) || !site.isUnderIncludeRoot(f)) continue;
      const links = workspace.model(f)?.links ?? [];
      if (links.length && linksThere(f, links, site.index.includersOf(f))) selected.add(f);
    }
  }
  return { files: o.files.filter((f) => selected.has(f) && candidates.has(f)), changed: paths.length };
}

/** A change that can change every finding of the site. */
function isConfiguration(site: Site, p: string, configFile: string | undefined): boolean {
  const name = basename(p);
  if (name === CONFIG_FILE_NAME || p === configFile || p === `${site.root}/${LINK_CHECKER_CONFIG}`) return true;
  if (/\/layouts\/(.+\/)?_?shortcodes\//.test(p)) return true;
  return site.hugo.files.includes(p) || (dirname(p) === site.root && /^(hugo|config)\.(toml|ya?ml|json)$/.test(name)) || isInside(`${site.root}/config`, p);
}

/** The index entry a page had at the merge base (its URL, aliases, includes and headings), from its text there. */
function oldSummary(site: Site, file: string, text: string | undefined): PageSummary | undefined {
  const model = oldModel(site, file, text);
  return model && summarize(model, site.urls);
}

/** A file's model from its text at the merge base (includes resolved as they are now). */
function oldModel(site: Site, file: string, text: string | undefined): ReturnType<typeof buildPageModel> | undefined {
  if (text === undefined) return undefined;
  return buildPageModel(sourceFile(file, text), {
    kind: site.kindOf(file),
    markup: site.markup,
    include: (argument) => ({ resolution: site.resolver.resolve(argument) }),
  });
}

/** What heading-increment reads of an outline: each heading's level and the file it is written in. */
function outline(headings: readonly { level: number; file: string }[]): string {
  return headings.map((h) => `${h.level} ${h.file}`).join('\n');
}

// ---- git -----------------------------------------------------------------------------------------

interface Repo {
  /** Changed paths (core paths, in the working directory's form). */
  paths: string[];
  /** A path's text at the merge base, if it was a file there. */
  oldText(file: string): string | undefined;
}

function changedPaths(cwd: string, ref: string): Repo | { error: string } {
  const cdup = git(cwd, ['rev-parse', '--show-cdup']);
  if ('error' in cdup) return { error: `--changed-since needs a git repository: ${cdup.error}` };
  // The top folder as the working directory names it (git's own answer has links resolved).
  const top = path.resolve(cwd, cdup.out.toString('utf8').trim() || '.');
  if (ref.startsWith('-')) return { error: `--changed-since ${ref}: not a git ref.` };
  const commit = git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if ('error' in commit) return { error: `--changed-since ${ref}: no such commit in this repository.` };
  const sha = commit.out.toString('utf8').trim();
  // The branch's changes since it left REF: from the merge base (REF itself when there is none).
  const mergeBase = git(top, ['merge-base', sha, 'HEAD']);
  const base = 'error' in mergeBase ? sha : mergeBase.out.toString('utf8').trim();
  const diff = git(top, ['diff', '--name-only', '-z', '--no-renames', base, '--']);
  if ('error' in diff) return { error: `--changed-since ${ref}: ${diff.error}` };
  const untracked = git(top, ['ls-files', '--others', '--exclude-standard', '-z']);
  if ('error' in untracked) return { error: `--changed-since ${ref}: ${untracked.error}` };
  const rel = [...new Set([...split(diff.out), ...split(untracked.out)])].sort();
  const paths = rel.map((r) => toCorePath(path.join(top, r)));
  const coreTop = toCorePath(top);
  let texts: Map<string, string> | undefined;
  return {
    paths,
    oldText(file) {
      // Read at the first question, all at once: one git process for every changed Markdown file.
      texts ??= readAt(
        top,
        base,
        paths.filter(isMarkdownPath).map((p) => relativePath(coreTop, p)),
      );
      return texts.get(relativePath(coreTop, file));
    },
  };
}

function split(out: Buffer): string[] {
  return out.toString('utf8').split('\0').filter(Boolean);
}

/** The texts of files at a commit (`git cat-file --batch`); files that were not there are left out. */
function readAt(top: string, commit: string, files: string[]): Map<string, string> {
  const asked = files.filter((f) => !/[\n\r]/.test(f)); // the batch protocol is line-based
  const out = new Map<string, string>();
  if (!asked.length) return out;
  const r = git(top, ['cat-file', '--batch'], asked.map((f) => `${commit}:${f}\n`).join(''));
  if ('error' in r) return out;
  let at = 0;
  for (const f of asked) {
    const eol = r.out.indexOf(10, at);
    if (eol < 0) break;
    const header = r.out.toString('utf8', at, eol).split(' ');
    at = eol + 1;
    if (header.length !== 3) continue; // "<name> missing"
    const size = Number(header[2]);
    if (header[1] === 'blob') out.set(f, r.out.toString('utf8', at, at + size));
    at += size + 1;
  }
  return out;
}

function git(cwd: string, args: string[], input?: string): { out: Buffer } | { error: string } {
  const r = spawnSync('git', args, { cwd: fromCorePath(toCorePath(cwd)), input, maxBuffer: 1 << 30, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
  if (r.error) return { error: (r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'git is not installed (or not on PATH)' : r.error.message };
  if (r.status !== 0)
    return {
      error:
        r.stderr
          .toString('utf8')
          .trim()
          .replace(/^fatal: /, '') || `git ${args[0]} failed`,
    };
  return { out: r.stdout };
}
