/**
 * PEP 508 environment markers (`python_version >= "3.8" and extra == "fast"`):
 * parsed once into a small tree and evaluated against a
 * {@link MarkerEnvironment}, with the semantics of `packaging.markers`:
 * version operators compare as PEP 440 versions when both sides are
 * versions (pre-releases included), else as strings; `extra` values are
 * compared as normalized names.
 * @packageDocumentation
 */
import { satisfies, valid, validRange } from '@renovatebot/pep440';

/** The values markers are evaluated against (`packaging.markers.default_environment()`, plus `extra`). */
export interface MarkerEnvironment {
  implementation_name: string;
  implementation_version: string;
  os_name: string;
  platform_machine: string;
  platform_release: string;
  platform_system: string;
  platform_version: string;
  python_full_version: string;
  platform_python_implementation: string;
  python_version: string;
  sys_platform: string;
}

/** A variable name (`{ variable }`) or a quoted string (`{ value }`). */
export type MarkerOperand = { variable: string } | { value: string };

/** A parsed marker. */
export type Marker =
  | { op: 'and'; left: Marker; right: Marker }
  | { op: 'or'; left: Marker; right: Marker }
  | { op: 'compare'; left: MarkerOperand; operator: string; right: MarkerOperand };

/** A marker that is not valid PEP 508. */
export class InvalidMarker extends Error {
  override name = 'InvalidMarker';
}

const VARIABLES = new Set([
  'implementation_name', 'implementation_version', 'os_name', 'platform_machine', 'platform_release',
  'platform_system', 'platform_version', 'python_full_version', 'platform_python_implementation',
  'python_version', 'sys_platform', 'extra',
]);
/** Names from PEP 345 that packaging still accepts. */
const ALIASES: Record<string, string> = {
  'os.name': 'os_name', 'sys.platform': 'sys_platform', 'platform.version': 'platform_version',
  'platform.machine': 'platform_machine', 'platform.python_implementation': 'platform_python_implementation',
  python_implementation: 'platform_python_implementation',
};
const OPERATORS = ['===', '==', '!=', '<=', '>=', '~=', '<', '>', 'not in', 'in'];

/**
 * Parses a marker (the text after `;` in a requirement).
 * @throws InvalidMarker naming what was expected where
 */
export function parseMarker(text: string): Marker {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const fail = (expected: string): never => {
    const token = tokens[at];
    throw new InvalidMarker(`Invalid marker ${JSON.stringify(text)}: expected ${expected}${token ? ` at ${JSON.stringify(token.text)}` : ' at the end'}`);
  };
  const operand = (): MarkerOperand => {
    const token = tokens[at];
    if (token?.kind === 'string') return at++, { value: token.text };
    if (token?.kind === 'word') {
      const name = ALIASES[token.text] ?? token.text;
      if (VARIABLES.has(name)) return at++, { variable: name };
    }
    return fail('a marker variable or a quoted string');
  };
  const expression = (): Marker => {
    if (peek()?.text === '(') {
      at++;
      const inner = or();
      if (peek()?.text !== ')') fail('")"');
      at++;
      return inner;
    }
    const left = operand();
    const token = peek();
    if (token?.kind !== 'op') fail(`an operator (${OPERATORS.join(', ')})`);
    at++;
    return { op: 'compare', left, operator: token.text, right: operand() };
  };
  const chain = (op: 'and' | 'or', next: () => Marker) => (): Marker => {
    let left = next();
    while (peek()?.kind === 'word' && peek().text === op) {
      at++;
      left = { op, left, right: next() };
    }
    return left;
  };
  const and = chain('and', expression);
  const or = chain('or', and);
  const marker = or();
  if (at < tokens.length) fail('"and", "or" or the end');
  return marker;
}

interface Token {
  kind: 'string' | 'word' | 'op' | 'paren';
  text: string;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(["'])(.*?)\1|(not\s+in)\b|(===|==|!=|<=|>=|~=|<|>)|([()])|([A-Za-z_][\w.]*))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) throw new InvalidMarker(`Invalid marker ${JSON.stringify(text)}: unexpected ${JSON.stringify(text.slice(at).trim().slice(0, 20))}`);
    at = pattern.lastIndex;
    if (match[1]) tokens.push({ kind: 'string', text: match[2] });
    else if (match[3]) tokens.push({ kind: 'op', text: 'not in' });
    else if (match[4]) tokens.push({ kind: 'op', text: match[4] });
    else if (match[5]) tokens.push({ kind: 'paren', text: match[5] });
    else if (match[6] === 'in') tokens.push({ kind: 'op', text: 'in' });
    else tokens.push({ kind: 'word', text: match[6] });
  }
  return tokens;
}

/**
 * Evaluates a marker.
 * @param extra the extra being asked for (`''` when none)
 * @throws InvalidMarker for a comparison that has no meaning (`~=` between non-versions)
 */
export function evaluateMarker(marker: Marker, environment: MarkerEnvironment, extra = ''): boolean {
  if (marker.op === 'and') return evaluateMarker(marker.left, environment, extra) && evaluateMarker(marker.right, environment, extra);
  if (marker.op === 'or') return evaluateMarker(marker.left, environment, extra) || evaluateMarker(marker.right, environment, extra);
  const isExtra = [marker.left, marker.right].some((side) => 'variable' in side && side.variable === 'extra');
  const value = (side: MarkerOperand) => {
    const raw = 'value' in side ? side.value : side.variable === 'extra' ? extra : environment[side.variable as keyof MarkerEnvironment];
    return isExtra ? normalizeName(raw ?? '') : (raw ?? '');
  };
  return compare(value(marker.left), marker.operator, value(marker.right));
}

/** True when `marker` (if any) holds for any of `extras` (or for no extra). */
export function markerHolds(marker: Marker | undefined, environment: MarkerEnvironment, extras: Iterable<string> = []): boolean {
  if (!marker) return true;
  if (evaluateMarker(marker, environment, '')) return true;
  for (const extra of extras) if (evaluateMarker(marker, environment, extra)) return true;
  return false;
}

/** The marker variables a marker reads. */
export function markerVariables(marker: Marker, into = new Set<string>()): Set<string> {
  if (marker.op !== 'compare') {
    markerVariables(marker.left, into);
    markerVariables(marker.right, into);
  } else {
    for (const side of [marker.left, marker.right]) if ('variable' in side) into.add(side.variable);
  }
  return into;
}

function compare(left: string, operator: string, right: string): boolean {
  if (operator === 'in') return right.includes(left);
  if (operator === 'not in') return !right.includes(left);
  // As packaging: a version comparison when the right side makes a valid specifier.
  const specifier = `${operator}${right}`;
  if (validRange(specifier) && valid(left)) return satisfies(left, specifier, { prereleases: true });
  switch (operator) {
    case '==': return left === right;
    case '!=': return left !== right;
    case '<': return left < right;
    case '<=': return left <= right;
    case '>': return left > right;
    case '>=': return left >= right;
    case '===': return left === right;
    default:
      throw new InvalidMarker(`Invalid marker comparison ${JSON.stringify(left)} ${operator} ${JSON.stringify(right)}: "${operator}" needs versions`);
  }
}

/** PEP 503 name normalization: lowercase, runs of `-`, `_`, `.` become one `-`. */
export const normalizeName = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');
