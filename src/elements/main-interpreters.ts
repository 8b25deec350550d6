/**
 * The main thread's interpreters: one per kind per page, booted on first use
 * and shared by every main-thread script of that kind, which run one after
 * the other in the order they were queued (document order at start-up).
 */
import type { PyscriptBridge } from '../runtime/bridge.js';
import { bootInterpreter } from '../runtime/boot.js';
import type { Interpreter, InterpreterKind } from '../runtime/types.js';

/** One shared interpreter and its run queue. */
export class MainInterpreter {
  readonly kind: InterpreterKind;
  /** Id of the element the running script displays to (see `current_target()`). */
  currentTarget = '';
  #booting?: Promise<Interpreter>;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(kind: InterpreterKind) {
    this.kind = kind;
  }

  /** Boots the interpreter once; later calls share the same promise. */
  boot(): Promise<Interpreter> {
    this.#booting ??= bootInterpreter(this.kind, { bridge: this.#bridge() });
    return this.#booting;
  }

  /** Runs `task` after every task queued before it has settled. */
  enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task);
    this.#queue = result.catch(() => undefined);
    return result;
  }

  #bridge(): PyscriptBridge {
    return {
      RUNNING_IN_WORKER: false,
      interpreter: this.kind,
      window: globalThis,
      document,
      config: {},
      current_target: () => this.currentTarget,
    };
  }
}

const interpreters = new Map<InterpreterKind, MainInterpreter>();

/** The page's shared interpreter of `kind` (created, not booted). */
export function mainInterpreter(kind: InterpreterKind): MainInterpreter {
  let main = interpreters.get(kind);
  if (!main) interpreters.set(kind, (main = new MainInterpreter(kind)));
  return main;
}
