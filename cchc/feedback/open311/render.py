"""The two formats of GeoReport v2: JSON (the Spark convention's mapping of the XML) and XML
(schemaless, no namespace, UTF-8 with its declaration). One Python value renders to both: a
list becomes a container element whose children take the singular name, a dict an element
with its keys as children, ``None`` an empty element (``null`` in JSON), a bool
``true``/``false``."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree

from django.http import HttpResponse

JSON_TYPE = "application/json; charset=utf-8"
XML_TYPE = "text/xml; charset=utf-8"
FORMATS = ("json", "xml")

# The element name of one entry of each list the specification defines.
SINGULAR = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}

# What XML 1.0 cannot carry at all (not even escaped): stored text is checked on the way in,
# but an error may quote what a client sent.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("\ufffd", str(value))


def _append(parent: ElementTree.Element, tag: str, value: object) -> None:
    element = ElementTree.SubElement(parent, tag)
    _fill(element, tag, value)


def _fill(element: ElementTree.Element, tag: str, value: object) -> None:
    if isinstance(value, list):
        child = SINGULAR[tag]
        for entry in value:
            _append(element, child, entry)
    elif isinstance(value, dict):
        for key, entry in value.items():
            _append(element, key, entry)
    elif value is not None:
        element.text = xml_text(value)


def to_xml(root: str, value: object) -> bytes:
    """``value`` as the XML document whose root element is ``root``."""
    element = ElementTree.Element(root)
    _fill(element, root, value)
    body = ElementTree.tostring(element, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body).encode()


def respond(fmt: str, root: str, value: object, status: int = 200) -> HttpResponse:
    """``value`` in format ``fmt``: JSON as is, XML under ``root``."""
    if fmt == "xml":
        return HttpResponse(to_xml(root, value), content_type=XML_TYPE, status=status)
    body = json.dumps(value, ensure_ascii=False).encode()
    return HttpResponse(body, content_type=JSON_TYPE, status=status)


def error(fmt: str, status: int, description: object) -> HttpResponse:
    """The specification's error list: ``[{"code", "description"}]`` /
    ``<errors><error><code>…</code><description>…</description></error></errors>``."""
    return respond(fmt, "errors", [{"code": status, "description": str(description)}], status)
