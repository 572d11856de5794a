// The shortcodes a site can use: its own templates (layouts/shortcodes/, layouts/_shortcodes/, and
// the same under themes/*/), Hugo's built-in ones, and the configured list for shortcodes a theme
// module provides. A template that reads .Inner takes inner content, so its calls need a closing tag.

import type { Host } from './host';
import { relativePath } from './paths';

/** Shortcodes Hugo itself provides. */
export const HUGO_BUILT_IN = [
  'comment',
  'details',
  'figure',
  'gist',
  'highlight',
  'instagram',
  'param',
  'qr',
  'ref',
  'relref',
  'tweet',
  'twitter',
  'vimeo',
  'x',
  'youtube',
];

/** Configured shortcodes that take inner content (theme-provided, so without a template to read). */
export const DEFAULT_PAIRED = ['alert', 'details', 'panel', 'card', 'cardpane', 'note', 'pageinfo', 'tab', 'tabs', 'tabpane', 'blocks/cover', 'blocks/section'];

export interface ShortcodeInfo {
  name: string;
  /** Takes inner content (and so a closing tag). */
  paired: boolean;
  /** The template, when the site defines it. */
  template?: string;
}

export interface ShortcodeCatalog {
  /** True when the site has shortcode templates of its own: only then is an unknown name meaningful. */
  hasTemplates: boolean;
  byName: Map<string, ShortcodeInfo>;
}

export function buildShortcodeCatalog(host: Host, root: string, configured: string[]): ShortcodeCatalog {
  const byName = new Map<string, ShortcodeInfo>();
  for (const name of [...HUGO_BUILT_IN, ...configured]) byName.set(name, { name, paired: DEFAULT_PAIRED.includes(name) });
  const dirs = [`${root}/layouts/shortcodes`, `${root}/layouts/_shortcodes`];
  if (host.exists(`${root}/themes`) === 'directory') {
    for (const f of host.listFiles(`${root}/themes`)) {
      const m = /^(.*\/themes\/[^/]+\/layouts\/_?shortcodes)\//.exec(f);
      if (m && !dirs.includes(m[1])) dirs.push(m[1]);
    }
  }
  let hasTemplates = false;
  for (const dir of dirs) {
    if (host.exists(dir) !== 'directory') continue;
    for (const file of host.listFiles(dir)) {
      // name.html, name.md, name.en.html, name.html.html: the name is the path up to the first dot.
      const rel = relativePath(dir, file);
      const name = rel.replace(/\.[^/]*$/, '').replace(/\.[^/]*$/, '');
      if (!name) continue;
      hasTemplates = true;
      const content = host.readFile(file);
      const paired = content?.kind === 'text' && /\.Inner(Deindent)?\b/.test(content.text);
      const known = byName.get(name);
      byName.set(name, { name, paired: paired || (known?.paired ?? false), template: file });
    }
  }
  return { hasTemplates, byName };
}
