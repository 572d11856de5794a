// The seed pages of examples/handbook show what a careful reviewer expects, at exact ranges
// (0-based "line:character"), in the real editor.

import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { codeOf, describeAll, waitForDiagnostics } from '../support/diagnostics';
import { openPage, PAGES } from '../support/workspace';

/** The codes these tests are about; diagnostics of rules added later do not disturb them. */
const SEED_CODES = new Set(['include-delimiter', 'link-fragment', 'heading-increment']);

async function seedDiagnostics(page: string, expected: string[]): Promise<{ doc: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
  const { document: doc } = await openPage(page);
  const relevant = (ds: vscode.Diagnostic[]) => ds.filter((d) => SEED_CODES.has(codeOf(d) ?? ''));
  const diagnostics = await waitForDiagnostics(doc.uri, (ds) => relevant(ds).length >= expected.length, `${expected.length} seed diagnostics`);
  assert.deepEqual(describeAll(relevant(diagnostics)), expected);
  return { doc, diagnostics: relevant(diagnostics) };
}

suite('seed pages', () => {
  test('intermediate.md: {{< >}} includes and the three nav links without a matching heading', async () => {
    const { doc, diagnostics } = await seedDiagnostics(PAGES.intermediate, [
      'include-delimiter warning 7:0-7:63',
      'link-fragment warning 12:28-12:52',
      'link-fragment warning 13:27-13:50',
      'link-fragment warning 14:21-14:38',
      'include-delimiter warning 21:0-21:84',
      'include-delimiter warning 25:0-25:83',
      'include-delimiter warning 42:0-42:67',
    ]);
    const fragments = diagnostics.filter((d) => codeOf(d) === 'link-fragment').map((d) => doc.getText(d.range));
    assert.deepEqual(fragments, ['#leadership-competencies', '#technical-competencies', '#values-alignment']);
    assert.equal(doc.getText(diagnostics[0].range), '{{< include "includes/engineering-careers/ep-career-nav.md" >}}');
  });

  test('senior.md: nav links, and heading jumps caused by the included ##### headings, reported at the include calls', async () => {
    const { doc, diagnostics } = await seedDiagnostics(PAGES.senior, [
      'link-fragment warning 11:28-11:52',
      'link-fragment warning 12:27-12:50',
      'link-fragment warning 13:21-13:38',
      'heading-increment warning 19:0-19:78',
      'heading-increment warning 23:0-23:77',
      'heading-increment warning 41:0-41:67',
    ]);
    const jumps = diagnostics.filter((d) => codeOf(d) === 'heading-increment');
    assert.equal(doc.getText(jumps[0].range), '{{% include "includes/engineering-careers/senior-leadership-competency.md" %}}');
    // Related information points into the included file, at the heading that jumps.
    const related = jumps[0].relatedInformation ?? [];
    assert.ok(
      related.some((r) => r.location.uri.path.endsWith('/assets/includes/engineering-careers/senior-leadership-competency.md')),
      `related information: ${JSON.stringify(related.map((r) => r.location.uri.path))}`,
    );
  });
});
