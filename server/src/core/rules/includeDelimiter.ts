import { PAGE_KINDS_ONLY, type Rule } from './rule';

/**
 * The delimiter decides what Hugo does with the included Markdown. With {{% %}} it is rendered as
 * part of the page (headings join the outline and get ids); with {{< >}} the handbook's include
 * shortcode puts the raw text into the HTML, unrendered. The handbook standardised on {{% %}}.
 */
export const includeDelimiter: Rule = {
  code: 'include-delimiter',
  defaultSeverity: 'warning',
  summary: 'An include uses the delimiter the site does not use ({{< >}} instead of {{% %}} by default).',
  appliesTo: PAGE_KINDS_ONLY,
  check(ctx) {
    const preferred = ctx.site.options.preferredDelimiter;
    for (const inc of ctx.model.includes) {
      const { call } = inc;
      if (call.delimiter === preferred || call.problems.some((p) => p.fatal) || inc.context !== 'text') continue;
      const text = ctx.model.file.text;
      const open = preferred === '%' ? '{{%' : '{{<';
      const close = preferred === '%' ? '%}}' : '>}}';
      const closeStart = call.span.end - 3;
      ctx.report({
        span: call.span,
        message:
          preferred === '%'
            ? "{{< include >}} leaves the file's Markdown unrendered: use {{% include %}}."
            : 'This site includes with {{< include >}} (preferredDelimiter): use it here.',
        detail:
          preferred === '%'
            ? 'Its headings, lists and links show as raw text, and its headings get no ids. The handbook uses {{% include %}}.'
            : "{{% include %}} renders the included Markdown as part of the page; this site's include shortcode renders it itself.",
        fixes: text.slice(closeStart, call.span.end).endsWith('}}')
          ? [
              {
                title: `Use ${open} ${close}`,
                preferred: true,
                edits: [
                  { span: { start: call.span.start, end: call.span.start + 3 }, newText: open },
                  { span: { start: closeStart, end: call.span.end }, newText: close },
                ],
              },
            ]
          : [],
        data: { preferred },
      });
    }
  },
};
