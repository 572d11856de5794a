import { closestWithin, TYPO_LIMITS } from '../suggest';
import { basename, relativePath } from '../paths';
import type { IncludeCall } from '../model/pageModel';
import { printablePath } from '../site';
import { type FixSpec, PAGE_KINDS_ONLY, replaceFix, type Rule, type SiteContext } from './rule';

/** An include whose file does not exist: Hugo stops the build. */
export const includeMissing: Rule = {
  code: 'include-missing',
  defaultSeverity: 'error',
  summary: "An include names a file that does not exist under the site's assets/ folder: the Hugo build fails.",
  appliesTo: PAGE_KINDS_ONLY,
  check(ctx) {
    for (const inc of ctx.model.includes) {
      const r = inc.resolution;
      if (!inc.argument || (r.kind !== 'missing' && r.kind !== 'directory')) continue;
      // A call Hugo's lexer rejects stops the build before the include runs: include-syntax says so.
      if (inc.call.problems.some((p) => p.fatal)) continue;
      const span = inc.argument.valueSpan;
      if (r.kind === 'directory') {
        ctx.report({
          span,
          message: `"${printablePath(inc.path)}" is a folder: name a file in it.`,
          detail: "Hugo's include finds no file there and the build fails.",
        });
        continue;
      }
      const where = r.tried.map((t) => printablePath(ctx.site.label(t))).join(' or ');
      if (r.trimmed) {
        ctx.report({
          span,
          message: `No include file "${printablePath(inc.path)}": remove the spaces around the path.`,
          detail: `Hugo looks the path up with its spaces, finds nothing and fails the build; without them it names ${r.trimmed}.`,
          fixes: [replaceFix('Remove the spaces around the path', span, r.trimmed)],
          data: { path: inc.path, suggestion: r.trimmed },
        });
        continue;
      }
      const suggestion = suggestInclude(inc, ctx.site);
      const fixes: FixSpec[] = [];
      if (suggestion) fixes.push(replaceFix(`Change to "${suggestion}"`, span, suggestion));
      if (r.tried[0] && /\.md$/i.test(r.tried[0]) && !r.oddCharacter) {
        fixes.push({ title: `Create ${ctx.site.label(r.tried[0])}`, edits: [], createFile: { path: r.tried[0], text: '' } });
      }
      ctx.report({
        span,
        message:
          `No include file "${printablePath(inc.path)}"` +
          (r.oddCharacter ? `: its path holds ${r.oddCharacter.replace(/, (which|the mark) .*$/, '')}` : '') +
          (suggestion ? `; did you mean "${suggestion}"?` : '.'),
        detail:
          (r.tried.length ? `Hugo looks for ${where} and fails the build.` : 'Hugo fails the build.') +
          (r.oddCharacter ? ` The path holds ${r.oddCharacter}.` : '') +
          (r.entry ? ` There is ${r.entry}.` : '') +
          (inc.context === 'code-block' || inc.context === 'code-span' ? ' Hugo runs shortcodes inside code too.' : '') +
          (inc.context === 'html-comment' ? ' Hugo runs shortcodes inside HTML comments too.' : ''),
        fixes,
        data: { path: inc.path, tried: r.tried, suggestion },
      });
    }
  },
};

/** The existing include file closest to what was written: same file name first, then edit distance. */
export function suggestInclude(inc: IncludeCall, site: SiteContext): string | undefined {
  const roots = site.resolver.roots;
  const candidates: string[] = [];
  for (const f of site.resolver.allFiles()) {
    const root = roots.find((r) => f.startsWith(r + '/'));
    if (root) candidates.push(relativePath(root, f));
  }
  const written = inc.path.replace(/^\/+/, '');
  // What is written may be listed and still not be a file (a symbolic link to nothing): never suggest it back.
  candidates.splice(0, candidates.length, ...candidates.filter((c) => c !== written));
  if (!candidates.length) return undefined;
  const sameName = candidates.filter((c) => basename(c).toLowerCase() === basename(written).toLowerCase());
  if (sameName.length) return closestWithin(written, sameName, Infinity);
  return closestWithin(written, candidates, TYPO_LIMITS.includePath(written));
}
