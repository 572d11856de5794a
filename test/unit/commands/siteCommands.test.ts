// "Lint Workspace" (core/features/siteLint.ts) and "Convert Include Delimiters in File"
// (core/features/convertDelimiters.ts) on examples/handbook.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convertIncludeDelimiters } from '../../../server/src/core/features/convertDelimiters';
import { siteLintFiles, siteLintSteps, summarizeDiagnostics } from '../../../server/src/core/features/siteLint';
import { FeatureError } from '../../../server/src/core/features/types';
import { MemoryHost } from '../../../server/src/core/host';
import { LineIndex } from '../../../server/src/core/text';
import { Workspace } from '../../../server/src/core/workspace';
import { EP, exampleFiles, exampleWorkspace, INCLUDES, ROOT } from './exampleSite';

/** Applies core edits (non-overlapping) to a text. */
function apply(
  text: string,
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[],
): string {
  const lines = new LineIndex(text);
  return [...edits]
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start)
    .reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}

describe('Lint Workspace', () => {
  it('checks every page and include file of the site, building the index first, in steps', () => {
    const workspace = new Workspace(new MemoryHost(exampleFiles()));
    const site = workspace.siteFor(`${ROOT}/content/x.md`)!;
    const files = siteLintFiles(workspace, site);
    assert.equal(files.length, 26); // as the CLI counts examples/handbook
    assert.deepEqual(
      files.slice(-6).map((f) => f.slice(INCLUDES.length + 1)),
      [
        'ep-career-nav.md',
        'intermediate-leadership-competency.md',
        'intermediate-technical-competency.md',
        'senior-leadership-competency.md',
        'senior-technical-competency.md',
        'values-competency.md',
      ],
    );
    const steps = [...siteLintSteps(workspace, site, { batch: 10 })];
    assert.deepEqual(
      steps.map((s) => `${s.phase} ${s.done}/${s.total} ${s.results.length}`),
      ['index 10/20 0', 'index 20/20 0', 'index 20/20 0', 'lint 10/26 10', 'lint 20/26 10', 'lint 26/26 6'],
    );
    const results = steps.flatMap((s) => s.results);
    // The same findings as `career-lint examples/handbook`: 1 error, 14 warnings (see npm start).
    assert.deepEqual(summarizeDiagnostics(results), { files: 26, errors: 1, warnings: 14, others: 0, filesWithProblems: 6 });
    // Its links to the values page find it; its heading jump on the page that includes it is reported here, once.
    assert.deepEqual(
      results.find((r) => r.file.endsWith('values-competency.md'))!.diagnostics.map((d) => `${d.code} ${d.range.start.line + 1}`),
      ['heading-increment 1'],
    );
  });
});

describe('Convert Include Delimiters in File', () => {
  it('rewrites every {{< include >}} of the intermediate seed to {{% %}}, inside and out, and a second run finds nothing', () => {
    const { host, workspace } = exampleWorkspace();
    const file = `${EP}/intermediate.md`;
    const text = (host.readFile(file) as { text: string }).text;
    const result = convertIncludeDelimiters(workspace, file, text);
    assert.equal(result.to, '%');
    assert.equal(result.converted, 4);
    assert.equal(result.skipped, 0);
    assert.deepEqual(result.edits[0], { file, range: { start: { line: 7, character: 0 }, end: { line: 7, character: 3 } }, newText: '{{%' });
    const converted = apply(text, result.edits);
    assert.deepEqual(
      converted.split('\n').filter((l) => l.startsWith('{{')),
      [
        '{{% include "includes/engineering-careers/ep-career-nav.md" %}}',
        '{{% include "includes/engineering-careers/intermediate-leadership-competency.md" %}}',
        '{{% include "includes/engineering-careers/intermediate-technical-competency.md" %}}',
        '{{% include "includes/engineering-careers/values-competency.md" %}}',
      ],
    );
    assert.equal(converted.replace(/\{\{% include/g, '{{< include').replace(/" %\}\}/g, '" >}}'), text);
    assert.equal(convertIncludeDelimiters(workspace, file, converted).edits.length, 0);
  });

  it('goes the other way when the site prefers {{< >}}, converts even where the rule is off, and leaves code alone', () => {
    const file = `${ROOT}/content/p.md`;
    const { workspace } = exampleWorkspace({
      [`${ROOT}/.career-pages.jsonc`]: '{ "preferredDelimiter": "<", "rules": { "include-delimiter": "off" } }',
      [file]:
        '---\ntitle: P\n---\n\n{{%include "includes/engineering-careers/ep-career-nav.md"%}}\n\n`{{% include "x.md" %}}`\n\n```\n{{% include "y.md" %}}\n```\n',
    });
    const text = (workspace.host.readFile(file) as { text: string }).text;
    const result = convertIncludeDelimiters(workspace, file, text);
    assert.equal(result.to, '<');
    assert.equal(result.converted, 1);
    assert.equal(apply(text, result.edits).split('\n')[4], '{{<include "includes/engineering-careers/ep-career-nav.md">}}');
  });

  it('refuses include files (Hugo does not expand shortcodes in them) and files outside a site', () => {
    const { workspace } = exampleWorkspace();
    assert.throws(() => convertIncludeDelimiters(workspace, `${INCLUDES}/values-competency.md`, '{{< include "x.md" >}}\n'), FeatureError);
    assert.throws(() => convertIncludeDelimiters(workspace, '/elsewhere/p.md', ''), FeatureError);
  });
});
