// Shared by the preview tests: the bundled example site in memory, and a markdown-it with the
// include preview plugin over it, configured like VS Code's preview (raw HTML allowed). The plugin's
// data comes from the core's previewModel() over the host, as the language server computes it, so
// these tests need no server.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import MarkdownIt from 'markdown-it';
import { includePreviewPlugin, type IncludePreviewOptions, type PreviewSource } from '../../client/src/preview/includePreview';
import type { Options } from '../../server/src/core/config';
import { previewModel } from '../../server/src/core/features/previewModel';
import { MemoryHost, type Host } from '../../server/src/core/host';
import { Workspace } from '../../server/src/core/workspace';

export const REPO = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const EXAMPLE_SITE = join(REPO, 'examples/handbook');
/** Where the example site sits in the in-memory file system. */
export const SITE = '/site';

/** Every file of examples/handbook, under /site. */
export function exampleSiteFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[`${SITE}/${relative(EXAMPLE_SITE, p)}`] = readFileSync(p, 'utf8');
    }
  };
  walk(EXAMPLE_SITE);
  return files;
}

export function exampleHost(extra: Record<string, string> = {}): MemoryHost {
  return new MemoryHost({ ...exampleSiteFiles(), ...extra });
}

export interface TestPreviewOptions {
  /** The document's path from markdown-it's env; default env.careerPagesPath. */
  documentPath?: (env: Record<string, unknown>) => string | undefined;
  /** Settings, as the editor's careerPages.* settings reach the language server. */
  settings?: Partial<Options>;
  fileLink?: IncludePreviewOptions['fileLink'];
}

/**
 * The plugin's data as the language server would send it: the core's previewModel() of the text
 * being rendered, with a workspace over the host made for each render (files changed in the host
 * show at the next render).
 */
export function engineSource(host: Host | (() => Host), options: TestPreviewOptions = {}): IncludePreviewOptions['source'] {
  const documentPath = options.documentPath ?? ((env) => (typeof env.careerPagesPath === 'string' ? env.careerPagesPath : undefined));
  return (env, text): PreviewSource => {
    const path = documentPath(env);
    if (!path) return { inSite: false };
    return previewModel(new Workspace(typeof host === 'function' ? host() : host, { settings: options.settings }), path, text);
  };
}

export function previewMarkdownIt(host: Host | (() => Host), options: TestPreviewOptions = {}): MarkdownIt {
  const md = new MarkdownIt({ html: true });
  includePreviewPlugin(md, { source: engineSource(host, options), fileLink: options.fileLink });
  return md;
}

/** Renders a file of the host (or `text` as that file) the way the preview does. */
export function renderPage(md: MarkdownIt, host: MemoryHost, path: string, text?: string): string {
  const content = text ?? host.readFile(path);
  const src = typeof content === 'string' ? content : content?.kind === 'text' ? content.text : undefined;
  if (src === undefined) throw new Error(`no text for ${path}`);
  return md.render(src, { careerPagesPath: path });
}

export const SENIOR = `${SITE}/content/handbook/engineering/careers/matrix/quality/engineering-productivity/senior.md`;
export const INTERMEDIATE = `${SITE}/content/handbook/engineering/careers/matrix/quality/engineering-productivity/intermediate.md`;
export const JOB_FAMILY = `${SITE}/content/job-families/engineering/infrastructure/engineering-productivity-manager.md`;

/**
 * A markdown-it set up as VS Code's Markdown preview sets up its own after loading the extensions'
 * plugins (MarkdownItEngine in extensions/markdown-language-features/src/markdownEngine.ts of
 * microsoft/vscode), in short: linkify on, links to vscode: and data:image/...; URLs accepted,
 * `data-href` on links and `data-src` on images, `data-line`/`code-line`/`dir` on every block and a
 * marker before each HTML block. Our plugin runs first, as it does there.
 */
export function vscodeLikeMarkdownIt(host: Host | (() => Host)): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true });
  md.linkify.set({ fuzzyLink: false });
  includePreviewPlugin(md, { source: engineSource(host) });
  const validateLink = md.validateLink;
  md.validateLink = (url) => validateLink(url) || /^vscode(-insiders)?:/i.test(url) || /^data:image\/.*?;/.test(url);
  const rules = md.renderer.rules;
  const image = rules.image!;
  rules.image = (tokens, idx, opts, env, self) => {
    const src = tokens[idx].attrGet('src');
    if (src && !tokens[idx].attrGet('data-src')) tokens[idx].attrSet('data-src', src);
    return image(tokens, idx, opts, env, self);
  };
  const linkOpen = rules.link_open;
  rules.link_open = (tokens, idx, opts, env, self) => {
    const href = tokens[idx].attrGet('href');
    if (typeof href === 'string') tokens[idx].attrSet('data-href', href);
    return linkOpen ? linkOpen(tokens, idx, opts, env, self) : self.renderToken(tokens, idx, opts);
  };
  md.core.ruler.push('source_map_data_attribute', (state) => {
    for (const t of state.tokens) {
      if (!t.map || t.type === 'inline') continue;
      t.attrSet('data-line', String(t.map[0]));
      t.attrJoin('class', 'code-line');
      t.attrJoin('dir', 'auto');
    }
  });
  const htmlBlock = rules.html_block!;
  rules.html_block = (tokens, idx, opts, env, self) => `<div ${self.renderAttrs(tokens[idx])} ></div>\n` + htmlBlock(tokens, idx, opts, env, self);
  return md;
}
