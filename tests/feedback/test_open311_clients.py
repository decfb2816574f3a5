"""The Open311 interface as third-party clients from PyPI see it, over real HTTP against a live
server (issue 10's acceptance): ``civicbot`` (its GeoReport v2 client, JSON: services, a
definition it validates the post against, posting, reading back, tokens) and ``georeport``
(JSON and XML reads: services, a definition, the requests). Neither library posts in XML:
the XML post is built by civicbot's own form builder on an XML endpoint, sent as the form it
prepared, and read back by georeport's XML parsing."""

from __future__ import annotations

import pytest
import requests
import xmltodict
from civicbot.http import HttpError, HttpTransport, RateLimiter
from civicbot.open311 import CONFIRM_TOKEN, Open311Client, ValidationError
from civicbot.registry import Endpoint
from georeport import GeoReport

from cchc.feedback.models import FeedbackItem
from tests.feedback.open311_support import CONSTRUCTION_SERVICE, PERSONAL, issue_key, publish

pytestmark = pytest.mark.django_db(transaction=True)

SENDER = {
    "first_name": "Nguyễn Thị",
    "last_name": "Hà",
    "phone": "0987 654 321",
    "email": "ha@example.vn",
}
DESCRIPTION = (
    "Bộ phận một cửa yêu cầu bản sao sổ hộ khẩu\nGiấy tờ này không có trong thành phần hồ sơ."
)


def _civicbot(live_server, fmt: str = "json") -> Open311Client:
    endpoint = Endpoint(
        id="cchc", name="CCHC", base_url=f"{live_server.url}/open311/v2", write=True
    )
    # No pause between calls: civicbot waits half a second per host by default, for politeness.
    transport = HttpTransport(rate_limiter=RateLimiter(min_interval=0))
    return Open311Client(endpoint, transport=transport, fmt=fmt)


def test_civicbot_lists_reads_posts_and_follows_a_request_in_json(live_server, world):
    key = issue_key()
    client = _civicbot(live_server)
    services = client.list_services()
    service = next(s for s in services if s["service_code"] == CONSTRUCTION_SERVICE)
    assert service["metadata"] is True and service["group"] == "Sở Xây dựng"
    definition = client.get_service_definition(CONSTRUCTION_SERVICE)
    assert {a["code"] for a in definition["attributes"]} >= {"kind", "sender_address"}
    # civicbot checks the form against the live definition before sending: without the
    # required kind and address it refuses on its own.
    with pytest.raises(ValidationError, match="required attribute 'kind' missing"):
        client.create_request(
            CONSTRUCTION_SERVICE,
            dry_run=False,
            confirm=CONFIRM_TOKEN,
            api_key=key,
            validate_remote=True,
            address_string="5 Trần Phú",
            description=DESCRIPTION,
            **SENDER,
        )
    sent = client.create_request(
        CONSTRUCTION_SERVICE,
        dry_run=False,
        confirm=CONFIRM_TOKEN,
        api_key=key,
        validate_remote=True,
        lat=10.776889,
        lng=106.700806,
        address_string="Bộ phận một cửa, 5 Trần Phú",
        description=DESCRIPTION,
        attributes={"kind": "phan_anh", "sender_address": "12 Lê Lợi, phường Tân An"},
        **SENDER,
    )
    [answer] = sent.response
    code = answer["service_request_id"]
    item = FeedbackItem.objects.get(code=code)
    assert (item.channel, item.sender_name, item.sender_phone) == (
        "open311",
        "Nguyễn Thị Hà",
        "0987654321",
    )
    request = client.get_request(code)
    assert (request["status"], request["service_code"]) == ("open", CONSTRUCTION_SERVICE)
    assert request["lat"] == 10.776889
    assert client.get_token(answer["token"]) == [
        {"service_request_id": code, "token": answer["token"]}
    ]
    listed = client.list_requests(service_code=CONSTRUCTION_SERVICE, status="open")
    assert [r["service_request_id"] for r in listed] == [code]
    assert not any(p in str(listed) for p in PERSONAL)
    publish(item, world)
    [closed] = client.list_requests(service_request_ids=[code])
    assert closed["status"] == "closed" and "chấn chỉnh" in closed["status_notes"]


def test_civicbot_gets_the_specifications_errors(live_server, world):
    endpoint = Endpoint(
        id="cchc",
        name="CCHC",
        base_url=f"{live_server.url}/open311/v2",
        write=True,
        api_key_required_for_write=False,
    )
    client = Open311Client(endpoint, transport=HttpTransport(rate_limiter=RateLimiter(0)))
    with pytest.raises(HttpError) as refused:
        client.create_request(
            CONSTRUCTION_SERVICE,
            dry_run=False,
            confirm=CONFIRM_TOKEN,
            address_string="5 Trần Phú",
            description=DESCRIPTION,
            attributes={"kind": "phan_anh"},
        )
    assert refused.value.status == 403
    assert '"code": 403' in refused.value.body
    key = issue_key()
    with pytest.raises(HttpError) as refused:  # no phone: Art. 7
        client.create_request(
            CONSTRUCTION_SERVICE,
            dry_run=False,
            confirm=CONFIRM_TOKEN,
            api_key=key,
            address_string="12 Lê Lợi",
            description=DESCRIPTION,
            first_name="Hà",
            attributes={"kind": "phan_anh"},
        )
    assert refused.value.status == 400 and "Điều 7" in refused.value.body
    with pytest.raises(HttpError) as refused:
        client.get_service_definition("000.00.05.H98-khac")
    assert refused.value.status == 404
    assert not FeedbackItem.objects.exists()


def test_georeport_reads_services_definitions_and_requests_in_xml_and_json(live_server, world):
    key = issue_key()
    root = f"{live_server.url}/open311/v2"
    # The XML post: civicbot prepares the form on an XML endpoint; it is sent as prepared.
    prepared = _civicbot(live_server, "xml").build_request(
        CONSTRUCTION_SERVICE,
        api_key=key,
        address_string="12 Lê Lợi, phường Tân An",
        description=DESCRIPTION,
        attributes={"kind": "kien_nghi"},
        **SENDER,
    )
    assert prepared.url.endswith("/requests.xml")
    response = requests.post(prepared.url, data=prepared.form, timeout=20)
    assert response.headers["Content-Type"] == "text/xml; charset=utf-8"
    posted = xmltodict.parse(response.content)["service_requests"]["request"]
    code = posted["service_request_id"]
    assert FeedbackItem.objects.get(code=code).kind == "kien_nghi"

    xml_client = GeoReport(root, output_format="xml")
    services = xml_client.get_service_list()
    assert CONSTRUCTION_SERVICE in [s["service_code"] for s in services]
    assert {s["metadata"] for s in services} == {"true"}
    definition = xml_client.get_service_definition(CONSTRUCTION_SERVICE)
    attributes = definition["attributes"]["attribute"]
    kind = next(a for a in attributes if a["code"] == "kind")
    assert [v["key"] for v in kind["values"]["value"]] == ["phan_anh", "kien_nghi"]
    request = xml_client.get_service_request(code)
    assert (request["service_request_id"], request["status"]) == (code, "open")
    assert request["status_notes"] is None and request["description"] is None
    listed = xml_client.get_service_requests(service_request_id=code)
    assert listed["service_request_id"] == code  # one request: xmltodict gives the element

    json_client = GeoReport(root)
    assert len(json_client.get_service_list()) == len(services)
    assert json_client.get_service_definition(CONSTRUCTION_SERVICE)["service_code"] == (
        CONSTRUCTION_SERVICE
    )
    assert json_client.get_service_request(code)["status"] == "open"
    assert [r["service_request_id"] for r in json_client.get_service_requests(status="open")] == [
        code
    ]
    assert not any(p in str(listed) + str(request) for p in PERSONAL)
