"""Small helpers shared by the rest of the package, and the few places
where Pyodide and MicroPython differ (``sys.implementation.name`` tells them
apart).

Public: ``as_bytearray(buffer)``, ``NotSupported(name, error)``,
``is_awaitable(func)``, plus ``current_target`` and ``js_import``, which
the package re-exports.
"""

import sys

import _pyscript

MICROPYTHON = sys.implementation.name == "micropython"

if MICROPYTHON:
    # MicroPython looks for a json.py on every sys.path entry before it
    # takes its built-in json, at each `import json`; its old name is the
    # built-in at once.
    try:
        import ujson as json
    except ImportError:  # a MicroPython without the u-prefixed names
        import json
else:
    import json


def current_target():
    """Return the id of the element that ``display()`` writes to by default.

    That is the ``target`` attribute of the running script when it has one,
    otherwise the output place PyScript made for the script.
    """
    return _pyscript.current_target()


async def js_import(*urls):
    """Import JavaScript modules by URL, in this thread; return them as a list.

    Relative URLs resolve against the page::

        (confetti,) = await js_import("./confetti.js")
    """
    return list(await _pyscript.js_import(*urls))


class NotSupported:
    """Stands for a name this context cannot offer; using it raises.

    Reading or setting an attribute raises ``AttributeError(error)``, and a
    call raises ``TypeError(error)``::

        sync = NotSupported("pyscript.sync", "only in workers")
    """

    def __init__(self, name, error):
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "error", error)

    def __repr__(self):
        return "<NotSupported " + self.name + " [" + self.error + "]>"

    def __getattr__(self, attr):
        raise AttributeError(self.error)

    def __setattr__(self, attr, value):
        raise AttributeError(self.error)

    def __call__(self, *args, **kwargs):
        raise TypeError(self.error)


def escape(text):
    """Escape ``text`` for use as HTML text content (MicroPython has no ``html``)."""
    return (
        str(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )


def as_bytearray(buffer):
    """Copy a JavaScript ``ArrayBuffer`` (or typed array) into a ``bytearray``."""
    if not MICROPYTHON:
        return bytearray(buffer.to_bytes())
    import js

    return bytearray(js.Uint8Array.new(buffer))


def is_awaitable(func):
    """Tell whether calling ``func`` gives something to ``await``.

    MicroPython compiles ``async def`` to generator functions and shows
    closures and bound methods over them only in their ``repr``.
    """
    import inspect

    if not MICROPYTHON:
        return inspect.iscoroutinefunction(func) or inspect.iscoroutinefunction(getattr(func, "__call__", None))
    text = repr(func)
    if "<closure <generator>" in text or ("<bound_method" in text and "<generator>" in text):
        return True
    return inspect.isgeneratorfunction(func)


def is_coroutine(value):
    """Tell whether ``value`` is a started-but-not-run coroutine."""
    if MICROPYTHON:
        return type(value).__name__ == "generator"
    import inspect

    return inspect.iscoroutine(value)


def run_soon(coroutine):
    """Schedule ``coroutine`` on the event loop and return its task."""
    import asyncio

    if MICROPYTHON:
        return asyncio.create_task(coroutine)
    return asyncio.ensure_future(coroutine)


def call_with_event(func, event):
    """Call ``func(event)``, or ``func()`` when it takes no argument.

    Handlers may be written with or without the event parameter. A coroutine
    result is scheduled (and ``None`` returned), so async handlers run too.
    """
    if MICROPYTHON:
        result = _mpy_call_with_event(func, event)
    elif _takes_no_argument(func):
        result = func()
    else:
        result = func(event)
    if is_coroutine(result):
        # Scheduled, not returned: a task means nothing to the JavaScript caller.
        run_soon(result)
        return None
    return result


def _takes_no_argument(func):
    import inspect

    try:
        parameters = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return False
    for parameter in parameters:
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD):
            return False
    return True


def _mpy_call_with_event(func, event):
    # MicroPython has no signatures. It checks the argument count before
    # entering the function, so a TypeError whose traceback holds only this
    # frame came from the call itself, not from inside the handler.
    try:
        return func(event)
    except TypeError as error:
        if not _one_argument_too_many(str(error)) or _frame_count(error) > 1:
            raise
    return func()


def _one_argument_too_many(message):
    # "f() takes 0 positional arguments but 1 were given"; closures count
    # their captured cells too ("takes 1 ... but 2").
    words = message.split()
    try:
        takes = int(words[words.index("takes") + 1])
        given = int(words[words.index("but") + 1])
    except (ValueError, IndexError):
        return False
    return given == takes + 1


def _frame_count(error):
    import io

    text = io.StringIO()
    sys.print_exception(error, text)
    return text.getvalue().count('File "')
