// A page's model built from its previous version (an editor's keystroke reuses the unchanged
// paragraphs' scans and the front matter, core/model/pageModel.ts) is the model built from scratch:
// every edit below, on every page of the example handbook, gives the same model and the same findings.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { buildPageModel, MemoryHost, sourceFile, Workspace } from '../../server/src/core';
import type { PageModel } from '../../server/src/core/model/pageModel';
import { repoRoot } from '../support/fixtureSite';

const example = path.join(repoRoot, 'examples/handbook');
const pages = readdirSync(path.join(example, 'content'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.md'))
  .map((f) => path.join(example, 'content', f));

/** Edits an author makes: typing in a paragraph, a link, a table, a heading, the front matter, a line break, a backtick. */
function edits(text: string): string[] {
  const out: string[] = [];
  const at = (needle: string, insert: string) => {
    const i = text.indexOf(needle);
    if (i >= 0) out.push(text.slice(0, i) + insert + text.slice(i));
  };
  at('\n\n', ' x');
  at('](', 'y');
  at('\n|', ' `z');
  at('\n## ', '\n\nNew paragraph with [a link](/handbook/values/#results).\n');
  at('title:', '# ');
  at('\n---\n', '\nextra: 1');
  out.push(`${text}\n\n| a | b |\n| --- | --- |\n| c | d |\n`);
  out.push(text.replace(/\n/, '\n\n'));
  out.push(`---\n${text}`);
  return out;
}

const options = { kind: 'page' as const, include: () => ({ resolution: { kind: 'missing' as const, tried: [] } }) };
/** A model's data, its tables and directives included (they are read on first use). */
const plain = (m: PageModel) => {
  const { paragraphScans: _, ...rest } = m;
  return { ...rest, tables: m.tables, directives: m.directives };
};

describe('a model built from the previous version', () => {
  it('is the model built from scratch, edit after edit, on every page of the example', () => {
    let compared = 0;
    for (const file of pages) {
      const text = readFileSync(file, 'utf8');
      let previous = buildPageModel(sourceFile(file, text), { ...options, previous: buildPageModel(sourceFile(file, ''), options) });
      for (const edited of [...edits(text), text]) {
        const fresh = buildPageModel(sourceFile(file, edited), options);
        const reused = buildPageModel(sourceFile(file, edited), { ...options, previous });
        assert.deepEqual(plain(reused), plain(fresh), `${path.relative(example, file)} after an edit`);
        previous = reused;
        compared++;
      }
    }
    assert.ok(compared > pages.length * 5);
  });

  it('gives an open page the findings a fresh check gives, keystroke after keystroke', () => {
    const files: Record<string, string> = {};
    for (const f of readdirSync(example, { recursive: true, encoding: 'utf8' })) {
      const p = path.join(example, f);
      if (/\.(md|toml|ya?ml|jsonc)$/.test(f)) files[p] = readFileSync(p, 'utf8');
    }
    const editor = new Workspace(new MemoryHost(files));
    const page = path.join(example, 'content/handbook/engineering/careers/matrix/quality/engineering-productivity/senior.md');
    editor.indexSite(editor.siteFor(page)!, false);
    for (const edited of edits(files[page])) {
      editor.fileChanged(page, 'changed');
      const typed = editor.lint(page, edited).diagnostics;
      const fresh = new Workspace(new MemoryHost(files));
      fresh.indexSite(fresh.siteFor(page)!, false);
      assert.deepEqual(typed, fresh.lint(page, edited).diagnostics);
    }
  });
});
