// What the editor's status bar shows for a file: its page kind (and so the schema it is checked
// against), where that kind comes from, and how to make a session choice permanent in
// `.career-pages.jsonc`. The session choice itself is Workspace.setKindOverride.

import { siteIdSettings } from './idSettings';
import picomatch from 'picomatch/posix';
import { CONFIG_FILE_NAME, mergeOptions, PathClassifier, type Options, type PageKind } from '../config';
import type { Site, Workspace } from '../workspace';
import { isMarkdownPath } from '../workspace';

/** How each page kind is called in the editor. */
const KIND_LABELS: Record<PageKind, string> = {
  'career-page': 'Career page',
  'job-family': 'Job-family page',
  page: 'Page',
  include: 'Include file',
};

/** A page kind's name as the editor shows it (status bar, preview, quick pick). */
export function kindLabel(kind: PageKind): string {
  return KIND_LABELS[kind];
}

/** The JSON Schema (under schemas/) each page kind is checked against. */
export const KIND_SCHEMAS: Record<PageKind, string> = {
  'career-page': 'career-page.schema.json',
  'job-family': 'job-family.schema.json',
  page: 'page.schema.json',
  include: 'include.schema.json',
};

/** The kinds `pageKinds` globs decide, in the order the classifier tries them. */
const KINDS_WITH_GLOBS: Exclude<PageKind, 'page'>[] = ['career-page', 'job-family', 'include'];

export type KindSource =
  /** Chosen for this file in the editor, for this session. */
  | 'session'
  /** A `pageKinds` glob matched (the defaults or the configuration). */
  | 'pageKinds'
  /** No glob matched: a file under an include root is an include file, anything else a page. */
  | 'default';

export interface PageInfo {
  file: string;
  siteRoot: string;
  /** The file's path relative to the site root (what pageKinds globs match). */
  relativePath: string;
  /** False when the file is not checked: outside content/ and the include roots, or ignored. */
  checked: boolean;
  /** Why it is not checked. */
  reason?: string;
  kind: PageKind;
  label: string;
  schema: string;
  source: KindSource;
  /** The glob that gave the kind (source 'pageKinds'). */
  glob?: string;
  /** The kind the configuration gives, when a session choice differs from it. */
  configuredKind: PageKind;
  /** The configuration file that applies, if there is one. */
  configFile?: string;
  /** The site's Hugo settings that shape heading ids, each with where it comes from (features/idSettings.ts). */
  idSettings: string[];
}

/** The kind information of a Markdown file inside a Hugo site; undefined elsewhere. */
export function pageInfo(workspace: Workspace, file: string): PageInfo | undefined {
  if (!isMarkdownPath(file)) return undefined;
  const site = workspace.siteFor(file);
  if (!site) return undefined;
  const relative = site.relative(file);
  const override = workspace.kindOverride(file);
  const configuredKind = site.configuredKindOf(file);
  const kind = override ?? configuredKind;
  const glob = matchingGlob(site.options, relative, configuredKind);
  let reason: string | undefined;
  if (!site.isPageOrInclude(file)) reason = 'Hugo renders only Markdown under content/; include files come from the include folders.';
  else if (site.classifier.isIgnored(relative))
    reason = `Ignored by the configuration (ignore globs${site.config ? ` in ${site.label(site.config.path)}` : ''}).`;
  return {
    file,
    siteRoot: site.root,
    relativePath: relative,
    checked: reason === undefined,
    reason,
    kind,
    label: kindLabel(kind),
    schema: KIND_SCHEMAS[kind],
    source: override ? 'session' : glob ? 'pageKinds' : 'default',
    glob,
    configuredKind,
    configFile: site.config?.path,
    idSettings: siteIdSettings(site),
  };
}

/** The first `pageKinds` glob of `kind` that matches the file (relative to the site root). */
function matchingGlob(options: Options, relative: string, kind: PageKind): string | undefined {
  if (kind === 'page') return undefined;
  return (options.pageKinds[kind] ?? []).find((g) => picomatch(g, { dot: false })(relative));
}

export interface PermanentKindAdvice {
  /** Where to write it: the configuration file that applies, or a new one at the site root. */
  configFile: string;
  exists: boolean;
  /** The `pageKinds` entry to write (JSON), or undefined when adding a glob cannot express the choice. */
  snippet?: string;
  /** What to do, in one or two sentences. */
  explanation: string;
}

/**
 * How to give a file a kind for good. A `pageKinds` entry replaces that kind's default globs, so the
 * advice repeats the globs in force and adds the file's path. Kinds are tried in the order
 * career-page, job-family, include: when a glob of an earlier kind matches the file, adding one
 * cannot help, and the advice names the glob to narrow. Checked with the linter's own classifier.
 */
export function permanentKindAdvice(site: Site, file: string, kind: PageKind): PermanentKindAdvice {
  const relative = site.relative(file);
  const configFile = site.config?.path ?? `${site.root}/${CONFIG_FILE_NAME}`;
  const exists = !!site.config;
  const configured = site.configuredKindOf(file);
  const name = kindLabel(kind).toLowerCase();
  if (configured === kind) {
    return { configFile, exists, explanation: `The configuration already makes ${relative} a ${name}: go back to the configured kind.` };
  }
  const earlierKinds = kind === 'page' ? KINDS_WITH_GLOBS : KINDS_WITH_GLOBS.slice(0, KINDS_WITH_GLOBS.indexOf(kind));
  for (const earlier of earlierKinds) {
    const blocking = matchingGlob(site.options, relative, earlier);
    if (blocking) {
      return {
        configFile,
        exists,
        explanation: `The ${earlier} glob "${blocking}" in pageKinds matches ${relative}${kind === 'page' ? '' : ` and comes before ${kind}`}; narrow it in ${CONFIG_FILE_NAME} so that it no longer matches this file${kind === 'page' ? ', and the file becomes a plain page' : ''}.`,
      };
    }
  }
  if (kind === 'page') {
    return {
      configFile,
      exists,
      explanation: `${relative} is an include file because it lies under an include folder (includeRoots); pages live under content/.`,
    };
  }
  const pageKinds = { [kind]: [...site.options.pageKinds[kind], relative] } as Partial<Options['pageKinds']>;
  const works =
    new PathClassifier(mergeOptions(site.options, { pageKinds: pageKinds as Options['pageKinds'] })).kindOf(relative, site.isUnderIncludeRoot(file)) === kind;
  return {
    configFile,
    exists,
    snippet: works ? JSON.stringify({ pageKinds }, null, 2) : undefined,
    explanation: works
      ? `Add this pageKinds entry to ${CONFIG_FILE_NAME}; an entry replaces the kind's default globs, so the ones in force are repeated before this file's path.`
      : `No pageKinds entry makes ${relative} a ${name} without changing other files; edit the pageKinds globs in ${CONFIG_FILE_NAME} by hand.`,
  };
}
