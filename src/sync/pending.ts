/**
 * Calls awaiting an answer from the other side, by id: each side's async
 * calls (`invoke`, `call`) and the main-thread promises a worker holds.
 * @packageDocumentation
 */

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Promises settled later by id, when the answer arrives. */
export class PendingCalls {
  readonly #calls = new Map<number, Pending>();
  #next = 0;

  /** A new call: its id (1, 2, …) and the promise its answer settles. */
  add(): { id: number; promise: Promise<unknown> } {
    const id = ++this.#next;
    return { id, promise: this.expect(id) };
  }

  /** A promise for an id the other side chose (a main-thread promise sent as `{ $: 'p', i }`). */
  expect(id: number): Promise<unknown> {
    return new Promise((resolve, reject) => this.#calls.set(id, { resolve, reject }));
  }

  /** Whether `id` still waits. */
  has(id: number): boolean {
    return this.#calls.has(id);
  }

  /** Removes and returns the waiting call `id`, if any: its answer has come. */
  take(id: number): Pending | undefined {
    const call = this.#calls.get(id);
    this.#calls.delete(id);
    return call;
  }

  /** Rejects every waiting call with `reason` (the other side is gone). */
  rejectAll(reason: unknown): void {
    for (const call of this.#calls.values()) call.reject(reason);
    this.#calls.clear();
  }
}
