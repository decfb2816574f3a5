"""Open311 GeoReport v2 through Django's test client, in JSON and in XML: discovery, the
services and their definition, posting a request (api_key, Art. 7), reading it back without
any personal data, the filters, tokens, and every error as the specification's list."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from cchc.dossiers.schemas import local_iso
from cchc.feedback import messages as feedback_msg
from cchc.feedback.models import FeedbackItem, Open311Client
from cchc.feedback.open311 import messages as msg
from cchc.feedback.open311.keys import key_hash
from cchc.feedback.services import feedback_classify
from cchc.org.identity import MSG_PHONE
from tests.feedback.conftest import receive
from tests.feedback.open311_support import (
    BASE,
    CONSTRUCTION_SERVICE,
    PERSONAL,
    children,
    form,
    issue_key,
    publish,
    xml,
)
from tests.twofactor import sign_in_verified

SERVICE_FIELDS = [
    "service_code",
    "service_name",
    "description",
    "metadata",
    "type",
    "keywords",
    "group",
]
REQUEST_FIELDS = [
    "service_request_id",
    "status",
    "status_notes",
    "service_name",
    "service_code",
    "description",
    "agency_responsible",
    "service_notice",
    "requested_datetime",
    "updated_datetime",
    "expected_datetime",
    "address",
    "address_id",
    "zipcode",
    "lat",
    "long",
    "media_url",
]


@pytest.fixture
def key(world):
    return issue_key()


def post(client, fmt="json", **data):
    return client.post(f"{BASE}/requests.{fmt}", data)


def errors_of(response):
    """The specification's error list, in either format, as (code, description) pairs."""
    if response["Content-Type"].startswith("text/xml"):
        root = xml(response)
        assert root.tag == "errors"
        assert all(children(e) == ["code", "description"] for e in root)
        return [(int(e.findtext("code")), e.findtext("description")) for e in root]
    return [(e["code"], e["description"]) for e in response.json()]


# --- discovery and services -------------------------------------------------------------------


def test_discovery_names_the_specification_and_both_formats(client, world):
    answer = client.get(f"{BASE}/discovery.json").json()
    assert answer["endpoints"][0]["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert answer["endpoints"][0]["formats"] == ["text/xml", "application/json"]
    assert answer["endpoints"][0]["url"].endswith("/open311/v2")
    root = xml(client.get(f"{BASE}/discovery.xml"))
    assert root.tag == "discovery"
    assert children(root) == ["changeset", "contact", "key_service", "endpoints"]
    endpoint = root.find("endpoints/endpoint")
    assert children(endpoint) == ["specification", "url", "changeset", "type", "formats"]
    assert [f.text for f in endpoint.find("formats")] == ["text/xml", "application/json"]


def test_services_are_the_categories_of_each_receiving_unit(client, world):
    response = client.get(f"{BASE}/services.json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    services = {s["service_code"]: s for s in response.json()}
    construction = services[CONSTRUCTION_SERVICE]
    assert list(construction) == SERVICE_FIELDS
    assert (
        construction["service_name"] == "Chậm trễ, gây phiền hà, sách nhiễu của cán bộ, công chức"
    )
    assert (construction["metadata"], construction["type"]) == (True, "realtime")
    assert construction["group"] == "Sở Xây dựng"
    assert "nặc danh không được tiếp nhận" in construction["description"]
    # Eight categories at each unit; a division (phòng) offers none of its own.
    assert "000.00.03.H98-initiative" in services
    assert not any(code.startswith("000.05.01.H98") for code in services)
    assert len(services) % 8 == 0
    root = xml(client.get(f"{BASE}/services.xml"))
    assert root.tag == "services"
    assert {e.tag for e in root} == {"service"}
    first = root.find("service")
    assert children(first) == SERVICE_FIELDS
    assert first.findtext("metadata") == "true"
    assert len(root) == len(services)


def test_service_definition_asks_the_kind_and_the_senders_address(client, world):
    answer = client.get(f"{BASE}/services/{CONSTRUCTION_SERVICE}.json").json()
    assert answer["service_code"] == CONSTRUCTION_SERVICE
    attributes = {a["code"]: a for a in answer["attributes"]}
    assert attributes["kind"]["datatype"] == "singlevaluelist"
    assert attributes["kind"]["required"] is True
    assert [v["key"] for v in attributes["kind"]["values"]] == ["phan_anh", "kien_nghi"]
    assert attributes["sender_address"]["required"] is True
    assert attributes["dossier_code"]["required"] is False
    assert attributes["art7_notice"]["variable"] is False
    assert "nặc danh bị từ chối" in attributes["art7_notice"]["description"]
    assert [a["order"] for a in answer["attributes"]] == [1, 2, 3, 4]
    root = xml(client.get(f"{BASE}/services/{CONSTRUCTION_SERVICE}.xml"))
    assert root.tag == "service_definition"
    assert children(root) == ["service_code", "attributes"]
    kind = root.findall("attributes/attribute")[1]
    assert children(kind) == [
        "variable",
        "code",
        "datatype",
        "required",
        "datatype_description",
        "order",
        "description",
        "values",
    ]
    assert [children(v) for v in kind.find("values")] == [["key", "name"], ["key", "name"]]
    assert [v.findtext("key") for v in kind.find("values")] == ["phan_anh", "kien_nghi"]


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize(
    "code", ["000.00.05.H98-nothing", "999.99.99.Z99-other", "000.05.01.H98-other", "x" * 500]
)
def test_unknown_or_division_service_is_a_404(client, world, fmt, code):
    response = client.get(f"{BASE}/services/{code}.{fmt}")
    assert response.status_code == 404
    assert errors_of(response) == [(404, str(msg.MSG_SERVICE_UNKNOWN))]


# --- posting a request --------------------------------------------------------------------------


def test_post_registers_a_feedback_item_through_the_intake_service(client, world, key):
    response = post(client, **form(key))
    assert response.status_code == 200
    [answer] = response.json()
    assert list(answer) == ["service_request_id", "token", "service_notice", "account_id"]
    item = FeedbackItem.objects.get(code=answer["service_request_id"])
    assert answer["token"] == str(item.public_id)
    assert answer["account_id"] is None
    assert "10 ngày làm việc" in answer["service_notice"]
    assert (item.channel, item.kind, item.category) == ("open311", "phan_anh", "officer_conduct")
    assert item.title == "Cán bộ yêu cầu nộp thêm giấy tờ ngoài quy định"
    assert item.content.endswith("thiếu bản sao sổ hộ khẩu.")
    assert (item.sender_name, item.sender_phone) == ("Nguyễn Thị Hà", "0987654321")
    assert item.sender_address == "12 Lê Lợi, phường Tân An"
    assert item.location == "Bộ phận một cửa Sở Xây dựng, 5 Trần Phú"
    assert (str(item.latitude), str(item.longitude)) == ("10.776889", "106.700806")
    assert item.subject_agency == item.receiving_agency == world.construction
    assert item.status == "received"
    assert list(item.events.values_list("action", flat=True)) == ["receive"]
    assert Open311Client.objects.get().last_used_at is not None


def test_post_in_xml_answers_service_requests(client, world, key):
    root = xml(post(client, "xml", **form(key, **{"attribute[kind]": "kien_nghi"})))
    assert root.tag == "service_requests"
    [request] = root
    assert request.tag == "request"
    assert children(request) == ["service_request_id", "token", "service_notice", "account_id"]
    item = FeedbackItem.objects.get(code=request.findtext("service_request_id"))
    assert item.kind == "kien_nghi"


def test_address_string_is_the_senders_address_when_no_attribute_gives_it(client, world, key):
    post(client, **form(key, **{"attribute[sender_address]": None}))
    item = FeedbackItem.objects.get()
    assert item.sender_address == "Bộ phận một cửa Sở Xây dựng, 5 Trần Phú"
    assert item.location == ""  # the sender's address is never the item's public place


def test_a_media_url_reaches_the_officer_with_the_text(client, world, key):
    post(client, **form(key, media_url="https://anh.example.vn/hinh-1.jpg"))
    content = FeedbackItem.objects.get().content
    assert content.endswith("(media_url): https://anh.example.vn/hinh-1.jpg")


def test_a_long_first_line_is_cut_to_eighty_characters_for_the_title(client, world, key):
    post(client, **form(key, description="Chậm trễ " * 30))
    title = FeedbackItem.objects.get().title
    assert len(title) == 80 and title.endswith("…")


def test_the_client_systems_agency_receives_what_it_posts(client, world):
    key = issue_key("Tổng đài 1022", agency=world.justice)
    post(client, **form(key))
    item = FeedbackItem.objects.get()
    assert (item.receiving_agency, item.subject_agency) == (world.justice, world.construction)


def test_a_dossier_code_links_the_dossier_when_the_phone_matches(client, world, key):
    response = post(client, **form(key, **{"attribute[dossier_code]": "KHONG-CO"}))
    assert errors_of(response) == [(400, str(feedback_msg.MSG_DOSSIER))]
    assert not FeedbackItem.objects.exists()


# --- refusals: nothing is stored ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_without_api_key_nothing_is_stored(client, world, fmt):
    response = post(client, fmt, **form(None))
    assert response.status_code == 403
    assert errors_of(response) == [(403, str(msg.MSG_API_KEY))]
    assert not FeedbackItem.objects.exists()


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_revoked_or_unknown_key_is_refused(client, world, key, fmt):
    Open311Client.objects.update(revoked_at=timezone.now())
    for wrong in (key, "khong-phai-khoa", "x" * 5000):
        response = post(client, fmt, **form(wrong))
        assert response.status_code == 403
        assert errors_of(response) == [(403, str(msg.MSG_API_KEY_INVALID))]
    assert not FeedbackItem.objects.exists()
    assert Open311Client.objects.get().last_used_at is None


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_unknown_or_missing_service_code(client, world, key, fmt):
    response = post(client, fmt, **form(key, service_code="000.00.05.H98-khac"))
    assert (response.status_code, errors_of(response)) == (
        404,
        [(404, str(msg.MSG_SERVICE_UNKNOWN))],
    )
    response = post(client, fmt, **form(key, service_code=None))
    assert errors_of(response) == [(400, str(msg.MSG_SERVICE_CODE))]
    assert not FeedbackItem.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"first_name": None, "last_name": None}, feedback_msg.MSG_NAME),
        ({"first_name": " ", "last_name": ""}, feedback_msg.MSG_NAME),
        ({"phone": None}, feedback_msg.MSG_PHONE_REQUIRED),
        ({"phone": "12345"}, MSG_PHONE),
        (
            {"attribute[sender_address]": None, "address_string": None},
            feedback_msg.MSG_ADDRESS,
        ),
        ({"attribute[kind]": None}, feedback_msg.MSG_KIND),
        ({"attribute[kind]": "khieu_nai"}, feedback_msg.MSG_KIND),
        ({"description": None}, msg.MSG_DESCRIPTION),
        ({"description": "x" * 4001}, msg.MSG_TOO_LONG % {"param": "description", "limit": 4000}),
        ({"long": None}, msg.MSG_LAT_LONG),
        ({"lat": "91", "long": "106"}, msg.MSG_LAT_LONG),
        ({"lat": "NaN", "long": "106"}, msg.MSG_LAT_LONG),
        ({"lat": "1e999999", "long": "106"}, msg.MSG_LAT_LONG),
        ({"lat": "mười", "long": "106"}, msg.MSG_LAT_LONG),
        ({"email": "khong-phai-email"}, msg.MSG_EMAIL),
        ({"media_url": "javascript:alert(1)"}, msg.MSG_MEDIA_URL),
        (
            {"media_url": "https://" + "a" * 2000},
            msg.MSG_TOO_LONG % {"param": "media_url", "limit": 2000},
        ),
        ({"attribute[hair_colour]": "red"}, msg.MSG_ATTRIBUTE_UNKNOWN % {"code": "hair_colour"}),
        ({"attribute[kind][]": "phan_anh"}, msg.MSG_ATTRIBUTE_SINGLE % {"code": "kind"}),
        ({"first_name": "x" * 5000}, msg.MSG_TOO_LONG % {"param": "first_name", "limit": 4000}),
        ({"first_name": "x" * 200}, feedback_msg.MSG_TOO_LONG),
    ],
)
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_bad_input_is_a_400_with_the_reason_and_nothing_is_stored(
    client, world, key, overrides, message, fmt
):
    response = post(client, fmt, **form(key, **overrides))
    assert response.status_code == 400
    assert errors_of(response) == [(400, str(message))]
    assert not FeedbackItem.objects.exists()


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_control_characters_are_refused_and_the_xml_stays_readable(client, world, key, fmt):
    response = post(client, fmt, **form(key, description="Chậm\x01 trễ", last_name="H\x1bà"))
    assert response.status_code == 400
    [(code, description)] = errors_of(response)
    assert code == 400 and "U+001B" in description
    response = post(client, fmt, **form(key, **{"attribute[\x01\ufffe]": "x"}))
    assert response.status_code == 400
    errors_of(response)  # parses
    assert not FeedbackItem.objects.exists()


def test_bodies_that_are_not_a_form_are_refused_not_crashed(client, world, key):
    as_json = client.post(
        f"{BASE}/requests.json", json.dumps(form(key)), content_type="application/json"
    )
    assert as_json.status_code == 403  # no form field, so no api_key
    as_text = client.post(f"{BASE}/requests.xml", "plain text", content_type="text/plain")
    assert errors_of(as_text) == [(403, str(msg.MSG_API_KEY))]
    broken = client.post(
        f"{BASE}/requests.json",
        b"--zz\r\nContent-Disposition: form-data; name=\r\n\r\nx",
        content_type="multipart/form-data; boundary=zz",
    )
    assert broken.status_code == 403  # Django reads no field from it: no api_key
    no_boundary = client.post(f"{BASE}/requests.json", b"abc", content_type="multipart/form-data")
    assert no_boundary.status_code == 400
    assert not FeedbackItem.objects.exists()


def test_posting_is_rate_limited_per_client_system(client, world, key, settings):
    settings.CCHC_OPEN311_POST_LIMIT = 1
    assert post(client, **form(key)).status_code == 200
    response = post(client, **form(key))
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert errors_of(response) == [(429, str(msg.MSG_TOO_MANY))]
    assert FeedbackItem.objects.count() == 1


# --- reading back -------------------------------------------------------------------------------


def _posted(client, key, **overrides) -> str:
    return post(client, **form(key, **overrides)).json()[0]["service_request_id"]


def test_a_request_reads_back_open_with_nothing_personal(client, world, key):
    code = _posted(client, key)
    response = client.get(f"{BASE}/requests/{code}.json")
    [request] = response.json()
    assert list(request) == REQUEST_FIELDS
    assert (request["service_request_id"], request["status"]) == (code, "open")
    assert request["service_code"] == CONSTRUCTION_SERVICE
    assert request["agency_responsible"] == "Sở Xây dựng"
    assert request["requested_datetime"].endswith("+07:00")
    assert request["description"] is None and request["status_notes"] is None
    assert request["address"] is None
    assert (request["lat"], request["long"]) == (10.776889, 106.700806)
    assert not any(p in response.content.decode() for p in PERSONAL)
    assert "hộ khẩu" not in response.content.decode()  # the unmoderated text stays inside
    root = xml(client.get(f"{BASE}/requests/{code}.xml"))
    assert root.tag == "service_requests"
    assert children(root[0]) == REQUEST_FIELDS
    assert root[0].findtext("status") == "open"
    assert root[0].find("address").text is None


def test_a_published_request_is_closed_with_the_published_answer_only(client, world, key):
    code = _posted(client, key)
    item = publish(FeedbackItem.objects.get(code=code), world)
    [request] = client.get(f"{BASE}/requests/{code}.json").json()
    assert request["status"] == "closed"
    assert request["status_notes"] == item.published_answer
    assert "chấn chỉnh bộ phận một cửa" in request["status_notes"]
    assert request["description"] == item.published_content
    assert request["address"] == "Bộ phận một cửa Sở Xây dựng, 5 Trần Phú"
    assert request["expected_datetime"] is not None
    body = client.get(f"{BASE}/requests/{code}.xml").content.decode()
    assert not any(p in body for p in PERSONAL)
    assert "<status>closed</status>" in body


def test_the_senders_data_in_a_published_place_is_hidden(client, world, key):
    code = _posted(client, key, address_string="Trước nhà Nguyễn Thị Hà, gọi 0987654321")
    publish(FeedbackItem.objects.get(code=code), world)
    [request] = client.get(f"{BASE}/requests/{code}.json").json()
    assert request["address"] == "Trước nhà [đã ẩn], gọi [đã ẩn]"


def test_a_published_place_that_is_the_senders_address_is_not_shown(client, world, key):
    code = _posted(
        client,
        key,
        address_string="12 lê lợi, PHƯỜNG Tân An",
        **{"attribute[sender_address]": "12 Lê Lợi, phường Tân An"},
    )
    publish(FeedbackItem.objects.get(code=code), world)
    [request] = client.get(f"{BASE}/requests/{code}.json").json()
    assert request["address"] is None


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_unknown_request_and_token_are_404(client, world, fmt):
    for path, message in (
        ("requests/PAKN-000000-0000", msg.MSG_REQUEST_UNKNOWN),
        ("tokens/00000000-0000-0000-0000-000000000000", msg.MSG_TOKEN_UNKNOWN),
        ("tokens/khong-phai-uuid", msg.MSG_TOKEN_UNKNOWN),
    ):
        response = client.get(f"{BASE}/{path}.{fmt}")
        assert errors_of(response) == [(404, str(message))]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_token_gives_the_service_request_id(client, world, key, fmt):
    answer = post(client, **form(key)).json()[0]
    response = client.get(f"{BASE}/tokens/{answer['token']}.{fmt}")
    if fmt == "json":
        assert response.json() == [
            {"service_request_id": answer["service_request_id"], "token": answer["token"]}
        ]
    else:
        root = xml(response)
        assert (root.tag, root[0].tag) == ("service_requests", "request")
        assert root[0].findtext("service_request_id") == answer["service_request_id"]


def test_request_list_filters(client, world, key):
    first = _posted(client, key)
    second = _posted(client, key, service_code="000.00.03.H98-proposal")
    old = receive(world, at=timezone.now() - timedelta(days=120))
    closed = publish(receive(world), world)

    def codes(**params):
        response = client.get(f"{BASE}/requests.json", params)
        assert response.status_code == 200, response.content
        return [r["service_request_id"] for r in response.json()]

    assert set(codes()) == {first, second, closed.code}  # the last 90 days
    assert set(codes(service_request_id=f"{old.code},{first}")) == {old.code, first}
    assert set(codes(service_code=CONSTRUCTION_SERVICE)) == {first, closed.code}
    assert codes(service_code="000.00.03.H98-proposal,000.00.00.H98-other") == [second]
    assert set(codes(status="open")) == {first, second}
    assert codes(status="closed") == [closed.code]
    assert set(codes(status="open,closed")) == {first, second, closed.code}
    start = (timezone.now() - timedelta(days=130)).isoformat()
    assert codes(start_date=start) == [old.code]  # 90 days from start_date
    end = (timezone.now() - timedelta(days=100)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert codes(end_date=end) == [old.code]
    root = xml(client.get(f"{BASE}/requests.xml"))
    assert root.tag == "service_requests"
    assert {e.tag for e in root} == {"request"} and len(root) == 3


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"start_date": "hôm qua"}, 400, msg.MSG_DATE % {"param": "start_date"}),
        ({"start_date": "0001-01-01T00:00:00Z"}, 400, msg.MSG_DATE % {"param": "start_date"}),
        ({"end_date": "9999-12-31T23:59:59+14:00"}, 400, msg.MSG_DATE % {"param": "end_date"}),
        ({"end_date": "2025-13-45"}, 400, msg.MSG_DATE % {"param": "end_date"}),
        ({"start_date": "2025-02-30T25:61:00Z"}, 400, msg.MSG_DATE % {"param": "start_date"}),
        (
            {"start_date": "2025-01-01T00:00:00Z", "end_date": "2025-06-01T00:00:00Z"},
            400,
            msg.MSG_DATE_SPAN,
        ),
        (
            {"start_date": "2025-06-01T00:00:00Z", "end_date": "2025-01-01T00:00:00Z"},
            400,
            msg.MSG_DATE_SPAN,
        ),
        ({"status": "pending"}, 400, msg.MSG_STATUS),
        ({"service_code": "000.00.05.H98-khac"}, 404, msg.MSG_SERVICE_UNKNOWN),
        ({"service_request_id": ",".join(["x"] * 1001)}, 400, msg.MSG_TOO_MANY_IDS),
    ],
)
def test_bad_filters_are_refused(client, world, fmt, params, status, message):
    response = client.get(f"{BASE}/requests.{fmt}", params)
    assert response.status_code == status
    assert errors_of(response) == [(status, str(message))]


def test_a_date_without_zone_is_the_provinces_time(client, world, key):
    code = _posted(client, key)
    today = timezone.localdate()
    response = client.get(f"{BASE}/requests.json", {"start_date": today.isoformat()})
    assert [r["service_request_id"] for r in response.json()] == [code]


# --- the frame ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_wrong_method_is_a_405_with_allow(client, world, fmt):
    response = client.post(f"{BASE}/services.{fmt}")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert errors_of(response)[0][0] == 405
    response = client.delete(f"{BASE}/requests.{fmt}")
    assert response["Allow"] == "GET, HEAD, POST"


@pytest.mark.parametrize("path", ["services.csv", "khong-co.xml", "requests/a/b.json", ""])
def test_unknown_addresses_are_the_specifications_404(client, world, path):
    response = client.get(f"{BASE}/{path}")
    assert response.status_code == 404
    assert errors_of(response) == [(404, str(msg.MSG_NOT_FOUND))]


# --- keys ---------------------------------------------------------------------------------------


def test_issue_open311_key_prints_the_key_once_and_keeps_only_its_hash(client, world, capsys):
    call_command("issue_open311_key", "Ứng dụng phản ánh hiện trường", "--agency", "000.00.03.H98")
    key = capsys.readouterr().out.strip().splitlines()[-1]
    stored = Open311Client.objects.get()
    assert (stored.name, stored.agency) == ("Ứng dụng phản ánh hiện trường", world.justice)
    assert stored.key_hash == key_hash(key) and key not in stored.key_hash
    assert stored.hint == key[:6] + "…"
    assert post(client, **form(key)).status_code == 200
    with pytest.raises(CommandError):
        call_command("issue_open311_key", "Ứng dụng phản ánh hiện trường")
    with pytest.raises(CommandError):
        call_command("issue_open311_key", "Khác", "--agency", "999.99.99.Z99")
    assert Open311Client.objects.count() == 1


# --- queries ------------------------------------------------------------------------------------


def test_lists_take_a_fixed_number_of_queries(client, world, key, django_assert_num_queries):
    _posted(client, key)
    with django_assert_num_queries(2):  # the agencies' tree, the items
        assert len(client.get(f"{BASE}/requests.json").json()) == 1
    _posted(client, key)
    _posted(client, key, service_code="000.00.03.H98-proposal")
    with django_assert_num_queries(2):
        assert len(client.get(f"{BASE}/requests.xml").content) > 0
    with django_assert_num_queries(4):  # the service, the tree (filter and output), the items
        assert (
            len(client.get(f"{BASE}/requests.json?service_code={CONSTRUCTION_SERVICE}").json()) == 2
        )
    with django_assert_num_queries(1):
        client.get(f"{BASE}/services.json")


def test_updated_datetime_is_the_moment_of_the_last_step(client, world):
    received = timezone.now() - timedelta(days=10)
    item = receive(world, at=received)
    [request] = client.get(f"{BASE}/requests/{item.code}.json").json()
    assert request["updated_datetime"] == local_iso(received)
    classified = received + timedelta(days=1)
    feedback_classify(
        item, world.counter_officer, classification="within_competence", now=classified
    )
    [request] = client.get(f"{BASE}/requests/{item.code}.json").json()
    assert request["updated_datetime"] == local_iso(classified)


def test_errors_read_in_english_when_the_client_asks_for_it(client, world):
    response = client.post(f"{BASE}/requests.json", HTTP_ACCEPT_LANGUAGE="en")
    assert errors_of(response) == [
        (403, "Missing api_key: only systems that have been issued a key may post feedback.")
    ]


def test_reading_is_rate_limited_per_client_address(client, world, settings):
    settings.CCHC_OPEN311_READ_LIMIT = 2
    assert client.get(f"{BASE}/services.json").status_code == 200
    assert client.get(f"{BASE}/requests.xml").status_code == 200
    response = client.get(f"{BASE}/discovery.xml")
    assert response.status_code == 429 and int(response["Retry-After"]) >= 1
    assert errors_of(response) == [(429, str(msg.MSG_TOO_MANY))]


def test_a_key_revoked_in_the_admin_is_refused_at_once(client, world, key, admin_user):
    assert post(client, **form(key)).status_code == 200
    stored = Open311Client.objects.get()
    sign_in_verified(client, admin_user)
    response = client.post(
        "/admin/feedback/open311client/",
        {"action": "revoke", "_selected_action": [stored.pk]},
    )
    assert response.status_code == 302
    stored.refresh_from_db()
    assert stored.revoked_at is not None
    client.logout()
    response = post(client, **form(key))
    assert errors_of(response) == [(403, str(msg.MSG_API_KEY_INVALID))]
    assert FeedbackItem.objects.count() == 1
