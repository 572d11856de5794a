// What the hostile-content tests (hostilePreview.test.ts, hostileMatrix.test.ts) observe in headless
// Chromium: a page served from a made-up origin, every script a payload could run (a function it
// calls, a dialog, a message posted to the page), every request (intercepted, never sent), every
// navigation and popup, and Content Security Policy violations. Payloads call __hit('<case id>').
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';

export { CHROMIUM, chromiumSkip, launchChromium } from '../support/chromium';

/** Where hostile payloads point: any request to it is a leak (none is ever sent: all requests are intercepted). */
export const EVIL = 'https://evil.example';

/**
 * The Content Security Policy of VS Code's Markdown preview at its default security level
 * ("strict"), from MdDocumentRenderer._getCsp in
 * extensions/markdown-language-features/src/preview/documentRenderer.ts of microsoft/vscode.
 * `rule` is the webview's cspSource (in VS Code desktop: https://*.vscode-cdn.net); `nonce` is
 * fresh per render and allows VS Code's own preview scripts.
 */
export function vscodeStrictCsp(rule: string, nonce: string): string {
  return `default-src 'none'; img-src 'self' ${rule} https: data:; media-src 'self' ${rule} https: data:; script-src 'nonce-${nonce}'; style-src 'self' ${rule} 'unsafe-inline' https: data:; font-src 'self' ${rule} https: data:;`;
}

export interface Observed {
  /** Ids passed to __hit by script that ran, and `message:<data>` for messages posted to the page. */
  hits: string[];
  dialogs: string[];
  /** Requests other than the served files and data: URLs, as URLs. */
  requests: string[];
  /** Navigations of the main frame after the first one (requests and committed ones). */
  navigations: string[];
  popups: string[];
  /** `directive blocked-URI` of each securitypolicyviolation event. */
  violations: string[];
  errors: string[];
}

export interface ObservedPage {
  page: Page;
  /** What happened since the last load. */
  observed: Observed;
  /** Opens `url` again, serving `files` instead, with fresh observations. */
  load(url: string, files: Record<string, Served>): Promise<void>;
  /** Resolves when a request whose URL starts with `prefix` is seen (rejects after 5 s). */
  request(prefix: string): Promise<void>;
  /** Two rendering updates and a task: what load left to run (autofocus, toggle events, image errors) has run. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface Served {
  body: string;
  contentType: string;
}

const fresh = (): Observed => ({ hits: [], dialogs: [], requests: [], navigations: [], popups: [], violations: [], errors: [] });

/**
 * Opens `files[url]` (the document) in a fresh browser context. Other entries of `files` are served
 * too (stylesheets); every other request is recorded and aborted, except a navigation of the page,
 * which is recorded and answered "204 No Content", so that the page stays to be looked at.
 */
export async function openObserved(
  browser: Browser,
  url: string,
  files: Record<string, Served>,
  options: { viewport?: { width: number; height: number }; initScript?: string } = {},
): Promise<ObservedPage> {
  const context: BrowserContext = await browser.newContext({ viewport: options.viewport ?? { width: 1000, height: 800 } });
  const page = await context.newPage();
  let served = files;
  let loading = true;
  const waiters: { prefix: string; resolve: () => void }[] = [];
  const result: ObservedPage = {
    page,
    observed: fresh(),
    load: async (next, nextFiles) => {
      served = nextFiles;
      result.observed = fresh();
      waiters.length = 0;
      loading = true;
      await page.goto(next, { waitUntil: 'load', timeout: 15_000 });
      loading = false;
    },
    request: (prefix) =>
      new Promise<void>((resolve, reject) => {
        if ([...result.observed.requests, ...result.observed.navigations].some((u) => u.startsWith(prefix))) return resolve();
        const timer = setTimeout(() => reject(new Error(`no request to ${prefix} within 5 s`)), 5_000);
        waiters.push({
          prefix,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      }),
    settle: async () => {
      await page.evaluate('new Promise(function (r) { requestAnimationFrame(function () { requestAnimationFrame(function () { setTimeout(r, 0); }); }); })');
    },
    close: () => context.close(),
  };
  const mainNavigation = (r: Request) => r.isNavigationRequest() && r.frame() === page.mainFrame();
  context.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || (served[u] && (!mainNavigation(r) || loading))) return;
    if (mainNavigation(r)) result.observed.navigations.push(u);
    else result.observed.requests.push(u);
    for (const w of waiters.filter((x) => u.startsWith(x.prefix))) w.resolve();
  });
  await context.route('**/*', (route) => {
    const r = route.request();
    const file = served[r.url()];
    if (mainNavigation(r) && !loading) return route.fulfill({ status: 204 });
    if (file) return route.fulfill({ status: 200, contentType: file.contentType, body: file.body });
    return route.abort();
  });
  await page.exposeFunction('__hit', (id: unknown) => void result.observed.hits.push(String(id)));
  await page.exposeFunction('__violation', (what: unknown) => void result.observed.violations.push(String(what)));
  // A string, not a function: the test runner's transpiler would add helpers the page does not have.
  await page.addInitScript(
    "document.addEventListener('securitypolicyviolation', function (e) { __violation(e.violatedDirective + ' ' + e.blockedURI); });" +
      "window.addEventListener('message', function (e) { __hit('message:' + e.data); });" +
      (options.initScript ?? ''),
  );
  page.on('dialog', (d) => {
    result.observed.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('popup', (p) => void result.observed.popups.push(p.url()));
  page.on('pageerror', (e) => void result.observed.errors.push(e.message));
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame() && !loading) result.observed.navigations.push(f.url());
  });
  await result.load(url, files);
  return result;
}

/** Every attribute in the body whose value a browser could read as a URL with a dangerous scheme. */
export const DANGEROUS_ATTRIBUTES_SCRIPT = `(() => {
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const v = a.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
      if (/^(javascript|vbscript|data|vscode|command):/.test(v) || /^on/i.test(a.name) || a.name === 'style' || a.name === 'srcset' || a.name === 'formaction' || a.name === 'action' || a.name.includes(':')) {
        found.push(el.tagName.toLowerCase() + ' ' + a.name + '=' + a.value);
      }
    }
  }
  return found;
})()`;

/** Elements that could run script, load or embed something, submit, refresh or restyle the page, anywhere in the body. */
export const ACTIVE_ELEMENTS_SCRIPT = `[...document.body.querySelectorAll('script, style, link, meta, base, iframe, frame, frameset, object, embed, applet, form, input, button, textarea, select, svg, math, video, audio, source, picture, track, template, noscript, marquee, portal, image, use')].map((e) => e.tagName.toLowerCase())`;

/** Elements taken out of the page's flow (fixed, absolute or sticky): an overlay could cover the preview. */
export const POSITIONED_ELEMENTS_SCRIPT = `[...document.body.querySelectorAll('*')].filter((e) => getComputedStyle(e).position !== 'static' && getComputedStyle(e).position !== 'relative').map((e) => e.tagName.toLowerCase() + ' ' + getComputedStyle(e).position)`;
