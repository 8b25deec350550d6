// What dist/ was built from: a digest of every input of `npm run build`
// (sources, build scripts, the lock file). The build writes it to
// dist/build.stamp; `npm start` rebuilds when dist/ is missing or its stamp
// no longer matches (a fresh clone, a pull, an edit).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Files and folders the build reads, relative to the repository root. */
const inputs = ['src', 'types', 'demo/frameworks', 'scripts', 'package.json', 'package-lock.json', 'tsconfig.json'];
/** Build output and helpers that do not feed dist/. */
const skipped = /(^|\/)(build|node_modules|dev)(\/|$)/;

async function* files(root, path) {
  const full = join(root, path);
  let entries;
  try {
    entries = await readdir(full, { withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOTDIR') yield path;
    else if (error.code !== 'ENOENT') throw error;
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const child = join(path, entry.name);
    if (skipped.test(child)) continue;
    if (entry.isDirectory()) yield* files(root, child);
    else if (entry.isFile()) yield child;
  }
}

/** The digest of the build's inputs under `root` (hex). */
export async function inputDigest(root) {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for await (const path of files(root, input)) {
      hash.update(`${relative(root, join(root, path))}\n`).update(await readFile(join(root, path))).update('\n');
    }
  }
  return hash.digest('hex');
}

/** Where the build records what it was built from. */
export const stampPath = (root) => join(root, 'dist/build.stamp');
