// Counts the real Worker objects the page constructs and terminates, by
// wrapping the Worker constructor before core.js is imported (import this
// module first). Observation only: every worker is a real one.

const live = new Set<Worker>();
let constructed = 0;

class CountedWorker extends Worker {
  constructor(url: string | URL, options?: WorkerOptions) {
    super(url, options);
    constructed++;
    live.add(this);
  }

  override terminate(): void {
    live.delete(this);
    super.terminate();
  }
}

globalThis.Worker = CountedWorker;

/** Workers constructed so far, and those not terminated yet. */
export const workers = {
  get constructed(): number {
    return constructed;
  },
  get live(): number {
    return live.size;
  },
};
