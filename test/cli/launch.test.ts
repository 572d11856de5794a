// The career-lint executable (dist/cli.js, server/src/cli/launch.ts) runs the CLI bundle with V8's
// code cache, kept beside the bundle: written after a lint run that had none, used by the next one,
// and a cache of another bundle (its first line names the bundle's SHA-256 and Node) is not used but
// replaced. What the runs print never depends on it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from '../support/fixtureSite';

const dist = path.join(repoRoot, 'dist');
const skip = existsSync(path.join(dist, 'cli.js')) && existsSync(path.join(dist, 'cli-bundle.js')) ? false : 'dist/ is not built (npm run build)';

describe('the career-lint executable', { skip }, () => {
  it('keeps a code cache beside the bundle, uses it, and replaces one made for another bundle', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'career-launch-'));
    try {
      for (const f of ['cli.js', 'cli-bundle.js']) copyFileSync(path.join(dist, f), path.join(dir, f));
      const cache = path.join(dir, 'cli-bundle.js.v8-cache');
      const run = (...args: string[]) => {
        const r = spawnSync(process.execPath, [path.join(dir, 'cli.js'), ...args], { cwd: repoRoot, encoding: 'utf8' });
        return { status: r.status, stdout: r.stdout, stderr: r.stderr };
      };
      assert.equal(run('--version').status, 0);
      assert.ok(!existsSync(cache), '--version compiles too little to be worth a cache');
      const first = run('--format', 'json', 'examples/handbook');
      const firstLine = () => readFileSync(cache).toString('latin1').split('\n')[0];
      assert.match(firstLine(), new RegExp(`^\\S{44} ${process.version.replace(/\./g, '\\.')} ${process.arch}$`));
      const written = readFileSync(cache);
      assert.deepEqual(run('--format', 'json', 'examples/handbook'), first);
      assert.deepEqual(readFileSync(cache), written, 'a cache that is used is not written again');
      writeFileSync(cache, Buffer.concat([Buffer.from(`another-bundle ${process.version} ${process.arch}\n`), written.subarray(written.indexOf(10) + 1)]));
      assert.deepEqual(run('--format', 'json', 'examples/handbook'), first);
      assert.equal(firstLine(), written.toString('latin1').split('\n')[0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
