// A throw-away Hugo site for using Hugo as the oracle: it takes pages (under content/) and include
// files (under assets/), adds the handbook's rendering settings, an include shortcode that behaves
// like the handbook's and stubs for every other shortcode the pages call, runs `hugo` once and hands
// back, per page, the rendered HTML, its headings (level and id, straight from Goldmark) and the
// build errors with file:line.

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/** `hugo version` output, or undefined when Hugo is not on PATH. */
export function hugoVersion(): string | undefined {
  const r = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export interface HugoSiteInput {
  /** content-relative path → page text. */
  pages?: Record<string, string>;
  /** assets-relative path → include file text. */
  assets?: Record<string, string>;
  /** Folders copied as they are: absolute source → path relative to the site root. */
  copy?: { from: string; to: string }[];
  /** layouts-relative path → template, written over the defaults (e.g. another `shortcodes/include.html`). */
  layouts?: Record<string, string>;
}

export interface HugoHeading {
  level: number;
  /** The id Goldmark gave the heading (its custom `{#id}` or the automatic one), entities decoded. */
  id: string;
}

export interface RenderedPage {
  /** The page's `.Content`. */
  html: string;
  /** Markdown headings in document order (raw HTML `<hN>` tags in the page are not among them). */
  headings: HugoHeading[];
  /** Where Hugo published it (`.RelPermalink`, entities decoded). */
  url: string;
  /** Its `aliases`, as Hugo normalised them. */
  aliases: string[];
}

export interface HugoError {
  /** content-relative path of the page, when Hugo named one. */
  page?: string;
  line?: number;
  column?: number;
  message: string;
}

export interface HugoBuild {
  exitCode: number;
  seconds: number;
  log: string;
  errors: HugoError[];
  /** content-relative path → what Hugo rendered (absent when the build failed or the page has no output). */
  pages: Map<string, RenderedPage>;
  /** URLs of the pages Hugo rendered without a content file (the home page, a section without an _index.md). */
  unsourced: string[];
}

export interface ShortcodeUse {
  /** Names that appear with a closing tag somewhere: their stub outputs `.Inner`. */
  paired: Set<string>;
  /** Every name called. */
  all: Set<string>;
}

// `{{< name`, `{{% /name`, ...; the escaped `{{</* name */>}}` form never matches (no name after `/*`).
const SHORTCODE_CALL = /\{\{([<%])-?\s*(\/)?\s*([A-Za-z0-9_][A-Za-z0-9_./-]*)/g;

/** The shortcode names pages call, found with a plain scan independent of the core's scanner. */
export function shortcodeUse(texts: Iterable<string>): ShortcodeUse {
  const use: ShortcodeUse = { paired: new Set(), all: new Set() };
  for (const text of texts) {
    for (const m of text.matchAll(SHORTCODE_CALL)) {
      use.all.add(m[3]);
      if (m[2]) use.paired.add(m[3]);
    }
  }
  return use;
}

const HUGO_TOML = `# The handbook's settings that change how a page renders (see examples/handbook/hugo.toml).
baseURL = "https://handbook.example.org/"
title = "Hugo oracle"
enableEmoji = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "404"]
disableAliases = true

[markup.goldmark.parser.attribute]
block = true

[markup.goldmark.renderer]
unsafe = true

[markup.tableOfContents]
startLevel = 2
endLevel = 4
`;

// Every page, section or not, is wrapped so that its output file names its source, its URL and its aliases.
const PAGE_LAYOUT =
  '<oracle-page data-source="{{ with .File }}{{ .Path }}{{ end }}" data-url="{{ .RelPermalink }}" data-aliases="{{ delimit .Aliases " " }}">{{ .Content }}</oracle-page>\n';

// A heading hook that writes Goldmark's own id (.Anchor) and marks the element as a Markdown heading.
const HEADING_HOOK = '<h{{ .Level }} id="{{ .Anchor }}" data-oracle-heading>{{ .Text | safeHTML }}</h{{ .Level }}>\n';

// Like the handbook's include: the file under assets/ as it is (with {{% %}} the page renders it as
// Markdown), and a failed build, naming the page and line, when there is no such file.
const INCLUDE_SHORTCODE = `{{- $path := .Get 0 -}}
{{- with resources.Get $path -}}
{{- .Content | safeHTML -}}
{{- else -}}
{{- errorf "include: %q not found under assets/ (%s)" $path $.Position -}}
{{- end -}}
`;

export class HugoSite {
  readonly root: string;
  private readonly texts: string[] = [];
  private readonly layouts: Record<string, string> = {};

  constructor(input: HugoSiteInput = {}) {
    this.root = mkdtempSync(join(tmpdir(), 'hugo-oracle-'));
    mkdirSync(join(this.root, 'content'));
    mkdirSync(join(this.root, 'assets'));
    this.add(input);
  }

  get contentDir(): string {
    return join(this.root, 'content');
  }

  /** Absolute path of a content-relative page. */
  pagePath(page: string): string {
    return join(this.root, 'content', page);
  }

  add(input: HugoSiteInput): void {
    for (const [path, text] of Object.entries(input.pages ?? {})) {
      this.write(join('content', path), text);
      this.texts.push(text);
    }
    for (const [path, text] of Object.entries(input.assets ?? {})) this.write(join('assets', path), text);
    for (const { from, to } of input.copy ?? []) cpSync(from, join(this.root, to), { recursive: true });
    Object.assign(this.layouts, input.layouts);
  }

  private write(relativePath: string, text: string): void {
    const abs = join(this.root, relativePath);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }

  /** Writes the config, layouts and shortcodes for the pages added so far, runs Hugo and reads its output. */
  async build(): Promise<HugoBuild> {
    this.writeLayouts();
    const started = Date.now();
    rmSync(join(this.root, 'public'), { recursive: true, force: true });
    const { code, log } = await run('hugo', [
      '--source',
      this.root,
      '--destination',
      join(this.root, 'public'),
      '--cacheDir',
      join(this.root, '.cache'),
      '--buildDrafts',
      '--buildFuture',
      '--buildExpired',
      '--noBuildLock',
    ]);
    const seconds = (Date.now() - started) / 1000;
    const unsourced: string[] = [];
    const pages = code === 0 ? this.readOutput(unsourced) : new Map<string, RenderedPage>();
    return { exitCode: code, seconds, log, errors: parseErrors(log, this.contentDir), pages, unsourced };
  }

  private writeLayouts(): void {
    this.write('hugo.toml', HUGO_TOML);
    this.write('layouts/_default/single.html', PAGE_LAYOUT);
    this.write('layouts/_default/list.html', PAGE_LAYOUT);
    this.write('layouts/index.html', PAGE_LAYOUT);
    this.write('layouts/_default/_markup/render-heading.html', HEADING_HOOK);
    const use = shortcodeUse(this.texts);
    for (const name of use.all) {
      if (name === 'include') continue;
      // A template that mentions .Inner makes Hugo require a closing tag, one that does not forbids it.
      this.write(`layouts/shortcodes/${name}.html`, use.paired.has(name) ? '{{- .Inner -}}' : '');
    }
    this.write('layouts/shortcodes/include.html', INCLUDE_SHORTCODE);
    for (const [path, text] of Object.entries(this.layouts)) this.write(join('layouts', path), text);
  }

  private readOutput(unsourced: string[]): Map<string, RenderedPage> {
    const pages = new Map<string, RenderedPage>();
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.html')) {
          const m = /^<oracle-page data-source="([^"]*)" data-url="([^"]*)" data-aliases="([^"]*)">([\s\S]*)<\/oracle-page>\s*$/.exec(readFileSync(p, 'utf8'));
          if (m?.[1]) {
            const source = decodeEntities(m[1]);
            const aliases = decodeEntities(m[3]).split(' ').filter(Boolean);
            pages.set(source, { html: m[4], headings: markdownHeadings(m[4]), url: decodeEntities(m[2]), aliases });
          } else if (m) unsourced.push(decodeEntities(m[2]));
        }
      }
    };
    walk(join(this.root, 'public'));
    return pages;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** The Markdown headings of rendered HTML (those the heading hook wrote), in order. */
export function markdownHeadings(html: string): HugoHeading[] {
  const out: HugoHeading[] = [];
  for (const m of html.matchAll(/<h([1-6]) id="([^"]*)" data-oracle-heading>/g)) {
    out.push({ level: Number(m[1]), id: decodeEntities(m[2]) });
  }
  return out;
}

/** Every `<hN>` element of rendered HTML with its id attribute ('' when it has none), in order. */
export function allHeadingElements(html: string): HugoHeading[] {
  const out: HugoHeading[] = [];
  for (const m of html.matchAll(/<h([1-6])(\s[^>]*)?>/gi)) {
    const id = /\sid\s*=\s*"([^"]*)"/i.exec(m[2] ?? '')?.[1] ?? /\sid\s*=\s*'([^']*)'/i.exec(m[2] ?? '')?.[1] ?? '';
    out.push({ level: Number(m[1]), id: decodeEntities(id) });
  }
  return out;
}

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[lower];
  });
}

/** Hugo's ERROR lines and its final "Error:" line, with the page and position they name. */
export function parseErrors(log: string, contentDir: string): HugoError[] {
  const errors: HugoError[] = [];
  for (const line of log.split('\n')) {
    if (!/^(ERROR\b|Error:)/.test(line)) continue;
    if (/^Error: Error building site: logged \d+ error/.test(line)) continue;
    const at = /"?(\/[^"\s]*?):(\d+):(\d+)"?/.exec(line.slice(line.indexOf(contentDir)));
    const error: HugoError = { message: line };
    if (line.includes(contentDir) && at) {
      error.page = relative(contentDir, at[1]);
      error.line = Number(at[2]);
      error.column = Number(at[3]);
    }
    errors.push(error);
  }
  return errors;
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
