"""display(): values, targets, mime reprs, escaping."""

from pyscript import HTML, display, document, ffi, web, window


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


def _value_error(action):
    try:
        action()
    except ValueError as error:
        return str(error)
    raise AssertionError("expected ValueError")


def test_display_bad_target_raises_a_clear_error():
    message = _value_error(lambda: display("x", target="no-such-element-anywhere"))
    assert message == "Cannot find element with id='no-such-element-anywhere' in the page."


def test_display_empty_target_raises_instead_of_using_the_default():
    assert _value_error(lambda: display("x", target="")) == "Cannot find element with id='' in the page."
    assert _value_error(lambda: display("x", target="#")) == "Cannot find element with id='' in the page."


def test_display_default_target_is_current_target():
    from pyscript import current_target

    place = document.getElementById(current_target())
    # As in PyScript, a worker <script>'s output place joins the page with its first output.
    before = 0 if ffi.is_none(place) else place.childElementCount
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


def test_display_uses_svg_png_jpeg_json():
    place = _place()
    display(_Rich(_repr_svg_='<svg id="s1"></svg>'), target=place.id)
    display(_Rich(_repr_png_=b"\x89PNG"), target=place.id)
    display(_Rich(_repr_jpeg_="/9j/"), target=place.id)
    display(_Rich(_repr_json_={"a": 1}), target=place.id)
    assert not ffi.is_none(place.querySelector("svg"))
    images = place.querySelectorAll("img")
    assert images.length == 2
    assert images[0].src.startswith("data:image/png;base64,iVBORw")
    assert images[1].src == "data:image/jpeg;base64,/9j/"
    assert '"a": 1' in place.textContent or '"a":1' in place.textContent


def test_display_prefers_images_to_html_as_pyscript_does():
    place = _place()
    display(_Rich(_repr_html_="<i>html</i>", _repr_png_="iVBORw0K"), target=place.id)
    assert ffi.is_none(place.querySelector("i"))
    assert place.querySelector("img").src == "data:image/png;base64,iVBORw0K"


def test_display_markdown_latex_and_pdf_are_not_rendered_the_repr_is():
    place = _place()
    display(_Rich(_repr_markdown_="*md*", _repr_latex_="$x$"), target=place.id)
    assert "*md*" not in place.textContent and "_Rich" in place.textContent


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


def test_display_of_a_value_whose_repr_raises_raises_it():
    # As PyScript: the script's error, shown in its box (test/errors-callbacks.ts).
    place = _place()
    try:
        display(_BrokenRepr(), target=place.id)
    except RuntimeError as error:
        assert "no repr" in str(error)
    else:
        assert False, "display() did not raise"
    assert place.textContent == ""


def test_display_shows_web_elements_themselves():
    place = _place()
    display(web.span("node", id="display-node"), target=place.id)
    assert place.querySelector("#display-node").tagName == "SPAN"


def test_display_skips_empty_and_whitespace_only_content():
    place = _place()
    display("", "\n", "  \t ", _Rich(_repr_html_="   "), target=place.id)
    assert place.childElementCount == 0
    display("kept", "", target=place.id)
    assert place.childElementCount == 1


def test_display_none_and_other_builtins_show_their_repr():
    place = _place()
    display(None, True, 3.5, target=place.id)
    assert [place.children[i].textContent for i in range(place.children.length)] == ["None", "True", "3.5"]


def test_display_mimebundle_metadata_become_image_attributes():
    place = _place()
    bundle = ({"image/png": "iVBORw0K"}, {"image/png": {"width": "100", "height": "50"}})
    display(_Rich(_repr_mimebundle_=bundle), target=place.id)
    image = place.querySelector("img")
    assert image.getAttribute("width") == "100" and image.getAttribute("height") == "50"
    assert image.src == "data:image/png;base64,iVBORw0K"


def test_display_mimebundle_format_metadata_merge_over_the_shared_ones():
    place = _place()
    bundle = ({"image/jpeg": ("/9j/", {"height": "75", "alt": 'a "q"'})}, {"image/jpeg": {"width": "10", "height": "1"}})
    display(_Rich(_repr_mimebundle_=bundle), target=place.id)
    image = place.querySelector("img")
    assert image.getAttribute("width") == "10"
    assert image.getAttribute("height") == "75"
    assert image.getAttribute("alt") == 'a "q"'


def test_display_mimebundle_tuple_values_and_unknown_mimes():
    place = _place()
    display(_Rich(_repr_mimebundle_={"text/html": ("<em>tuple</em>", {"x": 1})}), target=place.id)
    assert place.querySelector("em").textContent == "tuple"
    display(_Rich(_repr_mimebundle_={"application/pdf": "%PDF", "text/latex": "$"}, _repr_html_="<s>fallback</s>"), target=place.id)
    assert place.querySelector("s").textContent == "fallback"


def test_display_repr_methods_may_return_data_and_metadata():
    place = _place()
    display(_Rich(_repr_html_=("<b>with meta</b>", {"k": "v"})), target=place.id)
    display(_Rich(_repr_png_=("iVBORw0K", {"width": "7"})), target=place.id)
    assert place.querySelector("b").textContent == "with meta"
    assert place.querySelector("img").getAttribute("width") == "7"


def test_display_append_false_writes_straight_into_the_target():
    place = _place()
    display("old 1", "old 2", target=place.id)
    display("first", "second", target=place.id, append=False)
    # Text replaces what the previous value wrote: the last one is left, with no wrapper.
    assert place.childElementCount == 0 and place.textContent == "second"
    display(HTML("<i>a</i>"), HTML("<i>b</i>"), target=place.id, append=False)
    assert place.querySelectorAll("i").length == 2


def test_display_html_runs_its_scripts():
    place = _place()
    display(HTML('<script>window.displayRanScript = "yes"</script>'), target=place.id)
    assert window.displayRanScript == "yes"
    display(_Rich(_repr_javascript_='window.displayRanJavascript = 42'), target=place.id)
    assert window.displayRanJavascript == 42
