// A fake `Schedule` (src/sync/schedule.ts) for unit tests: callbacks run when the test says.
export function fakeTimers() {
  const queued: [() => void, number][] = [];
  return {
    schedule: (callback: () => void, ms: number) => void queued.push([callback, ms]),
    /** The delays asked for, in order, of the callbacks not yet run. */
    delays: () => queued.map(([, ms]) => ms),
    runAll: () => queued.splice(0).forEach(([callback]) => callback()),
  };
}
