// Hostile content for the preview tests (hostilePreview.test.ts): HTML and Markdown a page or an
// included file may contain that would run script, fetch, navigate or cover the preview if it were
// rendered as written. Every script payload calls __hit('<its id>'); every URL that would be
// fetched points at EVIL. `shown` is the text the author sees for the case on the page itself
// (the allowlist renders harmless tags and shows the others as text); in an included file every
// HTML case shows its source as text, or `includedShown`.
import { EVIL } from './hostileHarness';

export type Effect =
  /** The id reached __hit (or a message was posted: `message:<id>`). */
  | { hit: string }
  | { dialog: string }
  /** A request (or a navigation of the page) to EVIL + path. */
  | { request: string }
  | { navigation: string }
  /** The page's own styles changed: the body is no longer white. */
  | { restyle: true }
  /** An element left the page's flow (position fixed/absolute/sticky). */
  | { overlay: string }
  /** Relative URLs resolve elsewhere (document.baseURI changed). */
  | { rebase: string };

export interface HtmlCase {
  id: string;
  html: string;
  /** What a browser does with the HTML as written, with no Content Security Policy. */
  raw: Effect[];
  /** What is left of `raw` under VS Code's strict CSP (default: nothing). */
  rawUnderCsp?: Effect[];
  /** Why a payload does nothing in current Chromium even as written (it is still checked). */
  inert?: string;
  shown: string;
  includedShown?: string;
  /** Text to click after load: what a handler or link would need. */
  interact?: string;
  /** Hover over `interact` first (an onmouseover). */
  hover?: true;
}

const svgHit = (id: string) => Buffer.from(`<svg id="x" xmlns="http://www.w3.org/2000/svg" onload="__hit('${id}')"></svg>`).toString('base64');

export const HTML_CASES: HtmlCase[] = [
  // Script elements.
  { id: 'script', html: `<script>__hit('script')</script>`, raw: [{ hit: 'script' }], shown: `<script>__hit('script')</script>` },
  {
    id: 'script-src',
    html: `<SCRIPT SRC="${EVIL}/script-src.js"></SCRIPT>`,
    raw: [{ request: '/script-src.js' }],
    rawUnderCsp: [{ request: '/script-src.js' }],
    shown: `<SCRIPT SRC="${EVIL}/script-src.js"></SCRIPT>`,
  },
  {
    id: 'script-alert',
    html: `<script type="text/javascript">alert('script-alert')</script>`,
    raw: [{ dialog: 'script-alert' }],
    shown: `<script type="text/javascript">alert('script-alert')</script>`,
  },
  {
    id: 'script-string',
    html: `<script>document.write('<img src="${EVIL}/script-string.png">')</script>`,
    raw: [{ request: '/script-string.png' }],
    shown: `<script>document.write('<img src="${EVIL}/script-string.png">')</script>`,
  },
  // Event handlers: case, spacing, quoting.
  { id: 'img-onerror', html: `<img src onerror="__hit('img-onerror')">`, raw: [{ hit: 'img-onerror' }], shown: '' },
  { id: 'img-case', html: `<IMG SRC = "" OnErRoR = '__hit("img-case")' >`, raw: [{ hit: 'img-case' }], shown: '' },
  { id: 'img-tab', html: `<img\tsrc\tonerror\t=\t"__hit('img-tab')">`, raw: [{ hit: 'img-tab' }], shown: '' },
  { id: 'img-newline', html: `<img src\nonerror="__hit('img-newline')">`, raw: [{ hit: 'img-newline' }], shown: '' },
  { id: 'img-slash', html: `<img/src/onerror=__hit('img-slash')>`, raw: [{ hit: 'img-slash' }], shown: `<img/src/onerror=__hit('img-slash')>` },
  { id: 'img-nospace', html: `<img src=""onerror="__hit('img-nospace')">`, raw: [{ hit: 'img-nospace' }], shown: `<img src=""onerror="__hit('img-nospace')">` },
  { id: 'body-onload', html: `<body onload="__hit('body-onload')">`, raw: [{ hit: 'body-onload' }], shown: `<body onload="__hit('body-onload')">` },
  {
    id: 'div-events',
    html: `<div onclick="__hit('onclick')" onmouseover="__hit('onmouseover')">div-events-target</div>`,
    raw: [{ hit: 'onmouseover' }, { hit: 'onclick' }],
    shown: 'div-events-target',
    interact: 'div-events-target',
    hover: true,
  },
  {
    id: 'details-toggle',
    html: `<details open ontoggle="__hit('ontoggle')"><summary>toggle-summary</summary>toggle-body</details>`,
    raw: [{ hit: 'ontoggle' }],
    shown: 'toggle-summarytoggle-body',
  },
  {
    id: 'autofocus',
    html: `<input autofocus onfocus="__hit('autofocus')">`,
    raw: [{ hit: 'autofocus' }],
    shown: `<input autofocus onfocus="__hit('autofocus')">`,
  },
  {
    id: 'marquee',
    html: `<marquee onstart="__hit('marquee')">marquee-target</marquee>`,
    raw: [],
    inert: 'Chromium fires no start event on <marquee>',
    shown: `<marquee onstart="__hit('marquee')">marquee-target</marquee>`,
  },
  {
    id: 'quote-break',
    html: `<abbr title='x" onmouseover="__hit(&apos;quote-break&apos;)'>quote-break-target</abbr>`,
    raw: [],
    inert: 'the quotes hold even as written; the rebuilt title must keep them',
    shown: 'quote-break-target',
    interact: 'quote-break-target',
    hover: true,
  },
  // javascript:, vbscript: and data: URLs in raw HTML, obfuscated.
  { id: 'a-js', html: `<a href="javascript:__hit('a-js')">a-js-target</a>`, raw: [{ hit: 'a-js' }], shown: 'a-js-target', interact: 'a-js-target' },
  {
    id: 'a-js-case',
    html: `<a href="JaVaScRiPt:__hit('a-js-case')">a-js-case-target</a>`,
    raw: [{ hit: 'a-js-case' }],
    shown: 'a-js-case-target',
    interact: 'a-js-case-target',
  },
  {
    id: 'a-js-hex',
    html: `<a href="jav&#x61;script:__hit('a-js-hex')">a-js-hex-target</a>`,
    raw: [{ hit: 'a-js-hex' }],
    shown: 'a-js-hex-target',
    interact: 'a-js-hex-target',
  },
  {
    id: 'a-js-decimal',
    html: `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;__hit('a-js-decimal')">a-js-decimal-target</a>`,
    raw: [{ hit: 'a-js-decimal' }],
    shown: 'a-js-decimal-target',
    interact: 'a-js-decimal-target',
  },
  {
    id: 'a-js-named',
    html: `<a href="java&Tab;script&colon;__hit('a-js-named')">a-js-named-target</a>`,
    raw: [{ hit: 'a-js-named' }],
    shown: 'a-js-named-target',
    interact: 'a-js-named-target',
  },
  {
    id: 'a-js-tab',
    html: `<a href="java\tscript:__hit('a-js-tab')">a-js-tab-target</a>`,
    raw: [{ hit: 'a-js-tab' }],
    shown: 'a-js-tab-target',
    interact: 'a-js-tab-target',
  },
  {
    id: 'a-js-newline',
    html: `<a href="java\nscript:__hit('a-js-newline')">a-js-newline-target</a>`,
    raw: [{ hit: 'a-js-newline' }],
    shown: 'a-js-newline-target',
    interact: 'a-js-newline-target',
  },
  {
    id: 'a-js-leading',
    html: `<a href=" \u0001javascript:__hit('a-js-leading')">a-js-leading-target</a>`,
    raw: [{ hit: 'a-js-leading' }],
    shown: 'a-js-leading-target',
    interact: 'a-js-leading-target',
  },
  {
    id: 'a-data',
    html: `<a href="data:text/html;base64,${Buffer.from("<script>alert('a-data')</script>").toString('base64')}">a-data-target</a>`,
    raw: [],
    inert: 'Chromium refuses to open data: URLs in the top frame',
    shown: 'a-data-target',
    interact: 'a-data-target',
  },
  {
    id: 'a-vbscript',
    html: `<a href="vbscript:msgbox('a-vbscript')">a-vbscript-target</a>`,
    raw: [],
    inert: 'Chromium has no vbscript:',
    shown: 'a-vbscript-target',
  },
  { id: 'img-data-svg', html: `<img src="data:image/svg+xml;base64,${svgHit('img-data-svg')}">`, raw: [], inert: 'an SVG image runs no script', shown: '' },
  // SVG.
  { id: 'svg-onload', html: `<svg onload="__hit('svg-onload')"></svg>`, raw: [{ hit: 'svg-onload' }], shown: `<svg onload="__hit('svg-onload')"></svg>` },
  {
    id: 'svg-script',
    html: `<svg><script>__hit('svg-script')</script></svg>`,
    raw: [{ hit: 'svg-script' }],
    shown: `<svg><script>__hit('svg-script')</script></svg>`,
  },
  {
    id: 'svg-use-data',
    html: `<svg><use href="data:image/svg+xml;base64,${svgHit('svg-use-data')}#x"></use></svg>`,
    raw: [],
    inert: 'Chromium no longer loads data: URLs in <use>',
    shown: `<svg><use href="data:image/svg+xml;base64,${svgHit('svg-use-data')}#x"></use></svg>`,
  },
  {
    id: 'svg-xlink',
    html: `<svg><a xlink:href="javascript:__hit('svg-xlink')"><text y="20">svg-xlink-target</text></a></svg>`,
    raw: [{ hit: 'svg-xlink' }],
    shown: `<svg><text y="20">svg-xlink-target</text></svg>`,
    interact: 'svg-xlink-target',
  },
  {
    id: 'svg-image',
    html: `<svg><image href="${EVIL}/svg-image.png"></image></svg>`,
    raw: [{ request: '/svg-image.png' }],
    rawUnderCsp: [{ request: '/svg-image.png' }],
    shown: `<svg><image href="${EVIL}/svg-image.png"></image></svg>`,
  },
  {
    id: 'svg-style',
    html: `<svg><style>@import url("${EVIL}/svg-style.css");</style></svg>`,
    raw: [{ request: '/svg-style.css' }],
    rawUnderCsp: [{ request: '/svg-style.css' }],
    shown: `<svg><style>@import url("${EVIL}/svg-style.css");</style></svg>`,
  },
  // Frames, plugins, refresh, base, forms.
  {
    id: 'iframe-js',
    html: `<iframe src="javascript:parent.__hit('iframe-js')"></iframe>`,
    raw: [{ hit: 'iframe-js' }],
    shown: `<iframe src="javascript:parent.__hit('iframe-js')"></iframe>`,
  },
  {
    id: 'iframe-srcdoc',
    html: `<iframe srcdoc="<script>parent.__hit('iframe-srcdoc')</script>"></iframe>`,
    raw: [{ hit: 'iframe-srcdoc' }],
    shown: `<iframe srcdoc="<script>parent.__hit('iframe-srcdoc')</script>"></iframe>`,
  },
  {
    id: 'iframe-data',
    html: `<iframe src="data:text/html,<script>parent.postMessage('iframe-data', '*')</script>"></iframe>`,
    raw: [{ hit: 'message:iframe-data' }],
    shown: `<iframe src="data:text/html,<script>parent.postMessage('iframe-data', '*')</script>"></iframe>`,
  },
  {
    id: 'iframe-remote',
    html: `<iframe src="${EVIL}/iframe.html"></iframe>`,
    raw: [{ request: '/iframe.html' }],
    shown: `<iframe src="${EVIL}/iframe.html"></iframe>`,
  },
  {
    id: 'object',
    html: `<object data="${EVIL}/object.html" type="text/html"></object>`,
    raw: [{ request: '/object.html' }],
    shown: `<object data="${EVIL}/object.html" type="text/html"></object>`,
  },
  {
    id: 'embed',
    html: `<embed src="${EVIL}/embed.html" type="text/html">`,
    raw: [{ request: '/embed.html' }],
    shown: `<embed src="${EVIL}/embed.html" type="text/html">`,
  },
  {
    id: 'meta-refresh',
    html: `<meta http-equiv="refresh" content="0;url=${EVIL}/meta-refresh">`,
    raw: [{ navigation: '/meta-refresh' }],
    rawUnderCsp: [{ navigation: '/meta-refresh' }],
    shown: `<meta http-equiv="refresh" content="0;url=${EVIL}/meta-refresh">`,
  },
  {
    id: 'base',
    html: `<base href="${EVIL}/base/">`,
    raw: [{ rebase: `${EVIL}/base/` }],
    rawUnderCsp: [{ rebase: `${EVIL}/base/` }],
    shown: `<base href="${EVIL}/base/">`,
  },
  {
    id: 'form',
    html: `<form action="${EVIL}/form"><button>form-submit</button></form>`,
    raw: [{ navigation: '/form?' }],
    rawUnderCsp: [{ navigation: '/form?' }],
    shown: `<form action="${EVIL}/form"><button>form-submit</button></form>`,
    interact: 'form-submit',
  },
  {
    id: 'formaction',
    html: `<form><button formaction="javascript:__hit('formaction')">formaction-target</button></form>`,
    raw: [{ hit: 'formaction' }],
    shown: `<form><button formaction="javascript:__hit('formaction')">formaction-target</button></form>`,
    interact: 'formaction-target',
  },
  {
    id: 'input-image',
    html: `<input type="image" src="${EVIL}/input-image.png">`,
    raw: [{ request: '/input-image.png' }],
    rawUnderCsp: [{ request: '/input-image.png' }],
    shown: `<input type="image" src="${EVIL}/input-image.png">`,
  },
  // Images and media that fetch without a src.
  {
    id: 'img-srcset',
    html: `<img srcset="${EVIL}/img-srcset.png 1x">`,
    raw: [{ request: '/img-srcset.png' }],
    rawUnderCsp: [{ request: '/img-srcset.png' }],
    shown: '',
  },
  {
    id: 'picture',
    html: `<picture><source srcset="${EVIL}/picture.png"><img alt="picture-alt"></picture>`,
    raw: [{ request: '/picture.png' }],
    rawUnderCsp: [{ request: '/picture.png' }],
    shown: `<picture><source srcset="${EVIL}/picture.png"></picture>`,
  },
  {
    id: 'video-poster',
    html: `<video poster="${EVIL}/video-poster.png"></video>`,
    raw: [{ request: '/video-poster.png' }],
    rawUnderCsp: [{ request: '/video-poster.png' }],
    shown: `<video poster="${EVIL}/video-poster.png"></video>`,
  },
  {
    id: 'table-background',
    html: `<table background="${EVIL}/table-background.png"><tr><td>table-background-target</td></tr></table>`,
    raw: [{ request: '/table-background.png' }],
    rawUnderCsp: [{ request: '/table-background.png' }],
    shown: 'table-background-target',
  },
  // CSS that restyles the page, covers it or fetches.
  {
    id: 'link-stylesheet',
    html: `<link rel="stylesheet" href="${EVIL}/link.css">`,
    raw: [{ request: '/link.css' }],
    rawUnderCsp: [{ request: '/link.css' }],
    shown: `<link rel="stylesheet" href="${EVIL}/link.css">`,
  },
  {
    id: 'style-restyle',
    html: `<style>body{background:rgb(255,0,0)!important}</style>`,
    raw: [{ restyle: true }],
    rawUnderCsp: [{ restyle: true }],
    shown: `<style>body{background:rgb(255,0,0)!important}</style>`,
  },
  {
    id: 'style-import',
    html: `<style>@import url("${EVIL}/style-import.css");</style>`,
    raw: [{ request: '/style-import.css' }],
    rawUnderCsp: [{ request: '/style-import.css' }],
    shown: `<style>@import url("${EVIL}/style-import.css");</style>`,
  },
  {
    id: 'style-string',
    html: `<style>/* <img src="${EVIL}/style-string.png"> */</style>`,
    raw: [],
    inert: 'a tag inside a style sheet is text',
    shown: `<style>/* <img src="${EVIL}/style-string.png"> */</style>`,
  },
  {
    id: 'style-url',
    html: `<div style="background-image:url(${EVIL}/style-url.png)">style-url-target</div>`,
    raw: [{ request: '/style-url.png' }],
    rawUnderCsp: [{ request: '/style-url.png' }],
    shown: 'style-url-target',
  },
  {
    id: 'style-overlay',
    html: `<div style="position:fixed;top:0;left:0;width:100vw;height:100vh;z-index:2147483647;background:rgb(0,128,0)">style-overlay-target</div>`,
    raw: [{ overlay: 'div fixed' }],
    rawUnderCsp: [{ overlay: 'div fixed' }],
    shown: 'style-overlay-target',
  },
  // VS Code's markdown.css pins #code-csp-warning (its "Some content has been disabled" notice) to the top.
  {
    id: 'csp-warning',
    html: `<div id="code-csp-warning">csp-warning-target</div>`,
    raw: [{ overlay: 'div fixed' }],
    rawUnderCsp: [{ overlay: 'div fixed' }],
    shown: 'csp-warning-target',
  },
  // Parser tricks: comments the browser ends early, raw text.
  {
    id: 'comment',
    html: `<!--><img src onerror="__hit('comment')">-->`,
    raw: [{ hit: 'comment' }],
    shown: '-->',
    includedShown: `<img src onerror="__hit('comment')">-->`,
  },
  {
    id: 'comment-bang',
    html: `<!-- x --!><img src onerror="__hit('comment-bang')"> -->`,
    raw: [{ hit: 'comment-bang' }],
    shown: '-->',
    includedShown: `<img src onerror="__hit('comment-bang')"> -->`,
  },
  {
    id: 'noscript',
    html: `<noscript><p title="</noscript><img src onerror=__hit('noscript')>"></noscript>`,
    raw: [{ hit: 'noscript' }],
    shown: `<noscript><p title="</noscript><img src onerror=__hit('noscript')>"></noscript>`,
  },
  {
    id: 'textarea',
    html: `<textarea><img src onerror="__hit('textarea')"></textarea>`,
    raw: [],
    inert: 'a tag inside a textarea is text',
    shown: `<textarea><img src onerror="__hit('textarea')"></textarea>`,
  },
  {
    id: 'inline',
    html: `Inline <img src onerror="__hit('inline-img')"> <span onmouseover="__hit('inline-span')">inline-span-target</span> <script>var a = '<img src="${EVIL}/inline-script.png">'; __hit('inline-script')</script> end.`,
    raw: [{ hit: 'inline-img' }, { hit: 'inline-script' }, { hit: 'inline-span' }],
    shown: `Inline  inline-span-target <script>var a = '<img src="${EVIL}/inline-script.png">'; __hit('inline-script')</script> end.`,
    interact: 'inline-span-target',
    hover: true,
  },
];

export interface MarkdownCase {
  id: string;
  markdown: string;
  /** The text shown with markdown-it as the tests set it up. */
  shown: string;
  /** The text shown with VS Code's setup (it accepts more URLs, which the preview then refuses). Default: `shown`. */
  vscodeShown?: string;
  interact?: string;
}

const svgData = `data:image/svg+xml;base64,${svgHit('md-svg')}`;

export const MARKDOWN_CASES: MarkdownCase[] = [
  { id: 'md-link-js', markdown: `[md-link-js-target](javascript:__hit('md-link-js'))`, shown: `[md-link-js-target](javascript:__hit('md-link-js'))` },
  {
    id: 'md-link-entity',
    markdown: `[md-link-entity-target](jav&#x61;script:__hit('md-link-entity'))`,
    shown: `[md-link-entity-target](javascript:__hit('md-link-entity'))`,
  },
  { id: 'md-link-tab', markdown: `[md-link-tab-target](<java\tscript:__hit('md-link-tab')>)`, shown: 'md-link-tab-target', interact: 'md-link-tab-target' },
  { id: 'md-link-vbscript', markdown: `[md-link-vbscript-target](vbscript:msgbox(1))`, shown: `[md-link-vbscript-target](vbscript:msgbox(1))` },
  {
    id: 'md-link-data',
    markdown: `[md-link-data-target](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
    shown: `[md-link-data-target](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  },
  {
    id: 'md-link-data-image',
    markdown: `[md-link-data-image-target](${svgData})`,
    shown: `[md-link-data-image-target](${svgData})`,
    vscodeShown: 'md-link-data-image-target',
    interact: 'md-link-data-image-target',
  },
  {
    id: 'md-link-vscode',
    markdown: `[md-link-vscode-target](vscode://vscode.git/clone?url=https%3A%2F%2Fevil.example%2Frepo.git)`,
    shown: 'md-link-vscode-target',
    interact: 'md-link-vscode-target',
  },
  {
    id: 'md-link-command',
    markdown: `[md-link-command-target](command:workbench.action.terminal.new)`,
    shown: 'md-link-command-target',
    interact: 'md-link-command-target',
  },
  { id: 'md-image-js', markdown: `![md-image-js-alt](javascript:__hit('md-image-js'))`, shown: `![md-image-js-alt](javascript:__hit('md-image-js'))` },
  {
    id: 'md-image-data-svg',
    markdown: `![md-image-data-svg-alt](${svgData})`,
    shown: `![md-image-data-svg-alt](${svgData})`,
    vscodeShown: 'md-image-data-svg-alt',
  },
  { id: 'md-image-data-png', markdown: `![md-image-data-png-alt](data:image/png;base64,iVBORw0KGgo=)`, shown: 'md-image-data-png-alt' },
  { id: 'md-autolink-js', markdown: `<javascript:__hit('md-autolink-js')>`, shown: `<javascript:__hit('md-autolink-js')>` },
  { id: 'md-autolink-data', markdown: `<${svgData}>`, shown: `<${svgData}>`, vscodeShown: svgData },
  {
    id: 'md-ref-js',
    markdown: `[md-ref-js-target][ref-js]\n\n[ref-js]: javascript:__hit('md-ref-js')`,
    shown: `[md-ref-js-target][ref-js]\n[ref-js]: javascript:__hit('md-ref-js')`,
  },
  {
    id: 'md-ref-data-image',
    markdown: `![md-ref-data-image-alt][ref-img]\n\n[ref-img]: ${svgData}`,
    shown: `![md-ref-data-image-alt][ref-img]\n[ref-img]: ${svgData}`,
    vscodeShown: 'md-ref-data-image-alt',
  },
  // Controls: links the preview keeps.
  {
    id: 'md-safe',
    markdown: `[md-safe-target](https://example.com/a?b=1&c=2#d) [mail](mailto:a@example.com) [call](tel:+15550100) [here](#case-md-safe)`,
    shown: 'md-safe-target mail call here',
  },
];
