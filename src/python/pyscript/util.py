"""Small helpers shared by the rest of the package."""

import _pyscript


def current_target():
    """Return the id of the element that ``display()`` writes to by default.

    That is the ``target`` attribute of the running script when it has one,
    otherwise the output place PyScript made for the script.
    """
    return _pyscript.current_target()


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
