// The SARIF 2.1.0 report, as GitHub code scanning takes it (upload-sarif): one run whose tool.driver
// names career-lint, its version and every rule (id, descriptions, help and helpUri to the rule's
// doc page, default level), and one result per finding with its rule, level, message, a location
// relative to %SRCROOT% (the repository root) with a 1-based region, and partialFingerprints. GitHub
// matches results across runs by primaryLocationLineHash, the only fingerprint it reads; it gets our
// content-based fingerprint (fingerprints.ts), under that name and under our own versioned one, so a
// line added above a finding does not close its alert and open a new one. Columns count UTF-16 code
// units, as the core's do (run.columnKind says so).

import { pathToFileURL } from 'node:url';
import { type Diagnostic, INTERNAL_ERROR, PROJECT_URL, type Range, ruleDocUrl, RULES, type Severity } from '../../core';
import { fromCorePath } from '../../node/nodeHost';
import { repositoryPath, type ReportInput } from './report';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** Our own partialFingerprints key (SARIF asks for a versioned name). */
export const FINGERPRINT_KEY = 'careerLintFingerprint/v1';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The rules in SARIF's order (ruleIndex): the registry's, then internal-error, which is not a rule but a report about the tool. */
const DESCRIPTORS: { code: string; summary: string; level: Level }[] = [
  ...RULES.map((r) => ({ code: r.code, summary: r.summary, level: LEVEL[r.defaultSeverity] })),
  {
    code: INTERNAL_ERROR,
    summary: 'Career Pages itself failed on this file (a bug in the tool, never a problem of the page): please report it.',
    level: 'error',
  },
];
const RULE_INDEX = new Map(DESCRIPTORS.map((r, i) => [r.code, i]));

export function toSarif(input: ReportInput): Record<string, unknown> {
  const location = (file: string, range: Range) => ({
    physicalLocation: {
      artifactLocation: { uri: repositoryPath(input, file).split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT },
      region: { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 },
    },
  });
  const result = (d: Diagnostic) => {
    const fingerprint = input.fingerprint(d);
    const ruleIndex = RULE_INDEX.get(d.code);
    return {
      ruleId: d.code,
      ...(ruleIndex === undefined ? {} : { ruleIndex }),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [location(d.file, d.range)],
      ...(d.related?.length ? { relatedLocations: d.related.map((r, i) => ({ id: i + 1, ...location(r.file, r.range), message: { text: r.message } })) } : {}),
      partialFingerprints: { primaryLocationLineHash: fingerprint, [FINGERPRINT_KEY]: fingerprint },
      ...(input.baseline ? { baselineState: 'new' } : {}),
    };
  };
  const semver = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(input.version);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'career-lint',
            version: input.version,
            ...(semver ? { semanticVersion: input.version } : {}),
            informationUri: PROJECT_URL,
            rules: DESCRIPTORS.map((r) => ({
              id: r.code,
              name: r.code,
              shortDescription: { text: r.summary },
              fullDescription: { text: r.summary },
              help: {
                text: `${r.summary}\n\nDocumentation: ${ruleDocUrl(r.code)}`,
                markdown: `${r.summary}\n\n[Documentation of ${r.code}](${ruleDocUrl(r.code)})`,
              },
              helpUri: ruleDocUrl(r.code),
              defaultConfiguration: { level: r.level },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(fromCorePath(input.root)).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        results: input.diagnostics.map(result),
        ...(input.baseline ? { properties: { baseline: { file: input.baseline.file, known: input.baseline.known, fixed: input.baseline.fixed } } } : {}),
      },
    ],
  };
}

export function sarifReport(input: ReportInput): string {
  return JSON.stringify(toSarif(input), null, 2) + '\n';
}
