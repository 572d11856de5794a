import type { Rule } from './rule';
import { ALL_KINDS } from './rule';

/**
 * Reported by the engine itself when a file cannot be read as text (binary, too large, unreadable):
 * such a file gets this one diagnostic instead of a crash, a hang or silence.
 */
export const fileUnreadable: Rule = {
  code: 'file-unreadable',
  defaultSeverity: 'error',
  summary: 'A Markdown file or an included file is binary, too large or unreadable.',
  appliesTo: ALL_KINDS,
  check() {
    // Nothing to check on a model: the engine reports this before a model exists.
  },
};
