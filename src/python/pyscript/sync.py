"""``sync``: the worker side of the worker ↔ main bridge.

In a worker, ``sync.name = function`` lets the main thread call ``function``
(``await worker.sync.name()`` in JavaScript), and ``sync.name(...)`` calls
what the main thread put on ``worker.sync`` and blocks until it returns. On
the main thread, ``sync`` is not available: use ``worker.sync`` of a
``PyWorker`` instead.
"""

import _pyscript


class NotSupported:
    """Stands for a name that this context cannot offer; any use raises."""

    def __init__(self, name, reason):
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_reason", reason)

    def __repr__(self):
        return "<NotSupported " + self._name + ">"

    def __getattr__(self, attr):
        raise RuntimeError(self._reason)

    def __setattr__(self, attr, value):
        raise RuntimeError(self._reason)

    def __call__(self, *args, **kwargs):
        raise RuntimeError(self._reason)


if _pyscript.RUNNING_IN_WORKER:
    sync = _pyscript.sync
else:
    sync = NotSupported(
        "pyscript.sync",
        "pyscript.sync is only available in a worker; on the main thread use the .sync of a PyWorker",
    )


def unavailable_main():
    """``window``/``document`` of a worker that cannot block on the main thread."""
    return NotSupported("pyscript.window", _pyscript.unavailable)
