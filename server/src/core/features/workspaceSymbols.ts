// Workspace symbols ("Go to Symbol in Workspace", Ctrl+T): every page of the site by its title and
// every heading of every page, each with the URL it is reached at (`/handbook/values/#results`), from
// the site index. A heading an include file brings in is listed once per page that includes it (its
// anchor is the page's), located in the include file. What is typed matches the name fuzzily
// (fuzzy.ts), best matches first.

import type { Site } from '../workspace';
import { fuzzyMatch } from './fuzzy';
import { urlOf } from './linkForms';
import type { Location } from './types';

/** At most this many symbols per request (the editor asks again as the query grows). */
export const MAX_WORKSPACE_SYMBOLS = 500;

export interface WorkspaceSymbol {
  name: string;
  kind: 'page' | 'heading';
  /** Where it is on the site: the page's URL, or the page's URL and the heading's anchor. */
  container: string;
  location: Location;
}

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function workspaceSymbols(sites: readonly Site[], query: string): WorkspaceSymbol[] {
  const found: { symbol: WorkspaceSymbol; prefix: boolean; score: number }[] = [];
  const q = query.trim();
  const consider = (symbol: WorkspaceSymbol) => {
    const match = fuzzyMatch(q, symbol.name);
    if (match) found.push({ symbol, ...match });
  };
  for (const site of sites) {
    for (const page of site.index.all()) {
      if (page.generated) continue;
      const url = urlOf(page);
      consider({ name: page.title || url, kind: 'page', container: url, location: { file: page.path, range: START } });
      for (const h of page.headings) {
        if (!h.text) continue;
        consider({ name: h.text, kind: 'heading', container: `${url}#${h.id}`, location: { file: h.file, range: h.range } });
      }
    }
  }
  found.sort(
    (a, b) =>
      Number(b.prefix) - Number(a.prefix) ||
      b.score - a.score ||
      Number(a.symbol.kind === 'heading') - Number(b.symbol.kind === 'heading') ||
      (a.symbol.container < b.symbol.container ? -1 : a.symbol.container > b.symbol.container ? 1 : 0),
  );
  return found.slice(0, MAX_WORKSPACE_SYMBOLS).map((f) => f.symbol);
}
