"""What people type, checked the same way at every door: Django forms, API v1 schemas (pydantic)
and spreadsheet imports. One rule per kind of value, each with the reason it exists.

**Text.** Refused anywhere in a typed text: the C0 control characters except tab, line feed and
carriage return (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F), DEL (U+007F), the C1 controls
(U+0080–U+009F), lone surrogates (U+D800–U+DFFF) and the non-characters U+FFFE and U+FFFF.
Why each:

- NUL: PostgreSQL cannot store it in a text column (the insert fails: a 500), while SQLite
  stores it — the same input would behave differently on the two databases.
- The other C0 controls, U+FFFE and U+FFFF are not allowed in XML 1.0: every XLSX (the tracking
  book Mẫu 06, the report, the catalogue) and DOCX written from the stored text would be
  refused by openpyxl or opened as corrupt by Excel. They are invisible on screen, so a name
  carrying one cannot even be checked by the officer who typed it (they arrive by copy-paste
  from PDFs and old systems).
- DEL and the C1 controls are terminal and printer commands, not text: nothing legitimate in a
  name, address or note needs them.
- In a PDF (receipts, official forms), a control character garbles WeasyPrint's text layer
  around it (search, copy, screen readers: seen with U+0001).
- Lone surrogates are not Unicode characters at all: they cannot be encoded as UTF-8, so
  storing, logging or rendering them fails (JSON lets a client send ``"\\ud800"``).
- Tab, line feed and carriage return are whitespace people do type (multi-line notes, pasted
  addresses) and every storage and format above accepts them: they are kept.

Everything else passes: the check changes nothing (no normalisation), so Vietnamese text in
either Unicode form (precomposed or combining marks) is kept as typed. Text stored before these
checks is written out through ``scrub_text`` (XLSX in ``cchc.core.xlsx``, the PDFs).

Where: forms take ``CleanTextFormMixin`` (every ``CharField``, passwords excepted), the API
schemas ``ApiText`` / ``ApiDate`` / ``ApiMoment``, the catalogue import refuses the cell.

**Dates and moments.** A date or moment someone gives must fall in the years
``MIN_YEAR``–``MAX_YEAR``. Python's dates stop at years 1 and 9999: at those edges the
arithmetic the platform does on every date overflows (adding a day for "up to and including",
combining a day with Vietnam's +07:00 and converting to UTC, walking working days), which
answered 500 instead of a message. No record of a Vietnamese administration in this system lies
outside 1900–2100, and the margin keeps every such computation far from the edges. Moments given
to the API must say their UTC offset: a bare ``2025-01-06T09:00`` means a different instant to
each client.

Messages are Vietnamese module constants: ``MSG_*`` (lazy, translated) for forms, and the plain
texts for the API, which answers in Vietnamese like the rest of API v1.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop as N_
from pydantic import AwareDatetime, BeforeValidator, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

# --- text -------------------------------------------------------------------------------------

FORBIDDEN_CHARACTERS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
_FORBIDDEN = re.compile(f"[{FORBIDDEN_CHARACTERS}]")

# The same rule as a JSON-schema ``pattern`` (ECMA-262 syntax, unanchored search, hence ^…$),
# published in the OpenAPI document so that generated clients and fuzzers send only text the API
# accepts. It also compiles in pydantic's Rust engine (``Field(pattern=TEXT_PATTERN)``) and reads
# the same in Python's ``re``. It leaves out the surrogates: Rust's regex cannot name them (they
# are not Unicode scalar values); the API refuses them all the same (``ApiText``), and nothing
# that generates JSON text from a pattern produces them.
TEXT_PATTERN = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFE\uFFFF]*$"

TEXT_CONTROL = N_(
    "Có ký tự điều khiển không hiển thị được (%(char)s, ở vị trí %(position)s), thường do sao "
    "chép từ văn bản khác. Xoá ký tự đó rồi nhập lại."
)
MSG_TEXT_CONTROL = _(TEXT_CONTROL)
API_TEXT_CONTROL = (
    "có ký tự điều khiển không hợp lệ ({char}, ở vị trí {position}); chỉ được dùng chữ, số, "
    "dấu câu, dấu cách, tab và xuống dòng"
)


def forbidden_character(text: str) -> tuple[int, str] | None:
    """The first refused character of ``text`` as (1-based position, ``U+XXXX``), or None."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return None
    return found.start() + 1, f"U+{ord(found.group()):04X}"


def is_clean_text(text: str) -> bool:
    """True when ``text`` holds no refused character (see the module docstring)."""
    return _FORBIDDEN.search(text) is None


def scrub_text(text: str) -> str:
    """``text`` without its refused characters, for writing stored text that predates these
    checks (exports, PDFs): a control that separates (vertical tab, form feed, the C0 separators,
    U+0085) becomes a space so words do not run together; any other is dropped."""
    if is_clean_text(text):
        return text
    return _FORBIDDEN.sub(lambda m: " " if m.group().isspace() else "", text)


def validate_clean_text(value: object) -> None:
    """Django validator: refuses text with a refused character (non-text values pass: a
    ``JSONField`` is a ``CharField`` whose value is already parsed)."""
    if not isinstance(value, str):
        return
    found = forbidden_character(value)
    if found is not None:
        position, char = found
        raise ValidationError(
            MSG_TEXT_CONTROL, code="control_character", params={"char": char, "position": position}
        )


def guard_text_fields(fields: dict[str, forms.Field]) -> None:
    """Give every text field of a form the text check. It replaces Django's own NUL check,
    which would say the same thing a second time, in English. Passwords are left alone: they
    are only hashed, never stored or shown as text, and refusing a character someone's existing
    password holds would lock them out."""
    for field in fields.values():
        if (
            not isinstance(field, forms.CharField)
            or isinstance(field.widget, forms.PasswordInput)
            or validate_clean_text in field.validators
        ):
            continue
        field.validators = [
            v for v in field.validators if not isinstance(v, ProhibitNullCharactersValidator)
        ] + [validate_clean_text]


class CleanTextFormMixin:
    """A form whose every ``CharField`` (EmailField, RegexField… included) refuses control
    characters — also the fields a form adds in its own ``__init__``, as the check is attached
    when the form is validated. Put it before ``forms.Form`` / ``forms.ModelForm`` in the bases."""

    fields: dict[str, forms.Field]

    def full_clean(self) -> None:
        guard_text_fields(self.fields)
        super().full_clean()  # type: ignore[misc]


class CleanCharField(forms.CharField):
    """A ``CharField`` that refuses control characters, for a form that is not a
    ``CleanTextFormMixin``."""

    default_validators = [validate_clean_text]


# --- dates and moments ------------------------------------------------------------------------

MIN_YEAR = 1900
MAX_YEAR = 2100

DATE_RANGE = N_("Năm phải từ %(min)s đến %(max)s.")
MSG_DATE_RANGE = _(DATE_RANGE)
API_DATE_RANGE = f"năm phải từ {MIN_YEAR} đến {MAX_YEAR}"

DATE_FORMAT = "%d/%m/%Y"
DATETIME_FORMAT = "%d/%m/%Y %H:%M"
MSG_DATETIME = _("Nhập ngày giờ theo dạng dd/mm/yyyy HH:MM, ví dụ 05/03/2025 14:30.")
MSG_DATE = _("Nhập ngày theo dạng dd/mm/yyyy, ví dụ 05/03/2025.")


def year_in_range(value: date) -> bool:
    """True when the year of ``value`` (a date or a moment, as given) is in MIN_YEAR..MAX_YEAR."""
    return MIN_YEAR <= value.year <= MAX_YEAR


def date_range_message() -> str:
    """The years message, translated, for a page that answers without a form."""
    return str(MSG_DATE_RANGE) % {"min": MIN_YEAR, "max": MAX_YEAR}


def date_range_error() -> ValidationError:
    return ValidationError(
        MSG_DATE_RANGE, code="date_range", params={"min": MIN_YEAR, "max": MAX_YEAR}
    )


class _YearCheckedField:
    """Checks the year right after parsing, before Django makes the moment aware or anything
    else computes with it."""

    def strptime(self, value: str, format: str) -> datetime | date:
        parsed = super().strptime(value, format)  # type: ignore[misc]
        if not year_in_range(parsed):
            raise date_range_error()
        return parsed


class VnDateTimeField(_YearCheckedField, forms.DateTimeField):
    """A moment typed as ``dd/mm/yyyy HH:MM`` (24 h) in Vietnam's time zone, years
    MIN_YEAR..MAX_YEAR."""

    widget = forms.DateTimeInput(
        format=DATETIME_FORMAT, attrs={"placeholder": "dd/mm/yyyy HH:MM", "inputmode": "numeric"}
    )
    input_formats = [DATETIME_FORMAT]
    default_error_messages = {"invalid": MSG_DATETIME}


class VnDateField(_YearCheckedField, forms.DateField):
    """A day typed as ``dd/mm/yyyy``, years MIN_YEAR..MAX_YEAR."""

    widget = forms.DateInput(
        format=DATE_FORMAT, attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}
    )
    input_formats = [DATE_FORMAT]
    default_error_messages = {"invalid": MSG_DATE}


# --- API types (pydantic, django-ninja schemas) -----------------------------------------------

# The JSON-schema patterns of the API's dates and moments: RFC 3339 with the year in range, so a
# fuzzer drawing from the pattern (and the format) sends only values the API accepts.
_YEAR = r"(19[0-9]{2}|20[0-9]{2}|2100)"
_DAY = r"-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
DATE_PATTERN = rf"^{_YEAR}{_DAY}$"
MOMENT_PATTERN = (
    rf"^{_YEAR}{_DAY}[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{{1,6}})?"
    r"([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
)

API_ERROR_TYPES = frozenset({"text_control_character", "date_range"})
# Pydantic's own errors for these types, said in Vietnamese (``cchc.core.api`` explains errors).
API_MESSAGES = {
    "timezone_aware": "phải ghi rõ múi giờ (ví dụ 2025-01-06T09:00:00+07:00)",
    "datetime_parsing": "không phải thời điểm ISO 8601 (ví dụ 2025-01-06T09:00:00+07:00)",
    "datetime_from_date_parsing": "không phải thời điểm ISO 8601 (ví dụ 2025-01-06T09:00:00+07:00)",
    "datetime_type": "không phải thời điểm ISO 8601 (ví dụ 2025-01-06T09:00:00+07:00)",
    "date_type": "không phải ngày dạng YYYY-MM-DD",
    "date_from_datetime_parsing": "không phải ngày dạng YYYY-MM-DD",
    "date_parsing": "không phải ngày dạng YYYY-MM-DD",
    "date_from_datetime_inexact": "không phải ngày dạng YYYY-MM-DD",
    "string_unicode": "không phải văn bản Unicode hợp lệ",
}


def _api_text(value: str) -> str:
    found = forbidden_character(value)
    if found is not None:
        position, char = found
        raise PydanticCustomError(
            "text_control_character", API_TEXT_CONTROL, {"char": char, "position": position}
        )
    return value


def _api_year(value: date) -> date:
    if not year_in_range(value):
        raise PydanticCustomError("date_range", API_DATE_RANGE)
    return value


@dataclass(frozen=True)
class _Checked:
    """An annotation adding a check after pydantic's own parsing, and a ``pattern`` to the
    JSON schema unless the field declares a stricter one of its own."""

    check: Any
    pattern: str

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema.setdefault("pattern", self.pattern)
        return json_schema


_OFFSET_AFTER_SPACE = re.compile(r"^(\S+T\S+) (\d{2}:?\d{2})$")


def _plus_restored(value: object) -> object:
    """A ``+`` sent unencoded in a query string arrives as a space (``…T09:00:00 07:00``):
    it is put back rather than refused."""
    if isinstance(value, str):
        return _OFFSET_AFTER_SPACE.sub(r"\1+\2", value.strip())
    return value


TEXT_RULE = _Checked(_api_text, TEXT_PATTERN)
"""The text check as an annotation, to put after the field's own constraints when they are
annotations too: ``Annotated[str, StringConstraints(max_length=20), TEXT_RULE]``."""

ApiText = Annotated[str, TEXT_RULE]
"""Text in an API schema: refuses the characters above (422 ``text_control_character``).
Constraints go in the field's ``Field(...)`` — ``name: ApiText = Field(max_length=255)`` — or
before ``TEXT_RULE``; nested as ``Annotated[ApiText, Field(pattern=…)]`` pydantic would leave
the field's own pattern out of the JSON schema."""

# The documented forms with any year (the year is checked next, with its own message) and, for
# a moment, the offset left optional (its absence has its own message too).
_ANY_YEAR = r"[0-9]{4}"
_DAY_AS_WRITTEN = re.compile(rf"{_ANY_YEAR}{_DAY}")
_MOMENT_AS_WRITTEN = re.compile(
    rf"{_ANY_YEAR}{_DAY}[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{{1,6}})?"
    r"([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])?"
)


def _written_as_day(value: object) -> object:
    """Pydantic alone would also read a number, or a string of digits, as a Unix timestamp
    and a moment at midnight as its day; the document says ``YYYY-MM-DD``."""
    if isinstance(value, date) or (isinstance(value, str) and _DAY_AS_WRITTEN.fullmatch(value)):
        return value
    raise PydanticCustomError("date_parsing", API_MESSAGES["date_parsing"])


def _written_as_moment(value: object) -> object:
    """Only the documented ISO 8601 form: not a number read as a Unix timestamp, nor the
    other spellings pydantic would take (a space for the ``T``, no seconds…)."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and _MOMENT_AS_WRITTEN.fullmatch(value):
        return value
    error = "datetime_from_date_parsing"
    raise PydanticCustomError(error, API_MESSAGES[error])


ApiDate = Annotated[date, BeforeValidator(_written_as_day), _Checked(_api_year, DATE_PATTERN)]
"""A day in an API schema (``YYYY-MM-DD``), years MIN_YEAR..MAX_YEAR (422 ``date_range``)."""

# Before-validators run last-listed first: the '+' is restored before the form is checked.
ApiMoment = Annotated[
    AwareDatetime,
    BeforeValidator(_written_as_moment),
    BeforeValidator(_plus_restored),
    _Checked(_api_year, MOMENT_PATTERN),
]
"""A moment in an API schema: ISO 8601 with its UTC offset (422 ``timezone_aware`` without
one), years MIN_YEAR..MAX_YEAR as written (422 ``date_range``)."""


# --- files ------------------------------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern), never required by itself. An
    empty file is let through so that the upload checks (``cchc.dossiers.uploads``) refuse it
    in words, with the other rules for files (size, kind, count)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("allow_empty_file", True)
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: object, initial: object = None) -> list:
        if isinstance(data, list | tuple):
            cleaned = (super(MultipleFileField, self).clean(d, initial) for d in data)
            return [f for f in cleaned if f]
        single = super().clean(data, initial)
        return [single] if single else []
