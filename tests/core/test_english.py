"""The English catalogue (docs/decisions/0001-vietnamese-source-strings.md).

Message ids are Vietnamese; ``cchc/locale/en/LC_MESSAGES/django.po`` holds the English. With the
language switched to English (Django's ``set_language``) the main pages read in English; the
catalogue is complete, nothing in it is fuzzy, every translation keeps its message id's
placeholders, and the committed ``django.mo`` is the compiled form of the ``.po``. Every
message constant (``MSG_*``, ``ERR_*``) a page may show is in the catalogue, and the refusals of
the services — the lifecycle's included — read in English on the pages, while the API keeps
answering in Vietnamese.
"""

from __future__ import annotations

import ast
import gettext
import re
from datetime import timedelta
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from cchc.domain import lifecycle
from cchc.dossiers import messages as dossier_messages
from cchc.dossiers.services import dossier_forward
from cchc.org.models import ApiToken
from tests.dossiers.helpers import receive
from tests.portal.apply_helpers import jpeg
from tests.portal.test_apply import form_data

ROOT = Path(__file__).resolve().parents[2]
LC_MESSAGES = ROOT / "cchc" / "locale" / "en" / "LC_MESSAGES"
PO = LC_MESSAGES / "django.po"
MO = LC_MESSAGES / "django.mo"

# --- reading the .po (polib is not a project dependency) ----------------------------------

KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$')
ESCAPES = {"n": "\n", "t": "\t", "r": "\r"}


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m[1], m[1]), text)


def read_po(path: Path = PO) -> list[dict]:
    """Each live entry as a dict of its keywords (``msgid``, ``msgstr[1]``…) plus ``flags``;
    obsolete (``#~``) entries are skipped. Entries are separated by blank lines."""
    entries = []
    for block in re.split(r"\n[ \t]*\n", path.read_text(encoding="utf-8")):
        entry: dict = {"flags": set()}
        key = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
            elif match := KEYWORD.match(line):
                key = match[1]
                entry[key] = _unescape(match[2])
            elif line.startswith('"') and key:
                entry[key] += _unescape(line[1:-1])
        if "msgid" in entry:
            entries.append(entry)
    return entries


def translations(entry: dict) -> list[tuple[str, str]]:
    """(source, translation) pairs: the msgstr, or each plural form with its source form."""
    if "msgid_plural" not in entry:
        return [(entry["msgid"], entry.get("msgstr", ""))]
    forms = sorted(k for k in entry if k.startswith("msgstr["))
    return [
        (entry["msgid"] if k == "msgstr[0]" else entry["msgid_plural"], entry[k]) for k in forms
    ]


NAMED = re.compile(r"%%?\((\w+)\)[sdif]|\{(\w+)\}")
POSITIONAL = re.compile(r"%%|%[sdif]")


def placeholders(text: str) -> tuple[set[str], list[str]]:
    """Named placeholders (``%(x)s``, ``{x}``, and the ``%%(x)s`` of a {% translate %} string,
    which must stay doubled) as a set, and positional ones (``%s``, ``%d``, ``%%``) in order."""
    named = {m[0] for m in NAMED.finditer(text)}
    positional = POSITIONAL.findall(NAMED.sub("", text))
    return named, positional


@pytest.fixture(scope="module")
def po_entries():
    return read_po()


def test_the_catalogue_is_english_and_not_fuzzy(po_entries):
    header = next(e for e in po_entries if e["msgid"] == "")
    assert "Language: en\n" in header["msgstr"]
    assert "charset=UTF-8" in header["msgstr"]
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header["msgstr"]
    fuzzy = [e["msgid"] for e in po_entries if "fuzzy" in e["flags"]]
    assert not fuzzy, f"fuzzy entries: {fuzzy}"
    assert len(po_entries) > 1000


def test_every_message_is_translated(po_entries):
    untranslated = [
        e["msgid"]
        for e in po_entries
        if e["msgid"] and not all(target.strip() for _, target in translations(e))
    ]
    assert not untranslated, f"{len(untranslated)} untranslated: {untranslated[:20]}"
    plurals = [e for e in po_entries if "msgid_plural" in e]
    assert all(len(translations(e)) == 2 for e in plurals)


def test_translations_keep_the_placeholders_of_their_message_ids(po_entries):
    mismatched = []
    for entry in po_entries:
        for source, target in translations(entry):
            if entry["msgid"] and placeholders(source) != placeholders(target):
                mismatched.append((source, target))
    assert not mismatched, "\n".join(f"{s!r}\n  → {t!r}" for s, t in mismatched)


def test_translations_keep_leading_and_trailing_whitespace(po_entries):
    def edges(text: str) -> tuple[str, str]:
        return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]

    changed = [
        (source, target)
        for entry in po_entries
        for source, target in translations(entry)
        if entry["msgid"] and edges(source) != edges(target)
    ]
    assert not changed, changed


def test_the_compiled_catalogue_matches_the_po(po_entries):
    with MO.open("rb") as fp:
        mo = gettext.GNUTranslations(fp)
    stale = []
    for entry in po_entries:
        msgid, context = entry["msgid"], entry.get("msgctxt")
        if not msgid:
            continue
        if "msgid_plural" in entry:
            for n, (_, target) in zip((1, 2), translations(entry), strict=True):
                args = (msgid, entry["msgid_plural"], n)
                got = mo.npgettext(context, *args) if context else mo.ngettext(*args)
                if got != target:
                    stale.append(msgid)
        else:
            got = mo.pgettext(context, msgid) if context else mo.gettext(msgid)
            if got != entry["msgstr"]:
                stale.append(msgid)
    assert not stale, f"django.mo is older than django.po (run compilemessages): {stale[:10]}"


# --- the pages in English ----------------------------------------------------------------


class _UiText(HTMLParser):
    """What a reader sees or hears: text nodes and the labelling attributes."""

    ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.fragments: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        self.fragments += [v.strip() for k, v in attrs if k in self.ATTRIBUTES and v]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.fragments.append(" ".join(data.split()))


def ui_text(response) -> list[str]:
    parser = _UiText()
    parser.feed(response.content.decode())
    return parser.fragments


@pytest.fixture(scope="module")
def vietnamese_msgids(po_entries):
    """The catalogue's Vietnamese message ids, as a template renders them."""
    return {
        unescape(e["msgid"].replace("%%", "%"))
        for e in po_entries
        if e["msgid"] and not e["msgid"].isascii()
    }


@pytest.fixture
def english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert client.cookies["django_language"].value == "en"
    return client


PAGES = {
    "home": (
        "home",
        ["Sign in", "Administrative procedure information system", "Officers and civil servants"],
        ["Đăng nhập", "Trang chủ", "Cán bộ, công chức", "Hệ thống thông tin giải quyết"],
    ),
    "staff login": (
        "login",
        ["Sign in", "Username", "Password"],
        ["Đăng nhập", "Tên đăng nhập", "Mật khẩu"],
    ),
    "portal home": (
        "portal:home",
        ["Administrative procedures", "Dossier lookup", "Register", "Procedures by field"],
        ["Thủ tục hành chính", "Tra cứu hồ sơ", "Đăng nhập", "Thủ tục theo lĩnh vực"],
    ),
    "public lookup": (
        "public_lookup",
        ["Dossier lookup", "Dossier code", "Applicant's phone number", "Look up"],
        ["Tra cứu", "Mã hồ sơ", "Số điện thoại người nộp", "Nhập mã hồ sơ"],
    ),
}


def assert_english(response, expected, forbidden, vietnamese_msgids):
    assert response.status_code == 200
    fragments = ui_text(response)
    text = " ".join(fragments)
    missing = [word for word in expected if word not in text]
    assert not missing, f"English text missing: {missing}\n{text}"
    present = [label for label in forbidden if label in text]
    assert not present, f"Vietnamese labels left: {present}\n{text}"
    leaks = [f for f in fragments if f in vietnamese_msgids]
    assert not leaks, f"untranslated text: {leaks}"


@pytest.mark.parametrize("page", PAGES)
def test_public_pages_read_in_english(english, world, vietnamese_msgids, page):
    url_name, expected, forbidden = PAGES[page]
    response = english.get(reverse(url_name))
    assert_english(response, expected, forbidden, vietnamese_msgids)
    assert 'lang="en"' in response.content.decode()


def test_staff_catalogue_reads_in_english(english, world, specialist, vietnamese_msgids):
    english.force_login(specialist)
    response = english.get(reverse("catalog:procedure_list"))
    assert_english(
        response,
        [
            "Administrative procedure catalogue",
            "Procedure name",
            "Newly published",
            "working days",
            "Sign out",
        ],
        ["Danh mục thủ tục hành chính", "Trạng thái", "Mới ban hành", "ngày làm việc", "Đăng xuất"],
        vietnamese_msgids,
    )
    # The catalogue's data stays as published, in Vietnamese.
    assert "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ" in response.content.decode()


def test_the_dossier_report_reads_in_english(english, world, leader, vietnamese_msgids):
    english.force_login(leader)
    response = english.get(reverse("stats:report"))
    assert_english(
        response,
        ["Procedures handled", "Reporting period", "Agency or unit", "Full process", "Targets:"],
        ["Tình hình giải quyết", "Cơ quan, đơn vị", "Toàn trình", "Chỉ tiêu"],
        vietnamese_msgids,
    )


def test_vietnamese_remains_the_default(client, world):
    page = " ".join(ui_text(client.get(reverse("login"))))
    assert "Đăng nhập" in page and "Mật khẩu" in page
    assert "Sign in" not in page and "Password" not in page


# --- message constants and refusals ------------------------------------------------------------

# Modules whose messages only the API answers with, in Vietnamese by design (the public lookup's
# JSON must stay byte for byte the same through both of its doors); the lookup page has its own
# texts.
API_ONLY = {"cchc/dossiers/api.py", "cchc/dossiers/schemas.py", "cchc/dossiers/public.py"}


def message_constants() -> list[tuple[str, str, str, bool]]:
    """``(module, name, text, marked)`` for each module-level ``MSG_*`` / ``ERR_*`` string of
    ``cchc/`` (outside migrations, the demo data and the API-only modules); ``marked``: the
    text is wrapped in a call (``N_(…)``, ``gettext_lazy(…)``…) rather than a bare string."""
    found = []
    for path in sorted((ROOT / "cchc").rglob("*.py")):
        module = path.relative_to(ROOT).as_posix()
        if "/migrations/" in module or module.startswith("cchc/demo/") or module in API_ONLY:
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
                continue
            target, value = node.targets[0], node.value
            if not (isinstance(target, ast.Name) and target.id.startswith(("MSG_", "ERR_"))):
                continue
            marked = isinstance(value, ast.Call) and bool(value.args)
            if marked:
                value = value.args[0]
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                found.append((module, target.id, value.value, marked))
    return found


def test_every_message_constant_is_in_the_catalogue(po_entries):
    msgids = {e["msgid"] for e in po_entries}
    constants = message_constants()
    assert len(constants) > 150
    missing = [f"{m}: {name}" for m, name, text, _ in constants if text not in msgids]
    assert not missing, f"not in the catalogue (run make messages): {missing}"
    # A bare string is never extracted; only the pure domain (no Django) may hold them, and
    # cchc.dossiers.messages marks its texts for it.
    bare = [f"{m}: {name}" for m, name, _, marked in constants if not marked]
    assert all(entry.startswith("cchc/domain/") for entry in bare), bare


def test_the_domain_texts_are_marked_on_the_django_side(po_entries):
    templates = {
        value
        for name, value in vars(lifecycle).items()
        if name.startswith("MSG_") and isinstance(value, str)
    }
    assert set(dossier_messages.TEMPLATES) == templates
    assert dossier_messages.STATUS_LABELS == lifecycle.STATUS_LABELS
    assert dossier_messages.ROLE_LABELS == lifecycle.ROLE_LABELS
    assert set(dossier_messages.RULE_LABELS) == {rule.label for rule in lifecycle.RULES}
    msgids = {e["msgid"] for e in po_entries}
    texts = [
        *templates,
        *lifecycle.STATUS_LABELS.values(),
        *lifecycle.ROLE_LABELS.values(),
        *(rule.label for rule in lifecycle.RULES),
    ]
    assert not [text for text in texts if text not in msgids]


def _action(dossier, slug: str) -> str:
    return reverse("dossiers:action", args=[dossier.code, slug])


def _said(response) -> str:
    return " ".join(ui_text(response))


def test_a_forbidden_officer_action_is_refused_in_english(english, world):
    dossier = receive(world, now=timezone.now() - timedelta(minutes=1))
    english.force_login(world.specialist)
    response = english.post(_action(dossier, "phe-duyet"), {"phe-duyet-result_number": "1/GP"})
    assert response.status_code == 409
    said = _said(response)
    assert (
        "“Approve and issue the result” is not possible while the dossier's status is "
        "“Newly received”."
    ) in said
    assert "Không thể thực hiện" not in said and "Phê duyệt, ban hành kết quả" not in said

    dossier = dossier_forward(actor=world.specialist, dossier=dossier)
    response = english.post(_action(dossier, "phe-duyet"), {"phe-duyet-result_number": "1/GP"})
    assert response.status_code == 409
    said = _said(response)
    assert (
        "The role “Processing specialist” may not perform “Approve and issue the result” at "
        "the current step."
    ) in said
    assert "Vai trò" not in said and "không được thực hiện" not in said


def test_an_overdue_dossier_is_refused_in_english(english, world):
    dossier = receive(world, now=timezone.now() - timedelta(days=45))
    english.force_login(world.specialist)
    response = english.post(_action(dossier, "chuyen"), {})
    assert response.status_code == 409
    said = _said(response)
    assert "The dossier is overdue: an apology and new appointment must be issued first." in said
    assert lifecycle.MSG_OVERDUE not in said


def test_a_service_input_error_on_the_dossier_page_is_english(english, world):
    dossier = receive(world, now=timezone.now() - timedelta(days=45))
    english.force_login(world.specialist)
    sunday = timezone.localtime() + timedelta(days=7)
    while sunday.weekday() != 6:
        sunday += timedelta(days=1)
    response = english.post(
        _action(dossier, "xin-loi"),
        {"xin-loi-reason": "Chậm", "xin-loi-new_due_at": sunday.strftime("%d/%m/%Y 10:00")},
    )
    assert response.status_code == 422
    said = _said(response)
    assert "The new appointment must fall within office hours on a working day." in said
    assert "giờ làm việc của ngày làm việc" not in said


def test_a_formatted_service_error_is_translated_before_it_is_filled_in(
    english, world, settings, tmp_path
):
    """The missing documents are named in the error: the English template, the Vietnamese
    document name (the procedure's own data)."""
    settings.MEDIA_ROOT = str(tmp_path)
    english.force_login(world.citizen)
    data = form_data(action="submit", extra=[jpeg("anh.jpg")])
    response = english.post(
        reverse("portal:apply", args=[world.building_permit.code]), data, follow=True
    )
    said = _said(response)
    assert "Cannot submit yet: required documents are still missing: Đơn đề nghị theo mẫu." in said
    assert "Chưa nộp được" not in said


def test_the_api_keeps_answering_in_vietnamese(english, world):
    _, raw = ApiToken.issue(world.counter_officer)
    dossier = receive(world, now=timezone.now() - timedelta(minutes=1))
    response = english.post(
        f"/api/v1/dossiers/{dossier.code}/actions",
        {"action": "approve", "result_number": "1/GP"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}", "Accept-Language": "en"},
    )
    assert response.status_code == 409
    assert response.json()["detail"] == (
        "Không thể thực hiện “Phê duyệt, ban hành kết quả” khi hồ sơ đang ở trạng thái "
        "“Mới tiếp nhận”."
    )


def test_every_text_translated_where_it_is_used_is_in_the_catalogue(po_entries):
    """Texts translated where they are used, ``_g("…")`` (``gettext`` under the house's
    alias), are extracted too: an alias xgettext does not know leaves them Vietnamese on the
    English pages and in English notices."""
    msgids = {e["msgid"] for e in po_entries}
    used = []
    for path in sorted((ROOT / "cchc").rglob("*.py")):
        module = path.relative_to(ROOT).as_posix()
        if "/migrations/" in module:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_g"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                used.append((module, node.args[0].value))
    assert len(used) > 20
    missing = [f"{m}: {text}" for m, text in used if text not in msgids]
    assert not missing, f"not in the catalogue (run make messages): {missing}"
