// Code actions: the quick fixes of the findings in the request (core/features/codeActions.ts: each
// finding's own fixes, read back from the diagnostic's data without re-parsing, then "Fix all
// career-pages problems in this file" and "Disable <code> for this line / for this file"), and the
// "fix all" source action: the core applies every preferred fix of the file, re-checking until
// nothing is left to fix, and returns one set of non-overlapping edits (core/features/fixAll.ts).
// The quick fix "fix all" gets its edits when it is chosen (codeAction/resolve), where the client
// can resolve them; otherwise at once. Beside them, at the cursor, the link refactors
// (core/features/linkActions.ts: relative <-> absolute URL, an alias replaced by the page's URL).

import {
  CodeActionKind,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionOptions,
  type CodeActionParams,
  type CreateFile,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix, Workspace } from '../core';
import { fixAll, linkActions, quickActions } from '../core/features';
import { pathToUri, SOURCE, uriToPath, type DiagnosticData } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.careerPages`;

export const CODE_ACTION_OPTIONS: CodeActionOptions = {
  codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.SourceFixAll],
  resolveProvider: true,
};

/** Whether the client fills in an action's edit with codeAction/resolve. */
export function resolvesEdits(capabilities: ClientCapabilities | undefined): boolean {
  return !!capabilities?.textDocument?.codeAction?.resolveSupport?.properties.includes('edit');
}

/** What a "fix all in this file" quick fix carries until it is resolved. */
interface FixAllData {
  careerPagesFixAll: string;
}

export function codeActions(params: CodeActionParams, doc: TextDocument | undefined, workspace: Workspace, resolveLater = false): CodeAction[] {
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE);
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const file = uriToPath(params.textDocument.uri);
  if (file && ours.length && (!only || only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix)))) {
    const findings = ours.map((d) => ({ code: String(d.code ?? ''), range: d.range, fixes: (d.data as DiagnosticData | undefined)?.fixes }));
    for (const action of quickActions(workspace, file, doc?.getText(), findings)) {
      const lsp: CodeAction = {
        title: action.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: action.findings.map((i) => ours[i]),
        isPreferred: action.preferred,
      };
      if (action.fix) lsp.edit = toWorkspaceEdit([action.fix], doc);
      else if (resolveLater) lsp.data = { careerPagesFixAll: params.textDocument.uri } satisfies FixAllData;
      else if (doc) lsp.edit = fixAllEdit(doc, workspace);
      actions.push(lsp);
    }
  }
  const wants = (kind: string) => !only || only.some((k) => kind.startsWith(k));
  if (file && doc && wants(CodeActionKind.RefactorRewrite)) {
    for (const action of linkActions(workspace, file, doc.getText(), params.range)) {
      actions.push({ title: action.title, kind: CodeActionKind.RefactorRewrite, edit: toWorkspaceEdit([action.fix], doc) });
    }
  }
  if (only?.some((k) => FIX_ALL_KIND.startsWith(k)) && doc) {
    const docFile = uriToPath(doc.uri);
    const result = docFile ? fixAll(workspace, docFile, doc.getText()) : undefined;
    if (result?.edits.length) {
      actions.push({
        title: `Fix all career-pages problems (${result.applied.length} fix${result.applied.length === 1 ? '' : 'es'})`,
        kind: FIX_ALL_KIND,
        edit: {
          documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: result.edits.map((e) => ({ range: e.range, newText: e.newText })) }],
        },
      });
    }
  }
  return actions;
}

/** codeAction/resolve: the edits of a "fix all in this file" quick fix, for the document as it is now. */
export function resolveCodeAction(action: CodeAction, documentOf: (uri: string) => TextDocument | undefined, workspace: Workspace): CodeAction {
  const uri = (action.data as Partial<FixAllData> | undefined)?.careerPagesFixAll;
  const doc = uri ? documentOf(uri) : undefined;
  return doc ? { ...action, edit: fixAllEdit(doc, workspace) } : action;
}

function fixAllEdit(doc: TextDocument, workspace: Workspace): WorkspaceEdit {
  const file = uriToPath(doc.uri);
  const edits = file ? fixAll(workspace, file, doc.getText()).edits : [];
  return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: edits.map((e) => ({ range: e.range, newText: e.newText })) }] };
}

function toWorkspaceEdit(fixes: Fix[], doc: TextDocument | undefined): WorkspaceEdit {
  const changes: (TextDocumentEdit | CreateFile)[] = [];
  const byUri = new Map<string, TextDocumentEdit>();
  for (const fix of fixes) {
    if (fix.createFile) {
      // ignoreIfExists: a fix never overwrites a file someone wrote.
      changes.push({ kind: 'create', uri: pathToUri(fix.createFile.path), options: { ignoreIfExists: true, overwrite: false } });
    }
    for (const e of fix.edits) {
      const uri = doc && pathToUri(e.file) === doc.uri ? doc.uri : pathToUri(e.file);
      let edit = byUri.get(uri);
      if (!edit) {
        edit = { textDocument: { uri, version: doc?.uri === uri ? doc.version : null }, edits: [] };
        byUri.set(uri, edit);
        changes.push(edit);
      }
      edit.edits.push({ range: e.range, newText: e.newText });
    }
  }
  return { documentChanges: changes };
}
