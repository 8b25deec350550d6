"""Python workers started from Python, and named workers.

``PyWorker(url, options)`` / ``MPWorker(url, options)`` start a worker running
the Python file at ``url`` and return its handle at once: ``handle.sync``
works both ways (``handle.sync.fn = fn`` for the worker to call,
``await handle.sync.worker_fn()``), ``await handle.ready``,
``handle.terminate()``. ``options`` is a dict: ``type`` (``"pyodide"`` or
``"micropython"``, overriding the function's default), ``config`` (a dict or
the URL of a config file), ``service_worker``, ``name``.

``await workers["name"]`` gives the ``sync`` of the worker script with
``name="name"`` once it is ready, and ``await create_named_worker(src, name)``
starts such a worker from Python. Workers are started from the main thread
only.
"""

import _pyscript
from pyscript.util import json


def _main_thread_only(name):
    # Checked here, not left to the JavaScript side: MicroPython cannot
    # catch an error thrown by a JavaScript call.
    if _pyscript.RUNNING_IN_WORKER:
        raise RuntimeError(name + " is only available on the main thread")


def _options(options):
    if options is None:
        return "{}"
    if isinstance(options, dict):
        return json.dumps(options)
    import js

    return js.JSON.stringify(options)


def PyWorker(url, options=None):
    """Start a Pyodide worker (or the ``type`` in ``options``) running ``url``."""
    _main_thread_only("PyWorker")
    return _pyscript.create_worker(url, _options(options), "pyodide")


def MPWorker(url, options=None):
    """Start a MicroPython worker (or the ``type`` in ``options``) running ``url``."""
    _main_thread_only("MPWorker")
    return _pyscript.create_worker(url, _options(options), "micropython")


class _Workers:
    """``workers[name]``: a promise of the named worker's ``sync``."""

    def __getitem__(self, name):
        _main_thread_only("pyscript.workers")
        return _pyscript.get_worker(str(name))

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        _main_thread_only("pyscript.workers")
        return _pyscript.get_worker(name)


workers = _Workers()


async def create_named_worker(src, name, config=None, type="py"):
    """Start a worker named ``name`` running the Python file ``src``; return its ``sync``.

    ``config`` is a dict or the text/URL of a config; ``type`` is ``"py"``
    (Pyodide) or ``"mpy"`` (MicroPython). The result is what
    ``await workers[name]`` gives: the names the worker's ``__export__`` lists
    are callable on it. Raises the worker's error if it cannot start.
    """
    _main_thread_only("create_named_worker")
    options = {"name": str(name), "type": type}
    if config:
        options["config"] = config
    handle = _pyscript.create_worker(str(src), json.dumps(options), "pyodide")
    await handle.ready
    return await workers[name]
