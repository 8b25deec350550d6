/**
 * `dist/worker.js`: the module worker that runs one Python script. All of
 * it is one {@link WorkerRuntime} for this worker's global scope.
 * @packageDocumentation
 */
import { WorkerRuntime, type WorkerScope } from './runtime/worker-runtime.js';

new WorkerRuntime(globalThis as unknown as WorkerScope);
