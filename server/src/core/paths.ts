// POSIX path arithmetic for the core. Every path the core sees is absolute and uses `/`; hosts
// convert from and to their platform's form (see server/src/node/nodeHost.ts).

export function normalizePath(p: string): string {
  const absolute = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  return absolute ? '/' + joined : joined || '.';
}

export function joinPath(base: string, ...parts: string[]): string {
  let p = base;
  for (const part of parts) p = part.startsWith('/') ? part : p + '/' + part;
  return normalizePath(p);
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return p.slice(0, i);
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

export function extname(p: string): string {
  const b = basename(p);
  const i = b.lastIndexOf('.');
  return i > 0 ? b.slice(i) : '';
}

/** True when `p` is `root` itself or lies below it. Both must be normalized. */
export function isInside(root: string, p: string): boolean {
  if (root === '/') return p.startsWith('/');
  return p === root || p.startsWith(root + '/');
}

/** Relative path from directory `from` to `to`, both absolute and normalized. */
export function relativePath(from: string, to: string): string {
  // Most calls ask for a path below the folder (a site's file from its root): no need to split.
  if (to.length > from.length + 1 && to.startsWith(from) && to[from.length] === '/' && from !== '/') return to.slice(from.length + 1);
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const parts = [...a.slice(i).map(() => '..'), ...b.slice(i)];
  return parts.join('/') || '.';
}

const MARKDOWN = /\.(md|markdown)$/i;

/** A Markdown file name (`.md` or `.markdown`, any case). */
export function isMarkdownPath(path: string): boolean {
  return MARKDOWN.test(path);
}
