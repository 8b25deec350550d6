"""Where the code runs: ``window``, ``document`` and ``RUNNING_IN_WORKER``,
from the ``_pyscript`` bridge (in a worker, proxies of the main thread's).
"""

import _pyscript

RUNNING_IN_WORKER = bool(_pyscript.RUNNING_IN_WORKER)

window = _pyscript.window
document = _pyscript.document
if getattr(_pyscript, "unavailable", ""):  # a worker that cannot block on main (no SharedArrayBuffer)
    from pyscript.sync import unavailable_main as _unavailable

    window = document = _unavailable()

__all__ = ["RUNNING_IN_WORKER", "document", "window"]
