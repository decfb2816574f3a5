"""Who sees which agencies (ARCHITECTURE "Scoped reads")."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command
from django.http import Http404

from cchc.org.models import Agency, ApiToken
from cchc.org.selectors import agencies_visible_to, agency_get_for_user
from tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db


def codes(user):
    return set(agencies_visible_to(user).values_list("code", flat=True))


def test_a_specialist_in_a_division_sees_the_whole_department_and_nothing_else(world, specialist):
    assert codes(specialist) == {world.construction.code, world.construction_division.code}


def test_a_counter_officer_sees_their_department(world, counter_officer):
    assert world.justice.code not in codes(counter_officer)
    assert world.construction.code in codes(counter_officer)


def test_home_affairs_sees_every_agency(world, home_affairs_evaluator):
    assert codes(home_affairs_evaluator) == set(Agency.objects.values_list("code", flat=True))


def test_citizens_and_anonymous_users_see_no_agency(world, citizen):
    from django.contrib.auth.models import AnonymousUser

    assert codes(citizen) == set()
    assert codes(AnonymousUser()) == set()


def test_another_agencys_object_is_a_404(world, other_agency_officer):
    with pytest.raises(Http404):
        agency_get_for_user(other_agency_officer, world.construction.code)
    assert agency_get_for_user(other_agency_officer, world.justice.code) == world.justice


def test_a_merged_commune_keeps_its_predecessors_history_in_scope(world):
    district = AgencyFactory(
        code="000.00.31.H98",
        name="UBND huyện Cũ",
        level=Agency.Level.DISTRICT,
        parent=world.province,
        valid_to=date(2025, 6, 30),
    )
    old = AgencyFactory(
        code="000.31.01.H98",
        name="UBND xã Cũ",
        level=Agency.Level.COMMUNE,
        parent=district,
        valid_to=date(2025, 6, 30),
        merged_into=world.commune,
    )
    officer = UserFactory(username="commune.officer", role="counter_officer", agency=world.commune)
    assert old.code in codes(officer)
    assert district.code not in codes(officer)
    assert not old.is_active_on(date(2025, 7, 1)) and old.is_active_on(date(2025, 6, 30))


def test_moving_an_agency_moves_its_subtree(world):
    world.construction.parent = world.justice
    world.construction.save()
    world.construction_division.refresh_from_db()
    assert world.construction_division.path.startswith(world.justice.path)


def test_agency_codes_follow_qcvn_102(world):
    from django.core.exceptions import ValidationError

    agency = Agency(code="H56-000", name="Sai mã", level=Agency.Level.DEPARTMENT)
    with pytest.raises(ValidationError) as error:
        agency.full_clean()
    assert "000.00.14.H56" in str(error.value)


def test_issue_api_token_prints_a_token_that_authenticates(client, world, specialist, capsys):
    call_command("issue_api_token", specialist.username)
    raw = capsys.readouterr().out.strip()
    assert raw.startswith("cchc_")
    assert ApiToken.objects.get(user=specialist).key_hash == ApiToken.digest(raw)
    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    assert response.status_code == 200
    assert response.json()["username"] == specialist.username
    assert response.json()["visible_agencies"] == 2


def test_api_without_or_with_a_bad_token_is_401(client, world):
    assert client.get("/api/v1/me").status_code == 401
    response = client.get("/api/v1/me", headers={"Authorization": "Bearer cchc_sai"})
    assert response.status_code == 401
    assert "khoá" in response.json()["detail"]


def test_a_revoked_token_no_longer_works(client, world, specialist):
    from django.utils import timezone

    token, raw = ApiToken.issue(specialist)
    token.revoked_at = timezone.now()
    token.save()
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401
