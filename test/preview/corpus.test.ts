// The preview over the real handbook snapshot (../shared/corpus): every page that calls a shortcode
// or holds raw script renders without throwing, its heading ids are exactly those of
// Workspace.model(), each of the corpus's 296 include calls shows its file, every shortcode markdown-it
// finds is one the engine describes (a placeholder, not the call as written), and no page can put a
// <script> or an on*= handler into the preview.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Workspace } from '../../server/src/core/workspace';
import { NodeHost, toCorePath } from '../../server/src/node/nodeHost';
import { previewMarkdownIt, REPO } from './previewSite';

const CORPUS = join(REPO, '../shared/corpus/gitlab-handbook-2025-12');
const skip = existsSync(join(CORPUS, 'content')) ? false : `the handbook corpus is not at ${CORPUS} (../shared beside the checkout)`;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? markdownFiles(p) : p.endsWith('.md') ? [p] : [];
    });
}

const unescapeAttribute = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('preview over the handbook corpus', () => {
  it("renders every page with shortcodes or raw script, with the model's heading ids and every include shown", { skip }, () => {
    const host = new NodeHost();
    const md = previewMarkdownIt(host);
    // Each shortcode token's output: the engine's placeholder, or the call as written when no call of the engine matched it.
    const placeholder = md.renderer.rules.career_pages_shortcode!;
    let shortcodes = 0;
    const unmatched: string[] = [];
    md.renderer.rules.career_pages_shortcode = (tokens, idx, opts, env, self) => {
      const html = placeholder(tokens, idx, opts, env, self);
      shortcodes++;
      if (!html.startsWith('<span class="cp-shortcode')) unmatched.push(tokens[idx].content);
      return html;
    };
    const workspace = new Workspace(host);
    const pages = markdownFiles(join(CORPUS, 'content')).filter((f) => /\{\{[%<]|<script|\son[a-z]+=/i.test(readFileSync(f, 'utf8')));
    let frames = 0;
    let errorBoxes = 0;
    const problems: string[] = [];
    const started = performance.now();
    for (const file of pages) {
      const text = readFileSync(file, 'utf8');
      const path = toCorePath(file);
      const html = md.render(text, { careerPagesPath: path });
      const model = workspace.model(path, text.replace(/\r\n?/g, '\n'))!;
      const ids = [...html.matchAll(/<h[1-6](?:\s[^>]*)?\sid="([^"]*)"/g)].map((m) => unescapeAttribute(m[1]));
      const outline = model.headings.map((h) => h.id);
      const label = file.slice(CORPUS.length + 1);
      if (JSON.stringify(ids.filter((id) => outline.includes(id))) !== JSON.stringify(outline)) problems.push(`${label}: heading ids differ from the model`);
      const unknown = ids.filter((id) => !model.anchors.has(id));
      if (unknown.length) problems.push(`${label}: ids the model does not know: ${unknown.join(', ')}`);
      if (/<script\b|<[a-z][^>]*\son[a-z]+\s*=/i.test(html)) problems.push(`${label}: executable markup in the output`);
      frames += (html.match(/<figure class="cp-include/g) ?? []).length;
      errorBoxes += (html.match(/class="cp-include-error/g) ?? []).length;
    }
    const ms = performance.now() - started;
    console.log(
      `corpus preview: ${pages.length} pages in ${ms.toFixed(0)} ms (${(ms / pages.length).toFixed(1)} ms per page, model built twice), ${frames} include frames`,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(unmatched, []);
    assert.equal(shortcodes > 2000, true, `${shortcodes} shortcodes`);
    assert.equal(pages.length > 800, true, `${pages.length} pages`);
    assert.equal(frames, 296);
    assert.equal(errorBoxes, 0);
  });
});
