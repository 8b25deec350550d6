"""The FAQ's Python examples, as written there (output captured instead of printed)."""

import sys

from pyscript import document, fetch, ffi, window

MICROPYTHON = sys.implementation.name == "micropython"




def test_faq_read_write():
    with open("./test.txt", "w") as dest:
        dest.write("hello vFS")
        dest.close()

    # Read and print the written content.
    with open("./test.txt", "r") as f:
        content = f.read()
    assert content == "hello vFS"


async def test_faq_fetch_to_file():
    href = window.location.href

    with open("./page.html", "wb") as dest:
        dest.write(await fetch(href).bytearray())

    # Read and print the current HTML page.
    with open("./page.html", "r") as source:
        text = source.read()
    assert text == await fetch(href).text()
    assert "<html" in text.lower() or "<script" in text.lower()


async def test_faq_upload():
    place = fixture('<input type="file">')
    input = place.querySelector("input[type=file]")  # noqa: A001 - the FAQ's name
    done = []

    async def on_change(event):
        # For each file the user has selected to upload...
        for file in input.files:
            # create a temporary URL,
            tmp = window.URL.createObjectURL(file)
            # fetch and save its content somewhere,
            with open(f"./{file.name}", "wb") as dest:
                dest.write(await fetch(tmp).bytearray())
            # then revoke the tmp URL.
            window.URL.revokeObjectURL(tmp)
        done.append(True)

    input.onchange = on_change

    # What a user does: pick a file.
    transfer = window.DataTransfer.new()
    transfer.items.add(window.File.new(["uploaded ", "content"], "upload.txt", ffi.to_js({"type": "text/plain"})))
    input.files = transfer.files
    input.dispatchEvent(window.Event.new("change"))

    await wait_until(lambda: done)
    with open("./upload.txt") as uploaded:
        assert uploaded.read() == "uploaded content"


def download_file(path, mime_type):
    import os

    name = os.path.basename(path) if hasattr(os, "path") else path.split("/")[-1]
    with open(path, "rb") as source:
        data = source.read()

        # Populate the buffer.
        buffer = window.Uint8Array.new(len(data))
        for pos, b in enumerate(data):
            buffer[pos] = b
        details = ffi.to_js({"type": mime_type})

        # This is JS specific
        file = window.File.new([buffer], name, details)
        tmp = window.URL.createObjectURL(file)
        dest = document.createElement("a")
        dest.setAttribute("download", name)
        dest.setAttribute("href", tmp)
        dest.click()


async def test_faq_download():
    with open("./download.txt", "wb") as out:
        out.write(b"downloaded \x00 bytes")
    anchor = window.HTMLAnchorElement.prototype
    # Record the link instead of letting the browser save the file: an own
    # `click` on the prototype shadows HTMLElement's until it is deleted.
    anchor.click = window.Function.new("globalThis.__pyDownloadLink = this;")
    try:
        download_file("./download.txt", "text/plain")
    finally:
        window.Reflect.deleteProperty(anchor, "click")
    link = window.__pyDownloadLink
    assert link.tagName == "A"
    assert link.getAttribute("download") == "download.txt"
    assert link.href.startswith("blob:")
    content = await fetch(link.href).bytearray()
    assert content == bytearray(b"downloaded \x00 bytes")
    window.URL.revokeObjectURL(link.href)


async def test_faq_create_proxy_pyodide_variant():
    seen = []

    def record(*args):
        seen.append(args[0] if args else None)

    window.setTimeout(ffi.create_proxy(record), 10, "print")
    window.setTimeout(ffi.create_proxy(lambda x: seen.append(x)), 10, "lambda")

    def print_type(event):
        seen.append(event.type)

    window.addEventListener("some:event", ffi.create_proxy(print_type), ffi.to_js({"once": True}))
    window.dispatchEvent(window.Event.new("some:event"))
    window.dispatchEvent(window.Event.new("some:event"))

    holder = window.Object()
    holder.no_create_function = lambda: seen.append("ok")
    holder.no_create_function()

    await wait_until(lambda: len(seen) == 4)
    assert sorted(seen) == sorted(["some:event", "ok", "print", "lambda"])


async def test_faq_create_proxy_micropython_variant():
    if not MICROPYTHON:
        skip("MicroPython's variant of the FAQ example")
    seen = []

    def record(*args):
        seen.append(args[0] if args else None)

    # This just works.
    window.setTimeout(record, 10, "print")
    # This also just works.
    window.setTimeout(lambda x: seen.append(x), 10, "lambda")

    def print_type(event):
        seen.append(event.type)

    # This just works too.
    window.addEventListener("some:event2", print_type, ffi.to_js({"once": True}))
    window.dispatchEvent(window.Event.new("some:event2"))
    window.dispatchEvent(window.Event.new("some:event2"))

    # And so does this.
    holder = window.Object()
    holder.no_create_function = lambda: seen.append("ok")
    holder.no_create_function()

    await wait_until(lambda: len(seen) == 4)
    assert sorted(seen) == sorted(["some:event2", "ok", "print", "lambda"])


def test_faq_to_js():
    captured = []
    window.pyCallback = ffi.create_proxy(lambda value: captured.append(window.JSON.stringify(value)))
    window.callback = window.pyCallback
    window.callback(ffi.to_js({"async": False}))
    assert captured == ['{"async":false}']
