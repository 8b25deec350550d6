"""fetch()."""

from pyscript import fetch, window

DATA = "/test/fixtures/module/data.json"


async def test_fetch_json_chained():
    data = await fetch(DATA).json()
    assert data == {"name": "pyscript", "items": [1, 2, {"nested": True}]}


async def test_fetch_response_then_methods():
    response = await fetch(DATA)
    assert response.ok
    assert response.status == 200
    text = await response.text()
    assert text.startswith('{"name"')


async def test_fetch_bytearray_arraybuffer_blob():
    raw = await fetch(DATA).bytearray()
    assert isinstance(raw, bytearray) and raw[:1] == b"{"
    view = await fetch(DATA).arrayBuffer()
    assert isinstance(view, memoryview) and bytes(view) == bytes(raw)
    blob = await fetch(DATA).blob()
    assert blob.size == len(raw)


async def test_fetch_with_options():
    # The test server's /test/echo-request answers with what it received.
    response = await fetch("/test/echo-request", method="POST", headers={"X-Echo": "from python"}, body="payload")
    assert response.ok
    assert await response.json() == {"method": "POST", "header": "from python", "body": "payload"}


async def test_fetch_missing_url_is_not_ok_without_exception():
    response = await fetch("/test/fixtures/module/missing.json")
    assert response.ok == False  # noqa: E712 - the issue's words
    assert response.status == 404


async def test_fetch_network_error_raises_with_the_url():
    url = "http://127.0.0.1:9/unreachable"
    try:
        await fetch(url)
    except Exception as error:  # noqa: BLE001 - any exception, as long as it names the URL
        assert url in str(error), str(error)
    else:
        raise AssertionError("expected an exception")


async def test_fetch_relative_url_resolves_against_the_page():
    page = await fetch(window.location.href).text()
    assert "<" in page
