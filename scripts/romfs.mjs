// Writes a MicroPython ROMFS image (the format of MicroPython's VfsRom,
// extmod/vfs_rom.c; `mpremote romfs build` writes the same): a tree of
// directories and files as nested records, each `kind, length, payload`
// with lengths as big-endian base-128 varints. `loadMicroPython({ romfs })`
// mounts it read-only at /rom, and sys.path gets /rom and /rom/lib, so
// modules in it import in place, with no file system writes.

const KIND_DATA = 2; // a file's bytes, verbatim
const KIND_DIRECTORY = 4;
const KIND_FILE = 5;
const HEADER = [0xd2, 0xcd, 0x31]; // the image's own record kind

/** Big-endian base-128, the high bit set on every byte but the last. */
function varint(value) {
  const bytes = [value & 0x7f];
  for (value = Math.floor(value / 128); value > 0; value = Math.floor(value / 128)) bytes.unshift(0x80 | (value & 0x7f));
  return bytes;
}

const record = (kind, payload) => [...varint(kind), ...varint(payload.length), ...payload];

function named(name, payload) {
  if (!/^[\x21-\x7e]+$/.test(name) || name.includes('/')) throw new Error(`romfs: bad file name ${JSON.stringify(name)}`);
  const bytes = [...Buffer.from(name, 'ascii')];
  return [...varint(bytes.length), ...bytes, ...payload];
}

function directory(tree) {
  const out = [];
  for (const [name, value] of Object.entries(tree)) {
    if (value instanceof Uint8Array) out.push(...record(KIND_FILE, named(name, record(KIND_DATA, [...value]))));
    else out.push(...record(KIND_DIRECTORY, named(name, directory(value))));
  }
  return out;
}

/**
 * The image of `files` (`{"dir/name.mpy": bytes}`, paths relative to the
 * image's root).
 * @param {Record<string, Uint8Array>} files
 * @returns {Uint8Array}
 */
export function romfsImage(files) {
  const tree = {};
  for (const [path, data] of Object.entries(files)) {
    const parts = path.split('/');
    let dir = tree;
    for (const part of parts.slice(0, -1)) dir = dir[part] ??= {};
    dir[parts.at(-1)] = data;
  }
  const body = directory(tree);
  let length = varint(body.length);
  // As MicroPython's own writer does: an even-sized image (a varint may start with 0x80 bytes).
  if ((HEADER.length + length.length + body.length) % 2 === 1) length = [0x80, ...length];
  return Uint8Array.from([...HEADER, ...length, ...body]);
}
