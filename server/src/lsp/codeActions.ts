// Quick fixes straight from the fixes each diagnostic carries in its data (no re-parsing), and a
// "fix all" source action: the core applies every preferred fix of the file, re-checking until nothing
// is left to fix, and returns one set of non-overlapping edits (see core/features/fixAll.ts).

import { CodeActionKind, type CodeAction, type CodeActionParams, type TextDocumentEdit, type CreateFile, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix, Workspace } from '../core';
import { fixAll } from '../core/features';
import { pathToUri, SOURCE, uriToPath, type DiagnosticData } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.careerPages`;

export function codeActions(params: CodeActionParams, doc: TextDocument | undefined, workspace: Workspace): CodeAction[] {
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && (d.data as DiagnosticData | undefined)?.fixes?.length);
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (!only || only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix))) {
    for (const d of ours) {
      for (const fix of (d.data as DiagnosticData).fixes!) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix.preferred ?? false,
          edit: toWorkspaceEdit([fix], doc),
        });
      }
    }
  }
  if (only?.some((k) => FIX_ALL_KIND.startsWith(k)) && doc) {
    const file = uriToPath(doc.uri);
    const result = file ? fixAll(workspace, file, doc.getText()) : undefined;
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
