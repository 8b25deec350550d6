"""One foreign function interface for Pyodide and MicroPython.

- ``create_proxy(func)``: a JavaScript function calling ``func``, kept alive
  for JavaScript to call later (``pyodide.ffi.create_proxy`` /
  ``jsffi.create_proxy``).
- ``to_js(value)``: convert to JavaScript; a ``dict`` always becomes a plain
  object literal (never a ``Map``), also when nested.
- ``is_none(value)``: ``None`` or JavaScript ``null``.
- ``assign(target, *sources)``: ``Object.assign`` with Python dicts.
- ``jsnull``: JavaScript ``null``.
"""

import js

from pyscript.util import MICROPYTHON

if MICROPYTHON:
    # MicroPython shows JavaScript null as None.
    jsnull = None

    from jsffi import create_proxy

    def to_js(value, **kwargs):
        """Convert ``value`` to JavaScript; dicts become object literals.

        MicroPython's own ``jsffi.to_js`` gives a dict as a proxy that only
        looks like an object, so dicts and lists are rebuilt here.
        """
        if isinstance(value, dict):
            result = js.Object.new()
            for key, item in value.items():
                js.Reflect.set(result, key, to_js(item))
            return result
        if isinstance(value, (list, tuple)):
            result = js.Array.new()
            for item in value:
                result.push(to_js(item))
            return result
        return value

else:
    from pyodide.ffi import create_proxy, jsnull
    from pyodide.ffi import to_js as _to_js

    def to_js(value, **kwargs):
        """Convert ``value`` to JavaScript; dicts become object literals.

        Keyword arguments go to ``pyodide.ffi.to_js``; ``dict_converter``
        defaults to ``Object.fromEntries``.
        """
        if "dict_converter" not in kwargs:
            # Object of this thread: conversion is local, never DOM work.
            kwargs["dict_converter"] = js.Object.fromEntries
        return _to_js(value, **kwargs)


def is_none(value):
    """Tell whether ``value`` is ``None`` or JavaScript ``null``."""
    return value is None or value is jsnull


def assign(target, *sources):
    """Copy the entries of each source (dicts or JS objects) onto ``target``.

    Like JavaScript's ``Object.assign``; returns ``target``. This thread's
    ``Object.assign`` does it: in a worker, a main-thread object (a DOM
    element's ``style``…) gets each entry set through its proxy, and a
    worker object is changed in place.
    """
    for source in sources:
        js.Object.assign(target, to_js(source))
    return target


__all__ = ["assign", "create_proxy", "is_none", "jsnull", "to_js"]
