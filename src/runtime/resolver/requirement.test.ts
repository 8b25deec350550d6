import { expect } from '@open-wc/testing';
import { environmentOfLock, platformOfLock } from './environment.js';
import { evaluateMarker, InvalidMarker, markerHolds, markerVariables, parseMarker, type MarkerEnvironment } from './markers.js';
import { parseMetadata } from './metadata.js';
import { formatRequirement, InvalidRequirement, parseRequirement } from './requirement.js';
import { isPureWheel, parseWheelName, supportedTags, tagRank } from './wheel-name.js';

const info = { python: '3.14.0', platform: 'emscripten_5_0_3', abi_version: '2026_0', arch: 'wasm32' };
const env: MarkerEnvironment = { ...environmentOfLock(info), python_full_version: '3.14.2', implementation_version: '3.14.2' };
const holds = (marker: string, extra = '') => evaluateMarker(parseMarker(marker), env, extra);

describe('PEP 508 markers', () => {
  it('compares versions as PEP 440 versions, not strings', () => {
    expect(holds('python_version >= "3.8"')).to.equal(true); // "3.14" < "3.8" as strings
    expect(holds('python_version < "3.10"')).to.equal(false);
    expect(holds('python_full_version == "3.14.*"')).to.equal(true);
    expect(holds('python_full_version ~= "3.14.0"')).to.equal(true);
    expect(holds('python_full_version != "3.14.2"')).to.equal(false);
  });

  it('compares other values as strings, with in and not in', () => {
    expect(holds('sys_platform == "emscripten"')).to.equal(true);
    expect(holds('sys_platform == "linux"')).to.equal(false);
    expect(holds('"wasm" in platform_machine')).to.equal(true);
    expect(holds('platform_system not in "Linux Windows"')).to.equal(true);
    expect(holds("os_name == 'posix'")).to.equal(true);
  });

  it('gives and precedence over or, and honours parentheses', () => {
    expect(holds('os_name == "nt" and sys_platform == "emscripten" or python_version > "3"')).to.equal(true);
    expect(holds('os_name == "nt" and (sys_platform == "emscripten" or python_version > "3")')).to.equal(false);
  });

  it('compares extra as a normalized name, "" when none is asked for', () => {
    expect(holds('extra == "fast"')).to.equal(false);
    expect(holds('extra == "Fast_Lane"', 'fast-lane')).to.equal(true);
    expect(markerHolds(parseMarker('extra == "a"'), env, ['b', 'a'])).to.equal(true);
    expect(markerHolds(parseMarker('extra == "a"'), env, ['b'])).to.equal(false);
  });

  it('accepts the old dotted names', () => {
    expect(holds('sys.platform == "emscripten" and platform.machine == "wasm32"')).to.equal(true);
  });

  it('lists the variables a marker reads', () => {
    expect([...markerVariables(parseMarker('python_version > "3" or (extra == "x" and os_name == "posix")'))]).to.deep.equal(['python_version', 'extra', 'os_name']);
  });

  it('rejects what is not a marker, saying where', () => {
    expect(() => parseMarker('python_version >')).to.throw(InvalidMarker, /expected a marker variable or a quoted string at the end/);
    expect(() => parseMarker('pyhton_version > "3"')).to.throw(InvalidMarker, /at "pyhton_version"/);
    expect(() => parseMarker('os_name == "a" "b"')).to.throw(InvalidMarker, /"and", "or" or the end/);
    expect(() => holds('os_name ~= "posix"')).to.throw(InvalidMarker, /needs versions/);
  });
});

describe('PEP 508 requirements', () => {
  it('reads a name, extras, a specifier and a marker', () => {
    const requirement = parseRequirement('Foo_Bar[Fast, extra2] >=1.2, <2 ; python_version >= "3.8"');
    expect(requirement).to.include({ name: 'Foo_Bar', key: 'foo-bar', specifier: '>=1.2,<2' });
    expect(requirement.extras).to.deep.equal(['fast', 'extra2']);
    expect(requirement.marker && evaluateMarker(requirement.marker, env)).to.equal(true);
    expect(formatRequirement(requirement)).to.equal('Foo_Bar[fast,extra2]>=1.2,<2');
  });

  it('reads a parenthesized specifier and a bare name', () => {
    expect(parseRequirement('pkg (==1.0.*)').specifier).to.equal('==1.0.*');
    expect(parseRequirement('pkg')).to.include({ name: 'pkg', specifier: '' });
  });

  it('reads name @ url, where only " ;" starts the marker', () => {
    const requirement = parseRequirement('pkg[x] @ https://example.com/a;b/pkg-1.0-py3-none-any.whl ; os_name == "posix"');
    expect(requirement.url).to.equal('https://example.com/a;b/pkg-1.0-py3-none-any.whl');
    expect(requirement.extras).to.deep.equal(['x']);
    expect(requirement.marker).to.exist;
  });

  it('rejects invalid specifiers, extras and markers', () => {
    expect(() => parseRequirement('pkg >>1')).to.throw(InvalidRequirement, /invalid version specifier/);
    expect(() => parseRequirement('pkg[a')).to.throw(InvalidRequirement, /"\[" without "\]"/);
    expect(() => parseRequirement('-pkg')).to.throw(InvalidRequirement, /must start with a package name/);
    expect(() => parseRequirement('pkg; bogus == "1"')).to.throw(InvalidRequirement, /Invalid marker/);
    expect(() => parseRequirement('pkg ;')).to.throw(InvalidRequirement, /without a marker/);
  });
});

describe('wheel names and tags', () => {
  const platform = platformOfLock(info);

  it('parses name, version, build and the expanded tags', () => {
    expect(parseWheelName('Foo_Bar-1.0-1local-py2.py3-none-any.whl')).to.deep.equal({
      key: 'foo-bar', version: '1.0', build: '1local', tags: ['py2-none-any', 'py3-none-any'],
    });
    expect(parseWheelName('pkg-1.0.tar.gz')).to.equal(undefined);
    expect(parseWheelName('pkg-notaversion-py3-none-any.whl')).to.equal(undefined);
  });

  it('ranks Pyodide builds before pure Python, newer Pythons first', () => {
    const rank = (file: string) => tagRank(parseWheelName(file)!, platform);
    expect(rank('a-1-cp314-cp314-pyodide_2026_0_wasm32.whl')).to.be.lessThan(rank('a-1-py3-none-any.whl')!);
    expect(rank('a-1-cp312-abi3-pyemscripten_2026_0_wasm32.whl')).to.be.lessThan(rank('a-1-py3-none-any.whl')!);
    expect(rank('a-1-py3-none-any.whl')).to.be.lessThan(rank('a-1-py313-none-any.whl')!);
    expect(supportedTags(platform)[0]).to.equal('cp314-cp314-pyemscripten_2026_0_wasm32');
    expect(supportedTags(platform).at(-1)).to.equal('py30-none-any');
  });

  it('finds nothing to install in wheels for other platforms or Pythons', () => {
    const rank = (file: string) => tagRank(parseWheelName(file)!, platform);
    expect(rank('a-1-cp314-cp314-manylinux_2_17_x86_64.whl')).to.equal(undefined);
    expect(rank('a-1-py2-none-any.whl')).to.equal(undefined);
    expect(rank('a-1-py315-none-any.whl')).to.equal(undefined);
    expect(rank('a-1-cp314-cp314-pyodide_2025_0_wasm32.whl')).to.equal(undefined);
    expect(isPureWheel(parseWheelName('a-1-py3-none-any.whl')!)).to.equal(true);
    expect(isPureWheel(parseWheelName('a-1-cp314-cp314-pyodide_2026_0_wasm32.whl')!)).to.equal(false);
  });
});

describe('METADATA', () => {
  it('reads Requires-Dist, Provides-Extra and continuation lines, up to the body', () => {
    const metadata = parseMetadata([
      'Metadata-Version: 2.1', 'Name: alpha', 'Version: 2.0', 'Summary: a', '  long summary', 'Requires-Python: >=3.8',
      'Provides-Extra: fast', 'Requires-Dist: beta>=1.1', 'Requires-Dist: gamma; extra == "fast" # why', '', 'Requires-Dist: body-text',
    ].join('\r\n'));
    expect(metadata).to.deep.equal({
      name: 'alpha', version: '2.0', requiresDist: ['beta>=1.1', 'gamma; extra == "fast"'], requiresPython: '>=3.8', providesExtra: ['fast'],
    });
  });
});

describe('the environment from a lock file', () => {
  it('derives the platform and the markers Pyodide has', () => {
    expect(platformOfLock(info)).to.deep.equal({ python: [3, 14], abi: '2026_0', emscripten: '5_0_3' });
    expect(environmentOfLock(info)).to.include({ python_version: '3.14', platform_release: '5.0.3', sys_platform: 'emscripten', platform_system: 'Emscripten' });
  });
});
