// Pages that include files with {{< include >}} in every position that makes a difference (alone on
// a line, inside a paragraph, a list item, a table cell, a blockquote, an HTML block), and one that
// uses {{% include %}} for contrast, and what Hugo builds from them, which test/hugo/angleInclude.test.ts
// checks against Hugo. includePreview.test.ts and chromium.test.ts pin what the preview shows of the
// same pages (chromium.test.ts: the same text as Hugo's HTML shows in the browser).

/** An include file with what Markdown renders: a heading with an id, lists, a link, emphasis, inline and block HTML, references, a comment, a shortcode. */
export const RAW_FILE = [
  '##### Raw Heading {#custom}',
  '',
  '- item with [a link](https://example.com/x) and **bold** & `code`',
  '- <b>inline html</b> and &lt;escaped&gt; &amp; &copy;',
  '',
  '<div class="box">block html</div>',
  '',
  '<!-- a comment -->',
  '{{% alert %}}not run{{% /alert %}} \\*not emphasis\\*',
  '',
  '1. first',
  '',
].join('\n');

/** A one-line include file. */
export const LINE_FILE = 'One [line](https://example.com/l) **here**\n';

/** assets-relative path → text. */
export const ANGLE_ASSETS: Record<string, string> = { 'includes/raw.md': RAW_FILE, 'includes/line.md': LINE_FILE };

const page = (body: string) => `---\ntitle: "Angle"\n---\n\n${body}`;

/** content-relative path → page text. */
export const ANGLE_PAGES: Record<string, string> = {
  'alone.md': page('## Before\n\n{{< include "includes/raw.md" >}}\n\n## After\n'),
  'percent.md': page('## Before\n\n{{% include "includes/raw.md" %}}\n\n## After\n'),
  'inline.md': page('Before {{< include "includes/line.md" >}} after.\n'),
  'continued.md': page('{{< include "includes/line.md" >}}\nnext line\n'),
  'list.md': page('- {{< include "includes/raw.md" >}}\n- item {{< include "includes/line.md" >}}\n'),
  'table.md': page('| a | b |\n| --- | --- |\n| {{< include "includes/line.md" >}} | x {{< include "includes/raw.md" >}} |\n'),
  'quote.md': page('> {{< include "includes/line.md" >}}\n'),
  'html.md': page('<div>\n{{< include "includes/raw.md" >}}\n</div>\n'),
};

const h = (level: number, id: string, text: string) => `<h${level} id="${id}" data-oracle-heading>${text}</h${level}>\n`;

/**
 * content-relative path → the page's .Content as Hugo 0.111 builds it with the example's include
 * shortcode (and test/hugo/hugoSite.ts's heading hook, which marks Markdown headings).
 */
export const ANGLE_HUGO_HTML: Record<string, string> = {
  // Alone in its paragraph: the file in the page's flow, no <p> around it.
  'alone.md': `${h(2, 'before', 'Before')}${RAW_FILE}\n${h(2, 'after', 'After')}`,
  // The same file with {{% %}}: Markdown of the page (the heading gets its custom id, & is escaped,
  // \* is an escaped asterisk, the included shortcode stays literal, Goldmark's smart quotes aside).
  'percent.md':
    h(2, 'before', 'Before') +
    h(5, 'custom', 'Raw Heading') +
    '<ul>\n<li>item with <a href="https://example.com/x">a link</a> and <strong>bold</strong> &amp; <code>code</code></li>\n' +
    '<li><b>inline html</b> and &lt;escaped&gt; &amp; ©</li>\n</ul>\n' +
    '<div class="box">block html</div>\n<!-- a comment -->\n' +
    '<p>{{% alert %}}not run{{% /alert %}} *not emphasis*</p>\n<ol>\n<li>first</li>\n</ol>\n' +
    h(2, 'after', 'After'),
  // Inside a line: the file's text joins the line.
  'inline.md': `<p>Before ${LINE_FILE} after.</p>\n`,
  // Alone on its line but with text on the next: one paragraph.
  'continued.md': `<p>${LINE_FILE}\nnext line</p>\n`,
  'list.md': `<ul>\n<li>${RAW_FILE}</li>\n<li>item ${LINE_FILE}</li>\n</ul>\n`,
  'table.md': `<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>${LINE_FILE}</td>\n<td>x ${RAW_FILE}</td>\n</tr>\n</tbody>\n</table>\n`,
  'quote.md': `<blockquote>\n${LINE_FILE}\n</blockquote>\n`,
  'html.md': `<div>\n${RAW_FILE}\n</div>\n`,
};
