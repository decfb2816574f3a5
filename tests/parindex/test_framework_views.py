"""The framework pages: every officer reads the list and a framework's tree; Home Affairs and
the system administrator import, export, copy and open; others get 403; a broken file lists
its errors by sheet, row and column and writes nothing."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from cchc.parindex.excel import SHEET_CRITERIA, XLSX_CONTENT_TYPE, export_framework
from cchc.parindex.frameworks import ERR_EXISTS, P_SUM
from cchc.parindex.models import Criterion, Framework
from tests.parindex.conftest_frameworks import framework_values, small_framework
from tests.twofactor import sign_in_verified

pytestmark = pytest.mark.django_db


def _url(name: str, framework: Framework | None = None) -> str:
    args = [framework.year, framework.unit_kind] if framework else []
    return reverse(f"parindex:{name}", args=args)


def _upload(data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("bo-tieu-chi.xlsx", data, content_type=XLSX_CONTENT_TYPE)


def test_an_officer_reads_the_list_and_the_tree_with_the_live_binding_in_words(
    client, reform_officer, django_assert_max_num_queries
):
    framework = small_framework()
    client.force_login(reform_officer)

    with django_assert_max_num_queries(12):
        listing = client.get(_url("framework_list"))
    with django_assert_max_num_queries(14):
        page = client.get(_url("framework_detail", framework))

    assert listing.status_code == 200 and framework.name in listing.content.decode()
    html = page.content.decode()
    assert page.status_code == 200
    assert 'data-code="1.1.2"' in html and "Kế hoạch (số, ngày)" in html
    assert "0 điểm khi tỷ lệ từ 20% trở xuống, điểm tối đa khi từ 82,5% trở lên" in html
    assert "từ 95,5%: 2,5 điểm" in html
    assert 'data-testid="no-problems"' in html
    # Reading is not managing: no import, copy or open for a unit's officer.
    assert _url("framework_import") not in html and _url("framework_copy", framework) not in html


def test_the_page_lists_the_problems_of_a_broken_framework(client, home_affairs_evaluator):
    framework = small_framework()
    Criterion.objects.filter(framework=framework, code="1.2").update(max_points=3)
    client.force_login(home_affairs_evaluator)

    html = client.get(_url("framework_detail", framework)).content.decode()

    assert _(P_SUM).format(max="6,5", total="7,5") in html


def test_an_unknown_framework_is_a_404_and_citizens_are_refused(client, reform_officer, citizen):
    client.force_login(reform_officer)
    assert (
        client.get(reverse("parindex:framework_detail", args=[2031, "commune"])).status_code == 404
    )
    client.force_login(citizen)
    assert client.get(_url("framework_list")).status_code == 403


def test_a_unit_officer_may_not_import_copy_or_open(client, reform_officer):
    framework = small_framework()
    client.force_login(reform_officer)

    assert client.get(_url("framework_import")).status_code == 403
    assert client.post(_url("framework_copy", framework), {"year": 2026}).status_code == 403
    assert client.post(_url("framework_open", framework)).status_code == 403
    framework.refresh_from_db()
    assert framework.status == "draft" and Framework.objects.count() == 1


def test_the_export_downloads_a_workbook_that_imports_back_unchanged(
    client, home_affairs_evaluator
):
    framework = small_framework()
    before = framework_values(framework)
    client.force_login(home_affairs_evaluator)

    download = client.get(_url("framework_export", framework))
    assert download["Content-Type"] == XLSX_CONTENT_TYPE
    response = client.post(_url("framework_import"), {"file": _upload(download.content)})

    assert response.status_code == 302
    assert response["Location"] == _url("framework_detail", framework)
    assert framework_values(framework) == before


def test_a_broken_upload_lists_every_error_and_writes_nothing(client, home_affairs_evaluator):
    framework = small_framework()
    before = framework_values(framework)
    book = load_workbook(BytesIO(export_framework(framework)))
    book[SHEET_CRITERIA]["E4"] = "abc"
    book[SHEET_CRITERIA]["F9"] = "?"
    out = BytesIO()
    book.save(out)
    client.force_login(home_affairs_evaluator)

    response = client.post(_url("framework_import"), {"file": _upload(out.getvalue())})

    assert response.status_code == 422
    html = response.content.decode()
    assert "Tệp có 2 lỗi" in html
    assert "E · Điểm tối đa" in html and "F · Cách chấm điểm" in html
    assert framework_values(framework) == before


def test_home_affairs_copies_a_framework_to_the_next_year(client, home_affairs_evaluator):
    framework = small_framework(year=2025)
    client.force_login(home_affairs_evaluator)

    response = client.post(_url("framework_copy", framework), {"year": 2026})

    copy = Framework.objects.get(year=2026)
    assert response["Location"] == _url("framework_detail", copy)
    assert copy.copied_from == framework and copy.criteria.count() == 8


def test_copying_onto_a_taken_year_says_so_and_writes_nothing(client, home_affairs_evaluator):
    framework = small_framework(year=2025)
    small_framework(year=2026)
    client.force_login(home_affairs_evaluator)

    response = client.post(_url("framework_copy", framework), {"year": 2026}, follow=True)

    message = _(ERR_EXISTS).format(year=2026, kind="sở, ban, ngành")
    assert message in response.content.decode()
    assert Framework.objects.count() == 2


def test_home_affairs_opens_a_sound_framework(client, world, home_affairs_evaluator):
    framework = small_framework()
    client.force_login(home_affairs_evaluator)

    assert client.get(_url("framework_open", framework)).status_code == 405
    client.post(_url("framework_open", framework))

    framework.refresh_from_db()
    assert framework.status == Framework.Status.OPEN
    # Every unit of the kind gets its assessment to fill, and its reform officer finds it.
    units = set(framework.assessments.values_list("agency__code", flat=True))
    assert units == {world.construction.code, world.justice.code}
    # A unit created later is given its assessment by opening again.
    client.post(_url("framework_open", framework))
    assert framework.assessments.count() == 2


def test_the_admin_shows_a_framework_and_its_tree_read_only(client, admin_user):
    framework = small_framework()
    sign_in_verified(client, admin_user)

    page = client.get(reverse("admin:parindex_framework_change", args=[framework.pk]))
    listing = client.get(reverse("admin:parindex_criterion_changelist"))

    assert page.status_code == 200 and "1.1.2" in page.content.decode()
    assert listing.status_code == 200
    assert client.get(reverse("admin:parindex_framework_add")).status_code == 403
