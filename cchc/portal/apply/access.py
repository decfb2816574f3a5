"""Who may open the citizen's dossier pages (STYLE "Access before logic"): a signed-in citizen
(``cchc.portal.access.citizen_required``, re-exported here for the dossier pages), and only
their own dossiers — anything else is a 404 that confirms nothing."""

from __future__ import annotations

import uuid

from django.http import Http404

from cchc.dossiers.models import Dossier
from cchc.dossiers.selectors import dossier_get_for_user
from cchc.org.models import User
from cchc.portal.access import citizen_required, portal_login_url

__all__ = ["citizen_required", "own_dossier", "portal_login_url"]


def own_dossier(user: User, public_id: uuid.UUID | str) -> Dossier:
    """The dossier ``user`` applied for, or ``Http404`` (another's dossier does not exist)."""
    dossier = dossier_get_for_user(user, str(public_id))
    if dossier.applicant_user_id != user.pk:
        raise Http404
    return dossier
