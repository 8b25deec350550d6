"""``pyscript.fs``: a folder of the user's disk, mounted into the
interpreter's file system (the File System Access API: Chromium-based
browsers only).

::

    from pyscript import fs, when

    @when("click", "#open")
    async def open_folder(event):
        await fs.mount("/local")          # the browser asks for a folder
        with open("/local/notes.txt", "a") as notes:
            notes.write("hello\\n")
        await fs.sync("/local")           # written to disk
        await fs.unmount("/local")

The first ``mount()`` of a ``path``/``id`` shows the folder picker, which the
browser allows only right after a user action (a click). The chosen folder
is remembered (in IndexedDB) under ``path@id``: later mounts, after a
reload or in a worker, only ask for permission when it has lapsed.
``revoke()`` forgets it. In a worker, the picker and the permission prompt
appear on the page (through ``sync``).
"""

import _pyscript
from pyscript.ffi import is_none, to_js

#: Mounted paths -> their mounts (each has an awaitable ``syncfs()``).
mounted = {}
_ids = {}


def _key(path, id):
    return str(path) + "@" + str(id)


async def _check_permission(details):
    """The stored folder handle of ``details`` if permission is still
    granted, else ``None``."""
    handler = details.handler
    if not hasattr(handler, "queryPermission"):
        # Firefox and Safari have handles (the origin's private file system) but no
        # permission API: such a handle stays usable.
        return handler
    state = await handler.queryPermission(details.options)
    return handler if state == "granted" else None


async def mount(path, mode="readwrite", root="", id="pyscript"):
    """Mount a folder of the user's disk at ``path`` (an empty or new directory).

    ``mode`` is ``"readwrite"`` or ``"read"``; ``root`` suggests where the
    picker starts (``"documents"``, ``"downloads"``…); ``id`` tells
    folders mounted at the same path apart. Mounting the same ``path`` and
    ``id`` again does nothing; another ``id`` at a mounted path raises
    ``ValueError``.
    """
    if path in mounted:
        if _ids[path] == id:
            return
        raise ValueError(
            "Path '" + path + "' is already mounted with another id: unmount it first or use a different path."
        )
    key = _key(path, id)
    fs = _pyscript.fs
    details = await fs.details(key)
    if not is_none(details):
        handler = await _check_permission(details) or await fs.permit(key)
    else:
        options = {"id": id, "mode": mode}
        if root:
            options["startIn"] = root
        handler = await fs.pick(key, to_js(options))
    mounted[path] = await fs.mount(path, handler)
    _ids[path] = id


async def sync(path):
    """Write the changes made under the mounted ``path`` to the disk.

    ``KeyError`` when ``path`` is not mounted.
    """
    if path not in mounted:
        raise KeyError("Path '" + str(path) + "' is not mounted: use fs.mount() first.")
    await mounted[path].syncfs()


async def unmount(path):
    """Write the changes under ``path`` to disk, then unmount it (its files
    leave the interpreter's file system). ``KeyError`` when not mounted."""
    if path not in mounted:
        raise KeyError("Path '" + str(path) + "' is not mounted: nothing to unmount.")
    await sync(path)
    _pyscript.fs.unmount(path)
    del mounted[path]
    del _ids[path]


async def revoke(path, id="pyscript"):
    """Forget the folder remembered for ``path`` and ``id`` (the next
    ``mount()`` shows the picker again) and unmount it, without syncing.
    Returns whether a folder was remembered."""
    forgotten = bool(await _pyscript.fs.forget(_key(path, id)))
    if path in mounted and _ids[path] == id:
        _pyscript.fs.unmount(path)
        del mounted[path]
        del _ids[path]
    return forgotten


__all__ = ["mount", "mounted", "revoke", "sync", "unmount"]
