"""``pyscript.web``: Pythonic wrappers over the page's elements.

::

    from pyscript.web import page, div, button

    page["#app"].append(div("Hello", classes=["greeting"]))
    go = button("Go", on_click=lambda event: print("clicked"))
    page.append(go)
    for item in page.find("li"):
        item.style["color"] = "red"

Every tag has a class named after it (``div``, ``p``, ``span``,
``button``…); the ones that clash with Python names end in ``_``
(``input_``, ``del_``, ``map_``, ``object_``). Positional arguments of a
container element, and its ``children=`` list, become its children: elements
as they are, strings as HTML. Keyword arguments set properties (``id``,
``value``, ``className``, ``for_``, ``class_``…), ``classes`` (a string of
one or more names, or a list) and ``style`` (a dict), and ``on_<event>``
handlers. ``select``, ``datalist`` and ``optgroup`` have ``options``;
``canvas`` can ``draw()`` and ``download()``; ``video`` can ``snap()``.
"""

import _pyscript
from pyscript import context as _context
from pyscript.events import Event
from pyscript.ffi import create_proxy, is_none


def _wrap_if_not_none(dom_element):
    """The :class:`Element` for ``dom_element``, or ``None`` for null."""
    return None if is_none(dom_element) else Element.wrap_dom_element(dom_element)


def _find_by_id(dom_node, target_id):
    """The element with id ``target_id`` (``#`` optional) under ``dom_node``, or ``None``."""
    target_id = target_id[1:] if target_id.startswith("#") else target_id
    if not target_id:
        return None
    if dom_node is _context.document or getattr(dom_node, "getElementById", None) is not None:
        return _wrap_if_not_none(dom_node.getElementById(target_id))
    return _wrap_if_not_none(dom_node.querySelector('[id="' + target_id.replace('"', '\\"') + '"]'))


def _find_and_wrap(dom_node, selector):
    """Every descendant of ``dom_node`` matching ``selector``, as an :class:`ElementCollection`."""
    return ElementCollection.wrap_dom_elements(dom_node.querySelectorAll(selector))


def _js_list(items):
    """A Python list of the items of a JavaScript array-like (NodeList, HTMLCollection)."""
    return [items[i] for i in range(items.length)]


def _is_dom_node(value):
    return not isinstance(value, (str, int, float, bool)) and getattr(value, "nodeType", None) is not None


def _property_name(name):
    if name.endswith("_"):
        name = name[:-1]
    return {"for": "htmlFor", "class": "className"}.get(name, name)


class Element:
    """A wrapped DOM element. Unknown attributes are the DOM element's.

    ``element[0]`` and ``element[1:3]`` index its children, and
    ``element["id"]`` (or ``"#id"``) finds a descendant by id. ``on_<type>``
    is the :class:`~pyscript.events.Event` of DOM event ``type``: add
    listeners to it, or pass ``on_click=handler`` when creating the element.
    """

    #: The HTML tag, for the tag classes; ``None`` for the base class.
    tag = None
    #: Tag name -> the class that wraps elements of that tag.
    element_classes_by_tag_name = {}

    @classmethod
    def get_tag_name(cls):
        """The HTML tag of this class (``input_`` -> ``"input"``)."""
        return cls.tag or cls.__name__.replace("_", "")

    @classmethod
    def register_element_classes(cls, element_classes):
        """Make :meth:`wrap_dom_element` use each class for its tag."""
        for element_class in element_classes:
            Element.element_classes_by_tag_name[element_class.get_tag_name()] = element_class

    @classmethod
    def unregister_element_classes(cls, element_classes):
        """Undo :meth:`register_element_classes`."""
        for element_class in element_classes:
            Element.element_classes_by_tag_name.pop(element_class.get_tag_name(), None)

    @classmethod
    def wrap_dom_element(cls, dom_element):
        """Wrap ``dom_element`` in the class registered for its tag."""
        tag = str(dom_element.tagName).lower()
        return Element.element_classes_by_tag_name.get(tag, Element)(dom_element=dom_element)

    #: Older name of :meth:`wrap_dom_element`.
    wrap = wrap_dom_element

    def __init__(self, dom_element=None, classes=None, style=None, **properties):
        if is_none(dom_element):
            dom_element = _context.document.createElement(self.get_tag_name())
        object.__setattr__(self, "_dom_element", dom_element)
        object.__setattr__(self, "_on_events", {})
        self.update(classes=classes, style=style, **properties)

    def __eq__(self, other):
        return isinstance(other, Element) and other._dom_element == self._dom_element

    def __hash__(self):
        return id(self)

    def __repr__(self):
        return "<" + type(self).__name__ + " " + str(self._dom_element.outerHTML)[:80] + ">"

    def __getitem__(self, key):
        if isinstance(key, (int, slice)):
            return self.children[key]
        if isinstance(key, str):
            return _find_by_id(self._dom_element, key)
        raise TypeError("Element indices must be integers, slices or strings, not " + type(key).__name__)

    def __getattr__(self, name):
        if name.startswith("on_"):
            return self.get_event(name)
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._dom_element, _property_name(name))

    def __setattr__(self, name, value):
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        elif name.startswith("on_"):
            self.get_event(name).add_listener(value)
        else:
            setattr(self._dom_element, _property_name(name), value)

    def get_event(self, name):
        """The :class:`Event` for DOM event ``on_<type>``, wired on first use.

        Raises ``ValueError`` when ``name`` does not start with ``on_`` or the
        element has no such event (no ``on<type>`` handler property).
        """
        if not name.startswith("on_"):
            raise ValueError("Event names must start with 'on_', not " + repr(name))
        event_type = name[3:]
        if name in self._on_events:
            return self._on_events[name]
        dom = self._dom_element
        if not event_type or not (hasattr(dom, "on" + event_type) or hasattr(dom, event_type)):
            raise ValueError("Element <" + str(dom.tagName).lower() + "> has no '" + event_type + "' event")
        event = Event()
        self._on_events[name] = event
        dom.addEventListener(event_type, create_proxy(event.trigger))
        return event

    @property
    def children(self):
        """The child elements, as an :class:`ElementCollection`."""
        return ElementCollection.wrap_dom_elements(self._dom_element.children)

    @property
    def parent(self):
        """The parent element, or ``None``."""
        return _wrap_if_not_none(self._dom_element.parentElement)

    @property
    def classes(self):
        """The CSS classes, as a set-like :class:`Classes`."""
        return Classes(self)

    @property
    def style(self):
        """The inline style, as a dict-like :class:`Style`."""
        return Style(self)

    def append(self, *items):
        """Append each item: an :class:`Element`, an :class:`ElementCollection`,
        a list or tuple of items, a DOM node, a NodeList or HTMLCollection,
        or a ``str``/``int``/``float``/``bool`` (as text). Anything else
        raises ``TypeError``.
        """
        dom = self._dom_element
        for item in items:
            if isinstance(item, Element):
                dom.appendChild(item._dom_element)
            elif isinstance(item, (ElementCollection, list, tuple)):
                self.append(*list(item))
            elif isinstance(item, (str, int, float, bool)):
                dom.append(str(item))
            elif _is_dom_node(item):
                dom.appendChild(item)
            elif getattr(item, "length", None) is not None:
                # A NodeList or HTMLCollection: copied first, as appending
                # takes nodes out of a live collection.
                for node in _js_list(item):
                    dom.appendChild(node)
            else:
                raise TypeError("Cannot append " + type(item).__name__ + " to an element")
        return self

    def find(self, selector):
        """Every descendant matching the CSS ``selector``."""
        return _find_and_wrap(self._dom_element, selector)

    def clone(self, clone_id=None):
        """A deep copy, with id ``clone_id`` (none when not given)."""
        copy = Element.wrap_dom_element(self._dom_element.cloneNode(True))
        if clone_id is None:
            copy._dom_element.removeAttribute("id")
        else:
            copy.id = clone_id
        return copy

    def show_me(self):
        """Scroll the element into view."""
        self._dom_element.scrollIntoView()

    def update(self, classes=None, style=None, **properties):
        """Set classes (a string of one or more names, or a list), style (a
        dict), properties and ``on_<event>`` handlers."""
        if classes:
            for name in [classes] if isinstance(classes, str) else classes:
                self.classes.add(name)
        if style:
            for name, value in style.items():
                self.style[name] = value
        for name, value in properties.items():
            setattr(self, name, value)


class ContainerElement(Element):
    """An element that holds children: positional arguments and ``children=``
    are appended, elements as they are and strings as HTML."""

    def __init__(self, *args, children=None, dom_element=None, style=None, classes=None, **properties):
        super().__init__(dom_element=dom_element, style=style, classes=classes, **properties)
        for child in list(args) + list(children or []):
            if isinstance(child, (Element, ElementCollection, list, tuple)) or _is_dom_node(child):
                self.append(child)
            else:
                self._dom_element.insertAdjacentHTML("beforeend", str(child))

    def __iter__(self):
        return iter(self.children)


class Classes:
    """The ``classList`` of an element, as a set of names.

    ``add``, ``remove`` and ``discard`` take one name or several separated
    by spaces; removing a class the element does not have only logs a
    warning. Compares equal to a ``set`` of the same names.
    """

    def __init__(self, element):
        self._list = element._dom_element.classList

    @staticmethod
    def _names(text):
        return [name for name in str(text).split() if name]

    def _current(self):
        return [self._list.item(i) for i in range(self._list.length)]

    def add(self, class_name):
        for name in self._names(class_name):
            self._list.add(name)

    def remove(self, class_name):
        for name in self._names(class_name):
            if name in self:
                self._list.remove(name)
            else:
                import js

                js.console.warn("Class '" + name + "' not found in element classes.")

    def discard(self, class_name):
        for name in self._names(class_name):
            self._list.remove(name)

    def toggle(self, name):
        return self._list.toggle(name)

    def clear(self):
        for name in self._current():
            self._list.remove(name)

    def __contains__(self, name):
        return bool(self._list.contains(name))

    def __iter__(self):
        return iter(self._current())

    def __len__(self):
        return self._list.length

    def __bool__(self):
        return self._list.length > 0

    def __eq__(self, other):
        return set(self._current()) == set(other)

    def __repr__(self):
        return "Classes(" + repr(set(self._current())) + ")"


class Style:
    """The inline ``style`` of an element, as a dict of CSS properties
    (hyphenated names: ``style["background-color"] = "red"``)."""

    def __init__(self, element):
        self._style = element._dom_element.style

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


class Options:
    """The ``<option>`` s of a ``select``, ``datalist`` or ``optgroup``.

    Indexable, iterable and sized; ``add()`` inserts one, ``remove(index)``
    takes one out, ``clear()`` takes them all out, and ``selected`` is the
    selected one.
    """

    def __init__(self, element):
        self._element = element

    def _dom_options(self):
        dom = self._element._dom_element
        if getattr(dom, "options", None) is not None:
            return _js_list(dom.options)
        return [child for child in _js_list(dom.children) if str(child.tagName) == "OPTION"]

    @property
    def options(self):
        """The options, as a list of :class:`Element` s."""
        return [Element.wrap_dom_element(dom) for dom in self._dom_options()]

    @property
    def selected(self):
        """The selected option (``None`` when none is)."""
        dom = self._element._dom_element
        index = getattr(dom, "selectedIndex", None)
        if index is None:
            for option_dom in self._dom_options():
                if option_dom.selected:
                    return Element.wrap_dom_element(option_dom)
            return None
        return self.options[index] if 0 <= index < len(self) else None

    def add(self, value=None, html=None, text=None, before=None, **properties):
        """Add an option with ``value``, and ``html`` or ``text`` content.

        ``before`` (an index, an option :class:`Element` or a DOM option)
        inserts it before that option instead of at the end. Other keyword
        arguments set the option's properties (``selected=True``…).
        """
        if value is not None:
            properties["value"] = value
        if html is not None:
            properties["innerHTML"] = html
        if text is not None:
            properties["text"] = text
        new = option(**properties)._dom_element
        if isinstance(before, Element):
            before = before._dom_element
        elif isinstance(before, int) and not isinstance(before, bool):
            existing = self._dom_options()
            before = existing[before] if -len(existing) <= before < len(existing) else None
        dom = self._element._dom_element
        if is_none(before):
            dom.appendChild(new)
        else:
            before.parentNode.insertBefore(new, before)

    def clear(self):
        """Remove every option."""
        for dom in self._dom_options():
            dom.remove()

    def remove(self, index):
        """Remove the option at ``index``."""
        self._dom_options()[index].remove()

    def __getitem__(self, key):
        return self.options[key]

    def __iter__(self):
        return iter(self.options)

    def __len__(self):
        return len(self._dom_options())

    def __repr__(self):
        return "Options(length: " + str(len(self)) + ") " + repr(self.options)


class HasOptions:
    """Mixin of the elements that hold options: the ``options`` property."""

    @property
    def options(self):
        """The element's :class:`Options`."""
        return Options(self)


class ElementCollection:
    """A list of :class:`Element` s, as ``find()`` returns.

    ``collection[0]``, ``collection[1:3]`` and ``collection["id"]`` (an
    element of the collection, or a descendant of one, with that id).
    """

    @classmethod
    def wrap_dom_elements(cls, dom_elements):
        """Wrap each element of a NodeList/HTMLCollection (or list)."""
        items = _js_list(dom_elements) if getattr(dom_elements, "length", None) is not None else list(dom_elements)
        return cls([Element.wrap_dom_element(dom) for dom in items])

    def __init__(self, elements):
        self._elements = list(elements)

    def __getitem__(self, key):
        if isinstance(key, int) and not isinstance(key, bool):
            return self._elements[key]
        if isinstance(key, slice):
            return ElementCollection(self._elements[key])
        if isinstance(key, str):
            wanted = key[1:] if key.startswith("#") else key
            for element in self._elements:
                if element.id == wanted:
                    return element
                found = _find_by_id(element._dom_element, wanted)
                if found is not None:
                    return found
            return None
        raise TypeError("Collection indices must be integers, slices or strings, not " + type(key).__name__)

    def __iter__(self):
        return iter(self._elements)

    def __len__(self):
        return len(self._elements)

    def __eq__(self, other):
        return isinstance(other, ElementCollection) and self._elements == other._elements

    def __repr__(self):
        return "ElementCollection(length: " + str(len(self._elements)) + ") " + repr(self._elements)

    @property
    def elements(self):
        """The elements, as a list."""
        return self._elements

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


class canvas(ContainerElement):
    """``<canvas>``, with ``draw()`` and ``download()``."""

    tag = "canvas"

    def download(self, filename="snapped.png"):
        """Save the picture as ``filename`` (a PNG), through a download link."""
        link = a(download=filename, href=self._dom_element.toDataURL())
        self.append(link)
        link._dom_element.click()
        link._dom_element.remove()

    def draw(self, what, width=None, height=None):
        """Draw an image source (an element, a ``video``, another canvas…) at
        the top left corner, scaled to ``width`` × ``height`` when given."""
        if isinstance(what, Element):
            what = what._dom_element
        context = self._dom_element.getContext("2d")
        if width or height:
            context.drawImage(what, 0, 0, width, height)
        else:
            context.drawImage(what, 0, 0)


class video(ContainerElement):
    """``<video>``, with ``snap()``."""

    tag = "video"

    def snap(self, to=None, width=None, height=None):
        """Draw the current frame on a canvas and return the canvas.

        ``to`` is a ``canvas`` element, a DOM canvas or a CSS selector of
        one; without it a new canvas is made. ``TypeError`` when ``to`` is
        not a canvas.
        """
        width = width or self.videoWidth
        height = height or self.videoHeight
        if is_none(to):
            to = canvas(width=width, height=height)
        elif isinstance(to, Element):
            if to.get_tag_name() != "canvas" and str(to.tagName) != "CANVAS":
                raise TypeError("Element to snap to must be a canvas.")
            if not isinstance(to, canvas):
                to = canvas(dom_element=to._dom_element)
        elif isinstance(to, str):
            found = _context.document.querySelectorAll(to)
            if found.length == 0:
                raise TypeError("No element with selector " + to + " to snap to.")
            if str(found[0].tagName) != "CANVAS":
                raise TypeError("Element to snap to must be a canvas.")
            to = canvas(dom_element=found[0])
        elif str(getattr(to, "tagName", "")) == "CANVAS":
            to = canvas(dom_element=to)
        else:
            raise TypeError("Element to snap to must be a canvas.")
        to.draw(self, width, height)
        return to


class datalist(ContainerElement, HasOptions):
    """``<datalist>``, with ``options``."""

    tag = "datalist"


class optgroup(ContainerElement, HasOptions):
    """``<optgroup>``, with ``options``."""

    tag = "optgroup"


class select(ContainerElement, HasOptions):
    """``<select>``, with ``options``."""

    tag = "select"


class Page:
    """The page: ``page["#id"]``, ``page.find(selector)``, ``page.title``,
    ``page.html``/``head``/``body`` and ``page.append(...)``."""

    def __getitem__(self, key):
        return _find_by_id(_context.document, key)

    @property
    def html(self):
        return Element.wrap_dom_element(_context.document.documentElement)

    @property
    def head(self):
        return Element.wrap_dom_element(_context.document.head)

    @property
    def body(self):
        return Element.wrap_dom_element(_context.document.body)

    @property
    def title(self):
        return _context.document.title

    @title.setter
    def title(self, value):
        _context.document.title = value

    def find(self, selector):
        """Every element in the page matching the CSS ``selector``."""
        return _find_and_wrap(_context.document, selector)

    def append(self, *items):
        """Append to ``<body>``."""
        self.body.append(*items)


page = Page()

_CONTAINER_TAGS = (
    "a abbr address article aside audio b bdi bdo blockquote body button caption cite code colgroup data "
    "dd del_ details dfn dialog div dl dt em fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head "
    "header hgroup html i iframe ins kbd label legend li main map_ mark menu meta meter nav noscript object_ ol "
    "option output p param picture pre progress q rp rt ruby s samp script section slot small span strong style "
    "sub summary sup table tbody td template textarea tfoot th thead time title tr u ul var wbr"
).split()
_VOID_TAGS = "area base br col embed hr img input_ link source track".split()


def _define(name, base):
    cls = type(name, (base,), {"tag": name.rstrip("_")})
    globals()[name] = cls
    return cls


Element.register_element_classes(
    [canvas, video, datalist, optgroup, select]
    + [_define(_name, ContainerElement) for _name in _CONTAINER_TAGS]
    + [_define(_name, Element) for _name in _VOID_TAGS]
)
