"""``WebSocket``: the browser's socket with Python handlers.

::

    def on_message(event):
        print(event.data)          # str, or bytearray for binary messages

    ws = WebSocket(url="ws://localhost:8000/echo", onmessage=on_message)
    ws.onopen = lambda event: ws.send("hello")

Handlers (``onopen``, ``onmessage``, ``onerror``, ``onclose``) may take the
event or nothing, and may be ``async``. The socket lives in the
interpreter's own thread.
"""

import _pyscript
from pyscript.ffi import create_proxy, to_js
from pyscript.util import MICROPYTHON, as_bytearray, call_with_event

_HANDLERS = ("onclose", "onerror", "onmessage", "onopen")


class WebSocketEvent:
    """A socket event; ``data`` is a ``str`` or, for binary messages, a ``bytearray``."""

    def __init__(self, event):
        self._event = event

    def __getattr__(self, name):
        return getattr(self._event, name)

    @property
    def data(self):
        data = self._event.data
        if isinstance(data, str) or not isinstance(getattr(data, "byteLength", None), int):
            return data
        return as_bytearray(data)


def _to_bytes_js(data):
    if MICROPYTHON:
        import js

        return js.Uint8Array.new(list(data))
    return to_js(bytes(data))


class WebSocket:
    """A WebSocket connection to ``url``; see the module docstring."""

    CONNECTING = 0
    OPEN = 1
    CLOSING = 2
    CLOSED = 3

    def __init__(self, url, protocols=None, **handlers):
        if protocols is None:
            socket = _pyscript.WebSocket.new(url)
        else:
            socket = _pyscript.WebSocket.new(url, to_js(protocols))
        socket.binaryType = "arraybuffer"
        object.__setattr__(self, "_socket", socket)
        for name, handler in handlers.items():
            setattr(self, name, handler)

    def __getattr__(self, name):
        return getattr(self._socket, name)

    def __setattr__(self, name, value):
        if name in _HANDLERS:
            setattr(self._socket, name, create_proxy(lambda event: call_with_event(value, WebSocketEvent(event))))
        else:
            setattr(self._socket, name, value)

    def send(self, data):
        """Send a ``str``, or ``bytes``/``bytearray`` as a binary message."""
        if isinstance(data, (bytes, bytearray, memoryview)):
            data = _to_bytes_js(data)
        self._socket.send(data)

    def close(self, code=None, reason=None):
        """Close the connection, with an optional code and reason."""
        if code is None:
            self._socket.close()
        elif reason is None:
            self._socket.close(code)
        else:
            self._socket.close(code, reason)


__all__ = ["WebSocket", "WebSocketEvent"]
