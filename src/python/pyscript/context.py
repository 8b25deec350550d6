"""Where the code runs: ``window``, ``document`` and ``RUNNING_IN_WORKER``,
from the ``_pyscript`` bridge (in a worker, proxies of the main thread's).
"""

import _pyscript
from pyscript.util import MICROPYTHON

RUNNING_IN_WORKER = bool(_pyscript.RUNNING_IN_WORKER)

if MICROPYTHON and not RUNNING_IN_WORKER:
    # MicroPython keeps one reference per JavaScript function along with how
    # it was reached, so calling a global such as `setTimeout` both as
    # `js.setTimeout` and through another proxy of `globalThis` makes one of
    # them pass the wrong `this` ("Illegal invocation"). On the main thread
    # the bridge's window *is* globalThis: use the `js` module for it, as
    # PyScript does.
    import js as window
else:
    window = _pyscript.window

document = _pyscript.document
if getattr(_pyscript, "unavailable", ""):  # a worker that cannot block on main (no SharedArrayBuffer)
    from pyscript.sync import unavailable_main as _unavailable

    window = document = _unavailable()

__all__ = ["RUNNING_IN_WORKER", "document", "window"]
