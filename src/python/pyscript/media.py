"""``pyscript.media``: cameras, microphones and speakers.

::

    from pyscript import document
    from pyscript.media import Device, list_devices

    stream = await Device.request_stream(video=True)
    document.getElementById("preview").srcObject = stream
    for device in await list_devices():
        print(device.kind, device.label)

Streams are the browser's ``MediaStream`` objects. The browser asks the
user for permission the first time; a refusal raises the browser's error
(``NotAllowedError``). In a worker the devices are the page's, reached
through ``window``.
"""

from pyscript.context import window
from pyscript.ffi import to_js


def _constraint(value):
    # True/False, or a dict of MediaTrackConstraints (width, deviceId…).
    return value if isinstance(value, (bool, dict)) else bool(value)


class Device:
    """One media device: ``id``, ``group``, ``kind`` (``"videoinput"``,
    ``"audioinput"`` or ``"audiooutput"``) and ``label``, also readable as
    ``device["kind"]``. ``list_devices()`` makes them."""

    def __init__(self, device):
        self._device_info = device

    @property
    def id(self):
        """The device's id, stable for this origin until cookies are cleared."""
        return self._device_info.deviceId

    @property
    def group(self):
        """Shared by devices of one physical device (a webcam's camera and microphone)."""
        return self._device_info.groupId

    @property
    def kind(self):
        return self._device_info.kind

    @property
    def label(self):
        """A name for people; empty until the user has granted a permission."""
        return self._device_info.label

    def __getitem__(self, key):
        return getattr(self, key)

    def __repr__(self):
        return "<Device " + str(self.kind) + " " + repr(self.label) + ">"

    @classmethod
    async def request_stream(cls, audio=False, video=True):
        """A ``MediaStream`` with audio and/or video: each is a bool or a
        dict of constraints (``video={"width": 640}``)."""
        constraints = {"audio": _constraint(audio), "video": _constraint(video)}
        return await window.navigator.mediaDevices.getUserMedia(to_js(constraints))

    @classmethod
    async def load(cls, audio=False, video=True):
        """Deprecated name of :meth:`request_stream`."""
        return await cls.request_stream(audio=audio, video=video)

    async def get_stream(self):
        """A ``MediaStream`` from this device."""
        media = self.kind.replace("input", "").replace("output", "")
        exact = {"deviceId": {"exact": self.id}}
        if media == "audio":
            return await self.request_stream(audio=exact, video=False)
        return await self.request_stream(video=exact)


async def list_devices():
    """Every media device the browser lets the page see, as :class:`Device` s."""
    infos = await window.navigator.mediaDevices.enumerateDevices()
    return [Device(infos[i]) for i in range(infos.length)]


__all__ = ["Device", "list_devices"]
