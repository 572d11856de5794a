// New pages for the "New Career Page…" and "New Job-Family Page…" commands: which track folders and
// levels to offer, and the text of the page. A new career page follows its siblings (the role named
// in their title and heading, their shared include files, the competency files of its own level, the
// responsibility terms of the level below) so that it passes the ladder rules; its navigation links
// point at the anchors the page model computes for the headings it writes.

import { CONFIG_FILE_NAME } from '../config';
import { OverlayHost, type Host } from '../host';
import { LEVELS, levelOfFile, levelsIn, type Level } from '../model/ladder';
import type { PageModel } from '../model/pageModel';
import { basename, dirname, isInside, relativePath } from '../paths';
import { COMPENSATION_PAGE } from '../rules/jobGradeLink';
import { responsibilityTables } from '../schema/instance';
import { isMarkdownPath, Workspace, type Site } from '../workspace';
import { FeatureError } from './types';

export interface TrackFolder {
  folder: string;
  /** Relative to the site's content folder. */
  relative: string;
  /** Levels that have a page there, from the first to the most senior. */
  levels: Level[];
}

/** Folders under content/ holding career pages of a level (`senior.md`, ...), the one holding `near` first. */
export function careerTrackFolders(workspace: Workspace, site: Site, near?: string): TrackFolder[] {
  const byFolder = new Map<string, Set<Level>>();
  for (const file of workspace.sitePages(site)) {
    const level = levelOfFile(file);
    if (!level || site.kindOf(file) !== 'career-page') continue;
    const folder = dirname(file);
    let levels = byFolder.get(folder);
    if (!levels) byFolder.set(folder, (levels = new Set()));
    levels.add(level);
  }
  const nearFolder = near ? (workspace.host.exists(near) === 'directory' ? near : dirname(near)) : undefined;
  return [...byFolder]
    .map(([folder, levels]) => ({ folder, relative: relativePath(site.contentDir, folder), levels: LEVELS.filter((l) => levels.has(l)) }))
    .sort((a, b) => Number(b.folder === nearFolder) - Number(a.folder === nearFolder) || a.relative.localeCompare(b.relative));
}

export interface LevelChoice {
  level: Level;
  file: string;
  exists: boolean;
}

/** Every level, with the file it would be in `folder` and whether that file exists. */
export function levelChoices(host: Host, folder: string): LevelChoice[] {
  return LEVELS.map((level) => {
    const file = `${folder}/${level}.md`;
    return { level, file, exists: host.exists(file) === 'file' };
  });
}

export interface NewPage {
  file: string;
  /** The page's text; empty when the file exists (it is never overwritten). */
  text: string;
  exists: boolean;
  /** What the page is made from, for the person: the sibling it follows, include files found or not. */
  notes: string[];
}

const COMPETENCIES = [
  { key: 'leadership', heading: 'Leadership Competencies' },
  { key: 'technical', heading: 'Technical Competencies' },
  { key: 'values', heading: 'Values Alignment' },
] as const;
type Competency = (typeof COMPETENCIES)[number]['key'];

/** The text of `<folder>/<level>.md`, a career page for one level of the folder's track. */
export function newCareerPage(workspace: Workspace, folder: string, level: Level): NewPage {
  const file = `${folder}/${level}.md`;
  const site = siteOfNewFile(workspace, file);
  if (workspace.host.exists(file) === 'file') return { file, text: '', exists: true, notes: [`${site.label(file)} exists already.`] };
  const notes: string[] = [];
  const Level = capitalize(level);
  const template = nearestSibling(workspace, folder, level);
  if (template) notes.push(`Follows ${site.label(template.model.file.path)}.`);

  // The role, title, description and the sentence before the section links.
  const fromLevel = template?.level;
  const firstHeading = template?.model.headings.find((h) => h.include === undefined);
  const role =
    firstHeading && fromLevel && levelsIn(firstHeading.text).includes(fromLevel)
      ? firstHeading.text
          .replace(levelWord(fromLevel), '')
          .replace(/^\s+|\s+$/g, '')
          .replace(/\s{2,}/g, ' ')
      : trackName(folder);
  const data = template?.model.frontmatter?.data;
  const rewrite = (text: unknown): string | undefined =>
    typeof text === 'string' && fromLevel && levelsIn(text).includes(fromLevel) ? withLevel(text, fromLevel, level) : undefined;
  const title = rewrite(data?.title) ?? `${trackName(folder)} Career Framework: ${Level}`;
  const description = rewrite(data?.description) ?? `These are the expected competencies of ${article(level)} ${Level} ${role}.`;
  const heading = `${Level} ${role}`;
  const intro =
    (template && fromLevel && introSentence(template.model, fromLevel, level)) ??
    `**${capitalize(article(level))} ${Level} ${role} is expected to exhibit the following competencies:**`;

  // Include files: the siblings' shared ones (navigation, values) and this level's competency files.
  const includes = includePlan(workspace, site, folder, level, template);
  for (const c of COMPETENCIES) {
    if (!includes[c.key].length && c.key !== 'values')
      notes.push(`No ${level} ${c.key} competency file was found under the include folders (${site.includeRoots.map((r) => site.label(r)).join(', ')}).`);
  }
  const call = (path: string) => (site.options.preferredDelimiter === '<' ? `{{< include "${path}" >}}` : `{{% include "${path}" %}}`);

  // Section levels: included competency files start with deep headings (the handbook's with #####);
  // a level-4 section under a level-3 one lets them follow without a jump.
  const deepest = Math.max(0, ...COMPETENCIES.flatMap((c) => includes[c.key].map((p) => firstHeadingLevel(workspace, site, p))));
  const sectionLevel = deepest > 4 ? 4 : 3;
  const hashes = '#'.repeat(sectionLevel);

  const table = template ? responsibilitySection(template.model, site.label(template.model.file.path)) : undefined;
  const body: string[] = [];
  if (sectionLevel === 4) body.push(`### ${Level} Competencies`, '');
  const sectionTitles = COMPETENCIES.map((c) => `${Level} ${c.heading}`);
  COMPETENCIES.forEach((c, i) => {
    body.push(`${hashes} ${sectionTitles[i]}`, '');
    for (const path of includes[c.key]) body.push(call(path), '');
    if (!includes[c.key].length)
      body.push(`<!-- No ${level} ${c.key} competency file to include was found; describe the ${c.heading.toLowerCase()} of this level here. -->`, '');
    if (c.key === 'technical' && table) {
      body.push(`${'#'.repeat(sectionLevel + 1)} ${table.heading}`, '');
      if (table.lead) body.push(table.lead, '');
      body.push('| Responsibility | Description |', '| --- | --- |');
      for (const term of table.terms) body.push(`| ${term} | To be written: what this responsibility means at the ${Level} level. |`);
      body.push('');
      notes.push(`The responsibility table lists the ${table.terms.length} terms of ${table.from}; write their ${level} descriptions.`);
    }
  });

  const head = [
    '---',
    `title: ${yamlString(title)}`,
    `description: ${yamlString(description)}`,
    '---',
    '',
    `## ${heading}`,
    '',
    ...includes.shared.flatMap((p) => [call(p), '']),
    intro,
    '',
    ...COMPETENCIES.map((c, i) => `- [${c.heading}](#@@${i}@@)`),
    '',
    '---',
    '',
  ];
  let text = [...head, ...body].join('\n').replace(/\n+$/, '\n');
  // The anchors, from the page model of the text as it will be on disk.
  const model = scratchWorkspace(workspace, file, text).model(file, text);
  const ids = sectionTitles.map((t) => model?.headings.find((h) => h.include === undefined && h.text === t)?.id ?? '');
  text = text.replace(/#@@(\d)@@/g, (_m, i: string) => `#${ids[Number(i)]}`);
  return { file, text, exists: false, notes };
}

interface Sibling {
  level: Level;
  model: PageModel;
}

/** The level page that a new level copies its shape from: the nearest level below, else the nearest above. */
function nearestSibling(workspace: Workspace, folder: string, level: Level): Sibling | undefined {
  const rank = LEVELS.indexOf(level);
  const siblings = workspace.host
    .listFiles(folder)
    .filter((f) => dirname(f) === folder && isMarkdownPath(f) && levelOfFile(f) && levelOfFile(f) !== level)
    .flatMap((f) => {
      const model = workspace.model(f);
      return model && model.kind === 'career-page' ? [{ level: levelOfFile(f)!, model }] : [];
    });
  const distance = (s: Sibling) => {
    const d = LEVELS.indexOf(s.level) - rank;
    return d < 0 ? -d : d + 0.5; // below wins a tie
  };
  return siblings.sort((a, b) => distance(a) - distance(b) || a.model.file.path.localeCompare(b.model.file.path))[0];
}

type IncludePlan = Record<Competency | 'shared', string[]>;

/**
 * The include paths of the new page. With a sibling: its includes in order, a level-named one turned
 * into this level's file when that exists (and left out when not), the others kept. Without one: the
 * track's _index.md shared includes, and `<level>-<leadership|technical|values>-competency.md` (or
 * `values-competency.md`) found under the include folders.
 */
function includePlan(workspace: Workspace, site: Site, folder: string, level: Level, template: Sibling | undefined): IncludePlan {
  const plan: IncludePlan = { shared: [], leadership: [], technical: [], values: [] };
  const add = (path: string) => {
    const name = basename(path).toLowerCase();
    const kind = COMPETENCIES.find((c) => name.includes(c.key) && name.includes('competenc'))?.key;
    const list = plan[kind ?? 'shared'];
    if (!list.includes(path)) list.push(path);
  };
  const exists = (path: string) => site.resolver.resolve(path).kind === 'found';
  if (template) {
    for (const inc of template.model.includes) {
      if (inc.context !== 'text' || !inc.argument || !inc.path) continue;
      const named = levelsIn(basename(inc.path).replace(/[-_]/g, ' '));
      if (!named.length) {
        add(inc.path);
        continue;
      }
      const swapped = inc.path.replace(new RegExp(`(^|[/_-])${template.level}(?=[-_.])`, 'i'), (_m, pre: string) => `${pre}${level}`);
      if (swapped !== inc.path && exists(swapped)) add(swapped);
    }
  } else {
    const index = workspace.model(`${folder}/_index.md`);
    for (const inc of index?.includes ?? [])
      if (inc.context === 'text' && inc.path && !levelsIn(basename(inc.path).replace(/[-_]/g, ' ')).length) add(inc.path);
  }
  // Competency files the sibling did not lead to: look for the handbook's names.
  for (const c of COMPETENCIES) {
    if (plan[c.key].length) continue;
    const found = findCompetencyFile(workspace, site, level, c.key);
    if (found) add(found);
  }
  return plan;
}

function findCompetencyFile(workspace: Workspace, site: Site, level: Level, kind: Competency): string | undefined {
  const wanted = [`${level}-${kind}-competency.md`, ...(kind === 'values' ? ['values-competency.md'] : [])];
  for (const name of wanted) {
    for (const root of site.includeRoots) {
      const hit = workspace.host
        .listFiles(root)
        .filter((f) => basename(f) === name)
        .sort((a, b) => a.length - b.length || a.localeCompare(b))[0];
      if (hit) return relativePath(root, hit);
    }
  }
  return undefined;
}

/** The level of the first heading of an include file (0 when it has none). */
function firstHeadingLevel(workspace: Workspace, site: Site, path: string): number {
  const resolution = site.resolver.resolve(path);
  if (resolution.kind !== 'found') return 0;
  return workspace.model(resolution.path)?.headings[0]?.level ?? 0;
}

/** The sibling's bold "... are expected to exhibit the following competencies:" line, for this level. */
function introSentence(model: PageModel, from: Level, to: Level): string | undefined {
  const line = model.file.text
    .slice(model.bodyStart)
    .split(/\r?\n/)
    .find((l) => /^\*\*.*\*\*\s*$/.test(l) && levelsIn(l).includes(from));
  return line ? withLevel(line.trim(), from, to) : undefined;
}

/** The heading and lead paragraph above the sibling's first responsibility table, and its terms as written. */
function responsibilitySection(model: PageModel, label: string): { heading: string; lead?: string; terms: string[]; from: string } | undefined {
  const table = responsibilityTables(model)[0];
  if (!table?.rows.length) return undefined;
  const text = model.file.text;
  const heading = [...model.headings].reverse().find((h) => h.include === undefined && h.lineSpan.end <= table.header.span.start);
  const between = heading ? text.slice(heading.lineSpan.end, table.header.span.start).trim() : '';
  // A plain paragraph (the handbook's "This table refers to ... team page") is kept; anything else is not.
  const lead = between && !/^\s*(#|\{\{|<|\||[-*+] |\d+[.)] )/m.test(between) ? between : undefined;
  const terms = table.rows
    .map((r) => r.cells[0])
    .filter((c) => c?.text)
    .map((c) => text.slice(c.span.start, c.span.end).trim());
  return { heading: heading?.text ?? 'Responsibilities', lead, terms, from: label };
}

// ---- job-family pages ---------------------------------------------------------------------

/** Job grades by level (GitLab's engineering individual-contributor grades); the author checks them. */
export const DEFAULT_GRADES: Record<Level, number> = {
  intern: 4,
  associate: 5,
  intermediate: 6,
  senior: 7,
  staff: 8,
  principal: 9,
  distinguished: 10,
  fellow: 11,
};

export const DEFAULT_JOB_FAMILY_LEVELS: Level[] = ['intermediate', 'senior', 'staff'];

/** Where job-family pages go: content/job-families (even before it exists) and the folders below it that hold pages. */
export function jobFamilyFolders(workspace: Workspace, site: Site): { folder: string; relative: string }[] {
  const base = `${site.contentDir}/job-families`;
  const folders = new Set<string>([base]);
  for (const file of workspace.host.listFiles(base)) if (isMarkdownPath(file)) folders.add(dirname(file));
  return [...folders].sort().map((folder) => ({ folder, relative: relativePath(site.contentDir, folder) }));
}

/** The name of a level of a job family: "Backend Engineer (Intermediate)", "Senior Backend Engineer" (the handbook's job-family convention). */
export function jobFamilyLevelName(role: string, level: Level): string {
  return level === 'intermediate' ? `${role} (Intermediate)` : `${capitalize(level)} ${role}`;
}

/** The file name for a role: "Backend Engineer" → backend-engineer.md. */
export function jobFamilyFileName(role: string): string {
  const slug = role
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'job-family'}.md`;
}

/** The text of a job-family page for `role` with the given levels, in `folder` (under content/job-families/ by default kinds). */
export function newJobFamilyPage(workspace: Workspace, folder: string, role: string, levels: Level[] = DEFAULT_JOB_FAMILY_LEVELS): NewPage {
  role = role.replace(/\s+/g, ' ').trim();
  if (!role) throw new FeatureError('A job family needs a role name (e.g. "Backend Engineer").');
  if (/["\\\n]/.test(role)) throw new FeatureError('A role name is plain text on one line, without quotes or backslashes.');
  const file = `${folder}/${jobFamilyFileName(role)}`;
  const site = siteOfNewFile(workspace, file);
  if (workspace.host.exists(file) === 'file') return { file, text: '', exists: true, notes: [`${site.label(file)} exists already.`] };
  const ordered = LEVELS.filter((l) => levels.includes(l));
  if (!ordered.length) throw new FeatureError('Choose at least one level.');
  const notes: string[] = [];
  const kind = site.kindOf(file);
  if (kind !== 'job-family')
    notes.push(
      `${site.label(file)} is not a job-family page by the pageKinds globs (it is a ${kind}); job families live under content/job-families/ unless ${CONFIG_FILE_NAME} says otherwise.`,
    );
  notes.push(`Job grades are the usual ones for each level (${ordered.map((l) => `${l} ${DEFAULT_GRADES[l]}`).join(', ')}); check them.`);
  const names = ordered.map((l) => jobFamilyLevelName(role, l));
  const lines: string[] = [
    '---',
    `title: ${yamlString(role)}`,
    `description: ${yamlString(`The ${role} job family: levels, responsibilities, requirements and how we hire.`)}`,
    '---',
    '',
    `To be written: what the ${role} job family does and why it matters.`,
    '',
    '## Levels',
    '',
  ];
  ordered.forEach((level, i) => {
    lines.push(
      `### ${names[i]}`,
      '',
      '#### Job Grade',
      '',
      `The ${names[i]} is a [grade ${DEFAULT_GRADES[level]}](${COMPENSATION_PAGE}#gitlab-job-grades).`,
      '',
      '#### Responsibilities',
      '',
      ...(i > 0 ? [`- All of the responsibilities listed for ${names[i - 1]}.`] : []),
      `- To be written: the responsibilities of the ${names[i]}.`,
      '',
      '#### Requirements',
      '',
      ...(i > 0 ? [`- All of the requirements listed for ${names[i - 1]}.`] : []),
      `- To be written: the requirements of the ${names[i]}.`,
      '',
    );
  });
  lines.push(
    '## Performance Indicators',
    '',
    `- To be written: the performance indicators of the ${role} job family.`,
    '',
    '## Hiring Process',
    '',
    'Candidates for this position can expect the hiring process to follow the order below. Please keep in mind that candidates can be declined from the position at any stage of the process.',
    '',
    '1. Qualified candidates will be invited to schedule a 30 minute screening call with one of our Global Recruiters.',
    '1. Next, candidates will be invited to schedule an interview with the hiring manager.',
    '1. Candidates will then be invited to schedule interviews with members of the team.',
    '',
  );
  return { file, text: lines.join('\n').replace(/\n+$/, '\n'), exists: false, notes };
}

// ---- shared ---------------------------------------------------------------------------------

function siteOfNewFile(workspace: Workspace, file: string): Site {
  const site = workspace.siteFor(file);
  if (!site) throw new FeatureError(`${dirname(file)} is not inside a Hugo site (no hugo.toml, config.* or content/ and assets/ above it).`);
  if (!isInside(site.contentDir, file)) throw new FeatureError(`New pages go under the site's content folder (${site.label(site.contentDir)}).`);
  return site;
}

/**
 * A workspace that sees `text` as the content of `file` (which need not exist), over the same files
 * and options; what it builds stays out of the real workspace's caches and site index.
 */
export function scratchWorkspace(workspace: Workspace, file: string, text: string): Workspace {
  const host = new OverlayHost(workspace.host, { textOf: (p) => (p === file ? { text } : undefined), added: () => [file] });
  const site = workspace.siteFor(file);
  return new Workspace(host, { settings: site?.options, configFile: site?.config?.path });
}

function levelWord(level: Level): RegExp {
  return new RegExp(`\\b${level}\\b`, 'i');
}

/** `text` with the level word `from` replaced by `to` (same capitalisation), and "a"/"an" before it agreeing. */
export function withLevel(text: string, from: Level, to: Level): string {
  return text
    .replace(new RegExp(`\\b(an?)(\\s+)(${from})\\b`, 'gi'), (_m, a: string, space: string, word: string) => `${matchCase(article(to), a)}${space}${word}`)
    .replace(new RegExp(`\\b${from}\\b`, 'gi'), (word) => matchCase(to, word));
}

function matchCase(word: string, like: string): string {
  if (like === like.toUpperCase() && like.length > 1) return word.toUpperCase();
  return like[0] === like[0].toUpperCase() ? capitalize(word) : word;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** A folder name as words: engineering-productivity → "Engineering Productivity". */
function trackName(folder: string): string {
  return basename(folder).split(/[-_]+/).filter(Boolean).map(capitalize).join(' ');
}

/** A double-quoted YAML string. */
function yamlString(s: string): string {
  return JSON.stringify(s);
}
