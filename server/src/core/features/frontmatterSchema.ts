// The front matter keys a page kind's schema knows, with their documentation: what completion offers
// and hover explains. Read from the same JSON Schemas the diagnostics validate against.

import type { PageKind } from '../config';
import type { SchemaRegistry } from '../schema/schemas';

export interface KeySchema {
  name: string;
  schema: Record<string, unknown>;
  required: boolean;
  recommended: boolean;
}

type Schema = Record<string, unknown>;

/** A subschema with its "$ref" followed; keys written beside the "$ref" win (a kind narrows a shared key). */
function resolve(registry: SchemaRegistry, schema: unknown): Schema {
  if (!schema || typeof schema !== 'object') return {};
  const own = { ...(schema as Schema) };
  if (typeof own.$ref !== 'string') return own;
  delete own.$ref;
  return { ...resolve(registry, registry.deref({ $ref: (schema as Schema).$ref })), ...own };
}

/** The schema of the front matter mapping at `path` (top level: []), or undefined where the schema says nothing. */
export function frontmatterSchemaAt(registry: SchemaRegistry, kind: PageKind, path: string[]): Schema | undefined {
  let s: Schema | undefined = resolve(registry, (registry.schema(kind).properties as Schema | undefined)?.frontmatter);
  for (const key of path) {
    const props = s?.properties as Schema | undefined;
    s = props && key in props ? resolve(registry, props[key]) : undefined;
    if (s && typeof s.type !== 'undefined' && !typeIncludes(s, 'object')) return undefined;
  }
  return s;
}

/** The keys of the mapping at `path`, in the schema's order. */
export function keysAt(registry: SchemaRegistry, kind: PageKind, path: string[]): KeySchema[] {
  const s = frontmatterSchemaAt(registry, kind, path);
  const props = (s?.properties ?? {}) as Schema;
  const required = new Set((s?.required as string[] | undefined) ?? []);
  const recommended = new Set((s?.recommended as string[] | undefined) ?? []);
  return Object.keys(props).map((name) => ({ name, schema: resolve(registry, props[name]), required: required.has(name), recommended: recommended.has(name) }));
}

export function keyAt(registry: SchemaRegistry, kind: PageKind, path: string[]): KeySchema | undefined {
  return keysAt(registry, kind, path.slice(0, -1)).find((k) => k.name === path[path.length - 1]);
}

export function typeIncludes(schema: Schema, type: string): boolean {
  const t = schema.type;
  return Array.isArray(t) ? t.includes(type) : t === type;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  integer: 'whole number',
  number: 'number',
  boolean: 'true or false',
  array: 'list',
  object: 'mapping',
  null: 'empty',
};

/** "text", "true or false", "list of text", ... */
export function describeType(schema: Schema): string {
  const types = (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []) as string[];
  const shown = types
    .filter((t) => t !== 'null')
    .map((t) => {
      if (t === 'array' && schema.items && typeof (schema.items as Schema).type === 'string')
        return `list of ${TYPE_NAMES[(schema.items as Schema).type as string] ?? (schema.items as Schema).type}`;
      return TYPE_NAMES[t] ?? t;
    });
  return shown.join(' or ');
}

/** Markdown documentation of a key: its description, whether the kind needs it, its type. */
export function keyDocumentation(key: KeySchema, kind: PageKind): string {
  const s = key.schema;
  const text = (typeof s.markdownDescription === 'string' ? s.markdownDescription : typeof s.description === 'string' ? s.description : '') as string;
  const notes: string[] = [];
  if (key.required) notes.push(`Required on ${kindName(kind)}s.`);
  else if (key.recommended) notes.push(`Expected on ${kindName(kind)}s.`);
  const type = describeType(s);
  if (type) notes.push(`Type: ${type}.`);
  if (Array.isArray(s.enum)) notes.push(`One of: ${(s.enum as unknown[]).map((v) => `\`${String(v)}\``).join(', ')}.`);
  return [text, notes.join(' ')].filter(Boolean).join('\n\n');
}

export function kindName(kind: PageKind): string {
  return kind === 'career-page' ? 'career page' : kind === 'job-family' ? 'job-family page' : kind === 'include' ? 'include file' : 'page';
}
