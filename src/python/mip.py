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


def _install_json(url, index, target, version):
    manifest = json.loads(_get(_rewrite(url, version)))
    base = url.rsplit("/", 1)[0] + "/"
    for path, short_hash in manifest.get("hashes", ()):
        _write(target + "/" + path, _get(index + "/file/" + short_hash[:2] + "/" + short_hash))
    for path, source in manifest.get("urls", ()):
        if not (source.startswith("github:") or "://" in source):
            source = _absolute(source, base)
        _write(target + "/" + path, _get(_rewrite(source, version)))
    for dep, dep_version in manifest.get("deps", ()):
        if "/" in dep and not (dep.startswith("github:") or "://" in dep):
            dep = _absolute(dep, base)  # relative to the manifest
        install(dep, index=index, target=target, version=dep_version)


def install(package, index=None, target=None, version=None, mpy=True):
    """Installs ``package`` (a name, a ``.py``/``.mpy`` URL, or a ``package.json`` URL) into ``target``."""
    index = (index or _INDEX).rstrip("/")
    target = (target or _default_target()).rstrip("/")
    if package.endswith(".py") or package.endswith(".mpy"):
        url = _absolute(_rewrite(package, version))
        _write(target + "/" + url.rsplit("/", 1)[-1], _get(url))
    elif package.endswith(".json") or package.startswith("github:") or "/" in package:
        if not package.endswith(".json"):
            package = package.rstrip("/") + "/package.json"
        url = package if package.startswith("github:") else _absolute(package)
        _install_json(url, index, target, version)
    else:
        kind = "mpy" if mpy and sys.implementation.name == "micropython" else "py"
        _install_json(index + "/package/" + kind + "/" + package + "/" + (version or "latest") + ".json", index, target, version)
