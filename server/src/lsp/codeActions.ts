// Quick fixes straight from the fixes each diagnostic carries in its data (no re-parsing), and a
// "fix all" source action that applies every preferred fix that does not overlap another.

import {
  CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type TextDocumentEdit, type CreateFile, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix } from '../core/diagnostic';
import { pathToUri, SOURCE, type DiagnosticData } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.careerPages`;

export function codeActions(params: CodeActionParams, doc: TextDocument | undefined): CodeAction[] {
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && (d.data as DiagnosticData | undefined)?.fixes?.length);
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (!only || only.some((k) => CodeActionKind.QuickFix.startsWith(k) || k.startsWith(CodeActionKind.QuickFix))) {
    for (const d of ours) {
      for (const fix of (d.data as DiagnosticData).fixes!) {
        actions.push({
          title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.preferred ?? false,
          edit: toWorkspaceEdit([fix], doc),
        });
      }
    }
  }
  if (only?.some((k) => FIX_ALL_KIND.startsWith(k))) {
    const fixes = preferredNonOverlapping(ours);
    if (fixes.length) actions.push({ title: 'Fix all career-pages problems', kind: FIX_ALL_KIND, edit: toWorkspaceEdit(fixes, doc) });
  }
  return actions;
}

function preferredNonOverlapping(diagnostics: LspDiagnostic[]): Fix[] {
  const chosen: Fix[] = [];
  const taken: { file: string; start: number; end: number }[] = [];
  const key = (p: { line: number; character: number }) => p.line * 1e6 + p.character;
  for (const d of diagnostics) {
    const fix = (d.data as DiagnosticData).fixes!.find((f) => f.preferred && !f.createFile);
    if (!fix) continue;
    const spans = fix.edits.map((e) => ({ file: e.file, start: key(e.range.start), end: key(e.range.end) }));
    if (spans.some((s) => taken.some((t) => t.file === s.file && s.start < t.end + (s.start === s.end ? 1 : 0) && t.start < s.end + (t.start === t.end ? 1 : 0)))) continue;
    taken.push(...spans);
    chosen.push(fix);
  }
  return chosen;
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
