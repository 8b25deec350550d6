// The package index of the bench's `py-packages` row, written into
// bench/pages/packages/ (git-ignored) before the rows run: three pure wheels
// that depend on each other (bench-a → bench-b → bench-c), ~100 KB of data each, and
// their PEP 691 pages (served as plain JSON by bench/server.mjs, which the
// resolver reads too), with relative wheel URLs.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeWheel } from '../scripts/fixtures-index.mjs';

const out = fileURLToPath(new URL('pages/packages/', import.meta.url));

export async function writeBenchIndex() {
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, 'files'), { recursive: true });
  await mkdir(join(out, 'index'), { recursive: true });
  const chain = [['bench-a', ['bench-b']], ['bench-b', ['bench-c']], ['bench-c', []]];
  for (const [name, requires] of chain) {
    const module = name.replace('-', '_');
    // Package data that does not compress away, so the download is a real one
    // (not Python source: compiling it would weigh on both visits alike).
    const bytes = makeWheel(name, '1.0', {
      requires,
      files: {
        [`${module}/__init__.py`]: `NAME = ${JSON.stringify(name)}\n`,
        [`${module}/data.txt`]: randomBytes(75_000).toString('base64'),
      },
    });
    const file = `${module}-1.0-py3-none-any.whl`;
    await writeFile(join(out, 'files', file), bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await writeFile(join(out, 'index', `${name}.json`), JSON.stringify({
      meta: { 'api-version': '1.1' }, name, files: [{ filename: file, url: `../files/${file}`, hashes: { sha256 } }],
    }));
  }
}
