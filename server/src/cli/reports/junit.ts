// The JUnit XML report, as GitLab's unit test reports read it (`artifacts:reports:junit`): one
// <testsuite> with one <testcase> per checked file (classname "career-lint", name and file the path
// relative to the repository). GitLab keys a test case by classname and name and shows failure,
// error and system-out text.
// - Each error finding is a <failure> of its file's test case (message: the finding's message,
//   type: its rule code; text: the `path:line:column code message` line).
// - internal-error, a failure of the tool rather than of the page, is an <error>.
// - Warnings, info and hints do not fail the test case, as they do not fail the run: they are lines
//   of the case's <system-out>, which GitLab shows after a failed case's failures. A file with
//   warnings only is a passing test case.
// Everything the pages say is escaped; characters XML 1.0 cannot carry at all (control characters,
// lone surrogates) become U+FFFD.

import { type Diagnostic, INTERNAL_ERROR } from '../../core';
import { repositoryPath, type ReportInput } from './report';

export const JUNIT_CLASSNAME = 'career-lint';

export function junitReport(input: ReportInput): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of input.files) byFile.set(f, []);
  for (const d of input.diagnostics) {
    let list = byFile.get(d.file);
    if (!list) byFile.set(d.file, (list = [])); // a finding on no checked file: the site itself (indexing failed)
    list.push(d);
  }
  const line = (d: Diagnostic) =>
    `${repositoryPath(input, d.file)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`;
  let failures = 0;
  let errors = 0;
  const cases: string[] = [];
  for (const [file, ds] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const name = attr(repositoryPath(input, file));
    const body: string[] = [];
    for (const d of ds) {
      if (d.severity !== 'error') continue;
      const tag = d.code === INTERNAL_ERROR ? 'error' : 'failure';
      body.push(`      <${tag} message="${attr(d.message)}" type="${attr(d.code)}">${text(line(d))}</${tag}>`);
    }
    const others = ds.filter((d) => d.severity !== 'error');
    if (others.length) body.push(`      <system-out>${text(others.map(line).join('\n'))}</system-out>`);
    if (ds.some((d) => d.severity === 'error' && d.code !== INTERNAL_ERROR)) failures++;
    else if (ds.some((d) => d.code === INTERNAL_ERROR)) errors++;
    const open = `    <testcase classname="${JUNIT_CLASSNAME}" name="${name}" file="${name}"`;
    cases.push(body.length ? `${open}>\n${body.join('\n')}\n    </testcase>` : `${open}/>`);
  }
  const counts = `tests="${cases.length}" failures="${failures}" errors="${errors}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="career-lint" ${counts}>`,
    `  <testsuite name="career-lint" ${counts} skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/** Text XML 1.0 can hold: tab, line breaks and everything from U+0020 up, except lone surrogates and U+FFFE/U+FFFF. */
function xmlChars(s: string): string {
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

function text(s: string): string {
  return xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value: also quotes, and line breaks and tabs as references (a parser would turn them into spaces). */
function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
