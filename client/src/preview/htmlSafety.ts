// What the preview does with raw HTML. The handbook renders raw HTML (Goldmark `unsafe: true`), but
// the preview must never produce markup that can run script, whatever VS Code's own CSP does:
//
// - HTML in an included file is shown escaped, as visible text (the safer of the two choices: no
//   allowlist to get wrong for content the author is not even looking at). HTML comments are
//   dropped, as they render to nothing on the site either.
// - HTML written in the page itself passes an allowlist: known harmless tags are rebuilt from
//   scratch with a few attributes (id, class, title, safe href/src, ...); anything else (script,
//   style, iframe, object, form, on* handlers, javascript: URLs, unparseable tags) is shown escaped
//   in a marked span, so the author sees what the preview did not render. Only tags this module
//   wrote itself reach the output; every other "<" is escaped.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const ALLOWED_TAGS = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'center', 'cite', 'code', 'col', 'colgroup',
  'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp',
  'small', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
]);
const VOID_TAGS = new Set(['br', 'col', 'hr', 'img', 'wbr']);
const GLOBAL_ATTRIBUTES = new Set(['id', 'class', 'title', 'lang', 'dir', 'align']);
const TAG_ATTRIBUTES: Record<string, Set<string>> = {
  a: new Set(['href', 'name', 'rel']),
  img: new Set(['src', 'alt', 'width', 'height']),
  td: new Set(['colspan', 'rowspan']),
  th: new Set(['colspan', 'rowspan', 'scope']),
  col: new Set(['span']),
  colgroup: new Set(['span']),
  ol: new Set(['start', 'type', 'reversed']),
  li: new Set(['value']),
  details: new Set(['open']),
  time: new Set(['datetime']),
  q: new Set(['cite']),
  blockquote: new Set(['cite']),
};
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

// A start or end tag as HTML (and markdown-it) reads it: name, attributes (quoted or bare values).
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Page HTML through the allowlist (see the top of this file). */
export function sanitizePageHtml(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      // Dropped whole: a comment the browser ends earlier (`--!>`) must not let its tail through.
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    if (!m) {
      out += '&lt;';
      i = lt + 1;
      continue;
    }
    i = lt + m[0].length;
    const name = m[2].toLowerCase();
    if (!ALLOWED_TAGS.has(name)) {
      out += removedTag(m[0]);
      continue;
    }
    if (m[1]) {
      out += VOID_TAGS.has(name) ? '' : `</${name}>`;
      continue;
    }
    out += `<${name}${safeAttributes(name, m[3])}>`;
  }
  return out;
}

/** Included-file HTML: comments dropped, everything else shown as text. */
export function escapeIncludedHtml(html: string, block: boolean): string {
  const withoutComments = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  if (!withoutComments.trim()) return '';
  const text = escapeHtml(block ? withoutComments.replace(/\n+$/, '') : withoutComments);
  const title = 'HTML from an included file is shown as text in the preview; the site renders it.';
  return block
    ? `<pre class="cp-html-escaped" title="${title}">${text}</pre>\n`
    : `<code class="cp-html-escaped" title="${title}">${text}</code>`;
}

function removedTag(tag: string): string {
  return `<code class="cp-html-removed" title="Not rendered in the preview: it could run script or change the page.">${escapeHtml(tag)}</code>`;
}

function safeAttributes(tag: string, source: string): string {
  let out = '';
  const allowed = TAG_ATTRIBUTES[tag];
  for (const a of source.matchAll(ATTRIBUTE)) {
    const name = a[1].toLowerCase();
    if (!GLOBAL_ATTRIBUTES.has(name) && !allowed?.has(name)) continue;
    const raw = a[2] ?? a[3] ?? a[4];
    if (raw === undefined) {
      out += ` ${name}`;
      continue;
    }
    // The browser will see exactly `value` (we escape it again), so checking it is checking what runs.
    const value = decodeBasicEntities(raw);
    if (URL_ATTRIBUTES.has(name) && !isSafeUrl(value)) continue;
    out += ` ${name}="${escapeHtml(value)}"`;
  }
  return out;
}

/** Relative URLs, fragments and http(s)/mailto; anything with another scheme (javascript:, data:, vbscript:) is not. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([^/?#]*?):/.exec(compact);
  if (!scheme) return true;
  return SAFE_SCHEMES.has(scheme[1].toLowerCase());
}

function decodeBasicEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);?/gi, (whole, ref: string) => {
    const r = ref.toLowerCase();
    if (r === 'amp') return '&';
    if (r === 'lt') return '<';
    if (r === 'gt') return '>';
    if (r === 'quot') return '"';
    if (r === 'apos') return "'";
    const code = r.startsWith('#x') ? parseInt(r.slice(2), 16) : parseInt(r.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
