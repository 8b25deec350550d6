"""``micropip`` for PyScript on Pyodide: ``await micropip.install(...)``.

The API of micropip 0.11 (``install``, ``list``, ``uninstall``, ``freeze``,
``set_index_urls``, ``set_constraints``). Resolving, downloading and
installing happen in JavaScript, in the resolver that installs a config's
``packages``: the same lock file, the same ``index_urls`` (the default here),
the same package cache. Its errors are raised as ``ValueError``, as
micropip's are.
"""

import json
import re
import sys

import _pyscript
import js
import pyodide_js
from pyodide.ffi import JsException, to_js

__version__ = "0.11.1"

__all__ = [
    "PackageDict",
    "PackageMetadata",
    "__version__",
    "freeze",
    "install",
    "list",
    "set_constraints",
    "set_index_urls",
    "uninstall",
]

_list = list
_FAQ = "https://pyodide.org/en/stable/usage/faq.html#why-can-t-micropip-find-a-pure-python-wheel-for-a-package"

#: Set by ``set_index_urls``; ``None``: the config's ``index_urls`` (PyPI when it has none).
_index_urls = None
_constraints = []


def _canonical(name):
    return re.sub(r"[-_.]+", "-", name).lower()


class PackageMetadata:
    """One installed package: ``name``, ``version`` and ``source``."""

    def __init__(self, name, version="", source=""):
        self.name = name
        self.version = version
        self.source = source

    def __iter__(self):
        return iter((self.name, self.version, self.source))

    def __eq__(self, other):
        return isinstance(other, PackageMetadata) and tuple(self) == tuple(other)

    def __repr__(self):
        return f"PackageMetadata(name={self.name!r}, version={self.version!r}, source={self.source!r})"

    @staticmethod
    def keys():
        return ("name", "version", "source")


class PackageDict(dict):
    """Installed packages by name (looked up normalized); prints as a table."""

    def __getitem__(self, key):
        return super().__getitem__(_canonical(key))

    def __setitem__(self, key, value):
        super().__setitem__(_canonical(key), value)

    def __contains__(self, key):
        return super().__contains__(_canonical(key))

    def __repr__(self):
        rows = [[key.capitalize() for key in PackageMetadata.keys()]] + [_list(pkg) for pkg in self.values()]
        widths = [max(len(str(row[i])) for row in rows) for i in range(3)]

        def line(values, fill=" "):
            return " | ".join(str(value).ljust(width, fill) for value, width in zip(values, widths)).rstrip()

        return "\n".join([line(rows[0]), line([""] * 3, "-")] + [line(row) for row in rows[1:]])


def set_index_urls(urls):
    """Set the indexes ``install()`` asks when it is given no ``index_urls``."""
    global _index_urls
    _index_urls = [urls] if isinstance(urls, str) else _list(urls)


def set_constraints(constraints):
    """Set the constraints ``install()`` uses when it is given no ``constraints``."""
    global _constraints
    _constraints = _list(constraints)


def _refresh_imports():
    # importlib.invalidate_caches(), without importing importlib.metadata for it.
    for finder in _list(sys.path_importer_cache.values()):
        if type(finder).__name__ == "FileFinder":
            finder.invalidate_caches()
    if "importlib.metadata" in sys.modules:
        sys.modules["importlib.metadata"].MetadataPathFinder.invalidate_caches()


def _js_message(error):
    message = getattr(error, "message", None)
    return str(message) if message else str(error)


async def install(
    requirements,
    keep_going=False,
    deps=True,
    credentials=None,
    pre=False,
    index_urls=None,
    *,
    constraints=None,
    reinstall=False,
    verbose=None,
):
    """Install the given packages and their dependencies.

    ``requirements`` is a requirement (``"pkg"``, ``"pkg>=1.2"``,
    ``"pkg[extra]"``, ``"pkg @ https://.../pkg-1.0-py3-none-any.whl"``) or a
    wheel URL, or a list of them. Names are found in Pyodide's lock file or
    in ``index_urls`` (the config's, else PyPI's Simple API).
    """
    import importlib.metadata

    if isinstance(requirements, str):
        requirements = [requirements]
    if index_urls is None:
        index_urls = _index_urls
    if isinstance(index_urls, str):
        index_urls = [index_urls]
    installed = {}
    for dist in importlib.metadata.distributions():
        name = dist.metadata["Name"]
        if name:
            installed[_canonical(name)] = dist.version
    options = {
        "keep_going": bool(keep_going),
        "deps": bool(deps),
        "pre": bool(pre),
        "reinstall": bool(reinstall),
        "installed": installed,
        "constraints": _list(_constraints if constraints is None else constraints),
    }
    if credentials:
        options["credentials"] = credentials
    if index_urls is not None:
        options["index_urls"] = _list(index_urls)
    try:
        plan = await _pyscript.micropip.resolve(
            to_js(_list(requirements)), to_js(options, dict_converter=js.Object.fromEntries)
        )
    except JsException as error:
        raise ValueError(_js_message(error)) from None
    failures = _list(plan.failures)
    if failures:
        names = ", ".join(f"'{failure.requirement}'" for failure in failures)
        details = "\n".join(str(failure.message) for failure in failures)
        raise ValueError(f"Can't find a pure Python 3 wheel for: {names}\nSee: {_FAQ}\n{details}")
    for name in plan.replaces:
        _uninstall(name, verbose)
    try:
        await plan.install()
    except JsException as error:
        raise ValueError(_js_message(error)) from None
    _refresh_imports()
    if verbose and plan.packages.length:
        print("Successfully installed " + ", ".join(str(pkg).replace("==", "-") for pkg in plan.packages))


def list():  # noqa: A001 - micropip's name
    """The installed packages that micropip or ``loadPackage`` installed, as a ``PackageDict``."""
    import importlib.metadata

    packages = PackageDict()
    for dist in importlib.metadata.distributions():
        source = dist.read_text("PYODIDE_SOURCE")
        name = dist.metadata["Name"]
        if source is None or not name:
            continue
        packages[name] = PackageMetadata(name=name, version=dist.version, source=source.strip())
    lock = pyodide_js._api.lockfile_packages
    for name, source in pyodide_js.loadedPackages.to_py().items():
        if name in packages:
            continue
        entry = getattr(lock, name, None)
        if entry is not None:
            version = entry.version
            source = "pyodide" if source == "default channel" else source
        else:
            version = "unknown"
        packages[name] = PackageMetadata(name=name, version=version, source=source)
    return packages


def _uninstall(name, verbose):
    import importlib.metadata
    from pathlib import Path

    try:
        dist = importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        print(f"WARNING: Skipping '{name}' as it is not installed.", file=sys.stderr)
        return
    info = Path(dist._path)  # the .dist-info directory
    root = info.parent
    files = {(root / file).resolve() for file in dist.files or []}
    files.update(info.glob("*"))
    dirs = set()
    for file in files:
        if file.is_file() or file.is_symlink():
            file.unlink()
            dirs.add(file.parent)
    for folder in sorted(dirs | {info}, key=lambda path: len(path.parts), reverse=True):
        while folder != root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    try:
        delattr(pyodide_js.loadedPackages, _canonical(name))
    except AttributeError:
        pass
    if verbose:
        print(f"Successfully uninstalled {dist.metadata['Name']}-{dist.version}")


def uninstall(packages, verbose=False):
    """Uninstall packages: remove the files their ``RECORD`` lists and their ``.dist-info``."""
    for name in [packages] if isinstance(packages, str) else packages:
        _uninstall(name, verbose)
    _refresh_imports()


def freeze():
    """A ``pyodide-lock.json`` (as a string) with the lock file's packages and those micropip installed."""
    import importlib.metadata
    from pathlib import Path

    lock = {
        "info": pyodide_js._api.lockfile_info.to_py(),
        "packages": pyodide_js._api.lockfile_packages.to_py(),
    }
    for dist in importlib.metadata.distributions():
        if (dist.read_text("INSTALLER") or "").strip() != "micropip":
            continue
        name = _canonical(dist.metadata["Name"])
        top = dist.read_text("top_level.txt")
        imports = top.split() if top else sorted({Path(str(file)).parts[0] for file in dist.files or [] if not str(file).startswith(".")})
        lock["packages"][name] = {
            "name": name,
            "version": dist.version,
            "file_name": (dist.read_text("PYODIDE_URL") or "").strip(),
            "install_dir": "site",
            "sha256": (dist.read_text("PYODIDE_SHA256") or "").strip(),
            "package_type": "package",
            "imports": [name for name in imports if not name.endswith((".dist-info", ".data"))],
            "depends": json.loads(dist.read_text("PYODIDE_REQUIRES") or "[]"),
        }
    return json.dumps(lock)
