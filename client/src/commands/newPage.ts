// "New Career Page…" and "New Job-Family Page…": ask where and what (quick picks, an input box), let
// the language server write the text (server/src/core/features/newPage.ts), create the file (never
// over an existing one) and open it. Arguments skip the questions: (folder, level) and
// (folder, role, levels), as the explorer's context menu and the tests pass them.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  LEVEL_CHOICES,
  NEW_CAREER_PAGE,
  NEW_JOB_FAMILY_PAGE,
  NEW_PAGE_CHOICES,
  type Level,
  type LevelChoiceResult,
  type NewPageChoices,
  type NewPageResult,
} from '../../../server/src/lsp/customProtocol';
import { jobFamilyFolderChoices, jobFamilyLevelChoices, levelChoicesFor, roleNameProblem, trackChoices, type Choice } from './choices';
import { serverChecks } from '../serverChecks';

export async function newCareerPage(client: BaseLanguageClient, folder?: vscode.Uri, level?: Level): Promise<vscode.Uri | undefined> {
  if (!folder) {
    const choices = await pageChoices(client);
    if (!choices) return undefined;
    const picked = await pick(trackChoices(choices), {
      title: 'New Career Page (1/2): track folder',
      placeHolder: 'The folder of the track; its level pages are siblings',
    });
    if (picked === undefined) return undefined;
    folder = picked === 'other' ? await chooseFolder(vscode.Uri.parse(choices.contentUri), 'Create the career page in this folder') : vscode.Uri.parse(picked);
    if (!folder) return undefined;
  }
  if (!level) {
    const levels = await client.sendRequest<LevelChoiceResult[]>(LEVEL_CHOICES, { uri: folder.toString() });
    level = await pick(levelChoicesFor(levels), { title: 'New Career Page (2/2): level', placeHolder: 'The level of the new page (its file name)' });
    if (!level) return undefined;
  }
  return createAndOpen(await client.sendRequest<NewPageResult>(NEW_CAREER_PAGE, { folderUri: folder.toString(), level }));
}

export async function newJobFamilyPage(client: BaseLanguageClient, folder?: vscode.Uri, role?: string, levels?: Level[]): Promise<vscode.Uri | undefined> {
  let choices: NewPageChoices | undefined;
  if (role === undefined) {
    role = await vscode.window.showInputBox({
      title: 'New Job-Family Page: role',
      prompt: 'The role the job family describes; it names the file (Backend Engineer → backend-engineer.md)',
      placeHolder: 'Backend Engineer',
      validateInput: (v) => roleNameProblem(v),
    });
    if (role === undefined) return undefined;
  }
  if (!folder) {
    choices = await pageChoices(client);
    if (!choices) return undefined;
    const picked = await pick(jobFamilyFolderChoices(choices), {
      title: 'New Job-Family Page: folder',
      placeHolder: 'Job families live under content/job-families/',
    });
    if (picked === undefined) return undefined;
    folder =
      picked === 'other' ? await chooseFolder(vscode.Uri.parse(choices.contentUri), 'Create the job-family page in this folder') : vscode.Uri.parse(picked);
    if (!folder) return undefined;
  }
  if (!levels) {
    choices ??= await pageChoices(client, folder);
    if (!choices) return undefined;
    const items = jobFamilyLevelChoices(choices);
    const picked = await vscode.window.showQuickPick(
      items.map((i) => ({ ...i })),
      { title: 'New Job-Family Page: levels', canPickMany: true, placeHolder: 'The levels of the job family, each with its job grade' },
    );
    if (!picked?.length) return undefined;
    levels = picked.map((p) => p.value);
  }
  return createAndOpen(await client.sendRequest<NewPageResult>(NEW_JOB_FAMILY_PAGE, { folderUri: folder.toString(), role, levels }));
}

/** Where new pages can go in the site of the active file (or of the given folder, or the first workspace folder). */
async function pageChoices(client: BaseLanguageClient, near?: vscode.Uri): Promise<NewPageChoices | undefined> {
  const candidates = [near, vscode.window.activeTextEditor?.document.uri, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)].filter(
    (u): u is vscode.Uri => u !== undefined && serverChecks(client, u),
  );
  for (const uri of candidates) {
    const choices = await client.sendRequest<NewPageChoices | null>(NEW_PAGE_CHOICES, { uri: uri.toString() });
    if (choices) return choices;
  }
  void vscode.window.showWarningMessage('No Hugo site here: open a page of the site, or a workspace folder with hugo.toml (or content/ and assets/).');
  return undefined;
}

async function pick<T>(items: Choice<T>[], options: { title: string; placeHolder: string }): Promise<T | undefined> {
  const quickPick = vscode.window.createQuickPick<Choice<T> & vscode.QuickPickItem>();
  quickPick.title = options.title;
  quickPick.placeholder = options.placeHolder;
  quickPick.items = items;
  const active = items.find((i) => i.picked);
  if (active) quickPick.activeItems = [active];
  return new Promise<T | undefined>((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.value);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}

async function chooseFolder(defaultUri: vscode.Uri, openLabel: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri, openLabel });
  return picked?.[0];
}

/** Creates the page (the edit fails rather than overwrite a file that appeared meanwhile) and opens it. */
async function createAndOpen(page: NewPageResult): Promise<vscode.Uri | undefined> {
  const uri = vscode.Uri.parse(page.uri);
  if (!page.exists) {
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(page.text) });
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} could not be created (does it exist already?).`);
      return undefined;
    }
  }
  await vscode.window.showTextDocument(uri, { preview: false });
  const notes = page.exists ? [`${vscode.workspace.asRelativePath(uri)} exists already: opened it, nothing was changed.`] : page.notes;
  if (notes.length) void vscode.window.showInformationMessage(notes.join(' '));
  return uri;
}
