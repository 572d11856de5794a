import { ALL_KINDS, type Rule } from './rule';

/**
 * Text that was not valid UTF-8 when it was read: the reader (the CLI's, VS Code's) puts a
 * replacement character (U+FFFD, "�") where the bytes made no sense, so what the author sees is
 * no longer what the file says. Hugo publishes the bytes as they are and browsers show "�" too.
 */
export const fileEncoding: Rule = {
  code: 'file-encoding',
  defaultSeverity: 'warning',
  summary: 'A file holds bytes that are not UTF-8 text (shown as "�"): it was saved in another encoding or damaged.',
  appliesTo: ALL_KINDS,
  check(ctx) {
    const text = ctx.model.file.text;
    const first = text.indexOf('\uFFFD');
    if (first < 0) return;
    let count = 0;
    for (let i = first; i >= 0; i = text.indexOf('\uFFFD', i + 1)) count++;
    ctx.report({
      span: { start: first, end: first + 1 },
      message: `Not UTF-8: ${count === 1 ? 'this "�" was' : `this "�" and ${count - 1} more were`} unreadable bytes; save the file as UTF-8 and retype ${count === 1 ? 'it' : 'them'}.`,
      detail: 'The reader puts "�" where bytes make no sense as UTF-8, and the site will show "�" too: the file was saved in another encoding or damaged.',
    });
  },
};
