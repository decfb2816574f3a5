"""The answer letter (Decree 20/2008 Art. 19) as PDF and DOCX in Decree 30/2020's layout,
read back from the files; the officers' download scoped to the receiving and answering
agencies, only once the answer is approved."""

from __future__ import annotations

import io
import unicodedata
import zipfile
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from cchc.feedback.letter import LetterNotAvailable, build_letter, render_letter
from cchc.feedback.services import (
    feedback_approve,
    feedback_classify,
    feedback_publish,
    feedback_submit_draft,
)
from tests.dossiers.test_printing import assert_national_heading, read_pdf
from tests.factories import UserFactory
from tests.feedback.conftest import receive, vn

pytestmark = pytest.mark.django_db

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ANSWER = (
    "Sở Tư pháp đã làm việc với bộ phận một cửa.\n"
    "Hồ sơ cấp giấy phép xây dựng không cần bản sao sổ hộ khẩu; cán bộ đã được nhắc nhở."
)


def read_docx(data: bytes) -> list[str]:
    """The text of every paragraph of the DOCX, in order (tables included)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        names = set(package.namelist())
        assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml"} <= names
        root = ElementTree.fromstring(package.read("word/document.xml"))
    return [
        unicodedata.normalize("NFC", "".join(t.text or "" for t in p.iter(f"{W}t")))
        for p in root.iter(f"{W}p")
    ]


def answered(world, counter_officer, other_agency_officer, justice_leader, *, text=ANSWER):
    item = receive(world, at=vn(2025, 4, 24, 9))
    item = feedback_classify(
        item,
        counter_officer,
        classification="conduct",
        agency=world.justice,
        now=vn(2025, 4, 25, 9),
    )
    item = feedback_submit_draft(item, other_agency_officer, text=text, now=vn(2025, 4, 28, 9))
    return feedback_approve(item, justice_leader, now=vn(2025, 4, 28, 10))


def assert_letter(text: str, item) -> None:
    assert_national_heading(text)
    assert "SỞ TƯ PHÁP" in text
    assert "ỦY BAN NHÂN DÂN TỈNH THỬ NGHIỆM" in text
    assert "ngày 28 tháng 4 năm 2025" in text
    assert f"V/v trả lời phản ánh, kiến nghị mã {item.code}" in text
    assert "Kính gửi: Nguyễn Văn Gửi" in text
    assert "12 Lê Lợi, phường Tân An" in text
    assert "tiếp nhận ngày 24/04/2025" in text
    assert "không cần bản sao sổ hộ khẩu" in text
    assert "Nơi nhận:" in text
    assert "Đỗ Văn Tư" in text  # the leader who approved


def test_the_pdf_letter_reads_back_in_the_administrative_layout(
    world, counter_officer, other_agency_officer, justice_leader
):
    item = answered(world, counter_officer, other_agency_officer, justice_leader)
    _reader, text = read_pdf(render_letter(item, "pdf"))
    assert_letter(text, item)


def test_the_docx_letter_reads_back_in_the_administrative_layout(
    world, counter_officer, other_agency_officer, justice_leader
):
    item = answered(world, counter_officer, other_agency_officer, justice_leader)
    paragraphs = read_docx(render_letter(item, "docx"))
    assert_letter(" ".join(paragraphs), item)
    # The answer keeps its paragraphs, in order, after the greeting.
    first = paragraphs.index("Sở Tư pháp đã làm việc với bộ phận một cửa.")
    assert paragraphs[first + 1].startswith("Hồ sơ cấp giấy phép xây dựng")
    assert paragraphs.index("Kính gửi: Nguyễn Văn Gửi") < first


def test_stored_control_characters_do_not_break_the_docx(
    world, counter_officer, other_agency_officer, justice_leader
):
    item = answered(world, counter_officer, other_agency_officer, justice_leader)
    type(item).objects.filter(pk=item.pk).update(answer="Trả lời\x0bcó ký tự <lạ> & \x01.")
    item.refresh_from_db()
    text = " ".join(read_docx(render_letter(item, "docx")))
    assert "Trả lời có ký tự <lạ> & ." in text
    _reader, pdf_text = read_pdf(render_letter(item, "pdf"))
    assert "Trả lời có ký tự <lạ> &" in pdf_text


def test_no_letter_before_the_answer_is_approved(world):
    item = receive(world)
    with pytest.raises(LetterNotAvailable):
        build_letter(item)


def url(item, fmt: str) -> str:
    return reverse("feedback:letter", args=[item.code, fmt])


def test_officers_of_the_answering_and_receiving_agencies_download_it(
    client, world, counter_officer, other_agency_officer, justice_leader
):
    item = answered(world, counter_officer, other_agency_officer, justice_leader)
    assert url(item, "pdf") == f"/can-bo/phan-anh/{item.code}/thu-tra-loi.pdf"
    client.force_login(justice_leader)
    pdf = client.get(url(item, "pdf"))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert f"thu-tra-loi-{item.code}.pdf" in pdf["Content-Disposition"]
    assert "no-store" in pdf["Cache-Control"]
    client.force_login(counter_officer)  # the receiving agency
    docx = client.get(url(item, "docx"))
    assert docx.status_code == 200
    assert "wordprocessingml" in docx["Content-Type"]
    assert "Kính gửi: Nguyễn Văn Gửi" in read_docx(docx.content)
    item = feedback_publish(item, justice_leader, now=vn(2025, 4, 28, 11))
    assert client.get(url(item, "docx")).status_code == 200


def test_others_get_a_404_and_citizens_no_letter(
    client, world, counter_officer, other_agency_officer, justice_leader, citizen
):
    item = answered(world, counter_officer, other_agency_officer, justice_leader)
    commune_officer = UserFactory(
        username="t.commune", role="counter_officer", agency=world.commune
    )
    client.force_login(commune_officer)
    assert client.get(url(item, "pdf")).status_code == 404
    client.force_login(justice_leader)
    assert client.get(f"/can-bo/phan-anh/{item.code}/thu-tra-loi.odt").status_code == 404
    unanswered = receive(world)
    assert client.get(url(unanswered, "pdf")).status_code == 404
    client.force_login(citizen)
    assert client.get(url(item, "pdf")).status_code == 403
    client.logout()
    assert client.get(url(item, "pdf")).status_code == 302
