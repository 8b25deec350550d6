"""pyscript.ffi."""

import json
import sys

import js

from pyscript import ffi, window

MICROPYTHON = sys.implementation.name == "micropython"


def test_to_js_dict_is_an_object_literal_nested():
    value = ffi.to_js({"async": False, "inner": {"a": [1, {"b": 2}]}})
    assert json.loads(window.JSON.stringify(value)) == {"async": False, "inner": {"a": [1, {"b": 2}]}}
    is_literal = window.Function.new("v", "return Object.getPrototypeOf(v) === Object.prototype")
    assert is_literal(value)
    assert is_literal(window.Reflect.get(value, "inner"))


def test_to_js_result_is_detached_from_the_dict():
    source = {"a": 1, "inner": {"items": [1, 2]}}
    value = ffi.to_js(source)
    js.Reflect.set(value, "a", 99)
    js.Reflect.set(value, "added", True)
    js.Reflect.get(js.Reflect.get(value, "inner"), "items").push(3)
    # The JavaScript object did change…
    assert json.loads(js.JSON.stringify(value)) == {"a": 99, "inner": {"items": [1, 2, 3]}, "added": True}
    # …and the dict it came from did not.
    assert source == {"a": 1, "inner": {"items": [1, 2]}}


def test_to_js_list_is_an_array():
    assert window.Array.isArray(ffi.to_js([1, 2, 3]))


def test_is_none_and_jsnull():
    assert ffi.is_none(None)
    assert ffi.is_none(ffi.jsnull)
    assert ffi.is_none(window.JSON.parse("null"))
    assert not ffi.is_none(0)
    assert not ffi.is_none("")


def test_assign_merges_dicts_into_a_js_object():
    target = window.Object.new()
    result = ffi.assign(target, {"a": 1}, {"b": {"c": 2}})
    assert json.loads(window.JSON.stringify(result)) == {"a": 1, "b": {"c": 2}}


def test_create_proxy_keeps_a_callable_for_later():
    holder = window.Object.new()
    window.Reflect.set(holder, "callback", ffi.create_proxy(lambda x: x * 2))
    assert holder.callback(21) == 42


def test_create_proxy_gives_a_js_proxy_calling_the_function():
    if MICROPYTHON:
        from jsffi import JsProxy
    else:
        from pyodide.ffi import JsProxy
    proxy = ffi.create_proxy(lambda: 42)
    assert isinstance(proxy, JsProxy)
    assert proxy() == 42
    assert js.Reflect.apply(proxy, None, js.Array.new()) == 42


def test_assign_changes_objects_of_this_thread_in_place():
    target = js.Object.new()
    target.a = 1
    assert ffi.assign(target, {"a": 2, "b": 3}, {"c": 4}) is target
    assert target.a == 2 and target.b == 3 and target.c == 4


def test_assign_sets_each_entry_of_a_page_object():
    element = fixture()
    ffi.assign(element.style, {"color": "red"}, {"fontSize": "12px"})
    assert element.style.color == "red" and element.style.fontSize == "12px"


def test_without_auto_the_borrowed_proxy_error_is_pyodides():
    if MICROPYTHON:
        skip("Pyodide only")
    holder = window.Object.new()
    window.Reflect.set(holder, "callback", lambda: 1)
    try:
        holder.callback()
    except Exception as error:  # noqa: BLE001 - Pyodide's JsException
        assert "borrowed proxy was automatically destroyed" in str(error), str(error)
    else:
        raise AssertionError("expected the borrowed proxy error")
