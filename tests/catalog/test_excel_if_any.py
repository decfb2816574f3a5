"""Documents that apply only "if any" (nếu có) are never required (issue 8): a paper the
applicant may not have cannot block a submission. The demo catalogue marks each one optional,
and the catalogue import treats a name with "(nếu có)" as optional whatever column F says
(docs/catalog-excel.md)."""

from __future__ import annotations

import pytest

from cchc.catalog.excel import SHEET_DOCUMENTS, export_procedures
from cchc.catalog.excel.checks import applies_only_if_any
from cchc.catalog.models import Procedure
from cchc.catalog.services import procedure_current_version
from cchc.demo.procedures import PROCEDURES
from tests.catalog.test_excel import good_procedures, run, workbook

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "if_any"),
    [
        ("Giấy xác nhận khuyết tật (nếu có)", True),
        ("Văn bản ủy quyền (Nếu có)", True),
        ("Văn bản ủy quyền ( nếu  có )", True),
        ("Bản vẽ mặt bằng (neu co)", True),
        ("Giấy tờ chứng minh sự thay đổi (nếu có), bản sao", True),
        ("Đơn đề nghị theo mẫu", False),
        ("Giấy tờ nếu có thay đổi", False),  # words, not the "(nếu có)" mark
    ],
)
def test_the_if_any_mark_is_read_in_any_case_and_spacing(name, if_any):
    assert applies_only_if_any(name) is if_any


def test_every_if_any_document_of_the_demo_catalogue_is_optional():
    documents = [doc for p in PROCEDURES for doc in p["documents"]]
    if_any = [doc for doc in documents if applies_only_if_any(doc[0])]

    assert len(documents) > 1000 and len(if_any) == 30
    assert all(len(doc) == 4 for doc in documents)
    assert [doc[0] for doc in if_any if doc[3] is not True] == []
    assert [doc[0] for doc in documents if doc[3] and not applies_only_if_any(doc[0])] == []


def test_an_imported_if_any_document_is_optional_whatever_column_f_says(world):
    rows = good_procedures("2.000001")
    rows[SHEET_DOCUMENTS] += [
        ["2.000001", 2, "Giấy tờ chứng minh sự thay đổi (nếu có)", "bản sao", 1, ""],
        ["2.000001", 3, "Văn bản ủy quyền (Nếu có)", "bản chính", 1, "không"],
        ["2.000001", 4, "Giấy xác nhận của cơ quan", "bản chính", 1, "x"],
    ]

    result = run(workbook(rows))

    assert result.errors == []
    procedure = Procedure.objects.get(code="2.000001")
    assert [(d.name, d.is_optional) for d in procedure.documents.order_by("order")] == [
        ("Đơn đề nghị", False),
        ("Giấy tờ chứng minh sự thay đổi (nếu có)", True),
        ("Văn bản ủy quyền (Nếu có)", True),
        ("Giấy xác nhận của cơ quan", True),
    ]
    snapshot = procedure_current_version(procedure).snapshot
    assert [d["optional"] for d in snapshot["documents"]] == [False, True, True, True]

    # Exported, the rule is written out ("x"); imported again, nothing changes.
    again = run(export_procedures(Procedure.objects.filter(code="2.000001")))
    assert again.errors == [] and (again.updated, again.versions) == (0, 0)
