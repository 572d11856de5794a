// The Markdown preview over the disk host: an include through a symbolic link out of the site shows
// the "unsafe include" box with the link's real path, never the file's text (before, the preview
// put /etc/passwd on the page); a link inside the site shows the included file as usual.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { NodeHost } from '../../server/src/node/nodeHost';
import { previewMarkdownIt } from './previewSite';

describe('preview: symbolic links in include paths', () => {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'career-preview-links-')));
  const outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'career-preview-outside-')));
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  writeFileSync(path.join(outside, 'secret.md'), '## Secret heading\n\nSecret text.\n');
  writeFileSync(path.join(root, 'hugo.toml'), '');
  mkdirSync(path.join(root, 'content'));
  mkdirSync(path.join(root, 'assets/includes'), { recursive: true });
  writeFileSync(path.join(root, 'assets/includes/real.md'), '## Real heading\n');
  symlinkSync('/etc', path.join(root, 'assets/includes/etc-link'));
  symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'assets/includes/secret.md'));
  symlinkSync('real.md', path.join(root, 'assets/includes/alias.md'));

  const render = (arg: string) => {
    const page = path.join(root, 'content/page.md');
    const text = `---\ntitle: "Page"\n---\n\n## Page\n\n{{% include "${arg}" %}}\n`;
    writeFileSync(page, text);
    return previewMarkdownIt(() => new NodeHost()).render(text, { careerPagesPath: page });
  };

  it('includes/etc-link/passwd: the unsafe-include box with /etc/passwd, nothing of the file', () => {
    const html = render('includes/etc-link/passwd');
    assert.ok(!html.includes('root:x:0:0'), html);
    assert.match(html, /Unsafe include/);
    assert.match(html, /Its real path is \/etc\/passwd, and files outside the site are never read\./);
  });

  it('a file link out of the site: the same', () => {
    const html = render('includes/secret.md');
    assert.ok(!html.includes('Secret'), html);
    assert.match(html, /Unsafe include/);
    assert.ok(html.includes(`Its real path is ${outside}/secret.md`), html);
  });

  it('a link inside the site: the included file, as for any include', () => {
    const html = render('includes/alias.md');
    assert.match(html, /Real heading/);
    assert.doesNotMatch(html, /Unsafe include/);
  });
});
