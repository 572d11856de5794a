// Fuzzy matching of what is typed against a label (a URL, a heading, a title), shared by URL
// completion and workspace symbols: the typed characters in order, case ignored, each run of them
// starting where a word of the label starts ("comp-calc" finds ".../compensation-calculator/",
// "eng/car" finds "/handbook/engineering/careers/"), so a few letters do not match every long URL.

/** Characters that separate the words of a label. */
const SEPARATORS = new Set('/-_. #,:()&');

export interface FuzzyMatch {
  /** The label starts with what is typed. */
  prefix: boolean;
  /** Higher is better: a prefix, then fewer and earlier jumps between words. */
  score: number;
}

/** How `typed` matches `label`, or undefined when it does not. An empty `typed` matches everything as a prefix. */
export function fuzzyMatch(typed: string, label: string): FuzzyMatch | undefined {
  const t = typed.toLowerCase();
  const l = label.toLowerCase();
  if (l.startsWith(t)) return { prefix: true, score: 1000 - (l.length - t.length) / 100 };
  // Cheap first: every typed character, in order, somewhere in the label.
  for (let i = 0, j = 0; i < t.length; i++, j++) if ((j = l.indexOf(t[i], j)) < 0) return undefined;
  // Try each place where the first typed character starts a word: a greedy match from a later one
  // can succeed where an earlier one fails.
  for (let start = 0; start < l.length; start++) {
    if (l[start] !== t[0] || !startsWord(l, start)) continue;
    const jumps = runsFrom(t, l, start);
    if (jumps !== undefined) return { prefix: false, score: 500 - jumps * 10 - start / 100 };
  }
  return undefined;
}

function startsWord(l: string, k: number): boolean {
  return k === 0 || SEPARATORS.has(l[k - 1]) || SEPARATORS.has(l[k]);
}

/** The number of jumps to a new word a match starting at `start` needs, or undefined when it fails. */
function runsFrom(t: string, l: string, start: number): number | undefined {
  let j = start;
  let jumps = 0;
  for (let i = 0; i < t.length; i++) {
    if (l[j] === t[i]) {
      j++;
      continue;
    }
    let k = j;
    while (k < l.length && !(l[k] === t[i] && startsWord(l, k))) k++;
    if (k >= l.length) return undefined;
    jumps++;
    j = k + 1;
  }
  return jumps;
}
