"""Set-up that only workers run, after the ``pyscript`` package loads.

``input()`` blocks the worker and asks the page for a line (``window.prompt``
unless the page gives a better place); ``export_main()`` publishes the names
listed in ``__export__`` on ``sync``, so ``await workers["name"]`` can call them.
"""

import builtins

import _pyscript


def _input(prompt=""):
    """Read a line from the page; raise ``EOFError`` when the user cancels."""
    value = _pyscript.input(str(prompt))
    if value is None:
        raise EOFError("input() was cancelled")
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
