// Pages that include files with {{< include >}} in every position that makes a difference (alone on
// a line, inside a paragraph, a list item, a table cell, a blockquote, an HTML block), and one that
// uses {{% include %}} for contrast. test/hugo/angleInclude.test.ts pins what Hugo builds from them;
// includePreview.test.ts and chromium.test.ts pin what the preview shows of the same pages.

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
