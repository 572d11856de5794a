// Cross-page links against Hugo: the handbook snapshot built with a link render hook that resolves
// every link the way the handbook does, in Hugo's own terms (Go's url.Parse and path.Join, the
// page's File.Dir, site.GetPage for `x.md` targets), and writes what it found beside the link. Each
// target URL is then looked up among the URLs Hugo published (every page's RelPermalink and aliases)
// and each fragment among the ids of the target page as Hugo rendered it. link-page and cross-page
// link-fragment are compared with that, link by link: precision and recall of each rule.
//
// Scope, the same on both sides: links Goldmark renders (Markdown links; raw HTML <a href> is not
// seen by a render hook, and the rules check only Markdown links), to pages (not to other sites or
// to static files such as /images/x.png), not excluded by the site's .hugolint.yaml.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from '../../server/src/core/diagnostic';
import { toCorePath } from '../../server/src/node/nodeHost';
import type { Workspace } from '../../server/src/core/workspace';
import { decodeEntities, HugoSite, type HugoBuild } from './hugoSite';
import { corpusDir, corpusSkip, newWorkspace, readPages } from './oracle';

const skip = corpusSkip();

// Relative links resolve from the folder of the page's file (the handbook's relativeLinks "file"), or
// from the page's own URL on a section (_index.md) or bundle (index.md) page. An `x.md` target is the
// page Hugo finds for that content path (site.GetPage), `x/index.md` also the section `x/_index.md`.
const LINK_HOOK = `{{- $d := .Destination -}}
{{- $u := urls.Parse $d -}}
{{- if and (not $u.Scheme) (not $u.Host) (ne $u.Path "") (not (hasPrefix $d "//")) -}}
{{- $p := $u.Path -}}
{{- $page := .Page -}}
{{- $kind := "url" -}}{{- $t := "" -}}{{- $found := "" -}}
{{- if or (hasSuffix (lower $p) ".md") (hasSuffix (lower $p) ".markdown") -}}
{{- $kind = "md" -}}
{{- $t = $p -}}
{{- if not (hasPrefix $p "/") -}}{{- $t = path.Join "/" $page.File.Dir $p -}}{{- end -}}
{{- with site.GetPage $t -}}{{- $found = .RelPermalink -}}{{- end -}}
{{- else -}}
{{- $base := $page.RelPermalink -}}
{{- if not (in (slice "_index.md" "index.md") $page.File.LogicalName) -}}{{- $base = printf "/%s" (lower $page.File.Dir) -}}{{- end -}}
{{- if hasPrefix $p "/" -}}{{- $t = $p -}}{{- else -}}{{- $t = path.Join $base $p -}}{{- if hasSuffix $p "/" -}}{{- $t = printf "%s/" $t -}}{{- end -}}{{- end -}}
{{- end -}}
<oracle-link data-d="{{ $d }}" data-k="{{ $kind }}" data-t="{{ $t }}" data-f="{{ $found }}" data-h="{{ $u.Fragment }}"></oracle-link>
{{- end -}}
<a href="{{ .Destination | safeURL }}">{{ .Text | safeHTML }}</a>`;

interface OracleLink {
  /** The page it renders on (content-relative). */
  page: string;
  destination: string;
  kind: 'url' | 'md';
  /** The URL path (kind url) or content path (kind md) Hugo resolved it to. */
  target: string;
  /** For kind md: the RelPermalink of the page site.GetPage found ('' for none). */
  found: string;
  fragment: string;
  /** A raw HTML <a href> (not a Markdown link). */
  html?: boolean;
}

function oracleLinks(build: HugoBuild): OracleLink[] {
  const out: OracleLink[] = [];
  for (const [page, rendered] of build.pages) {
    // Raw HTML anchors (rendered with unsafe = true) never pass the render hook: the browser resolves
    // them from the page's URL (WHATWG URL here). Markdown links are the ones right after the marker.
    for (const m of rendered.html.matchAll(/(<\/oracle-link>)?<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
      if (m[1]) continue;
      const href = decodeEntities(m[2] ?? m[3]).trim();
      if (!href || href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
      const resolved = new URL(href, `https://site.invalid${rendered.url}`);
      const fragment = resolved.hash ? safeDecode(resolved.hash.slice(1)) : '';
      out.push({ page, destination: href, kind: 'url', target: safeDecode(resolved.pathname), found: '', fragment, html: true });
    }
    for (const m of rendered.html.matchAll(
      /<oracle-link data-d="([^"]*)" data-k="(url|md)" data-t="([^"]*)" data-f="([^"]*)" data-h="([^"]*)"><\/oracle-link>/g,
    )) {
      out.push({
        page,
        destination: decodeEntities(m[1]),
        kind: m[2] as 'url' | 'md',
        target: decodeEntities(m[3]),
        found: decodeEntities(m[4]),
        fragment: decodeEntities(m[5]),
      });
    }
  }
  return out;
}

/** Every id a browser can scroll to on a rendered page: id attributes and <a name>. */
function renderedIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of html.matchAll(/<[a-z][a-z0-9-]*\s[^>]*?\bid\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) ids.add(decodeEntities(m[1] ?? m[2]));
  for (const m of html.matchAll(/<a\s[^>]*?\bname\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) ids.add(decodeEntities(m[1] ?? m[2]));
  return ids;
}

const safeDecode = (s: string) => {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
};

interface Verdicts {
  /** page \t destination-path: links Hugo finds no page for. */
  noPage: Set<string>;
  /** page \t destination-path#fragment: links to a page that has no such id. */
  noAnchor: Set<string>;
  /** Links to a page whose URL differs only in case (a case-sensitive server serves nothing there). */
  caseOnly: Set<string>;
  checked: number;
}

function hugoVerdicts(build: HugoBuild, workspace: Workspace, siteRoot: string): Verdicts {
  const byUrl = new Map<string, string>();
  const lowerUrl = new Map<string, string>();
  // The home page and sections without an _index.md are pages too, without a file.
  for (const u of build.unsourced) byUrl.set(safeDecode(u), `(no file) ${u}`);
  for (const [page, r] of build.pages) {
    for (const u of [r.url, ...r.aliases]) {
      const url = safeDecode(u);
      byUrl.set(url, page);
      lowerUrl.set(url.toLowerCase(), page);
    }
  }
  const site = workspace.siteFor(`${siteRoot}/content/_index.md`)!;
  const ids = new Map<string, Set<string>>();
  const idsOf = (page: string) => {
    let s = ids.get(page);
    if (!s) ids.set(page, (s = renderedIds(build.pages.get(page)!.html)));
    return s;
  };
  const v: Verdicts = { noPage: new Set(), noAnchor: new Set(), caseOnly: new Set(), checked: 0 };
  for (const l of oracleLinks(build)) {
    const pathPart = l.destination.split('#')[0].split('?')[0];
    let target: string | undefined;
    if (l.kind === 'md') {
      target = l.found ? byUrl.get(safeDecode(l.found)) : undefined;
      if (!target && /\/index\.(md|markdown)$/i.test(l.target)) {
        // x/index.md: the section x/_index.md, at the same URL.
        const section = l.target.replace(/\/index\.(md|markdown)$/i, '/_index.md').replace(/^\//, '');
        if (build.pages.has(section)) target = section;
      }
    } else {
      // A static file (another extension than a page's) is out of scope.
      const last = l.target.split('/').pop() ?? '';
      if (/\.[a-z0-9]+$/i.test(last) && !/\.html?$/i.test(last)) continue;
      const url = l.target.replace(/\/index\.html?$/i, '/');
      // A folder URL without its "/" is redirected to it by the web server.
      const candidates = url.endsWith('/') ? [url] : [url, `${url}/`];
      target = candidates.map((c) => byUrl.get(c)).find((p) => p !== undefined);
      if (!target) {
        const caseInsensitive = candidates.map((c) => lowerUrl.get(c.toLowerCase())).find((p) => p !== undefined);
        if (caseInsensitive) v.caseOnly.add(`${l.page}\t${pathPart}`);
      }
      const checked = (build.pages.get(target ?? '')?.url ?? url) + (l.fragment ? `#${l.fragment}` : '');
      if (site.isExcludedLink(checked) || site.isExcludedLink(l.destination)) continue;
    }
    if (l.kind === 'md' && !target && site.isExcludedLink(l.destination)) continue;
    v.checked++;
    // A web server looks a path up as written: a doubled "/" (which path.Join cleaned) is no page Hugo wrote.
    if (/\/\//.test(pathPart.replace(/^[a-z][a-z0-9+.-]*:/i, ''))) target = undefined;
    if (!target) {
      v.noPage.add(`${l.page}\t${pathPart}`);
      continue;
    }
    const f = l.fragment;
    if (!f || f === 'top' || f.startsWith(':~:')) continue;
    if (!build.pages.has(target)) continue; // a page without a file has no content of its own
    if (!idsOf(target).has(f)) v.noAnchor.add(`${l.page}\t${pathPart}#${f}`);
  }
  return v;
}

/** Our findings, as the same keys: a finding in an include file counts on every page that includes it. */
function ourVerdicts(workspace: Workspace, siteRoot: string, files: string[]): { noPage: Set<string>; noAnchor: Set<string> } {
  const site = workspace.siteFor(`${siteRoot}/content/_index.md`)!;
  const out = { noPage: new Set<string>(), noAnchor: new Set<string>() };
  const contentRel = (p: string) => path.posix.relative(`${siteRoot}/content`, p);
  for (const file of files) {
    const diagnostics = workspace.lint(file).diagnostics.filter((d: Diagnostic) => d.code === 'link-page' || d.code === 'link-fragment');
    if (!diagnostics.length) continue;
    const model = workspace.model(file)!;
    const pages = model.kind === 'include' ? site.index.includersOf(file).map((p) => contentRel(p.path)) : [contentRel(file)];
    for (const d of diagnostics) {
      const offset = model.file.lines.offsetAt(d.range.start);
      const link = model.links.find((l) => l.span.start <= offset && offset < l.span.end);
      if (!link?.path) continue; // a same-page link-fragment finding
      const pathPart = link.path.split('?')[0];
      for (const page of pages) {
        if (d.code === 'link-page') out.noPage.add(`${page}\t${pathPart}`);
        else out.noAnchor.add(`${page}\t${pathPart}#${link.fragment}`);
      }
    }
  }
  return out;
}

function agreement(ours: Set<string>, hugo: Set<string>) {
  const both = [...ours].filter((k) => hugo.has(k));
  return {
    ours: ours.size,
    hugo: hugo.size,
    precision: ours.size ? both.length / ours.size : 1,
    recall: hugo.size ? both.length / hugo.size : 1,
    onlyOurs: [...ours].filter((k) => !hugo.has(k)).sort(),
    onlyHugo: [...hugo].filter((k) => !ours.has(k)).sort(),
  };
}

describe('Hugo oracle: cross-page links on the handbook snapshot', () => {
  let site: HugoSite;
  let build: HugoBuild;
  let workspace: Workspace;
  let root: string;
  let pages: Record<string, string>;

  before(async () => {
    if (skip) return;
    pages = readPages(path.join(corpusDir, 'content'));
    site = new HugoSite({
      pages,
      copy: [
        { from: path.join(corpusDir, 'assets/includes'), to: 'assets/includes' },
        { from: path.join(corpusDir, '.hugolint.yaml'), to: '.hugolint.yaml' },
      ],
      layouts: { '_default/_markup/render-link.html': LINK_HOOK },
    });
    build = await site.build();
    root = toCorePath(site.root);
    workspace = newWorkspace();
    workspace.indexSite(workspace.siteFor(`${root}/content/_index.md`)!, false);
  });
  after(() => site?.dispose());

  it('link-page and cross-page link-fragment agree with Hugo, link by link (precision and recall at least 0.99)', { skip }, (t) => {
    assert.equal(build.exitCode, 0, build.log);
    const hugo = hugoVerdicts(build, workspace, root);
    const files = [
      ...Object.keys(pages).map((p) => `${root}/content/${p}`),
      ...workspace.host.listFiles(`${root}/assets/includes`).filter((f) => f.endsWith('.md')),
    ];
    const ours = ourVerdicts(workspace, root, files);
    const page = agreement(ours.noPage, hugo.noPage);
    const fragment = agreement(ours.noAnchor, hugo.noAnchor);
    const say = (name: string, a: ReturnType<typeof agreement>) =>
      `${name}: ours ${a.ours}, Hugo ${a.hugo}, precision ${a.precision.toFixed(4)}, recall ${a.recall.toFixed(4)}` +
      (a.onlyOurs.length ? `\n  only ours (${a.onlyOurs.length}):\n    ${a.onlyOurs.slice(0, 40).join('\n    ')}` : '') +
      (a.onlyHugo.length ? `\n  only Hugo (${a.onlyHugo.length}):\n    ${a.onlyHugo.slice(0, 40).join('\n    ')}` : '');
    const report = `${hugo.checked} cross-page links checked by Hugo\n${say('link-page', page)}\n${say('link-fragment', fragment)}\ncase-only URL matches: ${hugo.caseOnly.size}`;
    t.diagnostic(report);
    console.log(report);
    assert.ok(page.precision >= 0.99 && page.recall >= 0.99, report);
    assert.ok(fragment.precision >= 0.99 && fragment.recall >= 0.99, report);
  });
});
