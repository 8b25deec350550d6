"""``mip.install()`` in the browser, as MicroPython's ``mip`` does it.

::

    import mip
    mip.install("./modules/bisect.py")          # a .py or .mpy file
    mip.install("./my_package/package.json")    # a mip manifest: urls, deps
    mip.install("keyword")                      # micropython-lib, when online

Files are fetched with a synchronous request, so ``install`` returns once
they are on the file system (in ``/lib`` by default). Relative URLs resolve
against the page. A package that cannot be fetched raises ``OSError``
naming the URL and the HTTP status.
"""

import json
import sys

import js

_INDEX = "https://micropython.org/pi/v2"


def _base():
    document = getattr(js, "document", None)
    return document.baseURI if document is not None else js.location.href


def _absolute(url, base=None):
    return js.URL.new(url, base or _base()).href


def _rewrite(url, version=None):
    if url.startswith("github:"):
        parts = url[7:].split("/")
        return "/".join(["https://raw.githubusercontent.com", parts[0], parts[1], version or "HEAD"] + parts[2:])
    return url


def _get(url):
    request = js.XMLHttpRequest.new()
    request.open("GET", url, False)
    # Bytes survive a text response in this charset, one char per byte.
    request.overrideMimeType("text/plain; charset=x-user-defined")
    request.send(None)
    if request.status != 200:
        raise OSError("mip: unable to fetch " + url + ": HTTP " + str(request.status))
    return bytes(ord(char) & 0xFF for char in request.responseText)


async def _get_async(url):
    try:
        response = await js.fetch(url)
    except Exception as error:  # noqa: BLE001 - the network error, as a JsException
        raise OSError("mip: unable to fetch " + url + ": " + str(error))
    if response.status != 200:
        raise OSError("mip: unable to fetch " + url + ": HTTP " + str(response.status))
    return bytes(js.Uint8Array.new(await response.arrayBuffer()))


def _write(path, data):
    import os

    parts = path.split("/")
    current = ""
    for part in parts[:-1]:
        current += part + "/"
        if current != "/":
            try:
                os.mkdir(current.rstrip("/"))
            except OSError:
                pass  # it exists
    with open(path, "wb") as dest:
        dest.write(data)


def _default_target():
    for path in sys.path:
        if path.endswith("site-packages"):
            return path
    return "/lib"


# The install is a generator: it yields each URL it needs and is sent the
# bytes, so the same steps run with blocking requests (install) or awaited
# fetches (_install_async).


def _plan_json(url, index, target, version):
    manifest = json.loads((yield _rewrite(url, version)))
    base = url.rsplit("/", 1)[0] + "/"
    for path, short_hash in manifest.get("hashes", ()):
        _write(target + "/" + path, (yield index + "/file/" + short_hash[:2] + "/" + short_hash))
    for path, source in manifest.get("urls", ()):
        if not (source.startswith("github:") or "://" in source):
            source = _absolute(source, base)
        _write(target + "/" + path, (yield _rewrite(source, version)))
    for dep, dep_version in manifest.get("deps", ()):
        if "/" in dep and not (dep.startswith("github:") or "://" in dep):
            dep = _absolute(dep, base)  # relative to the manifest
        yield from _plan(dep, index, target, dep_version, True)


def _plan(package, index, target, version, mpy):
    index = (index or _INDEX).rstrip("/")
    target = (target or _default_target()).rstrip("/")
    if package.endswith(".py") or package.endswith(".mpy"):
        url = _absolute(_rewrite(package, version))
        _write(target + "/" + url.rsplit("/", 1)[-1], (yield url))
    elif package.endswith(".json") or package.startswith("github:") or "/" in package:
        if not package.endswith(".json"):
            package = package.rstrip("/") + "/package.json"
        url = package if package.startswith("github:") else _absolute(package)
        yield from _plan_json(url, index, target, version)
    else:
        kind = "mpy" if mpy and sys.implementation.name == "micropython" else "py"
        url = index + "/package/" + kind + "/" + package + "/" + (version or "latest") + ".json"
        yield from _plan_json(url, index, target, version)


def install(package, index=None, target=None, version=None, mpy=True):
    """Installs ``package`` (a name, a ``.py``/``.mpy`` URL, or a ``package.json`` URL) into ``target``."""
    steps = _plan(package, index, target, version, mpy)
    try:
        url = next(steps)
        while True:
            url = steps.send(_get(url))
    except StopIteration:
        pass


async def _install_async(package, index=None, target=None, version=None, mpy=True):
    """``install()`` with awaited fetches: the page is not blocked, and a
    network error is an ``OSError`` (a failed blocking request is a
    JavaScript error that MicroPython cannot catch)."""
    steps = _plan(package, index, target, version, mpy)
    try:
        url = next(steps)
        while True:
            url = steps.send(await _get_async(url))
    except StopIteration:
        pass
