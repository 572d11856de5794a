// Every class of bad input the core meets gets a clear diagnostic at an exact range, in time that
// grows with the page, never a crash, a hang or a silent skip. (Include paths and the file system
// have their own tests; the fuzz group in test/fuzz/ throws random pages at everything.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globProblem } from '../../server/src/core/config';
import { MemoryHost } from '../../server/src/core/host';
import { MAX_FRONTMATTER_DEPTH } from '../../server/src/core/markdown/frontmatter';
import { formatRange } from '../../server/src/core/text';
import { Workspace } from '../../server/src/core/workspace';

const PAGE = '/s/content/p.md';
const CONFIG = '/s/.career-pages.jsonc';

function lint(text: string, files: Record<string, string> = {}) {
  const ws = new Workspace(new MemoryHost({ '/s/hugo.toml': '', [PAGE]: text, ...files }));
  ws.indexSite(ws.siteFor(PAGE)!); // site-wide rules (link-page) wait for the index
  return { ws, diagnostics: ws.lint(PAGE).diagnostics };
}

/** `code severity 1:1-1:5 "the text at the range"` for each diagnostic. */
function described(
  text: string,
  diagnostics: { code: string; severity: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[],
): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  return diagnostics.map((d) => {
    const { start, end } = d.range;
    const covered = start.line === end.line ? lines[start.line].slice(start.character, end.character) : `${lines[start.line].slice(start.character)}…`;
    return `${d.code} ${d.severity} ${formatRange(d.range)} ${JSON.stringify(covered)}`;
  });
}

describe('bad input: front matter', () => {
  it('an alias bomb ("billion laughs") is an error at the key that expands it; nothing is expanded', () => {
    const text =
      '---\ntitle: T\ndescription: D\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n\nBody.\n';
    const { diagnostics } = lint(text);
    assert.deepEqual(described(text, diagnostics), ['frontmatter-syntax error 7:1-7:2 "d"']);
    assert.match(diagnostics[0].message, /^This value's aliases \(\*name\) copy anchored values more than 100 times: write the values out\.$/);
    assert.equal(diagnostics[0].detail, 'Hugo refuses such front matter ("excessive aliasing") and fails to build the page.');
  });

  it('front matter nested deeper than the limit is reported at its top-level key and not parsed', () => {
    const deep = (n: number) => `---\ntitle: T\nmenu: ${'['.repeat(n)}${']'.repeat(n)}\n---\n`;
    const over = deep(MAX_FRONTMATTER_DEPTH + 1);
    assert.deepEqual(described(over, lint(over).diagnostics), ['frontmatter-syntax warning 3:1-3:5 "menu"']);
    assert.deepEqual(
      lint(deep(MAX_FRONTMATTER_DEPTH - 2)).diagnostics.map((d) => d.code),
      [],
    );
    // Block nesting counts the same way; 100,000 levels (which would overflow the parser's stack) take no time.
    const block = '---\ntitle: T\n' + Array.from({ length: 70 }, (_, i) => ' '.repeat(i) + `k${i}:`).join('\n') + '\n---\n';
    assert.deepEqual(described(block, lint(block).diagnostics), ['frontmatter-syntax warning 3:1-3:3 "k0"']);
    const huge = deep(100_000);
    assert.deepEqual(
      lint(huge).diagnostics.map((d) => d.code),
      ['frontmatter-syntax'],
    );
  });

  it('text that only looks deep (brackets in strings, comments and block scalars) is read normally', () => {
    const text = `---\ntitle: "${'['.repeat(80)}"\ndescription: |\n  ${'{'.repeat(80)}\n# ${'['.repeat(80)}\nsummary: a ${'['.repeat(80)}\n---\n`;
    assert.deepEqual(
      lint(text).diagnostics.map((d) => d.code),
      [],
    );
  });

  it('malformed YAML is an error at the broken value; duplicate keys at the repeated key, in linear time', () => {
    const broken = '---\ntitle: "Unclosed\ndescription: [a, b\n---\n';
    assert.deepEqual(described(broken, lint(broken).diagnostics), ['frontmatter-syntax error 2:8-2:17 "\\"Unclosed"']);
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: v`);
    const dup = `---\ntitle: T\ndescription: D\n${keys.join('\n')}\nk7: again\n---\n`;
    assert.deepEqual(described(dup, lint(dup).diagnostics), ['frontmatter-syntax error 20004:1-20004:3 "k7"']);
  });
});

describe('bad input: configuration', () => {
  const page = '---\ntitle: T\ndescription: D\n---\n\n[x](/elsewhere/)\n';

  it('invalid JSON is reported where it breaks, and the defaults are kept', () => {
    const config = '{\n  "rules": { "link-page": "off" ,, }\n';
    const { ws } = lint(page, { [CONFIG]: config });
    assert.deepEqual(
      ws.configDiagnostics(CONFIG).map((d) => `${described(config, [d])[0]} ${d.message}`),
      [
        'config error 2:34-2:35 "," Invalid JSON: a property name in double quotes is expected here. The file\'s settings are not used until it is fixed.',
        'config error 3:1-3:1 "" Invalid JSON: a closing brace (}) is missing. The file\'s settings are not used until it is fixed.',
      ],
    );
    assert.deepEqual(
      ws.lint(PAGE).diagnostics.map((d) => d.code),
      ['link-page'],
    );
  });

  it('a configuration file that is binary or a link out of the site is not used, and says why', () => {
    const host = new MemoryHost({ '/s/hugo.toml': '', [PAGE]: page });
    host.set(CONFIG, { kind: 'binary', size: 12 });
    assert.deepEqual(
      new Workspace(host).configDiagnostics(CONFIG).map((d) => d.message),
      ['The configuration file is not used: it is a binary file (12 bytes), not JSON text.'],
    );
    host.set(CONFIG, { kind: 'outside', realPath: '/etc/passwd' });
    assert.deepEqual(
      new Workspace(host).configDiagnostics(CONFIG).map((d) => d.message),
      ['The configuration file is not used: it leads through a symbolic link to /etc/passwd, outside the site, and files outside the site are never read.'],
    );
  });

  it('wrong types are reported at the value, and the defaults are kept', () => {
    const config = '{ "includeRoots": "assets", "rules": { "link-page": 3 }, "linkExclusions": [1] }';
    const { ws } = lint(page, { [CONFIG]: config });
    assert.deepEqual(
      ws.configDiagnostics(CONFIG).map((d) => `${described(config, [d])[0]} ${d.message}`),
      [
        'config error 1:53-1:54 "3" link-page must be one of "error", "warning", "info", "hint", "off".',
        'config error 1:19-1:27 "\\"assets\\"" "includeRoots" must be a list, not the text "assets".',
        'config error 1:77-1:78 "1" "linkExclusions[0]" must be text, not number 1.',
      ],
    );
    assert.deepEqual(
      ws.lint(PAGE).diagnostics.map((d) => d.code),
      ['link-page'],
    );
  });

  it('a link exclusion that backtracks catastrophically is matched in linear time', () => {
    const config = '{ "linkExclusions": ["^/(a+)+$"] }';
    const target = `/${'a'.repeat(50_000)}!`;
    const { ws, diagnostics } = lint(`---\ntitle: T\ndescription: D\n---\n\n[x](${target})\n`, { [CONFIG]: config });
    assert.deepEqual(ws.configDiagnostics(CONFIG), []);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['link-page'],
    );
    const excluded = lint('---\ntitle: T\ndescription: D\n---\n\n[x](/aaaa)\n', { [CONFIG]: config });
    assert.deepEqual(
      excluded.diagnostics.map((d) => d.code),
      [],
    );
  });

  it('a pattern the linear-time engine cannot run is refused at the pattern', () => {
    const config = '{ "linkExclusions": ["^/ok/", "(a)\\\\1", "(?=x)"] }';
    const { ws } = lint(page, { [CONFIG]: config });
    assert.deepEqual(
      ws.configDiagnostics(CONFIG).map((d) => `${formatRange(d.range)} ${d.message}`),
      [
        '1:31-1:39 Not a regular expression the link checks can use: invalid escape sequence: `\\1` (RE2 syntax: no backreferences or look-around).',
        '1:41-1:48 Not a regular expression the link checks can use: invalid or unsupported Perl syntax: `(?=` (RE2 syntax: no backreferences or look-around).',
      ],
    );
  });

  it('a glob that takes exponential time to match is refused at the glob, and never compiled', () => {
    const config = '{ "ignore": ["content/legal/**", "**/*a*a*a*a*a*a*a*a*a*a*a*b"], "pageKinds": { "include": ["+(a|aa)+(a|aa)b"] } }';
    const long = `/s/content/${'a'.repeat(60)}.md`;
    const ws = new Workspace(new MemoryHost({ '/s/hugo.toml': '', [CONFIG]: config, [long]: '---\ntitle: T\ndescription: D\n---\n' }));
    assert.deepEqual(
      ws.configDiagnostics(CONFIG).map((d) => `${formatRange(d.range)} ${d.message.split(',')[0]}`),
      [
        '1:34-1:63 This glob is refused: its segment "*a*a*a*a*a*a*a*a*a*a*a*b" has more than two "*" wildcards',
        '1:93-1:110 This glob is refused: it repeats an extglob ("+(...)" or "*(...)")',
      ],
    );
    assert.deepEqual(ws.lint(long).diagnostics, []);
    assert.equal(globProblem('content/**/careers/matrix/**/!(_index).md'), undefined);
    assert.equal(globProblem('**/*-competency*.md'), undefined);
  });
});

describe('bad input: line breaks, BOM, size', () => {
  const page =
    '---\ntitle: T\ndescription: D\n---\n\n## Role\n\n[a](#nope) and [b](#role)\n\n| Responsibility | Description |\n| --- |\n| Term | |\n\n{{% include "includes/missing.md" %}}\n#### Jump\n';
  const ranges = (text: string) => lint(text).diagnostics.map((d) => `${d.code} ${formatRange(d.range)}`);
  const lf = ranges(page);

  it('LF, CRLF, lone CR and a mix give the same diagnostics at the same ranges', () => {
    assert.deepEqual(lf, ['link-fragment 8:5-8:10', 'table-shape 10:1-11:8', 'include-missing 14:14-14:33', 'heading-increment 15:6-15:10']);
    assert.deepEqual(ranges(page.replace(/\n/g, '\r\n')), lf);
    assert.deepEqual(ranges(page.replace(/\n/g, '\r')), lf);
    let i = 0;
    assert.deepEqual(ranges(page.replace(/\n/g, () => ['\r\n', '\n', '\r'][i++ % 3])), lf); // (a CR is never followed by an LF: that would be one CRLF)
  });

  it('a BOM is one more character on the first line only', () => {
    assert.deepEqual(ranges('\uFEFF' + page), lf);
    const noFrontMatter = '\uFEFF## Role\n\n[a](#nope)\n';
    assert.deepEqual(ranges(noFrontMatter), ['frontmatter-missing 1:2-1:9', 'link-fragment 3:5-3:10']);
  });

  it('a text over 4 MB (an open editor holds any size) gets the limit a file on disk gets', () => {
    const huge = page + 'word '.repeat(900_000);
    const ws = new Workspace(new MemoryHost({ '/s/hugo.toml': '', [PAGE]: page }));
    assert.deepEqual(
      ws.lint(PAGE, huge).diagnostics.map((d) => `${d.code} ${formatRange(d.range)} ${d.message}`),
      ['file-unreadable 1:1-1:1 This file is not checked: it is too large to check (4.3 MB).'],
    );
    assert.equal(ws.model(PAGE, huge), undefined);
  });
});
