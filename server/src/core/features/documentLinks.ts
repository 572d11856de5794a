// Document links: every include path that names an existing file opens it.

import type { Workspace } from '../workspace';
import { includedFile, openDocument, rangeOf } from './document';
import type { DocumentLink } from './types';

export function documentLinks(workspace: Workspace, file: string, text: string): DocumentLink[] {
  const doc = openDocument(workspace, file, text);
  if (!doc) return [];
  const out: DocumentLink[] = [];
  for (const inc of doc.model.includes) {
    const target = includedFile(inc);
    if (!target || !inc.argument) continue;
    out.push({ range: rangeOf(doc, inc.argument.valueSpan), file: target, tooltip: `Open ${doc.site.label(target)}` });
  }
  return out;
}
