// career-lint in-process, with its output collected: what the CLI tests call.
import { runCli } from '../../server/src/cli/cli';
import type { Host } from '../../server/src/core/host';
import { repoRoot } from './fixtureSite';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `career-lint args` in `cwd` (default: the checkout), version 9.9.9, over `host` (default: the disk). */
export async function runCareerLint(args: string[], cwd = repoRoot, host?: Host): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { cwd, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), version: '9.9.9', host });
  return { code, stdout, stderr };
}
