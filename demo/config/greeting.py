"""Copied onto MicroPython's file system by the demo's <mpy-config>."""


def greet(name):
    return "hello " + name + ", from a file listed in [files]"
