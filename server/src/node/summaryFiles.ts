// Index entries on disk, as the two stores that keep them across runs write them (career-lint's
// --cache, cli/cache.ts, and the language server's persisted index, node/indexStore.ts): an entry's
// headings, links and anchors as one compact slice of JSON, read back only when something asks for
// them; and files written whole or not at all.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { HeadingSummary, LinkSummary, PageSummary } from '../core';

/** What a slice holds. */
export type Slices = { headings: HeadingSummary[]; links: LinkSummary[]; anchors: string[] };

type CompactHeading = [id: string, text: string, level: number, file: string | 0, sl: number, sc: number, el: number, ec: number];
type CompactLink = [target: string, path: string, fragment: string | null, sl: number, sc: number, el: number, ec: number];

/** Writes a file by renaming a complete temporary file over it; the error when it cannot. */
export function writeAtomically(file: string, parts: Buffer[]): unknown {
  const temp = `${file}.${process.pid}.${Date.now().toString(36)}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(temp, 'w');
    try {
      // No fsync: a file cut short by a crash fails its checksum and is ignored.
      fs.writeSync(fd, Buffer.concat(parts));
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
    return undefined;
  } catch (e) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // Nothing was left behind, or it cannot be removed either.
    }
    return e;
  }
}

/** An entry's headings, links and anchors as compact JSON (a heading written in the page itself names no file). */
export function encodeSlice(page: PageSummary): string {
  const r = (x: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
    [x.range.start.line, x.range.start.character, x.range.end.line, x.range.end.character] as const;
  const headings: CompactHeading[] = page.headings.map((h) => [h.id, h.text, h.level, h.file === page.path ? 0 : h.file, ...r(h)]);
  const links: CompactLink[] = page.links.map((l) => [l.target, l.path, l.fragment ?? null, ...r(l)]);
  return JSON.stringify([headings, links, page.anchors]);
}

/** What encodeSlice wrote, for the page `file`. */
export function parseSlice(file: string, text: string): Slices {
  const [headings, links, anchors] = JSON.parse(text) as [CompactHeading[], CompactLink[], string[]];
  const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
  return {
    headings: headings.map(([id, text, level, f, sl, sc, el, ec]) => ({ id, text, level, file: f === 0 ? file : f, range: range(sl, sc, el, ec) })),
    links: links.map(([target, p, fragment, sl, sc, el, ec]) => {
      const link: LinkSummary = { target, path: p, range: range(sl, sc, el, ec) };
      if (fragment !== null) link.fragment = fragment;
      return link;
    }),
    anchors,
  };
}
