"""The menu leads the reform office and Home Affairs to the plans, and one sub-menu joins the
plans, the reports, the inspections and the registers."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_menu_and_the_sub_menu_join_the_four_parts(client, reform_officer, counter_officer):
    client.force_login(reform_officer)
    page = client.get(reverse("plans:plans")).content.decode()
    assert 'href="/can-bo/ke-hoach/"' in page  # the menu entry
    for name in ("plans:plans", "plans:reports", "plans:inspections", "plans:registers"):
        assert f'href="{reverse(name)}"' in page
        assert 'data-testid="plans-nav"' in client.get(reverse(name)).content.decode()
    client.force_login(counter_officer)
    assert "Kế hoạch, báo cáo" not in client.get(reverse("home")).content.decode()
