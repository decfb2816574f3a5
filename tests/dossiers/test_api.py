"""API v1 of dossiers: receive, read, list, act, print, and the public status lookup."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cchc.core import ratelimit
from cchc.core.calendar import current_calendar
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.models import Dossier
from cchc.dossiers.services import (
    IntakeRequest,
    dossier_apologize,
    dossier_forward,
    dossier_record_visit,
    dossier_register,
)
from cchc.org.models import ApiToken
from tests.dossiers.helpers import APPLICANT, at, receive
from tests.world import BUILDING_PERMIT

pytestmark = pytest.mark.django_db

URL = "/api/v1/dossiers"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def auth(user) -> dict:
    _, raw = ApiToken.issue(user)
    return {"Authorization": f"Bearer {raw}"}


def intake(**changes) -> dict:
    body = {
        "procedure_code": BUILDING_PERMIT,
        "channel": "in_person",
        "return_method": "in_person",
        "applicant": {
            "kind": "person",
            "full_name": "Nguyễn Văn Bình",
            "id_number": "001090012345",
            "phone": "0987654321",
            "email": "binh.nguyen@example.vn",
            "address": "Số 5 đường Lê Lợi, phường Tân An",
        },
        "documents": [{"name": "Đơn đề nghị cấp giấy phép xây dựng", "original": True}],
    }
    body.update(changes)
    return body


def applicant(**changes) -> dict:
    return {**intake()["applicant"], **changes}


def post(client, path, user, body, headers=None):
    return client.post(path, body, content_type="application/json", headers=headers or auth(user))


def act(client, code, user, action, **fields):
    return post(client, f"{URL}/{code}/actions", user, {"action": action, **fields})


def create(client, counter_officer, **changes) -> dict:
    response = post(client, URL, counter_officer, intake(**changes))
    assert response.status_code == 201, response.content
    return response.json()


# --- Receiving ------------------------------------------------------------------------------


def test_counter_officer_receives_a_dossier_with_code_and_due_moment(client, counter_officer):
    body = create(client, counter_officer)
    assert body["code"].startswith("000.00.05.H98-")
    assert body["status"] == "received" and body["status_label"] == "Mới tiếp nhận"
    received_at = datetime.fromisoformat(body["received_at"])
    assert body["received_at"].endswith("+07:00") and body["due_at"].endswith("+07:00")
    expected_due = current_calendar().add_working_days(received_at, 15)
    assert datetime.fromisoformat(body["due_at"]) == expected_due
    assert body["due_at"] == expected_due.astimezone(VN_TZ).isoformat()
    assert body["legal_due_at"] == body["due_at"]
    assert body["overdue"] is False and body["timeliness"] is None
    assert body["procedure_code"] == BUILDING_PERMIT
    assert body["receiving_agency"] == "000.00.05.H98"
    assert body["applicant"]["full_name"] == "Nguyễn Văn Bình"
    assert body["visits"] == 1
    assert body["current_step"]["role"] == "specialist"
    assert body["current_step"]["holder"] is None
    assert [s["order"] for s in body["steps"]] == [1, 2, 3, 4]
    assert [e["action"] for e in body["events"]] == ["receive"]
    assert body["events"][0]["actor"] == "Trần Thị Tiếp Nhận"
    assert body["events"][0]["to_status"] == "received"
    assert body["fees"] == [{"name": "Lệ phí", "amount_vnd": 75000, "financial_obligation": False}]
    assert body["allowed_actions"] == [
        "apologize",
        "withdraw",
        "pay",
        "record_shipment",
        "change_return_method",
        "record_visit",
    ]
    assert Dossier.objects.get(code=body["code"]).applicant_phone == "0987654321"


def test_the_same_body_comes_back_from_get(client, counter_officer):
    created = create(client, counter_officer)
    fetched = client.get(f"{URL}/{created['code']}", headers=auth(counter_officer))
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_unknown_procedure_is_422_naming_procedure_code(client, counter_officer):
    response = post(client, URL, counter_officer, intake(procedure_code="9.999999"))
    assert response.status_code == 422
    body = response.json()
    assert body["errors"][0]["param"] == "procedure_code"
    assert body["detail"].startswith("Tham số 'procedure_code': ")
    assert not Dossier.objects.exists()


@pytest.mark.parametrize(
    ("changes", "param", "message"),
    [
        ({"id_number": "12345"}, "applicant.id_number", "12 chữ số"),
        ({"id_number": "00109001234a"}, "applicant.id_number", "12 chữ số"),
        ({"kind": "organization", "id_number": "12345678"}, "applicant.id_number", "Mã số thuế"),
        ({"phone": "091234567"}, "applicant.phone", "10 chữ số"),
        ({"phone": "1987654321"}, "applicant.phone", "bắt đầu bằng 0"),
        ({"email": "binh@"}, "applicant.email", "thư điện tử"),
        ({"full_name": "   "}, "applicant.full_name", "để trống"),
    ],
)
def test_bad_applicant_details_are_422_in_vietnamese(
    client, counter_officer, changes, param, message
):
    response = post(client, URL, counter_officer, intake(applicant=applicant(**changes)))
    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["param"] == param and message in error["message"]
    assert not Dossier.objects.exists()


@pytest.mark.parametrize("tax_code", ["0101234567", "0101234567-001", "0101234567001"])
def test_an_organisation_may_give_a_10_or_13_digit_tax_code(client, counter_officer, tax_code):
    body = create(
        client, counter_officer, applicant=applicant(kind="organization", id_number=tax_code)
    )
    assert body["applicant"]["kind"] == "organization"
    assert body["applicant"]["id_number"] == tax_code


def test_phone_is_stored_without_spaces(client, counter_officer):
    body = create(client, counter_officer, applicant=applicant(phone="0987 654 321"))
    assert body["applicant"]["phone"] == "0987654321"


def test_missing_or_malformed_fields_are_422_naming_them(client, counter_officer):
    body = intake()
    del body["procedure_code"]
    response = post(client, URL, counter_officer, body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == "procedure_code"
    response = post(client, URL, counter_officer, intake(channel="fax"))
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == "channel"
    documents = [{"name": "Đơn", "copies": 0}]
    response = post(client, URL, counter_officer, intake(documents=documents))
    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "param": "documents.0.copies",
        "message": "quá nhỏ (giới hạn 1)",
    }
    response = post(client, URL, counter_officer, "{not json")
    assert response.status_code == 422
    assert response.json()["errors"] == [{"param": "body", "message": "không phải JSON hợp lệ"}]
    assert not Dossier.objects.exists()


def test_specialist_cannot_receive_at_the_counter(client, specialist):
    response = post(client, URL, specialist, intake())
    assert response.status_code == 403
    assert response.json()["allowed_actions"] == []
    assert not Dossier.objects.exists()


def test_without_a_token_every_staff_endpoint_is_401(client, world):
    assert client.get(URL).status_code == 401
    assert client.post(URL, intake(), content_type="application/json").status_code == 401
    assert client.get(f"{URL}/000.00.05.H98-250303-0001").status_code == 401


def _backdated_moment() -> datetime:
    day = timezone.now().astimezone(VN_TZ).date() - timedelta(days=7)
    return datetime(day.year, day.month, day.day, 9, 30, tzinfo=VN_TZ)


def test_backdated_intake_without_the_permission_is_422(client, counter_officer):
    moment = _backdated_moment().isoformat()
    response = post(client, URL, counter_officer, intake(received_at=moment, reason="Nhập bù"))
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == "received_at"
    assert not Dossier.objects.exists()


def test_backdated_intake_with_the_permission_and_a_reason(client, counter_officer):
    counter_officer.user_permissions.add(Permission.objects.get(codename="backdate_intake"))
    moment = _backdated_moment()
    response = post(client, URL, counter_officer, intake(received_at=moment.isoformat()))
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == "reason"
    reason = "Hồ sơ giấy nhận khi hệ thống gián đoạn"
    body = create(client, counter_officer, received_at=moment.isoformat(), reason=reason)
    assert body["received_at"] == moment.isoformat()
    assert body["backdated"] is True
    assert body["code"].split("-")[1] == moment.strftime("%y%m%d")
    assert datetime.fromisoformat(body["due_at"]) == current_calendar().add_working_days(moment, 15)
    event = body["events"][0]
    assert event["data"]["backdated"] is True and event["data"]["reason"] == reason
    assert event["note"] == reason


def test_backdated_moment_without_offset_is_422(client, counter_officer):
    counter_officer.user_permissions.add(Permission.objects.get(codename="backdate_intake"))
    response = post(
        client, URL, counter_officer, intake(received_at="2025-03-03T09:00", reason="x")
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == "received_at"


# --- Acting ---------------------------------------------------------------------------------


def test_full_flow_through_actions(client, counter_officer, specialist, leader):
    code = create(client, counter_officer)["code"]
    mine = client.get(f"{URL}/{code}", headers=auth(specialist)).json()
    assert "forward" in mine["allowed_actions"]

    response = act(client, code, specialist, "forward", to_user="t.leader", note="Đủ điều kiện")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "processing"
    assert body["current_step"]["role"] == "leader"
    assert body["current_step"]["holder"] == "t.leader"
    assert body["allowed_actions"] == ["apologize"]  # no longer the holder

    response = act(client, code, leader, "approve", result_number="12/GPXD", note="Đồng ý")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "result_ready" and body["timeliness"] == "early"
    assert body["result_number"] == "12/GPXD" and body["finished_at"]
    assert body["current_step"]["role"] == "counter_officer"

    response = act(client, code, counter_officer, "return_result")
    assert response.status_code == 409  # the fee is not paid yet
    assert "phí" in response.json()["detail"]
    assert "pay" in response.json()["allowed_actions"]

    response = act(client, code, counter_officer, "pay", method="cash")
    assert response.status_code == 200, response.content
    assert response.json()["paid_vnd"] == 75000

    response = act(client, code, counter_officer, "return_result", method="in_person")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "returned" and body["returned_at"]
    assert body["current_step"] is None
    assert body["visits"] == 2
    assert [(e["action"], e["from_status"], e["to_status"]) for e in body["events"]] == [
        ("receive", "", "received"),
        ("forward", "received", "processing"),
        ("approve", "processing", "result_ready"),
        ("pay", "result_ready", "result_ready"),
        ("return_result", "result_ready", "returned"),
    ]
    assert [e["actor"] for e in body["events"]] == [
        "Trần Thị Tiếp Nhận",
        "Lê Văn Chuyên",
        "Phạm Đức Lãnh",
        "Trần Thị Tiếp Nhận",
        "Trần Thị Tiếp Nhận",
    ]
    assert body["events"][1]["note"] == "Đủ điều kiện"
    assert all(e["at"].endswith("+07:00") for e in body["events"])


def test_an_action_not_allowed_now_is_409_with_the_allowed_actions(client, counter_officer):
    code = create(client, counter_officer)["code"]
    response = act(client, code, counter_officer, "approve", result_number="1/GP")
    assert response.status_code == 409
    body = response.json()
    assert body["detail"] == (
        "Không thể thực hiện “Phê duyệt, ban hành kết quả” khi hồ sơ đang ở trạng thái "
        "“Mới tiếp nhận”."
    )
    assert body["allowed_actions"] == [
        "apologize",
        "withdraw",
        "pay",
        "record_shipment",
        "change_return_method",
        "record_visit",
    ]
    dossier = Dossier.objects.get(code=code)
    assert dossier.status == "received" and dossier.event_count == 1


def test_an_action_of_another_status_is_409(client, counter_officer):
    code = create(client, counter_officer)["code"]
    response = act(client, code, counter_officer, "receive")
    assert response.status_code == 409
    assert "Mới tiếp nhận" in response.json()["detail"]


@pytest.mark.parametrize(
    ("action", "fields", "param"),
    [
        ("request_supplement", {"reason": "Thiếu bản vẽ"}, "items"),
        ("request_supplement", {"items": ["  "], "reason": "Thiếu bản vẽ"}, "items.0"),
        ("request_supplement", {"items": [1], "reason": "x"}, "items.0"),
        ("forward", {"to_user": "no.such.user"}, "to_user"),
        ("forward", {"to_user": "t.other"}, "to_user"),
    ],
)
def test_bad_action_input_is_422_and_changes_nothing(
    client, counter_officer, specialist, action, fields, param
):
    code = create(client, counter_officer)["code"]
    response = act(client, code, specialist, action, **fields)
    assert response.status_code == 422, response.content
    body = response.json()
    assert body["errors"][0]["param"] == param
    assert body["detail"].startswith(f"Tham số '{param}': ")
    dossier = Dossier.objects.get(code=code)
    assert dossier.status == "received" and dossier.event_count == 1


@pytest.mark.parametrize(
    ("action", "fields", "param"),
    [
        ("withdraw", {}, "reason"),
        ("record_visit", {}, "purpose"),
        ("pay", {"method": "bitcoin"}, "method"),
        ("pay", {"amount_vnd": 75001}, "amount_vnd"),
        ("apologize", {"reason": "Chậm"}, "new_due_at"),
        ("apologize", {"reason": "Chậm", "new_due_at": "mai"}, "new_due_at"),
        ("apologize", {"reason": "Chậm", "new_due_at": "2025-01-06T09:00:00+07:00"}, "new_due_at"),
    ],
)
def test_counter_actions_with_missing_input_are_422(client, counter_officer, action, fields, param):
    code = create(client, counter_officer)["code"]
    response = act(client, code, counter_officer, action, **fields)
    assert response.status_code == 422, response.content
    assert response.json()["errors"][0]["param"] == param
    assert Dossier.objects.get(code=code).event_count == 1


def test_unknown_action_is_422_naming_action(client, counter_officer):
    code = create(client, counter_officer)["code"]
    response = act(client, code, counter_officer, "teleport")
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == "action"


def test_supplement_payment_send_back_and_stop(client, counter_officer, specialist, leader):
    code = create(client, counter_officer)["code"]
    body = act(
        client,
        code,
        specialist,
        "request_supplement",
        items=["Bản vẽ mặt bằng", "Giấy chứng nhận quyền sử dụng đất"],
        reason="Thiếu bản vẽ",
        legal_basis="Điều 95 Luật Xây dựng",
    ).json()
    assert body["status"] == "supplement_requested"
    assert body["events"][-1]["data"]["items"] == [
        "Bản vẽ mặt bằng",
        "Giấy chứng nhận quyền sử dụng đất",
    ]
    response = act(
        client,
        code,
        counter_officer,
        "submit_supplement",
        documents=[{"name": "Bản vẽ mặt bằng", "original": False, "copies": 2}],
        note="Đã nhận đủ",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "processing" and body["visits"] == 2
    assert body["documents"][-1] == {"name": "Bản vẽ mặt bằng", "original": False, "copies": 2}

    items = [{"name": "Tiền sử dụng đất", "amount_vnd": 1500000}]
    body = act(client, code, specialist, "request_payment", items=items).json()
    assert body["status"] == "awaiting_payment"
    assert body["fees"][-1] == {
        "name": "Tiền sử dụng đất",
        "amount_vnd": 1500000,
        "financial_obligation": True,
    }
    body = act(client, code, counter_officer, "confirm_payment", receipt_number="BL-1").json()
    assert body["status"] == "processing" and body["paid_vnd"] == 1575000

    body = act(client, code, specialist, "forward").json()
    assert body["current_step"]["role"] == "leader"
    body = act(client, code, leader, "send_back", reason="Bổ sung ý kiến thẩm định").json()
    assert body["current_step"]["role"] == "specialist"
    assert body["current_step"]["holder"] == "t.specialist"

    body = act(client, code, leader, "stop", reason="Người nộp đề nghị dừng").json()
    assert body["status"] == "stopped" and body["closing_reason"] == "Người nộp đề nghị dừng"
    assert [e["action"] for e in body["events"]] == [
        "receive",
        "request_supplement",
        "submit_supplement",
        "request_payment",
        "confirm_payment",
        "forward",
        "send_back",
        "stop",
    ]


def test_a_registered_dossier_is_received_or_refused_by_its_public_id(
    client, world, counter_officer
):
    waiting = [
        dossier_register(actor=counter_officer, request=_counter_request(world)) for _ in range(2)
    ]
    listed = client.get(URL, {"status": "submitted"}, headers=auth(counter_officer)).json()
    assert [i["code"] for i in listed["items"]] == [str(d.public_id) for d in reversed(waiting)]
    first, second = (str(d.public_id) for d in waiting)

    response = act(client, first, counter_officer, "receive")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "received" and body["code"].startswith("000.00.05.H98-")
    assert [e["action"] for e in body["events"]] == ["submit", "receive"]
    assert client.get(f"{URL}/{body['code']}", headers=auth(counter_officer)).status_code == 200

    response = act(client, second, counter_officer, "refuse")
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == "reason"
    body = act(client, second, counter_officer, "refuse", reason="Không thuộc thẩm quyền").json()
    assert body["status"] == "refused" and body["closing_reason"] == "Không thuộc thẩm quyền"


def _counter_request(world) -> IntakeRequest:
    return IntakeRequest(procedure=world.building_permit, applicant=APPLICANT)


def test_payment_items_must_name_a_positive_amount(client, counter_officer, specialist):
    code = create(client, counter_officer)["code"]
    response = act(client, code, specialist, "request_payment", items=[{"name": "Thuế"}])
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == "items.0.amount_vnd"


def test_an_overdue_dossier_needs_an_apology_first(client, world, counter_officer, specialist):
    dossier = receive(world, now=at(2025, 3, 3))
    body = client.get(f"{URL}/{dossier.code}", headers=auth(counter_officer)).json()
    assert body["overdue"] is True
    assert body["allowed_actions"] == [
        "apologize",
        "withdraw",
        "pay",
        "record_shipment",
        "change_return_method",
        "record_visit",
    ]
    response = act(client, dossier.code, specialist, "forward")
    assert response.status_code == 409
    assert "xin lỗi" in response.json()["detail"]
    new_due = current_calendar().add_working_days(timezone.now(), 5)
    response = act(
        client,
        dossier.code,
        counter_officer,
        "apologize",
        reason="Chờ ý kiến của cơ quan phối hợp",
        new_due_at=new_due.isoformat(),
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["overdue"] is False
    assert datetime.fromisoformat(body["due_at"]) == new_due
    assert body["legal_due_at"] == "2025-03-24T09:00:00+07:00"
    apology = body["apologies"][0]
    assert apology["reason"] == "Chờ ý kiến của cơ quan phối hợp"
    assert apology["old_due_at"] == "2025-03-24T09:00:00+07:00"
    assert apology["timely"] is False and apology["agency"] == "000.00.05.H98"
    assert "pay" in body["allowed_actions"]


# --- Scoping --------------------------------------------------------------------------------


def test_another_agencys_dossier_is_404_everywhere(client, counter_officer, other_agency_officer):
    code = create(client, counter_officer)["code"]
    headers = auth(other_agency_officer)
    response = client.get(f"{URL}/{code}", headers=headers)
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy."}
    assert act(client, code, other_agency_officer, "withdraw", reason="x").status_code == 404
    assert client.get(f"{URL}/{code}/forms/receipt.pdf", headers=headers).status_code == 404
    assert client.get(f"{URL}/{code}/forms/nothing.pdf", headers=headers).status_code == 404
    listed = client.get(URL, headers=headers).json()
    assert listed == {"items": [], "next": None}
    assert Dossier.objects.get(code=code).event_count == 1


def test_a_citizen_sees_only_their_own_dossiers(client, world, citizen):
    own = receive(world, now=at(2025, 3, 3), applicant_user=citizen)
    other = receive(world, now=at(2025, 3, 3))
    headers = auth(citizen)
    response = client.get(f"{URL}/{own.code}", headers=headers)
    assert response.status_code == 200
    # overdue, but paying and withdrawing are the applicant's own side: lateness cannot block them
    assert response.json()["allowed_actions"] == ["withdraw", "pay", "change_return_method"]
    assert client.get(f"{URL}/{other.code}", headers=headers).status_code == 404
    listed = client.get(URL, headers=headers).json()
    assert [i["code"] for i in listed["items"]] == [own.code]


def test_a_province_wide_reader_without_a_dossier_role_has_no_actions(
    client, world, home_affairs_evaluator
):
    dossier = receive(world, now=at(2025, 3, 3))
    response = client.get(f"{URL}/{dossier.code}", headers=auth(home_affairs_evaluator))
    assert response.status_code == 200
    assert response.json()["allowed_actions"] == []
    response = act(client, dossier.code, home_affairs_evaluator, "record_visit", purpose="x")
    assert response.status_code == 403


# --- Listing --------------------------------------------------------------------------------


def test_list_pages_with_an_opaque_cursor_without_gaps_or_duplicates(
    client, world, counter_officer, settings
):
    settings.CCHC_API_PAGE_SIZE = 10
    codes = [receive(world, now=at(2025, 3, 3, 8, i)).code for i in range(25)]
    headers = auth(counter_officer)
    seen, pages, url = [], [], URL
    while url:
        body = client.get(url, headers=headers).json()
        pages.append(len(body["items"]))
        seen += [item["code"] for item in body["items"]]
        url = body["next"]
        assert url is None or url.startswith("http://testserver/api/v1/dossiers?cursor=")
    assert pages == [10, 10, 5]
    assert seen == list(reversed(codes))  # newest first, each exactly once


def test_list_cursor_keeps_the_filters(client, world, counter_officer, settings):
    settings.CCHC_API_PAGE_SIZE = 2
    for i in range(3):
        receive(world, now=at(2025, 3, 3, 9, i))
    receive(world, now=at(2025, 3, 5))
    headers = auth(counter_officer)
    body = client.get(URL, {"received_to": "2025-03-03"}, headers=headers).json()
    assert "received_to=2025-03-03" in body["next"]
    second = client.get(body["next"], headers=headers).json()
    assert len(body["items"]) == 2 and len(second["items"]) == 1
    assert second["next"] is None


def test_list_filters_by_day_in_the_provinces_zone(client, world, counter_officer):
    early = receive(world, now=at(2025, 3, 4, 16))
    # 00:30 on 5 March in Hà Nội is still 4 March in UTC.
    late = receive(world, now=at(2025, 3, 5, 0, 30))
    headers = auth(counter_officer)

    def codes(**params):
        body = client.get(URL, params, headers=headers).json()
        return {item["code"] for item in body["items"]}

    assert codes(received_from="2025-03-05") == {late.code}
    assert codes(received_to="2025-03-04") == {early.code}
    assert codes(received_from="2025-03-04", received_to="2025-03-05") == {early.code, late.code}
    assert codes(agency="000.00.05.H98") == {early.code, late.code}
    assert codes(agency="000.00.03.H98") == set()
    assert codes(status="received") == {early.code, late.code}
    assert codes(status="returned") == set()


def test_list_filters_overdue(client, world, counter_officer):
    old = receive(world, now=at(2025, 3, 3))
    new = create(client, counter_officer)
    headers = auth(counter_officer)
    overdue = client.get(URL, {"overdue": "true"}, headers=headers).json()["items"]
    assert [(i["code"], i["overdue"]) for i in overdue] == [(old.code, True)]
    on_time = client.get(URL, {"overdue": "false"}, headers=headers).json()["items"]
    assert [(i["code"], i["overdue"]) for i in on_time] == [(new["code"], False)]


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"received_from": "2025-13-01"}, "received_from"),
        ({"received_to": "0"}, "received_to"),  # not a Unix timestamp either
        ({"received_from": "1700000000"}, "received_from"),
        ({"received_from": "2025-03-05T00:00:00"}, "received_from"),
        ({"received_to": "hôm qua"}, "received_to"),
        ({"received_from": "2025-03-05", "received_to": "2025-03-04"}, "received_to"),
        ({"overdue": "có"}, "overdue"),
        ({"status": "lost"}, "status"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"cursor": "ZHh5"}, "cursor"),
    ],
)
def test_bad_list_parameters_are_422_naming_them(client, counter_officer, params, param):
    response = client.get(URL, params, headers=auth(counter_officer))
    assert response.status_code == 422
    body = response.json()
    assert body["errors"][0]["param"] == param
    assert body["detail"].startswith(f"Tham số '{param}': ")


# --- Query counts ---------------------------------------------------------------------------


def _count(client, url, headers) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, headers=headers).status_code == 200
    return len(queries)


def test_detail_query_count_does_not_grow_with_events(
    client, world, counter_officer, specialist, django_assert_max_num_queries
):
    headers = auth(counter_officer)
    client.get(URL, headers=headers)  # the token's last_used_at is written once
    small = receive(world, now=at(2025, 3, 3))
    big = receive(world, now=at(2025, 3, 3, 10))
    dossier_forward(actor=specialist, dossier=big, now=at(2025, 3, 4))
    for day in range(5, 15):
        dossier_record_visit(
            actor=counter_officer, dossier=big, purpose="Hỏi", now=at(2025, 3, day)
        )
    dossier_apologize(
        actor=counter_officer,
        dossier=big,
        reason="Chờ ý kiến",
        new_due_at=at(2025, 4, 10),
        now=at(2025, 3, 20),
    )
    assert _count(client, f"{URL}/{small.code}", headers) == _count(
        client, f"{URL}/{big.code}", headers
    )
    with django_assert_max_num_queries(13):
        body = client.get(f"{URL}/{big.code}", headers=headers).json()
    assert len(body["events"]) == 13 and len(body["apologies"]) == 1


def test_list_query_count_does_not_grow_with_rows(
    client, world, counter_officer, specialist, django_assert_max_num_queries
):
    headers = auth(counter_officer)
    client.get(URL, headers=headers)
    receive(world, now=at(2025, 3, 3))
    few = _count(client, URL, headers)
    for i in range(15):
        dossier = receive(world, now=at(2025, 3, 4, 9, i))
        if i % 2:
            dossier_forward(actor=specialist, dossier=dossier, to_user=None, now=at(2025, 3, 5))
    assert _count(client, URL, headers) == few
    with django_assert_max_num_queries(4):
        body = client.get(URL, headers=headers).json()
    assert len(body["items"]) == 16


# --- Printing -------------------------------------------------------------------------------


def test_receipt_prints_as_pdf(client, counter_officer):
    code = create(client, counter_officer)["code"]
    response = client.get(f"{URL}/{code}/forms/receipt.pdf", headers=auth(counter_officer))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert code in response["Content-Disposition"]
    response = client.get(f"{URL}/{code}/forms/control-sheet.pdf", headers=auth(counter_officer))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_a_form_the_dossier_does_not_have_is_404_with_the_reason(client, counter_officer):
    code = create(client, counter_officer)["code"]
    headers = auth(counter_officer)
    response = client.get(f"{URL}/{code}/forms/apology.pdf", headers=headers)
    assert response.status_code == 404
    assert response.json()["detail"]
    response = client.get(f"{URL}/{code}/forms/invoice.pdf", headers=headers)
    assert response.status_code == 404
    assert response.json() == {"detail": "Không có mẫu in này."}


# --- Public lookup --------------------------------------------------------------------------

PUBLIC = "/api/v1/public/dossiers"


def test_public_lookup_with_the_right_phone_shows_status_without_personal_data(client, world):
    dossier = receive(world, now=at(2025, 3, 3))
    dossier_apologize(
        actor=world.counter_officer,
        dossier=dossier,
        reason="Chờ ý kiến cơ quan phối hợp",
        new_due_at=at(2025, 4, 10),
        now=at(2025, 3, 20),
    )
    response = client.get(f"{PUBLIC}/{dossier.code}", {"phone": "0987 654 321"})
    assert response.status_code == 200
    body = response.json()
    assert body == {
        "code": dossier.code,
        "status": "received",
        "status_label": "Mới tiếp nhận",
        "procedure_code": BUILDING_PERMIT,
        "procedure_name": "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ",
        "received_at": "2025-03-03T09:00:00+07:00",
        "due_at": "2025-04-10T09:00:00+07:00",
        "finished_at": None,
        "returned_at": None,
        "timeliness": None,
        "apologies": [
            {
                "issued_at": "2025-03-20T09:00:00+07:00",
                "new_due_at": "2025-04-10T09:00:00+07:00",
                "reason": "Chờ ý kiến cơ quan phối hợp",
            }
        ],
    }
    text = response.content.decode()
    for personal in (APPLICANT.full_name, APPLICANT.id_number, APPLICANT.address, APPLICANT.phone):
        assert personal not in text and personal not in response.content.decode("unicode_escape")
    assert APPLICANT.email not in text


def test_public_lookup_answers_the_same_for_a_wrong_phone_and_an_unknown_code(client, world):
    dossier = receive(world, now=at(2025, 3, 3))
    wrong_phone = client.get(f"{PUBLIC}/{dossier.code}", {"phone": "0912345678"})
    unknown = client.get(f"{PUBLIC}/000.00.05.H98-250303-9999", {"phone": "0987654321"})
    empty = client.get(f"{PUBLIC}/{dossier.code}", {"phone": " "})
    assert wrong_phone.status_code == unknown.status_code == empty.status_code == 404
    assert wrong_phone.content == unknown.content == empty.content
    assert "Không tìm thấy" in unknown.json()["detail"]
    assert client.get(f"{PUBLIC}/{dossier.code}").status_code == 422


def test_public_lookup_is_one_query_or_two_with_apologies(
    client, world, django_assert_max_num_queries
):
    dossier = receive(world, now=at(2025, 3, 3))
    with django_assert_max_num_queries(1):
        assert client.get(f"{PUBLIC}/{dossier.code}", {"phone": "0987654321"}).status_code == 200
    dossier_apologize(
        actor=world.counter_officer,
        dossier=dossier,
        reason="Chậm",
        new_due_at=at(2025, 4, 10),
        now=at(2025, 3, 20),
    )
    with django_assert_max_num_queries(2):
        assert client.get(f"{PUBLIC}/{dossier.code}", {"phone": "0987654321"}).status_code == 200


def test_public_lookup_is_rate_limited_per_client_address(client, world, settings):
    settings.CCHC_PUBLIC_LOOKUP_LIMIT = 3
    settings.CCHC_PUBLIC_LOOKUP_WINDOW = 60
    dossier = receive(world, now=at(2025, 3, 3))
    url = f"{PUBLIC}/{dossier.code}"
    for _ in range(3):
        assert client.get(url, {"phone": "0900000000"}).status_code == 404
    limited = client.get(url, {"phone": "0987654321"})
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert "thử lại" in limited.json()["detail"]
    other = client.get(url, {"phone": "0987654321"}, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


def test_behind_a_proxy_the_limit_keys_on_the_address_the_proxy_saw(client, world, settings):
    settings.CCHC_PUBLIC_LOOKUP_LIMIT = 1
    settings.NUM_PROXIES = 1
    url = f"{PUBLIC}/000.00.05.H98-250303-9999"
    first = client.get(url, {"phone": "0900000000"}, HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.5")
    assert first.status_code == 404
    # A forged left-hand entry does not make a new client.
    forged = client.get(url, {"phone": "0900000000"}, HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.5")
    assert forged.status_code == 429
    other = client.get(url, {"phone": "0900000000"}, HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert other.status_code == 404


def test_fixed_window_counter_resets_with_the_next_window():
    assert ratelimit.hit("t", "a", limit=2, window=60, now=120.0) is None
    assert ratelimit.hit("t", "a", limit=2, window=60, now=130.0) is None
    assert ratelimit.hit("t", "a", limit=2, window=60, now=170.5) == 10
    assert ratelimit.hit("t", "b", limit=2, window=60, now=170.5) is None
    assert ratelimit.hit("t", "a", limit=2, window=60, now=180.0) is None


# --- OpenAPI --------------------------------------------------------------------------------


def test_openapi_lists_the_dossier_paths(client, world):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/v1/dossiers",
        "/api/v1/dossiers/{code}",
        "/api/v1/dossiers/{code}/actions",
        "/api/v1/dossiers/{code}/forms/{kind}.pdf",
        "/api/v1/public/dossiers/{code}",
    ):
        assert path in paths


# --- What people type: control characters, far dates (issue 8) ------------------------------


@pytest.mark.parametrize(
    ("changes", "param"),
    [
        ({"applicant": applicant(full_name="Nguyễn\x01 Văn Bình")}, "applicant.full_name"),
        ({"applicant": applicant(address="Số 5\x0b Lê Lợi")}, "applicant.address"),
        ({"delivery_address": "Số 5\x1f Lê Lợi"}, "delivery_address"),
        ({"documents": [{"name": "Đơn\x7f"}]}, "documents.0.name"),
    ],
)
def test_a_control_character_in_an_intake_is_422_naming_the_field(
    client, counter_officer, changes, param
):
    response = post(client, URL, counter_officer, intake(**changes))
    assert response.status_code == 422, response.content
    error = response.json()["errors"][0]
    assert error["param"] == param and "ký tự điều khiển" in error["message"]
    assert not Dossier.objects.exists()


def test_a_control_character_in_an_actions_text_is_422(client, counter_officer):
    code = create(client, counter_officer)["code"]
    response = act(client, code, counter_officer, "record_visit", purpose="Hỏi\x01 tiến độ")
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == "purpose"
    assert Dossier.objects.get(code=code).event_count == 1


@pytest.mark.parametrize(
    "params",
    [
        {"received_to": "9999-12-31"},
        {"received_from": "0001-01-01"},
        {"received_from": "0001-01-01", "received_to": "9999-12-31"},
    ],
)
def test_list_filters_near_year_1_or_9999_are_422(client, counter_officer, params):
    response = client.get(URL, params, headers=auth(counter_officer))
    assert response.status_code == 422
    assert "năm phải từ 1900 đến 2100" in response.json()["detail"]


@pytest.mark.parametrize(
    ("action", "fields", "param"),
    [
        ("apologize", {"reason": "Chậm", "new_due_at": "9999-12-31T16:00:00+07:00"}, "new_due_at"),
        (
            "record_shipment",
            {
                "direction": "inbound",
                "carrier": "VNPost",
                "tracking_number": "EB1",
                "handed_over_at": "0001-01-01T08:00:00+07:00",
            },
            "handed_over_at",
        ),
    ],
)
def test_action_moments_near_year_1_or_9999_are_422(client, counter_officer, action, fields, param):
    code = create(client, counter_officer)["code"]
    response = act(client, code, counter_officer, action, **fields)
    assert response.status_code == 422
    assert response.json()["errors"][0]["param"] == param
    assert Dossier.objects.get(code=code).event_count == 1
