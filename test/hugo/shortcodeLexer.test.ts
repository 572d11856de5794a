// Shortcode calls on the edge of Hugo's lexer (inline shortcodes among them: the lexer reads them
// whether or not the site enables them): for each, Hugo 0.111 either builds the page or stops
// the build, and shortcode-syntax reports an error exactly when Hugo stops. One site per case (a
// failing page fails the whole build).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryHost } from '../../server/src/core/host';
import { Workspace } from '../../server/src/core/workspace';
import { HugoSite } from './hugoSite';
import { hugoSkip } from './oracle';

const CASES = [
  '{{< sc1 param1=\\"Hello World\\" >}}',
  '{{< sc1 \\"param1\\" >}}',
  '{{< sc1 param1="Hello \\"escaped\\" World" >}}',
  '{{< sc1 param1=\\"Hello \\"escaped\\" World\\" >}}',
  '{{< sc1 >}}x{{< /sc1 keyword>}}',
  '{{< sc1 >}}x{{< /sc1 >}}',
  '{{< sc1.Inline >}}Hello{{< /sc1.Inline >}}',
  '{{< sc1 / keyword>}}',
  '{{< sc1 param1=`Hello World` >}}',
  '{{< sc1 -ziL-Q_456igdO-4 >}}',
  '{{< sc1 3.14 >}}',
  '{{< sc1 param1= 3.14 >}}',
  '{{< sc1.inline >}}Hello World{{< sc1 >}}{{< /sc1.inline >}}',
  '{{< sc1.inline >}}Hello World{{< /sc1.inline >}}',
  '{{< sc1.inline >}}Hello {{% sc2 %}}{{< /sc1.inline >}}',
  '{{< sc1.inline />}}',
];

describe('Hugo oracle: shortcode calls Hugo builds or refuses', () => {
  it('shortcode-syntax reports an error exactly where Hugo 0.111 stops the build', { skip: hugoSkip() }, async () => {
    const verdicts: string[] = [];
    for (const c of CASES) {
      const site = new HugoSite({ pages: { 'p.md': `---\ntitle: T\n---\n${c}\n` } });
      try {
        const build = await site.build();
        const ws = new Workspace(new MemoryHost({ '/s/hugo.toml': '', '/s/content/p.md': `---\ntitle: T\ndescription: D\n---\n${c}\n` }));
        const ours = ws.lint('/s/content/p.md').diagnostics.filter((d) => d.code === 'shortcode-syntax' && d.severity === 'error');
        verdicts.push(`${c}: Hugo ${build.exitCode === 0 ? 'builds' : 'stops'}, ours ${ours.length ? 'error' : 'none'}`);
      } finally {
        site.dispose();
      }
    }
    const disagree = verdicts.filter((v) => /builds, ours error|stops, ours none/.test(v));
    assert.deepEqual(disagree, []);
    assert.equal(verdicts.filter((v) => v.includes('Hugo stops')).length, 6, verdicts.join('\n'));
  });
});
