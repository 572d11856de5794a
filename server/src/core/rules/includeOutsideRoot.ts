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
      const lead =
        r.reason === 'url'
          ? `"${inc.path}" is a URL, not a file under assets/.`
          : r.reason === 'escapes'
            ? `"${inc.path}" leaves the include folder.`
            : r.reason === 'symlink'
              ? `"${inc.path}" leads out of the site through a symbolic link.`
              : `"${inc.path}" is an absolute path.`;
      ctx.report({
        span: inc.argument.valueSpan,
        message: `${lead} ${r.detail}`,
        data: { path: inc.path, reason: r.reason, ...(r.realPath ? { realPath: r.realPath } : {}) },
      });
    }
  },
};
