/**
 * Package index pages, as micropip 0.11 reads them: which URL to ask for a
 * name, and the three answers an index may give, told apart by their
 * Content-Type: PyPI's JSON API (`application/json`, versions from
 * `releases`), the Simple API in JSON (PEP 691,
 * `application/vnd.pypi.simple.v1+json`) and in HTML (PEP 503, `text/html`).
 * Every wheel URL is made absolute against the page's URL, so an index of
 * static files may use relative links. Pure functions: fetching is the
 * resolver's host's job.
 * @packageDocumentation
 */
import { valid } from '@renovatebot/pep440';
import { parseWheelName } from './wheel-name.js';

/** PyPI's Simple API, which micropip asks by default. */
export const PYPI_URL = 'https://pypi.org/simple';

export { INDEX_ACCEPT } from './prefetch.js';

/** One wheel an index lists. */
export interface ProjectFile {
  filename: string;
  /** Absolute URL. */
  url: string;
  version: string;
  sha256?: string;
  requiresPython?: string;
  /** `false`, or the reason given for yanking it (PEP 592; `''` when none). */
  yanked: false | string;
}

/** What an index knows about one project: its wheels. */
export interface ProjectInfo {
  name: string;
  files: ProjectFile[];
}

/**
 * The URL of `name`'s page in the index at `indexUrl`: the index URL with
 * `{package_name}` replaced by the normalized name, else `<url>/<name>/`.
 * `PYPI` stands for PyPI's Simple API.
 */
export function projectUrl(indexUrl: string, name: string, base?: string): string {
  const index = indexUrl === 'PYPI' ? PYPI_URL : indexUrl;
  const url = index.includes('{package_name}') ? index.replaceAll('{package_name}', name) : `${index.replace(/\/+$/, '')}/${name}/`;
  return new URL(url, base).href;
}

/** An answer whose Content-Type is no index format. */
export class UnsupportedIndexPage extends Error {
  override name = 'UnsupportedIndexPage';
}

/**
 * Parses an index page by its Content-Type.
 * @param pageUrl the page's URL (after redirects), which relative wheel URLs resolve against
 * @throws UnsupportedIndexPage for another Content-Type or a body that does not parse
 */
export function parseIndexPage(body: string, contentType: string, pageUrl: string, name: string): ProjectInfo {
  const type = contentType.split(';')[0].trim().toLowerCase();
  try {
    if (type === 'application/vnd.pypi.simple.v1+json') return parseSimpleJson(JSON.parse(body), pageUrl, name);
    if (type === 'application/json') {
      const data = JSON.parse(body);
      // Some static indexes serve PEP 691 files as plain JSON.
      return data && 'releases' in data ? parsePypiJson(data, pageUrl, name) : parseSimpleJson(data, pageUrl, name);
    }
    if (type === 'text/html' || type === 'application/vnd.pypi.simple.v1+html') return parseSimpleHtml(body, pageUrl, name);
  } catch (error) {
    if (error instanceof UnsupportedIndexPage) throw error;
    throw new UnsupportedIndexPage(`${pageUrl} is not a valid ${type} index page: ${(error as Error).message}`, { cause: error });
  }
  throw new UnsupportedIndexPage(`${pageUrl} answered with Content-Type "${contentType || 'none'}", which is no package index format (PyPI JSON, PEP 691 JSON or PEP 503 HTML).`);
}

interface PypiJsonFile {
  filename: string;
  url: string;
  digests?: { sha256?: string };
  requires_python?: string | null;
  yanked?: boolean;
  yanked_reason?: string | null;
}

/** PyPI's JSON API (`/pypi/<name>/json`): wheels under `releases`, by version. */
export function parsePypiJson(data: { info?: { name?: string }; releases: Record<string, PypiJsonFile[]> }, pageUrl: string, name: string): ProjectInfo {
  if (!data || typeof data.releases !== 'object') throw new Error('no "releases"');
  const files: ProjectFile[] = [];
  for (const [version, list] of Object.entries(data.releases)) {
    if (!valid(version) || !Array.isArray(list)) continue;
    for (const file of list) {
      if (!file?.filename?.endsWith('.whl')) continue;
      files.push({
        filename: file.filename,
        url: new URL(file.url, pageUrl).href,
        version,
        sha256: file.digests?.sha256 || undefined,
        requiresPython: file.requires_python || undefined,
        yanked: file.yanked ? (file.yanked_reason ?? '') : false,
      });
    }
  }
  return { name: data.info?.name ?? name, files };
}

interface SimpleJsonFile {
  filename: string;
  url: string;
  hashes?: { sha256?: string };
  'requires-python'?: string | null;
  yanked?: boolean | string;
}

/** The Simple API in JSON (PEP 691): `files`, versions from the file names. */
export function parseSimpleJson(data: { name?: string; files: SimpleJsonFile[] }, pageUrl: string, name: string): ProjectInfo {
  if (!data || !Array.isArray(data.files)) throw new Error('no "files"');
  const files = data.files.flatMap((file) =>
    wheelFile(file.filename, new URL(file.url, pageUrl).href, file.hashes?.sha256, file['requires-python'] ?? undefined,
      file.yanked === true ? '' : file.yanked || false),
  );
  return { name: data.name ?? name, files };
}

/** The Simple API in HTML (PEP 503): one `<a>` per file, the hash in the URL's fragment. */
export function parseSimpleHtml(html: string, pageUrl: string, name: string): ProjectInfo {
  const baseHref = /<base\s[^>]*href\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i.exec(html)?.[1];
  const base = baseHref ? new URL(decodeEntities(unquote(baseHref)), pageUrl).href : pageUrl;
  const files: ProjectFile[] = [];
  for (const anchor of html.matchAll(/<a\s([^>]*)>([\s\S]*?)<\/a\s*>/gi)) {
    const attributes = parseAttributes(anchor[1]);
    const href = attributes.get('href');
    if (!href) continue;
    const url = new URL(href, base);
    const sha256 = /(?:^|&)sha256=([0-9a-f]{64})/i.exec(url.hash.slice(1))?.[1];
    url.hash = '';
    const filename = decodeEntities(anchor[2].replace(/<[^>]*>/g, '')).trim() || decodeURIComponent(url.pathname.split('/').pop() ?? '');
    const yanked = attributes.get('data-yanked');
    files.push(...wheelFile(filename, url.href, sha256?.toLowerCase(), attributes.get('data-requires-python'), yanked === undefined ? false : yanked));
  }
  return { name, files };
}

function wheelFile(filename: string, url: string, sha256: string | undefined, requiresPython: string | undefined, yanked: false | string): ProjectFile[] {
  const wheel = parseWheelName(filename);
  if (!wheel) return [];
  return [{ filename, url, version: wheel.version, sha256: sha256 || undefined, requiresPython: requiresPython || undefined, yanked }];
}

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(/([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
    attributes.set(match[1].toLowerCase(), match[2] === undefined ? '' : decodeEntities(unquote(match[2])));
  }
  return attributes;
}

const unquote = (value: string) => (/^["']/.test(value) ? value.slice(1, -1) : value);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === '#') return String.fromCodePoint(body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1)));
    return ENTITIES[body.toLowerCase()] ?? entity;
  });
}
