/**
 * The interpreter that packages are resolved for. Before Pyodide is up, its
 * `pyodide-lock.json` says enough (`info.python`, `info.platform`,
 * `info.abi_version`) to pick wheels and evaluate markers; once it is up,
 * {@link ENVIRONMENT_CODE} reads the real values (the lock names the minor
 * Python release it was made for, `3.14.0`, not the build's `3.14.2`).
 * @packageDocumentation
 */
import type { MarkerEnvironment } from './markers.js';
import type { Platform } from './wheel-name.js';

/** `info` of a `pyodide-lock.json`. */
export interface LockInfo {
  python: string;
  platform: string;
  abi_version: string;
  arch?: string;
}

/** One `packages` entry of a `pyodide-lock.json`. */
export interface LockPackage {
  name: string;
  version: string;
  file_name: string;
  sha256: string;
  depends: string[];
  imports?: string[];
  package_type?: string;
  install_dir?: string;
}

/** A parsed `pyodide-lock.json`. */
export interface Lockfile {
  info: LockInfo;
  packages: Record<string, LockPackage>;
}

/** The platform a lock file was made for. */
export function platformOfLock(info: LockInfo): Platform {
  const [major, minor] = info.python.split('.').map(Number);
  return { python: [major, minor], abi: info.abi_version, emscripten: info.platform.replace(/^emscripten_/, '') };
}

/** The marker environment Pyodide will have, as far as its lock file tells. */
export function environmentOfLock(info: LockInfo): MarkerEnvironment {
  const [major, minor] = info.python.split('.');
  return {
    implementation_name: 'cpython',
    implementation_version: info.python,
    os_name: 'posix',
    platform_machine: info.arch ?? 'wasm32',
    platform_release: info.platform.replace(/^emscripten_/, '').replace(/_/g, '.'),
    platform_system: 'Emscripten',
    platform_version: '#1',
    python_full_version: info.python,
    platform_python_implementation: 'CPython',
    python_version: `${major}.${minor}`,
    sys_platform: 'emscripten',
  };
}

/**
 * Python that evaluates to the running interpreter's marker environment as
 * a JSON string (what `packaging.markers.default_environment()` returns).
 */
export const ENVIRONMENT_CODE = `
def _pyscript_marker_environment():
    import json, os, platform, sys
    def full(info):
        version = "%d.%d.%d" % (info.major, info.minor, info.micro)
        if info.releaselevel != "final":
            version += info.releaselevel[0] + str(info.serial)
        return version
    return json.dumps({
        "implementation_name": sys.implementation.name,
        "implementation_version": full(sys.implementation.version),
        "os_name": os.name,
        "platform_machine": platform.machine(),
        "platform_release": platform.release(),
        "platform_system": platform.system(),
        "platform_version": platform.version(),
        "python_full_version": platform.python_version(),
        "platform_python_implementation": platform.python_implementation(),
        "python_version": ".".join(platform.python_version_tuple()[:2]),
        "sys_platform": sys.platform,
    })
_pyscript_marker_environment()
`;
