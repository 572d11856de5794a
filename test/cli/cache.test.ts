// career-lint --cache: after each edit of a copy of examples/handbook, a cached run reports exactly
// what a run without the cache reports, and re-checks only what the edit can change; a damaged,
// truncated or foreign cache file is ignored and rewritten; on the real handbook, a re-run after
// one page changed costs a fraction of a cold run (a ratio of two runs in one test, never a time).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/cli';
import type { Host } from '../../server/src/core';
import { NODE_DISK, NodeHost } from '../../server/src/node/nodeHost';
import { repoRoot } from '../support/fixtureSite';
import { copyOfExample } from '../support/lspClient';

const TRACK = 'content/handbook/engineering/careers/matrix/quality/engineering-productivity';
const TEAM = 'content/handbook/engineering/infrastructure/engineering-productivity/_index.md';
const CACHE = path.join('node_modules', '.cache', 'career-lint', 'cache.json');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  report: string;
  stats?: { reused: number; files: number; read: number; pages: number };
}

async function cli(dir: string, args: string[], version = '9.9.9', host?: Host): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const cq = path.join(dir, '..', `${path.basename(dir)}-codequality.json`);
  const code = await runCli(['--format', 'json', '--format', 'codequality', '--output', cq, ...args], {
    cwd: dir,
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    version,
    host,
  });
  const report = existsSync(cq) ? readFileSync(cq, 'utf8') : '';
  rmSync(cq, { force: true });
  const m = /^career-lint: cache .*: findings of (\d+) of (\d+) files? reused, (\d+) of (\d+) pages? read\.$/m.exec(stderr);
  const stats = m ? { reused: Number(m[1]), files: Number(m[2]), read: Number(m[3]), pages: Number(m[4]) } : undefined;
  return { code, stdout, stderr, report, stats };
}

/** A cached run and a run without the cache, which must report the same, byte for byte. */
async function compare(dir: string, args: string[] = [], host?: Host): Promise<Run> {
  const cold = await cli(dir, args, undefined, host);
  const cached = await cli(dir, ['--cache', ...args], undefined, host);
  assert.equal(cached.stdout, cold.stdout);
  assert.equal(cached.report, cold.report);
  assert.equal(cached.code, cold.code);
  assert.equal(cached.stderr.replace(/^career-lint: cache .*\n/m, ''), cold.stderr);
  assert.ok(cached.stats, cached.stderr);
  return cached;
}

function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const p = path.join(dir, file);
  const text = readFileSync(p, 'utf8');
  const next = text.replace(from, to);
  assert.notEqual(next, text, `${file}: ${from} not found`);
  writeFileSync(p, next);
}

/**
 * The disk, with every file's change and modification times a minute earlier than they are (the
 * copy was made a moment ago, and a stamp is kept only for a file that last changed 2 s or more
 * before it was taken), except for the files `racy` names: their times are in the future and never
 * move, as if each write landed in the same tick of the file system's clock. Counts what is opened
 * and which folders are listed.
 */
function stampedDisk(racy: (p: string) => boolean = () => false) {
  const opened: string[] = [];
  const listed: string[] = [];
  const future = Date.now() + 3_600_000;
  const shift = <T extends { ctimeMs: number; mtimeMs: number } | undefined>(p: string, stat: T): T => {
    if (stat) {
      if (racy(p)) stat.ctimeMs = stat.mtimeMs = future;
      else {
        stat.ctimeMs -= 60_000;
        stat.mtimeMs -= 60_000;
      }
    }
    return stat;
  };
  const fds = new Map<number, string>();
  const disk = {
    ...NODE_DISK,
    statIfAny: (p: string) => shift(p, NODE_DISK.statIfAny(p)),
    stat: (p: string) => shift(p, NODE_DISK.stat(p)),
    open: (p: string, flags: number) => {
      const fd = NODE_DISK.open(p, flags);
      opened.push(p);
      fds.set(fd, p);
      return fd;
    },
    fstat: (fd: number) => shift(fds.get(fd) ?? '', NODE_DISK.fstat(fd)),
  };
  class CountingHost extends NodeHost {
    override listFiles(dir: string): string[] {
      listed.push(dir);
      return super.listFiles(dir);
    }
  }
  return { host: new CountingHost({ disk }), opened, listed };
}

const codes = (r: Run, file: string) =>
  (JSON.parse(r.stdout) as { diagnostics: { file: string; code: string }[] }).diagnostics.filter((d) => d.file === file).map((d) => d.code);

describe('career-lint --cache', () => {
  it('reports what a run without the cache reports, after every kind of edit, and checks again only what an edit can change', async () => {
    const example = copyOfExample();
    const { dir } = example;
    try {
      // First run: nothing to reuse; second: everything, and no page is read.
      let r = await compare(dir);
      assert.deepEqual(r.stats, { reused: 0, files: 26, read: 20, pages: 20 });
      assert.ok(existsSync(path.join(dir, CACHE)));
      r = await compare(dir);
      assert.deepEqual(r.stats, { reused: 26, files: 26, read: 0, pages: 20 });

      // A heading another page links to (intermediate.md's team-page link): the team page and the
      // two level pages that link to it are checked again.
      edit(dir, TEAM, '## Areas of responsibility', '## Areas we own');
      r = await compare(dir);
      assert.deepEqual(r.stats, { reused: 23, files: 26, read: 3, pages: 20 });
      assert.ok(codes(r, `${TRACK}/intermediate.md`).filter((c) => c === 'link-fragment').length === 4);

      // An include file's heading: the file itself, the two pages that include it, and what a heading
      // jump depends on, which the pages' outlines decide: their other include files (senior's two
      // competency files, the nav file) and the track's _index.md, which shares the nav file with them.
      edit(dir, 'assets/includes/engineering-careers/values-competency.md', '##### GitLab', '#### GitLab');
      r = await compare(dir);
      assert.deepEqual(r.stats, { reused: 19, files: 26, read: 3, pages: 20 });

      // A page deleted that an include file links to (the include file unchanged): its /handbook/values/
      // links lead nowhere; written again with one heading, they lead to it, and five of their anchors
      // are not there. Only the include file is checked again (and the page when it is there); the
      // include file's check reads the two pages that include it.
      const values = path.join(dir, 'content/handbook/values/_index.md');
      rmSync(values);
      r = await compare(dir);
      assert.deepEqual(codes(r, 'assets/includes/engineering-careers/values-competency.md'), [
        'link-page',
        'link-page',
        'link-page',
        'link-page',
        'link-page',
        'link-page',
      ]);
      assert.deepEqual(r.stats, { reused: 24, files: 25, read: 2, pages: 19 });
      writeFileSync(values, '---\ntitle: "Values"\ndescription: "Our values."\n---\n\n## Collaboration competency\n');
      r = await compare(dir);
      assert.deepEqual(codes(r, 'assets/includes/engineering-careers/values-competency.md'), [
        'link-fragment',
        'link-fragment',
        'link-fragment',
        'link-fragment',
        'link-fragment',
      ]);
      assert.deepEqual(r.stats, { reused: 24, files: 26, read: 3, pages: 20 });

      // A page deleted that the job-family page links to (its file unchanged).
      rmSync(path.join(dir, 'content/handbook/hiring/candidate-faq/_index.md'));
      r = await compare(dir);
      assert.ok(codes(r, 'content/job-families/engineering/infrastructure/engineering-productivity-manager.md').includes('link-page'));

      // A ladder sibling: a term added to the intermediate level is missing from the senior page.
      edit(dir, `${TRACK}/intermediate.md`, '| Dogfood build |', '| Release tooling | Ship the release tools |\n| Dogfood build |');
      r = await compare(dir);
      assert.ok(codes(r, `${TRACK}/senior.md`).includes('ladder-missing-term'));

      // An include file deleted: its includers fail the build.
      rmSync(path.join(dir, 'assets/includes/engineering-careers/senior-technical-competency.md'));
      r = await compare(dir);
      assert.ok(codes(r, `${TRACK}/senior.md`).includes('include-missing'));

      // Configuration: the config file, .hugolint.yaml, a shortcode template. Each starts over.
      writeFileSync(path.join(dir, '.career-pages.jsonc'), '{ "rules": { "link-fragment": "error" } }\n');
      r = await compare(dir);
      assert.equal(r.stats!.reused, 0);
      r = await compare(dir);
      assert.equal(r.stats!.reused, r.stats!.files);
      writeFileSync(path.join(dir, '.hugolint.yaml'), "exclude:\n  - pattern: '^/handbook/values/'\n");
      r = await compare(dir);
      assert.equal(r.stats!.reused, 0);
      writeFileSync(path.join(dir, 'layouts/shortcodes/alert.html'), '<div>{{ .Inner }}</div>\n');
      r = await compare(dir);
      assert.equal(r.stats!.reused, 0);
      // The site's Hugo settings (here the heading ids' style): ids and URLs may all change.
      edit(
        dir,
        'hugo.toml',
        '[markup.goldmark.parser.attribute]',
        '[markup.goldmark.parser]\nautoHeadingIDType = "github-ascii"\n\n[markup.goldmark.parser.attribute]',
      );
      r = await compare(dir);
      assert.equal(r.stats!.reused, 0);
      r = await compare(dir);
      assert.equal(r.stats!.reused, r.stats!.files);

      // Paths given: the other files' entries are kept for the next whole-site run.
      r = await compare(dir, [TRACK]);
      assert.deepEqual(r.stats, { reused: 3, files: 3, read: 0, pages: 19 });
      r = await compare(dir);
      assert.equal(r.stats!.reused, r.stats!.files);
    } finally {
      example.dispose();
    }
  });

  it('a file whose stamp is the one kept with its digest is not read; one that changed within 2 s of being read is read again', async () => {
    const example = copyOfExample();
    const { dir } = example;
    const team = path.join(dir, TEAM);
    const disk = stampedDisk((p) => p === team);
    const markdown = () => disk.opened.filter((p) => p.endsWith('.md')).map((p) => path.relative(dir, p));
    try {
      await compare(dir, [], disk.host);
      // Everything reused: of the Markdown files, only the team page is opened (its stamp was never
      // settled, so none was kept), and no other page or include file.
      disk.opened.length = 0;
      let r = await cli(dir, ['--cache'], undefined, disk.host);
      assert.deepEqual(r.stats, { reused: 26, files: 26, read: 0, pages: 20 });
      assert.deepEqual(markdown(), [TEAM]);

      // The team page rewritten with the same size, its stamp as it was: its heading is read, so
      // the links to the old heading are reported, as a run without the cache reports them.
      const size = statSync(team).size;
      edit(dir, TEAM, '## Areas of responsibility', '## Areas of responsibilitx');
      assert.equal(statSync(team).size, size);
      r = await compare(dir, [], disk.host);
      assert.deepEqual(r.stats, { reused: 23, files: 26, read: 3, pages: 20 });
      assert.equal(codes(r, `${TRACK}/intermediate.md`).filter((c) => c === 'link-fragment').length, 4);

      // A page whose stamp was kept, changed (its stamp changes with any write): read and checked again.
      disk.opened.length = 0;
      edit(dir, `${TRACK}/intermediate.md`, '| Dogfood build |', '| Dogfood builds |');
      r = await compare(dir, [], disk.host);
      assert.ok(markdown().includes(`${TRACK}/intermediate.md`));
      assert.ok(r.stats!.read >= 1 && r.stats!.reused < 26, JSON.stringify(r.stats));
    } finally {
      example.dispose();
    }
  });

  it('lists the pages once per run (choosing the files and indexing share the listing)', async () => {
    const example = copyOfExample();
    const { dir } = example;
    const disk = stampedDisk();
    try {
      await cli(dir, [], undefined, disk.host);
      const content = disk.listed.filter((d) => d === path.join(dir, 'content'));
      assert.equal(content.length, 1, disk.listed.join('\n'));
    } finally {
      example.dispose();
    }
  });

  it('a restored page keeps the letter case of its front matter url (links by another case are still told)', async () => {
    const example = copyOfExample();
    const { dir } = example;
    try {
      writeFileSync(path.join(dir, 'content/handbook/custom.md'), '---\ntitle: "Custom"\ndescription: "D."\nurl: /Custom/Place/\n---\n\n## Custom\n');
      const linking = 'content/handbook/linking.md';
      writeFileSync(path.join(dir, linking), '---\ntitle: "Linking"\ndescription: "D."\n---\n\n## Links\n\n[a](/custom/place/) and [b](/Custom/Place/).\n');
      await compare(dir);
      // Only the linking page changes: the custom page's entry comes from the cache.
      edit(dir, linking, 'and [b]', 'or [b]');
      const r = await compare(dir);
      assert.deepEqual(r.stats, { reused: 27, files: 28, read: 1, pages: 22 });
      assert.deepEqual(codes(r, linking), ['link-page']);
    } finally {
      example.dispose();
    }
  });

  it('ignores a damaged, truncated, tampered or foreign cache file, and rewrites it', async () => {
    const example = copyOfExample();
    const { dir } = example;
    const file = path.join(dir, CACHE);
    try {
      await compare(dir);
      const good = readFileSync(file);
      const variants: [string, Buffer][] = [
        ['not JSON', Buffer.from('garbage\n')],
        ['empty', Buffer.alloc(0)],
        ['truncated', good.subarray(0, Math.floor(good.length / 2))],
        // A finding's message changed, the JSON still valid: the body no longer matches its digest.
        ['tampered', Buffer.from(good.toString('utf8').replace('is written twice in a row', 'is fine'))],
      ];
      for (const [what, bytes] of variants) {
        writeFileSync(file, bytes);
        const r = await compare(dir);
        assert.equal(r.stats!.reused, 0, what);
        assert.equal((await compare(dir)).stats!.reused, 26, `${what}: rewritten`);
      }
      // Every page's headings and links damaged (they are in the pages file, each slice with its
      // own digest): no check reads them, so not one page is read.
      const pages = readFileSync(`${file}.pages`);
      for (let i = 0; i < pages.length; i += 7) if (pages[i] === 0x65) pages[i] = 0x45;
      writeFileSync(`${file}.pages`, pages);
      assert.deepEqual((await compare(dir)).stats, { reused: 26, files: 26, read: 0, pages: 20 });
      rmSync(`${file}.pages`);
      assert.deepEqual((await compare(dir)).stats, { reused: 26, files: 26, read: 0, pages: 20 });

      // Another version of career-lint: not used.
      const other = await cli(dir, ['--cache'], '9.9.8');
      assert.equal(other.stats!.reused, 0);
      assert.equal((await compare(dir)).stats!.reused, 0);

      // Another site with the same --cache-location: not used; the same site moved with its cache: used.
      const second = copyOfExample();
      const shared = path.join(dir, '..', `${path.basename(dir)}-shared.json`);
      try {
        assert.equal((await cli(dir, ['--cache', '--cache-location', shared])).stats!.reused, 0);
        assert.equal((await cli(dir, ['--cache', '--cache-location', shared])).stats!.reused, 26);
        assert.equal((await cli(second.dir, ['--cache', '--cache-location', shared])).stats!.reused, 0);
        rmSync(second.dir, { recursive: true, force: true });
        cpSync(dir, second.dir, { recursive: true });
        assert.equal((await compare(second.dir)).stats!.reused, 26);
      } finally {
        second.dispose();
        rmSync(shared, { force: true });
      }
      assert.deepEqual(readdirSync(path.dirname(file)), ['cache.json', 'cache.json.pages']); // no temporary file left behind
    } finally {
      example.dispose();
    }
  });

  it('--cache-location FILE or FOLDER/; a cache that cannot be written is said and changes nothing else', async () => {
    const example = copyOfExample();
    const { dir } = example;
    try {
      const folder = path.join(dir, '..', `${path.basename(dir)}-cachedir`);
      const r = await cli(dir, ['--cache', '--cache-location', folder + path.sep]);
      assert.ok(existsSync(path.join(folder, 'cache.json')), r.stderr);
      assert.equal((await cli(dir, ['--cache', '--cache-location', folder])).stats!.reused, 26); // an existing folder
      rmSync(folder, { recursive: true, force: true });

      const cold = await cli(dir, []);
      const blocked = await cli(dir, ['--cache', '--cache-location', 'hugo.toml/cache.json']);
      assert.equal(blocked.code, cold.code);
      assert.equal(blocked.stdout, cold.stdout);
      assert.match(blocked.stderr, /^career-lint: cannot write the cache to .*hugo\.toml\/cache\.json: (ENOTDIR|EEXIST)\.$/m);
      assert.ok(statSync(path.join(dir, 'hugo.toml')).isFile());
      assert.deepEqual((await cli(dir, ['--cache-location', 'x'])).code, 2); // only with --cache
    } finally {
      example.dispose();
    }
  });
});

const corpus = path.resolve(repoRoot, '../shared/corpus/gitlab-handbook-2025-12');
const cliJs = path.join(repoRoot, 'dist/cli.js');
const corpusSkip = !existsSync(corpus)
  ? `the handbook snapshot is not there (${corpus}): cached and cold runs on the real handbook not compared`
  : !existsSync(cliJs)
    ? 'dist/cli.js is not built (npm run build)'
    : false;

describe('career-lint --cache on the real handbook', { skip: corpusSkip }, () => {
  it('a re-run after one page changed costs a fraction of a cold run, and reports the same', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'career-cache-corpus-'));
    const site = path.join(work, 'handbook');
    try {
      cpSync(corpus, site, { recursive: true });
      spawnSync('chmod', ['-R', 'u+w', site]);
      // The CPU time of each run (user + system), written by the process itself as it exits.
      const probe = path.join(work, 'cpu.cjs');
      writeFileSync(
        probe,
        "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeFileSync(process.env.CPU_OUT, String((u.user + u.system) / 1000)); });\n",
      );
      const run = (args: string[]) => {
        const out = path.join(work, 'cpu.txt');
        const started = process.hrtime.bigint();
        const r = spawnSync(process.execPath, ['--require', probe, cliJs, '--format', 'json', ...args], {
          cwd: site,
          encoding: 'utf8',
          env: { ...process.env, CPU_OUT: out },
          maxBuffer: 1 << 28,
        });
        const wall = Number(process.hrtime.bigint() - started) / 1e6;
        assert.ok(r.status === 0 || r.status === 1, r.stderr);
        return { stdout: r.stdout, stderr: r.stderr, wall, cpu: Number(readFileSync(out, 'utf8')) };
      };
      const page = path.join(site, 'content/handbook/engineering/careers/matrix/development/_index.md');
      const fill = run(['--cache']); // writes the cache (a cold run, plus writing it)
      appendFileSync(page, '\nOne more sentence about the framework.\n');
      const cold = run([]);
      const cached = run(['--cache']);
      assert.equal(cached.stdout, cold.stdout);
      const stats = /findings of (\d+) of (\d+) files reused, (\d+) of (\d+) pages read/.exec(cached.stderr);
      assert.ok(stats, cached.stderr);
      const ratio = { cpu: cached.cpu / cold.cpu, wall: cached.wall / cold.wall };
      console.log(
        `# corpus: cold ${cold.wall.toFixed(0)} ms (CPU ${cold.cpu.toFixed(0)} ms), cache filled ${fill.wall.toFixed(0)} ms, ` +
          `cached after one page changed ${cached.wall.toFixed(0)} ms (CPU ${cached.cpu.toFixed(0)} ms): ratio ${ratio.wall.toFixed(2)} wall, ${ratio.cpu.toFixed(2)} CPU; ` +
          `findings of ${stats[1]} of ${stats[2]} files reused, ${stats[3]} of ${stats[4]} pages read`,
      );
      assert.equal(Number(stats[3]), 1);
      assert.ok(ratio.cpu < 0.3, `cached/cold CPU time ${ratio.cpu.toFixed(2)}`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
