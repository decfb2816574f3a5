"""Links to a dossier's rating page, for the receipt's QR code, notifications and the lookup.

A dossier filed with a citizen account is rated from that account (``portal:rate``). A counter
dossier has no account: its receipt (Mẫu 01) carries a token instead — an HMAC signature of
the dossier's public id (``django.core.signing``, salted, keyed by ``SECRET_KEY``), so it
cannot be guessed or forged, and holding the receipt is what lets one rate (``portal:rate_token``).
The token does not expire: a rating is possible as long as the result is ready, and only once.
"""

from __future__ import annotations

import uuid
from urllib.parse import quote

from django.conf import settings
from django.core import signing
from django.urls import reverse

from cchc.dossiers.models import Dossier

SALT = "cchc.satisfaction.rating"
# "." is never part of the signature's base64 alphabet, and is safe in URLs.
SEPARATOR = "."


def _signer() -> signing.Signer:
    return signing.Signer(salt=SALT, sep=SEPARATOR)


def rating_token(dossier: Dossier) -> str:
    """The unguessable token of ``dossier``'s rating page."""
    return _signer().sign(dossier.public_id.hex)


def dossier_for_token(token: str) -> Dossier | None:
    """The dossier a valid token names, or ``None`` (bad signature, unknown dossier)."""
    try:
        value = _signer().unsign(token[:200])
        public_id = uuid.UUID(hex=value)
    except (signing.BadSignature, ValueError):
        return None
    return (
        Dossier.objects.select_related("procedure", "receiving_agency")
        .filter(public_id=public_id)
        .first()
    )


def rating_path(dossier: Dossier) -> str:
    """The site path of ``dossier``'s rating page: by account, or by token without one."""
    if dossier.applicant_user_id:
        return reverse("portal:rate", args=[dossier.public_id])
    return reverse("portal:rate_token", args=[rating_token(dossier)])


def rating_url(dossier: Dossier) -> str:
    """The absolute address of ``dossier``'s rating page (``CCHC_PUBLIC_URL``)."""
    return f"{settings.CCHC_PUBLIC_URL}{rating_path(dossier)}"


def lookup_rating_url(dossier: Dossier) -> str:
    """The receipt's QR target: the public lookup with the code and the rating token, so the
    holder of the receipt can look the dossier up and rate it (even without a phone number)."""
    code = quote(dossier.code or "")
    return f"{settings.CCHC_PUBLIC_URL}/tra-cuu/?ma={code}&t={rating_token(dossier)}"
