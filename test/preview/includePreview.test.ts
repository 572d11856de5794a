// The include preview plugin as HTML text: what it renders for includes, front matter, shortcodes
// and raw HTML from the engine's data (the core's previewModel(), as the language server sends it),
// that its heading ids are the ones Workspace.model() computes, that settings reach it, and what it
// renders while it has no data. (The same pages in a real browser: chromium.test.ts.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { escapeHtml } from '../../client/src/preview/htmlSafety';
import { includePreviewPlugin, type PreviewSource } from '../../client/src/preview/includePreview';
import type { Options } from '../../server/src/core/config';
import { previewModel } from '../../server/src/core/features/previewModel';
import { MAX_TEXT_BYTES, MemoryHost } from '../../server/src/core/host';
import { scanShortcodes } from '../../server/src/core/markdown';
import { Workspace } from '../../server/src/core/workspace';
import { ANGLE_ASSETS, ANGLE_PAGES } from './angleIncludeCases';
import { exampleHost, INTERMEDIATE, JOB_FAMILY, previewMarkdownIt, renderPage, SENIOR, SITE, vscodeLikeMarkdownIt } from './previewSite';

/** Every `<hN id="...">` in order: [level, id or null]. */
function headings(html: string): [number, string | null][] {
  return [...html.matchAll(/<h([1-6])((?:\s[^>]*)?)>/g)].map((m) => [Number(m[1]), /\sid="([^"]*)"/.exec(m[2])?.[1] ?? null]);
}

/** What the diagnostics say about a call Hugo cannot run (the preview says the same). */
const fatalProblem = (call: string) => scanShortcodes(call, 0).calls[0].problems.find((p) => p.fatal)!.message;

const page = (body: string) => `---\ntitle: "P"\ndescription: "D"\n---\n\n${body}`;
const P = `${SITE}/content/handbook/p.md`;

describe('include preview: seeds', () => {
  it('renders {{% %}} includes inline with the heading ids of Workspace.model()', () => {
    const host = exampleHost();
    const html = renderPage(previewMarkdownIt(host), host, SENIOR);
    const model = new Workspace(host).model(SENIOR)!;
    assert.deepEqual(
      headings(html),
      model.headings.map((h) => [h.level, h.id]),
    );
    assert.deepEqual(
      model.headings.filter((h) => h.include !== undefined).map((h) => h.id),
      ['engineering', 'engineering-1', 'gitlab'],
    );
    // Each include in a frame whose caption names and links the file.
    const captions = [...html.matchAll(/<a class="cp-include-file" href="([^"]*)" title="[^"]*">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(
      captions.map((c) => c[1]),
      [
        'assets/includes/engineering-careers/ep-career-nav.md',
        'assets/includes/engineering-careers/senior-leadership-competency.md',
        'assets/includes/engineering-careers/senior-technical-competency.md',
        'assets/includes/engineering-careers/values-competency.md',
      ],
    );
    assert.equal(captions[0][0], '../../../../../../../assets/includes/engineering-careers/ep-career-nav.md');
    assert.equal((html.match(/<figure class="cp-include"/g) ?? []).length, 4);
    assert.doesNotMatch(html, /\{\{[%<] *include/, 'no raw include calls');
    assert.doesNotMatch(html, /cp-include-error/);
  });

  it('shows {{< >}} includes as the site does: the files unrendered, in a dashed frame that says so; no included headings', () => {
    const host = exampleHost();
    const html = renderPage(previewMarkdownIt(host), host, INTERMEDIATE);
    const model = new Workspace(host).model(INTERMEDIATE)!;
    // Only the page's own headings: the included ##### lines are text on the site.
    assert.deepEqual(
      headings(html),
      model.headings.map((h) => [h.level, h.id]),
    );
    assert.equal((html.match(/<figure class="cp-include cp-include-detached cp-include-raw"/g) ?? []).length, 4);
    assert.equal((html.match(/<span class="cp-include-note">the site shows this text unrendered<\/span>/g) ?? []).length, 4);
    const bodies = [...html.matchAll(/<div class="cp-include-body">([\s\S]*?)<\/div>\n<\/figure>/g)].map((m) => m[1]);
    assert.equal(
      bodies[0],
      '---\n\n[Engineering Framework](/handbook/engineering/careers/matrix/)    |\n[Quality Framework](/handbook/engineering/careers/matrix/quality/)    |\n' +
        '[Engineering Productivity](/handbook/engineering/careers/matrix/quality/engineering-productivity/)\n\n---\n',
    );
    assert.match(bodies[3], /^##### GitLab\n/);
    // The page's markdownlint comments are dropped, not shown.
    assert.doesNotMatch(html, /markdownlint/);
  });

  it('shows front matter as a card with the page kind, title and description', () => {
    const host = exampleHost();
    const html = renderPage(previewMarkdownIt(host), host, JOB_FAMILY);
    assert.match(
      html,
      /^<header class="cp-frontmatter" data-line="0"><div class="cp-frontmatter-kind">Job-family page<\/div><div class="cp-frontmatter-title">Engineering Productivity Manager<\/div><p class="cp-frontmatter-description">Driving Engineering Efficiency and Productivity<\/p><\/header>\n/,
    );
    assert.doesNotMatch(html, /title:/);
    assert.deepEqual(
      headings(html),
      new Workspace(host).model(JOB_FAMILY)!.headings.map((h) => [h.level, h.id]),
    );
  });
});

describe('include preview: problems are visible', () => {
  it('shows an error box naming a missing include', () => {
    const host = exampleHost({ [P]: page('## A\n\n{{% include "includes/nope.md" %}}\n\nAfter.\n') });
    const html = renderPage(previewMarkdownIt(host), host, P);
    assert.match(
      html,
      /<div class="cp-include-error" data-line="7" role="alert" data-include-path="includes\/nope.md"><div class="cp-include-error-title">Missing include: <code class="cp-include-error-path">includes\/nope.md<\/code><\/div><div class="cp-include-error-detail">No such file: Hugo looks for assets\/includes\/nope.md and the build fails.<\/div><\/div>/,
    );
    assert.match(html, /<p>After.<\/p>/);
  });

  it('shows an error box for unsafe includes: URL, leaving assets/, absolute, and a folder', () => {
    const host = exampleHost({
      [P]: page(
        [
          '{{% include "https://evil.example/x.md" %}}',
          '{{% include "../content/_index.md" %}}',
          '{{< include "/etc/passwd" >}}',
          '{{% include "includes" %}}',
          '{{% include "" %}}',
        ].join('\n\n') + '\n',
      ),
    });
    const html = renderPage(previewMarkdownIt(host), host, P);
    const titles = [...html.matchAll(/<div class="cp-include-error-title">([^<]*)<code class="cp-include-error-path">([^<]*)<\/code>/g)].map(
      (m) => `${m[1]}${m[2]}`,
    );
    assert.deepEqual(titles, [
      'Unsafe include (URL): https://evil.example/x.md',
      'Unsafe include (outside assets/): ../content/_index.md',
      'Unsafe include (absolute path): /etc/passwd',
      'Include names a folder: includes',
      'Include without a path: (no path)',
    ]);
    assert.doesNotMatch(html, /cp-include-file/);
  });

  it('shows why Hugo cannot run a broken include call, in the words of the diagnostic', () => {
    const call = '{{% include includes/engineering-careers/values-competency.md %}}';
    const host = exampleHost({ [P]: page(`${call}\n`) });
    const html = renderPage(previewMarkdownIt(host), host, P);
    const why = fatalProblem(call);
    assert.match(why, /quote/i);
    assert.ok(
      html.includes(
        '<div class="cp-include-error-title">Hugo cannot run this include: <code class="cp-include-error-path">includes/engineering-careers/values-competency.md</code></div>' +
          `<div class="cp-include-error-detail">${escapeHtml(why)}</div>`,
      ),
      html,
    );
  });

  it('notes an include found only because Hugo ignores case', () => {
    const host = exampleHost({ [P]: page('{{% include "includes/engineering-careers/Values-Competency.md" %}}\n') });
    const html = renderPage(previewMarkdownIt(host), host, P);
    assert.match(html, /Found only because Hugo ignores case: the file is assets\/includes\/engineering-careers\/values-competency.md./);
    assert.match(html, /<h5 id="gitlab">GitLab<\/h5>/);
  });
});

describe('include preview: Hugo semantics', () => {
  it('puts included headings into the page namespace like Hugo (engineering, engineering-1, engineering-2)', () => {
    const host = new MemoryHost({
      [`${SITE}/hugo.toml`]: '',
      [`${SITE}/assets/includes/c.md`]: '##### Engineering\n\nText.\n',
      [P]: page('## Engineering\n\n{{% include "includes/c.md" %}}\n\n### Engineering {#custom}\n\n{{% include "/includes/c.md" %}}\n\n## Engineering\n'),
    });
    const html = renderPage(previewMarkdownIt(host), host, P);
    assert.deepEqual(headings(html), [
      [2, 'engineering'],
      [5, 'engineering-1'],
      [3, 'custom'],
      [5, 'engineering-2'],
      [2, 'engineering-3'],
    ]);
    assert.deepEqual(
      new Workspace(host).model(P)!.headings.map((h) => h.id),
      ['engineering', 'engineering-1', 'custom', 'engineering-2', 'engineering-3'],
    );
  });

  it('keeps shortcodes inside an included file literal, and a leading --- there is a thematic break', () => {
    const host = new MemoryHost({
      [`${SITE}/hugo.toml`]: '',
      [`${SITE}/assets/includes/n.md`]: '---\n\ntitle: not front matter\n\n---\n\n{{% include "includes/n.md" %}} and {{< alert >}}\n',
      [P]: page('{{% include "includes/n.md" %}}\n'),
    });
    const html = renderPage(previewMarkdownIt(host), host, P);
    const body = /<div class="cp-include-body">\n([\s\S]*?)<\/div>\n<\/figure>/.exec(html)![1];
    assert.equal(body, '<hr>\n<p>title: not front matter</p>\n<hr>\n<p>{{% include &quot;includes/n.md&quot; %}} and {{&lt; alert &gt;}}</p>\n');
  });

  it('shows other shortcodes as labelled placeholders and escaped ones literally, in text and in code', () => {
    const host = exampleHost({
      [P]: page(
        [
          'Text {{< youtube id="abc" >}} and {{% alert "note" %}}Hi{{% /alert %}}.',
          'Escaped: {{</* include "x.md" */>}} and {{%/* y */%}}.',
          '`{{</* z */>}}`',
          '```\n{{</* include "a.md" */>}}\n```',
          'Broken {{< unclosed',
        ].join('\n\n') + '\n',
      ),
    });
    const html = renderPage(previewMarkdownIt(host), host, P);
    assert.match(
      html,
      /<p>Text <span class="cp-shortcode" title="[^"]*"><span class="cp-shortcode-name">youtube<\/span> <span class="cp-shortcode-params">id=abc<\/span><\/span> and <span class="cp-shortcode" title="[^"]*"><span class="cp-shortcode-name">alert<\/span> <span class="cp-shortcode-params">note<\/span><\/span>Hi<span class="cp-shortcode" title="[^"]*"><span class="cp-shortcode-name">\/alert<\/span><\/span>.<\/p>/,
    );
    assert.match(html, /<p>Escaped: \{\{&lt; include &quot;x.md&quot; &gt;\}\} and \{\{% y %\}\}.<\/p>/);
    assert.match(html, /<code>\{\{&lt; z &gt;\}\}<\/code>/);
    assert.match(html, /<pre><code>\{\{&lt; include &quot;a.md&quot; &gt;\}\}\n<\/code><\/pre>/);
    assert.ok(
      html.includes(
        `<span class="cp-shortcode cp-shortcode-error" title="${escapeHtml(fatalProblem('{{< unclosed'))}"><span class="cp-shortcode-name">unclosed</span></span>`,
      ),
      html,
    );
  });

  it('shows an include inside an HTML block as its file, unrendered on the site (no heading ids), like the model', () => {
    const host = new MemoryHost({
      [`${SITE}/hugo.toml`]: '',
      [`${SITE}/assets/includes/spin.md`]: '## Take GitLab for a spin\n\nText.\n',
      [P]: page(
        '## Top\n\n<div class="row">\n<p>Thanks</p>\n</div>\n{{% include "includes/spin.md" %}}\n{{< youtube "x" >}}\n<p onclick="x()">end</p>\n\n## Take GitLab for a spin\n',
      ),
    });
    const html = renderPage(previewMarkdownIt(host), host, P);
    assert.deepEqual(
      new Workspace(host).model(P)!.headings.map((h) => h.id),
      ['top', 'take-gitlab-for-a-spin'],
    );
    assert.deepEqual(headings(html), [
      [2, 'top'],
      [2, null],
      [2, 'take-gitlab-for-a-spin'],
    ]);
    assert.match(
      html,
      /<div class="row">\n<p>Thanks<\/p>\n<\/div>\n<figure class="cp-include cp-include-detached" data-line="10" data-include-path="includes\/spin.md">\n<figcaption[^>]*>.*inside an HTML block: the site shows this text unrendered<\/span><\/figcaption>/,
    );
    assert.match(
      html,
      /<\/figure>\n<span class="cp-shortcode" title="[^"]*"><span class="cp-shortcode-name">youtube<\/span> <span class="cp-shortcode-params">x<\/span><\/span>\n<p>end<\/p>\n<h2/,
    );
  });

  it("matches each placeholder to the engine's call: in table cells, on the later lines of a list item, two of a name on a line", () => {
    const host = exampleHost({
      [P]: page(
        '| a | b |\n| --- | --- |\n| {{< youtube "one" >}} | {{< youtube "two" >}} |\n\n- item\n  more {{< vimeo "three" >}}\n  and {{< x >}}{{< x "four" >}}\n',
      ),
    });
    const html = renderPage(previewMarkdownIt(host), host, P);
    const shown = [...html.matchAll(/<span class="cp-shortcode-name">([^<]*)<\/span>(?: <span class="cp-shortcode-params">([^<]*)<\/span>)?/g)].map((m) =>
      `${m[1]} ${m[2] ?? ''}`.trim(),
    );
    assert.deepEqual(shown, ['youtube one', 'youtube two', 'vimeo three', 'x', 'x four']);
  });

  it('gives headings inside paired {{< >}} shortcodes the ids the model accepts for them', () => {
    const host = exampleHost({ [P]: page('## Intro\n\n{{< panel >}}\n## Intro\n{{< /panel >}}\n\n## Intro\n') });
    const html = renderPage(previewMarkdownIt(host), host, P);
    assert.deepEqual(headings(html), [
      [2, 'intro'],
      [2, 'intro'],
      [2, 'intro-1'],
    ]);
  });

  it('previews an include file on its own: no front matter card, ids of the file itself', () => {
    const nav = `${SITE}/assets/includes/engineering-careers/ep-career-nav.md`;
    const host = exampleHost({ [nav]: '---\n\n## Nav\n\n---\n\n## Nav\n' });
    const html = renderPage(previewMarkdownIt(host), host, nav);
    assert.doesNotMatch(html, /cp-frontmatter/);
    assert.deepEqual(headings(html), [
      [2, 'nav'],
      [2, 'nav-1'],
    ]);
    assert.equal((html.match(/<hr>/g) ?? []).length, 2);
  });
});

describe('include preview: {{< include >}} shows the file unrendered, where and as Hugo puts it (test/hugo/angleInclude.test.ts)', () => {
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(ANGLE_ASSETS)) files[`${SITE}/assets/${path}`] = text;
  for (const [path, text] of Object.entries(ANGLE_PAGES)) files[`${SITE}/content/angle/${path}`] = text;
  const host = exampleHost(files);
  const render = (page: string) => renderPage(previewMarkdownIt(host), host, `${SITE}/content/angle/${page}`).replace(/^<header[\s\S]*?<\/header>\n/, '');

  const WHY =
    'With {{&lt; &gt;}} Hugo writes the file into the page as it is, after the page&#39;s Markdown is rendered: its headings, lists, links ' +
    'and emphasis stay raw text with the line breaks run together, its headings get no ids (links to them break), its HTML is rendered. ' +
    'Use {{% include %}} to render it as part of the page: quick fix &quot;Use {{% %}}&quot; (Ctrl+.).';
  const TAG = (source: string) =>
    `<code class="cp-html-escaped" title="HTML from an included file is shown as text in the preview; the site renders it.">${source}</code>`;
  const link = (file: string) =>
    `<a class="cp-include-file" href="../../assets/includes/${file}" title="Open assets/includes/${file}">assets/includes/${file}</a>`;
  /** A call alone on its line (or lines): a block. */
  const box = (line: number, file: string, body: string) =>
    `<figure class="cp-include cp-include-detached cp-include-raw" data-line="${line}" data-include-path="includes/${file}">\n` +
    `<figcaption class="cp-include-caption"><span class="cp-include-label">include {{&lt; &gt;}}</span> ${link(file)} ` +
    `<span class="cp-include-note">the site shows this text unrendered</span><div class="cp-include-advice">${WHY}</div></figcaption>\n` +
    `<div class="cp-include-body">${body}</div>\n</figure>\n`;
  /** A call inside a line of text: in that line. */
  const inline = (file: string, body: string) =>
    `<span class="cp-include-inline cp-include-raw" data-include-path="includes/${file}"><span class="cp-include-caption" title="${WHY}">` +
    `<span class="cp-include-label">include {{&lt; &gt;}}</span> ${link(file)} <span class="cp-include-note">unrendered on the site</span></span> ` +
    `<span class="cp-include-body">${body}</span></span>`;
  // raw.md as the browser shows it when Hugo writes it into the page: Markdown as text, references
  // decoded (and escaped again), the comment gone; its tags as text here (the site renders them).
  const RAW =
    '##### Raw Heading {#custom}\n\n- item with [a link](https://example.com/x) and **bold** &amp; `code`\n' +
    `- ${TAG('&lt;b&gt;')}inline html${TAG('&lt;/b&gt;')} and &lt;escaped&gt; &amp; ©\n\n` +
    `${TAG('&lt;div class=&quot;box&quot;&gt;')}block html${TAG('&lt;/div&gt;')}\n\n\n` +
    '{{% alert %}}not run{{% /alert %}} \\*not emphasis\\*\n\n1. first\n';
  const LINE = 'One [line](https://example.com/l) **here**\n';

  it('alone in its paragraph: a box with the file unrendered, no included heading, no <p> (Hugo drops it)', () => {
    assert.equal(render('alone.md'), `<h2 id="before">Before</h2>\n${box(6, 'raw.md', RAW)}<h2 id="after">After</h2>\n`);
  });

  it('inside a line of a paragraph, a list item or a table cell: in that line, framed inline, the caption saying why', () => {
    assert.equal(render('inline.md'), `<p>Before ${inline('line.md', LINE)} after.</p>\n`);
    assert.equal(render('list.md'), `<ul>\n<li>\n${box(4, 'raw.md', RAW)}</li>\n<li>item ${inline('line.md', LINE)}</li>\n</ul>\n`);
    assert.equal(
      render('table.md'),
      `<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>${inline('line.md', LINE)}</td>\n<td>x ${inline('raw.md', RAW)}</td>\n</tr>\n</tbody>\n</table>\n`,
    );
  });

  it('in a blockquote, in an HTML block, and alone on its line before more text: a box', () => {
    assert.equal(render('quote.md'), `<blockquote>\n${box(4, 'line.md', LINE)}</blockquote>\n`);
    assert.equal(render('html.md'), `<div>\n${box(5, 'raw.md', RAW)}</div>\n`);
    // Hugo keeps the next line in the same paragraph ("… **here** next line"); the box shows the same text.
    assert.equal(render('continued.md'), `${box(4, 'line.md', LINE)}<p>next line</p>\n`);
  });

  it('the same file with {{% %}}: Markdown of the page, its heading with the id the model gives', () => {
    const html = render('percent.md');
    assert.deepEqual(headings(html), [
      [2, 'before'],
      [5, 'custom'],
      [2, 'after'],
    ]);
    assert.match(html, /<figure class="cp-include" data-line="6" data-include-path="includes\/raw.md">/);
    assert.match(html, /<li>item with <a href="https:\/\/example.com\/x">a link<\/a> and <strong>bold<\/strong> &amp; <code>code<\/code><\/li>/);
    assert.doesNotMatch(html, /cp-include-raw|unrendered/);
  });

  it('an included file shown unrendered runs nothing: its tags, script text and all, are text; references decode to text', () => {
    const P = `${SITE}/content/angle/hostile.md`;
    const hostile = [
      '<script>window.__pwned = "</b>"</script> <img src=x onerror="alert(1)"> <a href="javascript:alert(1)">js</a>',
      '&lt;script&gt;alert(2)&lt;/script&gt; &#60;img src=x onerror=alert(3)&#62; &amp;lt;b&amp;gt; &quot;',
      '<!--> <b onclick="x()">after an empty comment</b> --> <!DOCTYPE html> <?php x ?> </ x> </> <3 a<b',
      '<style>body{display:none}</style><plaintext><i>rest',
    ].join('\n');
    const h = exampleHost({
      [`${SITE}/assets/includes/hostile.md`]: hostile,
      [P]: page('x {{< include "includes/hostile.md" >}}\n\n{{< include "includes/hostile.md" >}}\n'),
    });
    const html = renderPage(previewMarkdownIt(h), h, P);
    const body =
      `${TAG('&lt;script&gt;window.__pwned = &quot;&lt;/b&gt;&quot;&lt;/script&gt;')} ${TAG('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;')} ` +
      `${TAG('&lt;a href=&quot;javascript:alert(1)&quot;&gt;')}js${TAG('&lt;/a&gt;')}\n` +
      '&lt;script&gt;alert(2)&lt;/script&gt; &lt;img src=x onerror=alert(3)&gt; &amp;lt;b&amp;gt; &quot;\n' +
      ` ${TAG('&lt;b onclick=&quot;x()&quot;&gt;')}after an empty comment${TAG('&lt;/b&gt;')} --&gt;     &lt;3 a` +
      // As in the browser, "<b" runs to the next ">": a <b> whose attribute is "<style", so the style's text is text.
      `${TAG('&lt;b\n&lt;style&gt;')}body{display:none}${TAG('&lt;/style&gt;')}${TAG('&lt;plaintext&gt;&lt;i&gt;rest')}`;
    assert.equal((html.match(/<span class="cp-include-body">([\s\S]*?)<\/span><\/span>/) ?? [])[1], body);
    assert.equal((html.match(/<div class="cp-include-body">([\s\S]*?)<\/div>\n<\/figure>/) ?? [])[1], body);
    assert.doesNotMatch(html.replace(/<code class="cp-html-escaped"[^>]*>/g, ''), /<(?!\/?(?:p|h\d|header|div|span|figure|figcaption|a|code)[ >])/);
  });
});

describe('include preview: safety', () => {
  it('shows HTML of an included file as text: no <script>, no onerror attribute reaches the output', () => {
    const host = new MemoryHost({
      [`${SITE}/hugo.toml`]: '',
      [`${SITE}/assets/includes/evil.md`]: '## Evil\n\n<script>window.__pwned = 1</script>\n\nText <img src=x onerror="window.__pwned=2"> and <!-- note -->.\n',
      [P]: page('{{% include "includes/evil.md" %}}\n'),
    });
    const html = renderPage(previewMarkdownIt(host), host, P);
    assert.doesNotMatch(html, /<script|<img|onerror="|note/i);
    assert.match(html, /<pre class="cp-html-escaped" title="[^"]*">&lt;script&gt;window.__pwned = 1&lt;\/script&gt;<\/pre>/);
    assert.match(html, /<code class="cp-html-escaped" title="[^"]*">&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;<\/code>/);
  });

  it("passes the page's own HTML through an allowlist", () => {
    const host = exampleHost({
      [P]: page(
        [
          '<a name="kept"></a><div class="x" onclick="alert(1)" style="color:red">div</div>',
          '<script>alert(1)</script>',
          'Inline <a href="javascript:alert(1)">js</a> <a href="java&#x09;script:alert(1)">tab</a> <a href="/ok#frag" target="_blank">ok</a> <iframe src="https://x"></iframe> <img src="/i.png" onerror="alert(1)" alt="i">',
        ].join('\n\n') + '\n',
      ),
    });
    const html = renderPage(previewMarkdownIt(host), host, P);
    assert.match(html, /<a name="kept"><\/a><div class="x">div<\/div>/);
    assert.match(
      html,
      /<code class="cp-html-removed" title="[^"]*">&lt;script&gt;<\/code>alert\(1\)<code class="cp-html-removed" title="[^"]*">&lt;\/script&gt;<\/code>/,
    );
    assert.match(
      html,
      /Inline <a>js<\/a> <a>tab<\/a> <a href="\/ok#frag">ok<\/a> <code class="cp-html-removed"[^>]*>&lt;iframe src=&quot;https:\/\/x&quot;&gt;<\/code><code class="cp-html-removed"[^>]*>&lt;\/iframe&gt;<\/code> <img src="\/i.png" alt="i">/,
    );
  });

  it('escapes author text in the front matter card, captions and placeholders', () => {
    const host = exampleHost({
      [`${SITE}/assets/includes/<b>.md`]: 'x\n',
      [P]: '---\ntitle: "<img src=x onerror=alert(1)>"\ndescription: "a & b"\n---\n\n{{% include "includes/<b>.md" %}}\n\n{{< x "<i>" >}}\n',
    });
    const html = renderPage(previewMarkdownIt(host), host, P);
    assert.match(html, /<div class="cp-frontmatter-title">&lt;img src=x onerror=alert\(1\)&gt;<\/div><p class="cp-frontmatter-description">a &amp; b<\/p>/);
    assert.match(html, /data-include-path="includes\/&lt;b&gt;.md"/);
    assert.match(html, />assets\/includes\/&lt;b&gt;.md<\/a>/);
    assert.match(html, /<span class="cp-shortcode-params">&lt;i&gt;<\/span>/);
    assert.doesNotMatch(html, /<(img|b|i)[ >]/);
  });
});

describe('include preview: URLs, raw text, comments and references (hostilePreview.test.ts has them in a browser)', () => {
  const render = (body: string, md = previewMarkdownIt) => {
    const host = exampleHost({ [P]: page(body) });
    return renderPage(md(host), host, P).replace(/^<header[\s\S]*?<\/header>\n/, '');
  };
  const REMOVED = (what: string, scheme: string) =>
    `title="Not ${what} in the preview: a ${scheme}: URL could run script or load content. Only http(s), mailto, tel and relative URLs are kept."`;

  it('renders safe Markdown as before: links, images, tel:, tables with alignment, headings with ids', () => {
    assert.equal(
      render(
        '## Top\n\n[a](https://example.com/x?y=1&z=2#f) [b](../other.md#sec) [c](#top) [m](mailto:a@b.c) [t](tel:+1555) ![i](https://example.com/i.png "T") ![r](img/r.png)\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n',
      ),
      '<h2 id="top">Top</h2>\n' +
        '<p><a href="https://example.com/x?y=1&amp;z=2#f">a</a> <a href="../other.md#sec">b</a> <a href="#top">c</a> <a href="mailto:a@b.c">m</a> <a href="tel:+1555">t</a> <img src="https://example.com/i.png" alt="i" title="T"> <img src="img/r.png" alt="r"></p>\n' +
        '<table>\n<thead>\n<tr>\n<th style="text-align:left">a</th>\n<th style="text-align:right">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td style="text-align:left">1</td>\n<td style="text-align:right">2</td>\n</tr>\n</tbody>\n</table>\n',
    );
  });

  it('shows a Markdown link or image with another scheme as its text: markdown-it lets vscode:, command: and data:image/png through', () => {
    assert.equal(
      render('[v](vscode:extension/x) [c](command:foo) ![p](data:image/png;base64,iVBORw0KGgo=)\n'),
      `<p><a class="cp-url-removed" ${REMOVED('followed', 'vscode')}>v</a> <a class="cp-url-removed" ${REMOVED('followed', 'command')}>c</a> <span class="cp-url-removed" ${REMOVED('loaded', 'data')}>p</span></p>\n`,
    );
  });

  it("checks the URL again at render time, after VS Code widens markdown-it's check (data:image/svg+xml links, images, autolinks)", () => {
    const svg = 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=';
    const html = render(`[l](${svg}) ![i](${svg}) <${svg}>\n`, vscodeLikeMarkdownIt);
    assert.equal(
      html,
      `<p data-line="5" class="code-line" dir="auto"><a class="cp-url-removed" ${REMOVED('followed', 'data')}>l</a> <span class="cp-url-removed" ${REMOVED('loaded', 'data')}>i</span> <a class="cp-url-removed" ${REMOVED('followed', 'data')}>${svg}</a></p>\n`,
    );
    // The same Markdown in a plain markdown-it: refused by markdown-it itself, shown as written.
    assert.equal(render(`[l](${svg})\n`), `<p>[l](${svg})</p>\n`);
  });

  it('keeps the text of a removed <script>, <style> or <textarea> as text, in a block and inline', () => {
    const removed = (tag: string) => `<code class="cp-html-removed" title="Not rendered in the preview: it could run script or change the page.">${tag}</code>`;
    assert.equal(
      render(`<script>document.write('<img src="https://example.com/a.png">')</script>\n`),
      `${removed('&lt;script&gt;')}document.write(&#39;&lt;img src=&quot;https://example.com/a.png&quot;&gt;&#39;)${removed('&lt;/script&gt;')}\n`,
    );
    assert.equal(
      render(`Inline <script>x = '<img src="https://example.com/b.png">'</script> and <b>b</b>\n`),
      `<p>Inline ${removed('&lt;script&gt;')}x = '&lt;img src=&quot;https://example.com/b.png&quot;&gt;'${removed('&lt;/script&gt;')} and <b>b</b></p>\n`,
    );
    assert.equal(render('<textarea><b>x</b>\n</textarea>\n'), `${removed('&lt;textarea&gt;')}&lt;b&gt;x&lt;/b&gt;\n${removed('&lt;/textarea&gt;')}\n`);
  });

  it('ends a comment where the browser does (<!-->, --!>), so what follows is checked, not hidden', () => {
    assert.equal(render('<!--><img src onerror="x()"> shown-->\n'), '<img src> shown-->\n');
    assert.equal(render('<!-- a --!><b onclick="x()">b</b> -->\n'), '<b>b</b> -->\n');
  });

  it("decodes named references in attribute values as the browser does, and drops the ids VS Code's preview owns", () => {
    assert.equal(
      render('<abbr title="caf&eacute; &notit; &amp; &#x41; &constructor;">t</abbr> <a href="/x" id="keep">y</a> <span id="code-csp-warning">w</span>\n'),
      '<p><abbr title="café &amp;notit; &amp; A &amp;constructor;">t</abbr> <a href="/x" id="keep">y</a> <span>w</span></p>\n',
    );
  });

  it('checks HTML and URLs of a page in a site even when the page is too large to model (no includes then)', () => {
    const html = render(
      `<!-- ${'x'.repeat(MAX_TEXT_BYTES)} -->\n\n<script>alert(1)</script>\n\n![d](data:image/png;base64,AA==)\n\n{{% include "includes/x.md" %}}\n`,
    );
    // The dropped comment leaves its line end; no front matter card without a model.
    assert.equal(
      html,
      '\n<code class="cp-html-removed" title="Not rendered in the preview: it could run script or change the page.">&lt;script&gt;</code>alert(1)' +
        '<code class="cp-html-removed" title="Not rendered in the preview: it could run script or change the page.">&lt;/script&gt;</code>\n' +
        `<p><span class="cp-url-removed" ${REMOVED('loaded', 'data')}>d</span></p>\n<p>{{% include &quot;includes/x.md&quot; %}}</p>\n`,
    );
  });

  it('links the include caption with each path segment percent-encoded, and not at all when a custom link is unsafe', () => {
    const odd = `a:b"'<c>&amp;#?%.md`;
    const host = exampleHost({ [`${SITE}/assets/includes/${odd}`]: 'x\n', [P]: page(`{{% include \`includes/${odd}\` %}}\n`) });
    const caption = (md: ReturnType<typeof previewMarkdownIt>) => /<a class="cp-include-file"[^>]*>/.exec(renderPage(md, host, P))![0];
    assert.equal(
      caption(previewMarkdownIt(host)),
      `<a class="cp-include-file" href="../../assets/includes/a%3Ab%22&#39;%3Cc%3E%26amp%3B%23%3F%25.md" title="Open assets/includes/a:b&quot;&#39;&lt;c&gt;&amp;amp;#?%.md">`,
    );
    assert.equal(
      caption(previewMarkdownIt(host, { fileLink: () => 'javascript:alert(1)' })),
      `<a class="cp-include-file" title="Open assets/includes/a:b&quot;&#39;&lt;c&gt;&amp;amp;#?%.md">`,
    );
  });
});

describe('include preview: outside a site and in VS Code', () => {
  it('renders plain Markdown with shortcodes as written when there is no file or no site', () => {
    const host = new MemoryHost({ '/elsewhere/readme.md': '' });
    const md = previewMarkdownIt(host);
    const text = '---\ntitle: T\n---\n\n## A\n\n{{% include "x.md" %}}\n\nText {{< y >}}\n';
    for (const env of [{}, { careerPagesPath: '/elsewhere/readme.md' }]) {
      assert.equal(md.render(text, env), '<h2>A</h2>\n<p>{{% include &quot;x.md&quot; %}}</p>\n<p>Text {{&lt; y &gt;}}</p>\n');
    }
  });

  it("takes the path from VS Code's env.currentDocument, handles CRLF, and resolves includes again on every render of cached tokens", () => {
    const host = exampleHost({
      [`${SITE}/assets/includes/c.md`]: '##### One\n',
      [P]: '',
    });
    const md = previewMarkdownIt(host, {
      documentPath: (env) => (env.currentDocument as { scheme: string; path: string } | undefined)?.path,
    });
    // VS Code parses once with an empty env and renders the cached tokens with currentDocument set.
    const tokens = md.parse(page('## Top\r\n\r\n{{% include "includes/c.md" %}}\r\n'), {});
    const env = () => ({ currentDocument: { scheme: 'file', path: P } });
    assert.match(md.renderer.render(tokens, md.options, env()), /<h5 id="one">One<\/h5>/);
    host.set(`${SITE}/assets/includes/c.md`, '##### Two\n');
    const html = md.renderer.render(tokens, md.options, env());
    assert.match(html, /<h2 id="top">Top<\/h2>/);
    assert.match(html, /<h5 id="two">Two<\/h5>/);
  });

  it('sets data-line of included blocks to the include call line (scroll sync in VS Code)', () => {
    const host = exampleHost();
    const md = previewMarkdownIt(host);
    // VS Code's source-map rule, in short: every block token with a map gets data-line and code-line.
    md.core.ruler.push('source_map', (state) => {
      for (const t of state.tokens) {
        if (!t.map || t.type === 'inline') continue;
        t.attrSet('data-line', String(t.map[0]));
        t.attrJoin('class', 'code-line');
      }
    });
    const html = renderPage(md, host, SENIOR);
    const lines = [...html.matchAll(/<(?:h5|ul|li|p|hr)[^>]* data-line="(\d+)"/g)].map((m) => Number(m[1]));
    assert.match(html, /^<header class="cp-frontmatter code-line" data-line="0">/);
    const included = /<figure class="cp-include code-line" data-line="19" data-include-path="[^"]*">[\s\S]*?<\/figure>/.exec(html)![0];
    assert.deepEqual([...new Set([...included.matchAll(/data-line="(\d+)"/g)].map((m) => m[1]))], ['19']);
    assert.ok(lines.length > 10);
  });
});

describe('include preview: settings and session kinds reach it through the engine', () => {
  it('includeRoots elsewhere: the same call resolves under the configured folder, or is missing there', () => {
    const host = exampleHost({
      [`${SITE}/static/includes/engineering-careers/values-competency.md`]: '##### From static\n',
      [P]: page('{{% include "includes/engineering-careers/values-competency.md" %}}\n\n{{% include "includes/engineering-careers/ep-career-nav.md" %}}\n'),
    });
    assert.deepEqual(headings(renderPage(previewMarkdownIt(host), host, P)), [[5, 'gitlab']]);
    const html = renderPage(previewMarkdownIt(host, { settings: { includeRoots: ['static'] } }), host, P);
    assert.deepEqual(headings(html), [[5, 'from-static']]);
    assert.match(html, />static\/includes\/engineering-careers\/values-competency.md<\/a>/);
    assert.match(
      html,
      /<div class="cp-include-error-title">Missing include: <code class="cp-include-error-path">includes\/engineering-careers\/ep-career-nav.md<\/code><\/div><div class="cp-include-error-detail">No such file: Hugo looks for static\/includes\/engineering-careers\/ep-career-nav.md and the build fails.<\/div>/,
    );
  });

  it('a pageKinds entry changes the kind the front matter card names, as the status bar names it', () => {
    const host = exampleHost({ [P]: page('Text.\n') });
    const kind = (html: string) => /<div class="cp-frontmatter-kind">([^<]*)<\/div>/.exec(html)?.[1];
    assert.equal(kind(renderPage(previewMarkdownIt(host), host, P)), 'Page');
    assert.equal(
      kind(renderPage(previewMarkdownIt(host, { settings: { pageKinds: { 'job-family': ['content/handbook/*.md'] } as Options['pageKinds'] } }), host, P)),
      'Job-family page',
    );
    assert.equal(kind(renderPage(previewMarkdownIt(host), host, SENIOR)), 'Career page');
  });

  it('a shortcode the site does not know says so in its placeholder, until the shortcodes setting names it', () => {
    const host = exampleHost({ [P]: page('A {{< widget "x" >}} here.\n') });
    const title = (html: string) => /<span class="cp-shortcode" title="([^"]*)"><span class="cp-shortcode-name">widget<\/span>/.exec(html)?.[1];
    assert.equal(
      title(renderPage(previewMarkdownIt(host), host, P)),
      'No shortcode &quot;widget&quot; in this site, in Hugo or in the configured shortcodes: Hugo stops the build.',
    );
    assert.equal(
      title(renderPage(previewMarkdownIt(host, { settings: { shortcodes: ['widget'] } }), host, P)),
      'Hugo shortcode {{&lt; widget &gt;}}: the site&#39;s theme renders it.',
    );
  });
});

describe("include preview: without the engine's data for the text being rendered", () => {
  const text = page(
    '## Top\n\n{{% include "includes/engineering-careers/values-competency.md" %}}\n\nA {{< youtube "x" >}} and <b onclick="x()">b</b> [j](vbscript:x)\n',
  );
  const rendered = (source: PreviewSource) => {
    const md = new MarkdownIt({ html: true });
    const asked: string[] = [];
    includePreviewPlugin(md, { source: (_env, t) => (asked.push(t), source) });
    const html = md.render(text, {});
    assert.deepEqual(asked, [text], 'asked once, with the text as written');
    return html;
  };

  it('in a site (or not known yet): plain Markdown, shortcodes as written, no heading ids of ours, HTML and URLs still checked', () => {
    assert.equal(
      rendered({ inSite: true }),
      '<h2>Top</h2>\n<p>{{% include &quot;includes/engineering-careers/values-competency.md&quot; %}}</p>\n' +
        '<p>A {{&lt; youtube &quot;x&quot; &gt;}} and <b>b</b> [j](vbscript:x)</p>\n',
    );
  });

  it('outside a site: as markdown-it renders any Markdown', () => {
    assert.equal(
      rendered({ inSite: false }),
      '<h2>Top</h2>\n<p>{{% include &quot;includes/engineering-careers/values-competency.md&quot; %}}</p>\n' +
        '<p>A {{&lt; youtube &quot;x&quot; &gt;}} and <b onclick="x()">b</b> [j](vbscript:x)</p>\n',
    );
  });

  it('data for another text of the page is never used: its ids and includes would be of another version', () => {
    const host = exampleHost({ [P]: text });
    const other = previewModel(new Workspace(host), P, text.replace('## Top', '## Other\n\n## Top'));
    assert.equal(other.page!.headings[0].id, 'other');
    const md = new MarkdownIt({ html: true });
    // What the editor's cache does: the answer only for the text it was computed for.
    includePreviewPlugin(md, { source: (_env, t) => (t === text ? previewModel(new Workspace(host), P, t) : { inSite: true }) });
    assert.deepEqual(headings(md.render(text, {})), [
      [2, 'top'],
      [5, 'gitlab'],
    ]);
    assert.deepEqual(headings(md.render(text.replace('## Top', '## Other\n\n## Top'), {})), [
      [2, null],
      [2, null],
    ]);
  });
});
