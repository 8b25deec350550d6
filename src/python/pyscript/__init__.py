"""The ``pyscript`` package: PyScript's Python API, the same on Pyodide and
MicroPython, on the main thread and in workers.

Everything host-specific comes from ``_pyscript``, a JavaScript module the
runtime registers before any user code runs.
"""

import _pyscript

RUNNING_IN_WORKER = bool(_pyscript.RUNNING_IN_WORKER)
window = _pyscript.window
document = _pyscript.document

from pyscript.display import HTML, display  # noqa: E402
from pyscript.util import current_target  # noqa: E402

__all__ = [
    "HTML",
    "RUNNING_IN_WORKER",
    "current_target",
    "display",
    "document",
    "window",
]
