// What says whether a page's index entry (and its model) still holds, as digests: the page's content,
// and its model digest, made of that content and, for each include call, where its argument resolves
// and the content of the file it leads to. Two stores keep entries across runs and reuse one only
// while its model digest is the one stored with it: career-lint's --cache (cli/cache.ts) and the
// language server's persisted index (node/indexStore.ts). Both compute the digests here, so they
// agree on what "unchanged" means.
//
// Paths inside what is hashed are relative to the site root (a placeholder stands for it), so a
// checkout moved with its cache keeps it.

import * as crypto from 'node:crypto';
import type { FileContent, IncludeResolution, Site, SummarySource, Workspace } from '../core';
import { NodeHost, type ContentDigest } from './nodeHost';

/** 128 bits of SHA-256 (in base64): enough that two different inputs never meet, short enough to keep thousands. */
export function sha256(text: string | Buffer): string {
  return (oneShot ? oneShot('sha256', text, 'base64') : crypto.createHash('sha256').update(text).digest('base64')).slice(0, 22);
}

/** crypto.hash (Node 20.12 and later): the same digest, without a Hash object per call (thousands per run). */
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Buffer, encoding: 'base64') => string }).hash;

export interface DigestOptions {
  /**
   * The include arguments a store recorded for a file whose content has this digest (then the file
   * is not parsed to find them), or undefined.
   */
  knownIncludes(file: string, content: string): string[] | undefined;
  /**
   * The digest of what reading the file gives now, when the caller knows it without reading (a
   * store's stamp that still matches, an editor's text); undefined to read the file.
   */
  knownContent?(file: string): string | undefined;
}

/** The digests of one site's files as they are now, each worked out once (a run's view: files are assumed not to change during it). */
export class SiteDigests {
  private readonly rootMark: { escaped: string; placeholder: string };
  private readonly contents = new Map<string, string>();
  private readonly includeArgs = new Map<string, string[]>();
  private readonly models = new Map<string, string>();
  private readonly resolutions = new Map<string, string>();
  private readonly resolved = new Map<string, IncludeResolution>();

  constructor(
    private readonly workspace: Workspace,
    private readonly site: Site,
    private readonly options: DigestOptions,
  ) {
    // Inside what is hashed and stored, the site root is a NUL character (which JSON text never holds raw).
    this.rootMark = { escaped: JSON.stringify(site.root).slice(1, -1) + '/', placeholder: '\u0000/' };
  }

  relativize(text: string): string {
    return text.replaceAll(this.rootMark.escaped, this.rootMark.placeholder);
  }

  absolutize(text: string): string {
    return text.replaceAll(this.rootMark.placeholder, this.rootMark.escaped);
  }

  /** What reading a file gives now, as a digest (its text's, or what stands there instead: 'absent', a binary file's description). */
  content(file: string): string {
    let digest = this.contents.get(file);
    if (digest === undefined) {
      digest = this.options.knownContent?.(file) ?? this.readDigest(file);
      this.contents.set(file, digest);
    }
    return digest;
  }

  /** The include arguments of a file's model now: the recorded ones for the same content, else the model's. */
  includeArguments(file: string): string[] {
    let args = this.includeArgs.get(file);
    if (!args) {
      args = this.options.knownIncludes(file, this.content(file));
      if (!args) {
        if (this.site.kindOf(file) === 'include') args = [];
        else args = this.workspace.model(file)?.includes.flatMap((i) => (i.argument ? [i.argument.value] : [])) ?? [];
      }
      this.includeArgs.set(file, args);
    }
    return args;
  }

  /** The file's content, where each include argument resolves now, and the included contents. */
  model(file: string): string {
    let digest = this.models.get(file);
    if (digest === undefined) {
      const parts: string[] = [];
      for (const arg of this.includeArguments(file)) {
        const resolution = this.resolve(arg);
        const target = resolution.kind === 'found' || resolution.kind === 'case-mismatch' ? this.content(resolution.path) : '';
        parts.push(this.resolution(arg), target);
      }
      digest = modelDigest(this.content(file), parts);
      this.models.set(file, digest);
    }
    return digest;
  }

  /** Where an include argument resolves now, as a digest (the answer to the read `resolve:<argument>`, core/lintReads.ts). */
  resolution(argument: string): string {
    let digest = this.resolutions.get(argument);
    if (digest === undefined) {
      digest = this.resolutionDigest(this.resolve(argument));
      this.resolutions.set(argument, digest);
    }
    return digest;
  }

  private resolve(argument: string): IncludeResolution {
    let r = this.resolved.get(argument);
    if (!r) this.resolved.set(argument, (r = this.site.resolver.resolve(argument)));
    return r;
  }

  resolutionDigest(resolution: IncludeResolution): string {
    return sha256(this.relativize(JSON.stringify(resolution)));
  }

  /**
   * The model digest of an index entry from what it was built from (ModelCache.sourceOf): equal to
   * model(file) now exactly when the page, its includes' resolutions and the included texts are
   * what they were. Undefined when a found include was not read as text (its digest is not known).
   */
  modelOfSource(source: SummarySource): string | undefined {
    const parts: string[] = [];
    for (const inc of source.includes) {
      const found = inc.resolution.kind === 'found' || inc.resolution.kind === 'case-mismatch';
      if (found && !inc.target) return undefined;
      parts.push(this.resolutionDigest(inc.resolution), found ? inc.target!.digest : '');
    }
    return modelDigest(source.digest, parts);
  }

  private readDigest(file: string): string {
    // The disk's host hashes the bytes it reads (a text of valid UTF-8 has the same digest either way).
    const { host } = this.workspace;
    const content: FileContent | ContentDigest | undefined = host instanceof NodeHost ? host.readDigest(file, sha256) : host.readFile(file);
    return !content
      ? 'absent'
      : content.kind === 'digest'
        ? content.digest
        : content.kind === 'text'
          ? sha256(content.text)
          : this.relativize(JSON.stringify({ ...content, version: undefined }));
  }
}

function modelDigest(content: string, parts: string[]): string {
  return sha256([content, ...parts].join('\u0000'));
}
