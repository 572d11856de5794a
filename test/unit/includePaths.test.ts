// Every kind of bad include path, on an in-memory site: each gets one exact diagnostic (code,
// severity, range, message) and nothing crashes. Links out of the site, loops and unreadable files
// are what a host answers for them (MemoryHost stands in for the disk; test/unit/nodeHost.test.ts
// checks that the disk host answers the same, and test/hugo/symlinks.test.ts what Hugo does).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryHost } from '../../server/src/core/host';
import { Workspace } from '../../server/src/core/workspace';

/** A page whose line 7 is the include call; the path starts at column 14. */
const page = (arg: string) => `---\ntitle: P\n---\n\n## P\n\n{{% include "${arg}" %}}\n`;

function siteHost(): MemoryHost {
  const host = new MemoryHost({ '/s/hugo.toml': '', '/s/secret.md': 'secret', '/s/assets/includes/a.md': '## A\n' });
  host.set('/s/assets/includes/loop.md', { kind: 'unreadable', message: 'ELOOP: a loop of symbolic links' });
  host.set('/s/assets/includes/locked.md', { kind: 'unreadable', message: 'EACCES: permission denied' });
  host.set('/s/assets/includes/secret.md', { kind: 'outside', realPath: '/home/me/secret.md' });
  host.linkOutside('/s/assets/includes/etc-link', '/etc');
  return host;
}

/** What an include path can get (other rules, e.g. about the page's text, are not the point here). */
const INCLUDE_CODES = new Set(['include-syntax', 'include-missing', 'include-outside-root', 'include-case', 'file-unreadable']);

/** `line:col-line:col severity code message [detail]` of every include diagnostic of the page that includes `arg`. */
function lintInclude(arg: string, host = siteHost()): string[] {
  host.set('/s/content/p.md', page(arg));
  const ws = new Workspace(host);
  const diagnostics = ws.lint('/s/content/p.md').diagnostics;
  assert.ok(
    diagnostics.every((d) => d.code !== 'internal-error'),
    JSON.stringify(diagnostics),
  );
  return diagnostics
    .filter((d) => INCLUDE_CODES.has(d.code))
    .map(
      (d) =>
        `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity} ${d.code} ${d.message}` +
        (d.detail ? ` [${d.detail}]` : ''),
    );
}

/** The range of a path of `length` UTF-16 units on line 7. */
const at = (length: number) => `7:14-7:${14 + length}`;

const URL = 'is a URL: include names a file under assets/. [Include paths name files under assets/; URLs and drive letters are never fetched.]';
const OUT_OF_SITE = (path: string, real: string) =>
  `${at(path.length)} error include-outside-root "${path}" leads out of the site through a symbolic link: move the file into the site. [Its real path is ${real}, and files outside the site are never read. Hugo follows the link, so the page depends on a file outside the site: move the file into the site, or point the link inside it.]`;

describe('bad include paths: one exact diagnostic each, no crash', () => {
  const cases: [string, string, string[]][] = [
    // Leaving assets/ with "..": Hugo finds nothing.
    [
      '../ out of assets/',
      '../secret.md',
      [
        `${at(12)} error include-outside-root "../secret.md" leaves the include folder: name a file under assets/. [It leads to secret.md, outside assets/, where Hugo finds nothing.]`,
      ],
    ],
    [
      '../ from inside',
      'includes/../../hugo.toml',
      [
        `${at(24)} error include-outside-root "includes/../../hugo.toml" leaves the include folder: name a file under assets/. [It leads to hugo.toml, outside assets/, where Hugo finds nothing.]`,
      ],
    ],
    // Absolute and home-folder paths: looked up under assets/ (Hugo) or never at all.
    [
      'absolute path',
      '/etc/passwd',
      [
        `${at(11)} error include-outside-root "/etc/passwd" is an absolute path: name a file under assets/. [Hugo looks for it under assets/ (assets/etc/passwd), where there is no such file; files outside the site are never read.]`,
      ],
    ],
    [
      '~',
      '~/notes.md',
      [`${at(10)} error include-outside-root "~/notes.md" is an absolute path: name a file under assets/. [A home-folder path is not a site path.]`],
    ],
    ['~ alone', '~', [`${at(1)} error include-outside-root "~" is an absolute path: name a file under assets/. [A home-folder path is not a site path.]`]],
    // URLs of every kind, and drive letters.
    ['http:', 'http://example.com/x.md', [`${at(23)} error include-outside-root "http://example.com/x.md" ${URL}`]],
    ['https:', 'https://example.com/x.md', [`${at(24)} error include-outside-root "https://example.com/x.md" ${URL}`]],
    ['file:', 'file:///etc/passwd', [`${at(18)} error include-outside-root "file:///etc/passwd" ${URL}`]],
    ['data:', 'data:text/markdown,# hi', [`${at(23)} error include-outside-root "data:text/markdown,# hi" ${URL}`]],
    ['//host', '//host/share/x.md', [`${at(17)} error include-outside-root "//host/share/x.md" ${URL}`]],
    ['drive letter', 'C:/Windows/x.md', [`${at(15)} error include-outside-root "C:/Windows/x.md" ${URL}`]],
    // NUL and other control characters.
    [
      'NUL inside',
      'includes/a\u0000.md',
      [
        `${at(14)} error include-missing No include file "includes/a\\u0000.md": its path holds a NUL character (U+0000); did you mean "includes/a.md"? [Hugo fails the build. The path holds a NUL character (U+0000), which no file name can hold.]`,
      ],
    ],
    [
      'NUL alone',
      '\u0000',
      [
        `${at(1)} error include-missing No include file "\\u0000": its path holds a NUL character (U+0000). [Hugo fails the build. The path holds a NUL character (U+0000), which no file name can hold.]`,
      ],
    ],
    [
      'tab',
      'includes/\ta.md',
      [
        `${at(14)} error include-missing No include file "includes/\\ta.md": its path holds a tab (U+0009); did you mean "includes/a.md"? [Hugo looks for assets/includes/\\ta.md and fails the build. The path holds a tab (U+0009).]`,
      ],
    ],
    [
      'U+0001',
      'includes/\u0001a.md',
      [
        `${at(14)} error include-missing No include file "includes/\\u0001a.md": its path holds a control character (U+0001); did you mean "includes/a.md"? [Hugo looks for assets/includes/\\u0001a.md and fails the build. The path holds a control character (U+0001).]`,
      ],
    ],
    [
      'DEL',
      'includes/a\u007f.md',
      [
        `${at(14)} error include-missing No include file "includes/a\\u007f.md": its path holds a control character (U+007F); did you mean "includes/a.md"? [Hugo looks for assets/includes/a\\u007f.md and fails the build. The path holds a control character (U+007F).]`,
      ],
    ],
    [
      'C1 control',
      'includes/\u0085a.md',
      [
        `${at(14)} error include-missing No include file "includes/\\u0085a.md": its path holds a control character (U+0085); did you mean "includes/a.md"? [Hugo looks for assets/includes/\\u0085a.md and fails the build. The path holds a control character (U+0085).]`,
      ],
    ],
    // A line break ends a quoted parameter for Hugo's lexer too ("unterminated quoted string"): the build stops there.
    [
      'line break',
      'includes/\na.md',
      [
        '7:13-7:23 error include-syntax Quoted parameter not closed: end it with " on the same line. [Hugo stops the build ("unterminated quoted string").]',
        '8:1-8:6 error include-syntax Quote this parameter: "a.md\\"". [Hugo accepts only letters, digits, "_", "-" and "." unquoted, and stops the build on anything else.]',
      ],
    ],
    // Empty and blank paths.
    ['empty', '', ['7:13-7:15 error include-syntax The include path is empty: name a file under assets/. [Hugo finds nothing and the build fails.]']],
    [
      'whitespace only',
      ' ',
      ['7:13-7:16 error include-syntax The include path is empty: name a file under assets/. [Hugo finds nothing and the build fails.]'],
    ],
    ['a tab only', '\t', ['7:13-7:16 error include-syntax The include path is empty: name a file under assets/. [Hugo finds nothing and the build fails.]']],
    // A folder.
    [
      'folder',
      'includes',
      [`${at(8)} error include-missing "includes" is a folder: name a file in it. [Hugo's include finds no file there and the build fails.]`],
    ],
    [
      'folder with /',
      'includes/',
      [`${at(9)} error include-missing "includes/" is a folder: name a file in it. [Hugo's include finds no file there and the build fails.]`],
    ],
    // Symbolic links, as the host answers for them.
    [
      'a loop of links',
      'includes/loop.md',
      [`${at(16)} error file-unreadable The included file assets/includes/loop.md cannot be used: it cannot be read (ELOOP: a loop of symbolic links).`],
    ],
    ['a file link out of the site', 'includes/secret.md', [OUT_OF_SITE('includes/secret.md', '/home/me/secret.md')]],
    ['the same with a leading /', '/includes/secret.md', [OUT_OF_SITE('/includes/secret.md', '/home/me/secret.md')]],
    ['the same in other letter case', 'includes/SECRET.md', [OUT_OF_SITE('includes/SECRET.md', '/home/me/secret.md')]],
    ['through a folder link out of the site', 'includes/etc-link/passwd', [OUT_OF_SITE('includes/etc-link/passwd', '/etc/passwd')]],
    ['through it to nothing', 'includes/etc-link/none.md', [OUT_OF_SITE('includes/etc-link/none.md', '/etc/none.md')]],
    ['the folder link itself', 'includes/etc-link', [OUT_OF_SITE('includes/etc-link', '/etc')]],
    // A file that cannot be read.
    [
      'unreadable',
      'includes/locked.md',
      [`${at(18)} error file-unreadable The included file assets/includes/locked.md cannot be used: it cannot be read (EACCES: permission denied).`],
    ],
    // Text that is not well-formed: an unpaired surrogate is saved as U+FFFD, which is what Hugo looks for.
    [
      'unpaired high surrogate',
      'includes/\ud800.md',
      [
        `${at(13)} error include-missing No include file "includes/\ufffd.md": its path holds an unpaired surrogate (U+D800); did you mean "includes/a.md"? [Hugo looks for assets/includes/\ufffd.md and fails the build. The path holds an unpaired surrogate (U+D800), which is saved as U+FFFD.]`,
      ],
    ],
    [
      'unpaired low surrogate',
      'includes/x\udc00.md',
      [
        `${at(14)} error include-missing No include file "includes/x\ufffd.md": its path holds an unpaired surrogate (U+DC00); did you mean "includes/a.md"? [Hugo looks for assets/includes/x\ufffd.md and fails the build. The path holds an unpaired surrogate (U+DC00), which is saved as U+FFFD.]`,
      ],
    ],
    [
      'U+FFFD',
      'includes/\ufffd.md',
      [
        `${at(13)} error include-missing No include file "includes/\ufffd.md": its path holds a replacement character (U+FFFD); did you mean "includes/a.md"? [Hugo looks for assets/includes/\ufffd.md and fails the build. The path holds a replacement character (U+FFFD), the mark left where a file's bytes are not UTF-8 text.]`,
      ],
    ],
  ];
  for (const [name, arg, expected] of cases) {
    it(`${name}: ${JSON.stringify(arg)}`, () => assert.deepEqual(lintInclude(arg), expected));
  }

  it('a very long path: include-missing naming it (the disk answers ENAMETOOLONG, which is "not there")', () => {
    const arg = `includes/${'x'.repeat(300)}.md`;
    assert.deepEqual(lintInclude(arg), [
      `${at(arg.length)} error include-missing No include file "${arg}". [Hugo looks for assets/${arg} and fails the build.]`,
    ]);
  });

  it('a surrogate pair is a character like any other, and an unpaired surrogate finds the U+FFFD file Hugo would', () => {
    const host = siteHost();
    host.set('/s/assets/includes/\u{1F600}.md', '## Smile\n');
    host.set('/s/assets/includes/\ufffd.md', '## Replacement\n');
    assert.deepEqual(lintInclude('includes/\u{1F600}.md', host), []);
    assert.deepEqual(lintInclude('includes/\ud800.md', host), []);
  });

  it('a missing path with an odd character gets no "Create file" fix; a plain one does', () => {
    const host = siteHost();
    host.set('/s/content/p.md', page('includes/\tb.md'));
    host.set('/s/content/q.md', page('includes/b.md'));
    const ws = new Workspace(host);
    const fixes = (file: string) =>
      ws
        .lint(file)
        .diagnostics.flatMap((d) => d.fixes ?? [])
        .map((f) => f.title);
    assert.deepEqual(fixes('/s/content/p.md'), ['Change to "includes/a.md"']);
    assert.deepEqual(fixes('/s/content/q.md'), ['Change to "includes/a.md"', 'Create assets/includes/b.md']);
  });

  it('the include files themselves: a link out of the site, a loop, an unreadable file get file-unreadable on line 1', () => {
    const host = siteHost();
    const ws = new Workspace(host);
    assert.deepEqual(host.listFiles('/s/assets'), [
      '/s/assets/includes/a.md',
      '/s/assets/includes/locked.md',
      '/s/assets/includes/loop.md',
      '/s/assets/includes/secret.md',
    ]);
    const lint = (f: string) =>
      ws
        .lint(f)
        .diagnostics.map(
          (d) =>
            `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.severity} ${d.code} ${d.message}` +
            (d.detail ? ` [${d.detail}]` : ''),
        );
    assert.deepEqual(lint('/s/assets/includes/secret.md'), [
      '1:1-1:1 error file-unreadable This file is not checked: it leads through a symbolic link to /home/me/secret.md, outside the site, and files outside the site are never read.',
    ]);
    assert.deepEqual(lint('/s/assets/includes/loop.md'), [
      '1:1-1:1 error file-unreadable This file is not checked: it cannot be read (ELOOP: a loop of symbolic links).',
    ]);
    assert.deepEqual(lint('/s/assets/includes/locked.md'), [
      '1:1-1:1 error file-unreadable This file is not checked: it cannot be read (EACCES: permission denied).',
    ]);
  });

  it('the resolution says where a link out of the site leads, and nothing under it exists or is listed', () => {
    const host = siteHost();
    const ws = new Workspace(host);
    const site = ws.siteFor('/s/content/p.md')!;
    assert.deepEqual(site.resolver.resolve('includes/etc-link/passwd'), {
      kind: 'outside',
      reason: 'symlink',
      realPath: '/etc/passwd',
      detail:
        'Its real path is /etc/passwd, and files outside the site are never read. Hugo follows the link, so the page depends on a file outside the site: move the file into the site, or point the link inside it.',
    });
    assert.equal(host.exists('/s/assets/includes/etc-link/passwd'), undefined);
    assert.equal(host.exists('/s/assets/includes/secret.md'), undefined);
    assert.deepEqual(host.listFiles('/s/assets/includes/etc-link'), []);
  });
});
