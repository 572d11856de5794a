// The one place where the editor's `careerPages.*` settings become core options: one setting per
// option of core/optionSpecs.ts (package.json's settings are generated from it), plus the
// extension's own `enable` and `trace.server`.

import { isEmptySetting, OPTION_KEYS, OPTION_SPECS, type Options } from '../core';

/** What `workspace.getConfiguration('careerPages')` gives: the options' settings and `enable`. */
export type EditorSettings = { enable?: boolean } & { [K in keyof Options]?: unknown };

/**
 * Settings as options that win over the config file. An empty setting (none, "", [] or {}) leaves
 * the file's value (or the default) in place; a value of the wrong shape is ignored too (VS Code
 * already warns about it in the settings editor).
 */
export function settingsToOptions(s: EditorSettings | undefined): Partial<Options> {
  const out: Record<string, unknown> = {};
  if (!s) return out;
  for (const key of OPTION_KEYS) {
    const value = s[key];
    if (isEmptySetting(value) || !fitsFile(OPTION_SPECS[key].file, value)) continue;
    out[key] = Array.isArray(value) ? [...value] : typeof value === 'object' ? { ...(value as object) } : value;
  }
  return out as Partial<Options>;
}

/** A light check of a setting against the option's schema: the enum, a list of strings, a mapping. */
function fitsFile(schema: Record<string, unknown>, value: unknown): boolean {
  if (Array.isArray(schema.enum)) return schema.enum.includes(value);
  if (schema.type === 'array') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (schema.type === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return true;
}
