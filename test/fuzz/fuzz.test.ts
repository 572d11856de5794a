// Property-based tests: generated and mutated documents through the core, every rule, every editor
// feature and the preview renderer (see properties.ts for what must hold). The seed is printed
// first; a failure prints the seed and the path of the shrunk case, and
//   FUZZ_SEED=<seed> FUZZ_PATH=<path> node --import tsx --test test/fuzz/fuzz.test.ts
// replays exactly that case. FUZZ_SCALE=0.1 runs a tenth of the documents (FUZZ_SCALE=10, ten times as many).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic } from '../../server/src/core/diagnostic';
import { Workspace } from '../../server/src/core/workspace';
import { previewMarkdownIt, REPO } from '../preview/previewSite';
import { fuzzCase, fuzzHost, seedTexts, SITE_ROOT, type FuzzCase } from './fuzzSite';
import { checkFeatures, checkFixAll, checkLikeFresh, checkLint, checkPreview, newStats, timed, type FuzzContext } from './properties';

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const path = process.env.FUZZ_PATH;
const scale = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * scale));

/** Documents per property per run: 100,000 in all at scale 1. */
const RUNS = { lint: runs(60_000), fixAll: runs(15_000), features: runs(15_000), preview: runs(10_000) };

const ARTIFACTS = join(REPO, 'test/artifacts');
const { texts, corpus } = seedTexts();
const stats = newStats();

function context(withPreview = false): FuzzContext {
  const host = fuzzHost();
  const workspace = new Workspace(host);
  workspace.indexSite(workspace.siteFor(`${SITE_ROOT}/.`)!);
  return { host, workspace, stats, preview: withPreview ? previewMarkdownIt(host) : undefined };
}

/**
 * Runs the property; on failure throws the error of the shrunk case with what replays it, and writes
 * the case to test/artifacts/ (the start of a regression fixture).
 */
function property<T>(name: string, arb: fc.Arbitrary<T>, numRuns: number, check: (value: T) => void): void {
  const details = fc.check(fc.property(arb, check), { seed, path, numRuns: path ? 1 : numRuns });
  if (!details.failed) return;
  const file = join(ARTIFACTS, `fuzz-${name}-${seed}.json`);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(file, JSON.stringify({ seed, path: details.counterexamplePath, counterexample: details.counterexample }, null, 2));
  const error = details.errorInstance instanceof Error ? (details.errorInstance.stack ?? details.errorInstance.message) : String(details.errorInstance);
  throw new Error(
    `${error}\n\nafter ${details.numRuns} documents; replay: FUZZ_SEED=${seed} FUZZ_PATH=${details.counterexamplePath}; the shrunk case is in ${file}`,
  );
}

describe('fuzz: generated and mutated documents', () => {
  before(() => console.log(`fuzz seed ${seed} (replay: FUZZ_SEED=${seed}); ${texts.length} seed documents (${corpus} from the corpus)`));
  after(() =>
    console.log(
      `fuzz: ${stats.documents} documents, ${stats.diagnostics} diagnostics, ${stats.fixesChecked} fixes checked; CPU per document mean ${(stats.totalMs / Math.max(1, stats.documents)).toFixed(2)} ms, max ${stats.maxMs.toFixed(0)} ms (${stats.slowest})`,
    ),
  );

  it(`lint: no throw, ranges inside the file, fixes keep line endings and BOM and solve their problem, same result twice and as a new workspace (${RUNS.lint} documents)`, () => {
    const ctx = context();
    let n = 0;
    property('lint', fuzzCase(texts), RUNS.lint, (c: FuzzCase) => {
      let diagnostics: Diagnostic[] = [];
      timed(ctx, c, () => void (diagnostics = checkLint(ctx, c)));
      if (++n % 200 === 0) checkLikeFresh(ctx, c, diagnostics); // (not timed: it indexes the whole site again)
    });
  });

  it(`fix all: valid edits, nothing lost, a second run changes nothing (${RUNS.fixAll} documents)`, () => {
    const ctx = context();
    property('fix-all', fuzzCase(texts), RUNS.fixAll, (c: FuzzCase) => timed(ctx, c, () => checkFixAll(ctx, c)));
  });

  it(`editor features at random positions: completion, hover, definition, references, rename, symbols, folding, links, lens (${RUNS.features} documents)`, () => {
    const ctx = context();
    const arb = fc.tuple(fuzzCase(texts), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }));
    property('features', arb, RUNS.features, ([c, fractions]) => timed(ctx, c, () => checkFeatures(ctx, c, fractions)));
  });

  it(`preview: renders every document, the same way twice (${RUNS.preview} documents)`, () => {
    const ctx = context(true);
    property('preview', fuzzCase(texts), RUNS.preview, (c: FuzzCase) => timed(ctx, c, () => checkPreview(ctx, c)));
  });
});
