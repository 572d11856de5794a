// Every option, declared once: its default, how layers of options combine, its JSON Schema in
// `.career-pages.jsonc`, and its `careerPages.*` setting in VS Code. The config file's schema
// (schemas/career-pages-config.schema.json), the settings in package.json, the merge of layers
// (config.ts) and the reading of settings (lsp/settings.ts) are all derived from this table;
// test/unit/options.test.ts fails when a generated file disagrees with it (UPDATE_OPTIONS=1
// rewrites them).

import type { Options } from './config';

type Json = Record<string, unknown>;

export interface OptionSpec<K extends keyof Options = keyof Options> {
  default: Options[K];
  /**
   * How a later layer (the editor's settings over the config file over the defaults) combines with
   * what is there: `replace` it, `append` to it, add to it without repeats (`union`), or replace its
   * entries one key at a time (`per-key`).
   */
  merge: 'replace' | 'append' | 'union' | 'per-key';
  /** The value's schema in `.career-pages.jsonc`, with its description. */
  file: Json;
  /**
   * The `careerPages.<key>` setting: its schema (an enum setting adds "" for "use the file"), and its
   * Markdown description. An empty setting (no value, "", [] or {}) leaves the file's value in place.
   */
  setting: Json;
}

const stringList = { type: 'array', items: { type: 'string' } };
const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'hint', 'off'];

export const OPTION_SPECS: { [K in keyof Options]: OptionSpec<K> } = {
  rules: {
    default: {},
    merge: 'per-key',
    file: {
      type: 'object',
      description: 'Severity per rule code: "error", "warning", "info", "hint" or "off".',
      // propertyNames (the rule codes) is filled in from the rule registry: see configSchema().
      additionalProperties: { enum: SEVERITY_SETTINGS },
    },
    setting: {
      type: 'object',
      default: {},
      additionalProperties: { type: 'string', enum: SEVERITY_SETTINGS },
      markdownDescription:
        'Severity per rule code (`error`, `warning`, `info`, `hint` or `off`); wins over `.career-pages.jsonc`. Example: `{ "include-delimiter": "error" }`. See the rule list in the README.',
    },
  },
  includeRoots: {
    default: ['assets'],
    merge: 'replace',
    file: {
      type: 'array',
      description: 'Folders, relative to the site root, where include paths resolve, in order. Hugo resolves them under "assets".',
      items: { type: 'string', pattern: '^[^/]' },
      minItems: 1,
    },
    setting: {
      ...stringList,
      default: [],
      markdownDescription:
        "Folders, relative to the Hugo site root, where include paths resolve, in order. Empty: use `.career-pages.jsonc` or Hugo's `assets`.",
    },
  },
  pageKinds: {
    default: {
      'career-page': ['content/**/careers/matrix/**/!(_index).md'],
      'job-family': ['content/job-families/**/!(_index).md'],
      include: ['assets/includes/**/*.md'],
    },
    merge: 'per-key',
    file: {
      type: 'object',
      description:
        'Which schema a file is checked against: globs relative to the site root per page kind. Files that match none are plain handbook pages ("page").',
      additionalProperties: false,
      properties: {
        'career-page': { ...stringList, description: 'Career-framework pages (default: content/**/careers/matrix/**/!(_index).md).' },
        'job-family': { ...stringList, description: 'Job-family pages (default: content/job-families/**/!(_index).md).' },
        include: { ...stringList, description: 'Include files (default: assets/includes/**/*.md; any Markdown file under an include root is one too).' },
      },
    },
    setting: {
      type: 'object',
      default: {},
      properties: { 'career-page': stringList, 'job-family': stringList, include: stringList },
      additionalProperties: false,
      markdownDescription:
        'Globs (relative to the site root) that decide which schema a file is checked against, per page kind: `career-page`, `job-family`, `include`. Other files are plain pages.',
    },
  },
  preferredDelimiter: {
    default: '%',
    merge: 'replace',
    file: {
      enum: ['%', '<'],
      description:
        'The include delimiter the site uses: "%" for {{% include %}} (the handbook\'s standard, rendered as Markdown with the page) or "<" for {{< include >}}.',
    },
    setting: {
      type: 'string',
      enum: ['', '%', '<'],
      default: '',
      enumDescriptions: [
        "Use .career-pages.jsonc, or the handbook's {{% %}}",
        '{{% include %}}: the included Markdown renders with the page',
        '{{< include >}}',
      ],
      markdownDescription: "The include delimiter the site uses. Empty: `.career-pages.jsonc`, or `%` (the handbook's standard).",
    },
  },
  ignore: {
    default: [],
    merge: 'append',
    file: { ...stringList, description: 'Globs, relative to the site root, of files not to check.' },
    setting: {
      ...stringList,
      default: [],
      markdownDescription: 'Globs (relative to the site root) of files not to check, added to those of `.career-pages.jsonc`.',
    },
  },
  shortcodes: {
    default: [
      'include',
      'include-readme',
      'include-remote',
      'alert',
      'details',
      'panel',
      'card',
      'cardpane',
      'note',
      'youtube',
      'vimeo',
      'label',
      'pageinfo',
      'ref',
      'relref',
      'figure',
      'highlight',
      'tab',
      'tabs',
    ],
    merge: 'union',
    file: { ...stringList, description: "Shortcodes provided by the theme or modules (the site's own layouts/shortcodes are found automatically)." },
    setting: {
      ...stringList,
      default: [],
      markdownDescription: "Shortcodes the theme or modules provide, besides the site's `layouts/shortcodes/` (added to those of `.career-pages.jsonc`).",
    },
  },
  relativeLinks: {
    default: 'file',
    merge: 'replace',
    file: {
      enum: ['file', 'page'],
      description:
        'How relative links resolve when checking cross-page links: "file" from the folder of the page\'s Markdown file (the handbook\'s link render hook does this; default), "page" from the page\'s own URL (plain Hugo, as a browser resolves it).',
    },
    setting: {
      type: 'string',
      enum: ['', 'file', 'page'],
      default: '',
      enumDescriptions: [
        'Use .career-pages.jsonc, or "file"',
        "From the folder of the page's Markdown file (the handbook's link render hook)",
        "From the page's own URL (plain Hugo)",
      ],
      markdownDescription: "How relative links resolve when cross-page links are checked. Empty: `.career-pages.jsonc`, or `file` (the handbook's behaviour).",
    },
  },
  linkExclusions: {
    default: [],
    merge: 'append',
    file: {
      ...stringList,
      description:
        "Regular expressions (RE2 syntax: no backreferences or look-around; matched in time linear in the link); a cross-page link (path, and #fragment when it has one) that matches one is not checked. The site's .hugolint.yaml exclusions always apply too.",
    },
    setting: {
      ...stringList,
      default: [],
      markdownDescription:
        'Regular expressions (RE2 syntax) of cross-page links (path, and `#fragment` when it has one) not to check, added to those of `.career-pages.jsonc` and the site\'s `.hugolint.yaml`. Example: `["^/job-families/"]`.',
    },
  },
  hugoEnvironment: {
    default: 'production',
    merge: 'replace',
    file: {
      type: 'string',
      pattern: '^[^/\\\\.][^/\\\\]*$',
      description:
        'The Hugo environment whose config/<environment>/ folder is read over config/_default/ (Hugo\'s --environment). Default "production", what `hugo` builds and publishes (`hugo server` uses "development").',
    },
    setting: {
      type: 'string',
      default: '',
      markdownDescription:
        'The Hugo environment whose `config/<environment>/` folder is read over `config/_default/`. Empty: `.career-pages.jsonc`, or `production` (what `hugo` publishes; `hugo server` uses `development`).',
    },
  },
};

/** The settings of the extension itself, not options of the checks. */
export const EDITOR_SETTINGS: Record<string, Json> = {
  'careerPages.enable': {
    type: 'boolean',
    default: true,
    description: 'Check career-framework, job-family and other handbook pages. Turn off to silence the extension without uninstalling it.',
  },
  'careerPages.outline.includes': {
    type: 'boolean',
    default: false,
    markdownDescription:
      "Also show Career Pages' outline, with each include call and the headings it brings in, in the Outline view, the breadcrumbs and Go to Symbol. VS Code's built-in Markdown outline (the page's own headings) cannot be turned off, so with this on both show, each under its own name. Off, only the built-in's shows (Career Pages' shows anyway when the built-in Markdown Language Features extension is disabled). Takes effect at the next edit of a file.",
  },
  'careerPages.links.onMove': {
    type: 'string',
    enum: ['ask', 'update', 'alias'],
    default: 'ask',
    enumDescriptions: [
      'When links lead to a moved page, ask: update them, or add the old URL to its aliases',
      'Update every link to a moved page to its new URL',
      "Add the old URL to the moved page's front matter aliases (Hugo redirects it); links to its .md file are updated",
    ],
    markdownDescription:
      "What moving or renaming a content page (or a section folder) in the explorer does to the links that lead to it: `update` them to the new URL, add the old URL to the page's `aliases` (`alias`), or `ask` each time links lead to it. Either way the moved pages' own relative links are rewritten when the move changes what they resolve from.",
  },
  'careerPages.trace.server': {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    default: 'off',
    description: 'Log the messages between VS Code and the language server (Output panel: Handbook Career Pages).',
  },
};

export const OPTION_KEYS = Object.keys(OPTION_SPECS) as (keyof Options)[];

/** The JSON Schema of `.career-pages.jsonc`, given the rule codes. */
export function configSchema(ruleCodes: readonly string[]): Json {
  const properties: Json = { $schema: { type: 'string' } };
  for (const key of OPTION_KEYS) {
    const file = OPTION_SPECS[key].file;
    properties[key] =
      key === 'rules'
        ? {
            type: file.type,
            description: file.description,
            propertyNames: { enum: [...ruleCodes], 'x-message': 'Unknown rule code.' },
            additionalProperties: file.additionalProperties,
          }
        : file;
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://handbook-career-pages.dev/schemas/career-pages-config.schema.json',
    title: 'Handbook Career Pages configuration (.career-pages.jsonc)',
    description:
      'Shared by the career-lint CLI and the VS Code extension. Found by walking up from the checked file; paths and globs are relative to the Hugo site root.',
    type: 'object',
    additionalProperties: false,
    properties,
  };
}

/** package.json's `contributes.configuration.properties`: the editor's own settings, then one per option. */
export function settingContributions(): Json {
  const out: Json = { 'careerPages.enable': EDITOR_SETTINGS['careerPages.enable'] };
  for (const key of OPTION_KEYS) out[`careerPages.${key}`] = OPTION_SPECS[key].setting;
  out['careerPages.outline.includes'] = EDITOR_SETTINGS['careerPages.outline.includes'];
  out['careerPages.links.onMove'] = EDITOR_SETTINGS['careerPages.links.onMove'];
  out['careerPages.trace.server'] = EDITOR_SETTINGS['careerPages.trace.server'];
  return out;
}

/** True for a setting value that means "use the file's value": none, "", [] or {}. */
export function isEmptySetting(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value as object).length === 0;
}
