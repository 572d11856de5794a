// What identifies a finding across versions of a page (core/findingIdentity.ts): the file relative to
// its site root, the rule, the nearest heading of the file itself, the text at the range and an
// occurrence counter; never a line or column.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../server/src/core/diagnostic';
import { findingKeys } from '../../server/src/core/findingIdentity';
import { MemoryHost } from '../../server/src/core/host';
import { Workspace } from '../../server/src/core/workspace';

const PAGE = '/s/content/p.md';

function keys(files: Record<string, string>, root = '/s'): string[] {
  const host = new MemoryHost({ [`${root}/hugo.toml`]: '', ...files });
  const ws = new Workspace(host);
  ws.indexSite(ws.siteFor(`${root}/.`)!);
  const ds: Diagnostic[] = Object.keys(files).flatMap((f) => ws.lint(f).diagnostics);
  const map = findingKeys(ws, ds);
  return ds.map((d) => map.get(d)!.split('\u0000').join(' | '));
}

describe('finding identity keys', () => {
  it('are the file, the code, the nearest heading of the file and the whitespace-normalised text at the range, with an occurrence counter', () => {
    const page = '---\ntitle: P\n---\n\n## Senior   Engineer\n\nSee [the  team](#nowhere) and [x](#nowhere).\n\n### Other\n\n[y](#nowhere)\n';
    assert.deepEqual(keys({ [PAGE]: page }), [
      'content/p.md | link-fragment | Senior Engineer | #nowhere | 0',
      'content/p.md | link-fragment | Senior Engineer | #nowhere | 1',
      'content/p.md | link-fragment | Other | #nowhere | 0',
    ]);
  });

  it('do not change when lines or whole sections are inserted above, nor when the checkout moves', () => {
    const page = '---\ntitle: P\n---\n\n## Role\n\n[a](#nowhere)\n';
    const moved = '---\ntitle: P\n---\n\n## New section\n\nText.\n\n\n\n## Role\n\n\n[a](#nowhere)\n';
    assert.deepEqual(keys({ '/elsewhere/content/p.md': moved }, '/elsewhere'), keys({ [PAGE]: page }));
  });

  it('ignore headings that an include brings in (an edit of another file never changes them)', () => {
    const files = {
      '/s/assets/includes/nav.md': '## Included\n',
      [PAGE]: '---\ntitle: P\n---\n\n## Own\n\n{{% include "includes/nav.md" %}}\n\n[a](#nowhere)\n',
    };
    assert.deepEqual(
      keys(files).filter((k) => k.includes('link-fragment')),
      ['content/p.md | link-fragment | Own | #nowhere | 0'],
    );
  });

  it('use the message for a file that cannot be read and for findings about the whole file (their span only marks the first line)', () => {
    const host = new MemoryHost({ '/s/hugo.toml': '', [PAGE]: 'No front matter.\n' });
    host.set('/s/content/b.md', { kind: 'binary', size: 8 });
    const ws = new Workspace(host);
    const ds = [PAGE, '/s/content/b.md'].flatMap((f) => ws.lint(f).diagnostics);
    const map = findingKeys(ws, ds);
    assert.deepEqual(
      ds.map((d) => map.get(d)!.split('\u0000').join(' | ')),
      [
        'content/p.md | frontmatter-missing |  | This page has no front matter: start it with a "---" block that gives at least its title (and a description). | 0',
        'content/b.md | file-unreadable |  | This file is not checked: it is a binary file (8 bytes), not Markdown text. | 0',
      ],
    );
    const include = keys({ '/s/assets/includes/x.md': 'First line.\n', '/s/content/q.md': '---\ntitle: Q\n---\n' });
    assert.deepEqual(include, keys({ '/s/assets/includes/x.md': 'A line added on top.\n\nFirst line.\n', '/s/content/q.md': '---\ntitle: Q\n---\n' }));
    assert.deepEqual(include, [
      'assets/includes/x.md | include-unused |  | No page includes assets/includes/x.md: delete it, or include it where it belongs. | 0',
    ]);
  });
});
