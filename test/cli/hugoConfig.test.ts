// career-lint reads each site's Hugo configuration: its settings change the verdicts, and its
// problems (a file Hugo cannot load, a value of the wrong type) are findings on the file, in every report.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JsonReport } from '../../server/src/cli/cli';
import { runCareerLint } from '../support/cliRun';
import { copyOfExample } from '../support/lspClient';

describe("career-lint and the site's Hugo configuration", () => {
  let site: ReturnType<typeof copyOfExample>;
  const PAGE = 'content/handbook/emoji.md';

  before(() => {
    site = copyOfExample();
    writeFileSync(path.join(site.dir, PAGE), ['---', 'title: Emoji', '---', '', '## A :snake: emoji', '', '[down](#a-snake-emoji)', ''].join('\n'));
  });
  after(() => site.dispose());

  const findings = async () => {
    const run = await runCareerLint(['--format', 'json', '.'], site.dir);
    const report = JSON.parse(run.stdout) as JsonReport;
    return report.diagnostics
      .filter((d) => d.file === PAGE || d.code === 'hugo-config')
      .map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
  };

  it('with the handbook\'s enableEmoji = true, ":snake:" is not part of the id', async () => {
    assert.deepEqual(await findings(), [`${PAGE}:7:8 warning link-fragment No anchor "#a-snake-emoji" here.`]);
  });

  it("a config/_default/ file wins over hugo.toml; a wrong type is a warning at the value, and Hugo's reading of it is used", async () => {
    mkdirSync(path.join(site.dir, 'config/_default'), { recursive: true });
    writeFileSync(path.join(site.dir, 'config/_default/hugo.toml'), 'enableEmoji = "maybe"\n');
    assert.deepEqual(await findings(), [
      'config/_default/hugo.toml:1:15 warning hugo-config enableEmoji must be true or false; Hugo reads "maybe" as false, and so do these checks.',
    ]);
  });

  it('a file that does not parse is an error where the parser stopped, and fails the run', async () => {
    writeFileSync(path.join(site.dir, 'config/_default/hugo.toml'), 'enableEmoji = false\n[markup\n');
    const run = await runCareerLint(['.'], site.dir);
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /^config\/_default\/hugo\.toml:2:8 error hugo-config Invalid TOML: .+\. Hugo stops with "failed to load config"; until it is fixed, this file's settings are not used\.$/m,
    );
  });
});
