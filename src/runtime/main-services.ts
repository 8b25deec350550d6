/**
 * What a worker's Python package has the main thread do, through the
 * worker's `sync` (names main puts on every `worker.sync`): show the
 * folder picker and ask for permission (`pyscript.fs`), and import the
 * config's `js_modules.main` modules (`pyscript.js_modules` in a worker),
 * which then live on main and are used through their proxies.
 */
import { serveFsRequest } from './fs-bridge.js';

/** The `sync` name of `pyscript.fs`'s requests. */
export const FS_SYNC_NAME = '_pyscript_fs';
/** The `sync` name of main-thread imports: `(absoluteUrl) => module`. */
export const IMPORT_SYNC_NAME = '_pyscript_import';

/** Puts the services on one worker's main-side `sync`. */
export function provideMainServices(sync: Record<string, unknown>): void {
  sync[FS_SYNC_NAME] = serveFsRequest;
  sync[IMPORT_SYNC_NAME] = (url: string) => import(/* @vite-ignore */ url);
}
