// Bundled and run by bench.mjs: the work the language server does per keystroke on the largest page
// of the handbook (re-parse, include expansion, every rule), with the site index built beforehand
// as the server builds it in the background.
import { statSync } from 'node:fs';
import { Workspace } from '../../server/src/core/workspace';
import { NodeHost } from '../../server/src/node/nodeHost';

const corpus = process.argv[2];
const workspace = new Workspace(new NodeHost());
const site = workspace.siteFor(`${corpus}/content/x.md`)!;
workspace.indexSite(site, false);
const largest = workspace.sitePages(site).sort((a, b) => statSync(b).size - statSync(a).size)[0];
const text = (workspace.host.readFile(largest) as { text: string }).text;
const times: number[] = [];
for (let i = 0; i < 200; i++) {
  const at = Math.floor(text.length / 2) + i;
  const edited = text.slice(0, at) + 'x' + text.slice(at);
  const t = performance.now();
  workspace.lint(largest, edited);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`keystroke on the largest page (${largest.slice(corpus.length + 1)}, ${(text.length / 1024).toFixed(0)} KB), 200 edits:`);
console.log(`  median ${times[100].toFixed(1)} ms, 95th percentile ${times[190].toFixed(1)} ms, worst ${times[199].toFixed(1)} ms`);
