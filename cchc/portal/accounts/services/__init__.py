"""Citizen accounts: every write is one service (``citizen_<verb>``), atomic, re-checking the
rules the forms already checked. The package follows the account's life:

- ``profile``: opening, changing and closing an account (consents recorded as they change);
- ``contacts``: proving an e-mail address or phone number by the link sent to it;
- ``passwords``: resetting a forgotten password by a one-time link, changing one's own;
- ``export``: a copy of everything the portal holds about the citizen;
- ``erasure``: the request for erasure (what the law lets us remove, removed; dossiers kept).

Every public name is importable from here, as it was when this was one module.
"""

from cchc.portal.accounts.services._common import MSG_NOT_CITIZEN, AccountInputError
from cchc.portal.accounts.services.contacts import (
    VERIFY_SUBJECTS,
    citizen_send_verification,
    citizen_verify_contact,
)
from cchc.portal.accounts.services.erasure import (
    ErasurePreview,
    ErasureReport,
    citizen_erase,
    erasure_preview,
)
from cchc.portal.accounts.services.export import EXPORT_FORMAT, citizen_export
from cchc.portal.accounts.services.passwords import (
    CHANGED_SUBJECT,
    MSG_OLD_PASSWORD_WRONG,
    RESET_DONE_SUBJECT,
    RESET_SUBJECT,
    account_change_password,
    citizen_for_identifier,
    citizen_request_password_reset,
    citizen_reset_password,
    password_reset_minutes,
    password_reset_url,
)
from cchc.portal.accounts.services.profile import (
    CLOSED_NAME,
    MSG_CONTACT_REQUIRED,
    MSG_EMAIL_FOR_NOTICES,
    MSG_EMAIL_TAKEN,
    MSG_PHONE_FOR_NOTICES,
    MSG_PHONE_TAKEN,
    ProfileData,
    citizen_close_account,
    citizen_signup,
    citizen_update_profile,
    email_taken,
    phone_taken,
)

__all__ = [
    "CHANGED_SUBJECT",
    "CLOSED_NAME",
    "EXPORT_FORMAT",
    "MSG_CONTACT_REQUIRED",
    "MSG_EMAIL_FOR_NOTICES",
    "MSG_EMAIL_TAKEN",
    "MSG_NOT_CITIZEN",
    "MSG_OLD_PASSWORD_WRONG",
    "MSG_PHONE_FOR_NOTICES",
    "MSG_PHONE_TAKEN",
    "RESET_DONE_SUBJECT",
    "RESET_SUBJECT",
    "VERIFY_SUBJECTS",
    "AccountInputError",
    "ErasurePreview",
    "ErasureReport",
    "ProfileData",
    "account_change_password",
    "citizen_close_account",
    "citizen_erase",
    "citizen_export",
    "citizen_for_identifier",
    "citizen_request_password_reset",
    "citizen_reset_password",
    "citizen_send_verification",
    "citizen_signup",
    "citizen_update_profile",
    "citizen_verify_contact",
    "email_taken",
    "erasure_preview",
    "password_reset_minutes",
    "password_reset_url",
    "phone_taken",
]
