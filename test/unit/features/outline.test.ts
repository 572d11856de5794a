// The outline (document symbols with included headings under their include call) and folding ranges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldingRanges } from '../../../server/src/core/features/folding';
import { documentSymbols } from '../../../server/src/core/features/symbols';
import type { DocumentSymbol } from '../../../server/src/core/features/types';
import { range, SENIOR, siteWorkspace, text } from './site';

/** [# ]name (detail) [start line-end line] with children indented. */
function outline(symbols: DocumentSymbol[], indent = ''): string[] {
  return symbols.flatMap((s) => [
    `${indent}${s.kind === 'include' ? '' : '# '}${s.name} (${s.detail}) [${s.range.start.line}-${s.range.end.line}]`,
    ...outline(s.children, indent + '  '),
  ]);
}

describe('document symbols', () => {
  it('nests headings by level and shows included headings under their include call, marked as included', () => {
    const { host, workspace } = siteWorkspace();
    const symbols = documentSymbols(workspace, SENIOR, text(host, SENIOR));
    assert.deepEqual(outline(symbols), [
      '# Senior Engineer (#senior-engineer) [5-23]',
      '  include includes/careers/nav.md (assets/includes/careers/nav.md) [7-7]',
      '  # Senior Leadership (#senior-leadership) [12-14]',
      '    include includes/careers/senior-leadership.md (assets/includes/careers/senior-leadership.md) [14-14]',
      '      # Leadership (included from assets/includes/careers/senior-leadership.md) [14-14]',
      '  # Senior Technical (#senior-technical) [16-23]',
      '    include includes/careers/senior-technical.md (assets/includes/careers/senior-technical.md) [18-18]',
      '      # Technical (included from assets/includes/careers/senior-technical.md) [18-18]',
    ]);
    const leadership = symbols[0].children[1];
    assert.deepEqual(leadership.range, range(12, 0, 55, 14));
    assert.deepEqual(leadership.selectionRange, range(12, 4, 21));
    assert.deepEqual(leadership.children[0].selectionRange, range(14, 13, 50));
  });

  it('marks includes that are missing or not rendered with the page', () => {
    const { host, workspace } = siteWorkspace();
    const s = text(host, SENIOR)
      .replace('{{% include "includes/careers/nav.md" %}}', '{{< include "includes/careers/nav.md" >}}')
      .replace('senior-technical.md', 'gone.md');
    const details = documentSymbols(workspace, SENIOR, s)[0].children.filter((c) => c.kind === 'include' || c.children.some((x) => x.kind === 'include'));
    assert.deepEqual(
      outline(details).filter((l) => l.includes('include ')),
      [
        'include includes/careers/nav.md (assets/includes/careers/nav.md (not rendered as part of the page)) [7-7]',
        '  include includes/careers/senior-leadership.md (assets/includes/careers/senior-leadership.md) [14-14]',
        '  include includes/careers/gone.md (not found) [18-18]',
      ],
    );
  });
});

describe('folding ranges', () => {
  it('folds the front matter and every section down to its last non-blank line', () => {
    const { host, workspace } = siteWorkspace();
    assert.deepEqual(foldingRanges(workspace, SENIOR, text(host, SENIOR)), [
      { startLine: 0, endLine: 3 },
      { startLine: 5, endLine: 23 },
      { startLine: 12, endLine: 14 },
      { startLine: 16, endLine: 23 },
    ]);
  });
});
