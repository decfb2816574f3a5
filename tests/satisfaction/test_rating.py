"""Rating a dossier (DOMAIN A8): once the result is ready, once only, by the applicant's
account or by the receipt's token; per aspect and per officer who handled it; counters exact."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from cchc.dossiers import rating_links as links
from cchc.dossiers.services import (
    dossier_approve,
    dossier_forward,
    dossier_pay,
    dossier_return,
)
from cchc.satisfaction.models import (
    AspectRating,
    OfficerRating,
    OfficerYearStat,
    Rating,
    SatisfactionDailyStat,
)
from cchc.satisfaction.selectors import (
    agency_yearly_counts,
    dossier_officers,
    duty_flags,
    officer_yearly_counts,
)
from cchc.satisfaction.services import (
    MSG_ALREADY_RATED,
    MSG_BAD_ASPECT,
    MSG_BAD_LEVEL,
    MSG_BAD_OFFICER,
    MSG_NOT_APPLICANT,
    MSG_NOT_READY,
    RatingError,
    rating_submit,
    satisfaction_recount,
    satisfaction_stored,
)
from tests.dossiers.helpers import at, receive
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ALL_ASPECTS = {
    "access": "very_satisfied",
    "procedure": "satisfied",
    "civil_servant": "very_satisfied",
    "result": "satisfied",
    "feedback": "not_satisfied",
}


def ready(world, *, applicant_user=None, returned=False, day=3):
    """A building-permit dossier received, forwarded and approved (result ready)."""
    d = receive(world, now=at(2025, 3, day), applicant_user=applicant_user)
    dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 3, day + 1))
    d = dossier_approve(
        actor=world.leader, dossier=d, result_number="12/GPXD", now=at(2025, 3, day + 2)
    )
    if returned:
        dossier_pay(actor=world.counter_officer, dossier=d, now=at(2025, 3, day + 2, 15))
        d = dossier_return(
            actor=world.counter_officer, dossier=d, method="in_person", now=at(2025, 3, day + 3)
        )
    return d


def nothing_written():
    return not (
        Rating.objects.exists()
        or AspectRating.objects.exists()
        or OfficerRating.objects.exists()
        or SatisfactionDailyStat.objects.exists()
        or OfficerYearStat.objects.exists()
    )


# --- the service ----------------------------------------------------------------------------


def test_applicant_rates_overall_each_aspect_and_each_officer(world):
    d = ready(world, applicant_user=world.citizen)
    officers = {
        world.counter_officer.pk: "very_satisfied",
        world.specialist.pk: "satisfied",
        world.leader.pk: "not_satisfied",
    }
    rating = rating_submit(
        dossier=d,
        rater_user=world.citizen,
        overall="satisfied",
        aspects=ALL_ASPECTS,
        officers=officers,
        comment="  Cán bộ hướng dẫn tận tình.  ",
        now=at(2025, 3, 10, 10),
    )
    rating.refresh_from_db()
    assert rating.overall == "satisfied" and rating.via == "account"
    assert rating.rater_user == world.citizen
    assert rating.resolving_agency == rating.receiving_agency == world.construction
    assert rating.comment == "Cán bộ hướng dẫn tận tình."
    assert dict(rating.aspects.values_list("aspect", "level")) == ALL_ASPECTS
    assert dict(rating.officers.values_list("officer_id", "level")) == officers
    leader_row = rating.officers.get(officer=world.leader)
    assert leader_row.role == "leader" and leader_row.agency == world.construction
    day = SatisfactionDailyStat.objects.get(
        resolving_agency=world.construction, day=date(2025, 3, 10)
    )
    assert (day.very_satisfied, day.satisfied, day.not_satisfied) == (0, 1, 0)
    leader_year = OfficerYearStat.objects.get(officer=world.leader, year=2025)
    assert (leader_year.very_satisfied, leader_year.satisfied, leader_year.not_satisfied) == (
        0,
        0,
        1,
    )


def test_a_returned_dossier_can_be_rated_by_token_with_overall_only(world):
    d = ready(world, returned=True)
    rating = rating_submit(dossier=d, overall="very_satisfied", aspects={}, officers={})
    assert rating.via == "token" and rating.rater_user is None
    assert not rating.aspects.exists() and not rating.officers.exists()


@pytest.mark.parametrize("step", ["received", "processing"])
def test_a_dossier_without_result_cannot_be_rated_and_nothing_is_written(world, step):
    d = receive(world, now=at(2025, 3, 3))
    if step == "processing":
        d = dossier_forward(actor=world.specialist, dossier=d, now=at(2025, 3, 4))
    with pytest.raises(RatingError) as exc:
        rating_submit(dossier=d, overall="satisfied", aspects={}, officers={})
    assert exc.value.message == MSG_NOT_READY
    assert nothing_written()


def test_a_second_rating_is_refused_and_changes_nothing(world):
    d = ready(world)
    first = rating_submit(
        dossier=d,
        overall="very_satisfied",
        aspects={"access": "very_satisfied"},
        officers={world.specialist.pk: "very_satisfied"},
        comment="Tốt",
        now=at(2025, 3, 10),
    )
    before = (satisfaction_stored(), list(AspectRating.objects.values_list("aspect", "level")))
    with pytest.raises(RatingError) as exc:
        rating_submit(
            dossier=d,
            overall="not_satisfied",
            aspects={"access": "not_satisfied"},
            officers={world.specialist.pk: "not_satisfied"},
            comment="Đổi ý",
            now=at(2025, 3, 11),
        )
    assert exc.value.message == MSG_ALREADY_RATED
    assert Rating.objects.count() == 1
    first.refresh_from_db()
    assert first.overall == "very_satisfied" and first.comment == "Tốt"
    after = (satisfaction_stored(), list(AspectRating.objects.values_list("aspect", "level")))
    assert after == before


def test_only_the_account_holder_may_rate_an_account_dossier(world):
    d = ready(world, applicant_user=world.citizen)
    stranger = UserFactory(username="t.stranger", role="citizen")
    with pytest.raises(RatingError) as exc:
        rating_submit(dossier=d, rater_user=stranger, overall="satisfied")
    assert exc.value.message == MSG_NOT_APPLICANT
    assert nothing_written()


def test_handling_officers_are_the_distinct_officer_actors_in_order(world):
    d = ready(world, returned=True)
    officers = dossier_officers(d)
    assert [o.user for o in officers] == [world.counter_officer, world.specialist, world.leader]
    assert [o.role_label for o in officers] == [
        "Cán bộ một cửa",
        "Chuyên viên xử lý",
        "Lãnh đạo",
    ]
    assert officers[1].agency_name == "Phòng Quản lý hoạt động xây dựng"


def test_an_officer_who_did_not_handle_the_dossier_cannot_be_rated(world):
    d = ready(world)
    with pytest.raises(RatingError) as exc:
        rating_submit(
            dossier=d,
            overall="satisfied",
            officers={world.other_agency_officer.pk: "not_satisfied"},
        )
    assert exc.value.message == MSG_BAD_OFFICER
    assert nothing_written()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"overall": "great"}, MSG_BAD_LEVEL),
        ({"overall": "satisfied", "aspects": {"speed": "satisfied"}}, MSG_BAD_ASPECT),
        ({"overall": "satisfied", "aspects": {"access": "5"}}, MSG_BAD_LEVEL),
        ({"overall": "satisfied", "officers": {"abc": "satisfied"}}, MSG_BAD_OFFICER),
    ],
)
def test_unknown_levels_and_aspects_are_refused(world, kwargs, message):
    d = ready(world)
    with pytest.raises(RatingError) as exc:
        rating_submit(dossier=d, **kwargs)
    assert exc.value.message == message
    assert nothing_written()


def test_counters_equal_a_recount_from_the_ratings(world):
    levels = ["very_satisfied", "not_satisfied", "satisfied", "not_satisfied", "not_satisfied"]
    moments = [at(2025, 3, 10), at(2025, 3, 10, 16), at(2025, 3, 11), at(2026, 1, 5), None]
    for i, (level, moment) in enumerate(zip(levels, moments, strict=True)):
        d = ready(world, day=3 + i % 3)
        rating_submit(
            dossier=d,
            overall=level,
            aspects={"result": level},
            officers={world.leader.pk: level, world.specialist.pk: "satisfied"},
            now=moment,
        )
    daily, officers = satisfaction_recount()
    assert satisfaction_stored() == (daily, officers)
    assert daily[(world.construction.pk, world.construction.pk, date(2025, 3, 10))] == {
        "very_satisfied": 1,
        "not_satisfied": 1,
    }
    assert officers[(world.leader.pk, 2025)] == {
        "very_satisfied": 1,
        "satisfied": 1,
        "not_satisfied": 1,
    }


def test_yearly_counts_and_duty_flags_per_officer_and_agency(world):
    # 2024: the leader gets 2 negatives of 3; 2025: 2 of 2 → replacement; the specialist is fine.
    plan = [
        (at(2024, 5, 6), "not_satisfied"),
        (at(2024, 5, 7), "not_satisfied"),
        (at(2024, 5, 8), "satisfied"),
        (at(2025, 5, 6), "not_satisfied"),
        (at(2025, 5, 7), "not_satisfied"),
    ]
    for moment, level in plan:
        d = ready(world)
        rating_submit(
            dossier=d,
            overall=level,
            officers={world.leader.pk: level, world.specialist.pk: "very_satisfied"},
            now=moment,
        )
    by_officer = officer_yearly_counts(years=[2024, 2025])
    assert by_officer[world.leader.pk][2024].not_satisfied == 2
    assert by_officer[world.leader.pk][2024].total == 3
    flags = duty_flags(by_officer, 2025)
    assert flags[world.leader.pk] == "replace"
    assert flags[world.specialist.pk] == "ok"
    assert duty_flags(officer_yearly_counts(years=[2024]), 2024)[world.leader.pk] == (
        "not_fulfilling"
    )
    by_agency = agency_yearly_counts(years=[2024, 2025])
    assert by_agency[world.construction.pk][2025].not_satisfied == 2
    assert duty_flags(by_agency, 2025)[world.construction.pk] == "replace"
    assert set(agency_yearly_counts()[world.construction.pk]) == {2024, 2025}


# --- links ----------------------------------------------------------------------------------


def test_tokens_are_signed_and_tampering_is_refused(world):
    d = ready(world)
    token = links.rating_token(d)
    assert links.dossier_for_token(token) == d
    assert d.public_id.hex in token
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert links.dossier_for_token(forged) is None
    assert links.dossier_for_token("khong-hop-le") is None
    other = ready(world, day=4)
    assert links.dossier_for_token(other.public_id.hex + token[32:]) is None


def test_rating_url_by_account_or_by_token(world, settings):
    settings.CCHC_PUBLIC_URL = "https://dichvucong.binhson.gov.vn"
    counter = ready(world)
    online = ready(world, applicant_user=world.citizen, day=4)
    assert links.rating_url(counter) == (
        f"https://dichvucong.binhson.gov.vn/dich-vu-cong/danh-gia/qr/{links.rating_token(counter)}/"
    )
    assert links.rating_url(online) == (
        f"https://dichvucong.binhson.gov.vn/dich-vu-cong/danh-gia/{online.public_id}/"
    )
    assert links.lookup_rating_url(counter) == (
        f"https://dichvucong.binhson.gov.vn/tra-cuu/?ma={counter.code}"
        f"&t={links.rating_token(counter)}"
    )


# --- the pages ------------------------------------------------------------------------------

FORM = {
    "overall": "very_satisfied",
    "aspect_access": "satisfied",
    "aspect_result": "very_satisfied",
    "comment": "Nhanh, đúng hẹn.",
}


def test_citizen_rates_from_the_account_page(client, world):
    d = ready(world, applicant_user=world.citizen)
    client.force_login(world.citizen)
    url = reverse("portal:rate", args=[d.public_id])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    for text in ("Rất hài lòng", "Tiếp cận dịch vụ", "Tiếp nhận, giải quyết góp ý"):
        assert text in html
    for officer in ("Trần Thị Tiếp Nhận", "Lê Văn Chuyên", "Phạm Đức Lãnh"):
        assert officer in html
    assert "Võ Văn Khác" not in html
    data = {**FORM, f"officer_{world.leader.pk}": "satisfied"}
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == url
    rating = Rating.objects.get(dossier=d)
    assert rating.rater_user == world.citizen and rating.via == "account"
    assert dict(rating.aspects.values_list("aspect", "level")) == {
        "access": "satisfied",
        "result": "very_satisfied",
    }
    assert list(rating.officers.values_list("officer_id", flat=True)) == [world.leader.pk]
    after = client.get(url)
    assert "Bạn đã đánh giá hồ sơ này" in after.content.decode()
    assert "Cảm ơn bạn đã đánh giá" in after.content.decode()


def test_a_second_post_says_already_rated_and_changes_nothing(client, world):
    d = ready(world, applicant_user=world.citizen)
    client.force_login(world.citizen)
    url = reverse("portal:rate", args=[d.public_id])
    client.post(url, FORM)
    stored = satisfaction_stored()
    response = client.post(url, {**FORM, "overall": "not_satisfied", "comment": "Khác"})
    assert response.status_code == 409
    assert "Bạn đã đánh giá hồ sơ này" in response.content.decode()
    rating = Rating.objects.get(dossier=d)
    assert rating.overall == "very_satisfied" and rating.comment == "Nhanh, đúng hẹn."
    assert satisfaction_stored() == stored


def test_another_citizen_or_an_officer_gets_404(client, world):
    d = ready(world, applicant_user=world.citizen)
    url = reverse("portal:rate", args=[d.public_id])
    for user in (UserFactory(username="t.stranger", role="citizen"), world.counter_officer):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, FORM).status_code == 404
    assert not Rating.objects.exists()


def test_anonymous_visitor_is_sent_to_sign_in(client, world):
    d = ready(world, applicant_user=world.citizen)
    response = client.get(reverse("portal:rate", args=[d.public_id]))
    assert response.status_code == 302 and "next=" in response["Location"]


def test_counter_applicant_rates_with_the_receipt_token(client, world):
    d = ready(world, returned=True)
    url = reverse("portal:rate_token", args=[links.rating_token(d)])
    page = client.get(url)
    assert page.status_code == 200
    assert d.applicant_name not in page.content.decode()  # no personal data on this page
    response = client.post(url, FORM)
    assert response.status_code == 302
    rating = Rating.objects.get(dossier=d)
    assert rating.via == "token" and rating.rater_user is None


def test_a_bad_token_is_404(client, world):
    d = ready(world)
    token = links.rating_token(d)
    assert client.get(reverse("portal:rate_token", args=[token[:-2] + "xx"])).status_code == 404
    assert client.get(reverse("portal:rate_token", args=["abc"])).status_code == 404


def test_the_token_of_an_account_dossier_leads_to_the_account_page(client, world):
    d = ready(world, applicant_user=world.citizen)
    response = client.get(reverse("portal:rate_token", args=[links.rating_token(d)]))
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:rate", args=[d.public_id])


def test_rating_page_before_the_result_says_not_yet_and_refuses(client, world):
    d = receive(world, now=at(2025, 3, 3))
    url = reverse("portal:rate_token", args=[links.rating_token(d)])
    page = client.get(url)
    assert page.status_code == 200 and MSG_NOT_READY in page.content.decode()
    assert 'name="overall"' not in page.content.decode()
    response = client.post(url, FORM)
    assert response.status_code == 409
    assert nothing_written()


def test_missing_overall_is_a_clear_error_and_nothing_is_written(client, world):
    d = ready(world)
    url = reverse("portal:rate_token", args=[links.rating_token(d)])
    response = client.post(url, {"aspect_access": "satisfied", "overall": ""})
    assert response.status_code == 422
    assert "Chọn mức độ hài lòng chung" in response.content.decode()
    response = client.post(url, {"overall": "tuyệt vời"})
    assert response.status_code == 422
    assert nothing_written()


def test_rating_page_only_offers_get_and_post(client, world):
    d = ready(world)
    url = reverse("portal:rate_token", args=[links.rating_token(d)])
    assert client.put(url).status_code == 405


def test_rating_page_queries_are_bounded(client, world, django_assert_max_num_queries):
    d = ready(world, returned=True)
    url = reverse("portal:rate_token", args=[links.rating_token(d)])
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200
