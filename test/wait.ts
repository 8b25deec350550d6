// Polling for a condition the page reaches asynchronously (tests only).

/** Resolves once `check()` is truthy; rejects after `ms`, naming the check. */
export async function waitFor(check: () => unknown, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${check}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
