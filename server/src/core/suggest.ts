// Did-you-mean: the candidate closest to what was written, when it is close enough to be a typo.
// One function for every rule; each kind of name has its limit here, side by side.

import { distance } from 'fastest-levenshtein';
import { basename } from './paths';

/** How many edits still make a typo, per kind of name. */
export const TYPO_LIMITS = {
  /** Front matter keys and shortcode names: a third of the word, from 1 to 3 edits. */
  name: (word: string) => Math.min(3, Math.max(1, Math.floor(word.length / 3))),
  /** Heading anchors: a third of the fragment, at least 2. */
  anchor: (word: string) => Math.max(2, Math.floor(word.length / 3)),
  /** Include paths: half the file name, at least 3. */
  includePath: (word: string) => Math.max(3, Math.floor(basename(word).length / 2)),
  /** Page URLs that end in the same part: 40% of the URL, at least 8 (a folder moved or renamed). */
  movedUrl: (word: string) => Math.max(8, word.length * 0.4),
  /** Page URLs in the same section: 3 edits. */
  siblingUrl: () => 3,
};

/**
 * The first candidate at the smallest edit distance from `word`, if that distance is at most
 * `limit`. Candidates whose length alone puts them past the limit are not compared.
 */
export function closestWithin(word: string, candidates: Iterable<string>, limit: number): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) > Math.min(limit, bestDistance - 1)) continue;
    const d = distance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
