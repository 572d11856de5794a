// Turns ajv errors into findings: the rule code (by the part of the model the error is about), a
// readable message (the schema's "x-message" where it has one), the exact span, and a did-you-mean
// for unknown keys.

import type { ErrorObject } from 'ajv';
import type { Severity } from '../diagnostic';
import { escapePointer, pointerSegments } from '../jsonPointer';
import { closestWithin, TYPO_LIMITS } from '../suggest';
import type { Span } from '../text';
import { locate, type SchemaInstance } from './instance';

export interface SchemaFinding {
  code: 'frontmatter-schema' | 'responsibility-table' | 'page-structure';
  severity?: Severity;
  message: string;
  /** Why, or what else to know (the schema's "x-detail", a key's description, the known keys). */
  detail?: string;
  span: Span;
  pointer: string;
  /** For unknown keys: the key as written and the suggested known key. */
  unknownKey?: { key: string; suggestion?: string; keySpan: Span };
  /** For missing keys. */
  missingKey?: string;
  /** For duplicates: where the first occurrence is. */
  firstSpan?: Span;
}

export function codeForPointer(pointer: string): SchemaFinding['code'] {
  if (pointer.startsWith('/frontmatter')) return 'frontmatter-schema';
  if (pointer.startsWith('/responsibilityTables')) return 'responsibility-table';
  return 'page-structure';
}

/** A known key the written one is a typo of (letter case does not count). */
export function didYouMean(word: string, candidates: string[]): string | undefined {
  const lower = word.toLowerCase();
  return closestWithin(lower, candidates, TYPO_LIMITS.name(lower));
}

export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

export const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'null',
};

function subject(pointer: string): string {
  const parts = pointerSegments(pointer);
  if (parts[0] === 'frontmatter') return parts.length > 1 ? `Front matter key "${parts.slice(1).join('.')}"` : 'The front matter';
  return 'This';
}

export function mapSchemaErrors(errors: ErrorObject[], instance: SchemaInstance, deref: (schema: unknown) => Record<string, unknown>): SchemaFinding[] {
  const out: SchemaFinding[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    // "if/then" and combinator errors repeat what their branches said.
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf') continue;
    const parent = (e.parentSchema ?? {}) as Record<string, unknown>;
    const custom = typeof parent['x-message'] === 'string' ? (parent['x-message'] as string) : undefined;
    const severity = typeof parent['x-severity'] === 'string' ? (parent['x-severity'] as Severity) : undefined;
    const detail = typeof parent['x-detail'] === 'string' ? (parent['x-detail'] as string) : undefined;
    const pointer = e.instancePath;
    const loc = locate(instance, pointer);
    let finding: SchemaFinding | undefined;
    switch (e.keyword) {
      case 'required':
      case 'recommended': {
        const key = (e.params as { missingProperty: string }).missingProperty;
        const what = pointer === '/frontmatter' ? 'front matter key' : 'field';
        finding = {
          code: codeForPointer(pointer),
          pointer,
          span: loc.span,
          missingKey: key,
          severity: e.keyword === 'recommended' ? 'warning' : severity,
          message: e.keyword === 'recommended' ? `Missing ${what} "${key}" (expected on this kind of page).` : `Missing required ${what} "${key}".`,
          detail: describeProperty(parent, key, deref) ?? detail,
        };
        break;
      }
      case 'additionalProperties': {
        const key = (e.params as { additionalProperty: string }).additionalProperty;
        const childPointer = `${pointer}/${escapePointer(key)}`;
        const child = locate(instance, childPointer);
        const known = Object.keys((parent.properties as Record<string, unknown>) ?? {});
        const suggestion = didYouMean(key, known);
        const keySpan = child.keySpan ?? child.span;
        finding = {
          code: codeForPointer(pointer),
          pointer: childPointer,
          span: keySpan,
          severity,
          unknownKey: { key, suggestion, keySpan },
          message:
            `Unknown ${pointer === '/frontmatter' ? 'front matter key' : 'key'} "${key}"` +
            (suggestion ? `; did you mean "${suggestion}"?` : ' for this page kind.'),
          detail: `This kind of page knows ${known.join(', ')}.`,
        };
        break;
      }
      case 'uniqueItems': {
        const { i, j } = e.params as { i: number; j: number };
        const later = Math.max(i, j);
        const earlier = Math.min(i, j);
        finding = {
          code: codeForPointer(pointer),
          pointer: `${pointer}/${later}`,
          span: locate(instance, `${pointer}/${later}`).span,
          severity,
          firstSpan: locate(instance, `${pointer}/${earlier}`).span,
          message: custom ?? `Item ${later + 1} repeats item ${earlier + 1}.`,
          detail,
        };
        break;
      }
      case 'type': {
        const expected = String((e.params as { type: string | string[] }).type)
          .split(',')
          .map((t) => TYPE_NAMES[t] ?? t)
          .join(' or ');
        finding = {
          code: codeForPointer(pointer),
          pointer,
          span: loc.span,
          severity,
          message: custom ?? `${subject(pointer)} must be ${expected}, not ${describeType(e.data)}.`,
          detail,
        };
        break;
      }
      case 'enum':
      case 'const': {
        const allowed =
          e.keyword === 'enum' ? (e.params as { allowedValues: unknown[] }).allowedValues : [(e.params as { allowedValue: unknown }).allowedValue];
        finding = {
          code: codeForPointer(pointer),
          pointer,
          span: loc.span,
          severity,
          message: custom ?? `${subject(pointer)} must be ${allowed.map((a) => JSON.stringify(a)).join(' or ')}, not ${describeType(e.data)}.`,
          detail,
        };
        break;
      }
      default:
        finding = {
          code: codeForPointer(pointer),
          pointer,
          span: loc.span,
          severity,
          message: custom ?? `${subject(pointer)} ${e.message ?? 'is not valid'}.`,
          detail,
        };
    }
    const key = `${finding.code}|${finding.span.start}|${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(finding);
  }
  return out;
}

/** What the schema says a key is for ("The page title. Hugo renders it ..."). */
function describeProperty(parent: Record<string, unknown>, key: string, deref: (schema: unknown) => Record<string, unknown>): string | undefined {
  const raw = (parent.properties as Record<string, unknown> | undefined)?.[key];
  const prop = raw ? deref(raw) : undefined;
  return prop && typeof prop.description === 'string' ? prop.description : undefined;
}
