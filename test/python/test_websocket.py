"""WebSocket against the test server's echo endpoint (/echo)."""


from pyscript import WebSocket, window


def _url():
    return "ws://" + window.location.host + "/echo"




async def test_websocket_echoes_text_and_bytes():
    seen = []
    events = []

    def on_open(event):
        events.append("open")
        ws.send("hello")
        ws.send(bytearray(b"\x01\x02"))

    def on_message(event):
        seen.append(event.data)

    ws = WebSocket(url=_url(), onopen=on_open, onmessage=on_message)
    ws.onclose = lambda: events.append("close")
    await wait_until(lambda: len(seen) == 2)
    assert seen[0] == "hello"
    assert seen[1] == bytearray(b"\x01\x02")
    assert ws.readyState == WebSocket.OPEN
    ws.close()
    await wait_until(lambda: "close" in events)
    assert events == ["open", "close"]


async def test_websocket_async_handler():
    seen = []

    async def on_message(event):
        await sleep(0)
        seen.append(event.data)

    ws = WebSocket(_url(), onmessage=on_message)
    ws.onopen = lambda event: ws.send("async")
    await wait_until(lambda: seen)
    assert seen == ["async"]
    ws.close()
