"""JavaScript modules named in the config's ``js_modules`` table.

Each ``"url" = "name"`` entry is imported by the host before any Python
runs, and is importable here::

    from pyscript.js_modules import d3
    from pyscript.js_modules.d3 import select

In a worker, the ``worker`` table's modules are imported in the worker and
the ``main`` table's on the main thread, on first use, and used through
their proxies (this needs the blocking bridge to the main thread, as
``window`` does). Reading an export the module does not have raises
``AttributeError`` saying so, as a JavaScript ``import { name }`` would.
"""

import sys

import _pyscript

_registry = getattr(_pyscript, "js_modules", None)


class JSModule:
    """A JavaScript module namespace; attribute access reads its exports."""

    def __init__(self, name, url=None):
        self._name = name
        self._main_url = url
        self._url = url or _registry.url(name)
        self._module = None if url else _registry.module(name)

    def _namespace(self):
        if self._module is None:
            # A main-table module seen from a worker: imported there on first use.
            self._module = _pyscript.import_main(self._url)
        return self._module

    def _has(self, field):
        if self._main_url is None:
            return _registry.has(self._name, field)
        return _pyscript.window.Reflect.has(self._namespace(), field)

    def __getattr__(self, field):
        if field.startswith("__"):
            raise AttributeError(field)
        if self._has(field):
            return getattr(self._namespace(), field)
        raise AttributeError(
            "The requested module '"
            + self._url
            + "' does not provide an export named '"
            + field
            + "'"
        )

    def __repr__(self):
        return "<JSModule " + self._name + " from " + self._url + ">"


def _main_table():
    if not _pyscript.RUNNING_IN_WORKER or getattr(_pyscript, "import_main", None) is None:
        return {}
    import json

    import js

    config = json.loads(js.JSON.stringify(_pyscript.config))
    table = (config.get("js_modules") or {}).get("main") or {}
    return {name: url for url, name in table.items()}


_names = [str(name) for name in _registry.names()] if _registry is not None else []

for _name in _names:
    sys.modules["pyscript.js_modules." + _name] = JSModule(_name)
for _name, _url in _main_table().items():
    if _name not in _names:
        _names.append(_name)
        sys.modules["pyscript.js_modules." + _name] = JSModule(_name, _url)


def __getattr__(name):
    if name in _names:
        return sys.modules["pyscript.js_modules." + name]
    if name.startswith("__"):
        raise AttributeError(name)
    configured = ", ".join(_names) or "none"
    raise ImportError(
        "No JavaScript module named '"
        + name
        + "': add it to js_modules.main (or js_modules.worker) in the config"
        + " (configured: "
        + configured
        + ")"
    )
