"""display(): values, targets, mime reprs, escaping."""

from pyscript import HTML, display, document, ffi, web


_count = [0]


def _place():
    _count[0] += 1
    element = fixture()
    element.id = "display-place-" + str(_count[0])
    return element


def test_display_shows_strings_as_text_never_markup():
    place = _place()
    display("<b>bold</b>", target=place.id)
    assert place.textContent == "<b>bold</b>"
    assert ffi.is_none(place.querySelector("b"))


def test_display_html_renders_markup():
    place = _place()
    display(HTML("<b>bold</b>"), target=place.id)
    assert place.querySelector("b").textContent == "bold"


def test_display_several_values_append_in_order():
    place = _place()
    display(1, "two", [3], target=place.id)
    display("four", target=place.id)
    assert [place.children[i].textContent for i in range(place.children.length)] == ["1", "two", "[3]", "four"]


def test_display_append_false_replaces():
    place = _place()
    display("old", target=place.id)
    display("new", target=place.id, append=False)
    assert place.textContent == "new"


def test_display_target_accepts_hash_and_elements():
    place = _place()
    display("a", target="#" + place.id)
    display("b", target=place)
    display("c", target=web.Element.wrap(place))
    assert place.textContent == "abc"


def test_display_bad_target_raises_a_clear_error():
    try:
        display("x", target="no-such-element-anywhere")
    except ValueError as error:
        assert "no-such-element-anywhere" in str(error)
    else:
        raise AssertionError("expected ValueError")


def test_display_default_target_is_current_target():
    from pyscript import current_target

    before = document.getElementById(current_target()).childElementCount
    display("default place")
    target = document.getElementById(current_target())
    assert target.childElementCount == before + 1
    assert target.lastElementChild.textContent == "default place"
    target.lastElementChild.remove()


class _Rich:
    def __init__(self, **reprs):
        self._reprs = reprs

    def __getattr__(self, name):
        if name in self._reprs:
            return lambda: self._reprs[name]
        raise AttributeError(name)


def test_display_uses_repr_html():
    place = _place()
    display(_Rich(_repr_html_="<i>rich</i>"), target=place.id)
    assert place.querySelector("i").textContent == "rich"


def test_display_uses_svg_png_jpeg_json_markdown():
    place = _place()
    display(_Rich(_repr_svg_='<svg id="s1"></svg>'), target=place.id)
    display(_Rich(_repr_png_=b"\x89PNG"), target=place.id)
    display(_Rich(_repr_jpeg_="/9j/"), target=place.id)
    display(_Rich(_repr_json_={"a": 1}), target=place.id)
    display(_Rich(_repr_markdown_="*md*"), target=place.id)
    assert not ffi.is_none(place.querySelector("svg"))
    images = place.querySelectorAll("img")
    assert images.length == 2
    assert images[0].src.startswith("data:image/png;base64,iVBORw")
    assert images[1].src == "data:image/jpeg;base64,/9j/"
    assert '"a": 1' in place.textContent or '"a":1' in place.textContent
    assert "*md*" in place.textContent


def test_display_uses_repr_mimebundle_first():
    place = _place()
    display(_Rich(_repr_mimebundle_={"text/html": "<u>bundle</u>"}, _repr_html_="<i>no</i>"), target=place.id)
    assert place.querySelector("u").textContent == "bundle"


class _Plain:
    pass


class _BrokenRepr:
    def __repr__(self):
        raise RuntimeError("no repr")


def test_display_unrepresentable_object_shows_its_repr_escaped():
    place = _place()
    display(_Plain(), target=place.id)
    assert "_Plain" in place.textContent and place.textContent.startswith("<")
    display(_BrokenRepr(), target=place.id)
    assert "_BrokenRepr" in place.textContent


def test_display_shows_web_elements_themselves():
    place = _place()
    display(web.span("node", id="display-node"), target=place.id)
    assert place.querySelector("#display-node").tagName == "SPAN"
