"""``fetch(url, **options)``: the browser's ``fetch`` with Python results.

::

    data = await fetch("./data.json").json()      # chained: one await
    response = await fetch("./data.json")          # or step by step
    if response.ok:
        text = await response.text()

An HTTP error (a 404) is a response with ``ok`` false, not an exception; a
network failure raises, naming the URL. Requests run in the interpreter's own
thread; relative URLs resolve against the page.
"""

import _pyscript
from pyscript.ffi import to_js
from pyscript.util import MICROPYTHON, as_bytearray, json


class FetchResponse:
    """A ``Response`` whose body readers return Python values.

    Other attributes (``ok``, ``status``, ``statusText``, ``headers``,
    ``url``…) are the JavaScript response's.
    """

    def __init__(self, response):
        self._response = response

    def __getattr__(self, name):
        return getattr(self._response, name)

    async def text(self):
        """The body as a ``str``."""
        return await self._response.text()

    async def json(self):
        """The body parsed as JSON into Python ``dict``/``list`` values."""
        return json.loads(await self.text())

    async def bytearray(self):
        """The body as a ``bytearray``."""
        return as_bytearray(await self._response.arrayBuffer())

    async def arrayBuffer(self):  # noqa: N802 - the JavaScript name
        """The body as a ``memoryview``."""
        return memoryview(await self.bytearray())

    async def blob(self):
        """The body as a JavaScript ``Blob``."""
        return await self._response.blob()


class _FetchRequest:
    """What ``fetch()`` returns: awaitable (giving a :class:`FetchResponse`)
    and chainable (``await fetch(url).json()``)."""

    def __init__(self, url, options):
        self._url = url
        self._options = options
        self._response = None

    async def _get(self):
        if self._response is None:
            init = to_js(self._options) if self._options else None
            if init is None:
                response = await _pyscript.fetch(self._url)
            else:
                response = await _pyscript.fetch(self._url, init)
            self._response = FetchResponse(response)
        return self._response

    if MICROPYTHON:
        # MicroPython awaits any iterable (a coroutine is a generator).
        def __iter__(self):
            return self._get()

    else:

        def __await__(self):
            return self._get().__await__()

    async def text(self):
        return await (await self._get()).text()

    async def json(self):
        return await (await self._get()).json()

    async def bytearray(self):
        return await (await self._get()).bytearray()

    async def arrayBuffer(self):  # noqa: N802 - the JavaScript name
        return await (await self._get()).arrayBuffer()

    async def blob(self):
        return await (await self._get()).blob()


def fetch(url, **options):
    """Fetch ``url``; ``options`` are ``RequestInit`` fields (``method``,
    ``headers``, ``body``…), with dicts turned into JavaScript objects."""
    return _FetchRequest(str(url), options)


__all__ = ["FetchResponse", "fetch"]
