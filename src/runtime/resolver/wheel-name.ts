/**
 * Wheel file names (PEP 427: `name-version(-build)?-python-abi-platform.whl`)
 * and which of them a Pyodide build can install, ranked as
 * `packaging.tags.sys_tags()` ranks them (micropip picks the wheel whose best
 * tag comes first): Pyodide's own platform (`pyemscripten_*`, `pyodide_*`,
 * `emscripten_*`) before pure Python (`py3-none-any`).
 * @packageDocumentation
 */
import { valid } from '@renovatebot/pep440';
import { normalizeName } from './markers.js';

/** A parsed wheel file name. */
export interface WheelName {
  /** Normalized project name. */
  key: string;
  version: string;
  build: string;
  /** Every `python-abi-platform` tag the name expands to. */
  tags: string[];
}

/** What a Pyodide build can install (from `pyodide-lock.json`'s `info`). */
export interface Platform {
  /** Python `[major, minor]`. */
  python: [number, number];
  /** Pyodide's ABI version, `2026_0`. */
  abi: string;
  /** Emscripten's version, `5_0_3`. */
  emscripten: string;
}

/** Parses a wheel file name; `undefined` when it is not one. */
export function parseWheelName(file: string): WheelName | undefined {
  if (!/\.whl$/i.test(file)) return undefined;
  const parts = file.slice(0, -4).split('-');
  if (parts.length !== 5 && parts.length !== 6) return undefined;
  const [name, version] = parts;
  const build = parts.length === 6 ? parts[2] : '';
  if (!name || !valid(version) || (build && !/^\d/.test(build))) return undefined;
  const [pythons, abis, platforms] = parts.slice(-3).map((part) => part.toLowerCase().split('.'));
  const tags = pythons.flatMap((python) => abis.flatMap((abi) => platforms.map((platform) => `${python}-${abi}-${platform}`)));
  return { key: normalizeName(name), version, build, tags };
}

const rankings = new Map<string, Map<string, number>>();

/** The tags `platform` supports, best first (packaging's `sys_tags()` for CPython on Emscripten, with micropip's additions). */
export function supportedTags(platform: Platform): string[] {
  const [major, minor] = platform.python;
  const cp = `cp${major}${minor}`;
  const emscripten = `emscripten_${platform.emscripten}_wasm32`;
  const base: string[] = [`${cp}-${cp}-${emscripten}`, `${cp}-abi3-${emscripten}`, `${cp}-none-${emscripten}`];
  for (let m = minor - 1; m >= 2; m--) base.push(`cp${major}${m}-abi3-${emscripten}`);
  const pys = [`py${major}${minor}`, `py${major}`, ...Array.from({ length: minor }, (_, i) => `py${major}${minor - 1 - i}`)];
  for (const py of pys) base.push(`${py}-none-${emscripten}`);
  // micropip puts PEP 783's platform and Pyodide's before each Emscripten tag.
  const tags = base.flatMap((tag) => [
    tag.replace(emscripten, `pyemscripten_${platform.abi}_wasm32`),
    tag.replace(emscripten, `pyodide_${platform.abi}_wasm32`),
    tag,
  ]);
  tags.push(`${cp}-none-any`);
  for (const py of pys) tags.push(`${py}-none-any`);
  return tags;
}

/** The rank of a wheel's best tag on `platform` (0 is best); `undefined` when it cannot be installed there. */
export function tagRank(wheel: WheelName, platform: Platform): number | undefined {
  const id = `${platform.python.join('.')}/${platform.abi}/${platform.emscripten}`;
  let ranking = rankings.get(id);
  if (!ranking) rankings.set(id, (ranking = new Map(supportedTags(platform).map((tag, index) => [tag, index]))));
  let best: number | undefined;
  for (const tag of wheel.tags) {
    const rank = ranking.get(tag);
    if (rank !== undefined && (best === undefined || rank < best)) best = rank;
  }
  return best;
}

/** True for a wheel whose code is pure Python (`none-any`): no shared libraries to load. */
export const isPureWheel = (wheel: WheelName): boolean => wheel.tags.every((tag) => tag.endsWith('-any'));
