"""pyscript.util (NotSupported, as_bytearray, is_awaitable) and py_import."""

import pyscript
from pyscript import RUNNING_IN_WORKER, py_import, util, window


def _raises(error_type, action):
    try:
        action()
    except error_type as error:
        return str(error)
    raise AssertionError("expected " + error_type.__name__)


def test_not_supported_raises_attribute_and_type_errors_with_its_message():
    missing = util.NotSupported("pyscript.thing", "no thing here")
    assert "pyscript.thing" in repr(missing) and "NotSupported" in repr(missing)
    assert _raises(AttributeError, lambda: missing.anything) == "no thing here"
    assert _raises(AttributeError, lambda: setattr(missing, "x", 1)) == "no thing here"
    assert _raises(TypeError, lambda: missing()) == "no thing here"
    assert _raises(TypeError, lambda: missing(1, 2, key=3)) == "no thing here"


def test_sync_on_the_main_thread_is_not_supported():
    if RUNNING_IN_WORKER:
        skip("main thread only")
    assert isinstance(pyscript.sync, util.NotSupported)
    assert "worker" in _raises(AttributeError, lambda: pyscript.sync.anything)


def test_as_bytearray_copies_an_array_buffer():
    data = window.Uint8Array.new(3)
    data[0], data[1], data[2] = 0, 127, 255
    copy = util.as_bytearray(data.buffer)
    assert isinstance(copy, bytearray) and copy == bytearray([0, 127, 255])
    assert util.as_bytearray(window.ArrayBuffer.new(0)) == bytearray()


def test_is_awaitable_tells_async_callables_apart():
    async def coroutine_function():
        pass

    def plain():
        pass

    def outer():
        async def inner():
            pass

        return inner

    class Thing:
        async def method(self):
            pass

        def sync_method(self):
            pass

    assert util.is_awaitable(coroutine_function)
    assert util.is_awaitable(outer())
    assert util.is_awaitable(Thing().method)
    assert not util.is_awaitable(plain)
    assert not util.is_awaitable(Thing().sync_method)
    assert not util.is_awaitable(print)
    assert not util.is_awaitable(lambda: None)


async def test_py_import_returns_importable_modules_in_order():
    import json

    import pyscript.web

    modules = await py_import("json", "pyscript.web")
    assert isinstance(modules, list) and len(modules) == 2
    assert modules[0] is json
    assert modules[1] is pyscript.web
    assert modules[0].loads("[1]") == [1]


async def test_py_import_of_a_module_that_cannot_be_installed_raises_import_error():
    try:
        await py_import("json", "no_such_module_for_py_import")
    except ImportError as error:
        assert "no_such_module_for_py_import" in str(error), str(error)
    else:
        raise AssertionError("expected ImportError")
