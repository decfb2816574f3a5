"""The province's own assessment against its framework (issue 12 §5): Home Affairs fills it
and reads, on each criterion, the units' points and evidence for the same criterion."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cchc.parindex.services import assessment_open, evidence_add
from tests.parindex.conftest import build_framework, fill

pytestmark = pytest.mark.django_db


def test_home_affairs_reads_the_units_evidence_on_the_provinces_criterion(
    client, world, assessment, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    fill(world, assessment)
    evidence_add(assessment, "1.1", actor=world.reform_officer, document="45/KH-SXD")
    ha = world.home_affairs_evaluator
    own = assessment_open(build_framework(kind="province"), world.province, actor=ha)
    client.force_login(ha)

    page = client.get(
        reverse("parindex:criterion", args=[2025, "province", own.agency.code, "1.1"])
    )

    html = page.content.decode()
    assert page.status_code == 200
    assert 'data-testid="province-sources"' in html
    assert "Sở Xây dựng" in html and "45/KH-SXD" in html and ">3/4<" in html
    file_url = reverse(
        "parindex:evidence_file",
        args=[
            2025,
            "department",
            world.construction.code,
            "1.1",
            assessment.scores.get(criterion__code="1.1").evidence.filter(file__gt="").first().pk,
        ],
    )
    assert file_url in html
    assert client.get(file_url).status_code == 200
    # A unit's own criterion page has no such section.
    client.force_login(world.reform_officer)
    unit_page = client.get(
        reverse("parindex:criterion", args=[2025, "department", world.construction.code, "1.1"])
    )
    assert 'data-testid="province-sources"' not in unit_page.content.decode()
    assert (
        client.get(file_url.replace(world.construction.code, world.justice.code)).status_code == 404
    )


def test_the_unit_cannot_open_the_provinces_assessment(client, world):
    own = assessment_open(
        build_framework(kind="province"), world.province, actor=world.home_affairs_evaluator
    )
    client.force_login(world.reform_officer)
    url = reverse("parindex:assessment", args=[2025, "province", own.agency.code])
    assert client.get(url).status_code == 404


def test_an_officer_of_the_assessment_recounts_its_live_criteria_now(client, world, assessment):
    from tests.dossiers.helpers import at, receive

    receive(world, channel="online", now=at(2025, 3, 3))
    url = reverse("parindex:assessment_refresh", args=[2025, "department", world.construction.code])
    live = assessment.scores.get(criterion__code="1.2")
    assert live.live_denominator == 0
    client.force_login(world.counter_officer)  # not an officer of the assessment: 404
    assert client.post(url).status_code == 404
    client.force_login(world.reform_officer)
    assert client.get(url).status_code == 405
    page = client.post(url, follow=True)
    assert "Đã cập nhật số liệu trên hệ thống." in page.content.decode()
    live.refresh_from_db()
    assert (live.live_numerator, live.live_denominator) == (1, 1)
