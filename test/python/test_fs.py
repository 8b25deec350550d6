"""pyscript.fs: mount, sync, unmount and revoke a real folder (an OPFS
directory, stored as the picker would have stored it)."""

import os
import sys

from pyscript import RUNNING_IN_WORKER, fs, js_import

PLACE = ("worker" if RUNNING_IN_WORKER else "main") + "-" + sys.implementation.name
PATH = "/mnt-" + PLACE


async def _helpers():
    (module,) = await js_import("/test/fixtures/module/fs-folders.js")
    return module


def _read(path):
    with open(path) as handle:
        return handle.read()


async def _raises(error_type, awaitable):
    try:
        await awaitable
    except error_type as error:
        return str(error)
    raise AssertionError("expected " + error_type.__name__)


async def test_sync_and_unmount_of_a_path_that_is_not_mounted_raise_key_error():
    assert "/not-mounted" not in fs.mounted
    assert "not mounted" in await _raises(KeyError, fs.sync("/not-mounted"))
    assert "not mounted" in await _raises(KeyError, fs.unmount("/not-mounted"))


async def test_mount_sync_unmount_and_mount_again():
    helpers = await _helpers()
    if helpers.missing():
        skip(helpers.missing())
    from pyscript.ffi import to_js

    folder = await helpers.folder("pyscript-fs-" + PLACE, to_js({"hello.txt": "from disk", "old/gone.txt": "x"}))
    await helpers.remember(PATH + "@pyscript", folder)

    await fs.mount(PATH)
    assert PATH in fs.mounted
    assert _read(PATH + "/hello.txt") == "from disk"
    with open(PATH + "/new.txt", "w") as handle:
        handle.write("from python")
    os.mkdir(PATH + "/sub")
    with open(PATH + "/sub/deep.txt", "w") as handle:
        handle.write("deep")
    os.remove(PATH + "/old/gone.txt")
    os.rmdir(PATH + "/old")
    await fs.sync(PATH)
    assert await helpers.contents(folder) == "hello.txt=from disk\nnew.txt=from python\nsub/deep.txt=deep"

    await fs.mount(PATH)  # the same path and id: nothing to do
    assert "already mounted" in await _raises(ValueError, fs.mount(PATH, id="another"))

    with open(PATH + "/last.txt", "w") as handle:
        handle.write("written by unmount")
    await fs.unmount(PATH)
    assert PATH not in fs.mounted and os.listdir(PATH) == []
    assert "last.txt=written by unmount" in await helpers.contents(folder)

    await fs.mount(PATH)  # found again in IndexedDB: no picker
    assert sorted(os.listdir(PATH)) == ["hello.txt", "last.txt", "new.txt", "sub"]
    assert await fs.revoke(PATH) is True
    assert PATH not in fs.mounted and os.listdir(PATH) == []
    assert await fs.revoke(PATH) is False


async def test_mount_without_a_stored_folder_needs_the_picker_and_a_click():
    # No user gesture here, so the browser refuses to show the picker: an error, not a hang.
    try:
        await fs.mount("/mnt-picker-" + PLACE, id="never-picked")
    except Exception as error:  # noqa: BLE001 - the browser's SecurityError, as a JsException
        assert "showDirectoryPicker" in str(error) or "gesture" in str(error), str(error)
    else:
        raise AssertionError("expected the picker to be refused")
    assert "/mnt-picker-" + PLACE not in fs.mounted
