// The ROMFS writer, read back by the bundled MicroPython (node --test scripts/).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { romfsImage } from './romfs.mjs';

const text = (s) => new TextEncoder().encode(s);

test('an image is even-sized and starts with the ROMFS header', () => {
  for (const size of [0, 1, 2, 200, 201]) {
    const image = romfsImage({ 'a.txt': new Uint8Array(size) });
    assert.deepEqual([...image.slice(0, 3)], [0xd2, 0xcd, 0x31]);
    assert.equal(image.length % 2, 0);
  }
});

test('MicroPython mounts the image at /rom and imports packages from /rom/lib in place', async () => {
  const { loadMicroPython } = await import('../node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs');
  const lines = [];
  const romfs = romfsImage({
    'lib/pkg/__init__.py': text('from pkg.sub import VALUE\n'),
    'lib/pkg/sub.py': text('VALUE = 41 + 1\n'),
    'lib/big.py': text(`DATA = ${JSON.stringify('x'.repeat(300))}\n`),
    'notes.txt': text('hello'),
  });
  const mp = await loadMicroPython({ romfs, stdout: (line) => lines.push(line), stderr: (line) => lines.push(line) });
  mp.runPython(`
import os, pkg, big
print(pkg.VALUE, pkg.__file__, len(big.DATA))
print(sorted(os.listdir("/rom")), sorted(os.listdir("/rom/lib")))
print(open("/rom/notes.txt").read())
`);
  assert.deepEqual(lines, ['42 /rom/lib/pkg/__init__.py 300', "['lib', 'notes.txt'] ['big.py', 'pkg']", 'hello']);
});
