"""The ``pyscript`` package: PyScript's Python API, the same on Pyodide and
MicroPython, on the main thread and in workers.

Everything host-specific comes from ``_pyscript``, a JavaScript module the
runtime registers before any user code runs.
"""

import _pyscript

RUNNING_IN_WORKER = bool(_pyscript.RUNNING_IN_WORKER)
window = _pyscript.window
document = _pyscript.document

import json as _json  # noqa: E402

import js as _js  # noqa: E402

#: The parsed config of this interpreter (``<py-config>``, ``config=``), as a dict.
config = _json.loads(_js.JSON.stringify(_pyscript.config))

from pyscript.display import HTML, display  # noqa: E402
from pyscript.util import current_target  # noqa: E402

__all__ = [
    "HTML",
    "RUNNING_IN_WORKER",
    "config",
    "current_target",
    "display",
    "document",
    "window",
]
