// Links, loops and odd paths on a real temporary site: career-lint in-process, the built
// executable (dist/cli.js) and the real language server (dist/server.js over stdio) give the same
// diagnostics, exactly. Nothing outside the site is read: the page that includes /etc/passwd
// through a link gets include-outside-root, never the file's text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-protocol';
import { runCli, type JsonReport } from '../../server/src/cli/cli';
import { lintSite, repoRoot } from '../support/fixtureSite';
import { startServer, uriOf, type TestServer } from '../support/lspClient';

type Row = JsonReport['diagnostics'][number];

const LONG = `includes/${'x'.repeat(300)}.md`;
const PAGE = [
  '---',
  'title: "Page"',
  '---',
  '',
  '## Page',
  '',
  '{{% include "includes/etc-link/passwd" %}}', // 7: a folder link to /etc
  '{{% include "includes/secret.md" %}}', // 8: a file link out of the site
  '{{% include "includes/alias.md" %}}', // 9: a file link inside the site: fine
  '{{% include "includes/shared/x.md" %}}', // 10: a folder link inside the site: fine
  '{{% include "includes/loop.md" %}}', // 11: a loop of file links
  '{{% include "includes/la/x.md" %}}', // 12: a loop of folder links
  '{{% include "includes/gone.md" %}}', // 13: a link to nothing
  `{{% include "${LONG}" %}}`, // 14: a name longer than any file system allows
  '{{% include "includes" %}}', // 15: a folder
  '{{% include "../hugo.toml" %}}', // 16: out of assets/
  '{{% include "file:///etc/passwd" %}}', // 17: a URL
  '',
].join('\n');
// A NUL byte past the first 8000 bytes: the page is text, its include path is not a name any file can have.
const NUL_PAGE = `---\ntitle: "Nul"\n---\n\n## Nul\n\n<!-- ${'padding '.repeat(1100)}-->\n\n{{% include "includes/re\u0000al.md" %}}\n`;

describe('links, loops and odd paths: career-lint and the language server agree', () => {
  let root: string;
  let outside: string;

  before(() => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'career-links-')));
    outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'career-links-outside-')));
    writeFileSync(path.join(outside, 'secret.md'), '## Secret\n');
    writeFileSync(path.join(outside, 'page.md'), '---\ntitle: "Outside"\n---\n\n## Outside\n');
    const write = (p: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
      writeFileSync(path.join(root, p), text);
    };
    const link = (p: string, target: string) => {
      mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
      symlinkSync(target, path.join(root, p));
    };
    write('hugo.toml', '');
    write('content/page.md', PAGE);
    write('content/nul.md', NUL_PAGE);
    write('assets/includes/real.md', '## Real\n');
    write('assets/shared/x.md', '## Shared\n');
    link('assets/includes/etc-link', '/etc');
    link('assets/includes/secret.md', path.join(outside, 'secret.md'));
    link('assets/includes/alias.md', 'real.md');
    link('assets/includes/shared', '../shared');
    link('assets/includes/loop.md', 'loop2.md');
    link('assets/includes/loop2.md', 'loop.md');
    link('assets/includes/la', 'lb');
    link('assets/includes/lb', 'la');
    link('assets/includes/gone.md', 'nowhere.md');
    link('content/linked.md', path.join(outside, 'page.md'));
  });

  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  const row = (file: string, line: number, column: number, endColumn: number, code: string, message: string): Row => ({
    file,
    line,
    column,
    endLine: line,
    endColumn,
    severity: 'error',
    code,
    message,
  });
  /** An error at the include path `arg` (column 14 of its line). */
  const at = (file: string, line: number, arg: string, code: string, message: string) => row(file, line, 14, 14 + arg.length, code, message);
  const outOfSite = (line: number, arg: string) =>
    at('content/page.md', line, arg, 'include-outside-root', `"${arg}" leads out of the site through a symbolic link: move the file into the site.`);
  const notChecked = (file: string, why: string) => row(file, 1, 1, 1, 'file-unreadable', `This file is not checked: ${why}.`);

  function expected(): Row[] {
    const outsideSite = (real: string) => `it leads through a symbolic link to ${real}, outside the site, and files outside the site are never read`;
    const loop = 'it cannot be read (ELOOP: a loop of symbolic links)';
    return [
      notChecked('content/linked.md', outsideSite(`${outside}/page.md`)),
      at(
        'content/nul.md',
        9,
        'includes/re\u0000al.md',
        'include-missing',
        'No include file "includes/re\\u0000al.md": its path holds a NUL character (U+0000); did you mean "includes/real.md"?',
      ),
      outOfSite(7, 'includes/etc-link/passwd'),
      outOfSite(8, 'includes/secret.md'),
      at('content/page.md', 11, 'includes/loop.md', 'file-unreadable', `The included file assets/includes/loop.md cannot be used: ${loop}.`),
      at('content/page.md', 12, 'includes/la/x.md', 'file-unreadable', `The included file assets/includes/la/x.md cannot be used: ${loop}.`),
      at('content/page.md', 13, 'includes/gone.md', 'include-missing', 'No include file "includes/gone.md"; did you mean "includes/loop.md"?'),
      at('content/page.md', 14, LONG, 'include-missing', `No include file "${LONG}".`),
      at('content/page.md', 15, 'includes', 'include-missing', '"includes" is a folder: name a file in it.'),
      at('content/page.md', 16, '../hugo.toml', 'include-outside-root', '"../hugo.toml" leaves the include folder: name a file under assets/.'),
      at('content/page.md', 17, 'file:///etc/passwd', 'include-outside-root', '"file:///etc/passwd" is a URL: include names a file under assets/.'),
      notChecked('assets/includes/gone.md', `it cannot be read (a symbolic link to ${root}/assets/includes/nowhere.md, which does not exist)`),
      notChecked('assets/includes/loop.md', loop),
      notChecked('assets/includes/loop2.md', loop),
      notChecked('assets/includes/secret.md', outsideSite(`${outside}/secret.md`)),
    ];
  }

  async function cliJson(): Promise<{ code: number; report: JsonReport; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['--format', 'json', '.'], { cwd: root, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), version: '9.9.9' });
    return { code, report: JSON.parse(stdout) as JsonReport, stderr };
  }

  it('career-lint: one exact diagnostic per bad path, none for the links inside the site, nothing from outside it', async () => {
    const { code, report } = await cliJson();
    assert.equal(code, 1);
    const pages = ['content/linked.md', 'content/nul.md', 'content/page.md'];
    const byFile = (rows: Row[]) => [...rows].sort((a, b) => pages.indexOf(a.file) - pages.indexOf(b.file));
    // Include files unused by any page (alias.md, real.md, shared/x.md are used) get include-unused: not the point here.
    const actual = report.diagnostics.filter((d) => d.code !== 'include-unused');
    assert.deepEqual(
      byFile(actual.filter((d) => d.file.startsWith('content/'))),
      expected().filter((d) => d.file.startsWith('content/')),
    );
    assert.deepEqual(
      actual.filter((d) => d.file.startsWith('assets/')),
      expected().filter((d) => d.file.startsWith('assets/')),
    );
    // Where the links lead is the findings' detail (the hover's text), which the report leaves out.
    const details = lintSite(root)
      .diagnostics.filter((d) => d.detail && /real path|symbolic link/.test(d.detail))
      .map((d) => `${d.range.start.line + 1} ${d.detail}`);
    const outsideDetail = (real: string) =>
      `Its real path is ${real}, and files outside the site are never read. Hugo follows the link, so the page depends on a file outside the site: move the file into the site, or point the link inside it.`;
    assert.deepEqual(details, [
      `7 ${outsideDetail('/etc/passwd')}`,
      `8 ${outsideDetail(`${outside}/secret.md`)}`,
      `13 Hugo looks for assets/includes/gone.md and fails the build. There is a symbolic link to ${root}/assets/includes/nowhere.md, which does not exist.`,
    ]);
    assert.ok(!JSON.stringify(report).includes('root:x:0:0'), 'nothing of /etc/passwd is in the report');
    assert.ok(!JSON.stringify(report).includes('## Secret'), 'nothing of the outside file is in the report');
  });

  const built = existsSync(path.join(repoRoot, 'dist/cli.js')) && existsSync(path.join(repoRoot, 'dist/server.js'));
  const notBuilt = built ? false : 'dist/ is not built (node esbuild.mjs)';

  it('the built executable prints the same', { skip: notBuilt }, async () => {
    const inProcess = await cliJson();
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli.js'), '--format', 'json', '.'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, inProcess.code, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), inProcess.report);
    assert.equal(r.stderr, inProcess.stderr);
  });

  describe('the language server', { skip: notBuilt }, () => {
    let server: TestServer;
    before(async () => {
      server = await startServer(root);
    });
    after(async () => {
      await server.stop();
    });

    for (const page of ['content/page.md', 'content/nul.md']) {
      it(`${page}: the same diagnostics as career-lint`, async () => {
        const { report } = await cliJson();
        const file = path.join(root, page);
        const uri = uriOf(file);
        server.connection.sendNotification('textDocument/didOpen', {
          textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(file, 'utf8') },
        });
        const published = await server.waitForDiagnostics(uri, (d) => d.length > 0);
        const asRows = published.map(
          (d: LspDiagnostic): Row => ({
            file: page,
            line: d.range.start.line + 1,
            column: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
            severity: ({ 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as Record<number, string>)[d.severity ?? 1],
            code: String(d.code),
            message: d.message,
          }),
        );
        assert.deepEqual(
          asRows,
          report.diagnostics.filter((d) => d.file === page),
        );
      });
    }
  });
});
