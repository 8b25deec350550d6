"""``sync``: the worker side of the worker ↔ main bridge.

In a worker, ``sync.name = function`` lets the main thread call ``function``
(``await worker.sync.name()`` in JavaScript), and ``sync.name(...)`` calls
what the main thread put on ``worker.sync`` and blocks until it returns. On
the main thread, ``sync`` is a :class:`~pyscript.util.NotSupported`: use the
``.sync`` of a ``PyWorker`` instead.
"""

import _pyscript
from pyscript.util import NotSupported

if _pyscript.RUNNING_IN_WORKER:
    sync = _pyscript.sync
else:
    sync = NotSupported(
        "pyscript.sync",
        "pyscript.sync is only available in a worker; on the main thread use the .sync of a PyWorker",
    )


def unavailable_main():
    """``window``/``document`` of a worker that cannot block on the main
    thread: every use raises the documented ``RuntimeError``."""

    # Defined here: only such workers pay for the class.
    class Unavailable(NotSupported):
        def __getattr__(self, attr):
            raise RuntimeError(self.error)

        def __setattr__(self, attr, value):
            raise RuntimeError(self.error)

        def __call__(self, *args, **kwargs):
            raise RuntimeError(self.error)

    return Unavailable("pyscript.window", _pyscript.unavailable)
