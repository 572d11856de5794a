// The status bar's data (core/features/pageInfo.ts), the session kind override the classifier honours,
// and the advice for making it permanent, checked against the linter's own classifier.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeOptions, PathClassifier, parseConfigText, type Options } from '../../../server/src/core/config';
import { pageInfo, permanentKindAdvice } from '../../../server/src/core/features/pageInfo';
import { EP, exampleWorkspace, findings, INCLUDES, JOB_FAMILY, ROOT } from './exampleSite';

describe('page info', () => {
  it('names the kind, its schema and where the kind comes from', () => {
    const { workspace } = exampleWorkspace();
    const senior = pageInfo(workspace, `${EP}/senior.md`)!;
    assert.deepEqual(
      { ...senior, file: undefined },
      {
        file: undefined,
        siteRoot: ROOT,
        relativePath: 'content/handbook/engineering/careers/matrix/quality/engineering-productivity/senior.md',
        checked: true,
        reason: undefined,
        kind: 'career-page',
        label: 'Career page',
        schema: 'career-page.schema.json',
        source: 'pageKinds',
        glob: 'content/**/careers/matrix/**/!(_index).md',
        configuredKind: 'career-page',
        configFile: undefined,
        // The example handbook's hugo.toml sets what the real handbook sets.
        idSettings: [
          "markup.goldmark.parser.autoHeadingIDType github (Hugo's default)",
          'enableEmoji true (hugo.toml)',
          "markup.goldmark.parser.attribute.title true (Hugo's default)",
          'markup.goldmark.parser.attribute.block true (hugo.toml)',
          'markup.goldmark.renderer.unsafe true (hugo.toml)',
        ],
      },
    );
    assert.deepEqual(
      [JOB_FAMILY, `${INCLUDES}/values-competency.md`, `${ROOT}/content/handbook/_index.md`, `${EP}/_index.md`].map((f) => {
        const i = pageInfo(workspace, f)!;
        return `${i.label} (${i.schema}, ${i.source})`;
      }),
      [
        'Job-family page (job-family.schema.json, pageKinds)',
        'Include file (include.schema.json, pageKinds)',
        'Page (page.schema.json, default)',
        'Page (page.schema.json, default)',
      ],
    );
  });

  it('has nothing for files outside a Hugo site or not Markdown, and says why a file of the site is not checked', () => {
    const { workspace } = exampleWorkspace({
      [`${ROOT}/README.md`]: '# Readme\n',
      [`${ROOT}/.career-pages.jsonc`]: '{ "ignore": ["content/handbook/hiring/**"] }',
    });
    assert.equal(pageInfo(workspace, '/elsewhere/x.md'), undefined);
    assert.equal(pageInfo(workspace, `${ROOT}/hugo.toml`), undefined);
    const readme = pageInfo(workspace, `${ROOT}/README.md`)!;
    assert.equal(readme.checked, false);
    assert.match(readme.reason!, /only Markdown under content/);
    const hiring = pageInfo(workspace, `${ROOT}/content/handbook/hiring/_index.md`)!;
    assert.equal(hiring.checked, false);
    assert.equal(hiring.reason, 'Ignored by the configuration (ignore globs in .career-pages.jsonc).');
    assert.equal(hiring.configFile, `${ROOT}/.career-pages.jsonc`);
  });
});

describe('session kind override', () => {
  it('makes the classifier, the model and the rules treat the file as the chosen kind, and can be undone', () => {
    const { workspace } = exampleWorkspace();
    const file = `${EP}/senior.md`;
    assert.ok(findings(workspace, file).includes('12:29 warning link-fragment'));
    const affected = workspace.setKindOverride(file, 'job-family');
    assert.ok(affected !== 'all' && affected.has(file));
    const info = pageInfo(workspace, file)!;
    assert.deepEqual([info.kind, info.label, info.source, info.configuredKind], ['job-family', 'Job-family page', 'session', 'career-page']);
    assert.equal(workspace.model(file)!.kind, 'job-family');
    // As a job-family page it lacks the job-family sections.
    assert.ok(
      workspace.lint(file).diagnostics.some((d) => d.code === 'page-structure' && /## Levels/.test(d.message)),
      JSON.stringify(findings(workspace, file)),
    );
    // Settings change: the override survives.
    workspace.setSettings({ rules: { 'include-delimiter': 'off' } });
    assert.equal(workspace.lint(file).kind, 'job-family');
    workspace.setKindOverride(file, undefined);
    assert.equal(workspace.lint(file).kind, 'career-page');
    assert.equal(pageInfo(workspace, file)!.source, 'pageKinds');
  });

  it('re-checks the sibling level pages whose ladder the file belongs to', () => {
    const { workspace } = exampleWorkspace();
    workspace.lint(`${EP}/senior.md`); // reads intermediate.md as a sibling: senior depends on it
    const affected = workspace.setKindOverride(`${EP}/intermediate.md`, 'page');
    assert.ok(affected !== 'all' && affected.has(`${EP}/senior.md`));
  });
});

describe('making a kind permanent', () => {
  /** The kind the classifier gives `relative` once the advice's snippet is in the config file. */
  const kindWith = (options: Options, snippet: string, relative: string) =>
    new PathClassifier(mergeOptions(options, parseConfigText(snippet).value as Partial<Options>)).kindOf(relative, false);

  it('repeats the globs in force and adds the file, and the classifier then agrees', () => {
    const { workspace } = exampleWorkspace();
    const file = `${ROOT}/content/handbook/engineering/_index.md`;
    const site = workspace.siteFor(file)!;
    const advice = permanentKindAdvice(site, file, 'career-page');
    assert.equal(advice.configFile, `${ROOT}/.career-pages.jsonc`);
    assert.equal(advice.exists, false);
    assert.equal(
      advice.snippet,
      JSON.stringify({ pageKinds: { 'career-page': ['content/**/careers/matrix/**/!(_index).md', 'content/handbook/engineering/_index.md'] } }, null, 2),
    );
    assert.equal(kindWith(site.options, advice.snippet!, 'content/handbook/engineering/_index.md'), 'career-page');
    // Other files keep their kinds.
    assert.equal(
      kindWith(site.options, advice.snippet!, 'content/handbook/engineering/careers/matrix/quality/engineering-productivity/senior.md'),
      'career-page',
    );
    assert.equal(kindWith(site.options, advice.snippet!, 'content/handbook/_index.md'), 'page');
  });

  it('names the glob to narrow when an earlier kind matches the file', () => {
    const { workspace } = exampleWorkspace();
    const file = `${EP}/senior.md`;
    const site = workspace.siteFor(file)!;
    const advice = permanentKindAdvice(site, file, 'job-family');
    assert.equal(advice.snippet, undefined);
    assert.equal(
      advice.explanation,
      'The career-page glob "content/**/careers/matrix/**/!(_index).md" in pageKinds matches content/handbook/engineering/careers/matrix/quality/engineering-productivity/senior.md and comes before job-family; narrow it in .career-pages.jsonc so that it no longer matches this file.',
    );
    assert.match(permanentKindAdvice(site, file, 'page').explanation, /and the file becomes a plain page\.$/);
    assert.match(permanentKindAdvice(site, file, 'career-page').explanation, /already makes/);
  });
});
