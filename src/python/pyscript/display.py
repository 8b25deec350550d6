"""``display()``: show Python values in the page.

Values are turned into HTML through the IPython-style representation
methods, as PyScript does: ``_repr_mimebundle_`` first, then ``savefig``
(matplotlib), ``_repr_png_``, ``_repr_jpeg_``, ``_repr_svg_``,
``_repr_html_``, ``_repr_json_``, ``_repr_javascript_``, and ``repr()``.
Plain strings are always shown as text, never parsed as markup, unless they
are wrapped in :class:`HTML`. A method may return ``(data, metadata)``; for
images the metadata become attributes of the ``<img>`` (``width``,
``height``…). Content that is empty or only whitespace is not shown.
"""

import _pyscript
from pyscript import context as _context
from pyscript.ffi import is_none
from pyscript.util import escape, json


class HTML:
    """Wrap a string of markup so ``display()`` renders it as HTML."""

    def __init__(self, html):
        self._html = html

    def _repr_html_(self):
        return self._html

    def __repr__(self):
        return "HTML(" + repr(self._html) + ")"


def _to_base64(data):
    if isinstance(data, str):
        return data
    import binascii

    return binascii.b2a_base64(bytes(data)).decode().strip()


def _image(mime, data, meta):
    attributes = "".join(" " + str(key) + '="' + escape(value) + '"' for key, value in meta.items())
    return '<img src="data:' + mime + ";base64," + _to_base64(data) + '"' + attributes + ">"


# The mime types display() renders, as PyScript does.
_SUPPORTED = ("text/plain", "text/html", "image/png", "image/jpeg", "image/svg+xml", "application/json", "application/javascript")


def _render(mime, data, meta):
    """The HTML that shows ``data`` of type ``mime``."""
    if mime == "text/plain":
        return escape(data)
    if mime == "image/png" or mime == "image/jpeg":
        return _image(mime, data, meta)
    if mime == "application/json":
        if not isinstance(data, str):
            data = json.dumps(data)
        return '<pre class="py-json">' + escape(data) + "</pre>"
    if mime == "application/javascript":
        return "<script>" + data + "</script>"
    return data  # text/html, image/svg+xml


# Representation methods in order of preference (a list: MicroPython's
# dicts do not keep insertion order).
_METHODS = (
    ("savefig", "image/png"),
    ("_repr_png_", "image/png"),
    ("_repr_jpeg_", "image/jpeg"),
    ("_repr_svg_", "image/svg+xml"),
    ("_repr_html_", "text/html"),
    ("_repr_json_", "application/json"),
    ("_repr_javascript_", "application/javascript"),
)


def _split(output):
    """``(data, metadata)`` from a representation that may carry metadata."""
    if isinstance(output, tuple):
        return output[0], dict(output[1] or {}) if len(output) > 1 else {}
    return output, {}


def _savefig(value):
    import io

    buffer = io.BytesIO()
    value.savefig(buffer, format="png")
    return buffer.getvalue()


def _from_bundle(bundle):
    if isinstance(bundle, tuple):
        formats, shared = bundle[0], (bundle[1] if len(bundle) > 1 else None) or {}
    else:
        formats, shared = bundle, {}
    for mime, output in formats.items():
        if mime not in _SUPPORTED:
            continue
        data, meta = _split(output)
        if data is None:
            continue
        merged = dict(shared.get(mime) or {})
        merged.update(meta)
        return mime, data, merged
    return None


def _representation(value):
    """``(mime, data, metadata)`` for ``value``."""
    if isinstance(value, str):
        return "text/plain", value, {}
    bundle_method = getattr(value, "_repr_mimebundle_", None)
    if bundle_method is not None:
        bundle = bundle_method()
        found = _from_bundle(bundle) if bundle else None
        if found:
            return found
    for method_name, mime in _METHODS:
        method = getattr(value, method_name, None)
        if method is None:
            continue
        data, meta = _split(_savefig(value) if method_name == "savefig" else method())
        if data is not None:
            return mime, data, meta
    # A __repr__ that raises is an error of the script, shown as such (as PyScript).
    return "text/plain", repr(value), {}


def _element(target):
    if target is None:
        target = _pyscript.current_target()
    if not isinstance(target, str):
        return target  # already an element (or an Element wrapper)
    if target.startswith("#"):
        target = target[1:]
    element = _context.find_element(target) if target else None  # also inside shadow roots
    if is_none(element):
        raise ValueError("Cannot find element with id='" + target + "' in the page.")
    return element


def _write(element, value, append):
    node = getattr(value, "_dom_element", None)
    if node is not None:  # a pyscript.web Element: show the element itself
        element.append(node)
        return
    mime, data, meta = _representation(value)
    html = _render(mime, data, meta)
    if not str(html).strip():
        return
    document = _context.document
    if append:
        place = document.createElement("div")
        element.append(place)
    else:
        place = element
    if mime in ("text/html", "application/javascript"):
        # A fragment, unlike innerHTML, runs the scripts in the markup.
        place.append(document.createRange().createContextualFragment(html))
    else:
        place.innerHTML = html


def display(*values, target=None, append=True):
    """Show each value in the element with id ``target``.

    Without ``target`` the output goes to the running script's own place
    (see ``current_target()``); ``target`` may start with ``#``, or be an
    element. Each value goes in a ``<div>`` of its own. With ``append=False``
    the element's content is replaced instead: it is cleared, then each
    value is written straight into it (text and images replace what the
    previous value wrote; HTML is added after it). A target that is not in
    the page raises ``ValueError``.
    """
    element = _element(target)
    element = getattr(element, "_dom_element", element)
    if not append:
        element.replaceChildren()
    for value in values:
        _write(element, value, append)
