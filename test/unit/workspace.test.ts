// The engine over an in-memory site: include expansion and ids, Hugo's resolution rules, caching
// and invalidation, disable comments, options, and bad input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryHost } from '../../server/src/core/host';
import { isSuppressed, parseDirectives } from '../../server/src/core/model/directives';
import { IncludeResolver } from '../../server/src/core/site';
import { Workspace } from '../../server/src/core/workspace';

const site = (files: Record<string, string>) => new MemoryHost({ '/s/hugo.toml': '', ...files });
const codes = (ws: Workspace, file: string) => ws.lint(file).diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`);

describe('page model', () => {
  it('splices {{% %}} includes into the outline with one id namespace; {{< >}} includes stay out', () => {
    const ws = new Workspace(
      site({
        '/s/assets/includes/c.md': '##### Engineering\n\nText.\n',
        '/s/content/p.md':
          '---\ntitle: P\n---\n\n## Engineering\n\n{{% include "includes/c.md" %}}\n\n### Engineering\n\n{{% include "includes/c.md" %}}\n\n{{< include "includes/c.md" >}}\n',
      }),
    );
    const m = ws.model('/s/content/p.md')!;
    assert.deepEqual(
      m.headings.map((h) => [h.level, h.id, h.include, h.file]),
      [
        [2, 'engineering', undefined, '/s/content/p.md'],
        [5, 'engineering-1', 0, '/s/assets/includes/c.md'],
        [3, 'engineering-2', undefined, '/s/content/p.md'],
        [5, 'engineering-3', 1, '/s/assets/includes/c.md'],
      ],
    );
    assert.deepEqual(m.headings[1].span, { start: 6, end: 17 });
    assert.deepEqual(
      m.includes.map((i) => [i.call.delimiter, i.resolution.kind, i.expandedSpan !== undefined]),
      [
        ['%', 'found', true],
        ['%', 'found', true],
        ['<', 'found', false],
      ],
    );
  });

  it('does not expand shortcodes inside an included file, and knows where each call sits', () => {
    const ws = new Workspace(
      site({
        '/s/assets/includes/n.md': '{{% include "includes/n.md" %}}\n\n## Real\n',
        '/s/content/p.md':
          '---\ntitle: P\n---\n\n{{% include "includes/n.md" %}}\n\n```\n{{% include "includes/n.md" %}}\n```\n\n`{{< x >}}` <!-- {{< y >}} -->\n',
      }),
    );
    const m = ws.model('/s/content/p.md')!;
    assert.deepEqual(
      m.headings.map((h) => h.text),
      ['Real'],
    );
    assert.deepEqual(
      m.shortcodes.map((s) => [s.call.name, s.context]),
      [
        ['include', 'text'],
        ['include', 'code-block'],
        ['x', 'code-span'],
        ['y', 'html-comment'],
      ],
    );
  });

  it('keeps the inner content of paired {{< >}} shortcodes out of the page namespace but accepts its ids as targets', () => {
    const ws = new Workspace(
      site({
        '/s/content/p.md': '---\ntitle: P\n---\n\n## Intro\n\n{{< panel >}}\n## Intro\n{{< /panel >}}\n\n## Intro\n\n[x](#intro-1)\n',
      }),
    );
    const m = ws.model('/s/content/p.md')!;
    assert.deepEqual(
      m.headings.map((h) => h.id),
      ['intro', 'intro-1'],
    );
    assert.deepEqual(codes(ws, '/s/content/p.md'), []);
  });
});

describe('include resolution (Hugo semantics)', () => {
  const host = site({ '/s/assets/includes/Nav.md': 'x', '/s/assets/includes/dir/a.md': 'y', '/s/secret.md': 'z' });
  const r = new IncludeResolver(host, '/s', ['/s/assets']);
  it('resolves under assets/, with ".." inside it, "/" ignored, and case ignored', () => {
    assert.deepEqual(r.resolve('includes/dir/a.md'), { kind: 'found', path: '/s/assets/includes/dir/a.md', root: '/s/assets', leadingSlash: false });
    assert.equal(r.resolve('../assets/includes/dir/a.md').kind, 'found');
    assert.equal((r.resolve('/includes/dir/a.md') as { leadingSlash: boolean }).leadingSlash, true);
    assert.deepEqual(r.resolve('includes/nav.md'), { kind: 'case-mismatch', path: '/s/assets/includes/Nav.md', root: '/s/assets', written: 'includes/nav.md' });
    assert.equal(r.resolve('includes/dir').kind, 'directory');
  });
  it('never leaves the include roots', () => {
    assert.deepEqual(r.resolve('../secret.md').kind, 'outside');
    assert.deepEqual(r.resolve('includes/../../secret.md').kind, 'outside');
    assert.deepEqual((r.resolve('https://example.com/x.md') as { reason: string }).reason, 'url');
    assert.deepEqual((r.resolve('/etc/passwd') as { reason: string }).reason, 'absolute');
    assert.deepEqual(r.resolve('includes/none.md'), { kind: 'missing', tried: ['/s/assets/includes/none.md'] });
    assert.deepEqual(r.resolve('  '), { kind: 'empty' });
  });
});

describe('workspace', () => {
  it('finds the site root and checks only content/ and the include roots', () => {
    const ws = new Workspace(
      new MemoryHost({
        '/repo/site/config/_default/hugo.toml': '',
        '/repo/site/content/a.md': '---\ntitle: A\n---\n',
        '/repo/site/README.md': '# r',
        '/repo/notes.md': 'n',
        '/repo/site/content/.hidden/x.md': 'x',
      }),
    );
    assert.equal(ws.siteFor('/repo/site/content/a.md')?.root, '/repo/site');
    assert.equal(ws.lint('/repo/site/content/a.md').skipped, undefined);
    assert.match(ws.lint('/repo/site/README.md').skipped!, /not a page of the site/);
    assert.match(ws.lint('/repo/notes.md').skipped!, /not inside a Hugo site/);
    assert.match(ws.lint('/repo/site/content/.hidden/x.md').skipped!, /not a page of the site/);
  });

  it('re-uses models and include files, and invalidates exactly the pages a change affects', () => {
    const host = site({
      '/s/assets/includes/a.md': '## A\n',
      '/s/content/p.md': '---\ntitle: P\n---\n\n{{% include "includes/a.md" %}}\n{{% include "includes/b.md" %}}\n',
      '/s/content/q.md': '---\ntitle: Q\n---\n\nText.\n',
    });
    const ws = new Workspace(host);
    const m1 = ws.model('/s/content/p.md')!;
    assert.equal(ws.model('/s/content/p.md'), m1, 'same text, same model');
    ws.model('/s/content/q.md');
    assert.deepEqual(
      ws.includersOf('/s/assets/includes/a.md').map((p) => p.path),
      ['/s/content/p.md'],
    );
    host.set('/s/assets/includes/a.md', '### A\n');
    assert.deepEqual([...(ws.fileChanged('/s/assets/includes/a.md', 'changed') as Set<string>)], ['/s/content/p.md']);
    assert.equal(ws.model('/s/content/p.md')!.headings[0].level, 3);
    assert.deepEqual(codes(ws, '/s/content/p.md'), ['include-missing@6:14']);
    host.set('/s/assets/includes/b.md', 'B\n');
    assert.deepEqual([...(ws.fileChanged('/s/assets/includes/b.md', 'created') as Set<string>)], ['/s/content/p.md']);
    assert.deepEqual(codes(ws, '/s/content/p.md'), []);
    assert.equal(ws.fileChanged('/s/.career-pages.jsonc', 'created'), 'all');
  });

  it('applies configured severities, "off", and disable comments (markdownlint comments do not count)', () => {
    const page =
      '---\ntitle: P\n---\n\n## P\n\n<!-- markdownlint-disable MD051 -->\n[a](#nope)\n<!-- career-lint-disable-next-line link-fragment -->\n[b](#nope)\n<!-- career-lint-disable -->\n[c](#nope)\n<!-- career-lint-enable -->\n[d](#nope)\n';
    const host = site({ '/s/content/p.md': page });
    assert.deepEqual(codes(new Workspace(host), '/s/content/p.md'), ['link-fragment@8:5', 'link-fragment@14:5']);
    const severities = new Workspace(host, { settings: { rules: { 'link-fragment': 'error' } } }).lint('/s/content/p.md').diagnostics.map((d) => d.severity);
    assert.deepEqual(severities, ['error', 'error']);
    host.set('/s/.career-pages.jsonc', '{ "rules": { "link-fragment": "off" } }');
    assert.deepEqual(codes(new Workspace(host), '/s/content/p.md'), []);
    const dirs = parseDirectives('<!-- career-lint-disable-file a b -->');
    assert.ok(isSuppressed(dirs, 'b', 40));
    assert.ok(!isSuppressed(dirs, 'c', 40));
  });

  it('gives bad input a diagnostic, never a crash', () => {
    const host = site({ '/s/content/ok.md': '---\ntitle: ok\n---\n' });
    host.set('/s/content/bin.md', { kind: 'binary', size: 12 });
    host.set('/s/content/huge.md', { kind: 'too-large', size: 9 * 1024 * 1024 });
    host.set('/s/content/locked.md', { kind: 'unreadable', message: 'EACCES' });
    const ws = new Workspace(host);
    for (const [file, text] of [
      ['/s/content/bin.md', 'binary file (12 bytes)'],
      ['/s/content/huge.md', 'too large to check (9.0 MB)'],
      ['/s/content/locked.md', 'cannot be read (EACCES)'],
    ]) {
      const [d] = ws.lint(file).diagnostics;
      assert.equal(d.code, 'file-unreadable');
      assert.ok(d.message.includes(text), d.message);
    }
    const nasty = [
      '---\n',
      '---\n---\n',
      '{{%',
      '{{< ',
      '{{% include "',
      '| a |\n|',
      '# \n#\n######## x',
      '```\n{{% include "x" %}}',
      '<!--',
      '---\ntitle: [\n---\n',
      '\u0000\u0001',
      '[x](#',
      '{{% include "' + 'a/'.repeat(3000) + '" %}}',
      '\r\r\r## x\r',
    ];
    nasty.forEach((t, i) => {
      host.set(`/s/content/n${i}.md`, t);
      const r = ws.lint(`/s/content/n${i}.md`);
      assert.ok(
        r.diagnostics.every((d) => d.code !== 'internal-error'),
        `${JSON.stringify(t.slice(0, 30))}: ${JSON.stringify(r.diagnostics)}`,
      );
    });
  });
});
