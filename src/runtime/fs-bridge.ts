/**
 * `_pyscript.fs`, the JavaScript half of `pyscript.fs`, for one interpreter.
 * The work is in `native-fs.ts` (`dist/native-fs.js`), imported on first
 * use. A worker cannot show the folder picker nor ask for permission, so
 * it has the main thread do those through `sync` (`main-services.ts`),
 * then reads the handle from IndexedDB itself.
 */
import { importLazy } from './lazy.js';
import type { DirectoryPickerOptions, EmscriptenFS, FsDetails, NativeMount } from './native-fs.js';
import type { Interpreter } from './types.js';

type NativeFsModule = typeof import('./native-fs.js');

let module: Promise<NativeFsModule> | undefined;
const load = (): Promise<NativeFsModule> => (module ??= importLazy<NativeFsModule>('native-fs'));

/** Main thread: answers a worker's `sync._pyscript_fs(op, key, options)`. */
export const serveFsRequest = (op: 'pick' | 'permit', key: string, options: DirectoryPickerOptions): Promise<boolean> =>
  load().then((fs) => fs.serveMain(op, key, options));

/** A worker's way to that: a blocking `sync` call to the main thread. */
export type FsMainCall = (op: 'pick' | 'permit', key: string, options: DirectoryPickerOptions) => unknown;

/** What `import _pyscript; _pyscript.fs` gives `pyscript/fs.py`. */
export interface FsBridge {
  /** The stored handle and options of `key` (`path@id`), or undefined. */
  details(key: string): Promise<FsDetails | undefined>;
  /** Shows the folder picker and stores the handle under `key`. */
  pick(key: string, options: DirectoryPickerOptions): Promise<FileSystemDirectoryHandle>;
  /** Asks again for permission on the folder stored under `key`. */
  permit(key: string): Promise<FileSystemDirectoryHandle>;
  /** Forgets the folder stored under `key`; resolves to whether there was one. */
  forget(key: string): Promise<boolean>;
  /** Mounts `handle` at `path`. */
  mount(path: string, handle: FileSystemDirectoryHandle): Promise<NativeMount>;
  /** Unmounts `path` (call the mount's `syncfs()` first to keep changes). */
  unmount(path: string): void;
}

interface PyodideFs {
  mountNativeFS(path: string, handle: FileSystemDirectoryHandle): Promise<NativeMount>;
}

/** Builds `_pyscript.fs` for `interpreter`; `callMain` in workers. */
export function createFsBridge(interpreter: Interpreter, callMain?: FsMainCall): FsBridge {
  const viaMain = async (op: 'pick' | 'permit', key: string, options: DirectoryPickerOptions) => {
    await callMain!(op, key, options);
    const details = await (await load()).getDetails(key);
    if (!details) throw new Error(`The main thread stored no folder for ${key}`);
    return details.handler;
  };
  // Both interpreters are Emscripten builds: one FS API.
  const fsOf = () => (interpreter.raw as { FS: EmscriptenFS & { unmount(path: string): void } }).FS;
  return {
    details: async (key) => (await load()).getDetails(key),
    pick: async (key, options) => (callMain ? viaMain('pick', key, options) : (await load()).pick(key, options)),
    permit: async (key) => (callMain ? viaMain('permit', key, {}) : (await load()).permit(key)),
    forget: async (key) => (await load()).forget(key),
    async mount(path, handle) {
      if (interpreter.kind === 'pyodide') return (interpreter.raw as PyodideFs).mountNativeFS(path, handle);
      return (await load()).mountMicroPython(fsOf(), path, handle);
    },
    unmount: (path) => fsOf().unmount(path),
  };
}
