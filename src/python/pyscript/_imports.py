"""``py_import()``: import Python modules, installing the missing ones.

Loaded on first use of ``pyscript.py_import`` (a page that does not call
it pays nothing for it at start-up).
"""

import sys

import _pyscript

MICROPYTHON = sys.implementation.name == "micropython"


async def py_import(*names):
    """Import Python modules by name, installing the missing ones first.

    Returns the modules as a list, in order::

        (regex,) = await py_import("regex")

    A module the interpreter can already import is not installed again.
    The others are installed as packages of the same name: on Pyodide with
    ``micropip`` (from ``pyodide-lock.json``, else the config's
    ``index_urls`` or PyPI), on MicroPython with ``mip``. A name that
    cannot be installed raises ``ImportError``.
    """
    missing = [name for name in names if not _importable(name)]
    if missing:
        try:
            await _install(missing)
        except Exception as error:  # noqa: BLE001 - reported as the ImportError it causes
            raise ImportError(
                "py_import could not install " + ", ".join(repr(name) for name in missing) + ": " + str(error)
            ) from None
    return [_import(name) for name in names]


def _importable(name):
    if name in sys.modules:
        return True
    if MICROPYTHON:
        try:
            _import(name)
        except ImportError:
            return False
        return True
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _import(name):
    module = __import__(name)
    for part in name.split(".")[1:]:
        module = getattr(module, part)
    return module


async def _install(names):
    if MICROPYTHON:
        import mip

        for name in names:
            await mip._install_async(name)
        return
    # Our own micropip (src/python/micropip): the config's index_urls are its default.
    import micropip

    await micropip.install(names)
