"""The reminders' worklist on the plans page, and an agency's task linked to the province's
task it carries out."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cchc.plans import services
from cchc.plans.models import PlanTask
from cchc.plans.plan_services import PlanError, task_link_parent
from tests.plans.conftest_plans import task_for

pytestmark = pytest.mark.django_db


def test_the_plans_page_lists_the_units_late_and_soon_due_tasks_and_only_those(client, world):
    today = timezone.localdate()
    plan = services.plan_for(world.construction, today.year)
    late = task_for(plan, world.construction, today - timedelta(days=3), content="Việc đã quá hạn")
    soon = task_for(plan, world.construction, today + timedelta(days=5), content="Việc sắp đến hạn")
    task_for(plan, world.construction, today + timedelta(days=60), content="Việc còn lâu")
    other = services.plan_for(world.justice, today.year)
    task_for(other, world.justice, today - timedelta(days=1), content="Việc của Sở Tư pháp")

    client.force_login(world.reform_officer)
    html = client.get(reverse("plans:plans")).content.decode()

    assert 'data-testid="attention"' in html
    assert reverse("plans:task", args=[late.pk]) in html
    assert reverse("plans:task", args=[soon.pk]) in html
    assert "Việc còn lâu" not in html and "Việc của Sở Tư pháp" not in html
    assert html.index("Việc đã quá hạn") < html.index("Việc sắp đến hạn")
    client.force_login(world.home_affairs_evaluator)
    assert "Việc của Sở Tư pháp" in client.get(reverse("plans:plans")).content.decode()


def test_an_agency_task_carries_out_a_province_task(client, world):
    today = timezone.localdate()
    province = services.plan_for(world.province, today.year)
    parent = task_for(province, world.construction, today, number="1", content="Rà soát TTHC")
    own = task_for(services.plan_for(world.construction, today.year), world.construction, today)
    client.force_login(world.reform_officer)

    page = client.get(reverse("plans:task", args=[own.pk])).content.decode()
    assert 'data-testid="parent-form"' in page and "Rà soát TTHC" in page
    client.post(reverse("plans:task_parent", args=[own.pk]), {"parent": str(parent.pk)})
    own.refresh_from_db()
    assert own.parent == parent
    assert own.updates.order_by("-id").first().note.startswith("Thực hiện nhiệm vụ 1")
    province_page = client.get(reverse("plans:task", args=[parent.pk])).content.decode()
    assert 'data-testid="agency-tasks"' in province_page
    # Nonsense and a task that is not the province's are refused with a message, not a 500.
    for bad in ("abc", "99999999999999999999", str(own.pk)):
        response = client.post(reverse("plans:task_parent", args=[own.pk]), {"parent": bad})
        assert response.status_code == 302
    own.refresh_from_db()
    assert own.parent == parent
    with pytest.raises(PlanError):
        task_link_parent(own, parent, actor=world.other_agency_officer)
    client.post(reverse("plans:task_parent", args=[own.pk]), {"parent": ""})
    own.refresh_from_db()
    assert own.parent is None
    assert PlanTask.objects.filter(parent__isnull=False).count() == 0


def test_odd_filters_on_a_plan_page_answer_the_page_not_an_error(client, world):
    plan = services.plan_for(world.province, timezone.localdate().year)
    task_for(plan, world.construction, timezone.localdate())
    client.force_login(world.home_affairs_evaluator)
    url = reverse("plans:plan", args=[plan.pk])
    for query in (
        {"co-quan": "99999999999999999999"},
        {"co-quan": "-1", "trang-thai": "zzz"},
    ):
        assert client.get(url, query).status_code == 200
    # A NUL character is refused at the door for every page (the house's middleware).
    assert client.get(url, {"co-quan": "\x00"}).status_code == 400
