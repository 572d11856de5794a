#!/usr/bin/env node
// Hugo as the oracle, by hand: builds a Hugo site's content/ and assets/ with the test harness
// (test/hugo/hugoSite.ts: the handbook's settings, its include shortcode, stubs for other shortcodes)
// and prints every page whose heading ids differ from the ones our model computes.
//   node scripts/hugo-oracle.mjs <site-dir> [content-relative page ...]
//   node scripts/hugo-oracle.mjs ../shared/corpus/gitlab-handbook-2025-12
// Exit code: 0 when all agree, 1 when some page differs, 2 when Hugo fails or the arguments are wrong.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { register } from 'tsx/cjs/api';

// The harness is TypeScript loaded as CommonJS, as the tests load it under `node --import tsx`.
register();
const require = createRequire(import.meta.url);
const { HugoSite, hugoVersion } = require('../test/hugo/hugoSite.ts');
const { compareAnchors, formatMismatches, readPages } = require('../test/hugo/oracle.ts');

const [dir, ...only] = process.argv.slice(2);
if (!dir || !existsSync(path.join(dir, 'content'))) {
  console.error('usage: node scripts/hugo-oracle.mjs <site-dir with content/ and assets/> [content-relative page ...]');
  process.exit(2);
}
if (!hugoVersion()) {
  console.error('hugo is not on PATH');
  process.exit(2);
}
const all = readPages(path.join(dir, 'content'));
const pages = only.length ? Object.fromEntries(only.map((p) => [p, all[p]])) : all;
const missing = Object.keys(pages).filter((p) => pages[p] === undefined);
if (missing.length) {
  console.error(`no such page under ${dir}/content: ${missing.join(', ')}`);
  process.exit(2);
}
const assets = path.join(dir, 'assets');
const site = new HugoSite({ pages, copy: existsSync(assets) ? [{ from: assets, to: 'assets' }] : [] });
try {
  const build = await site.build();
  if (build.exitCode !== 0) {
    for (const e of build.errors) console.error(e.page ? `${e.page}:${e.line}: ${e.message}` : e.message);
    process.exitCode = 2;
  } else {
    const c = compareAnchors(site, build, Object.keys(pages));
    if (c.mismatches.length) console.log(formatMismatches(c.mismatches) + '\n');
    if (c.unrendered.length) console.log(`not rendered by Hugo: ${c.unrendered.join(', ')}`);
    console.log(`${c.pages} pages, ${c.headings} headings compared in ${build.seconds.toFixed(1)} s of Hugo: ${c.mismatches.length} page(s) differ`);
    process.exitCode = c.mismatches.length ? 1 : 0;
  }
} finally {
  site.dispose();
}
