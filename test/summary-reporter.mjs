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
      for (const session of sessions) {
        const before = counts.passed + counts.failed;
        walk(session.testResults, counts);
        const ran = counts.passed + counts.failed - before;
        if ((session.errors?.length ?? 0) > 0 || (!session.passed && ran > 0 && counts.failed === 0) || (!session.passed && ran === 0)) {
          counts.failed++;
        }
      }
      const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
      // Printed after the default reporter's last frame.
      setTimeout(() => console.log(`\n${counts.passed} passed, ${counts.failed} failed${skipped}`), 0);
    },
  };
}
