// The engine's public entry: what the language server (lsp/), the command line (cli/), the Node
// wiring (node/) and the extension (client/) may use of the core. Everything else in the core is its
// own business and may change without them noticing. The editor features have their own entry,
// core/features/index.ts, and the Markdown scanners alone core/markdown/index.ts (for the preview,
// which must stay light). `npm run lint` keeps other folders to these three.

export { Workspace, type LintResult, type WorkspaceOptions } from './workspace';
export { Site, findSiteRoot, isSiteRoot, LINK_CHECKER_CONFIG } from './site';
export { CONFIG_FILE_NAME, PAGE_KINDS, type Options, type PageKind, type RuleSetting } from './config';
export { configSchema, isEmptySetting, OPTION_KEYS, OPTION_SPECS, settingContributions } from './optionSpecs';
export {
  compareDiagnostics,
  internalError,
  INTERNAL_ERROR,
  PROJECT_URL,
  REPORT_URL,
  ruleDocUrl,
  type Diagnostic,
  type Fix,
  type RelatedLocation,
  type Severity,
} from './diagnostic';
export { describeUnreadable, isHiddenBelow, MAX_TEXT_BYTES, MemoryHost, OverlayHost, type FileContent, type Host, type TextOverlay } from './host';
export { basename, dirname, isInside, isMarkdownPath, joinPath, normalizePath, relativePath } from './paths';
export { RULES } from './rules';
export type { Rule } from './rules/rule';
export type { Position, Range } from './text';
export { LineIndex } from './text';
export { findingContext, findingKeys, type KnownContext } from './findingIdentity';
export { LintReads, pageFacet, readAnswer } from './lintReads';
export { resolveLinkTarget, type LinkTarget } from './linkTargets';
export { baseUrls } from './rules/crossPage';
export { sitePages } from './indexing';
export type { SummarySource } from './modelCache';
export type { IncludeResolution } from './site';
export {
  decodeSummaryParts,
  encodeSummaryParts,
  lazySummary,
  pageUrl,
  summarize,
  type HeadingSummary,
  type LinkSummary,
  type PageSummary,
  type SummaryFields,
  type SummaryParts,
} from './siteIndex';
export { LEVELS, type Level } from './model/ladder';
export { buildPageModel, sourceFile } from './model/pageModel';
export { splitFrontmatter } from './markdown/frontmatter';
export { scanShortcodes, type ShortcodeCall } from './markdown/shortcodes';
