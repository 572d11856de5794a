// "Convert Include Delimiters in File": every include call written with the delimiter the site does
// not use ({{< >}} by default) rewritten to the one it does, as one set of edits. The edits are the
// include-delimiter rule's own quick fixes, from the engine's chosen-rules check (Workspace.check),
// so a severity of "off" or a disable comment (which only silence the report) do not keep a call
// from being converted.

import { includeDelimiter } from '../rules/includeDelimiter';
import { FeatureError, type FileEdit } from './types';
import type { Workspace } from '../workspace';

export interface DelimiterConversion {
  /** The delimiter written after the conversion. */
  to: '%' | '<';
  edits: FileEdit[];
  /** Include calls converted. */
  converted: number;
  /** Calls with the other delimiter that have no safe rewrite (a malformed closing). */
  skipped: number;
}

export function convertIncludeDelimiters(workspace: Workspace, file: string, text: string): DelimiterConversion {
  const site = workspace.siteFor(file);
  if (!site) throw new FeatureError('This file is not inside a Hugo site.');
  const model = workspace.model(file, text);
  if (!model) throw new FeatureError('This file cannot be read.');
  if (model.kind === 'include') throw new FeatureError('Include files are not expanded by Hugo: shortcodes in them stay text, so there is nothing to convert.');
  const edits: FileEdit[] = [];
  let converted = 0;
  let skipped = 0;
  for (const d of workspace.check(file, text, [includeDelimiter])) {
    const fix = d.fixes?.find((x) => x.preferred);
    if (!fix) {
      skipped++;
      continue;
    }
    converted++;
    edits.push(...fix.edits);
  }
  return { to: site.options.preferredDelimiter, edits, converted, skipped };
}
