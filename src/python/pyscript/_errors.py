"""Errors of callbacks shown on the page.

An exception raised by a Python callback (a ``when`` handler, sync or
async) never reaches a script's own ``try``: the browser only logs it. This
module catches it and hands its traceback to the host, which shows it as a
``.py-error`` box at the script that registered the callback (or in its
target) and logs it, so the page keeps working and the next event runs the
handler again.
"""

import sys

import _pyscript

MICROPYTHON = sys.implementation.name == "micropython"


def format_exception(error):
    """The traceback of ``error`` as Python prints it, minus the frames of
    this package (the wrappers that called the user's function)."""
    if MICROPYTHON:
        import io

        out = io.StringIO()
        sys.print_exception(error, out)
        return out.getvalue()
    import traceback

    tb = error.__traceback__
    while tb is not None and "/pyscript/" in tb.tb_frame.f_code.co_filename:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(error), error, tb))


def report(error, target):
    """Show ``error`` at the element with id ``target`` (the page's fallback place when empty)."""
    _pyscript.report_error(format_exception(error), target or "")


def call_reported(func, event, target):
    """``call_with_event(func, event)``, with what ``func`` raises, or what
    the coroutine it returns raises, reported at ``target`` instead of
    escaping to the browser."""
    from pyscript import util

    try:
        if MICROPYTHON:
            result = util._mpy_call_with_event(func, event)
        elif util._takes_no_argument(func):
            result = func()
        else:
            result = func(event)
    except Exception as error:  # noqa: BLE001 - reported on the page; the page goes on
        report(error, target)
        return None
    if util.is_coroutine(result):
        # Scheduled, not returned (as call_with_event does), and watched.
        util.run_soon(_reported_coroutine(result, target))
        return None
    return result


async def _reported_coroutine(coroutine, target):
    try:
        return await coroutine
    except Exception as error:  # noqa: BLE001 - as in call_reported()
        report(error, target)
