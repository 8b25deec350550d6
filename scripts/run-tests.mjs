// `npm test`: runs web-test-runner (its arguments pass through), then runs
// once more, on its own and in the same engine, any test file whose browser
// went away in the middle of it ("the browser disconnected": a renderer
// crash, with no test of the file failing; or "the page was reloaded": seen
// in WebKit under load, and no test navigates its page). Such a crash once failed a whole
// CI run on a file that passes alone and in every other run; a file that
// crashes again, or fails, still fails. Every retry is named in the output,
// and the last line counts the retry in place of the crashed session:
// `N passed, N failed` (printed here, from what test/summary-reporter.mjs
// wrote to PSE_RUN_SUMMARY). Exit code: non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { line } from '../test/summary-reporter.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const runner = join(root, 'node_modules', '.bin', 'web-test-runner');

/** One web-test-runner run; what the summary reporter wrote, or undefined when it wrote nothing. */
function run(args, env = {}) {
  const summaryFile = join(tmpdir(), `pse-run-${process.pid}-${Date.now()}.json`);
  const { status } = spawnSync(runner, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env, PSE_RUN_SUMMARY: summaryFile },
  });
  const summary = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : undefined;
  rmSync(summaryFile, { force: true });
  return { status: status ?? 1, summary };
}

const first = run(process.argv.slice(2));
if (!first.summary) process.exit(first.status);
// The reporter's lines (each failure, the counts per engine), printed here, after the runner's last frame.
console.log(`\n${first.summary.lines.join('\n')}`);
if (first.status === 0 || first.summary.crashed.length === 0) {
  console.log(line(first.summary.counts));
  process.exit(first.status);
}

const counts = { ...first.summary.counts };
const notes = [];
for (const { engine, file, passed, skipped } of first.summary.crashed) {
  console.log(`\nRETRY ${engine} ${file}: its browser disconnected in the full run; running it once more on its own`);
  const again = run([file], { TEST_ENGINES: engine });
  // The crashed session's own counts give way to the retry's.
  counts.passed -= passed;
  counts.skipped -= skipped;
  counts.failed -= 1;
  const retry = again.summary?.counts ?? { passed: 0, failed: 1, skipped: 0 };
  counts.passed += retry.passed;
  counts.skipped += retry.skipped;
  counts.failed += retry.failed;
  if (again.status !== 0 && retry.failed === 0) counts.failed += 1;
  notes.push(`  RETRIED ${engine} ${file}: ${again.status === 0 ? 'passed' : 'FAILED'} on its own (${line(retry)})`);
}
console.log(`\n${notes.join('\n')}\n${line(counts)}`);
process.exit(counts.failed === 0 ? 0 : 1);
