// Options: one plain object that every part of the core reads. It is made in one place from the
// defaults, the `.career-pages.jsonc` file (shared by the CLI and the editor) and, in the editor,
// the `careerPages.*` settings (see server/src/lsp/settings.ts).

import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch/posix';
import type { Severity } from './diagnostic';
import { OPTION_KEYS, OPTION_SPECS } from './optionSpecs';
import type { Span } from './text';

export type PageKind = 'career-page' | 'job-family' | 'page' | 'include';
export const PAGE_KINDS: PageKind[] = ['career-page', 'job-family', 'page', 'include'];

export type RuleSetting = Severity | 'off';

export interface Options {
  /** Severity per rule code; rules not named keep their default. */
  rules: Record<string, RuleSetting>;
  /** Folders (relative to the site root) where include paths resolve, in order. Hugo's is "assets". */
  includeRoots: string[];
  /** Which page kind (and so which schema) a file gets: globs relative to the site root, first kind that matches wins. */
  pageKinds: Record<Exclude<PageKind, 'page'>, string[]>;
  /** The include delimiter the site standardised on. */
  preferredDelimiter: '%' | '<';
  /** Files (globs relative to the site root) that are not checked. */
  ignore: string[];
  /** Shortcodes provided by the theme or modules, in addition to the site's layouts/shortcodes. */
  shortcodes: string[];
  /**
   * How relative links resolve: "file" from the folder of the page's file (what the handbook's link
   * render hook does, and what its pages rely on), "page" from the page's own URL (plain Hugo).
   */
  relativeLinks: 'file' | 'page';
  /** Regular expressions: links (path#fragment) that match are not checked, besides .hugolint.yaml's. */
  linkExclusions: string[];
  /** The Hugo environment whose config/<environment>/ folder is read (core/hugoConfig.ts). */
  hugoEnvironment: string;
}

/** The defaults (optionSpecs.ts declares each option once). */
export const DEFAULT_OPTIONS: Options = Object.fromEntries(OPTION_KEYS.map((k) => [k, OPTION_SPECS[k].default])) as unknown as Options;

/** The name of the configuration file, looked for from a file's folder up to the file-system root. */
export const CONFIG_FILE_NAME = '.career-pages.jsonc';

export interface ConfigFile {
  /** Partial options as written, paths still relative to the file's folder. */
  options: Partial<Options>;
  problems: { message: string; span: Span }[];
}

/** Parses a `.career-pages.jsonc` text. Structural validation against the JSON Schema is done by the caller. */
export function parseConfigText(text: string): { value: unknown; problems: { message: string; span: Span }[] } {
  const errors: ParseError[] = [];
  const value = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  const seen = new Set<number>();
  return {
    value,
    // One problem per place: the parser often reports two for one mistake (",," is "property name
    // expected" and "value expected" at once); the first says what to write.
    problems: errors
      .filter((e) => !seen.has(e.offset) && seen.add(e.offset))
      .map((e) => ({
        message: `Invalid JSON: ${JSON_ERRORS[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error)}. The file's settings are not used until it is fixed.`,
        span: { start: e.offset, end: e.offset + Math.max(1, e.length) },
      })),
  };
}

/** jsonc-parser's error codes, said in words. */
const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'this is not part of JSON',
  InvalidNumberFormat: 'this is not a valid number',
  PropertyNameExpected: 'a property name in double quotes is expected here',
  ValueExpected: 'a value is expected here',
  ColonExpected: 'a colon (:) is expected here',
  CommaExpected: 'a comma (,) is expected here',
  CloseBraceExpected: 'a closing brace (}) is missing',
  CloseBracketExpected: 'a closing bracket (]) is missing',
  EndOfFileExpected: 'nothing may follow the closing brace',
  InvalidCommentToken: 'this comment is not valid',
  UnexpectedEndOfComment: 'the comment is never closed (*/)',
  UnexpectedEndOfString: 'the string is never closed (")',
  UnexpectedEndOfNumber: 'the number ends too early',
  InvalidUnicode: 'this \\u escape is not valid',
  InvalidEscapeCharacter: 'this escape (\\) is not valid',
  InvalidCharacter: 'this character must be escaped in a string',
};

/** Merges layers of partial options over the defaults; later layers win, each option as its spec says (optionSpecs.ts). */
export function mergeOptions(...layers: (Partial<Options> | undefined)[]): Options {
  const out = structuredCopy(DEFAULT_OPTIONS);
  const target = out as unknown as Record<string, unknown>;
  for (const layer of layers) {
    if (!layer) continue;
    for (const key of OPTION_KEYS) {
      const value = layer[key] as unknown;
      if (value === undefined) continue;
      const was = target[key];
      switch (OPTION_SPECS[key].merge) {
        case 'replace':
          target[key] = Array.isArray(value) ? [...value] : value;
          break;
        case 'append':
          target[key] = [...(was as unknown[]), ...(value as unknown[])];
          break;
        case 'union':
          target[key] = [...new Set([...(was as unknown[]), ...(value as unknown[])])];
          break;
        case 'per-key':
          target[key] = { ...(was as object), ...(value as object) };
          break;
      }
    }
  }
  return out;
}

/** A copy deep enough that merging never changes the defaults (options hold lists and maps of lists). */
function structuredCopy(options: Options): Options {
  return JSON.parse(JSON.stringify(options)) as Options;
}

/**
 * Why a glob is refused, or undefined when it is fine. Globs become backtracking regular
 * expressions: three or more `*` in one path segment, many `**`, or a repeated extglob (`+(a|aa)`)
 * can take minutes on one long file name. Such globs are reported on the configuration file and
 * never compiled; no real site needs them.
 */
export function globProblem(glob: string): string | undefined {
  if (glob.length > 500) return 'it is longer than 500 characters';
  const segments = glob.split('/');
  if (segments.filter((s) => s === '**').length > 4) return 'it has more than four "**" segments';
  for (const seg of segments) {
    if (seg === '**') continue;
    if ((seg.replace(/\\./g, '').match(/\*/g) ?? []).length > 2) return `its segment "${seg}" has more than two "*" wildcards`;
  }
  if (/[+*]\(/.test(glob.replace(/\\./g, ''))) return 'it repeats an extglob ("+(...)" or "*(...)")';
  return undefined;
}

/** Only the globs that can be matched safely (see globProblem). */
function safeGlobs(globs: string[]): string[] {
  return globs.filter((g) => globProblem(g) === undefined);
}

/** Compiled glob matchers for one Options object. */
export class PathClassifier {
  private readonly kinds: [PageKind, (p: string) => boolean][];
  private readonly ignored: (p: string) => boolean;

  constructor(options: Options) {
    this.kinds = (Object.entries(options.pageKinds) as [PageKind, string[]][])
      .map(([kind, globs]) => [kind, safeGlobs(globs)] as const)
      .filter(([, globs]) => globs.length > 0)
      .map(([kind, globs]) => [kind, picomatch(globs, { dot: false })]);
    const ignore = safeGlobs(options.ignore);
    this.ignored = ignore.length ? picomatch(ignore, { dot: true }) : () => false;
  }

  /** Kind of a file given its path relative to the site root. Include roots make an include file too. */
  kindOf(relativePath: string, underIncludeRoot: boolean): PageKind {
    for (const [kind, match] of this.kinds) if (match(relativePath)) return kind;
    return underIncludeRoot ? 'include' : 'page';
  }

  isIgnored(relativePath: string): boolean {
    return this.ignored(relativePath);
  }
}
