// The one place where the editor's `careerPages.*` settings become core options.

import type { Options, RuleSetting } from '../core';

export interface EditorSettings {
  enable?: boolean;
  rules?: Record<string, RuleSetting>;
  includeRoots?: string[];
  pageKinds?: Partial<Options['pageKinds']>;
  preferredDelimiter?: '%' | '<';
  ignore?: string[];
  shortcodes?: string[];
  relativeLinks?: '' | 'file' | 'page';
}

/** Settings as options that win over the config file; empty values leave the file's (or the default) in place. */
export function settingsToOptions(s: EditorSettings | undefined): Partial<Options> {
  const out: Partial<Options> = {};
  if (!s) return out;
  if (s.rules && Object.keys(s.rules).length) out.rules = { ...s.rules };
  if (s.includeRoots?.length) out.includeRoots = [...s.includeRoots];
  if (s.pageKinds && Object.keys(s.pageKinds).length) out.pageKinds = s.pageKinds as Options['pageKinds'];
  if (s.preferredDelimiter === '%' || s.preferredDelimiter === '<') out.preferredDelimiter = s.preferredDelimiter;
  if (s.ignore?.length) out.ignore = [...s.ignore];
  if (s.shortcodes?.length) out.shortcodes = [...s.shortcodes];
  if (s.relativeLinks === 'file' || s.relativeLinks === 'page') out.relativeLinks = s.relativeLinks;
  return out;
}
