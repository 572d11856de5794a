// A code lens at the top of an include file: how many pages include it (from the site index).

import type { Workspace } from '../workspace';
import { isMarkdownPath } from '../workspace';
import { START } from './document';
import type { IncludeLens } from './types';

export function includeLens(workspace: Workspace, file: string): IncludeLens | undefined {
  const site = workspace.siteFor(file);
  if (!site || !isMarkdownPath(file) || !site.isUnderIncludeRoot(file)) return undefined;
  const pages = site.index.includersOf(file).length;
  const complete = site.index.complete;
  const title = (pages === 0 ? 'not included by any page' : `included by ${pages} page${pages === 1 ? '' : 's'}`) + (complete ? '' : ' (indexing…)');
  return { range: START, pages, complete, title };
}
