// A throw-away Hugo site whose configuration the test writes itself (hugoSite.ts always writes the
// handbook's hugo.toml): any files at any paths (hugo.yaml, config/_default/markup.toml, a content
// folder elsewhere, module mounts), a page layout that records each page's source file and
// RelPermalink, Hugo's own heading rendering (no render hook), and the handbook's include shortcode.
// `build` runs Hugo 0.111 for an environment and hands back every page Hugo published.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { decodeEntities } from './hugoSite';

// Every page, section or not, is wrapped so that its output names its source file and its URL.
const PAGE_LAYOUT =
  '<oracle-page data-file="{{ with .File }}{{ .Filename }}{{ end }}" data-url="{{ .RelPermalink }}" data-lang="{{ .Lang }}">{{ .Content }}</oracle-page>\n';

// The handbook's include: the file under assets/ as it is, a failed build when there is none.
const INCLUDE_SHORTCODE = `{{- $path := .Get 0 -}}
{{- with resources.Get $path -}}
{{- .Content | safeHTML -}}
{{- else -}}
{{- errorf "include: %q not found under assets/ (%s)" $path $.Position -}}
{{- end -}}
`;

export interface PublishedPage {
  /** Site-relative path of the source file (`content/a/b.md`, `docs/fr/x.md`). */
  source: string;
  /** `.RelPermalink` as Hugo gives it. */
  url: string;
  /** Where the page was written under public/ (`a/b/index.html`, `a/b.html`). */
  output: string;
  lang: string;
  html: string;
}

export interface ConfigBuild {
  exitCode: number;
  log: string;
  /** Site-relative source path → the page (the first output when Hugo writes one twice). */
  pages: Map<string, PublishedPage>;
  /** URLs of the pages Hugo made without a content file (a home page, a section without _index.md), sorted. */
  generated: string[];
}

export class ConfigSite {
  readonly root: string;

  /** `files`: site-relative path → text; the layouts and the include shortcode are added unless given. */
  constructor(files: Record<string, string>) {
    this.root = mkdtempSync(join(tmpdir(), 'hugo-config-oracle-'));
    const all: Record<string, string> = {
      'layouts/_default/single.html': PAGE_LAYOUT,
      'layouts/_default/list.html': PAGE_LAYOUT,
      'layouts/index.html': PAGE_LAYOUT,
      'layouts/shortcodes/include.html': INCLUDE_SHORTCODE,
      ...files,
    };
    for (const [path, text] of Object.entries(all)) {
      const abs = join(this.root, path);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  }

  path(relativePath: string): string {
    return join(this.root, relativePath);
  }

  async build(environment?: string): Promise<ConfigBuild> {
    const args = ['--source', this.root, '--destination', join(this.root, 'public'), '--cacheDir', join(this.root, '.cache'), '--noBuildLock'];
    if (environment) args.push('--environment', environment);
    rmSync(join(this.root, 'public'), { recursive: true, force: true });
    const { code, log } = await run('hugo', args);
    const pages = new Map<string, PublishedPage>();
    const generated = new Set<string>();
    if (code === 0) {
      const walk = (dir: string) => {
        for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
          const p = join(dir, e.name);
          if (e.isDirectory()) walk(p);
          else if (e.name.endsWith('.html')) {
            const m = /^<oracle-page data-file="([^"]*)" data-url="([^"]*)" data-lang="([^"]*)">([\s\S]*)<\/oracle-page>\s*$/.exec(readFileSync(p, 'utf8'));
            if (!m) continue;
            if (!m[1]) {
              generated.add(decodeEntities(m[2]));
              continue;
            }
            const source = relative(this.root, decodeEntities(m[1])).split('\\').join('/');
            if (pages.has(source)) continue;
            pages.set(source, {
              source,
              url: decodeEntities(m[2]),
              output: relative(join(this.root, 'public'), p).split('\\').join('/'),
              lang: m[3],
              html: m[4],
            });
          }
        }
      };
      walk(join(this.root, 'public'));
    }
    return { exitCode: code, log, pages, generated: [...generated].sort() };
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** The ids of the Markdown headings Goldmark rendered (`<h2 id="x">`, '' without one), in order. */
export function headingIds(html: string): string[] {
  return [...html.matchAll(/<h[1-6](\s[^>]*)?>/g)].map((m) => decodeEntities(/\sid="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? ''));
}

/** Every id a link can land on in rendered HTML: `id` attributes and `<a name>`, sorted, once each. */
export function htmlIds(html: string): string[] {
  const ids = new Set<string>();
  for (const m of html.matchAll(/<[a-z][a-z0-9-]*(\s[^>]*)>/gi)) {
    const attrs = m[1];
    for (const a of attrs.matchAll(/\s(id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
      if (a[1].toLowerCase() === 'name' && !/^<a\s/i.test(m[0])) continue;
      const v = decodeEntities(a[2] ?? a[3] ?? '');
      if (v) ids.add(v);
    }
  }
  return [...ids].sort();
}

function run(cmd: string, args: string[]): Promise<{ code: number; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, log }));
  });
}
