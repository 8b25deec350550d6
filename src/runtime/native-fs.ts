/**
 * `pyscript.fs`: a folder of the user's disk (File System Access API)
 * mounted into the interpreter's file system. Built alone as
 * `dist/native-fs.js` and loaded by {@link createFsBridge} on first use.
 *
 * The directory handle the user picked is kept in IndexedDB under
 * `path@id`, so a later mount (after a reload, or in a worker, which cannot
 * show the picker) finds it again and only asks for permission. Pyodide
 * mounts with its own `mountNativeFS`. MicroPython has none: the folder's
 * files are copied into a MEMFS mounted at the path, and `syncfs()` writes
 * back what changed there (and removes what was removed), newest wins.
 * @packageDocumentation
 */

/** What IndexedDB keeps per mount key. */
export interface FsDetails {
  handler: FileSystemDirectoryHandle;
  options: DirectoryPickerOptions;
}

/** Options of `showDirectoryPicker()` (not in TypeScript's DOM lib yet). */
export interface DirectoryPickerOptions {
  id?: string;
  mode?: 'read' | 'readwrite';
  startIn?: string;
}

/** A mounted folder: `syncfs()` writes the interpreter's changes to disk. */
export interface NativeMount {
  syncfs(): Promise<void>;
}

const DATABASE = '@pyscript/fs';
const STORE = 'handles';

function request<T>(run: (store: IDBObjectStore) => IDBRequest<T>, mode: IDBTransactionMode): Promise<T> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DATABASE, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const transaction = db.transaction(STORE, mode);
      const pending = run(transaction.objectStore(STORE));
      transaction.oncomplete = () => {
        db.close();
        resolve(pending.result);
      };
      transaction.onerror = transaction.onabort = () => {
        db.close();
        reject(transaction.error ?? pending.error);
      };
    };
  });
}

/** The stored handle and picker options of `key`, if any. */
export const getDetails = (key: string): Promise<FsDetails | undefined> =>
  request((store) => store.get(key) as IDBRequest<FsDetails | undefined>, 'readonly');

/** Forgets `key`; resolves to whether it was stored. */
export async function forget(key: string): Promise<boolean> {
  const had = (await getDetails(key)) !== undefined;
  if (had) await request((store) => store.delete(key), 'readwrite');
  return had;
}

type PickerWindow = { showDirectoryPicker?(options: DirectoryPickerOptions): Promise<FileSystemDirectoryHandle> };
type PermissionHandle = FileSystemDirectoryHandle & {
  requestPermission?(options: { mode?: string }): Promise<PermissionState>;
};

/**
 * Main thread: asks the user for a folder and stores its handle under `key`.
 * @throws Error when the browser has no File System Access API (only Chromium has it)
 */
export async function pick(key: string, options: DirectoryPickerOptions): Promise<FileSystemDirectoryHandle> {
  const picker = (globalThis as PickerWindow).showDirectoryPicker;
  if (!picker) {
    throw new Error('pyscript.fs needs the File System Access API (window.showDirectoryPicker), which only Chromium-based browsers have');
  }
  const handler = await picker.call(globalThis, { ...options });
  await request((store) => store.put({ handler, options: { ...options } }, key), 'readwrite');
  return handler;
}

/** Main thread: asks the user again for permission on the folder stored under `key`. */
export async function permit(key: string): Promise<FileSystemDirectoryHandle> {
  const details = await getDetails(key);
  if (!details) throw new Error(`No folder is stored for ${key}: mount it again`);
  const handle = details.handler as PermissionHandle;
  const state = await handle.requestPermission?.({ mode: details.options.mode });
  if (state !== 'granted') throw new Error(`Permission to use the folder "${handle.name}" was not granted`);
  return details.handler;
}

/** What a worker asks the main thread (through `sync`) to do: only main can show the picker. */
export async function serveMain(op: 'pick' | 'permit', key: string, options: DirectoryPickerOptions): Promise<boolean> {
  if (op === 'pick') await pick(key, options);
  else await permit(key);
  return true;
}

/** The parts of Emscripten's FS (and PATH) that the MicroPython mount uses. */
export interface EmscriptenFS {
  filesystems: { MEMFS: unknown };
  mkdirTree(path: string): void;
  mount(type: unknown, options: object, mountpoint: string): unknown;
  lookupPath(path: string, options?: object): { node: { mode: number; contents?: object } };
  isMountpoint(node: object): boolean;
  isDir(mode: number): boolean;
  isFile(mode: number): boolean;
  stat(path: string): { mode: number; mtime: Date | number };
  readdir(path: string): string[];
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array): void;
  mkdir(path: string): void;
  rmdir(path: string): void;
  unlink(path: string): void;
  utime(path: string, atime: number, mtime: number): void;
}

interface Entry {
  kind: 'file' | 'directory';
  /** Last change, in ms; 0 for directories. */
  time: number;
}

/** Every entry under `root` of the interpreter's file system, by path relative to it. */
function localEntries(FS: EmscriptenFS, root: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const walk = (relative: string) => {
    for (const name of FS.readdir(`${root}${relative}`)) {
      if (name === '.' || name === '..') continue;
      const path = `${relative}/${name}`;
      const stat = FS.stat(`${root}${path}`);
      if (FS.isDir(stat.mode)) {
        entries.set(path, { kind: 'directory', time: 0 });
        walk(path);
      } else if (FS.isFile(stat.mode)) {
        entries.set(path, { kind: 'file', time: new Date(stat.mtime).getTime() });
      }
    }
  };
  walk('');
  return entries;
}

type Handle = FileSystemDirectoryHandle | FileSystemFileHandle;
type IterableDirectory = FileSystemDirectoryHandle & { values(): AsyncIterable<Handle> };

/** Every entry under the folder, by path relative to it, with its handle. */
async function remoteEntries(folder: FileSystemDirectoryHandle): Promise<Map<string, Entry & { handle: Handle }>> {
  const entries = new Map<string, Entry & { handle: Handle }>();
  const walk = async (directory: FileSystemDirectoryHandle, relative: string) => {
    for await (const handle of (directory as IterableDirectory).values()) {
      const path = `${relative}/${handle.name}`;
      if (handle.kind === 'directory') {
        entries.set(path, { kind: 'directory', time: 0, handle });
        await walk(handle as FileSystemDirectoryHandle, path);
      } else {
        const file = await (handle as FileSystemFileHandle).getFile();
        entries.set(path, { kind: 'file', time: file.lastModified, handle });
      }
    }
  };
  await walk(folder, '');
  return entries;
}

const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/'));
const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

async function remoteDirectory(folder: FileSystemDirectoryHandle, path: string): Promise<FileSystemDirectoryHandle> {
  let directory = folder;
  for (const part of path.split('/').filter(Boolean)) directory = await directory.getDirectoryHandle(part, { create: true });
  return directory;
}

/** Folder → interpreter: copies what is new or newer, removes what is gone. */
async function populate(FS: EmscriptenFS, root: string, folder: FileSystemDirectoryHandle): Promise<void> {
  const local = localEntries(FS, root);
  const remote = await remoteEntries(folder);
  for (const path of [...remote.keys()].sort()) {
    const entry = remote.get(path)!;
    const mine = local.get(path);
    if (entry.kind === 'directory') {
      if (!mine) FS.mkdir(`${root}${path}`);
    } else if (!mine || entry.time > mine.time) {
      const file = await (entry.handle as FileSystemFileHandle).getFile();
      FS.writeFile(`${root}${path}`, new Uint8Array(await file.arrayBuffer()));
      FS.utime(`${root}${path}`, entry.time, entry.time);
    }
  }
  for (const path of [...local.keys()].sort().reverse()) {
    if (remote.has(path)) continue;
    if (local.get(path)!.kind === 'directory') FS.rmdir(`${root}${path}`);
    else FS.unlink(`${root}${path}`);
  }
}

/** Interpreter → folder: writes what is new or newer, removes what is gone. */
async function persist(FS: EmscriptenFS, root: string, folder: FileSystemDirectoryHandle): Promise<void> {
  const local = localEntries(FS, root);
  const remote = await remoteEntries(folder);
  for (const path of [...local.keys()].sort()) {
    const entry = local.get(path)!;
    const theirs = remote.get(path);
    if (entry.kind === 'directory') {
      if (!theirs) await remoteDirectory(folder, path);
    } else if (!theirs || entry.time > theirs.time) {
      const directory = await remoteDirectory(folder, parentOf(path));
      const file = await directory.getFileHandle(nameOf(path), { create: true });
      const writable = await file.createWritable();
      await writable.write(FS.readFile(`${root}${path}`) as Uint8Array<ArrayBuffer>);
      await writable.close();
      // The copy on disk is now the newer one: keep the local file from looking changed.
      const written = (await file.getFile()).lastModified;
      FS.utime(`${root}${path}`, written, written);
    }
  }
  for (const path of [...remote.keys()].sort().reverse()) {
    if (local.has(path)) continue;
    const directory = await remoteDirectory(folder, parentOf(path));
    await directory.removeEntry(nameOf(path), { recursive: true }).catch((error: DOMException) => {
      if (error.name !== 'NotFoundError') throw error; // already gone with its parent
    });
  }
}

/**
 * MicroPython: mounts `folder` at `path` (an empty or new directory) as a
 * MEMFS filled with the folder's files.
 * @throws Error when `path` is a mount point already, a file, or not empty
 */
export async function mountMicroPython(FS: EmscriptenFS, path: string, folder: FileSystemDirectoryHandle): Promise<NativeMount> {
  const root = path.replace(/\/+$/, '') || '/';
  FS.mkdirTree(root);
  const { node } = FS.lookupPath(root, { follow_mount: false });
  if (FS.isMountpoint(node)) throw new Error(`path '${root}' is already a file system mount point`);
  if (!FS.isDir(node.mode)) throw new Error(`path '${root}' points to a file, not a directory`);
  if (FS.readdir(root).some((name) => name !== '.' && name !== '..')) throw new Error(`directory '${root}' is not empty`);
  FS.mount(FS.filesystems.MEMFS, {}, root);
  await populate(FS, root, folder);
  return { syncfs: () => persist(FS, root, folder) };
}
