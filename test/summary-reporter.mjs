// A web-test-runner reporter that ends the run with one plain line,
// `N passed, N failed`, counting a test file that could not run at all
// (a load error, a crashed page) as one failure. Above it: each failure on a
// line of its own (engine, file, test, the error's first line), so a log cut
// to its tail still says what failed.
// With PSE_RUN_SUMMARY set to a path, it prints nothing and writes there the
// counts, those lines and the files whose browser went away mid-file (a
// renderer crash), for scripts/run-tests.mjs: it prints them, and runs those
// files once more on their own.
import { writeFileSync } from 'node:fs';
import { ENGINE_NAMES } from '../scripts/engines.mjs';

/** The counts as the run's last line gives them: `N passed, N failed[, N skipped]`. */
export const line = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;

const firstLine = (error) => String(error?.message ?? error ?? '').split('\n')[0].slice(0, 300);

const walk = (suite, counts, failures, path = []) => {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else {
      counts.failed++;
      failures.push(`${[...path, test.name].join(' › ')}: ${firstLine(test.error)}`);
    }
  }
  for (const child of suite?.suites ?? []) walk(child, counts, failures, child.name ? [...path, child.name] : path);
};

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      /** The same counts per engine (launcher name), for the lines before the last. */
      const byEngine = new Map();
      const failed = [];
      /** Sessions that failed only because the page went away: [{ engine, file, passed, skipped }]. */
      const crashed = [];
      const engineKey = Object.fromEntries(Object.entries(ENGINE_NAMES).map(([key, name]) => [name, key]));
      for (const session of sessions) {
        const engine = session.browser.name;
        if (!byEngine.has(engine)) byEngine.set(engine, { passed: 0, failed: 0, skipped: 0 });
        const own = { passed: 0, failed: 0, skipped: 0 };
        const failures = [];
        walk(session.testResults, own, failures);
        const ran = own.passed + own.failed;
        if ((session.errors?.length ?? 0) > 0 || (!session.passed && ran > 0 && own.failed === 0) || (!session.passed && ran === 0)) {
          own.failed++;
          failures.push(`(the file) ${firstLine(session.errors?.[0]) || 'did not finish'}`);
        }
        const file = session.testFile.replace(`${process.cwd()}/`, '');
        // The browser went away, or the page loaded again (seen in WebKit under load): no test here navigates its page.
        const disconnected = (session.errors ?? []).some((error) => /browser disconnected|page was reloaded/.test(firstLine(error)));
        if (disconnected && failures.length === 1 && engineKey[engine]) {
          crashed.push({ engine: engineKey[engine], file, ...own });
        }
        for (const failure of failures) failed.push(`  FAILED ${engine} ${file}: ${failure}`);
        for (const total of [counts, byEngine.get(engine)]) {
          for (const key of Object.keys(own)) total[key] += own[key];
        }
      }
      const engines = [...byEngine].map(([engine, own]) => `  ${engine}: ${line(own)}`);
      // scripts/run-tests.mjs prints the lines itself once the runner has exited: the runner
      // sometimes exited before a timer set here ran, and CI's last line was gone.
      if (process.env.PSE_RUN_SUMMARY) {
        writeFileSync(process.env.PSE_RUN_SUMMARY, JSON.stringify({ counts, crashed, lines: [...failed, ...engines] }));
        return;
      }
      // Printed after the default reporter's last frame.
      setTimeout(() => console.log(`${failed.length > 0 ? `\n${failed.join('\n')}` : ''}\n${engines.join('\n')}\n${line(counts)}`), 0);
    },
  };
}
