"""pyscript.media, with Chromium's fake camera and microphone
(web-test-runner.config.mjs starts it with --use-fake-device-for-media-stream)."""

from pyscript import media
from pyscript.media import Device, list_devices


def _stop(stream):
    tracks = stream.getTracks()
    for i in range(tracks.length):
        tracks[i].stop()


async def test_list_devices_gives_devices_with_their_fields():
    devices = await list_devices()
    assert isinstance(devices, list) and devices
    kinds = set()
    for device in devices:
        assert isinstance(device, Device)
        assert device.kind in ("videoinput", "audioinput", "audiooutput")
        assert device["id"] == device.id and device["kind"] == device.kind
        assert device["label"] == device.label and device["group"] == device.group
        kinds.add(device.kind)
    assert "videoinput" in kinds and "audioinput" in kinds


async def test_request_stream_video_audio_and_constraints():
    video = await Device.request_stream()
    assert video.active and video.getVideoTracks().length == 1 and video.getAudioTracks().length == 0
    _stop(video)
    audio = await Device.request_stream(audio=True, video=False)
    assert audio.getAudioTracks().length == 1 and audio.getVideoTracks().length == 0
    _stop(audio)
    sized = await media.Device.request_stream(video={"width": 320, "height": 240})
    # The constraints reach getUserMedia: the track holds them (each engine's
    # fake camera honours them its own way: Chromium scales, WebKit's does not).
    constraints = sized.getVideoTracks()[0].getConstraints()
    assert constraints.width == 320 and constraints.height == 240, (constraints.width, constraints.height)
    _stop(sized)
    both = await Device.load(audio=True, video=True)
    assert both.getTracks().length == 2
    _stop(both)


async def test_get_stream_uses_that_device():
    cameras = [device for device in await list_devices() if device.kind == "videoinput"]
    stream = await cameras[0].get_stream()
    assert stream.getVideoTracks()[0].getSettings().deviceId == cameras[0].id
    _stop(stream)
    microphones = [device for device in await list_devices() if device.kind == "audioinput"]
    stream = await microphones[0].get_stream()
    assert stream.getAudioTracks().length == 1 and stream.getVideoTracks().length == 0
    _stop(stream)
