// Every snippet in snippets/markdown.json, expanded with its default values and put where an
// author would use it in a copy of the example site, passes our own linter with no error (the
// page-level ones with no diagnostic of their own at all) and previews without an error box.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../server/src/core/diagnostic';
import { Workspace } from '../../server/src/core/workspace';
import { expandSnippet, SnippetSyntaxError } from './snippetSyntax';
import { exampleHost, JOB_FAMILY, previewMarkdownIt, renderPage, REPO, SITE } from './previewSite';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

const SNIPPETS = JSON.parse(readFileSync(join(REPO, 'snippets/markdown.json'), 'utf8')) as Record<string, Snippet>;
const CAREER_DIR = `${SITE}/content/handbook/engineering/careers/matrix/quality/engineering-productivity`;
const SNIPPET = '$SNIPPET';

const careerHost = (body: string) =>
  `---\ntitle: "Host page"\ndescription: "A career page that receives the snippet."\n---\n\n## Intermediate Backend Engineer\n\n${body}`;

/** Where each snippet goes: the page it is tried in ($SNIPPET marks the spot; absent: the snippet is the page). */
const PLACES: Record<string, { path: string; page?: string; noDiagnostics?: boolean }> = {
  'career-page': { path: `${SITE}/content/handbook/engineering/careers/matrix/quality/new-track/intermediate.md` },
  'job-family-page': { path: `${SITE}/content/job-families/engineering/snippet-role.md`, noDiagnostics: true },
  'job-level': {
    path: JOB_FAMILY,
    page: readFileSync(join(REPO, 'examples/handbook/content/job-families/engineering/infrastructure/engineering-productivity-manager.md'), 'utf8').replace(
      '## Performance Indicators',
      `${SNIPPET}\n## Performance Indicators`,
    ),
    noDiagnostics: true,
  },
  include: { path: `${CAREER_DIR}/host.md`, page: careerHost(`### Values Alignment\n\n#### At GitLab\n\n${SNIPPET}\n`), noDiagnostics: true },
  'responsibility-table': {
    path: `${CAREER_DIR}/host.md`,
    page: careerHost(`### Technical Competencies\n\n#### Engineering Productivity\n\n${SNIPPET}\n`),
    noDiagnostics: true,
  },
  'responsibility-row': {
    path: `${CAREER_DIR}/host.md`,
    page: careerHost(`### Technical Competencies\n\n| Responsibility | Description |\n| --- | --- |\n| See it and find it | Finds things. |\n${SNIPPET}\n`),
    noDiagnostics: true,
  },
  'career-nav': {
    path: `${CAREER_DIR}/host.md`,
    page: careerHost(
      `${SNIPPET}\n\n### Intermediate Leadership Competencies\n\nText.\n\n### Intermediate Technical Competencies\n\nText.\n\n### Intermediate Values Alignment\n\nText.\n`,
    ),
    noDiagnostics: true,
  },
};

/** The variables VS Code sets for a snippet inserted into `path`. */
const variablesFor = (path: string) => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return { TM_FILENAME: name, TM_FILENAME_BASE: name.replace(/\.[^.]*$/, ''), TM_DIRECTORY: path.slice(0, path.lastIndexOf('/')), TM_FILEPATH: path };
};
const key = (d: Diagnostic, shift: number) => `${d.severity} ${d.code} ${d.range.start.line + shift}`;
const show = (ds: Diagnostic[]) => ds.map((d) => `${d.severity} ${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);

describe('snippets/markdown.json', () => {
  it('has a place to try every snippet, each with a prefix, a description and a body', () => {
    assert.deepEqual(
      Object.values(SNIPPETS)
        .map((s) => s.prefix)
        .sort(),
      Object.keys(PLACES).sort(),
    );
    for (const [name, s] of Object.entries(SNIPPETS)) {
      assert.ok(s.description.length > 20, `${name}: description`);
      assert.ok(Array.isArray(s.body) && s.body.length > 0, `${name}: body`);
    }
  });

  for (const [name, snippet] of Object.entries(SNIPPETS)) {
    const place = PLACES[snippet.prefix];
    it(`${snippet.prefix} (${name}): expanded with its defaults, lints without errors and previews without error boxes`, () => {
      const expanded = expandSnippet(snippet.body, variablesFor(place.path));
      assert.doesNotMatch(expanded, /\$\{?\d|\$\{?[A-Z_]/, 'every tabstop and variable is expanded');
      const text = place.page === undefined ? expanded : place.page.replace(SNIPPET, expanded);
      const host = exampleHost({ [place.path]: text });
      const result = new Workspace(host).lint(place.path);
      assert.equal(result.skipped, undefined);
      // What the host page had before the snippet (e.g. a seed's own defects) is not the snippet's
      // business: compare by severity, code and line, lines after the snippet shifted by its length.
      let before = new Set<string>();
      if (place.page !== undefined) {
        const at = place.page.slice(0, place.page.indexOf(SNIPPET)).split('\n').length - 1;
        const added = expanded.split('\n').length - 1;
        const host0 = exampleHost({ [place.path]: place.page.replace(SNIPPET, '') });
        before = new Set(new Workspace(host0).lint(place.path).diagnostics.map((d) => key(d, d.range.start.line > at ? added : 0)));
      }
      const introduced = result.diagnostics.filter((d) => !before.has(key(d, 0)));
      assert.deepEqual(show(introduced.filter((d) => d.severity === 'error')), []);
      if (place.noDiagnostics) assert.deepEqual(show(introduced), []);
      const html = renderPage(previewMarkdownIt(host), host, place.path, text);
      assert.doesNotMatch(html, /cp-include-error|cp-shortcode-error/);
    });
  }

  it('career-page: the level comes from the file name', () => {
    const text = expandSnippet(SNIPPETS['Career framework page'].body, variablesFor(`${CAREER_DIR}/senior.md`));
    assert.match(text, /^title: "Quality Career Framework: Senior Backend Engineer, Engineering Productivity"$/m);
    assert.match(text, /^- \[Leadership Competencies\]\(#senior-leadership-competencies\)$/m);
    assert.match(text, /^\{\{% include "includes\/engineering-careers\/senior-technical-competency.md" %\}\}$/m);
  });

  it("career-page: nav links point at the competency headings, includes name files that exist, and the only findings are the includes' own heading levels", () => {
    const path = PLACES['career-page'].path;
    const text = expandSnippet(SNIPPETS['Career framework page'].body, variablesFor(path));
    const host = exampleHost({ [path]: text });
    const ws = new Workspace(host);
    const model = ws.model(path)!;
    assert.equal(model.kind, 'career-page');
    assert.deepEqual(
      model.links.filter((l) => l.path === '').map((l) => l.fragment),
      ['intermediate-leadership-competencies', 'intermediate-technical-competencies', 'intermediate-values-alignment'],
    );
    for (const l of model.links.filter((x) => x.path === '')) assert.ok(model.anchors.has(l.fragment!), l.fragment);
    assert.deepEqual(
      model.includes.map((i) => [i.path, i.resolution.kind]),
      [
        ['includes/engineering-careers/ep-career-nav.md', 'found'],
        ['includes/engineering-careers/intermediate-leadership-competency.md', 'found'],
        ['includes/engineering-careers/intermediate-technical-competency.md', 'found'],
        ['includes/engineering-careers/values-competency.md', 'found'],
      ],
    );
    assert.deepEqual(
      model.headings.map((h) => `${h.level} ${h.id}`),
      [
        '2 intermediate-backend-engineer-engineering-productivity',
        '3 intermediate-leadership-competencies',
        '5 engineering',
        '3 intermediate-technical-competencies',
        '5 engineering-1',
        '4 engineering-productivity',
        '3 intermediate-values-alignment',
        '5 gitlab',
      ],
    );
    // The handbook's competency includes start at level 5 under level-3 sections (as in the seeds).
    assert.deepEqual(
      ws.lint(path).diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}`),
      ['heading-increment 20', 'heading-increment 24', 'heading-increment 34'],
    );
    assert.equal(text.split('\n')[19], '{{% include "includes/engineering-careers/intermediate-leadership-competency.md" %}}');
  });
});

describe('snippet syntax expansion', () => {
  it('uses defaults, first choices and mirrors', () => {
    assert.equal(expandSnippet('${1:a} $1 ${2|x,y|} ${2} $0'), 'a a x x ');
    assert.equal(expandSnippet('$1 ${1:later}'), 'later later');
    assert.equal(expandSnippet('${1:outer ${2:inner}} $2'), 'outer inner inner');
  });

  it('applies transforms with case modifiers and conditionals', () => {
    assert.equal(
      expandSnippet('${1:Senior Staff} ${1/(.*)/${1:/downcase}/} ${1/ /-/g} ${1/(Senior)|.*/${1:?yes:no}/} ${1/^(Senior)$|.*/${1:?yes:no}/}'),
      'Senior Staff senior staff Senior-Staff yes Staff no',
    );
    assert.equal(expandSnippet('${1:ab} ${1/(a)(z)?/${2:-none}${1:/upcase}${2:+Z}/}'), 'ab noneAb');
    assert.equal(expandSnippet('${1:a-b c} ${1/(.*)/${1:/pascalcase}/} ${1/(.*)/${1:/camelcase}/} ${1/(.*)/${1:/capitalize}/}'), 'a-b c ABC aBC A-b c');
  });

  it('handles variables, escapes and lone dollars', () => {
    assert.equal(
      expandSnippet('$TM_FILENAME ${TM_FILENAME_BASE/(.*)/${1:/upcase}/} ${UNKNOWN} ${NOPE:fallback}', { TM_FILENAME: 'a.md', TM_FILENAME_BASE: 'a' }),
      'a.md A UNKNOWN fallback',
    );
    assert.equal(expandSnippet('\\$1 \\} \\\\ $ 5 ${1:a\\}b}'), '$1 } \\ $ 5 a}b');
    assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
  });

  it('rejects malformed snippets', () => {
    assert.throws(() => expandSnippet('${1:open'), SnippetSyntaxError);
    assert.throws(() => expandSnippet('${1|a,b'), SnippetSyntaxError);
    assert.throws(() => expandSnippet('${1/a/b}'), SnippetSyntaxError);
  });
});
