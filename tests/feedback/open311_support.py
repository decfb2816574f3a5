"""Helpers shared by the Open311 tests: a client system's key, a well-formed form, and an item
taken through the services to its published answer."""

from __future__ import annotations

from xml.etree import ElementTree

from cchc.feedback.open311.keys import open311_key_issue
from cchc.feedback.services import (
    feedback_approve,
    feedback_classify,
    feedback_publish,
    feedback_submit_draft,
)

BASE = "/open311/v2"
CONSTRUCTION_SERVICE = "000.00.05.H98-officer_conduct"
# What the sender gives and no reader of the Open311 lists may ever see.
PERSONAL = ("Nguyễn", "Hà", "0987654321", "0987 654 321", "ha@example.vn", "12 Lê Lợi")


def issue_key(name: str = "Ứng dụng thành phố", agency=None) -> str:
    return open311_key_issue(name=name, agency=agency)[1]


def form(key: str, **overrides) -> dict:
    data = {
        "api_key": key,
        "service_code": CONSTRUCTION_SERVICE,
        "description": (
            "Cán bộ yêu cầu nộp thêm giấy tờ ngoài quy định\n"
            "Hồ sơ cấp phép xây dựng bị trả lại vì thiếu bản sao sổ hộ khẩu."
        ),
        "first_name": "Nguyễn Thị",
        "last_name": "Hà",
        "phone": "0987 654 321",
        "email": "ha@example.vn",
        "address_string": "Bộ phận một cửa Sở Xây dựng, 5 Trần Phú",
        "attribute[kind]": "phan_anh",
        "attribute[sender_address]": "12 Lê Lợi, phường Tân An",
        "lat": "10.776889",
        "long": "106.700806",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def xml(response) -> ElementTree.Element:
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    return ElementTree.fromstring(response.content)


def children(element: ElementTree.Element) -> list[str]:
    return [child.tag for child in element]


def publish(item, world):
    """Classify, answer, approve and publish ``item`` at the construction department."""
    item = feedback_classify(item, world.counter_officer, classification="within_competence")
    item = feedback_submit_draft(
        item, world.leader, text="Sở Xây dựng đã chấn chỉnh bộ phận một cửa, trả hồ sơ đủ."
    )
    item = feedback_approve(item, world.leader)
    return feedback_publish(item, world.leader)
