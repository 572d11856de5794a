// The rule registry: every rule, in the order of its documentation (docs/rules/).
import { fileEncoding } from './fileEncoding';
import { fileUnreadable } from './fileUnreadable';
import { frontmatterMissing } from './frontmatterMissing';
import { frontmatterSchema } from './frontmatterSchema';
import { frontmatterSyntax } from './frontmatterSyntax';
import { headingIncrement } from './headingIncrement';
import { includeCase } from './includeCase';
import { includeDelimiter } from './includeDelimiter';
import { includeMissing } from './includeMissing';
import { includeNestedShortcode } from './includeNestedShortcode';
import { includeRepeated } from './includeRepeated';
import { includeOutsideRoot } from './includeOutsideRoot';
import { includeUnused } from './includeUnused';
import { jobGradeLink } from './jobGradeLink';
import { jobGradeOrder } from './jobGradeOrder';
import { ladderIncludeLevel } from './ladderIncludeLevel';
import { ladderLevel } from './ladderLevel';
import { ladderMissingTerm } from './ladderMissingTerm';
import { ladderTermSpelling } from './ladderTermSpelling';
import { levelReference } from './levelReference';
import { linkPage } from './linkPage';
import { markdownlintUnneeded } from './markdownlintUnneeded';
import { repeatedWords } from './repeatedWords';
import { includeSyntax } from './includeSyntax';
import { linkFragment } from './linkFragment';
import { pageStructure } from './pageStructure';
import { responsibilityTable } from './responsibilityTable';
import type { Rule } from './rule';
import { shortcodeInCode } from './shortcodeInCode';
import { shortcodeSyntax } from './shortcodeSyntax';
import { shortcodeUnclosed } from './shortcodeUnclosed';
import { shortcodeUnknown } from './shortcodeUnknown';
import { tableShape } from './tableShape';

export const RULES: readonly Rule[] = [
  fileUnreadable,
  fileEncoding,
  frontmatterMissing,
  frontmatterSyntax,
  frontmatterSchema,
  includeMissing,
  includeSyntax,
  includeOutsideRoot,
  includeCase,
  includeUnused,
  includeRepeated,
  includeNestedShortcode,
  includeDelimiter,
  shortcodeSyntax,
  shortcodeUnknown,
  shortcodeUnclosed,
  shortcodeInCode,
  linkFragment,
  linkPage,
  markdownlintUnneeded,
  headingIncrement,
  tableShape,
  responsibilityTable,
  pageStructure,
  ladderLevel,
  ladderMissingTerm,
  ladderTermSpelling,
  ladderIncludeLevel,
  jobGradeOrder,
  jobGradeLink,
  levelReference,
  repeatedWords,
];

export const RULES_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.code, r]));
