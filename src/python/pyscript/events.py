"""Events: ``when()`` connects Python handlers to DOM events, and ``Event``
is a small publish/subscribe channel for Python code (``when`` accepts it
too).

Handlers may take the event or nothing, and may be ``async``.
"""

import _pyscript
from pyscript import context as _context
from pyscript._errors import call_reported
from pyscript.ffi import create_proxy, to_js
from pyscript.util import call_with_event


class Event:
    """An event Python code triggers itself; listeners get its result.

    ::

        loaded = Event()
        loaded.add_listener(lambda data: print(data))
        loaded.trigger({"rows": 3})
    """

    def __init__(self):
        self._listeners = []

    def trigger(self, result=None):
        """Call every listener with ``result`` (async listeners are scheduled)."""
        for listener in list(self._listeners):
            call_with_event(listener, result)

    def add_listener(self, listener):
        """Add a callable; adding the same one twice has no effect. A
        listener that is not callable raises ``ValueError``."""
        if not callable(listener):
            raise ValueError("Event listeners must be callable, not " + type(listener).__name__)
        if listener not in self._listeners:
            self._listeners.append(listener)

    def remove_listener(self, *listeners):
        """Remove the given listeners, or all of them when none is given."""
        if not listeners:
            self._listeners = []
        for listener in listeners:
            if listener in self._listeners:
                self._listeners.remove(listener)


def _dom_elements(target):
    """The DOM elements ``target`` names: a CSS selector, an element, an
    ``Element`` wrapper, a collection or a list of those."""
    if isinstance(target, str):
        found = _context.document.querySelectorAll(target)
        return [found[i] for i in range(found.length)]
    if isinstance(target, (list, tuple)):
        elements = []
        for item in target:
            elements.extend(_dom_elements(item))
        return elements
    dom = getattr(target, "_dom_element", None)
    if dom is not None:
        return [dom]
    wrapped = getattr(target, "_elements", None)
    if wrapped is not None:
        return [element._dom_element for element in wrapped]
    return [target]


def _is_event_list(value):
    return isinstance(value, (list, tuple)) and value and all(isinstance(item, Event) for item in value)


def when(event_type, selector=None, handler=None, **options):
    """Run a handler when ``event_type`` happens on the elements ``selector`` names.

    Used as a decorator, or called with the handler::

        @when("click", "#button")
        def clicked(event): ...

        when("click", "#button", clicked)
        when("input", page["#name"])(changed)

    ``event_type`` may also be an :class:`Event` (or a list of them), with no
    selector. ``options`` (``once``, ``capture``, ``passive``) go to
    ``addEventListener``. A selector that matches nothing raises ``ValueError``.
    """
    if isinstance(event_type, Event) or _is_event_list(event_type):
        events = event_type if isinstance(event_type, (list, tuple)) else [event_type]
        elements = None
    else:
        if selector is None:
            raise ValueError("when(" + repr(event_type) + "): a selector or element is required for DOM events")
        elements = _dom_elements(selector)
        if not elements:
            raise ValueError("No elements found for selector: " + str(selector))

    def decorator(func):
        if elements is None:
            for event in events:
                event.add_listener(func)
            return func
        # An error in the handler shows at the script that registered it.
        target = _pyscript.current_target()
        listener = create_proxy(lambda event: call_reported(func, event, target))
        for element in elements:
            if options:
                element.addEventListener(event_type, listener, to_js(options))
            else:
                element.addEventListener(event_type, listener)
        return func

    if handler is not None:
        return decorator(handler)
    return decorator


__all__ = ["Event", "when"]
