"""Set-up that only workers run, after the ``pyscript`` package loads.

``input()`` blocks the worker and asks the page for a line (``window.prompt``
unless the page gives a better place: an editor's output area, a terminal);
``export_main()`` publishes the names listed in ``__export__`` on ``sync``,
so ``await workers["name"]`` can call them.
"""

import builtins
import sys

import _pyscript
from pyscript.ffi import is_none


def _input(prompt=""):
    """Read a line from the page; ``EOFError`` when the user cancels, ``KeyboardInterrupt`` for Ctrl-C in a terminal."""
    unavailable = getattr(_pyscript, "input_unavailable", "")
    if unavailable:
        raise RuntimeError(unavailable)
    # What was printed without a newline (a prompt of its own) shows before the question.
    for stream in (sys.stdout, sys.stderr):
        flush = getattr(stream, "flush", None)
        if flush:
            flush()
    value = _pyscript.input(str(prompt))
    if is_none(value):  # JavaScript's null: Pyodide's jsnull, MicroPython's None
        raise EOFError("input() was cancelled")
    if value is False:
        raise KeyboardInterrupt()
    return str(value)


builtins.input = _input


def export_main():
    """Put every name of ``__main__.__export__`` on ``sync``."""
    import __main__

    for name in getattr(__main__, "__export__", ()) or ():
        setattr(_pyscript.sync, name, getattr(__main__, name))


def _sleep_interruptibly(check_interrupt):
    """Make ``time.sleep`` notice Stop at once.

    Pyodide looks at its interrupt buffer only every so many bytecodes, so
    a loop that mostly sleeps would notice a ``KeyboardInterrupt`` seconds
    late. This ``sleep`` sleeps in slices of at most 0.1 s and checks after
    each one.
    """
    import time

    sleep = time.sleep

    def interruptible_sleep(seconds):
        remaining = float(seconds)
        if remaining < 0:
            raise ValueError("sleep length must be non-negative")
        while True:
            part = min(remaining, 0.1)
            sleep(part)
            check_interrupt()
            remaining -= part
            if remaining <= 0:
                return

    time.sleep = interruptible_sleep


if getattr(_pyscript, "check_interrupt", None):
    _sleep_interruptibly(_pyscript.check_interrupt)
