// The site's own Hugo configuration, read as Hugo 0.111 reads it (each step checked with `hugo
// config` and builds, see test/hugo/siteConfig.test.ts):
//   1. the first of hugo.toml, hugo.yaml, hugo.yml, hugo.json, config.toml, config.yaml, config.yml,
//      config.json at the site root (only that one: a second is not read);
//   2. then every .toml/.yaml/.yml/.json file directly in config/_default/, in name order, and then
//      those of config/<environment>/, each merged over what is there (maps key by key, anything else
//      replaced), so the folder wins over the root file and the environment over _default. A file
//      named config.* or hugo.* is the root; any other is the key it is named for (params.toml is
//      `params`, markup.toml `markup`), and with a language (`params.fr.toml`, `menus.en.toml`) it
//      goes under `languages.<lang>` (params and menus keep their key there).
// Keys are case-insensitive: everything is kept lower-cased. A file that does not parse is a
// diagnostic on it, where the parser stopped; what the other files say still counts. A value of the
// wrong type for a key we honour is one too, at the value, and Hugo's default is used.
//
// A folder that is a site only because it has content/ and assets/ (a handbook snapshot without its
// config/) has no configuration at all, and Hugo refuses to build it ("Unable to locate config file
// or config directory"). There the handbook's settings are assumed (HANDBOOK_DEFAULTS): emoji on,
// raw HTML kept, block attributes on.

import { type ParseError, parseTree, printParseErrorCode, type Node as JsonNode } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from './diagnostic';
import { describeUnreadable, type Host } from './host';
import { basename, dirname, isInside, joinPath, normalizePath, relativePath } from './paths';
import { tomlError } from './markdown/frontmatterData';
import { LineIndex, nextLineBreak, type Span } from './text';

/** The root configuration file names, in the order Hugo 0.111 looks for them. */
export const ROOT_CONFIG_FILES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];
const CONFIG_EXTENSION = /\.(toml|ya?ml|json)$/i;

/** The environment whose config/<environment>/ folder is read when none is chosen: what `hugo` builds. */
export const DEFAULT_ENVIRONMENT = 'production';

export type AutoHeadingIdType = 'github' | 'github-ascii' | 'blackfriday';

/** A setting's value and where it came from. */
export interface Sourced<T> {
  value: T;
  /** The key as Hugo documents it (`markup.goldmark.parser.autoHeadingIDType`). */
  key: string;
  /** The configuration file that set it; undefined for Hugo's default (or the handbook's, see `assumed`). */
  file?: string;
}

/** What changes how Goldmark renders a page's Markdown (and so its ids). */
export interface MarkupSettings {
  enableEmoji: Sourced<boolean>;
  autoHeadingID: Sourced<boolean>;
  autoHeadingIDType: Sourced<AutoHeadingIdType>;
  /** `{#id}` at the end of a heading (Goldmark's attribute.title). */
  attributeTitle: Sourced<boolean>;
  /** `{#id .class}` on the line below a paragraph, list, table or quote (Hugo's attribute.block). */
  attributeBlock: Sourced<boolean>;
  /** Raw HTML kept (true) or dropped with its ids (false). */
  unsafe: Sourced<boolean>;
}

export interface ContentRoot {
  /** Absolute folder. */
  dir: string;
  /** The language its pages are in (undefined: the default language, or a `.lang.md` file name's). */
  lang?: string;
  /** Where in content/ it is mounted ('' for the top, `docs` for a mount with target content/docs). */
  prefix: string;
}

export interface UrlSettings {
  uglyURLs: Sourced<boolean>;
  /** Top-level section → permalink pattern (`/:year/:title/`), lower-cased sections. */
  permalinks: Sourced<Record<string, string>>;
  defaultContentLanguage: Sourced<string>;
  defaultContentLanguageInSubdir: Sourced<boolean>;
  /** Configured language codes (lower case); empty for a one-language site. */
  languages: string[];
}

export interface HugoSettings extends MarkupSettings, UrlSettings {
  /** Absolute folders that make up assets/, in look-up order (assetDir, or module mounts with target assets, the last mount first). */
  assetDirs: Sourced<string[]>;
  /** Absolute content folders: contentDir, per-language contentDir, or module mounts with target content. */
  contentRoots: Sourced<ContentRoot[]>;
}

export interface HugoConfig {
  root: string;
  environment: string;
  /** The files read, in merge order (later wins). */
  files: string[];
  /** True when the site has any configuration file (without one, the handbook's settings are assumed). */
  found: boolean;
  /** Problems per file: files that do not parse, values of the wrong type. */
  diagnostics: Diagnostic[];
  settings: HugoSettings;
}

/** True for a path that can be part of a site's Hugo configuration (a root file or a file under config/). */
export function isHugoConfigPath(root: string, path: string): boolean {
  if (dirname(path) === root) return ROOT_CONFIG_FILES.includes(basename(path));
  return isInside(`${root}/config`, path) && CONFIG_EXTENSION.test(path) && dirname(dirname(path)) === `${root}/config`;
}

/** The handbook's settings, for a site without any configuration (see the top of this file). */
const HANDBOOK_DEFAULTS: Record<string, unknown> = {
  enableemoji: true,
  markup: { goldmark: { parser: { attribute: { block: true } }, renderer: { unsafe: true } } },
};

type Tree = Record<string, unknown>;

interface ParsedFile {
  path: string;
  value?: Tree;
  /** Where a (lower-cased) key path's value is written, when the parser can say. */
  locate(keys: string[]): Span | undefined;
  lines: LineIndex;
}

/** Reads the configuration of the site at `root` for `environment`. Never throws: problems are diagnostics. */
export function loadHugoConfig(host: Host, root: string, environment = DEFAULT_ENVIRONMENT): HugoConfig {
  const diagnostics: Diagnostic[] = [];
  const parsed: ParsedFile[] = [];
  const rootFile = ROOT_CONFIG_FILES.map((f) => `${root}/${f}`).find((f) => host.exists(f) === 'file');
  const read = (path: string, keyPath: string[]) => {
    const file = parseConfigFile(host, path, diagnostics);
    if (!file) return;
    if (file.value && keyPath.length) {
      let wrapped: Tree = file.value;
      for (let i = keyPath.length - 1; i >= 0; i--) wrapped = { [keyPath[i]]: wrapped };
      file.value = wrapped;
      const inner = file.locate;
      file.locate = (keys) => (keys.slice(0, keyPath.length).join('.') === keyPath.join('.') ? inner(keys.slice(keyPath.length)) : undefined);
    }
    parsed.push(file);
  };
  if (rootFile) read(rootFile, []);
  const dirs = [`${root}/config/_default`];
  if (environment && environment !== '_default') dirs.push(`${root}/config/${environment}`);
  for (const dir of dirs) {
    if (host.exists(dir) !== 'directory') continue;
    const files = host
      .listFiles(dir)
      .filter((f) => dirname(f) === dir && CONFIG_EXTENSION.test(f) && !basename(f).startsWith('.'))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const f of files) read(f, keyPathOf(basename(f)));
  }
  const found = parsed.length > 0 || host.exists(`${root}/config`) === 'directory';
  const merged = new MergedConfig();
  if (!found) merged.set(HANDBOOK_DEFAULTS, undefined);
  for (const f of parsed) if (f.value) merged.set(f.value, f);
  const settings = readSettings(merged, root, diagnostics);
  return { root, environment, files: parsed.map((f) => f.path), found, diagnostics, settings };
}

/** Where a config/<dir>/ file's content goes (Hugo's loadConfigFromConfigDir). */
function keyPathOf(fileName: string): string[] {
  const name = fileName.replace(CONFIG_EXTENSION, '');
  if (name === 'config' || name === 'hugo') return [];
  const dot = name.lastIndexOf('.');
  if (dot < 0) return [name.toLowerCase()];
  const key = name.slice(0, dot).toLowerCase();
  const lang = name.slice(dot + 1).toLowerCase();
  const path = ['languages', lang];
  if (key === 'menu' || key === 'menus') path.push('menus');
  else if (key === 'params') path.push('params');
  return path;
}

// ---- parsing -------------------------------------------------------------------------------------

function configProblem(file: string, lines: LineIndex, span: Span, message: string): Diagnostic {
  return { file, code: 'hugo-config', severity: 'error', message, range: lines.spanRange(span) };
}

function parseConfigFile(host: Host, path: string, diagnostics: Diagnostic[]): ParsedFile | undefined {
  const content = host.readFile(path);
  if (!content) return undefined;
  if (content.kind !== 'text') {
    diagnostics.push({
      file: path,
      code: 'hugo-config',
      severity: 'error',
      message: `Hugo's configuration file is not read: ${describeUnreadable(content, 'text')}.`,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    });
    return undefined;
  }
  const text = content.text.replace(/^\uFEFF/, '');
  const bom = content.text.length - text.length;
  const lines = new LineIndex(content.text);
  const shift = (s: Span): Span => ({ start: s.start + bom, end: s.end + bom });
  const fail = (span: Span, what: string) => {
    diagnostics.push(
      configProblem(path, lines, shift(span), `${what} Hugo stops with "failed to load config"; until it is fixed, this file's settings are not used.`),
    );
  };
  const notAMap = () =>
    fail({ start: 0, end: Math.min(text.length, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')) }, 'This is not a map of settings.');
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  if (ext === 'toml') {
    let value: unknown;
    try {
      value = parseToml(text);
    } catch (e) {
      const { at, message } = tomlError(text, e);
      fail({ start: at, end: Math.max(at, Math.min(nextLineBreak(text, at), at + 1)) }, `Invalid TOML: ${message}.`);
      return { path, lines, locate: () => undefined };
    }
    return { path, lines, value: lowerKeys(value) as Tree, locate: (keys) => tomlLocate(text, keys, bom) };
  }
  if (ext === 'json') {
    const errors: ParseError[] = [];
    const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    if (errors.length) {
      const e = errors[0];
      fail({ start: e.offset, end: e.offset + Math.max(1, e.length) }, `Invalid JSON: ${printParseErrorCode(e.error)}.`);
      return { path, lines, locate: () => undefined };
    }
    if (tree?.type !== 'object') {
      if (text.trim()) notAMap();
      return { path, lines, locate: () => undefined };
    }
    return { path, lines, value: lowerKeys(jsonValue(tree)) as Tree, locate: (keys) => jsonLocate(tree, keys, bom) };
  }
  // YAML, as Hugo 0.111's YAML 1.1 reader takes it (yes/no are booleans). Integers are kept apart
  // from floats (as bigint): Go reads them as int, which cast.ToBool takes, and floats as float64,
  // which it does not (see castBool).
  const doc = parseDocument(text, { version: '1.1', uniqueKeys: false, prettyErrors: false, intAsBigInt: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    fail({ start: e.pos[0], end: Math.max(e.pos[1], e.pos[0] + 1) }, `Invalid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}.`);
    return { path, lines, locate: () => undefined };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    fail({ start: 0, end: 0 }, `Invalid YAML: ${(e as Error).message}.`);
    return { path, lines, locate: () => undefined };
  }
  if (value === null || value === undefined) return { path, lines, value: {}, locate: () => undefined };
  if (!isPlainObject(value)) {
    notAMap();
    return { path, lines, locate: () => undefined };
  }
  return { path, lines, value: lowerKeys(value) as Tree, locate: (keys) => yamlLocate(doc.contents, keys, bom) };
}

function isPlainObject(v: unknown): v is Tree {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Every map key lower-cased (Hugo's config is case-insensitive), lists and values kept. */
function lowerKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(lowerKeys);
  if (!isPlainObject(v)) return v;
  const out: Tree = {};
  for (const [k, x] of Object.entries(v)) out[k.toLowerCase()] = lowerKeys(x);
  return out;
}

function jsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Tree = {};
      for (const p of node.children ?? []) if (p.children?.[0] && p.children[1]) out[String(p.children[0].value)] = jsonValue(p.children[1]);
      return out;
    }
    case 'array':
      return (node.children ?? []).map(jsonValue);
    default:
      return node.value;
  }
}

function jsonLocate(tree: JsonNode, keys: string[], bom: number): Span | undefined {
  let node: JsonNode | undefined = tree;
  for (const k of keys) {
    if (node?.type !== 'object') return undefined;
    const prop: JsonNode | undefined = node.children?.find((p) => String(p.children?.[0]?.value).toLowerCase() === k);
    node = prop?.children?.[1];
  }
  if (!node || node === tree) return undefined;
  return { start: node.offset + bom, end: node.offset + node.length + bom };
}

function yamlLocate(contents: unknown, keys: string[], bom: number): Span | undefined {
  let node = contents as YamlNode | null | undefined;
  for (const k of keys) {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value).toLowerCase() === k);
    node = pair?.value as YamlNode | null | undefined;
  }
  if (!node || !(isScalar(node) || isMap(node) || isSeq(node)) || !node.range) return undefined;
  return { start: node.range[0] + bom, end: node.range[1] + bom };
}

/**
 * Where a key's value is written in a TOML text: the last `key = value` line for the key's last part
 * under a `[table]` header that ends with the key's other parts (or with dotted keys on the line).
 * smol-toml gives no positions; this finds the simple layouts and gives up on the others.
 */
function tomlLocate(text: string, keys: string[], bom: number): Span | undefined {
  const lines = text.split('\n');
  let table: string[] = [];
  let found: Span | undefined;
  let offset = 0;
  const norm = (s: string) =>
    s
      .split('.')
      .map((p) =>
        p
          .trim()
          .replace(/^["']|["']$/g, '')
          .toLowerCase(),
      )
      .filter(Boolean);
  for (const line of lines) {
    const header = /^\s*\[\s*([^\]]+?)\s*\]\s*(#.*)?$/.exec(line);
    if (header && !line.trim().startsWith('[[')) table = norm(header[1]);
    else {
      const m = /^(\s*)([A-Za-z0-9_."' -]+?)\s*=\s*(.*?)\s*(#[^"']*)?$/.exec(line);
      if (m) {
        const full = [...table, ...norm(m[2])];
        if (full.join('.') === keys.join('.')) {
          const start = offset + line.indexOf(m[3], m[1].length + m[2].length);
          found = { start: start + bom, end: start + m[3].length + bom };
        }
      }
    }
    offset += line.length + 1;
  }
  return found;
}

// ---- merging -------------------------------------------------------------------------------------

/** The merged configuration, and which file set each value (Hugo's Set("", map): maps merged, the rest replaced). */
class MergedConfig {
  readonly values: Tree = {};
  private readonly origins = new Map<string, ParsedFile | undefined>();

  set(source: Tree, file: ParsedFile | undefined): void {
    this.merge(this.values, source, [], file);
  }

  private merge(target: Tree, source: Tree, at: string[], file: ParsedFile | undefined): void {
    for (const [k, v] of Object.entries(source)) {
      const path = [...at, k];
      const was = target[k];
      if (isPlainObject(v) && isPlainObject(was)) {
        this.merge(was, v, path, file);
        continue;
      }
      const key = path.join('.');
      for (const o of [...this.origins.keys()]) if (o.startsWith(key + '.')) this.origins.delete(o);
      target[k] = v;
      this.origins.set(key, file);
    }
  }

  /** The first file (in merge order) that set anything under a lower-cased dotted path. */
  firstFileUnder(path: string): ParsedFile | undefined {
    for (const [key, file] of this.origins) if (file && (key === path || key.startsWith(`${path}.`))) return file;
    return undefined;
  }

  /** The value at a lower-cased dotted path, with the file that set it. */
  get(path: string): { value: unknown; file?: ParsedFile; keys: string[] } | undefined {
    const keys = path.toLowerCase().split('.');
    let v: unknown = this.values;
    for (const k of keys) {
      if (!isPlainObject(v) || !(k in v)) return undefined;
      v = v[k];
    }
    for (let n = keys.length; n > 0; n--) {
      const key = keys.slice(0, n).join('.');
      if (this.origins.has(key)) return { value: v, file: this.origins.get(key), keys };
    }
    return { value: v, keys };
  }
}

// ---- settings ------------------------------------------------------------------------------------

/** Go's strconv.ParseBool. */
function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/**
 * How Hugo 0.111 reads a top-level switch (enableEmoji, uglyURLs, ...): cast.ToBool (spf13/cast
 * 1.5), which takes booleans, Go ints (YAML integers, kept as bigint here) and the strings
 * strconv.ParseBool takes. Anything else it reads as false without a word: TOML integers (int64),
 * floats and JSON numbers (float64) too (`enableEmoji = 1` in hugo.toml is off; checked with Hugo).
 */
function castBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'string') return parseBool(v);
  return undefined;
}

/**
 * How Hugo 0.111 reads a markup option (mapstructure with weakly typed input): booleans, any number
 * (non-zero is true), '' (false) and the strings strconv.ParseBool takes; anything else stops the
 * build ("cannot parse 'Goldmark.Renderer.Unsafe' as bool").
 */
function decodeBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v !== 0n;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v === '' ? false : parseBool(v);
  return undefined;
}

/** A configuration value as written, for messages (JSON, with integers as numbers). */
function show(v: unknown): string {
  return JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? Number(x) : x)) ?? String(v);
}

function readSettings(config: MergedConfig, root: string, diagnostics: Diagnostic[]): HugoSettings {
  const problem = (found: { file?: ParsedFile; keys: string[] }, message: string) => {
    if (!found.file) return;
    const span = found.file.locate(found.keys) ?? { start: 0, end: 0 };
    diagnostics.push({ ...configProblem(found.file.path, found.file.lines, span, message), severity: 'warning' });
  };
  /** A top-level switch, read with cast.ToBool: a value it cannot read is false. */
  const bool = (key: string, fallback: boolean): Sourced<boolean> => {
    const found = config.get(key);
    if (!found) return { value: fallback, key };
    const value = castBool(found.value);
    if (value === undefined) {
      problem(found, `${key} must be true or false; Hugo reads ${show(found.value)} as false, and so do these checks.`);
      return { value: false, key, file: found.file?.path };
    }
    return { value, key, file: found.file?.path };
  };
  /** A markup option: a value Hugo cannot decode stops the build; here Hugo's default is used meanwhile. */
  const markupBool = (key: string, fallback: boolean): Sourced<boolean> => {
    const found = config.get(key);
    if (!found) return { value: fallback, key };
    const value = decodeBool(found.value);
    if (value === undefined) {
      const file = found.file;
      if (file) {
        const span = file.locate(found.keys) ?? { start: 0, end: 0 };
        diagnostics.push(
          configProblem(
            file.path,
            file.lines,
            span,
            `${key} must be true or false; Hugo cannot read ${show(found.value)} and stops ("error(s) decoding"). Until it is fixed, these checks use Hugo's default, ${fallback}.`,
          ),
        );
      }
      return { value: fallback, key };
    }
    return { value, key, file: found.file?.path };
  };
  const string = (key: string, fallback: string): Sourced<string> => {
    const found = config.get(key);
    if (!found) return { value: fallback, key };
    if (typeof found.value !== 'string') {
      problem(found, `${key} must be a string; Hugo's default "${fallback}" is used.`);
      return { value: fallback, key };
    }
    return { value: found.value, key, file: found.file?.path };
  };

  // Hugo compares the value as written: "GitHub-ASCII" or "Blackfriday" make github ids (checked with Hugo).
  const typeSetting = string('markup.goldmark.parser.autoHeadingIDType', 'github');
  const idType = typeSetting.value;
  if (typeSetting.file && !['github', 'github-ascii', 'blackfriday'].includes(idType)) {
    problem(
      config.get(typeSetting.key)!,
      `Unknown autoHeadingIDType "${typeSetting.value}": Hugo knows github, github-ascii and blackfriday (in lower case), and makes github ids for any other value.`,
    );
  }
  const markup: MarkupSettings = {
    enableEmoji: bool('enableEmoji', false),
    autoHeadingID: markupBool('markup.goldmark.parser.autoHeadingID', true),
    autoHeadingIDType: { ...typeSetting, value: idType === 'github-ascii' || idType === 'blackfriday' ? idType : 'github' },
    attributeTitle: markupBool('markup.goldmark.parser.attribute.title', true),
    attributeBlock: markupBool('markup.goldmark.parser.attribute.block', false),
    unsafe: markupBool('markup.goldmark.renderer.unsafe', false),
  };

  // Languages: keys of `languages` (lower case), minus disableLanguages.
  const langs = config.get('languages');
  const disabled = config.get('disableLanguages');
  const disabledSet = new Set(Array.isArray(disabled?.value) ? disabled.value.map((l) => String(l).toLowerCase()) : []);
  const languages = isPlainObject(langs?.value) ? Object.keys(langs.value).filter((l) => !disabledSet.has(l)) : [];

  // Mounts (module.mounts) replace the default folder of each target they name.
  const mounts = config.get('module.mounts');
  const mountList = Array.isArray(mounts?.value) ? (mounts.value as unknown[]).filter(isPlainObject) : [];
  if (mounts && !Array.isArray(mounts.value)) problem(mounts, 'module.mounts must be a list of mounts (source, target); it is not used.');
  const mountsTo = (component: string) =>
    mountList
      .map((m) => ({ source: typeof m.source === 'string' ? m.source : '', target: typeof m.target === 'string' ? normalizePath(m.target) : '', lang: m.lang }))
      .filter((m) => m.source && (m.target === component || m.target.startsWith(component + '/')));
  const folder = (dir: string) => normalizePath(joinPath(root, dir));

  // A file that several asset mounts have comes from the last of them (Hugo 0.111), so they are
  // looked up last mount first.
  const assetMounts = mountsTo('assets').filter((m) => m.target === 'assets');
  const assetDir = string('assetDir', 'assets');
  const assetDirs: Sourced<string[]> = assetMounts.length
    ? { value: assetMounts.map((m) => folder(m.source)).reverse(), key: 'module.mounts', file: mounts?.file?.path }
    : { ...assetDir, value: [folder(assetDir.value)] };

  const contentMounts = mountsTo('content');
  const contentDir = string('contentDir', 'content');
  let contentRoots: Sourced<ContentRoot[]>;
  if (contentMounts.length) {
    contentRoots = {
      key: 'module.mounts',
      file: mounts?.file?.path,
      value: contentMounts.map((m) => ({
        dir: folder(m.source),
        lang: typeof m.lang === 'string' ? m.lang.toLowerCase() : undefined,
        prefix: m.target === 'content' ? '' : m.target.slice('content/'.length),
      })),
    };
  } else {
    const perLanguage = languages.flatMap((l) => {
      const c = config.get(`languages.${l}.contentDir`);
      return typeof c?.value === 'string' ? [{ dir: folder(c.value), lang: l, prefix: '', file: c.file?.path }] : [];
    });
    // contentDir holds the pages of the languages without a folder of their own.
    const main = languages.length === perLanguage.length && perLanguage.length > 0 ? [] : [{ dir: folder(contentDir.value), prefix: '' }];
    contentRoots = perLanguage.length
      ? { key: 'languages.<lang>.contentDir', file: perLanguage[0].file, value: [...perLanguage.map(({ file: _, ...r }) => r), ...main] }
      : { ...contentDir, value: main };
    // A language's folder that is the main one too: one root, in that language.
    contentRoots.value = contentRoots.value.filter((r, i, all) => all.findIndex((o) => o.dir === r.dir) === i);
  }

  const permalinks = config.get('permalinks');
  const patterns: Record<string, string> = {};
  if (permalinks) {
    if (isPlainObject(permalinks.value)) {
      for (const [section, pattern] of Object.entries(permalinks.value)) if (typeof pattern === 'string') patterns[section.toLowerCase()] = pattern;
    } else problem(permalinks, 'permalinks must be a map of section to pattern; it is not used.');
  }
  // Hugo 0.111 keeps defaultContentLanguage as written for the URLs (a page is in /<lang>/ unless its
  // language, a lower-cased key of languages, equals it: with "FR" every language gets a prefix),
  // but fails the build when its lower-cased form names no language (without languages, only the
  // language made from it as written).
  const defaultContentLanguage = string('defaultContentLanguage', 'en');
  const known = languages.length ? languages : [defaultContentLanguage.value];
  if (!known.includes(defaultContentLanguage.value.toLowerCase())) {
    // At the value, or (Hugo's default "en") in the first file that gives the site languages, such
    // as a config/_default/params.fr.toml, which makes "fr" a language.
    const found = config.get('defaultContentLanguage');
    const file = found?.file ?? config.firstFileUnder('languages');
    const stops = 'Hugo stops with "does not match any language definition"';
    if (file) {
      diagnostics.push(
        configProblem(
          file.path,
          file.lines,
          (found?.file && file.locate(found.keys)) || { start: 0, end: 0 },
          !languages.length
            ? `defaultContentLanguage "${defaultContentLanguage.value}" must be in lower case on a site without languages: ${stops}.`
            : found?.file
              ? `defaultContentLanguage "${defaultContentLanguage.value}" is none of the site's languages (${languages.join(', ')}): ${stops}.`
              : `The site's languages (${languages.join(', ')}) do not include "en", Hugo's defaultContentLanguage: ${stops}. Set defaultContentLanguage, or add en.`,
        ),
      );
    }
  }
  return {
    ...markup,
    assetDirs,
    contentRoots,
    uglyURLs: bool('uglyURLs', false),
    permalinks: { value: patterns, key: 'permalinks', file: permalinks?.file?.path },
    defaultContentLanguage,
    defaultContentLanguageInSubdir: bool('defaultContentLanguageInSubdir', false),
    languages,
  };
}

/** Says where a setting came from, for hovers and the status bar: "autoHeadingIDType github-ascii (hugo.toml)". */
export function describeSetting<T>(setting: Sourced<T>, root: string, found = true): string {
  const name = setting.key.split('.').pop()!;
  const value = Array.isArray(setting.value) ? setting.value.join(', ') : String(setting.value);
  const where = setting.file ? relativePath(root, setting.file) : found ? "Hugo's default" : "no Hugo configuration: the handbook's setting";
  return `${name} ${value} (${where})`;
}

/** Each site's Hugo configuration, read once per site and environment until one of its files changes. */
export class HugoConfigs {
  private readonly configs = new Map<string, HugoConfig>();

  constructor(private readonly host: Host) {}

  forSite(root: string, environment: string): HugoConfig {
    const key = `${environment}\0${root}`;
    let config = this.configs.get(key);
    if (!config) this.configs.set(key, (config = loadHugoConfig(this.host, root, environment)));
    return config;
  }

  /** The configurations read so far. */
  all(): IterableIterator<HugoConfig> {
    return this.configs.values();
  }

  /** True when `path` is (or would be) part of the configuration of a site read so far, or of any site root's. */
  isConfigPath(path: string): boolean {
    const name = basename(path);
    if (ROOT_CONFIG_FILES.includes(name)) return true;
    return CONFIG_EXTENSION.test(name) && basename(dirname(dirname(path))) === 'config';
  }

  /** Forgets every configuration `path` can be part of. */
  forget(path: string): void {
    for (const [key, config] of this.configs) if (isHugoConfigPath(config.root, path) || isInside(`${config.root}/config`, path)) this.configs.delete(key);
  }

  clear(): void {
    this.configs.clear();
  }
}
