"""pyscript.web: page, Element wrappers, creation helpers."""

from pyscript import document
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
