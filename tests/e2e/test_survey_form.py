"""The survey form in a phone's browser (issue 11 acceptance): answered through a one-use
token at 320 px with JavaScript switched off, the same link refused afterwards, and the form,
its errors and the refusal free of any axe violation and of sideways scrolling."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from cchc.surveys.models import Channel, Response
from cchc.surveys.services import CampaignInput, campaign_open
from tests.e2e.conftest import shot
from tests.e2e.test_portal_accessibility import check_strictly
from tests.surveys.conftest import build_questionnaire, returned
from tests.world import ensure_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_campaign():
    world = ensure_world()
    for day in (3, 4, 5):
        returned(world, day=day)
    questionnaire, questions = build_questionnaire()
    campaign = campaign_open(
        data=CampaignInput(
            code="KS-E2E",
            name="Khảo sát thử trên điện thoại",
            period_start=date(2025, 3, 1),
            period_end=date(2025, 3, 31),
            questionnaire=questionnaire,
            agencies=[world.construction],
            margin=Decimal("0.05"),
            seed="e2e",
        ),
        actor=world.home_affairs_evaluator,
        now=timezone.now(),
    )
    return campaign, questions


def test_a_respondent_answers_on_a_phone_without_javascript_and_the_link_then_refuses(
    browser, live_server, phone_page
):
    campaign, questions = open_campaign()
    first, second = campaign.tokens.all()[:2]
    url = live_server.url + reverse("surveys_public:respond", args=[first.key])

    context = browser.new_context(
        locale="vi-VN",
        viewport={"width": 320, "height": 700},
        is_mobile=True,
        has_touch=True,
        java_script_enabled=False,
    )
    page = context.new_page()
    page.goto(url)
    expect(page.get_by_test_id("survey-campaign")).to_have_text("Khảo sát thử trên điện thoại")
    for position, label in [
        (1, "Rất hài lòng"),
        (2, "Hài lòng"),
        (3, "Hài lòng"),
        (4, "Bình thường"),
    ]:
        page.get_by_role("group", name=f"{position}.").get_by_label(label, exact=True).check()
    page.get_by_role("group", name="6.").get_by_label("Bộ phận một cửa").check()
    page.get_by_label("8. Ý kiến khác").fill("Cán bộ hướng dẫn tận tình.")
    page.get_by_role("button", name="Gửi phiếu khảo sát").click()
    expect(page.get_by_test_id("survey-thanks")).to_be_visible()
    shot(page, "survey-thanks-320")

    page.goto(url)
    expect(page.get_by_test_id("survey-refused")).to_contain_text("chỉ dùng được một lần")
    context.close()

    response = Response.objects.get(token=first)
    assert response.channel == Channel.ONLINE
    assert response.answers.get(question=questions["access"]).value == 5
    assert response.answers.get(question=questions["result"]).value == 3

    # The same pages with JavaScript on, held to axe's every rule at 320 px.
    phone_page.set_viewport_size({"width": 320, "height": 700})
    phone_page.goto(live_server.url + reverse("surveys_public:respond", args=[second.key]))
    check_strictly(phone_page, "survey-form-320")
    phone_page.get_by_role("button", name="Gửi phiếu khảo sát").click()
    expect(phone_page.get_by_test_id("survey-errors")).to_be_visible()
    check_strictly(phone_page, "survey-form-errors-320")
    phone_page.goto(url)
    check_strictly(phone_page, "survey-refused-320")
