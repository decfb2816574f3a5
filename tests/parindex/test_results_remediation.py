"""Remediation tasks from a scorecard's weak criteria: Home Affairs (or the unit's leader)
assigns one with an owner and a due date typed dd/mm/yyyy, the unit reports on it with a note,
a link or a file (checked as the portal checks uploads); refusals are shown on the form and
change nothing; the list shows each reader the tasks of the units they read."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cchc.parindex.models import Assessment, RemediationTask
from cchc.parindex.services import MSG_DUE_PAST, MSG_TASK_NOT_WEAK, remediation_create
from tests.parindex.conftest import PDF
from tests.parindex.conftest_results import publish_two_years, unit_people

pytestmark = pytest.mark.django_db

FAR_DUE = "30/06/2099"


@pytest.fixture
def two_years(world):
    return publish_two_years(world)


def create_url(code, criterion, year=2025):
    return reverse("parindex:remediation_create", args=[year, "department", code, criterion])


def assessment_of(agency, year=2025):
    return Assessment.objects.get(agency=agency, framework__year=year)


def test_home_affairs_assigns_a_task_for_a_weak_criterion(
    client, world, two_years, home_affairs_evaluator, reform_officer
):
    client.force_login(home_affairs_evaluator)
    url = create_url(world.construction.code, "1.1")
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "action": "Ban hành kế hoạch CCHC đúng hạn",
            "owner": reform_officer.pk,
            "due_date": FAR_DUE,
        },
    )
    scorecard = reverse("parindex:scorecard", args=[2025, "department", world.construction.code])
    assert response.status_code == 302 and response["Location"] == scorecard
    task = RemediationTask.objects.get()
    assert (task.criterion.code, task.owner, task.due_date) == (
        "1.1",
        reform_officer,
        date(2099, 6, 30),
    )
    assert task.status == RemediationTask.Status.OPEN
    html = client.get(scorecard).content.decode()
    row = html[html.index('data-testid="weak-1.1"') :]
    row = row[: row.index("</tr>")]
    assert "Chưa thực hiện" in row and "hạn 30/06/2099" in row
    assert "Giao nhiệm vụ khắc phục" not in row


def test_the_scorecard_offers_the_button_to_home_affairs_and_the_units_leader_only(
    client, world, two_years, home_affairs_evaluator, leader, reform_officer
):
    planning = reverse("parindex:scorecard", args=[2025, "department", "000.00.09.H98"])
    client.force_login(home_affairs_evaluator)
    assert client.get(planning).content.decode().count("Giao nhiệm vụ khắc phục") == 3
    own = reverse("parindex:scorecard", args=[2025, "department", world.construction.code])
    client.force_login(leader)
    assert client.get(own).content.decode().count("Giao nhiệm vụ khắc phục") == 4
    client.force_login(reform_officer)
    assert "Giao nhiệm vụ khắc phục" not in client.get(own).content.decode()
    assert client.get(create_url(world.construction.code, "1.1")).status_code == 403


@pytest.mark.parametrize(
    ("due_date", "message"),
    [
        ("2099-06-30", "Nhập ngày theo dạng dd/mm/yyyy, ví dụ 05/03/2025."),
        ("01/01/2001", str(MSG_DUE_PAST)),
    ],
)
def test_a_bad_due_date_is_refused_on_the_form_and_nothing_is_written(
    client, world, two_years, home_affairs_evaluator, due_date, message
):
    client.force_login(home_affairs_evaluator)
    response = client.post(
        create_url(world.construction.code, "1.1"), {"action": "Làm lại", "due_date": due_date}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not RemediationTask.objects.exists()


def test_a_criterion_at_its_maximum_gets_no_task(client, two_years, home_affairs_evaluator):
    client.force_login(home_affairs_evaluator)
    response = client.post(
        create_url("000.00.09.H98", "2.2"), {"action": "Làm lại", "due_date": FAR_DUE}
    )
    assert response.status_code == 400
    assert str(MSG_TASK_NOT_WEAK) in response.content.decode()
    assert not RemediationTask.objects.exists()


def test_an_unknown_criterion_or_another_units_scorecard_is_a_404(client, world, two_years):
    _, justice_leader = unit_people(world.justice)
    client.force_login(justice_leader)
    assert client.get(create_url(world.justice.code, "9.9")).status_code == 404
    assert client.get(create_url(world.construction.code, "1.1")).status_code == 404


@pytest.fixture
def task(world, two_years, reform_officer):
    return remediation_create(
        assessment_of(world.construction),
        "1.1",
        actor=world.home_affairs_evaluator,
        action="Ban hành kế hoạch CCHC đúng hạn",
        due_date=date(2099, 6, 30),
        owner=reform_officer,
    )


def update_url(task):
    code = task.agency.code
    return reverse("parindex:remediation_update", args=[2025, "department", code, task.pk])


def test_the_unit_reports_its_task_done_with_a_file(client, task, reform_officer):
    client.force_login(reform_officer)
    assert client.get(update_url(task)).status_code == 200
    response = client.post(
        update_url(task),
        {
            "status": "done",
            "progress_note": "Đã ban hành Kế hoạch 12/KH-SXD",
            "evidence_link": "https://sxd.example.vn/ke-hoach",
            "evidence_file": SimpleUploadedFile("ke-hoach.pdf", PDF, "application/pdf"),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("parindex:remediation_list")
    task.refresh_from_db()
    assert task.status == RemediationTask.Status.DONE
    assert task.progress_note == "Đã ban hành Kế hoạch 12/KH-SXD"
    assert task.evidence_link == "https://sxd.example.vn/ke-hoach"
    assert task.evidence_name == "ke-hoach.pdf" and task.evidence_file.name.endswith(".pdf")


def test_a_file_that_is_not_what_it_says_is_refused_and_the_task_is_unchanged(
    client, task, reform_officer
):
    client.force_login(reform_officer)
    fake = SimpleUploadedFile("ke-hoach.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client.post(
        update_url(task), {"status": "done", "progress_note": "Xong", "evidence_file": fake}
    )
    assert response.status_code == 400
    assert "ke-hoach.pdf" in response.content.decode()
    task.refresh_from_db()
    assert (task.status, task.progress_note, task.evidence_name) == ("open", "", "")


def test_done_without_a_note_or_evidence_is_refused(client, task, reform_officer):
    client.force_login(reform_officer)
    response = client.post(update_url(task), {"status": "done"})
    assert response.status_code == 400
    task.refresh_from_db()
    assert task.status == RemediationTask.Status.OPEN


def test_each_reader_lists_the_tasks_of_the_units_they_read(
    client, world, task, home_affairs_evaluator, django_assert_max_num_queries
):
    remediation_create(
        assessment_of(world.justice),
        "2.2",
        actor=home_affairs_evaluator,
        action="Công khai đủ thủ tục",
        due_date=date(2099, 3, 31),
    )
    url = reverse("parindex:remediation_list")
    client.force_login(home_affairs_evaluator)
    with django_assert_max_num_queries(6):
        html = client.get(url).content.decode()
    assert html.index("Công khai đủ thủ tục") < html.index("Ban hành kế hoạch")  # by due date
    assert "31/03/2099" in html and "30/06/2099" in html
    _, justice_leader = unit_people(world.justice)
    client.force_login(justice_leader)
    html = client.get(url).content.decode()
    assert "Công khai đủ thủ tục" in html and "Ban hành kế hoạch" not in html
    other = reverse(
        "parindex:remediation_update", args=[2025, "department", world.justice.code, task.pk]
    )
    assert client.get(other).status_code == 404
    assert client.get(update_url(task)).status_code == 404
    html = client.get(url, {"trang-thai": "done"}).content.decode()
    assert "Không có nhiệm vụ khắc phục nào." in html
