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

from pyscript import ffi, web  # noqa: E402
from pyscript.display import HTML, display  # noqa: E402
from pyscript.events import Event, when  # noqa: E402
from pyscript.fetch import fetch  # noqa: E402
from pyscript.storage import Storage, storage  # noqa: E402
from pyscript.util import current_target, js_import  # noqa: E402
from pyscript.websocket import WebSocket  # noqa: E402
from pyscript.sync import sync  # noqa: E402
from pyscript.workers import MPWorker, PyWorker, workers  # noqa: E402

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
