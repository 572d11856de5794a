// Checks of career-lint's CI reports against what their consumers publish: SARIF against the OASIS
// SARIF 2.1.0 schema (test/fixtures/report-schemas, see NOTICE.txt there) and the properties GitHub
// code scanning requires; GitLab Code Quality against the required fields of GitLab's documentation
// ("Code Quality report format"); JUnit XML parsed back (well-formed, and what GitLab's unit test
// reports read). Each returns the parsed report for further, exact assertions.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ruleDocUrl } from '../../server/src/core/diagnostic';
import { repoRoot } from './fixtureSite';

const SCHEMA_DIR = path.join(repoRoot, 'test/fixtures/report-schemas');

let sarifValidator: ReturnType<Ajv['compile']> | undefined;

export type Sarif = any;

/** Valid against the SARIF 2.1.0 schema, and with every property GitHub marks as required, non-empty. */
export function checkSarif(text: string): Sarif {
  assert.notEqual(text.charCodeAt(0), 0xfeff, 'no byte order mark');
  const log = JSON.parse(text);
  if (!sarifValidator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    sarifValidator = ajv.compile(JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'sarif-schema-2.1.0.json'), 'utf8')));
  }
  assert.ok(sarifValidator(log), JSON.stringify(sarifValidator.errors?.slice(0, 5), null, 2));

  // GitHub's "Supported SARIF output file properties": required ones.
  const nonEmpty = (v: unknown, what: string) => assert.ok(typeof v === 'string' && v.length > 0, `${what} is a non-empty string`);
  nonEmpty(log.$schema, '$schema');
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  const driver = run.tool.driver;
  assert.equal(driver.name, 'career-lint');
  assert.ok(Array.isArray(driver.rules) && driver.rules.length > 0);
  const ids = new Set<string>();
  for (const rule of driver.rules) {
    nonEmpty(rule.id, 'rule id');
    assert.ok(!ids.has(rule.id), `rule ${rule.id} once`);
    ids.add(rule.id);
    nonEmpty(rule.shortDescription?.text, `${rule.id} shortDescription.text`);
    nonEmpty(rule.fullDescription?.text, `${rule.id} fullDescription.text`);
    nonEmpty(rule.help?.text, `${rule.id} help.text`);
    assert.ok(rule.shortDescription.text.length <= 1024 && rule.fullDescription.text.length <= 1024);
    assert.equal(rule.helpUri, ruleDocUrl(rule.id));
    assert.ok(existsSync(path.join(repoRoot, 'docs/rules', `${rule.id}.md`)), `docs/rules/${rule.id}.md exists`);
    assert.ok(['note', 'warning', 'error'].includes(rule.defaultConfiguration.level));
  }
  assert.ok(Array.isArray(run.results));
  assert.ok(run.results.length <= 25_000, 'GitHub takes at most 25,000 results per run');
  for (const r of run.results) {
    assert.equal(driver.rules[r.ruleIndex].id, r.ruleId);
    nonEmpty(r.message?.text, 'message.text');
    assert.ok(['note', 'warning', 'error'].includes(r.level));
    assert.equal(r.locations.length, 1);
    const loc = r.locations[0].physicalLocation;
    nonEmpty(loc.artifactLocation.uri, 'artifactLocation.uri');
    assert.ok(!/^[a-z]+:|^\//i.test(loc.artifactLocation.uri), `${loc.artifactLocation.uri} is relative`);
    assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(loc.region[k]) && loc.region[k] >= 1, `region.${k}`);
    nonEmpty(r.partialFingerprints?.primaryLocationLineHash, 'partialFingerprints.primaryLocationLineHash');
  }
  assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
  return log;
}

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

/** A JSON array (no byte order mark) of objects with GitLab's required fields, each fingerprint once. */
export function checkCodeQuality(text: string): CodeQualityIssue[] {
  assert.equal(text[0], '[', 'a JSON array, first byte "[" (no byte order mark)');
  const issues = JSON.parse(text) as CodeQualityIssue[];
  assert.ok(Array.isArray(issues));
  for (const i of issues) {
    for (const k of ['description', 'check_name', 'fingerprint'] as const) assert.ok(typeof i[k] === 'string' && i[k].length > 0, `${k} is a non-empty string`);
    assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(i.severity), `severity ${i.severity}`);
    assert.ok(
      typeof i.location.path === 'string' && i.location.path.length > 0 && !i.location.path.startsWith('/') && !i.location.path.includes('\\'),
      `relative path ${i.location.path}`,
    );
    assert.ok(Number.isInteger(i.location.lines.begin) && i.location.lines.begin >= 1);
  }
  const prints = issues.map((i) => i.fingerprint);
  assert.equal(new Set(prints).size, prints.length, 'every fingerprint once');
  return issues;
}

export interface JunitCase {
  classname: string;
  name: string;
  file: string;
  failures: { message: string; type: string; text: string }[];
  errors: { message: string; type: string; text: string }[];
  systemOut?: string;
}

/** Well-formed XML (only characters XML 1.0 allows), one testsuites > testsuite with consistent counts; its test cases. */
export function checkJunit(text: string): { suite: Record<string, string>; cases: JunitCase[] } {
  assert.equal(XMLValidator.validate(text), true);
  assert.ok(!/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(text), 'only characters XML 1.0 allows');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    textNodeName: '#text',
    parseAttributeValue: false,
    parseTagValue: false,
    htmlEntities: true, // (for the numeric character references XML defines: &#10; and the like)
    trimValues: false,
    isArray: (name) => ['testsuite', 'testcase', 'failure', 'error'].includes(name),
  });
  const doc = parser.parse(text);
  const suites = doc.testsuites.testsuite;
  assert.equal(suites.length, 1);
  const suite = suites[0];
  const raw = (suite.testcase ?? []) as any[];
  const cases: JunitCase[] = raw.map((c) => ({
    classname: c.classname,
    name: c.name,
    file: c.file,
    failures: (c.failure ?? []).map((f: any) => ({ message: f.message, type: f.type, text: f['#text'] })),
    errors: (c.error ?? []).map((f: any) => ({ message: f.message, type: f.type, text: f['#text'] })),
    ...(c['system-out'] === undefined ? {} : { systemOut: c['system-out'] }),
  }));
  const { testcase: _cases, '#text': _whitespace, ...attributes } = suite;
  assert.equal(Number(attributes.tests), cases.length);
  assert.equal(Number(attributes.failures), cases.filter((c) => c.failures.length).length);
  assert.equal(Number(attributes.errors), cases.filter((c) => !c.failures.length && c.errors.length).length);
  assert.equal(doc.testsuites.tests, attributes.tests);
  const keys = cases.map((c) => `${c.classname} ${c.name}`);
  assert.equal(new Set(keys).size, keys.length, 'GitLab keeps only the first of test cases with equal classname and name');
  return { suite: attributes, cases };
}
