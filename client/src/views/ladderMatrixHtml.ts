// The ladder matrix view's HTML, from the data of the `careerPages/ladderMatrix` request. Pure (no
// VS Code API) so that tests render it and open it in a browser. Every piece of author text is
// escaped; the only script is ours, allowed by its nonce; styles come from media/ladderMatrix.css
// (the content security policy allows nothing else: no other script, style, image, frame or font,
// no <base>, no form submission). Cells are buttons carrying the index of their
// source location: the webview posts `{ type: 'open', target: index }` and the extension, which
// keeps the locations, opens the file (see parseMatrixMessage).

import type { CellState, LadderMatrixResult, MatrixLocation } from '../../../server/src/lsp/customProtocol';

export interface MatrixHtmlOptions {
  /** The webview's cspSource (where its stylesheets may come from). */
  cspSource: string;
  /** A fresh random nonce for the script tag. */
  nonce: string;
  /** Stylesheet URIs as the webview can load them (media/ladderMatrix.css first). */
  styleUris: string[];
  /** What the webview keeps with vscode.setState, for the panel to come back after a reload (webview serializer). */
  state?: MatrixViewState;
}

/** The view's saved state: the page it shows the matrix of. */
export interface MatrixViewState {
  page: string;
}

export interface RenderedMatrix {
  html: string;
  /** The places the cells and headers open, by the index their `data-target` carries. */
  targets: MatrixLocation[];
}

const STATE_TEXT: Record<CellState, string> = {
  present: '',
  drift: 'Spelled differently',
  gap: 'Missing: a lower level has it',
  explained: 'Left out: the page says why',
  'not-yet': 'Not yet: starts at a higher level',
  value: '',
  missing: 'Missing',
};

const LEGEND: Record<LadderMatrixResult['kind'], { state: CellState; text: string }[]> = {
  'career-ladder': [
    { state: 'gap', text: 'Gap: a lower level has this responsibility, this level does not (and does not say why)' },
    { state: 'drift', text: 'Spelling drift: the term is written differently than on the lowest level that has it' },
    { state: 'explained', text: 'Left out, and the page says why' },
    { state: 'not-yet', text: 'Not yet: the responsibility starts at a higher level' },
  ],
  'job-family': [{ state: 'missing', text: 'Missing: the level has no such section, or names no grade' }],
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The view's title (the webview panel's too). */
export function matrixTitle(matrix: LadderMatrixResult): string {
  return `Ladder Matrix: ${matrix.title}`;
}

export function renderLadderMatrixHtml(matrix: LadderMatrixResult, options: MatrixHtmlOptions): RenderedMatrix {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(options.nonce)) throw new Error('the nonce must be at least 16 base64 characters');
  const targets: MatrixLocation[] = [];
  const target = (location: MatrixLocation | undefined): string => {
    if (!location) return '';
    targets.push(location);
    return ` data-target="${targets.length - 1}"`;
  };
  const fileName = (uri: string) => {
    const last = uri.slice(uri.lastIndexOf('/') + 1);
    try {
      return decodeURIComponent(last);
    } catch {
      return last; // not percent-encoded as a URI should be: shown as it is
    }
  };
  const where = (l: MatrixLocation) => `${fileName(l.uri)}, line ${l.line + 1}`;

  const head = matrix.columns
    .map(
      (c) =>
        `<th scope="col"><button type="button" class="open"${target(c.location)} title="${escapeHtml(`Open ${where(c.location)}`)}">${escapeHtml(c.label)}</button></th>`,
    )
    .join('');
  const body = matrix.rows
    .map((row) => {
      const cells = row.cells
        .map((cell, i) => {
          const column = matrix.columns[i];
          const note = STATE_TEXT[cell.state];
          const written = cell.written !== undefined ? `<span class="written">written “${escapeHtml(cell.written)}”</span>` : '';
          const text = cell.text !== undefined ? `<span class="text">${escapeHtml(cell.text)}</span>` : `<span class="empty">${escapeHtml(note || '—')}</span>`;
          const label = [column?.label, note, cell.location ? `open ${where(cell.location)}` : ''].filter(Boolean).join(' · ');
          const content = `${written}${text}`;
          return `<td class="cell state-${escapeHtml(cell.state)}">${
            cell.location ? `<button type="button" class="open"${target(cell.location)} title="${escapeHtml(label)}">${content}</button>` : content
          }</td>`;
        })
        .join('');
      const drifted = row.cells.some((c) => c.state === 'drift');
      const gaps = row.cells.some((c) => c.state === 'gap' || c.state === 'missing');
      return `<tr class="${[drifted ? 'has-drift' : '', gaps ? 'has-gap' : ''].filter(Boolean).join(' ')}"><th scope="row">${escapeHtml(row.label)}</th>${cells}</tr>`;
    })
    .join('\n');

  const { gaps, drift, explained } = matrix.counts;
  const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  const summary =
    matrix.kind === 'career-ladder'
      ? [
          plural(matrix.columns.length, 'level'),
          plural(matrix.rows.length, 'responsibility', 'responsibilities'),
          plural(gaps, 'gap'),
          plural(drift, 'spelling drift', 'spelling drifts'),
          ...(explained ? [`${explained} explained`] : []),
        ].join(' · ')
      : [plural(matrix.columns.length, 'level'), plural(gaps, 'missing section or grade', 'missing sections or grades')].join(' · ');
  const legend = LEGEND[matrix.kind].map((l) => `<li><span class="swatch state-${l.state}" aria-hidden="true"></span>${escapeHtml(l.text)}</li>`).join('');

  // base-uri and form-action do not fall back to default-src.
  const csp = `default-src 'none'; style-src ${options.cspSource}; script-src 'nonce-${options.nonce}'; base-uri 'none'; form-action 'none';`;
  const html = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${options.styleUris.map((u) => `<link rel="stylesheet" href="${escapeHtml(u)}">`).join('\n')}
<title>${escapeHtml(matrixTitle(matrix))}</title>
</head>
<body class="ladder-matrix kind-${escapeHtml(matrix.kind)}">
<header>
<h1>${escapeHtml(matrix.title)}</h1>
<p class="subject">${escapeHtml(matrix.subject)}</p>
<p class="summary">${escapeHtml(summary)}</p>
</header>
<table class="matrix">
<thead><tr><th scope="col" class="corner">${escapeHtml(matrix.rowHeader)}</th>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
<ul class="legend">${legend}</ul>
<p class="hint">Click a cell to open its source line.</p>
<script nonce="${options.nonce}">
(function () {
  const vscode = acquireVsCodeApi();${
    options.state
      ? `
  vscode.setState(${scriptJson(options.state)});`
      : ''
  }
  document.addEventListener('click', function (event) {
    const button = event.target instanceof Element ? event.target.closest('button[data-target]') : null;
    if (!button) return;
    vscode.postMessage({ type: 'open', target: Number(button.getAttribute('data-target')) });
  });
})();
</script>
</body>
</html>
`;
  return { html, targets };
}

/** JSON that is safe inside a <script> element: no "<" (so no </script> or <!--), nor line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The state a restored panel comes back with, checked (it is whatever the webview saved). */
export function parseMatrixState(state: unknown): MatrixViewState | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const { page } = state as { page?: unknown };
  return typeof page === 'string' && page.length > 0 ? { page } : undefined;
}

/** A message from the webview, checked: only `{ type: 'open', target }` with a known target index is accepted. */
export function parseMatrixMessage(message: unknown, targets: readonly MatrixLocation[]): MatrixLocation | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, target } = message as { type?: unknown; target?: unknown };
  if (type !== 'open' || typeof target !== 'number' || !Number.isInteger(target) || target < 0 || target >= targets.length) return undefined;
  return targets[target];
}
