"""storage(): a dict persisted in IndexedDB."""

import sys

from pyscript import Storage, storage

NAME = "suite-" + sys.implementation.name


async def test_storage_is_a_dict_that_syncs():
    store = await storage(NAME)
    store.clear()
    store["theme"] = "dark"
    store["numbers"] = [1, 2.5, None, True]
    store["nested"] = {"a": {"b": "c"}}
    store["raw"] = bytearray(b"\x00\x01\xff")
    await store.sync()
    assert isinstance(store, dict) and isinstance(store, Storage)
    assert store["theme"] == "dark"
    assert store.get("missing", "default") == "default"


async def test_storage_reopened_reads_what_was_written():
    again = await storage(NAME)
    assert again["theme"] == "dark"
    assert again["numbers"] == [1, 2.5, None, True]
    assert again["nested"] == {"a": {"b": "c"}}
    assert again["raw"] == bytearray(b"\x00\x01\xff")
    del again["theme"]
    await again.sync()
    third = await storage(NAME)
    assert "theme" not in third
    assert sorted(third.keys()) == ["nested", "numbers", "raw"]


async def test_storage_rejects_unstorable_values():
    store = await storage(NAME)
    try:
        store["bad"] = object()
    except TypeError as error:
        assert "object" in str(error)
    else:
        raise AssertionError("expected TypeError")
    assert "bad" not in store


async def test_storage_needs_a_name():
    try:
        await storage("")
    except ValueError:
        pass
    else:
        raise AssertionError("expected ValueError")


async def test_storage_subclass():
    class Upper(Storage):
        def __setitem__(self, key, value):
            super().__setitem__(key, value.upper())

    store = await storage(NAME + "-sub", storage_class=Upper)
    store["k"] = "v"
    await store.sync()
    assert (await storage(NAME + "-sub"))["k"] == "V"
