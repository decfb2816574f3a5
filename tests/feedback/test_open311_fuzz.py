"""Whatever a client sends, the Open311 interface answers with the specification's error list
or a result — never a 500, never a body that is not well-formed XML or JSON, and nothing stored
unless the answer is 200."""

from __future__ import annotations

import json
from xml.etree import ElementTree

from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from cchc.feedback.models import FeedbackItem
from tests.feedback.open311_support import BASE, form, issue_key

FIELDS = (
    "service_code",
    "description",
    "first_name",
    "last_name",
    "phone",
    "email",
    "address_string",
    "lat",
    "long",
    "attribute[kind]",
    "attribute[sender_address]",
    "attribute[dossier_code]",
    "attribute[kind][]",
    "attribute[]",
)
FILTERS = ("service_request_id", "service_code", "start_date", "end_date", "status")
# Any text a request can carry: UTF-8 (a lone surrogate cannot be sent at all), no NUL (the
# site's middleware refuses it before the view).
TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=300)
FORMAT = st.sampled_from(("json", "xml"))


def _well_formed(response) -> None:
    assert response.status_code < 500, response.content[:300]
    if response["Content-Type"].startswith("text/xml"):
        ElementTree.fromstring(response.content)
    else:
        json.loads(response.content)


def test_any_form_is_answered_without_a_server_error(client, world, settings):
    settings.CCHC_OPEN311_POST_LIMIT = settings.CCHC_OPEN311_READ_LIMIT = 10_000
    key = issue_key()

    @hypothesis_settings(max_examples=60)
    @given(changes=st.dictionaries(st.sampled_from(FIELDS), TEXT, max_size=4), fmt=FORMAT)
    def check(changes, fmt):
        before = FeedbackItem.objects.count()
        response = client.post(f"{BASE}/requests.{fmt}", form(key, **changes))
        _well_formed(response)
        stored = FeedbackItem.objects.count() - before
        assert stored == (1 if response.status_code == 200 else 0)

    check()


def test_any_filter_or_path_is_answered_without_a_server_error(client, world, settings):
    settings.CCHC_OPEN311_READ_LIMIT = 10_000

    @hypothesis_settings(max_examples=60)
    @given(
        params=st.dictionaries(st.sampled_from(FILTERS), TEXT, max_size=3),
        segment=TEXT.filter(lambda s: "/" not in s and "?" not in s and "#" not in s),
        fmt=FORMAT,
    )
    def check(params, segment, fmt):
        _well_formed(client.get(f"{BASE}/requests.{fmt}", params))
        for path in ("services", "requests", "tokens"):
            _well_formed(client.get(f"{BASE}/{path}/{segment}.{fmt}"))

    check()
