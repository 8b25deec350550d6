"""when() and Event."""

from pyscript import Event, when, web


def _button():
    place = fixture('<button class="when-btn">go</button>')
    return place.querySelector("button")


def test_when_decorator_calls_handler_with_the_event():
    button = _button()
    button.id = "when-" + str(id(button))
    seen = []

    @when("click", "#" + button.id)
    def clicked(event):
        seen.append(event.type)

    button.click()
    button.click()
    assert seen == ["click", "click"]
    assert callable(clicked)  # the decorator gives the function back


def test_when_handler_without_event_argument():
    button = _button()
    seen = []

    @when("click", button)
    def clicked():
        seen.append("no-arg")

    button.click()
    assert seen == ["no-arg"]


def test_when_as_a_call_with_handler():
    button = _button()
    seen = []
    when("click", button, lambda event: seen.append(event.type))
    when("click", button)(lambda: seen.append("second"))
    button.click()
    assert seen == ["click", "second"]


def test_when_accepts_web_elements_and_options():
    button = _button()
    seen = []

    @when("click", web.Element.wrap(button), once=True)
    def clicked(event):
        seen.append(1)

    button.click()
    button.click()
    assert seen == [1]


async def test_when_async_handler_runs():
    button = _button()
    seen = []

    @when("click", button)
    async def clicked(event):
        await sleep(0)
        seen.append(event.type)

    button.click()
    await wait_until(lambda: seen)
    assert seen == ["click"]


def test_when_selector_matching_nothing_raises():
    try:
        when("click", "#nothing-has-this-id")(lambda: None)
    except ValueError as error:
        assert "#nothing-has-this-id" in str(error)
    else:
        raise AssertionError("expected ValueError")


def test_handler_errors_propagate_not_retried_without_argument():
    calls = []

    def handler(event):
        calls.append(event)
        raise TypeError("function takes 0 positional arguments but 1 were given")

    from pyscript.util import call_with_event

    try:
        call_with_event(handler, "e")
    except TypeError:
        pass
    assert calls == ["e"]


def test_event_triggers_listeners_with_result():
    ready = Event()
    seen = []
    ready.add_listener(lambda value: seen.append(value))

    @when(ready)
    def no_arg():
        seen.append("no-arg")

    ready.trigger(7)
    assert seen == [7, "no-arg"]
    ready.remove_listener(no_arg)
    ready.trigger(8)
    assert seen == [7, "no-arg", 8]
    ready.remove_listener()
    ready.trigger(9)
    assert seen == [7, "no-arg", 8]


def test_when_with_a_list_of_events():
    first, second = Event(), Event()
    seen = []
    when([first, second])(lambda value: seen.append(value))
    first.trigger("a")
    second.trigger("b")
    assert seen == ["a", "b"]


def _value_error(action):
    try:
        action()
    except ValueError as error:
        return str(error)
    raise AssertionError("expected ValueError")


def test_event_listeners_must_be_callable():
    ready = Event()
    assert "callable" in _value_error(lambda: ready.add_listener("not callable"))
    _value_error(lambda: ready.add_listener(123))
    ready.trigger(None)  # nothing was added


def test_when_a_dom_event_without_selector_raises():
    assert "selector" in _value_error(lambda: when("click")(lambda: None))
    _value_error(lambda: when("click", selector=None))


def test_event_listener_errors_stop_the_rest():
    ready = Event()
    seen = []

    def broken(value):
        seen.append("broken")
        raise RuntimeError("listener failed")

    ready.add_listener(lambda value: seen.append("first"))
    ready.add_listener(broken)
    ready.add_listener(lambda value: seen.append("last"))
    try:
        ready.trigger(1)
    except RuntimeError:
        pass
    else:
        raise AssertionError("expected the listener's error")
    assert seen == ["first", "broken"]
