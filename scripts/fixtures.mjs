// Builds the binary test fixtures (wheels, zips, a tarball) into
// test/fixtures/build/, so tests need no network and the repo no binaries.
import { zipSync, strToU8 } from 'fflate';
import { createTar } from 'nanotar';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildPackageIndex } from './fixtures-index.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'test/fixtures/build/');
await mkdir(join(out, 'wheels'), { recursive: true });

const text = (files) => Object.fromEntries(Object.entries(files).map(([name, body]) => [name, strToU8(body)]));

/** A wheel: the package files plus the .dist-info a wheel must have. */
function wheel(name, version, tag, files) {
  const info = `${name}-${version}.dist-info`;
  return zipSync(text({
    ...files,
    [`${info}/METADATA`]: `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n`,
    [`${info}/WHEEL`]: `Wheel-Version: 1.0\nGenerator: pyscript-elements fixtures\nRoot-Is-Purelib: ${tag.endsWith('any')}\nTag: ${tag}\n`,
    [`${info}/RECORD`]: '',
  }));
}

await writeFile(join(out, 'wheels/tiny_pkg-0.1-py3-none-any.whl'), wheel('tiny_pkg', '0.1', 'py3-none-any', {
  'tiny_pkg/__init__.py': 'from tiny_pkg.core import greet\n\nVERSION = "0.1"\n',
  'tiny_pkg/core.py': 'def greet(name):\n    return "hello " + name + " from tiny_pkg"\n',
  'tiny_pkg-0.1.data/purelib/tiny_extra.py': 'EXTRA = "from .data/purelib"\n',
  'tiny_pkg-0.1.data/scripts/tiny-cli': '#!/bin/sh\n',
}));
await writeFile(join(out, 'wheels/fancy_native-0.1-cp314-cp314-manylinux_2_17_x86_64.whl'), wheel('fancy_native', '0.1', 'cp314-cp314-manylinux_2_17_x86_64', {
  'fancy_native/__init__.py': 'raise ImportError("a native wheel must never be installed")\n',
}));

// The FAQ's code archive: my_module/__init__.py, util.py, sub/sub_util.py.
const myModule = {
  'my_module/__init__.py': 'NAME = "my_module"\n',
  'my_module/util.py': 'def double(x):\n    return 2 * x\n',
  'my_module/sub/sub_util.py': 'def triple(x):\n    return 3 * x\n',
};
await writeFile(join(out, 'my_module.zip'), zipSync(text(myModule)));
await writeFile(join(out, 'tar_module.tgz'), gzipSync(createTar(Object.entries({
  'tar_module/__init__.py': 'FROM = "tgz"\n',
  'tar_module/deep/er/data.txt': 'deep data\n',
}).map(([name, data]) => ({ name, data })))));
// A truncated zip: a local header, then nothing.
await writeFile(join(out, 'corrupt.zip'), Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(40, 7)]));

// Twenty small files for the concurrency test.
await mkdir(join(out, 'many'), { recursive: true });
for (let i = 0; i < 20; i++) await writeFile(join(out, `many/file${i}.txt`), `file ${i}\n`.repeat(2000));

// A second copy of the MicroPython build, for the `interpreter` config key.
await mkdir(join(out, 'mp-variant'), { recursive: true });
for (const name of ['micropython.mjs', 'micropython.wasm']) {
  await copyFile(join(root, 'node_modules/@micropython/micropython-webassembly-pyscript', name), join(out, 'mp-variant', name));
}

// The package index of the resolver tests, and a Pyodide whose lock file lists one of its wheels.
await buildPackageIndex(join(out, 'index'), join(out, 'pyodide-lock'), root);

console.log(`fixtures built in ${out}`);
