// A small package index for the resolver tests, built by scripts/fixtures.mjs
// into test/fixtures/build/index/: wheels made here (with dependencies,
// extras, markers, versions, a yanked release, a compiled-only project and a
// wrong checksum), listed in the three formats an index may answer with:
// PyPI's JSON API (pypi/), PEP 691 JSON (simple/) and PEP 503 HTML (html/).
// test/server.mjs serves them under /test/index/<run>/ with their
// Content-Types. Also a copy of Pyodide whose lock file lists one of these
// wheels (pyodide-lock/), for lock-file packages mixed with index ones, and a
// mip index for MicroPython names (mip/).
import { zipSync, strToU8 } from 'fflate';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** A wheel with METADATA (`requires` are Requires-Dist lines), WHEEL and a real RECORD. */
export function makeWheel(name, version, { tag = 'py3-none-any', requires = [], extras = [], files } = {}) {
  const dir = name.replace(/-/g, '_');
  const info = `${dir}-${version}.dist-info`;
  const body = {
    ...(files ?? { [`${dir}/__init__.py`]: `VERSION = ${JSON.stringify(version)}\nNAME = ${JSON.stringify(name)}\n` }),
    [`${info}/METADATA`]: [
      'Metadata-Version: 2.1', `Name: ${name}`, `Version: ${version}`,
      ...extras.map((extra) => `Provides-Extra: ${extra}`),
      ...requires.map((line) => `Requires-Dist: ${line}`), '', `${name} made by the test fixtures.`, '',
    ].join('\n'),
    [`${info}/WHEEL`]: `Wheel-Version: 1.0\nGenerator: pyscript-elements fixtures\nRoot-Is-Purelib: ${tag.endsWith('any')}\nTag: ${tag}\n`,
  };
  const record = Object.entries(body).map(([path, text]) => `${path},sha256=${createHash('sha256').update(text).digest('base64url')},${Buffer.byteLength(text)}`);
  body[`${info}/RECORD`] = [...record, `${info}/RECORD,,`, ''].join('\n');
  return zipSync(Object.fromEntries(Object.entries(body).map(([path, text]) => [path, strToU8(text)])));
}

/**
 * Writes `projects` ({ name: { layout, versions: { version: [{ file, bytes, yanked?, sha256? }] } } })
 * as index pages and wheel files under `out`.
 */
async function writeIndex(out, projects) {
  for (const layout of ['pypi', 'simple', 'html', 'files']) await mkdir(join(out, layout), { recursive: true });
  for (const [name, { layout, versions }] of Object.entries(projects)) {
    const files = [];
    for (const [version, list] of Object.entries(versions)) {
      for (const { file, bytes, yanked, sha256: listed } of list) {
        await writeFile(join(out, 'files', file), bytes);
        files.push({ version, file, yanked, sha256: listed ?? sha256(bytes) });
      }
    }
    // Relative links, as a static index has them; they resolve against the page.
    const href = (file) => `../../files/${file}`;
    if (layout === 'pypi') {
      const releases = {};
      for (const { version, file, yanked, sha256: digest } of files) {
        (releases[version] ??= []).push({
          filename: file, url: href(file), digests: { sha256: digest }, requires_python: null,
          yanked: !!yanked, yanked_reason: yanked || null, packagetype: file.endsWith('.whl') ? 'bdist_wheel' : 'sdist',
        });
      }
      await writeFile(join(out, 'pypi', `${name}.json`), JSON.stringify({ info: { name }, releases }, null, 1));
    } else if (layout === 'simple') {
      await writeFile(join(out, 'simple', `${name}.json`), JSON.stringify({
        meta: { 'api-version': '1.1' }, name,
        files: files.map(({ file, yanked, sha256: digest }) => ({ filename: file, url: href(file), hashes: { sha256: digest }, ...(yanked && { yanked }) })),
        versions: [...new Set(files.map((f) => f.version))],
      }, null, 1));
    } else {
      const links = files.map(({ file, yanked, sha256: digest }) =>
        `    <a href="${href(file)}#sha256=${digest}"${yanked ? ` data-yanked="${yanked}"` : ''} data-requires-python="&gt;=3.8">${file}</a><br>`);
      await writeFile(join(out, 'html', `${name}.html`), `<!DOCTYPE html>\n<html>\n  <body>\n    <h1>Links for ${name}</h1>\n${links.join('\n')}\n  </body>\n</html>\n`);
    }
  }
}

const whl = (name, version, options = {}) => ({
  file: `${name.replace(/-/g, '_')}-${version}-${options.tag ?? 'py3-none-any'}.whl`,
  bytes: makeWheel(name, version, options),
  yanked: options.yanked,
  sha256: options.sha256,
});

/** Builds the index into `out` (test/fixtures/build/index/) and the lock-file Pyodide copy into `lockOut`. */
export async function buildPackageIndex(out, lockOut, root) {
  await rm(out, { recursive: true, force: true });
  const lock = JSON.parse(await readFile(join(root, 'dist/pyodide/pyodide-lock.json'), 'utf8'));
  const lockPython = lock.info.python;
  const alphaRequires = [
    'beta>=1.1',
    'gamma; extra == "fast"',
    'delta; python_version < "3"',
    'epsilon; sys_platform == "emscripten"',
    // Holds for the lock file's Python, which may not be the running one: the resolver must ask Pyodide.
    `zeta; python_full_version == "${lockPython}"`,
  ];
  await writeIndex(out, {
    alpha: {
      layout: 'pypi',
      versions: {
        '1.0': [whl('alpha', '1.0', { requires: ['beta>=1.0'] })],
        '2.0': [whl('alpha', '2.0', { requires: alphaRequires, extras: ['fast'] }), { file: 'alpha-2.0.tar.gz', bytes: strToU8('not a wheel') }],
        '3.0b1': [whl('alpha', '3.0b1', { requires: alphaRequires, extras: ['fast'] })],
      },
    },
    beta: {
      layout: 'simple',
      versions: {
        '1.0': [whl('beta', '1.0')],
        '1.2': [whl('beta', '1.2')],
        '1.3': [whl('beta', '1.3', { yanked: 'broken release' })],
      },
    },
    gamma: { layout: 'html', versions: { '1.0': [whl('gamma', '1.0')] } },
    epsilon: { layout: 'simple', versions: { '0.5': [whl('epsilon', '0.5')] } },
    zeta: { layout: 'simple', versions: { '1.0': [whl('zeta', '1.0')] } },
    'compiled-only': {
      layout: 'pypi',
      versions: { '1.0': [whl('compiled-only', '1.0', { tag: 'cp314-cp314-manylinux_2_17_x86_64' })] },
    },
    badhash: { layout: 'pypi', versions: { '1.0': [whl('badhash', '1.0', { sha256: '0'.repeat(64) })] } },
    // Depends on a package that only the lock file of pyodide-lock/ has.
    omega: { layout: 'simple', versions: { '1.0': [whl('omega', '1.0', { requires: ['lockpkg'] })] } },
    // The three dependent pure wheels of the bench's packages page (also tested).
    'chain-a': { layout: 'simple', versions: { '1.0': [whl('chain-a', '1.0', { requires: ['chain-b'] })] } },
    'chain-b': { layout: 'simple', versions: { '1.0': [whl('chain-b', '1.0', { requires: ['chain-c'] })] } },
    'chain-c': { layout: 'simple', versions: { '1.0': [whl('chain-c', '1.0')] } },
  });

  await buildMipIndex(join(out, '..', 'mip'));

  // Pyodide with a lock file that lists `lockpkg` (a wheel served next to it).
  await rm(lockOut, { recursive: true, force: true });
  await mkdir(lockOut, { recursive: true });
  for (const name of ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip']) {
    await symlink(join(root, 'dist/pyodide', name), join(lockOut, name));
  }
  const lockpkg = makeWheel('lockpkg', '2.5');
  const file = 'lockpkg-2.5-py3-none-any.whl';
  await writeFile(join(lockOut, file), lockpkg);
  lock.packages.lockpkg = {
    name: 'lockpkg', version: '2.5', file_name: file, install_dir: 'site', sha256: sha256(lockpkg),
    package_type: 'package', imports: ['lockpkg'], depends: [], unvendored_tests: false,
  };
  await writeFile(join(lockOut, 'pyodide-lock.json'), JSON.stringify(lock));
}

/**
 * A mip index in micropython-lib's layout, for MicroPython names:
 * `package/py/<name>/<version>.json` manifests whose `hashes` point at
 * `file/<xx>/<hash>`. mip-hello depends on mip-dep by name.
 */
async function buildMipIndex(out) {
  await rm(out, { recursive: true, force: true });
  const packages = {
    'mip-hello': { files: { 'mip_hello/__init__.py': 'from mip_dep import twice\nGREETING = "hello from mip " + twice("!")\n' }, deps: [['mip-dep', '0.1']] },
    'mip-dep': { files: { 'mip_dep.py': 'def twice(text):\n    return text * 2\n' }, deps: [] },
  };
  for (const [name, { files, deps }] of Object.entries(packages)) {
    const hashes = [];
    for (const [path, text] of Object.entries(files)) {
      const hash = sha256(Buffer.from(text)).slice(0, 8);
      await mkdir(join(out, 'file', hash.slice(0, 2)), { recursive: true });
      await writeFile(join(out, 'file', hash.slice(0, 2), hash), text);
      hashes.push([path, hash]);
    }
    const manifest = JSON.stringify({ hashes, deps, version: '0.1', v: 1 });
    await mkdir(join(out, 'package/py', name), { recursive: true });
    for (const version of ['latest', '0.1']) await writeFile(join(out, 'package/py', name, `${version}.json`), manifest);
  }
}
