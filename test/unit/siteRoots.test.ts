// Site roots are looked for in every folder a file is in. A host that can list a folder's entries
// (Host.entryNames) answers for the folders that hold none of the names a site root needs, without
// one exists() per name; the roots found are the same.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryHost } from '../../server/src/core/host';
import { SiteRoots } from '../../server/src/core/site';

/** An in-memory site whose exists() calls are counted, with or without entryNames. */
function countingHost(files: Record<string, string>, listing: boolean) {
  const memory = new MemoryHost(files);
  const asked: string[] = [];
  const host = {
    exists: (p: string) => {
      asked.push(p);
      return memory.exists(p);
    },
    entryNames: listing
      ? (dir: string) => {
          const names = new Set<string>();
          for (const f of Object.keys(files)) if (f.startsWith(`${dir}/`)) names.add(f.slice(dir.length + 1).split('/')[0]);
          return names.size ? [...names] : undefined;
        }
      : undefined,
  };
  return { host, asked };
}

const FILES = {
  '/w/site/hugo.toml': '',
  '/w/site/content/handbook/a/b/page.md': '',
  '/w/site/content/handbook/a/other.md': '',
  // A nested site (its own content/ and assets/), and one whose config file's name has capitals.
  '/w/site/content/nested/content/x.md': '',
  '/w/site/content/nested/assets/y.md': '',
  '/w/site/content/upper/Hugo.TOML': '',
  '/w/site/content/upper/z.md': '',
};

describe('site roots', () => {
  it('finds the same roots with a folder listing, without looking up each name in folders that hold none of them', () => {
    const plain = countingHost(FILES, false);
    const listed = countingHost(FILES, true);
    const roots = [new SiteRoots(plain.host), new SiteRoots(listed.host)];
    const folders = ['/w/site/content/handbook/a/b', '/w/site/content/handbook/a', '/w/site/content/nested/content', '/w/site/content/upper', '/w/site'];
    for (const dir of folders) assert.equal(roots[1].of(dir), roots[0].of(dir), dir);
    assert.equal(roots[1].of('/w/site/content/handbook/a/b'), '/w/site');
    assert.equal(roots[1].of('/w/site/content/nested/content'), '/w/site/content/nested');
    // On a file system that ignores case, Hugo.TOML is hugo.toml: the listing does not rule the folder out.
    assert.ok(listed.asked.includes('/w/site/content/upper/hugo.toml'));
    // Folders below the site root that hold no such name: not one look-up.
    assert.deepEqual(
      listed.asked.filter((p) => p.startsWith('/w/site/content/handbook/')),
      [],
    );
    assert.ok(plain.asked.filter((p) => p.startsWith('/w/site/content/handbook/')).length >= 20);
  });
});
