// The editor features' public entry (see core/index.ts for the engine's): plain functions from the
// workspace, a file, its text and a position to core types; lsp/ translates them to LSP.

export { includeLens } from './codeLens';
export { FIX_ALL_IN_FILE_TITLE, quickActions, type FindingRef, type QuickAction } from './codeActions';
export { COMPLETION_TRIGGERS, completionList, completions, type CompletionList } from './completion';
export { convertIncludeDelimiters } from './convertDelimiters';
export { definition } from './definition';
export { disableFixes } from './disableComments';
export { documentLinks } from './documentLinks';
export { applyEdits, canFixAll, fixAll } from './fixAll';
export { foldingRanges } from './folding';
export { headingLinks, type HeadingLink } from './headingLink';
export { documentHighlights, type DocumentHighlight } from './highlights';
export { hover } from './hover';
export { closestPageFixes, closestPages, linkActions, linkedPageOf, type LinkAction } from './linkActions';
export { ladderMatrix, type CellState, type LadderMatrix, type MatrixLocation } from './ladderMatrix';
export { careerTrackFolders, DEFAULT_JOB_FAMILY_LEVELS, jobFamilyFolders, levelChoices, newCareerPage, newJobFamilyPage, type NewPage } from './newPage';
export { aliasEdit, pageMoveEdits, type MovedPage, type PageMoveChange, type PageMoveMode } from './pageMoves';
export { pageInfo, permanentKindAdvice, kindLabel, type PageInfo } from './pageInfo';
export { previewModel, type PreviewModel } from './previewModel';
export { includeCallsOf, references } from './references';
export { prepareHeadingRename, renameFiles, renameHeading } from './rename';
export { siteLintFiles, siteLintSteps, summarizeDiagnostics } from './siteLint';
export { documentSymbols } from './symbols';
export { MAX_WORKSPACE_SYMBOLS, workspaceSymbols, type WorkspaceSymbol } from './workspaceSymbols';
export { FeatureError, type CompletionItem, type CompletionKind, type DocumentSymbol, type FileEdit, type Location, type WorkspaceChange } from './types';
