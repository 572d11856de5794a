// Ready for Open VSX (issue 16.5): what `ovsx publish` and the registry would refuse or ask about,
// checked without the network on the manifest and the file names of a .vsix
// (scripts/e2e/packageVsix.mjs, which `npm run package` runs on the real package).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openVsxProblems } from '../../scripts/e2e/packageVsix.mjs';
import { repoRoot } from '../support/fixtureSite';

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
/** What vsce puts in the .vsix for this manifest (it renames LICENSE to LICENSE.txt). */
const PACKAGED = [
  'extension/package.json',
  'extension/dist/client.js',
  'extension/dist/server.js',
  'extension/dist/web/client.js',
  'extension/dist/web/server.js',
  'extension/LICENSE.txt',
  'extension/media/icon.png',
];

describe('Open VSX readiness of the .vsix', () => {
  it('the manifest has both entries, a license, a repository and a PNG icon', () => {
    assert.equal(pkg.main, './dist/client.js');
    assert.equal(pkg.browser, './dist/web/client.js');
    assert.equal(pkg.license, 'MIT');
    assert.equal(pkg.repository.url, 'https://github.com/handbook-career-pages/handbook-career-pages');
    assert.equal(pkg.icon, 'media/icon.png');
    assert.ok(pkg.activationEvents.includes('onWebviewPanel:careerPages.ladderMatrix'));
    assert.deepEqual(openVsxProblems(pkg, PACKAGED), []);
  });

  it('names what is missing', () => {
    const { repository: _, license: __, ...bare } = pkg;
    assert.deepEqual(openVsxProblems({ ...bare, version: '1.0', icon: 'media/icon.svg' }, ['extension/package.json', 'extension/dist/client.js']), [
      'version "1.0" is not semver',
      'no license: neither a "license" field nor a LICENSE file',
      'the package carries no LICENSE file',
      'package.json has no "repository" URL',
      'package.json has no PNG "icon"',
      'the browser entry (browser: ./dist/web/client.js) is not in the package',
      "the browser entry's language server (dist/web/server.js) is not in the package",
    ]);
  });
});
