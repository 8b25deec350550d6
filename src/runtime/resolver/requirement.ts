/**
 * PEP 508 requirements: `name[extra1,extra2] (>=1.0,<2) ; marker` or
 * `name[extra] @ https://…/pkg-1.0-py3-none-any.whl ; marker`.
 * @packageDocumentation
 */
import { validRange } from '@renovatebot/pep440';
import { normalizeName, parseMarker, type Marker } from './markers.js';

/** A parsed requirement. */
export interface Requirement {
  /** The name as written. */
  name: string;
  /** The normalized name (`Foo_Bar` → `foo-bar`), which indexes and the lock file use. */
  key: string;
  /** Normalized extras. */
  extras: string[];
  /** The version specifier (`>=1.0,<2`), `''` for any version. */
  specifier: string;
  /** The URL of a `name @ url` requirement. */
  url?: string;
  marker?: Marker;
  /** The requirement as written, for messages. */
  text: string;
}

/** A requirement that is not valid PEP 508. */
export class InvalidRequirement extends Error {
  override name = 'InvalidRequirement';
}

const NAME = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*/;

/**
 * Parses a requirement.
 * @throws InvalidRequirement (also for an invalid marker or version specifier)
 */
export function parseRequirement(text: string): Requirement {
  const fail = (why: string): never => {
    throw new InvalidRequirement(`Invalid requirement ${JSON.stringify(text)}: ${why}`);
  };
  const name = NAME.exec(text);
  if (!name) return fail('it must start with a package name');
  let rest = text.slice(name[0].length);
  let extras: string[] = [];
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) fail('"[" without "]"');
    extras = rest.slice(1, close).split(',').map((extra) => extra.trim()).filter(Boolean);
    if (extras.some((extra) => !/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/.test(extra))) fail('invalid extra name');
    rest = rest.slice(close + 1).trimStart();
  }
  let url: string | undefined;
  let specifier = '';
  let markerText: string | undefined;
  if (rest.startsWith('@')) {
    // A URL may hold ";": only " ;" starts the marker.
    const at = rest.search(/\s;/);
    url = (at < 0 ? rest.slice(1) : rest.slice(1, at)).trim();
    if (!url) fail('"@" without a URL');
    if (at >= 0) markerText = rest.slice(at).replace(/^\s*;/, '');
  } else {
    const semicolon = rest.indexOf(';');
    specifier = (semicolon < 0 ? rest : rest.slice(0, semicolon)).trim();
    if (semicolon >= 0) markerText = rest.slice(semicolon + 1);
    if (specifier.startsWith('(')) {
      if (!specifier.endsWith(')')) fail('"(" without ")"');
      specifier = specifier.slice(1, -1).trim();
    }
    specifier = specifier.replace(/\s+/g, '');
    if (specifier && !validRange(specifier)) fail(`invalid version specifier "${specifier}"`);
  }
  let marker: Marker | undefined;
  if (markerText !== undefined) {
    if (!markerText.trim()) fail('";" without a marker');
    try {
      marker = parseMarker(markerText.trim());
    } catch (error) {
      fail((error as Error).message);
    }
  }
  return { name: name[1], key: normalizeName(name[1]), extras: extras.map(normalizeName), specifier, url, marker, text: text.trim() };
}

/** The requirement without its marker, as pip prints it: `name[extra]>=1`. */
export function formatRequirement(requirement: Requirement): string {
  const extras = requirement.extras.length ? `[${requirement.extras.join(',')}]` : '';
  return `${requirement.name}${extras}${requirement.url ? ` @ ${requirement.url}` : requirement.specifier}`;
}
