"""``display()``: show Python values in the page.

Values are turned into HTML through the IPython-style ``_repr_*_`` methods;
plain strings are always shown as text, never parsed as markup, unless they
are wrapped in :class:`HTML`.
"""

import json

import _pyscript
from pyscript import context as _context
from pyscript.ffi import is_none
from pyscript.util import escape

_MIME_METHODS = (
    ("_repr_html_", "text/html"),
    ("_repr_markdown_", "text/markdown"),
    ("_repr_svg_", "image/svg+xml"),
    ("_repr_png_", "image/png"),
    ("_repr_jpeg_", "image/jpeg"),
    ("_repr_pdf_", "application/pdf"),
    ("_repr_latex_", "text/latex"),
    ("_repr_json_", "application/json"),
    ("_repr_javascript_", "application/javascript"),
)

# Order of preference when a value offers several mime types at once.
_MIME_ORDER = [mime for _, mime in _MIME_METHODS] + ["text/plain"]


class HTML:
    """Wrap a string of markup so ``display()`` renders it as HTML."""

    def __init__(self, html):
        self._html = html

    def _repr_html_(self):
        return self._html

    def __repr__(self):
        return "HTML(" + repr(self._html) + ")"


def _pick(bundle):
    for mime in _MIME_ORDER:
        if mime in bundle and bundle[mime] is not None:
            return mime, bundle[mime]
    return None


def _mime_of(value):
    """Return ``(mime, data)`` for ``value``."""
    if isinstance(value, str):
        return "text/plain", value
    bundle_method = getattr(value, "_repr_mimebundle_", None)
    if bundle_method is not None:
        bundle = bundle_method()
        if isinstance(bundle, tuple):
            bundle = bundle[0]
        picked = _pick(bundle or {})
        if picked:
            return picked
    for method_name, mime in _MIME_METHODS:
        method = getattr(value, method_name, None)
        if method is None:
            continue
        data = method()
        if isinstance(data, tuple):
            data = data[0]
        if data is not None:
            return mime, data
    return "text/plain", _safe_repr(value)


def _safe_repr(value):
    try:
        return repr(value)
    except Exception:  # noqa: BLE001 - a broken __repr__ must not hide the value
        return "<" + type(value).__name__ + " object>"


def _to_base64(data):
    if isinstance(data, str):
        return data
    import binascii

    return binascii.b2a_base64(data).decode().strip()


def _to_html(mime, data):
    if mime in ("text/html", "image/svg+xml"):
        return data
    if mime == "image/png" or mime == "image/jpeg":
        return '<img src="data:' + mime + ";base64," + _to_base64(data) + '">'
    if mime == "application/json":
        if not isinstance(data, str):
            data = json.dumps(data)
        return '<pre class="py-json">' + escape(data) + "</pre>"
    if mime == "application/javascript":
        return "<script>" + data + "</script>"
    return escape(data)


def _element(target):
    if target is None:
        target = _pyscript.current_target()
    if not isinstance(target, str):
        return target  # already an element (or an Element wrapper)
    if target.startswith("#"):
        target = target[1:]
    element = _context.find_element(target)  # also inside shadow roots
    if is_none(element):
        raise ValueError("Invalid selector with id=" + target + ". Cannot be found in the page.")
    return element


def display(*values, target=None, append=True):
    """Show each value in the element with id ``target``.

    Without ``target`` the output goes to the running script's own place
    (see ``current_target()``). With ``append=False`` the element's content
    is replaced instead of added to.
    """
    element = _element(target)
    element = getattr(element, "_dom_element", element)
    if not append:
        element.replaceChildren()
    document = _context.document
    for value in values:
        node = getattr(value, "_dom_element", None)
        if node is not None:  # a pyscript.web Element: show the element itself
            element.append(node)
            continue
        html = _to_html(*_mime_of(value))
        if append:
            item = document.createElement("div")
            item.innerHTML = html
            element.append(item)
        else:
            element.insertAdjacentHTML("beforeend", html)
