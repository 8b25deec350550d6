"""pyscript.web: page, Element wrappers, creation helpers."""

from pyscript import document, web
from pyscript.web import Element, ElementCollection, button, div, input_, p, page, span


def test_page_lookup_by_id_with_or_without_hash():
    place = fixture('<span id="web-lookup">hi</span>')
    assert page["#web-lookup"].textContent == "hi"
    assert page["web-lookup"] == page["#web-lookup"]
    assert page["#web-missing"] is None
    place.remove()


def test_page_find_returns_a_collection():
    fixture('<ul><li class="web-item">a</li><li class="web-item">b</li></ul>')
    items = page.find(".web-item")
    assert isinstance(items, ElementCollection)
    assert len(items) == 2
    assert [item.textContent for item in items] == ["a", "b"]
    assert items[1].textContent == "b"
    assert len(items[0:1]) == 1


def test_page_title_reads_and_writes():
    before = page.title
    page.title = "web title"
    assert document.title == "web title"
    assert page.title == "web title"
    page.title = before


def test_creation_helpers_build_elements():
    element = div(p("para", id="web-p"), span("s"), "text", classes=["a", "b"], style={"color": "red"}, title="t")
    assert element.tagName == "DIV"
    assert element.children[0].tagName == "P"
    assert element.children[0].id == "web-p"
    assert element.textContent == "parastext"
    assert "a" in element.classes and "b" in element.classes
    assert element.style["color"] == "red"
    assert element.title == "t"


def test_input_value_and_button():
    field = input_(type="text", value="hello")
    assert field.tagName == "INPUT"
    assert field.value == "hello"
    field.value = "changed"
    assert field._dom_element.value == "changed"
    assert button("b").tagName == "BUTTON"


def test_append_classes_style_and_find():
    host = Element.wrap(fixture())
    host.append(div("one", classes="x"), [span("two"), span("three")])
    assert len(host.find("span")) == 2
    assert host.find(".x")[0].textContent == "one"
    host.classes.add("c1")
    host.classes.add("c2")
    host.classes.remove("c1")
    assert set(host.classes) == {"c2"}
    host.style["background-color"] = "blue"
    assert host._dom_element.style.backgroundColor == "blue"
    del host.style["background-color"]
    assert host.style["background-color"] == ""
    assert host.children[0].parent == host


def test_on_click_events():
    seen = []
    clickable = button("click me", on_click=lambda event: seen.append(event.type))
    page.append(clickable)
    clickable.on_click.add_listener(lambda: seen.append("second"))
    clickable.click()
    assert seen == ["click", "second"]
    clickable._dom_element.remove()


def test_wrap_picks_the_tag_class():
    wrapped = Element.wrap(document.createElement("span"))
    assert isinstance(wrapped, span)
    assert Element.wrap(document.createElement("x-unknown")).__class__ is Element


def _raises(error_type, action):
    try:
        action()
    except error_type as error:
        return str(error)
    raise AssertionError("expected " + error_type.__name__)


def test_tag_names_and_wrap_dom_element():
    assert div.get_tag_name() == "div"
    assert input_.get_tag_name() == "input"
    assert web.del_.get_tag_name() == "del"
    wrapped = Element.wrap_dom_element(document.createElement("select"))
    assert isinstance(wrapped, web.select) and wrapped.get_tag_name() == "select"


def test_register_element_classes_changes_what_wrap_gives():
    class fancy(web.ContainerElement):
        tag = "x-fancy"

    Element.register_element_classes([fancy])
    assert isinstance(Element.wrap_dom_element(document.createElement("x-fancy")), fancy)
    Element.unregister_element_classes([fancy])
    assert type(Element.wrap_dom_element(document.createElement("x-fancy"))) is Element


def test_container_children_argument_and_html_strings():
    element = div("<b>bold</b>", 7, children=[p("one"), "<i>it</i>"])
    assert element.innerHTML == "<b>bold</b>7<p>one</p><i>it</i>"
    assert [child.tagName for child in element] == ["B", "P", "I"]


def test_append_node_lists_collections_and_scalars():
    source = fixture("<p>1</p><p>2</p><p>3</p>")
    target = div()
    target.append(source.querySelectorAll("p"))  # a static NodeList
    assert target.childElementCount == 3 and source.childElementCount == 0
    again = div()
    again.append(target._dom_element.children)  # a live HTMLCollection: every node moves
    assert again.childElementCount == 3 and target.childElementCount == 0
    again.append(12, 3.5, True, " text")
    assert again._dom_element.textContent == "123" + "12" + "3.5" + "True" + " text"
    assert _raises(TypeError, lambda: again.append(object())).startswith("Cannot append")


def test_indexing_elements_and_collections():
    parent = div(p("a", id="web-index-a"), p("b"), p("c"))
    assert parent[0].textContent == "a"
    assert [child.textContent for child in parent[1:]] == ["b", "c"]
    assert parent["web-index-a"].textContent == "a" and parent["#web-index-a"].textContent == "a"
    assert parent["web-index-missing"] is None
    assert _raises(TypeError, lambda: parent[1.5]).startswith("Element indices must be")
    collection = ElementCollection([parent, div(id="web-index-other")])
    assert collection["web-index-other"].id == "web-index-other"
    assert collection["#web-index-a"].textContent == "a"
    assert _raises(TypeError, lambda: collection[None]).startswith("Collection indices must be")


def test_several_classes_at_once():
    element = div(classes="one two  three")
    assert element.classes == {"one", "two", "three"}
    element.classes.remove("two three")
    assert element.classes == {"one"}
    element.classes.remove("absent")  # logs a warning, no error
    element.classes.discard("one absent")
    assert not element.classes and len(element.classes) == 0
    element.update(classes=["a b", "c"])
    assert set(element.classes) == {"a", "b", "c"}


def test_on_event_names_are_checked():
    field = input_()
    assert isinstance(field.on_input, web.Event)
    assert field.on_input is field.on_input
    assert "chicken" in _raises(ValueError, lambda: field.on_chicken)
    assert "on_" in _raises(ValueError, lambda: field.get_event("click"))
    _raises(ValueError, lambda: button("x", on_nope=print))


def test_clone_with_and_without_an_id():
    original = div(span("inner"), id="web-original", classes="k")
    copy = original.clone()
    assert copy._dom_element is not original._dom_element
    assert copy.innerHTML == original.innerHTML and "k" in copy.classes
    assert not copy._dom_element.hasAttribute("id")
    assert original.clone("web-copy").id == "web-copy" and original.id == "web-original"


def test_select_options_add_remove_clear_and_selected():
    choice = web.select()
    assert len(choice.options) == 0 and choice.options.selected is None
    choice.options.add(value="1", html="One")
    choice.options.add("")
    choice.options.add(value="2", text="<Two>", before=1)
    choice.options.add(value="3", html="Three", before=choice.options[2], selected=True)
    choice.options.add(value="2a", html="Two a", before=choice.options[2]._dom_element)
    assert [option.value for option in choice.options] == ["1", "2", "2a", "3", ""]
    assert choice.options[1].textContent == "<Two>"
    assert choice.options.selected.value == "3" and choice.options[3].selected is True
    choice.options.remove(0)
    assert [option.value for option in choice.options] == ["2", "2a", "3", ""]
    assert "Options" in repr(choice.options)
    choice.options.clear()
    assert len(choice.options) == 0 and choice._dom_element.length == 0


def test_datalist_and_optgroup_options():
    suggestions = web.datalist(web.option(value="a"))
    suggestions.options.add(value="b")
    assert [option.value for option in suggestions.options] == ["a", "b"]
    group = web.optgroup(label="g")
    group.options.add(value="x", html="X")
    group.options.add(value="w", html="W", before=0)
    assert [option.value for option in group.options] == ["w", "x"]
    group.options.remove(1)
    assert len(group.options) == 1
    group.options.clear()
    assert len(group.options) == 0


def test_canvas_draw_copies_pixels_and_video_snap_checks_its_target():
    red = web.canvas(width=4, height=4)
    context = red._dom_element.getContext("2d")
    context.fillStyle = "rgb(255, 0, 0)"
    context.fillRect(0, 0, 4, 4)
    copy = web.canvas(width=4, height=4)
    copy.draw(red)
    pixel = copy._dom_element.getContext("2d").getImageData(1, 1, 1, 1).data
    assert [pixel[0], pixel[1], pixel[2]] == [255, 0, 0]
    film = web.video()
    snapped = film.snap(width=2, height=2)
    assert isinstance(snapped, web.canvas) and snapped.width == 2
    assert _raises(TypeError, lambda: film.snap(to=div())) == "Element to snap to must be a canvas."
    assert isinstance(film.snap(to=copy._dom_element), web.canvas)
