// The `.career-pages.jsonc` file: JSON with comments, validated against its schema
// (schemas/career-pages-config.schema.json); every problem becomes a diagnostic on the file, at the
// key or value it is about, and a file with problems contributes no options.

import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { CONFIG_FILE_NAME, globProblem, parseConfigText, type Options } from './config';
import type { Diagnostic } from './diagnostic';
import { describeUnreadable, type Host } from './host';
import { pointerSegments } from './jsonPointer';
import { basename, dirname, joinPath } from './paths';
import { compileLinkPattern } from './linkTargets';
import { RULES } from './rules';
import { describeType, TYPE_NAMES } from './schema/schemaErrors';
import type { SchemaRegistry } from './schema/schemas';
import { LineIndex, type Span } from './text';

export interface ConfigState {
  path: string;
  options: Partial<Options>;
  diagnostics: Diagnostic[];
}

function unreadable(file: string, message: string): Diagnostic {
  return { file, code: 'file-unreadable', severity: 'error', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

export function loadConfigFile(host: Host, path: string, schemas: SchemaRegistry): ConfigState {
  const content = host.readFile(path);
  if (!content) {
    return { path, options: {}, diagnostics: [unreadable(path, `The configuration file ${path} does not exist.`)] };
  }
  if (content.kind !== 'text') {
    return { path, options: {}, diagnostics: [unreadable(path, `The configuration file is not used: ${describeUnreadable(content, 'JSON text')}.`)] };
  }
  const lines = new LineIndex(content.text);
  const { value, problems } = parseConfigText(content.text);
  const diagnostics: Diagnostic[] = problems.map((p) => ({
    file: path,
    code: 'config',
    severity: 'error',
    message: p.message,
    range: lines.spanRange(p.span),
  }));
  if (problems.length) return { path, options: {}, diagnostics };
  const tree = parseTree(content.text, [], { allowTrailingComma: true });
  const errors = schemas.validate('config', value);
  for (const e of errors) {
    // JSON pointer segments; an index into a list is a number for jsonc-parser.
    const segments = pointerSegments(e.instancePath).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const params = e.params as Record<string, unknown>;
    let node: JsonNode | undefined = tree ? findNodeAtLocation(tree, segments) : undefined;
    const setting = segments.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');
    let message = `${setting ? `"${setting}"` : 'The configuration'} ${e.message}.`;
    if (e.keyword === 'type') {
      const expected = String(params.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' or ');
      message = `${setting ? `"${setting}"` : 'The configuration'} must be ${expected}, not ${describeType(e.data)}.`;
    }
    if (e.keyword === 'additionalProperties') {
      const key = String(params.additionalProperty);
      const child = tree ? findNodeAtLocation(tree, [...segments, key]) : undefined;
      node = child?.parent?.children?.[0] ?? child ?? node;
      message = `Unknown setting "${key}"${e.instancePath ? ` in ${e.instancePath}` : ''}.`;
    } else if (e.keyword === 'propertyNames' || (e.keyword === 'enum' && e.propertyName !== undefined)) {
      const key = String(params.propertyName ?? e.propertyName);
      const child = tree ? findNodeAtLocation(tree, [...segments, key]) : undefined;
      node = child?.parent?.children?.[0] ?? node;
      message = `Unknown rule code "${key}". Known codes: ${RULES.map((r) => r.code).join(', ')}.`;
    } else if (e.keyword === 'enum') {
      message = `${e.instancePath.split('/').pop() || 'Value'} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`;
    }
    if (e.keyword === 'enum' && e.propertyName !== undefined) continue; // reported with propertyNames
    const span: Span = node ? { start: node.offset, end: node.offset + node.length } : { start: 0, end: 0 };
    diagnostics.push({ file: path, code: 'config', severity: 'error', message, range: lines.spanRange(span) });
  }
  const exclusions = (value as { linkExclusions?: unknown } | null)?.linkExclusions;
  if (Array.isArray(exclusions) && tree) {
    exclusions.forEach((pattern, i) => {
      if (typeof pattern !== 'string') return;
      try {
        compileLinkPattern(pattern);
      } catch (e) {
        const node = findNodeAtLocation(tree, ['linkExclusions', i]);
        const span: Span = node ? { start: node.offset, end: node.offset + node.length } : { start: 0, end: 0 };
        diagnostics.push({
          file: path,
          code: 'config',
          severity: 'error',
          range: lines.spanRange(span),
          message: `Not a regular expression the link checks can use: ${(e as Error).message} (RE2 syntax: no backreferences or look-around).`,
        });
      }
    });
  }
  // Globs that could take exponential time to match are refused where they are written.
  const globLists: (string | number)[][] = [['ignore'], ...Object.keys((value as { pageKinds?: object } | null)?.pageKinds ?? {}).map((k) => ['pageKinds', k])];
  for (const at of globLists) {
    const node = tree && findNodeAtLocation(tree, at);
    for (const item of node?.type === 'array' ? (node.children ?? []) : []) {
      const why = item.type === 'string' ? globProblem(String(item.value)) : undefined;
      if (!why) continue;
      diagnostics.push({
        file: path,
        code: 'config',
        severity: 'error',
        range: lines.spanRange({ start: item.offset, end: item.offset + item.length }),
        message: `This glob is refused: ${why}, which can take minutes to match one long file name. Use simpler globs (a few "*" and "**").`,
      });
    }
  }
  return { path, options: diagnostics.length ? {} : (value as Partial<Options>), diagnostics };
}

/**
 * The configuration files an engine reads, each read and checked once (until forgotten): the one
 * given explicitly (the CLI's --config), or for each site the nearest `.career-pages.jsonc` at or
 * above its root.
 */
export class ConfigFiles {
  private readonly states = new Map<string, ConfigState>();

  constructor(
    private readonly host: Host,
    private readonly schemas: SchemaRegistry,
    private readonly explicit?: string,
  ) {}

  /** The configuration that applies to a site root, if any. */
  forSite(root: string): ConfigState | undefined {
    const path = this.explicit ?? this.find(root);
    return path ? this.state(path) : undefined;
  }

  /** A configuration file's state: its options and its problems. */
  state(path: string): ConfigState {
    let state = this.states.get(path);
    if (!state) {
      state = loadConfigFile(this.host, path, this.schemas);
      this.states.set(path, state);
    }
    return state;
  }

  /** True for a path that is (or would be) a configuration file of this engine. */
  isConfig(path: string): boolean {
    return path === this.explicit || basename(path) === CONFIG_FILE_NAME;
  }

  forget(path: string): void {
    this.states.delete(path);
  }

  private find(root: string): string | undefined {
    let dir = root;
    for (;;) {
      const candidate = joinPath(dir, CONFIG_FILE_NAME);
      if (this.host.exists(candidate) === 'file') return candidate;
      const parent = dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }
}
