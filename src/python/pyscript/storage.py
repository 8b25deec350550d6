"""``storage(name)``: a ``dict`` that persists in the browser's IndexedDB.

::

    prefs = await storage("prefs")
    prefs["theme"] = "dark"      # queued for writing
    await prefs.sync()           # written

Values may be ``None``, ``bool``, ``int``, ``float``, ``str``, and lists,
tuples (read back as lists) and dicts of those, or ``bytearray``/``bytes``
(read back as ``bytearray``). The store is per origin; its name is prefixed
with ``@pyscript/`` in IndexedDB.
"""

import json

import _pyscript


def _encode(value):
    if isinstance(value, (bytes, bytearray, memoryview)):
        return json.dumps(["bytearray", list(bytes(value))])
    if value is None or isinstance(value, (bool, int, float, str, list, tuple, dict)):
        return json.dumps(["generic", value])
    raise TypeError("Cannot store a value of type " + type(value).__name__)


def _decode(text):
    kind, data = json.loads(text)
    if kind == "bytearray":
        return bytearray(data)
    return data


class Storage(dict):
    """A ``dict`` whose changes are written to IndexedDB.

    Writes are queued as they happen; ``await store.sync()`` waits until
    they are stored. Subclass it and pass ``storage_class=`` to change
    behaviour.
    """

    def __init__(self, store):
        super().__init__({pair[0]: _decode(pair[1]) for pair in store.entries()})
        self._store = store

    def __setitem__(self, key, value):
        self._store.set(key, _encode(value))
        super().__setitem__(key, value)

    def __delitem__(self, key):
        super().__delitem__(key)
        self._store.delete(key)

    def update(self, *args, **kwargs):
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def pop(self, key, *default):
        present = key in self
        value = super().pop(key, *default)
        if present:
            self._store.delete(key)
        return value

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def clear(self):
        super().clear()
        self._store.clear()

    async def sync(self):
        """Wait until every change so far is stored."""
        await self._store.sync()


async def storage(name, storage_class=Storage):
    """Open (or create) the persistent store ``name``."""
    if not name:
        raise ValueError("storage() needs a non-empty name")
    return storage_class(await _pyscript.storage("@pyscript/" + name))


__all__ = ["Storage", "storage"]
