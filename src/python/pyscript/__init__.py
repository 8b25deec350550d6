"""The ``pyscript`` package: PyScript's Python API, the same on Pyodide and
MicroPython, on the main thread and in workers.

Everything host-specific comes from ``_pyscript``, a JavaScript module the
runtime registers before any user code runs.
"""

import _pyscript

from pyscript.context import RUNNING_IN_WORKER, document, window

import json as _json  # noqa: E402

import js as _js  # noqa: E402

#: The parsed config of this interpreter (``<py-config>``, ``config=``), as a dict.
config = _json.loads(_js.JSON.stringify(_pyscript.config))

from pyscript import ffi  # noqa: E402
from pyscript.display import HTML, display  # noqa: E402
from pyscript.fetch import fetch  # noqa: E402
from pyscript.storage import Storage, storage  # noqa: E402
from pyscript.sync import sync  # noqa: E402
from pyscript.util import current_target, js_import  # noqa: E402
from pyscript.workers import MPWorker, PyWorker, workers  # noqa: E402

# Imported on first use (PEP 562): compiling every submodule up front adds to
# the start-up time of every page. Only names that are not also the name of
# a submodule can be lazy: `from pyscript import fetch` would otherwise give
# the module `pyscript.fetch` on MicroPython, not the function.
_LAZY = {
    "WebSocket": ("pyscript.websocket", "WebSocket"),
    "web": ("pyscript.web", None),
    "when": ("pyscript.events", "when"),
    "Event": ("pyscript.events", "Event"),
}


def __getattr__(name):
    if name not in _LAZY:
        raise AttributeError("module 'pyscript' has no attribute '" + name + "'")
    module_name, attribute = _LAZY[name]
    module = __import__(module_name, None, None, ["*"])
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value


__all__ = [
    "HTML",
    "MPWorker",
    "PyWorker",
    "RUNNING_IN_WORKER",
    "Event",
    "Storage",
    "WebSocket",
    "config",
    "current_target",
    "display",
    "document",
    "fetch",
    "ffi",
    "js_import",
    "storage",
    "sync",
    "web",
    "when",
    "window",
    "workers",
]
