"""Top-level names of the pyscript module."""

import sys

import pyscript
from pyscript import RUNNING_IN_WORKER, current_target, display, document, ffi, js_import, window


def test_fs_and_media_load_on_first_use():
    # Imported by `from pyscript import fs`, not by `import pyscript`: start-up stays as it was.
    assert "pyscript.fs" not in sys.modules and "pyscript.media" not in sys.modules
    from pyscript import fs, media

    module_type = type(sys)
    assert type(fs) is module_type and fs.__name__ == "pyscript.fs"
    assert type(media) is module_type and media.__name__ == "pyscript.media"
    assert pyscript.fs is fs and callable(fs.mount) and callable(media.list_devices)


def test_public_names_exist():
    # `sync` exists everywhere; on the main thread it is a stand-in whose use
    # raises (use the .sync of a worker handle), by design.
    for name in ("display", "HTML", "when", "Event", "fetch", "ffi", "storage", "Storage", "web",
                 "current_target", "js_import", "window", "document", "RUNNING_IN_WORKER", "WebSocket",
                 "PyWorker", "MPWorker", "config", "js_modules", "sync", "workers", "py_import",
                 "create_named_worker", "fs", "media", "util"):
        assert hasattr(pyscript, name), name


def test_every_name_in_all_exists():
    for name in pyscript.__all__:
        assert hasattr(pyscript, name), name


def test_config_type_names_the_interpreter():
    assert pyscript.config["type"] == ("mpy" if sys.implementation.name == "micropython" else "py")


def test_js_modules_is_importable_from_the_package():
    from pyscript import js_modules

    assert type(js_modules) is type(sys)
    assert js_modules.__name__ == "pyscript.js_modules"


def test_names_that_are_also_submodules_are_the_objects_not_the_modules():
    # `fetch`, `storage`, `sync` and `workers` are also submodule names: a
    # lazy import would hand out the module on MicroPython.
    from pyscript import Event, WebSocket, fetch, storage, sync, web, when, workers

    module_type = type(sys)
    for value in (fetch, storage, sync, workers, when, Event, WebSocket):
        assert type(value) is not module_type, value
    assert type(web) is module_type
    assert callable(fetch) and callable(storage) and callable(when)


async def test_storage_loads_on_first_use_and_stays_the_function():
    # `storage` is a stand-in until first called; the import of the
    # submodule must not leave the module bound to `pyscript.storage`.
    from pyscript import Storage, storage

    store = await storage("test-module-lazy")
    assert isinstance(store, Storage)
    from pyscript import storage as again

    assert type(again) is not type(sys) and callable(again)
    assert type(pyscript.storage) is not type(sys)
    assert isinstance(await again("test-module-lazy"), Storage)


def test_running_in_worker_is_false_on_the_main_thread():
    assert RUNNING_IN_WORKER is False


def test_window_and_document_are_the_page():
    assert document.title == window.document.title
    assert window.location.href.startswith("http")
    assert document.body.tagName == "BODY"


def test_current_target_is_an_element_of_the_page():
    target = current_target()
    assert isinstance(target, str) and target
    if RUNNING_IN_WORKER:
        # As in PyScript, a worker <script>'s output place joins the page with its first output.
        display("a first output")
        document.getElementById(target).lastElementChild.remove()
    assert not ffi.is_none(document.getElementById(target))


async def test_js_import_returns_the_modules():
    (module,) = await js_import("/test/fixtures/module/module.js")
    assert module.answer == 42
    assert module.default("py") == "hello py"


def test_class_new_instantiates_javascript_classes():
    url = window.URL.new("/a/b?c=1", "http://example.test")
    assert url.pathname == "/a/b"
    assert window.Map.new().size == 0


def test_interpreter_name_matches_the_bridge():
    import _pyscript

    expected = "micropython" if sys.implementation.name == "micropython" else "pyodide"
    assert _pyscript.interpreter == expected


async def test_window_js_and_asyncio_mix():
    # MicroPython keeps one proxy per JavaScript function: window's methods
    # must not clash with `js.setTimeout` (used by its asyncio) or with the
    # same methods reached through elements.
    import asyncio

    import js
    from pyscript import ffi

    seen = []
    window.setTimeout(ffi.create_proxy(lambda x: seen.append(x)), 1, "window")
    js.setTimeout(ffi.create_proxy(lambda x: seen.append(x)), 1, "js")
    element = document.createElement("div")
    element.dispatchEvent(window.Event.new("x"))
    window.dispatchEvent(window.Event.new("x"))
    await asyncio.sleep(0.05)
    window.setTimeout(ffi.create_proxy(lambda x: seen.append(x)), 1, "again")
    await asyncio.sleep(0.05)
    await wait_until(lambda: len(seen) == 3)
    assert sorted(seen) == ["again", "js", "window"]
    if not RUNNING_IN_WORKER:  # in a worker, `js` is the worker's own global
        window.pyscriptProbe = 5
        assert js.pyscriptProbe == 5
