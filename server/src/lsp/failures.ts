// What the server does when one of its parts fails on a file (a bug of the tool, never the author's):
// the request is still answered (empty, or the refusal a command shows), the error goes to the
// client's log with its stack, and the file gets one internal-error diagnostic
// (docs/rules/internal-error.md) until its text changes. Nothing else is caught here: a
// FeatureError (the core refusing, with a reason) is an answer, not a failure.

import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { type Diagnostic, internalError } from '../core';
import { FeatureError } from '../core/features';
import { uriToPath } from './convert';

export interface FailuresOptions {
  /** Writes to the client's log (the connection console). Must not throw. */
  log(message: string): void;
  /** The internal-error diagnostics of this URI changed: publish its diagnostics again. */
  changed(uri: string): void;
}

export class Failures {
  private readonly byUri = new Map<string, Diagnostic>();

  constructor(private readonly options: FailuresOptions) {}

  /** Logs a failure and, for a file, keeps one internal-error diagnostic on it (the first since its last change). */
  report(what: string, uri: string | undefined, error: unknown): void {
    const file = uri ? pathOf(uri) : undefined;
    this.logFailure(what, file, error);
    if (!uri || !file || this.byUri.has(uri)) return;
    this.byUri.set(uri, internalError(file, what, error));
    this.options.changed(uri);
  }

  /** Logs a failure with its stack, without a diagnostic. */
  logFailure(what: string, file: string | undefined, error: unknown): void {
    this.log(`Career Pages failed while ${what}${file ? ` on ${file}` : ''}: ${describe(error)}`);
  }

  log(message: string): void {
    try {
      this.options.log(message);
    } catch {
      // The connection is gone: nobody is left to tell.
    }
  }

  /** The internal-error diagnostic a feature left on this URI, if any. */
  diagnosticOf(uri: string): Diagnostic | undefined {
    return this.byUri.get(uri);
  }

  /** The document changed or closed: its features get a fresh chance. */
  clear(uri: string): void {
    this.byUri.delete(uri);
  }

  /**
   * A request handler: RequestCancelled when the request was cancelled before it started; a
   * FeatureError (the core refusing) as RequestFailed with its reason; any other throw answered with
   * `fallback(error)` and reported on the request's file.
   */
  request<P, R>(
    what: string,
    uriOf: (params: NoInfer<P>) => string | undefined,
    fallback: (params: NoInfer<P>, error: unknown) => NoInfer<R> | Refusal,
    run: (params: P, token: CancellationToken) => R | Refusal | Promise<R | Refusal>,
  ): (params: P, token: CancellationToken) => Promise<R | Refusal> {
    return async (params, token) => {
      if (token.isCancellationRequested) return cancelled();
      try {
        return await run(params, token);
      } catch (e) {
        if (e instanceof ResponseError) return e as Refusal;
        if (e instanceof FeatureError) return new ResponseError<never>(LSPErrorCodes.RequestFailed, e.message);
        this.report(what, safeUri(uriOf, params), e);
        return fallback(params, e);
      }
    };
  }

  /** Runs a step of a notification or of background work; a throw is reported and the caller goes on. */
  run(what: string, uri: string | undefined, step: () => void): void {
    try {
      step();
    } catch (e) {
      this.report(what, uri, e);
    }
  }
}

/** An error answer (a request error carries no data here). */
export type Refusal = ResponseError<never>;

export function cancelled(): Refusal {
  return new ResponseError<never>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/** The answer to a command whose result cannot be empty when the server failed: the internal-error message, which the command shows. */
export function failedRequest(what: string, error: unknown): Refusal {
  return new ResponseError<never>(LSPErrorCodes.RequestFailed, internalError('', what, error).message);
}

function pathOf(uri: string): string | undefined {
  try {
    return uriToPath(uri);
  } catch {
    return undefined; // not a URI
  }
}

function safeUri<P>(uriOf: (params: P) => string | undefined, params: P): string | undefined {
  try {
    const uri = uriOf(params);
    return typeof uri === 'string' ? uri : undefined;
  } catch {
    return undefined; // params without the expected shape
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
