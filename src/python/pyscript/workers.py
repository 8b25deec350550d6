"""Python workers started from Python, and named workers.

``PyWorker(url, options)`` / ``MPWorker(url, options)`` start a worker running
the Python file at ``url`` and return its handle at once: ``handle.sync``
works both ways (``handle.sync.fn = fn`` for the worker to call,
``await handle.sync.worker_fn()``), ``await handle.ready``,
``handle.terminate()``. ``options`` is a dict: ``type`` (``"pyodide"`` or
``"micropython"``, overriding the function's default), ``config`` (a dict or
the URL of a config file), ``service_worker``, ``name``.

``await workers["name"]`` gives the ``sync`` of the worker script with
``name="name"`` once it is ready.
"""

import json

import _pyscript


def _options(options):
    if options is None:
        return "{}"
    if isinstance(options, dict):
        return json.dumps(options)
    import js

    return js.JSON.stringify(options)


def PyWorker(url, options=None):
    """Start a Pyodide worker (or the ``type`` in ``options``) running ``url``."""
    return _pyscript.create_worker(url, _options(options), "pyodide")


def MPWorker(url, options=None):
    """Start a MicroPython worker (or the ``type`` in ``options``) running ``url``."""
    return _pyscript.create_worker(url, _options(options), "micropython")


class _Workers:
    """``workers[name]``: a promise of the named worker's ``sync``."""

    def __getitem__(self, name):
        return _pyscript.get_worker(str(name))

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _pyscript.get_worker(name)


workers = _Workers()
