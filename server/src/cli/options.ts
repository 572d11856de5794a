// The command line of career-lint, parsed once into plain options; every usage error is found here
// and said in one line. Reports come as ordered pairs: each --output belongs to the --format before
// it, and a format without an --output goes to standard output (only one may).

import { parseArgs } from 'node:util';
import { CONFIG_FILE_NAME } from '../core';

/** text and json for people and scripts; codequality (GitLab Code Quality), sarif (GitHub code scanning) and junit (GitLab test reports) for CI. */
export const REPORT_FORMATS = ['text', 'json', 'codequality', 'sarif', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportRequest {
  format: ReportFormat;
  /** A file to write, relative to the working directory; standard output when absent. */
  output?: string;
}

export interface CliOptions {
  paths: string[];
  configFile?: string;
  reports: ReportRequest[];
  /** Report (and fail on) only findings that this baseline file does not list. */
  baseline?: string;
  /** Write the findings of this run to this baseline file. */
  writeBaseline?: string;
  /** Lint only what changed since this git ref (and the pages that depend on it). */
  changedSince?: string;
  fix: boolean;
  dryRun: boolean;
  cache: boolean;
  cacheLocation?: string;
  /** Worker threads to check with (undefined: by the size of the run, see cli/parallel.ts). */
  jobs?: number;
  listRules: boolean;
  help: boolean;
  version: boolean;
}

export const USAGE = `Usage: career-lint [paths or globs...] [options]

Checks career-framework, job-family and other pages of a Hugo handbook: includes, anchors,
responsibility tables, front matter and page structure, with Hugo's own semantics.
Without paths it checks the content/ and include folders of the Hugo site around the
current directory.

Options:
  --config FILE            use this configuration file instead of looking for ${CONFIG_FILE_NAME}
  --format FORMAT          report format: ${REPORT_FORMATS.join(', ')} (default: text); may be given
                           more than once, each with its own --output
  --output FILE            write the report of the --format before it to FILE
  --baseline FILE          report and fail only on findings that FILE does not list
  --write-baseline FILE    record this run's findings in FILE (for --baseline)
  --changed-since REF      check the files changed since the branch left the git ref REF
                           (commits, staged, unstaged, untracked), and the files they can affect
  --fix                    apply the preferred fix of every fixable finding, then report the rest
  --dry-run                with --fix: print the changes as a unified diff, write nothing
  --cache                  reuse the findings of files whose text, includes and the pages they
                           read did not change since the last run
  --cache-location PATH    the cache file, or a folder for it (default:
                           node_modules/.cache/career-lint/ under the site root)
  --jobs N                 check on N threads (default: with 4 cores or more, one per core, at most
                           4, for 300 files or more; else 1: on this thread only)
  --list-rules             print the rule codes with their default severity and exit
  -h, --help               show this help
  -v, --version            show the version

Exit status: 0 no errors, 1 errors found (internal-error on a file the tool failed on),
2 usage or configuration error, 3 the tool failed outright (please report it).`;

/** The options, or the usage error to print (exit status 2). */
export function parseOptions(argv: string[]): CliOptions | { error: string } {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (e) {
    return { error: (e as Error).message };
  }
  const { values, positionals, tokens } = parsed;

  // --format and --output in the order written: an --output names the file of the --format before it.
  const reports: ReportRequest[] = [];
  for (const t of tokens ?? []) {
    if (t.kind !== 'option' || (t.name !== 'format' && t.name !== 'output')) continue;
    const value = String(t.value);
    if (t.name === 'format') {
      if (!(REPORT_FORMATS as readonly string[]).includes(value)) return { error: `--format must be one of ${REPORT_FORMATS.join(', ')}, not "${value}".` };
      reports.push({ format: value as ReportFormat });
    } else {
      if (!reports.length) reports.push({ format: 'text' }); // --output alone: the text report goes there
      const last = reports[reports.length - 1];
      if (last.output !== undefined)
        return { error: `--output ${value}: the --format before it already has an --output (${last.output}); give each report its own --format.` };
      last.output = value;
    }
  }
  if (!reports.length) reports.push({ format: 'text' });
  if (reports.filter((r) => r.output === undefined).length > 1)
    return { error: 'Only one report can go to standard output: give the others an --output FILE.' };
  const outputs = reports.flatMap((r) => (r.output === undefined ? [] : [r.output]));
  const twice = outputs.find((o, i) => outputs.indexOf(o) !== i);
  if (twice !== undefined) return { error: `--output ${twice} is given for two reports.` };
  if (values['dry-run'] && !values.fix) return { error: '--dry-run only goes with --fix.' };
  if (values['cache-location'] !== undefined && !values.cache) return { error: '--cache-location only goes with --cache.' };
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!/^\d+$/.test(values.jobs) || jobs < 1 || jobs > 64) return { error: `--jobs must be a whole number from 1 to 64, not "${values.jobs}".` };
  }

  return {
    paths: positionals,
    configFile: values.config,
    reports,
    baseline: values.baseline,
    writeBaseline: values['write-baseline'],
    changedSince: values['changed-since'],
    fix: !!values.fix,
    dryRun: !!values['dry-run'],
    cache: !!values.cache,
    cacheLocation: values['cache-location'],
    jobs,
    listRules: !!values['list-rules'],
    help: !!values.help,
    version: !!values.version,
  };
}

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    tokens: true,
    options: {
      config: { type: 'string' },
      format: { type: 'string', multiple: true },
      output: { type: 'string', multiple: true },
      baseline: { type: 'string' },
      'write-baseline': { type: 'string' },
      'changed-since': { type: 'string' },
      fix: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      cache: { type: 'boolean', default: false },
      'cache-location': { type: 'string' },
      jobs: { type: 'string' },
      'list-rules': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
}
