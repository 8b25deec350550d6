"""The ``pyscript`` package: PyScript's Python API, the same on Pyodide and
MicroPython, on the main thread and in workers.

Everything host-specific comes from ``_pyscript``, a JavaScript module the
runtime registers before any user code runs.
"""

import _pyscript

from pyscript.context import RUNNING_IN_WORKER, document, window

from pyscript.util import json as _json  # noqa: E402

import js as _js  # noqa: E402

#: The parsed config of this interpreter (``<py-config>``, ``config=``), as a
#: dict; ``config["type"]`` is ``"py"`` (Pyodide) or ``"mpy"`` (MicroPython).
config = _json.loads(_js.JSON.stringify(_pyscript.config))
config["type"] = "mpy" if _pyscript.interpreter == "micropython" else "py"

from pyscript import ffi  # noqa: E402
from pyscript.display import HTML, display  # noqa: E402
from pyscript.fetch import fetch  # noqa: E402
from pyscript.sync import sync  # noqa: E402
from pyscript.util import current_target, js_import  # noqa: E402
from pyscript.workers import MPWorker, PyWorker, create_named_worker, workers  # noqa: E402

# Imported on first use (PEP 562): loading every submodule up front adds to
# the start-up time of every page. A name that is also a submodule's name
# (`fetch`, `storage`, `sync`, `workers`) cannot wait for `__getattr__`: once
# anything imports the submodule, the package attribute is the module, and
# `from pyscript import fetch` gives the module on MicroPython. Those stay
# eager, except `storage`, the costly one, which has a stand-in below.
_LAZY = {
    "Storage": ("pyscript.storage", "Storage"),
    "WebSocket": ("pyscript.websocket", "WebSocket"),
    "web": ("pyscript.web", None),
    # A submodule: without this entry `from pyscript import js_modules`
    # raises AttributeError on MicroPython (CPython falls back to importing it).
    "js_modules": ("pyscript.js_modules", None),
    "fs": ("pyscript.fs", None),
    "media": ("pyscript.media", None),
    "py_import": ("pyscript._imports", "py_import"),
    "when": ("pyscript.events", "when"),
    "Event": ("pyscript.events", "Event"),
}


def __getattr__(name):
    if name not in _LAZY:
        raise AttributeError("module 'pyscript' has no attribute '" + name + "'")
    module_name, attribute = _LAZY[name]
    names = globals()
    short = module_name.rpartition(".")[2]
    shadowed = names.get(short)
    module = __import__(module_name, None, None, ["*"])
    if shadowed is not None:
        # The import bound the submodule to its own name (`storage`).
        names[short] = shadowed
    value = module if attribute is None else getattr(module, attribute)
    names[name] = value
    return value


def storage(name, storage_class=None):
    """Open (or create) the persistent store ``name``; see ``pyscript.storage``.

    A stand-in that loads the submodule on first use (it costs ~15 ms at
    start-up on MicroPython). Importing it binds the module to this name,
    so the real function is put back in its place.
    """
    module = __import__("pyscript.storage", None, None, ["*"])
    globals()["storage"] = module.storage
    return module.storage(name, storage_class or module.Storage)


__all__ = [
    "HTML",
    "MPWorker",
    "PyWorker",
    "RUNNING_IN_WORKER",
    "Event",
    "Storage",
    "WebSocket",
    "config",
    "create_named_worker",
    "current_target",
    "display",
    "document",
    "fetch",
    "ffi",
    "fs",
    "js_import",
    "js_modules",
    "media",
    "py_import",
    "storage",
    "sync",
    "util",
    "web",
    "when",
    "window",
    "workers",
]
