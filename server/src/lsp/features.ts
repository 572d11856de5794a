// The editor features over LSP: each handler turns the request into a core call (path, text,
// position) and the core's answer into LSP types. No decisions are made here. Every handler runs
// inside failures.request: a failure answers empty and leaves an internal-error on the file.

import {
  CompletionItemKind,
  DocumentHighlightKind,
  MarkupKind,
  SymbolKind,
  type CodeLens,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type Location as LspLocation,
  type SymbolInformation,
  type ServerCapabilities,
  type TextDocumentEdit,
  type TextDocuments,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  COMPLETION_TRIGGERS,
  type CompletionKind,
  completionList,
  definition,
  documentHighlights,
  documentLinks,
  type DocumentSymbol as CoreSymbol,
  documentSymbols,
  FeatureError,
  type FileEdit,
  foldingRanges,
  hover,
  includeCallsOf,
  includeLens,
  type Location,
  pageMoveEdits,
  prepareHeadingRename,
  references,
  renameFiles,
  renameHeading,
  workspaceSymbols,
} from '../core/features';
import type { Site, Workspace } from '../core';
import { pathToUri, uriToPath } from './convert';
import type { Failures } from './failures';

/** The client-side command a code lens runs to show references (registered by the extension). */
export const SHOW_REFERENCES_COMMAND = 'careerPages.showReferences';

export const FEATURE_CAPABILITIES: ServerCapabilities = {
  completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  documentLinkProvider: { resolveProvider: false },
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: { label: 'Handbook Career Pages' },
  workspaceSymbolProvider: true,
  documentHighlightProvider: true,
  foldingRangeProvider: true,
  codeLensProvider: { resolveProvider: true },
  workspace: {
    fileOperations: {
      willRename: {
        filters: [
          { scheme: 'file', pattern: { glob: '**/*.{md,markdown}', matches: 'file' } },
          { scheme: 'file', pattern: { glob: '**/*', matches: 'folder' } },
        ],
      },
    },
  },
};

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  file: CompletionItemKind.File,
  folder: CompletionItemKind.Folder,
  anchor: CompletionItemKind.Reference,
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  term: CompletionItemKind.Text,
  level: CompletionItemKind.EnumMember,
  page: CompletionItemKind.File,
  section: CompletionItemKind.Folder,
};

export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace(): Workspace;
  /** The Hugo sites of the workspace folders (for workspace symbols). */
  sites?(): Site[];
  /** False when the client updates the links to moved pages itself (careerPages/pageMoveEdit): willRenameFiles then updates include paths only. */
  pageMovesInWillRename?(): boolean;
  failures: Failures;
}

export function registerFeatures({ connection, documents, workspace, sites, pageMovesInWillRename, failures }: FeatureContext): void {
  /**
   * The document's core path and text: the editor's when it is open, else the file on disk (a client
   * may ask about a file it never opened); undefined for what the core does not handle.
   */
  const open = (uri: string): { file: string; text: string } | undefined => {
    const file = uriToPath(uri);
    if (!file) return undefined;
    const doc = documents.get(uri);
    if (doc) return { file, text: doc.getText() };
    const content = workspace().host.readFile(file);
    return content?.kind === 'text' ? { file, text: content.text } : undefined;
  };
  const byDocument = (p: { textDocument: { uri: string } }) => p.textDocument.uri;
  const none = () => null;
  const empty = () => [];

  connection.onCompletion(
    failures.request('computing completions', byDocument, none, ({ textDocument, position }) => {
      const d = open(textDocument.uri);
      if (!d) return null;
      const list = completionList(workspace(), d.file, d.text, position);
      const items = list.items.map(
        (item): CompletionItem => ({
          label: item.label,
          kind: COMPLETION_KINDS[item.kind],
          detail: item.detail,
          documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
          textEdit: { range: item.range, newText: item.insertText },
          additionalTextEdits: item.additionalEdits,
          sortText: item.sortText,
          command: item.retrigger ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
        }),
      );
      // A list that holds only part of what matches is asked for again as the author types on.
      return list.incomplete ? { isIncomplete: true, items } : items;
    }),
  );

  connection.onHover(
    failures.request('computing the hover', byDocument, none, ({ textDocument, position }) => {
      const d = open(textDocument.uri);
      const h = d && hover(workspace(), d.file, d.text, position);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.contents }, range: h.range } : null;
    }),
  );

  connection.onDefinition(
    failures.request('finding the definition', byDocument, none, ({ textDocument, position }) => {
      const d = open(textDocument.uri);
      return d ? definition(workspace(), d.file, d.text, position).map(toLspLocation) : null;
    }),
  );

  connection.onReferences(
    failures.request('finding references', byDocument, none, ({ textDocument, position, context }) => {
      const d = open(textDocument.uri);
      return d ? references(workspace(), d.file, d.text, position, context?.includeDeclaration ?? true).map(toLspLocation) : null;
    }),
  );

  connection.onDocumentLinks(
    failures.request('listing the document links', byDocument, none, ({ textDocument }) => {
      const d = open(textDocument.uri);
      return d ? documentLinks(workspace(), d.file, d.text).map((l) => ({ range: l.range, target: pathToUri(l.file), tooltip: l.tooltip })) : null;
    }),
  );

  connection.onDocumentSymbol(
    failures.request('building the outline', byDocument, none, ({ textDocument }) => {
      const d = open(textDocument.uri);
      return d ? documentSymbols(workspace(), d.file, d.text).map(toLspSymbol) : null;
    }),
  );

  connection.onDocumentHighlight(
    failures.request('highlighting the heading and its links', byDocument, none, ({ textDocument, position }) => {
      const d = open(textDocument.uri);
      return d
        ? documentHighlights(workspace(), d.file, d.text, position).map((h) => ({
            range: h.range,
            kind: h.kind === 'write' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
          }))
        : null;
    }),
  );

  connection.onWorkspaceSymbol(
    failures.request(
      'listing the pages and headings of the site',
      () => undefined,
      empty,
      ({ query }) =>
        workspaceSymbols(sites?.() ?? [], query).map(
          (s): SymbolInformation => ({
            name: s.name,
            kind: s.kind === 'page' ? SymbolKind.File : SymbolKind.String,
            location: toLspLocation(s.location),
            containerName: s.container,
          }),
        ),
    ),
  );

  connection.onFoldingRanges(
    failures.request('computing the folding ranges', byDocument, none, ({ textDocument }) => {
      const d = open(textDocument.uri);
      return d ? foldingRanges(workspace(), d.file, d.text) : null;
    }),
  );

  connection.onCodeLens(
    failures.request('counting the pages that include this file', byDocument, empty, ({ textDocument }) => {
      const file = uriToPath(textDocument.uri);
      const lens = file && includeLens(workspace(), file);
      return lens ? [{ range: lens.range, data: { uri: textDocument.uri } }] : [];
    }),
  );

  const lensUri = (lens: CodeLens) => (lens.data as { uri?: string } | undefined)?.uri;
  const unresolved = (lens: CodeLens): CodeLens => ({ ...lens, command: { title: '', command: '' } });
  connection.onCodeLensResolve(
    failures.request('listing the pages that include this file', lensUri, unresolved, (lens: CodeLens): CodeLens => {
      const uri = lensUri(lens);
      const file = uri && uriToPath(uri);
      const info = file && includeLens(workspace(), file);
      if (!uri || !file || !info) return unresolved(lens);
      const locations = info.pages ? includeCallsOf(workspace(), file).map(toLspLocation) : [];
      return {
        ...lens,
        command: { title: info.title, command: locations.length ? SHOW_REFERENCES_COMMAND : '', arguments: [uri, lens.range.start, locations] },
      };
    }),
  );

  connection.onPrepareRename(
    failures.request('preparing the rename', byDocument, none, ({ textDocument, position }) => {
      const d = open(textDocument.uri);
      const target = d && prepareHeadingRename(workspace(), d.file, d.text, position);
      return target ? { range: target.range, placeholder: target.placeholder } : null;
    }),
  );

  // A FeatureError (the rename cannot be done safely) answers RequestFailed with its reason.
  connection.onRenameRequest(
    failures.request('renaming the heading', byDocument, none, ({ textDocument, position, newName }) => {
      const d = open(textDocument.uri);
      return d ? toWorkspaceEdit(renameHeading(workspace(), d.file, d.text, position, newName).edits, documents) : null;
    }),
  );

  connection.workspace.onWillRenameFiles(
    failures.request(
      'updating the include paths and links of moved files',
      () => undefined,
      none,
      ({ files }) => {
        const moves = files.flatMap((f) => {
          const from = uriToPath(f.oldUri);
          const to = uriToPath(f.newUri);
          return from && to ? [{ from, to }] : [];
        });
        let change: ReturnType<typeof renameFiles>;
        try {
          change = renameFiles(workspace(), moves);
        } catch (e) {
          if (e instanceof FeatureError) {
            void connection.window.showWarningMessage(`Include paths were not updated: ${e.message}`);
            return null;
          }
          throw e;
        }
        for (const note of change.notes) void connection.window.showWarningMessage(note);
        // The links to moved content pages, for a client that does not ask for them itself (VS Code's extension does).
        const pages = pageMovesInWillRename?.() !== false ? pageMoveEdits(workspace(), moves, 'update') : undefined;
        for (const note of pages?.notes ?? []) void connection.window.showWarningMessage(note);
        const edits = [...change.edits, ...(pages?.edits ?? [])];
        return edits.length ? toWorkspaceEdit(edits, documents) : null;
      },
    ),
  );
}

export function toLspLocation(l: Location): LspLocation {
  return { uri: pathToUri(l.file), range: l.range };
}

function toLspSymbol(s: CoreSymbol): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: s.kind === 'include' ? SymbolKind.File : SymbolKind.String,
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toLspSymbol),
  };
}

/** One workspace edit; documents the editor has open are edited at the version the edits were computed for. */
export function toWorkspaceEdit(edits: FileEdit[], documents: TextDocuments<TextDocument>): WorkspaceEdit {
  const byUri = new Map<string, TextDocumentEdit>();
  for (const e of edits) {
    const uri = pathToUri(e.file);
    let edit = byUri.get(uri);
    if (!edit) {
      const doc = documents.get(uri);
      byUri.set(uri, (edit = { textDocument: { uri, version: doc ? doc.version : null }, edits: [] }));
    }
    edit.edits.push({ range: e.range, newText: e.newText });
  }
  return { documentChanges: [...byUri.values()] };
}
