/**
 * What a worker's Python package has the main thread do, through the
 * worker's `sync` (names main puts on every `worker.sync`): show the
 * folder picker and ask for permission (`pyscript.fs`).
 */
import { serveFsRequest } from './fs-bridge.js';

/** The `sync` name of `pyscript.fs`'s requests. */
export const FS_SYNC_NAME = '_pyscript_fs';

/** Puts the services on one worker's main-side `sync`. */
export function provideMainServices(sync: Record<string, unknown>): void {
  sync[FS_SYNC_NAME] = serveFsRequest;
}
