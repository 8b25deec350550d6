"""Where the code runs: ``window``, ``document`` and ``RUNNING_IN_WORKER``,
from the ``_pyscript`` bridge (in a worker, proxies of the main thread's).
"""

import _pyscript

RUNNING_IN_WORKER = bool(_pyscript.RUNNING_IN_WORKER)

window = _pyscript.window
document = _pyscript.document
#: The element with an id, in the document or in the shadow roots scripts run in.
find_element = _pyscript.find_element
if getattr(_pyscript, "unavailable", ""):  # a worker that cannot block on main (no SharedArrayBuffer)
    from pyscript.sync import unavailable_main as _unavailable

    window = document = _unavailable()

    def find_element(id):  # noqa: F811 - raises the documented RuntimeError, like document
        return document.getElementById(id)

__all__ = ["RUNNING_IN_WORKER", "document", "find_element", "window"]
