// A web-test-runner reporter that ends the run with one plain line,
// `N passed, N failed`, counting a test file that could not run at all
// (a load error, a crashed page) as one failure.

const walk = (suite, counts) => {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite?.suites ?? []) walk(child, counts);
};

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      /** The same counts per engine (launcher name), for the lines before the last. */
      const byEngine = new Map();
      for (const session of sessions) {
        const engine = session.browser.name;
        if (!byEngine.has(engine)) byEngine.set(engine, { passed: 0, failed: 0, skipped: 0 });
        const own = { passed: 0, failed: 0, skipped: 0 };
        walk(session.testResults, own);
        const ran = own.passed + own.failed;
        if ((session.errors?.length ?? 0) > 0 || (!session.passed && ran > 0 && own.failed === 0) || (!session.passed && ran === 0)) {
          own.failed++;
        }
        for (const total of [counts, byEngine.get(engine)]) {
          for (const key of Object.keys(own)) total[key] += own[key];
        }
      }
      const line = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
      const engines = [...byEngine].map(([engine, own]) => `  ${engine}: ${line(own)}`).join('\n');
      // Printed after the default reporter's last frame.
      setTimeout(() => console.log(`\n${engines}\n${line(counts)}`), 0);
    },
  };
}
