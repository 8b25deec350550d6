"""``pyscript.web``: Pythonic wrappers over the page's elements.

::

    from pyscript.web import page, div, button

    page["#app"].append(div("Hello", classes=["greeting"]))
    go = button("Go", on_click=lambda event: print("clicked"))
    page.append(go)
    for item in page.find("li"):
        item.style["color"] = "red"

Every tag has a creation helper named after it (``div``, ``p``, ``span``,
``button``…); the ones that clash with Python names end in ``_``
(``input_``, ``del_``, ``map_``, ``object_``). Keyword arguments set
properties (``id``, ``value``, ``className``…), ``classes`` and ``style``,
and ``on_<event>`` handlers.
"""

import _pyscript
from pyscript import context as _context
from pyscript.events import Event
from pyscript.ffi import create_proxy, is_none


def _wrap(dom_element):
    return None if is_none(dom_element) else Element.wrap(dom_element)


def _find_by_id(dom_node, key):
    key = key[1:] if key.startswith("#") else key
    if dom_node is _context.document or getattr(dom_node, "getElementById", None) is not None:
        return _wrap(dom_node.getElementById(key))
    return _wrap(dom_node.querySelector("#" + key))


def _property_name(name):
    if name.endswith("_"):
        name = name[:-1]
    return {"for": "htmlFor", "class": "className"}.get(name, name)


def _dom_nodes(item):
    if isinstance(item, (list, tuple, ElementCollection)):
        nodes = []
        for child in item:
            nodes.extend(_dom_nodes(child))
        return nodes
    if isinstance(item, Element):
        return [item._dom_element]
    return [item]  # a string (text) or a DOM node


class Element:
    """A wrapped DOM element. Unknown attributes are the DOM element's."""

    tag = None
    _classes_by_tag = {}

    @classmethod
    def wrap(cls, dom_element):
        """Wrap ``dom_element`` in the class registered for its tag."""
        tag = str(dom_element.tagName).lower()
        return Element._classes_by_tag.get(tag, Element)(dom_element=dom_element)

    def __init__(self, dom_element=None, classes=None, style=None, **properties):
        if dom_element is None:
            dom_element = _context.document.createElement(self.tag)
        object.__setattr__(self, "_dom_element", dom_element)
        object.__setattr__(self, "_events", {})
        self.update(classes=classes, style=style, **properties)

    def __eq__(self, other):
        return isinstance(other, Element) and other._dom_element == self._dom_element

    def __hash__(self):
        return id(self)

    def __repr__(self):
        return "<" + type(self).__name__ + " " + str(self._dom_element.outerHTML)[:80] + ">"

    def __getitem__(self, key):
        if isinstance(key, str):
            return _find_by_id(self._dom_element, key)
        return self.children[key]

    def __getattr__(self, name):
        if name.startswith("on_"):
            return self.get_event(name)
        return getattr(self._dom_element, _property_name(name))

    def __setattr__(self, name, value):
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        elif name.startswith("on_"):
            self.get_event(name).add_listener(value)
        else:
            setattr(self._dom_element, _property_name(name), value)

    def get_event(self, name):
        """The :class:`Event` for DOM event ``on_<type>``, wired on first use."""
        if name in self._events:
            return self._events[name]
        event = Event()
        self._events[name] = event
        self._dom_element.addEventListener(name[3:], create_proxy(event.trigger))
        return event

    @property
    def children(self):
        """The child elements, as an :class:`ElementCollection`."""
        return ElementCollection.wrap_dom_elements(self._dom_element.children)

    @property
    def parent(self):
        """The parent element, or ``None``."""
        return _wrap(self._dom_element.parentElement)

    @property
    def classes(self):
        """The CSS classes, as a set-like :class:`Classes`."""
        return Classes(self._dom_element)

    @property
    def style(self):
        """The inline style, as a dict-like :class:`Style`."""
        return Style(self._dom_element)

    def append(self, *items):
        """Append elements, collections, DOM nodes or strings (as text)."""
        for item in items:
            for node in _dom_nodes(item):
                self._dom_element.append(node)
        return self

    def find(self, selector):
        """Every descendant matching the CSS ``selector``."""
        return ElementCollection.wrap_dom_elements(self._dom_element.querySelectorAll(selector))

    def clone(self, clone_id=None):
        """A deep copy, with id ``clone_id``."""
        copy = Element.wrap(self._dom_element.cloneNode(True))
        copy.id = clone_id or ""
        return copy

    def show_me(self):
        """Scroll the element into view."""
        self._dom_element.scrollIntoView()

    def update(self, classes=None, style=None, **properties):
        """Set classes (a string or list), style (a dict), properties and
        ``on_<event>`` handlers."""
        if classes:
            for name in [classes] if isinstance(classes, str) else classes:
                self.classes.add(name)
        if style:
            for name, value in style.items():
                self.style[name] = value
        for name, value in properties.items():
            setattr(self, name, value)


class ContainerElement(Element):
    """An element that holds children: positional arguments are appended."""

    def __init__(self, *children, dom_element=None, classes=None, style=None, **properties):
        super().__init__(dom_element=dom_element, classes=classes, style=style, **properties)
        self.append(*children)

    def __iter__(self):
        return iter(self.children)


class Classes:
    """The ``classList`` of an element, as a set."""

    def __init__(self, dom_element):
        self._list = dom_element.classList

    def add(self, name):
        for part in str(name).split():
            self._list.add(part)

    def remove(self, name):
        if name not in self:
            raise KeyError(name)
        self._list.remove(name)

    def discard(self, name):
        self._list.remove(name)

    def toggle(self, name):
        return self._list.toggle(name)

    def clear(self):
        for name in list(self):
            self._list.remove(name)

    def __contains__(self, name):
        return bool(self._list.contains(name))

    def __iter__(self):
        return iter([self._list.item(i) for i in range(self._list.length)])

    def __len__(self):
        return self._list.length

    def __eq__(self, other):
        return set(self) == set(other)

    def __repr__(self):
        return "Classes(" + repr(set(self)) + ")"


class Style:
    """The inline ``style`` of an element, as a dict of CSS properties."""

    def __init__(self, dom_element):
        self._style = dom_element.style

    def __getitem__(self, name):
        return self._style.getPropertyValue(name)

    def __setitem__(self, name, value):
        self._style.setProperty(name, str(value))

    def __delitem__(self, name):
        self._style.removeProperty(name)

    def __contains__(self, name):
        return bool(self._style.getPropertyValue(name))

    def get(self, name, default=None):
        return self[name] if name in self else default

    def remove(self, name):
        del self[name]


class ElementCollection:
    """A list of :class:`Element` s, as ``find()`` returns."""

    @classmethod
    def wrap_dom_elements(cls, dom_elements):
        return cls([Element.wrap(dom_elements[i]) for i in range(dom_elements.length)])

    def __init__(self, elements):
        self._elements = list(elements)

    def __getitem__(self, key):
        if isinstance(key, str):
            for element in self._elements:
                found = element if element.id == key.lstrip("#") else element[key]
                if found is not None:
                    return found
            return None
        if isinstance(key, slice):
            return ElementCollection(self._elements[key])
        return self._elements[key]

    def __iter__(self):
        return iter(self._elements)

    def __len__(self):
        return len(self._elements)

    def __eq__(self, other):
        return isinstance(other, ElementCollection) and self._elements == other._elements

    def __repr__(self):
        return "ElementCollection(" + repr(self._elements) + ")"

    @property
    def elements(self):
        return list(self._elements)

    def find(self, selector):
        """Every descendant of the elements matching ``selector``."""
        found = []
        for element in self._elements:
            found.extend(element.find(selector))
        return ElementCollection(found)

    def update_all(self, classes=None, style=None, **properties):
        """``update()`` every element."""
        for element in self._elements:
            element.update(classes=classes, style=style, **properties)


class Page:
    """The page: ``page["#id"]``, ``page.find(selector)``, ``page.title``,
    ``page.html``/``head``/``body`` and ``page.append(...)``."""

    def __getitem__(self, key):
        return _find_by_id(_context.document, key)

    @property
    def html(self):
        return Element.wrap(_context.document.documentElement)

    @property
    def head(self):
        return Element.wrap(_context.document.head)

    @property
    def body(self):
        return Element.wrap(_context.document.body)

    @property
    def title(self):
        return _context.document.title

    @title.setter
    def title(self, value):
        _context.document.title = value

    def find(self, selector):
        """Every element in the page matching the CSS ``selector``."""
        return ElementCollection.wrap_dom_elements(_context.document.querySelectorAll(selector))

    def append(self, *items):
        """Append to ``<body>``."""
        self.body.append(*items)


page = Page()

_CONTAINER_TAGS = (
    "a abbr address article aside audio b bdi bdo blockquote body button canvas caption cite code colgroup data "
    "datalist dd del_ details dfn dialog div dl dt em fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head "
    "header hgroup html i iframe ins kbd label legend li main map_ mark menu meter nav noscript object_ ol optgroup "
    "option output p picture pre progress q rp rt ruby s samp script section select slot small span strong style "
    "sub summary sup table tbody td template textarea tfoot th thead time title tr u ul var video"
).split()
_VOID_TAGS = "area base br col embed hr img input_ link meta param source track wbr".split()


def _define(name, base):
    cls = type(name, (base,), {"tag": name.rstrip("_")})
    Element._classes_by_tag[cls.tag] = cls
    return cls


for _name in _CONTAINER_TAGS:
    globals()[_name] = _define(_name, ContainerElement)
for _name in _VOID_TAGS:
    globals()[_name] = _define(_name, Element)
