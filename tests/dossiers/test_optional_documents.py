"""Papers that apply only "if any" (nếu có) at the counter (issue 8): the intake checklist says
which are optional, a citizen submits online without them, and the officer's dossier page
shows, paper by paper, which the applicant gave — the optional ones included."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from cchc.catalog.models import Procedure, RequiredDocument
from cchc.catalog.services import procedure_publish
from cchc.dossiers.models import Dossier
from tests.portal.apply_helpers import pdf
from tests.portal.test_apply import apply_url, form_data, latest
from tests.world import BUILDING_PERMIT

pytestmark = pytest.mark.django_db

INTAKE = "/can-bo/ho-so/tiep-nhan/"
REQUIRED = "Đơn đề nghị theo mẫu"
CHANGE = "Giấy tờ chứng minh sự thay đổi (nếu có)"
PROXY = "Văn bản ủy quyền (nếu có)"


@pytest.fixture
def permit(world) -> Procedure:
    """The building permit with two papers that apply only if the applicant has them."""
    procedure = world.building_permit
    for order, name in ((2, CHANGE), (3, PROXY)):
        RequiredDocument.objects.create(
            procedure=procedure, order=order, name=name, is_optional=True
        )
    procedure_publish(actor=None, procedure=procedure, decision_number="4/QĐ", decision_date=None)
    return procedure


def text(response) -> str:
    return response.content.decode()


def intake_data(*ticked: int) -> dict:
    """The counter's form for the permit: three procedure papers and three blank lines."""
    data = {
        "procedure": BUILDING_PERMIT,
        "outcome": "receive",
        "doc-TOTAL_FORMS": "6",
        "doc-INITIAL_FORMS": "6",
        "doc-MIN_NUM_FORMS": "0",
        "doc-MAX_NUM_FORMS": "1000",
        "applicant_kind": "person",
        "applicant_name": "Nguyễn Văn Bình",
        "applicant_id_number": "001090012345",
        "applicant_phone": "0987654321",
        "applicant_email": "",
        "applicant_address": "Số 5 đường Lê Lợi, phường Tân An",
        "channel": "in_person",
        "return_method": "in_person",
        "delivery_address": "",
        "other_items": "",
        "reason": "",
    }
    for i in range(6):
        data.update({f"doc-{i}-form": "original", f"doc-{i}-copies": "1", f"doc-{i}-name": ""})
    for i in ticked:
        data[f"doc-{i}-received"] = "on"
    return data


def checklist(body: str) -> list[str]:
    """The dossier page's paper-by-paper list, one line per paper as a screen reader reads it
    (tags, hidden marks and spaces folded)."""
    block = re.search(r'data-testid="document-checklist".*?</ul>', body, re.S)
    assert block, "the dossier page has no paper-by-paper list"
    items = re.findall(r"<li[^>]*>(.*?)</li>", block.group(0), re.S)
    return [words(re.sub(r'<span[^>]*aria-hidden="true"[^>]*>.*?</span>', "", i)) for i in items]


def words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_intake_checklist_names_each_optional_paper_in_its_label(client, permit, world):
    client.force_login(world.counter_officer)

    body = text(client.get(INTAKE, {"procedure": BUILDING_PERMIT}))

    pattern = r'<label class="form-check-label" for="([^"]+)">(.*?)</label>'
    labels = {key: words(label) for key, label in re.findall(pattern, body, re.S)}
    assert labels["id_doc-0-received"] == f"{REQUIRED} bắt buộc"
    assert labels["id_doc-1-received"] == f"{CHANGE} không bắt buộc"
    assert "chỉ đánh dấu khi người nộp có nộp" in body


def test_the_counter_receives_without_optional_papers_and_sees_which_were_given(
    client, permit, world
):
    client.force_login(world.counter_officer)

    response = client.post(INTAKE, intake_data(0, 2))

    assert response.status_code == 302, text(response)
    d = Dossier.objects.latest("id")
    assert d.status == Dossier.Status.RECEIVED
    assert [doc.name for doc in d.documents.order_by("id")] == [REQUIRED, PROXY]
    assert checklist(text(client.get(response["Location"]))) == [
        f"{REQUIRED} bắt buộc · đã nộp",
        f"{CHANGE} không bắt buộc · không nộp",
        f"{PROXY} không bắt buộc · đã nộp",
    ]


def test_a_citizen_submits_online_without_the_if_any_papers_and_the_counter_sees_it(
    client, permit, world
):
    client.force_login(world.citizen)
    response = client.post(apply_url(), form_data(action="submit", doc_0=pdf(), doc_2=pdf()))
    assert response.status_code == 302
    d = latest(world.citizen)
    assert d.status == Dossier.Status.SUBMITTED
    client.force_login(world.counter_officer)

    body = text(client.get(reverse("dossiers:detail", args=[str(d.public_id)])))

    assert checklist(body) == [
        f"{REQUIRED} bắt buộc · đã nộp",
        f"{CHANGE} không bắt buộc · không nộp",
        f"{PROXY} không bắt buộc · đã nộp",
    ]
