/**
 * A wheel's `*.dist-info/METADATA` (core metadata, RFC 822 headers): the
 * fields the resolver needs. Reading it out of the wheel is the host's job.
 * @packageDocumentation
 */

/** The fields of a METADATA file that matter for installing. */
export interface CoreMetadata {
  name: string;
  version: string;
  /** `Requires-Dist` lines, as written (PEP 508, with markers). */
  requiresDist: string[];
  requiresPython?: string;
  /** `Provides-Extra`, as written. */
  providesExtra: string[];
}

/** Parses METADATA text: the headers before the first blank line; continuation lines start with whitespace. */
export function parseMetadata(text: string): CoreMetadata {
  const headers: [string, string][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) break;
    if (/^\s/.test(line) && headers.length) {
      headers[headers.length - 1][1] += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
  }
  const all = (name: string) => headers.filter(([key]) => key === name).map(([, value]) => value);
  return {
    name: all('name')[0] ?? '',
    version: all('version')[0] ?? '',
    // micropip drops " #" comments, which some old tools wrote.
    requiresDist: all('requires-dist').map((value) => value.replace(/\s#.*$/, '').trim()).filter(Boolean),
    requiresPython: all('requires-python')[0] || undefined,
    providesExtra: all('provides-extra'),
  };
}
