// The GFM specification's own examples (cmark-gfm's spec.txt, which Debian's cmark-gfm ships) as
// pages of one Hugo build: for every example, the headings our model finds (level and id, in order)
// and its pipe tables are the ones Goldmark renders (and cmark-gfm, for GitHub's reading), and on
// the examples where every rendered link is an inline one, so are its links and images. The spec is where Markdown's corner
// cases are written down (setext underlines, lazy continuation, fences inside lists, tables ended by
// blocks, ...): a heading we misread is an anchor we get wrong, a table we misread a false finding.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { HugoSite } from './hugoSite';
import { hugoSkip, modelOf, newWorkspace, pipeTables } from './oracle';

const SPEC = '/usr/share/doc/cmark-gfm/spec.txt.gz';
const cmarkSkip = spawnSync('cmark-gfm', ['--version']).status === 0 ? false : 'cmark-gfm is not on PATH';
const skip = hugoSkip() || (existsSync(SPEC) ? false : `the GFM spec is not at ${SPEC} (Debian's cmark-gfm installs it; CI has it)`);

/** The examples of spec.txt: the Markdown of each, its number, and the section it is in. */
function specExamples(): { n: number; section: string; markdown: string }[] {
  const text = gunzipSync(readFileSync(SPEC)).toString('utf8');
  const examples: { n: number; section: string; markdown: string }[] = [];
  let section = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const h = /^#{1,6} (.*)$/.exec(lines[i]);
    if (h) section = h[1];
    if (!/^`{32} example/.test(lines[i])) continue;
    const md: string[] = [];
    for (i++; lines[i] !== '.'; i++) md.push(lines[i]);
    for (i++; !/^`{32}$/.test(lines[i]); i++);
    examples.push({ n: examples.length + 1, section, markdown: `${md.join('\n').replaceAll('→', '\t')}\n` });
  }
  return examples;
}

// Debian's cmark-gfm 0.29.0.gfm.6 spec (the one CI installs).
const EXPECTED = { examples: 673, headings: 62, tables: 7, githubTables: 7, linkExamples: 55, links: 47 };

describe('Hugo oracle: the GFM specification examples', () => {
  it('every example: our headings (level, id) and pipe tables are what Goldmark renders', { skip }, async () => {
    const examples = specExamples();
    const pageOf = (n: number) => `spec/example-${String(n).padStart(3, '0')}.md`;
    const pages = Object.fromEntries(examples.map((e) => [pageOf(e.n), `---\ntitle: Example ${e.n}\n---\n${e.markdown}`]));
    const site = new HugoSite({ pages });
    try {
      const build = await site.build();
      assert.equal(build.exitCode, 0, build.log);
      const workspace = newWorkspace();
      const differences: string[] = [];
      let headings = 0;
      let tables = 0;
      let githubTables = 0;
      let linkExamples = 0;
      let links = 0;
      for (const e of examples) {
        const rendered = build.pages.get(pageOf(e.n));
        if (!rendered) {
          differences.push(`example ${e.n} (${e.section}): Hugo rendered nothing`);
          continue;
        }
        const model = modelOf(workspace, site, pageOf(e.n));
        const hugo = rendered.headings.map((h) => `h${h.level} #${h.id}`);
        const ours = model.headings.map((h) => `h${h.level} #${h.id}`);
        headings += hugo.length;
        if (JSON.stringify(hugo) !== JSON.stringify(ours))
          differences.push(`example ${e.n} (${e.section}): Hugo ${JSON.stringify(hugo)}, ours ${JSON.stringify(ours)}\n${e.markdown}`);
        // Each table as [rows with the header, columns].
        const hugoTables = pipeTables(rendered.html).map((t) => [t.length, t[0].length]);
        const ourTables = model.tables.filter((t) => t.rendered).map((t) => [1 + t.rows.length, t.delimiter.cells.length]);
        tables += hugoTables.length;
        if (JSON.stringify(hugoTables) !== JSON.stringify(ourTables))
          differences.push(`example ${e.n} (${e.section}): Hugo's tables ${JSON.stringify(hugoTables)}, ours ${JSON.stringify(ourTables)}\n${e.markdown}`);
        // Inline links and images, where every link Goldmark writes is one: no reference definitions,
        // autolinks or raw <a> in the example (links inside links, images inside images, raw HTML
        // around brackets, pointy destinations with escapes are all here).
        if (e.markdown.includes('](') && !/\]:|\]\[|<a |<[a-z]+:|www\.|:\/\/|@/i.test(e.markdown)) {
          linkExamples++;
          const inline = model.links.filter((l) => l.kind === 'inline');
          const hugoLinks = [(rendered.html.match(/<a href="/g) ?? []).length, (rendered.html.match(/<img src="/g) ?? []).length];
          const ourLinks = [inline.filter((l) => !l.image).length, inline.filter((l) => l.image).length];
          links += hugoLinks[0] + hugoLinks[1];
          if (JSON.stringify(hugoLinks) !== JSON.stringify(ourLinks))
            differences.push(
              `example ${e.n} (${e.section}): Hugo's [links, images] ${JSON.stringify(hugoLinks)}, ours ${JSON.stringify(ourLinks)}\n${e.markdown}`,
            );
        }
        if (!cmarkSkip) {
          const r = spawnSync('cmark-gfm', ['-e', 'table', '--unsafe'], { input: e.markdown, encoding: 'utf8' });
          const github = pipeTables(r.stdout).map((t) => [t.length, t[0].length]);
          const ours = model.tables.filter((t) => t.github.rendered).map((t) => [1 + t.github.rows, t.header.cells.length]);
          githubTables += github.length;
          if (JSON.stringify(github) !== JSON.stringify(ours))
            differences.push(`example ${e.n} (${e.section}): GitHub's tables ${JSON.stringify(github)}, ours ${JSON.stringify(ours)}\n${e.markdown}`);
        }
      }
      assert.equal(differences.length, 0, differences.join('\n'));
      // What was compared, so that a spec read wrongly (no examples, no headings) cannot pass.
      assert.deepEqual(
        { examples: examples.length, headings, tables, githubTables, linkExamples, links },
        { ...EXPECTED, githubTables: cmarkSkip ? 0 : EXPECTED.githubTables },
      );
    } finally {
      site.dispose();
    }
  });
});
