"""create_named_worker() and workers[name], from Python."""

from pyscript import RUNNING_IN_WORKER, create_named_worker, workers

WORKER = "/test/fixtures/worker/exports.py"


async def test_create_named_worker_gives_the_exports_and_registers_the_name():
    if RUNNING_IN_WORKER:
        skip("main thread only")
    worker = await create_named_worker(src=WORKER, name="named-from-python")
    assert await worker.add(2, 3) == 5
    again = await workers["named-from-python"]
    assert await again.where() == "pyodide"


async def test_create_named_worker_micropython_with_a_config_dict():
    if RUNNING_IN_WORKER:
        skip("main thread only")
    worker = await create_named_worker(WORKER, "named-mpy-from-python", config={"files": {}}, type="mpy")
    assert await worker.where() == "micropython"
    assert await worker.add(20, 22) == 42


async def test_create_named_worker_raises_when_the_worker_cannot_start():
    if RUNNING_IN_WORKER:
        skip("main thread only")
    try:
        await create_named_worker("/test/fixtures/worker/no-such-file.py", "named-broken")
    except Exception as error:  # noqa: BLE001 - the worker's PY0404 error, as a JsException
        assert "no-such-file.py" in str(error), str(error)
    else:
        raise AssertionError("expected the worker's error")


async def test_create_named_worker_is_for_the_main_thread():
    if not RUNNING_IN_WORKER:
        skip("workers only")
    try:
        await create_named_worker(WORKER, "named-in-worker")
    except RuntimeError as error:
        assert str(error) == "create_named_worker is only available on the main thread", str(error)
    else:
        raise AssertionError("expected RuntimeError in a worker")


def test_pyworker_and_workers_are_for_the_main_thread():
    if not RUNNING_IN_WORKER:
        skip("workers only")
    from pyscript import MPWorker, PyWorker

    for action in (lambda: PyWorker(WORKER), lambda: MPWorker(WORKER), lambda: workers["x"], lambda: workers.x):
        try:
            action()
        except RuntimeError as error:
            assert "only available on the main thread" in str(error), str(error)
        else:
            raise AssertionError("expected RuntimeError in a worker")
