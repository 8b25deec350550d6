"""JavaScript modules named in the config's ``js_modules`` table.

Each ``"url" = "name"`` entry is imported by the host before any Python
runs, and is importable here::

    from pyscript.js_modules import d3
    from pyscript.js_modules.d3 import select

Reading an export the module does not have raises ``AttributeError`` saying
so, as a JavaScript ``import { name }`` would.
"""

import sys

import _pyscript

_registry = getattr(_pyscript, "js_modules", None)


class JSModule:
    """A JavaScript module namespace; attribute access reads its exports."""

    def __init__(self, name):
        self._name = name
        self._url = _registry.url(name)
        self._module = _registry.module(name)

    def __getattr__(self, field):
        if _registry.has(self._name, field):
            return getattr(self._module, field)
        raise AttributeError(
            "The requested module '"
            + self._url
            + "' does not provide an export named '"
            + field
            + "'"
        )

    def __repr__(self):
        return "<JSModule " + self._name + " from " + self._url + ">"


_names = [str(name) for name in _registry.names()] if _registry is not None else []

for _name in _names:
    sys.modules["pyscript.js_modules." + _name] = JSModule(_name)


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
