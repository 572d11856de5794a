// "Copy Link to Heading": the link Hugo renders for the heading at the cursor (or the section the
// cursor is in), `/handbook/values/#results`, to the clipboard. The language server computes it
// (server/src/core/features/headingLink.ts); in an include file, read on several pages, the author
// picks the page.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { HEADING_LINK, type HeadingLinkResult } from '../../../server/src/lsp/customProtocol';

/** Returns the link copied (undefined when there was none, or no choice was made). */
export async function copyLinkToHeading(client: BaseLanguageClient, uri?: vscode.Uri, position?: vscode.Position): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const document = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
  if (document?.languageId !== 'markdown') {
    void vscode.window.showWarningMessage('Open a Markdown page to copy the link to one of its headings.');
    return undefined;
  }
  const at = position ?? (editor?.document === document ? editor.selection.active : new vscode.Position(0, 0));
  const result = await client.sendRequest<HeadingLinkResult>(HEADING_LINK, {
    uri: document.uri.toString(),
    position: { line: at.line, character: at.character },
  });
  let link = result.links[0];
  if (!link) {
    void vscode.window.showWarningMessage('Career Pages: no link to copy here: the file is not a page of a Hugo site, or no page includes this file yet.');
    return undefined;
  }
  if (result.links.length > 1) {
    const picked = await vscode.window.showQuickPick(
      result.links.map((l) => ({ label: l.url, description: l.page, link: l })),
      { title: 'Copy Link to Heading', placeHolder: "This file is included by several pages: which page's link?" },
    );
    if (!picked) return undefined;
    link = picked.link;
  }
  await vscode.env.clipboard.writeText(link.url);
  vscode.window.setStatusBarMessage(`Copied ${link.url}`, 5000);
  return link.url;
}
