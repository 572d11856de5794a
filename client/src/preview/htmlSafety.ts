// What the preview does with raw HTML. The handbook renders raw HTML (Goldmark `unsafe: true`), but
// the preview must never produce markup that can run script, whatever VS Code's own CSP does:
//
// - HTML in an included file is shown escaped, as visible text (the safer of the two choices: no
//   allowlist to get wrong for content the author is not even looking at). HTML comments are
//   dropped, as they render to nothing on the site either. The same holds for the tags in a file
//   included unrendered ({{< include >}}, rawIncludedText): the rest of its text is text anyway.
// - HTML written in the page itself passes an allowlist: known harmless tags are rebuilt from
//   scratch with a few attributes (id, class, title, safe href/src, ...); anything else (script,
//   style, iframe, object, form, on* handlers, javascript: URLs, unparseable tags) is shown escaped
//   in a marked span, so the author sees what the preview did not render; the text of a removed
//   <script>, <style>, <textarea>, ... is text to the browser and stays text (a tag written inside
//   a script's string is not rendered). Only tags this module
//   wrote itself reach the output; every other "<" is escaped. Ids the preview's own styles and
//   scripts own (VS Code's `code-csp-warning`, a fixed box; `vscode-*`) are dropped.
// - URLs, in HTML and in Markdown links and images alike (includePreview.ts), keep only http(s),
//   mailto, tel and relative ones: a data:, javascript:, vbscript:, vscode: or command: URL is shown,
//   never followed or loaded.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const ALLOWED_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'center',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'tt',
  'u',
  'ul',
  'var',
  'wbr',
]);
const VOID_TAGS = new Set(['br', 'col', 'hr', 'img', 'wbr']);
/** Elements whose content the browser reads as text up to their end tag (noscript too: the preview runs script). */
const RAW_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
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
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);
/** VS Code's markdown.css pins #code-csp-warning to the top of the preview; its preview reads #vscode-markdown-preview-data. */
const PREVIEW_IDS = /^(?:code-csp-warning|vscode-.*)$/i;

// A start or end tag as HTML (and markdown-it) reads it: name, attributes (quoted or bare values).
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * Page HTML through the allowlist (see the top of this file). `decodeEntity` turns one `&name;`
 * reference of an attribute value into its text (the preview passes markdown-it's decoder, which
 * knows every named reference); numeric references and the basic named ones are decoded here.
 */
export function sanitizePageHtml(html: string, decodeEntity?: (entity: string) => string): string {
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
      // Dropped, and ended where the browser ends it: what follows is checked like the rest.
      i = commentEnd(html, lt);
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
      if (!m[1] && RAW_TEXT_TAGS.has(name)) {
        const end = rawTextEnd(html, i, name);
        out += escapeHtml(html.slice(i, end));
        i = end;
      }
      continue;
    }
    if (m[1]) {
      out += VOID_TAGS.has(name) ? '' : `</${name}>`;
      continue;
    }
    out += `<${name}${safeAttributes(name, m[3], decodeEntity)}>`;
  }
  return out;
}

const INCLUDED_HTML_TITLE = 'HTML from an included file is shown as text in the preview; the site renders it.';

/** Included-file HTML: comments dropped, everything else shown as text. */
export function escapeIncludedHtml(html: string, block: boolean): string {
  let withoutComments = '';
  for (let i = 0; i < html.length; ) {
    const start = html.indexOf('<!--', i);
    withoutComments += html.slice(i, start < 0 ? html.length : start);
    i = start < 0 ? html.length : commentEnd(html, start);
  }
  if (!withoutComments.trim()) return '';
  const text = escapeHtml(block ? withoutComments.replace(/\n+$/, '') : withoutComments);
  return block
    ? `<pre class="cp-html-escaped" title="${INCLUDED_HTML_TITLE}">${text}</pre>\n`
    : `<code class="cp-html-escaped" title="${INCLUDED_HTML_TITLE}">${text}</code>`;
}

/**
 * An included file's text as the site shows it where Hugo does not render it as Markdown (a
 * {{< include >}} call): Hugo writes the file into the page's HTML byte for byte, so the browser
 * shows its Markdown as text (line breaks and runs of spaces collapse), decodes its character
 * references, hides its comments and renders its tags. The preview does the same, except that a tag
 * (with the text of a <script>, <style>, ... and its end tag) is shown as text in a marked span, as
 * all HTML of included files is. Every character of the file reaches the output escaped.
 */
export function rawIncludedText(file: string, decodeEntity?: (entity: string) => string): string {
  // The browser reads NUL as U+FFFD (or drops it).
  const text = file.replace(/\0/g, '\uFFFD');
  let out = '';
  let i = 0;
  const textRun = (run: string) => escapeHtml(decodeEntities(run, decodeEntity));
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      out += textRun(text.slice(i));
      break;
    }
    out += textRun(text.slice(i, lt));
    const next = text[lt + 1] ?? '';
    const letter = /[A-Za-z]/;
    if (text.startsWith('<!--', lt)) {
      i = commentEnd(text, lt);
    } else if (next === '!' || next === '?' || (next === '/' && !letter.test(text[lt + 2] ?? ''))) {
      // What the browser reads as a bogus comment (<!DOCTYPE x>, <?x?>, </ x>) or ignores (</>): not shown.
      const end = text.indexOf('>', lt);
      i = end < 0 ? text.length : end + 1;
    } else if (letter.test(next) || next === '/') {
      TAG.lastIndex = lt;
      const m = TAG.exec(text);
      const close = text.indexOf('>', lt);
      let end = m ? lt + m[0].length : close < 0 ? text.length : close + 1;
      const name = m && !m[1] ? m[2].toLowerCase() : undefined;
      if (name && RAW_TEXT_TAGS.has(name)) {
        const endTag = rawTextEnd(text, end, name);
        const endClose = text.indexOf('>', endTag);
        end = endTag >= text.length ? text.length : endClose < 0 ? text.length : endClose + 1;
      }
      out += `<code class="cp-html-escaped" title="${INCLUDED_HTML_TITLE}">${escapeHtml(text.slice(lt, end))}</code>`;
      i = end;
    } else {
      out += '&lt;';
      i = lt + 1;
    }
  }
  return out;
}

/** Where the text of a raw-text element that starts at `from` ends: at its end tag (plaintext has none). */
function rawTextEnd(html: string, from: number, name: string): number {
  if (name === 'plaintext') return html.length;
  const end = new RegExp(`</${name}[\\s/>]`, 'ig');
  end.lastIndex = from;
  return end.exec(html)?.index ?? html.length;
}

/**
 * For each inline HTML tag of a paragraph, in order: whether it sits inside a raw-text element
 * (script, style, ...) opened by an earlier one, so that the browser reads it as text. The end tag
 * that closes the element does not sit inside it.
 */
export function insideRawText(tags: readonly string[]): boolean[] {
  let open: string | undefined;
  return tags.map((source) => {
    const tag = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/.exec(source);
    const name = tag?.[2].toLowerCase();
    if (open) {
      if (tag?.[1] && name === open) open = undefined;
      else return true;
    } else if (tag && !tag[1] && name && RAW_TEXT_TAGS.has(name)) {
      open = name;
    }
    return false;
  });
}

/**
 * Where the browser ends the comment that opens at `start`: after `-->` or `--!>`, or at once for
 * the empty forms `<!-->` and `<!--->`; an unclosed comment runs to the end.
 */
function commentEnd(html: string, start: number): number {
  const empty = /^<!---?>/.exec(html.slice(start, start + 6));
  if (empty) return start + empty[0].length;
  const end = /--!?>/g;
  end.lastIndex = start + 4;
  const m = end.exec(html);
  return m ? m.index + m[0].length : html.length;
}

function removedTag(tag: string): string {
  return `<code class="cp-html-removed" title="Not rendered in the preview: it could run script or change the page.">${escapeHtml(tag)}</code>`;
}

function safeAttributes(tag: string, source: string, decodeEntity?: (entity: string) => string): string {
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
    const value = decodeEntities(raw, decodeEntity);
    if (URL_ATTRIBUTES.has(name) && !isSafeUrl(value)) continue;
    if (name === 'id' && PREVIEW_IDS.test(value)) continue;
    out += ` ${name}="${escapeHtml(value)}"`;
  }
  return out;
}

/** Relative URLs, fragments and http(s)/mailto/tel; anything with another scheme (javascript:, data:, vbscript:, command:) is not. */
export function isSafeUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
}

/** What a browser could read as the URL's scheme (stricter: it may find one where the browser finds none). */
function schemeOf(url: string): string | undefined {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return /^([^/?#]*?):/.exec(compact)?.[1];
}

/** The tooltip of a link or image whose URL the preview does not follow or load. */
export function removedUrlTitle(what: 'link' | 'image', url: string): string {
  const scheme = schemeOf(url)?.slice(0, 24);
  return `${what === 'link' ? 'Not followed' : 'Not loaded'} in the preview: ${scheme ? `a ${scheme}: URL` : 'this URL'} could run script or load content. Only http(s), mailto, tel and relative URLs are kept.`;
}

const BASIC_ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);

/** Character references in an attribute value: numeric ones and the basic names here, other names through `decodeEntity`. */
function decodeEntities(value: string, decodeEntity?: (entity: string) => string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]{1,31});?/gi, (whole, ref: string) => {
    const r = ref.toLowerCase();
    if (r.startsWith('#')) {
      const code = r.startsWith('#x') ? parseInt(r.slice(2), 16) : parseInt(r.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    const basic = BASIC_ENTITIES.get(r);
    if (basic !== undefined) return basic;
    if (!whole.endsWith(';') || !decodeEntity) return whole;
    // A reference decodes to one or two characters; more means only a prefix was a name (&notit;),
    // which the browser leaves alone in an attribute.
    const decoded = decodeEntity(whole);
    return [...decoded].length <= 2 ? decoded : whole;
  });
}
