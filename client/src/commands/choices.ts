// What the commands and the status bar put in front of the person (quick pick items, messages, the
// status text), made from the server's answers. Pure: no VS Code API, so tests check it directly;
// the modules beside it only show these.

import type {
  Level,
  LevelChoiceResult,
  LintWorkspaceResult,
  NewPageChoices,
  PageInfoResult,
  PageKind,
  PageMoveResult,
} from '../../../server/src/lsp/customProtocol';

export interface Choice<T> {
  label: string;
  description?: string;
  detail?: string;
  picked?: boolean;
  value: T;
}

/** The category of every command in the palette (package.json contributes.commands). */
export const CATEGORY = 'Career Pages';

export const COMMANDS = {
  newCareerPage: 'careerPages.newCareerPage',
  newJobFamilyPage: 'careerPages.newJobFamilyPage',
  lintWorkspace: 'careerPages.lintWorkspace',
  convertIncludeDelimiters: 'careerPages.convertIncludeDelimiters',
  showLadderMatrix: 'careerPages.showLadderMatrix',
  changePageKind: 'careerPages.changePageKind',
  turnOffBuiltinMarkdownDuplicates: 'careerPages.turnOffBuiltinMarkdownDuplicates',
  showRuleDoc: 'careerPages.showRuleDoc',
  copyLinkToHeading: 'careerPages.copyLinkToHeading',
} as const;

export const capitalize = (s: string): string => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** Track folders, the active one first, then a way to pick any folder. */
export function trackChoices(choices: NewPageChoices): Choice<string | 'other'>[] {
  return [
    ...choices.tracks.map((t, i) => ({
      label: t.relative.split('/').slice(-2).join('/'),
      description: t.levels.map(capitalize).join(', '),
      detail: `content/${t.relative}`,
      picked: i === 0,
      value: t.uri,
    })),
    { label: 'Choose another folder…', description: choices.tracks.length ? undefined : 'no career track found in this site yet', value: 'other' as const },
  ];
}

/**
 * Levels in ladder order. A level whose page exists is offered too (choosing it opens the page); the
 * first missing level above the existing ones is preselected.
 */
export function levelChoicesFor(levels: LevelChoiceResult[]): Choice<Level>[] {
  const lastExisting = levels.map((l) => l.exists).lastIndexOf(true);
  const suggested = levels.findIndex((l, i) => !l.exists && i > lastExisting);
  return levels.map((l, i) => ({
    label: capitalize(l.level),
    description: l.exists ? `${l.level}.md exists: opens it` : `creates ${l.level}.md`,
    picked: i === (suggested >= 0 ? suggested : levels.findIndex((x) => !x.exists)),
    value: l.level,
  }));
}

export function jobFamilyFolderChoices(choices: NewPageChoices): Choice<string | 'other'>[] {
  return [
    ...choices.jobFamilyFolders.map((f, i) => ({ label: `content/${f.relative}`, picked: i === 0, value: f.uri })),
    { label: 'Choose another folder…', value: 'other' as const },
  ];
}

export function jobFamilyLevelChoices(choices: NewPageChoices): Choice<Level>[] {
  return choices.levels.map((l) => ({ label: capitalize(l), picked: choices.defaultJobFamilyLevels.includes(l), value: l }));
}

/** Why a role name cannot be used, or undefined when it can (the server checks the same). */
export function roleNameProblem(value: string): string | undefined {
  if (!value.trim()) return 'Type the role, e.g. "Backend Engineer".';
  if (/["\\\n]/.test(value)) return 'A role name is plain text on one line, without quotes or backslashes.';
  return undefined;
}

export const KIND_LABELS: Record<PageKind, string> = {
  'career-page': 'Career page',
  'job-family': 'Job-family page',
  page: 'Page',
  include: 'Include file',
};

const KIND_ORDER: PageKind[] = ['career-page', 'job-family', 'page', 'include'];

export type KindAction = { kind: PageKind } | { reset: true } | { permanent: true };

/** The status bar's text and tooltip for a file, or undefined to hide it (not a Markdown file of a Hugo site). */
export function statusFor(info: PageInfoResult | null | undefined): { text: string; tooltip: string } | undefined {
  if (!info) return undefined;
  if (!info.checked) return { text: '$(circle-slash) Not checked', tooltip: `${info.relativePath} is not checked: ${info.reason ?? ''}` };
  const from =
    info.source === 'session'
      ? `chosen for this session (the configuration says ${KIND_LABELS[info.configuredKind].toLowerCase()})`
      : info.source === 'pageKinds'
        ? `from the pageKinds glob ${info.glob}`
        : 'no pageKinds glob matches it';
  return {
    text: `$(checklist) ${info.label}${info.source === 'session' ? ' (session)' : ''}`,
    tooltip:
      `${info.relativePath} is checked as a ${info.label.toLowerCase()} against schemas/${info.schema} (${from}). Click to change the kind for this file.` +
      (info.idSettings.length ? `\nHeading ids as Hugo makes them here: ${info.idSettings.join(', ')}.` : ''),
  };
}

/** The quick pick behind the status bar: every kind, back to the configured one, and how to make a choice permanent. */
export function kindChoices(info: PageInfoResult): Choice<KindAction>[] {
  const items: Choice<KindAction>[] = KIND_ORDER.map((kind) => ({
    label: `${kind === info.kind ? '$(check) ' : ''}${KIND_LABELS[kind]}`,
    description: [kind === info.configuredKind ? 'configured' : '', kind === info.kind ? 'current' : ''].filter(Boolean).join(', ') || undefined,
    detail: `Check this file against schemas/${kind}.schema.json for this session`,
    value: { kind },
  }));
  if (info.source === 'session') {
    items.push({ label: '$(discard) Use the configured kind', description: KIND_LABELS[info.configuredKind], value: { reset: true } });
  }
  items.push({
    label: '$(info) Make it permanent…',
    detail: 'A choice here lasts until the editor restarts; pageKinds globs in .career-pages.jsonc make it permanent. Shows the entry to add.',
    value: { permanent: true },
  });
  return items;
}

/** The message after Lint Workspace. */
export function lintSummary(result: LintWorkspaceResult): string {
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  if (!result.sites.length) return 'No Hugo site found in this workspace (no hugo.toml, config.* or content/ and assets/).';
  const problems = [plural(result.errors, 'error'), plural(result.warnings, 'warning'), ...(result.others ? [`${result.others} info/hint`] : [])].join(', ');
  return `Checked ${plural(result.files, 'file')} in ${(result.ms / 1000).toFixed(1)} s: ${problems} in ${plural(result.filesWithProblems, 'file')}.`;
}

/** Progress reports as VS Code wants them: increments, from the server's percentages. */
export class ProgressIncrements {
  private reported = 0;

  next(percentage: number | undefined): number {
    if (percentage === undefined) return 0;
    const increment = Math.max(0, Math.min(100, percentage) - this.reported);
    this.reported += increment;
    return increment;
  }
}

// ---- moving pages (client/src/pageMoves.ts) ---------------------------------------------------------

export const UPDATE_LINKS = 'Update Links';
export const ADD_ALIAS = 'Add Alias';

/** What the prompt of careerPages.links.onMove "ask" says: "Moving senior.md changes its URL from /a/ to /b/. 5 links in 3 files lead to it." */
export function pageMoveQuestion(result: Pick<PageMoveResult, 'moved' | 'incoming' | 'linkingFiles'>): { message: string; detail: string } {
  const changed = result.moved.filter((m) => m.newUrl !== undefined && m.newUrl !== m.oldUrl);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const links = `${plural(result.incoming, 'link')} in ${plural(result.linkingFiles, 'file')} ${result.incoming === 1 ? 'leads' : 'lead'}`;
  const name = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const first = changed[0] ?? result.moved[0];
  const message =
    changed.length > 1
      ? `Moving ${plural(changed.length, 'page')} changes their URLs. ${links} to them.`
      : changed.length === 1
        ? `Moving ${name(first.oldUri)} changes its URL from ${first.oldUrl} to ${first.newUrl}. ${links} to it.`
        : `Moving ${first ? name(first.oldUri) : 'these files'} keeps its URL, but ${links} to its file.`;
  const detail = `${UPDATE_LINKS}: every link follows the page. ${ADD_ALIAS}: the old URL goes into the front matter aliases, so Hugo redirects it (links to the .md file are updated). Cancel: the links stay as they are. Set careerPages.links.onMove to stop asking.`;
  return { message, detail };
}
