// The Markdown scanners' public entry: Hugo's shortcode lexer and the front matter reader, with the
// positions they speak in. Pure and small, without the engine, for code that must stay light (the
// preview plugin, which also runs in a browser). The engine's entry is core/index.ts.

export { splitFrontmatter } from './frontmatter';
export { scanShortcodes, type ShortcodeCall } from './shortcodes';
export type { Position, Range, Span } from '../text';
