// career-lint --fix: the editor's "fix all in file" (core/features/fixAll.ts: the preferred fix of
// every finding, re-checked until nothing changes), applied file by file and written to disk; with
// --dry-run, printed as a unified diff instead. Fixes that create a file or edit another file are
// never part of fix all.
//
// What is never written:
// - a file the host does not give as text: binary, too large, unreadable, a link out of the site
//   (the report says file-unreadable), or gone;
// - a file the tool cannot be sure it read right: its check had an internal-error; its front matter
//   is broken YAML (a frontmatter-syntax error: Hugo cannot build the page, what the page is — its
//   kind, its keys — is unknown, and an unclosed block swallows the whole body); its bytes are not
//   UTF-8 (its text, with "�" for the bad bytes, would replace them);
// - the files of a site whose index could not be built (link fixes read other pages);
// - a file whose bytes on disk, read again right before writing, are not those its fixes were
//   computed from (someone changed it meanwhile);
// - anywhere but the file's real path inside the real path of its site, and then only by writing a
//   temporary file beside it and renaming it over it (a reader sees the old file or the new one,
//   never half of one), with the file's permission bits. A file reached through a link inside the
//   site is written at its real path: the link stays a link. (A file reached under two names is
//   fixed under each: with --fix the second reads what the first wrote; --dry-run shows each diff
//   against the file as it is.)
// Fixes keep line breaks and a byte order mark (the host gives the BOM as the text's first
// character); a result that would not is refused as an internal error.
//
// Each fixed file is put back into the workspace before the next file is fixed, so later fixes see
// the site as the earlier ones left it (a link fix reads the headings of the page it points at).

import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs';
import * as path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { type Diagnostic, type FileContent, type Host, INTERNAL_ERROR, internalError, isInside, relativePath, type Site, Workspace } from '../core';
import { applyEdits, fixAll } from '../core/features';
import { fromCorePath, toCorePath } from '../node/nodeHost';
import { checkOrder } from './files';
import { displayPath } from './reports/report';

export interface FixRequest {
  /** The files as the host gives them (the disk). */
  host: Host;
  configFile?: string;
  /** The files selected for the run (core paths). */
  files: string[];
  /** The working directory (core path): messages and the diff name files relative to it. */
  cwd: string;
  /** Write nothing; print the changes as a unified diff on `stdout`. */
  dryRun: boolean;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Where files are read again and written (default: the disk). Tests pass one that fails or races. */
  writer?: FileWriter;
}

export interface FixOutcome {
  /** What the report after fixing reads: the host itself, or with --dry-run the files as the fixes would leave them. */
  reportHost: Host;
  /** The tool's own failures while fixing (internal-error), one per file, for the report. */
  failures: Diagnostic[];
  /** Files changed (with --dry-run: that would be). */
  files: number;
  /** Fixes applied (with --dry-run: that would be). */
  fixes: number;
}

/** The calls that touch the disk when a file is written; each throws Node's errors. */
export interface FileWriter {
  /** The real path of a platform path. */
  realpath(p: string): string;
  /** The bytes and permission bits of the file at a real path, opened without following a link. */
  read(real: string): { bytes: Buffer; mode: number };
  /** Replaces the file at a real path: a new file in the same folder with these bytes and mode, renamed over it. */
  replace(real: string, bytes: Buffer, mode: number): void;
}

const NOFOLLOW = nodeFs.constants.O_NOFOLLOW ?? 0;

export const DISK_WRITER: FileWriter = {
  realpath: (p) => nodeFs.realpathSync.native(p),
  read(real) {
    const fd = nodeFs.openSync(real, nodeFs.constants.O_RDONLY | NOFOLLOW | (nodeFs.constants.O_NONBLOCK ?? 0));
    try {
      const stat = nodeFs.fstatSync(fd);
      if (!stat.isFile()) throw Object.assign(new Error('EISDIR: no longer a file'), { code: 'EISDIR' });
      return { bytes: nodeFs.readFileSync(fd), mode: stat.mode & 0o7777 };
    } finally {
      nodeFs.closeSync(fd);
    }
  },
  replace(real, bytes, mode) {
    // A dot-name that is not Markdown: no listing of pages ever takes it for one.
    const temp = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}-${randomBytes(4).toString('hex')}.career-lint-tmp`);
    const fd = nodeFs.openSync(temp, nodeFs.constants.O_WRONLY | nodeFs.constants.O_CREAT | nodeFs.constants.O_EXCL | NOFOLLOW, mode);
    try {
      try {
        nodeFs.fchmodSync(fd, mode); // the umask narrowed the mode given to open
        nodeFs.writeFileSync(fd, bytes);
        nodeFs.fsyncSync(fd);
      } finally {
        nodeFs.closeSync(fd);
      }
      nodeFs.renameSync(temp, real);
    } catch (e) {
      nodeFs.rmSync(temp, { force: true });
      throw e;
    }
  },
};

/** Fixes the files, says what it changed on stderr (with --dry-run, prints the diff on stdout). */
export function fixFiles(request: FixRequest): FixOutcome {
  const { cwd, dryRun, stderr } = request;
  const writer = request.writer ?? DISK_WRITER;
  const fixedTexts = new FixedTextHost(request.host);
  const workspace = new Workspace(fixedTexts, { configFile: request.configFile });
  const shown = (file: string) => displayPath(cwd, file);
  const notFixed = (file: string, reason: string) => stderr(`career-lint: not fixed ${shown(file)}: ${reason}\n`);
  const failures: Diagnostic[] = [];
  let fixedFiles = 0;
  let fixes = 0;

  // Link fixes read the other pages: each site is indexed first, and a site whose index fails is not fixed.
  const brokenSites = new Set<Site>();
  const realRoots = new Map<Site, string | undefined>();
  for (const site of new Set(request.files.map((f) => workspace.siteFor(f)).filter((s): s is Site => !!s))) {
    try {
      workspace.indexSite(site);
    } catch {
      brokenSites.add(site);
      stderr(
        `career-lint: not fixing the files of ${shown(site.root)}: its site index could not be built (internal-error in the report), and link fixes need it\n`,
      );
    }
  }
  for (const file of checkOrder(workspace, request.files)) {
    const site = workspace.siteFor(file);
    if (!site || brokenSites.has(site)) continue;
    let content: FileContent | undefined;
    try {
      content = fixedTexts.readFile(file);
    } catch {
      continue; // the report's check fails on it too, and says so (internal-error)
    }
    if (content?.kind !== 'text') continue; // binary, too large, unreadable, out of the site, gone: the report says which
    const text = content.text;
    let fixed: string;
    let applied: string[];
    try {
      const result = fixAll(workspace, file, text);
      if (!result.edits.length) continue;
      fixed = applyEdits(text, result.edits);
      applied = result.applied;
    } catch (e) {
      failures.push(internalError(file, 'fixing this file, which was left as it is', e));
      notFixed(file, 'the tool failed while fixing it (internal-error in the report)');
      continue;
    }
    if (fixed === text) continue;

    const unsafe = whyNotSafe(workspace, file, text);
    if (unsafe) {
      notFixed(file, unsafe);
      continue;
    }
    if (!keepsTextShape(text, fixed)) {
      failures.push(internalError(file, 'fixing this file, which was left as it is', 'the fixes would have changed its line breaks or its byte order mark'));
      notFixed(file, 'its fixes would change its line breaks or its byte order mark (internal-error in the report)');
      continue;
    }

    // Read the bytes again, where they really are, just before writing.
    let real: string;
    let onDisk: { bytes: Buffer; mode: number };
    try {
      real = writer.realpath(fromCorePath(file));
      if (!realRoots.has(site)) realRoots.set(site, realpathOrUndefined(writer, site.root));
      const realRoot = realRoots.get(site);
      if (realRoot === undefined || !isInside(realRoot, toCorePath(real))) {
        notFixed(file, 'it now leads out of the site, and files outside the site are never written');
        continue;
      }
      onDisk = writer.read(real);
    } catch (e) {
      notFixed(file, `it cannot be read again (${errorCode(e)})`);
      continue;
    }
    if (!onDisk.bytes.equals(Buffer.from(text, 'utf8'))) {
      if (onDisk.bytes.toString('utf8') === text) notFixed(file, 'it is not valid UTF-8 (file-encoding): its text would replace the bytes shown as "�"');
      else {
        notFixed(file, 'it changed on disk after it was read, so nothing was written; run --fix again');
        workspace.fileChanged(file, 'changed');
      }
      continue;
    }
    if (dryRun) {
      const name = relativePath(cwd, file);
      request.stdout(createTwoFilesPatch(`a/${name}`, `b/${name}`, text, fixed, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY }));
    } else {
      try {
        writer.replace(real, Buffer.from(fixed, 'utf8'), onDisk.mode);
      } catch (e) {
        notFixed(file, `it cannot be written (${errorCode(e)})`);
        continue;
      }
    }
    fixedFiles++;
    fixes += applied.length;
    for (const a of applied) stderr(`${shown(file)}: ${a}\n`);

    // The next files are fixed against this one as it is now (its headings, what it includes).
    fixedTexts.set(file, fixed);
    const affected = workspace.fileChanged(file, 'changed');
    for (const p of [file, ...(affected === 'all' ? [] : affected)]) {
      try {
        workspace.model(p);
      } catch {
        // Its own check reports it.
      }
    }
  }

  const problems = `${fixes} problem${fixes === 1 ? '' : 's'} in ${fixedFiles} file${fixedFiles === 1 ? '' : 's'}`;
  stderr(
    dryRun
      ? `career-lint: --dry-run: would fix ${problems}; nothing was written, and the report is of the files as --fix would leave them.\n`
      : `career-lint: fixed ${problems}.\n`,
  );
  // With --fix the report reads the disk again; with --dry-run, the texts the fixes would leave.
  return { reportHost: dryRun ? fixedTexts : request.host, failures, files: fixedFiles, fixes };
}

/** Why a file whose text the host gave must still not be written, or undefined. */
function whyNotSafe(workspace: Workspace, file: string, text: string): string | undefined {
  if (workspace.lint(file, text).diagnostics.some((d) => d.code === INTERNAL_ERROR && d.file === file)) {
    return 'the tool failed while checking it (internal-error in the report), so it may not have read it right';
  }
  if (workspace.model(file, text)?.frontmatter?.problems.some((p) => p.severity === 'error')) {
    return 'its front matter cannot be read (frontmatter-syntax): Hugo cannot build the page; fix it by hand first';
  }
  return undefined;
}

/** The line breaks a text uses: '\n', '\r\n', '\r'. */
function lineBreaks(text: string): Set<string> {
  return new Set(text.match(/\r\n|\r|\n/g) ?? []);
}

/** The fixed text keeps the BOM (or its absence) and, in a file with one kind of line break, brings in no other. */
function keepsTextShape(before: string, after: string): boolean {
  if (before.startsWith('\uFEFF') !== after.startsWith('\uFEFF')) return false;
  const had = lineBreaks(before);
  if (had.size !== 1) return true; // mixed already: a fix writes the file's first kind (lineBreakOf)
  for (const b of lineBreaks(after)) if (!had.has(b)) return false;
  return true;
}

function realpathOrUndefined(writer: FileWriter, corePath: string): string | undefined {
  try {
    return toCorePath(writer.realpath(fromCorePath(corePath)));
  } catch {
    return undefined;
  }
}

function errorCode(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ?? String(err.message ?? e);
}

/** The host, with the texts of the files fixed so far in place of what it holds. */
class FixedTextHost implements Host {
  private readonly texts = new Map<string, string>();

  constructor(private readonly host: Host) {}

  set(file: string, text: string): void {
    this.texts.set(file, text);
  }

  readFile(p: string): FileContent | undefined {
    const text = this.texts.get(p);
    return text === undefined ? this.host.readFile(p) : { kind: 'text', text };
  }

  exists(p: string): 'file' | 'directory' | undefined {
    return this.texts.has(p) ? 'file' : this.host.exists(p);
  }

  listFiles(dir: string): string[] {
    return this.host.listFiles(dir);
  }
}
