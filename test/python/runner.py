"""In-browser runner for the Python test files under ``test/python/``.

``await run_tests(files)`` takes ``(name, source)`` pairs (a Python list or a
JavaScript array of arrays), runs every ``test_*`` function of each file in
source order (sync or async, each async one stopped after ``TIMEOUT``
seconds) and returns the results as a JSON string: a list of
``{"file", "test", "ok", "error", "skipped"}``. A ``def test_*`` in the source
that the file did not define when it ran (one under an ``if`` that did not
run) is a failed test: define every test unconditionally, and call
``skip(reason)`` in one that does not apply where it runs. It uses only
``pyscript`` and builtins, so the same call works on the main thread and in
a worker.
"""

import json
import sys

MICROPYTHON = sys.implementation.name == "micropython"
TIMEOUT = 60


class Skipped(Exception):
    """Raised by ``skip()``: the test does not apply here."""


def skip(reason):
    """Skip the running test (it does not apply on this interpreter or thread)."""
    raise Skipped(reason)


def _format(error):
    if MICROPYTHON:
        import io

        text = io.StringIO()
        sys.print_exception(error, text)
        return text.getvalue()
    import traceback

    return "".join(traceback.format_exception(type(error), error, error.__traceback__))


def _test_names(source):
    names = []
    for line in source.split("\n"):
        words = line.strip().split()
        if words[:1] == ["async"]:
            words = words[1:]
        if len(words) > 1 and words[0] == "def" and words[1].startswith("test_"):
            names.append(words[1].split("(")[0])
    return names


def _is_coroutine(value):
    if MICROPYTHON:
        return type(value).__name__ == "generator"
    import inspect

    return inspect.iscoroutine(value)


def fixture(html=""):
    """A fresh ``<div>`` in the test area holding ``html``; returns the DOM element."""
    from pyscript import document, ffi

    area = document.getElementById("py-test-area")
    if ffi.is_none(area):
        area = document.createElement("div")
        area.id = "py-test-area"
        document.body.append(area)
    element = document.createElement("div")
    element.innerHTML = html
    area.append(element)
    return element


def sleep(seconds):
    """Wait ``seconds`` on a JavaScript timer of this thread.

    MicroPython's ``asyncio.sleep`` can fail ("Illegal invocation") when a
    JavaScript timer calls into Python while it waits, so tests use this.
    """
    import js

    return js.Promise.new(lambda resolve, reject: js.setTimeout(resolve, int(seconds * 1000)))


async def wait_until(condition, timeout=4):
    """Wait until ``condition()`` is true, or fail after ``timeout`` seconds."""
    for _ in range(int(timeout * 100)):
        if condition():
            return
        await sleep(0.01)
    raise AssertionError("timed out waiting for a condition")


async def _finish(outcome):
    """Awaits a test's coroutine, failing it after ``TIMEOUT`` seconds."""
    import asyncio

    if not MICROPYTHON:
        return await asyncio.wait_for(outcome, TIMEOUT)
    # MicroPython's wait_for cannot cancel into a top-level await: run the
    # test as a task and watch it on JavaScript timers.
    task = asyncio.create_task(outcome)
    for _ in range(TIMEOUT * 100):
        if task.done():
            return await task
        await sleep(0.01)
    task.cancel()
    raise AssertionError("timed out after %d s" % TIMEOUT)


async def run_tests(files):
    results = []
    for pair in files:
        name, source = str(pair[0]), str(pair[1])
        namespace = {"__name__": name.split(".")[0], "fixture": fixture, "sleep": sleep, "wait_until": wait_until, "skip": skip}
        try:
            if MICROPYTHON:
                exec(source, namespace)
            else:
                exec(compile(source, name, "exec"), namespace)
        except Exception as error:  # noqa: BLE001 - reported as a failed test
            results.append({"file": name, "test": "<module>", "ok": False, "error": _format(error)})
            continue
        for test in _test_names(source):
            if test not in namespace:
                error = "%s is in the source but was not defined when the file ran (under an if?): define it unconditionally and call skip(reason) in it" % test
                results.append({"file": name, "test": test, "ok": False, "error": error})
                continue
            try:
                outcome = namespace[test]()
                if _is_coroutine(outcome):
                    await _finish(outcome)
                results.append({"file": name, "test": test, "ok": True, "error": ""})
            except Skipped as reason:
                results.append({"file": name, "test": test, "ok": True, "error": "", "skipped": str(reason)})
            except Exception as error:  # noqa: BLE001 - reported as a failed test
                results.append({"file": name, "test": test, "ok": False, "error": _format(error)})
    return json.dumps(results)
