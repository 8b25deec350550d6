"""Set-up of a script with the ``terminal`` attribute, run before its code.

``__terminal__`` in ``__main__`` is the xterm.js ``Terminal`` (a proxy of
main's in a worker; ``None`` in a worker that cannot wait for main). On the
main thread the terminal is output-only, as in PyScript: ``input()`` raises.
On MicroPython, ``import code`` gives a ``code`` module whose ``interact()``
starts MicroPython's own REPL in a worker terminal (MicroPython has no
``code`` module); Pyodide's ``code.interact()`` is CPython's, reading its
lines with ``input()``.
"""

import sys

import _pyscript
from pyscript.ffi import is_none

MAIN_INPUT = (
    "input() doesn't work when PyScript runs in the main thread. "
    "Consider using the worker attribute (see README.md#terminal)"
)

MAIN_REPL = (
    "code.interact() needs a terminal in a worker: "
    "add the worker attribute to the script (see README.md#terminal)"
)


def _main_input(prompt=""):
    raise RuntimeError(MAIN_INPUT)


def interact(banner=None, readfunc=None, local=None, exitmsg=None, local_exit=None):
    """Start MicroPython's REPL in this worker's terminal; it runs once this code has finished."""
    if not _pyscript.RUNNING_IN_WORKER:
        raise RuntimeError(MAIN_REPL)
    _pyscript.repl()


def attach():
    """Give ``__main__`` its ``__terminal__``; on the main thread, make ``input()`` raise."""
    import __main__
    import builtins

    terminal = _pyscript.terminal()
    __main__.__terminal__ = None if is_none(terminal) else terminal
    if not _pyscript.RUNNING_IN_WORKER:
        builtins.input = _main_input
    if sys.implementation.name == "micropython" and "code" not in sys.modules:
        sys.modules["code"] = sys.modules[__name__]
