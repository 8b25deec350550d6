/**
 * Hooks: callbacks and code snippets that plugins add around every script,
 * in the order the contract lists (`onReady`, `onBeforeRun`, …). `main`
 * applies to main-thread scripts, `worker` to worker scripts (its code
 * strings run inside the worker).
 * @packageDocumentation
 */

/** Called with the interpreter's API and the script element. */
export type HookCallback = (interpreter: unknown, element: Element) => void | Promise<void>;

/** The callbacks and code strings of one side (main thread or worker). */
export interface Hooks {
  onReady: Set<HookCallback>;
  onBeforeRun: Set<HookCallback>;
  onBeforeRunAsync: Set<HookCallback>;
  /** Python code run before each synchronous script. */
  codeBeforeRun: Set<string>;
  /** Python code run before each async script. */
  codeBeforeRunAsync: Set<string>;
  codeAfterRun: Set<string>;
  codeAfterRunAsync: Set<string>;
  onAfterRun: Set<HookCallback>;
  onAfterRunAsync: Set<HookCallback>;
  /** Called on the main thread with each worker as it starts. */
  onWorker: Set<HookCallback>;
}

const createHooks = (): Hooks => ({
  onReady: new Set(),
  onBeforeRun: new Set(),
  onBeforeRunAsync: new Set(),
  codeBeforeRun: new Set(),
  codeBeforeRunAsync: new Set(),
  codeAfterRun: new Set(),
  codeAfterRunAsync: new Set(),
  onAfterRun: new Set(),
  onAfterRunAsync: new Set(),
  onWorker: new Set(),
});

/** The page's hooks; add to these sets before scripts run. */
export const hooks: { main: Hooks; worker: Hooks } = { main: createHooks(), worker: createHooks() };

/** Joins the code hooks of one kind into one Python snippet (empty when none). */
export const joinCode = (snippets: Set<string>): string => [...snippets].join('\n');
