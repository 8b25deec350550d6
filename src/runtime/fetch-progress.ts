/**
 * Fetching with byte progress: responses are read as streams so a page can
 * draw a real progress bar, and a failed fetch is a `PY0404` that names the
 * URL and the HTTP status.
 */
import { ErrorCode, PyScriptError } from '../errors.js';
import { concatBytes } from './concat-bytes.js';
import type { Progress } from './types.js';

/** Receives the running totals of one stage. */
export type ProgressCallback = (progress: Progress) => void;

/**
 * The running byte count of one stage (say, `files`), shared by the fetches
 * of that stage that run in parallel.
 */
export class ProgressStage {
  readonly stage: string;
  #loaded = 0;
  #total = 0;
  #report?: ProgressCallback;

  constructor(stage: string, report?: ProgressCallback) {
    this.stage = stage;
    this.#report = report;
  }

  /** Adds `loaded` received bytes and `total` newly expected bytes, and reports. */
  add(loaded: number, total = 0): void {
    this.#loaded += loaded;
    this.#total += total;
    this.#report?.({ stage: this.stage, loaded: this.#loaded, total: Math.max(this.#total, this.#loaded) });
  }
}

/**
 * Fetches `url` as bytes, reporting progress to `stage`.
 * @param what what the URL is for, shown in the error (`file`, `package`, …)
 * @throws PyScriptError `PY0404` with the URL and HTTP status when the fetch fails
 */
export async function fetchBytes(url: string, what: string, stage?: ProgressStage, init?: RequestInit): Promise<Uint8Array> {
  const response = await fetchChecked(url, what, init);
  const total = Number(response.headers.get('content-length')) || 0;
  // A compressed response's length is not its body's; count what arrives instead.
  const known = total && !response.headers.get('content-encoding') ? total : 0;
  stage?.add(0, known);
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    stage?.add(bytes.length, known ? 0 : bytes.length);
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
      stage?.add(value.length, known ? 0 : value.length);
    }
  } catch (error) {
    throw new PyScriptError(ErrorCode.FETCH_ERROR, `Unable to fetch ${what} ${url}: ${(error as Error).message}`, { cause: error });
  }
  return concatBytes(chunks, size);
}

/** Fetches `url` as text (a config, a manifest). */
export async function fetchText(url: string, what: string): Promise<string> {
  return (await fetchChecked(url, what)).text();
}

/**
 * `fetch` whose failures are `PY0404` errors naming the URL and status.
 * @param what what the URL is for (`config`, `file`), or `''` for code
 */
async function fetchChecked(url: string, what: string, init?: RequestInit): Promise<Response> {
  const subject = what ? `${what} ${url}` : url;
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new PyScriptError(ErrorCode.FETCH_ERROR, `Unable to fetch ${subject}: ${(error as Error).message}`, { cause: error });
  }
  if (!response.ok) {
    throw new PyScriptError(ErrorCode.FETCH_ERROR, `Unable to fetch ${subject}: HTTP ${response.status} ${response.statusText}`.trim());
  }
  return response;
}

/** Resolves a URL from the config against `base`. @throws PyScriptError `PY1000` for a malformed URL */
export function absoluteUrl(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch (error) {
    throw new PyScriptError(ErrorCode.BAD_CONFIG, `Invalid URL: ${url}`, { cause: error });
  }
}

/**
 * The URL relative URLs resolve against: the document's base (also right in
 * `srcdoc` frames). The one place that computes it; a worker, whose own
 * location is `worker.js`, is handed the page's instead.
 */
export const baseUrl = (): string => globalThis.document?.baseURI ?? globalThis.location.href;
