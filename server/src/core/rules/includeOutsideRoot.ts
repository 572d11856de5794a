import { printablePath } from '../site';
import { PAGE_KINDS_ONLY, type Rule } from './rule';

/**
 * Include paths that leave the include roots, are URLs or absolute paths (never read, and Hugo finds
 * nothing), or lead through a symbolic link out of the site (never read; Hugo follows the link).
 */
export const includeOutsideRoot: Rule = {
  code: 'include-outside-root',
  defaultSeverity: 'error',
  summary:
    "An include path leaves the site's assets/ folder, is a URL or an absolute path (the Hugo build fails), or leads through a symbolic link out of the site: nothing is read.",
  appliesTo: PAGE_KINDS_ONLY,
  check(ctx) {
    for (const inc of ctx.model.includes) {
      const r = inc.resolution;
      if (r.kind !== 'outside' || !inc.argument || inc.call.problems.some((p) => p.fatal)) continue;
      const path = printablePath(inc.path);
      const message =
        r.reason === 'url'
          ? `"${path}" is a URL: include names a file under assets/.`
          : r.reason === 'escapes'
            ? `"${path}" leaves the include folder: name a file under assets/.`
            : r.reason === 'symlink'
              ? `"${path}" leads out of the site through a symbolic link: move the file into the site.`
              : `"${path}" is an absolute path: name a file under assets/.`;
      ctx.report({
        span: inc.argument.valueSpan,
        message,
        detail: r.detail,
        data: { path: inc.path, reason: r.reason, ...(r.realPath ? { realPath: r.realPath } : {}) },
      });
    }
  },
};
