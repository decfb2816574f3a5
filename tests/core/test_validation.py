"""The one validator of what people type (cchc.core.validation): text without control
characters, dates and moments in sane years — for forms and for API schemas alike."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated

import pytest
from django import forms
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, Field, StringConstraints, TypeAdapter
from pydantic import ValidationError as PydanticError

from cchc.core.validation import (
    DATE_PATTERN,
    MAX_YEAR,
    MIN_YEAR,
    MOMENT_PATTERN,
    TEXT_PATTERN,
    TEXT_RULE,
    ApiDate,
    ApiMoment,
    ApiText,
    CleanCharField,
    CleanTextFormMixin,
    VnDateField,
    VnDateTimeField,
    forbidden_character,
    is_clean_text,
    scrub_text,
)
from cchc.domain.workdays import VN_TZ

REFUSED = (
    [chr(c) for c in range(0x00, 0x20) if chr(c) not in "\t\n\r"]
    + [chr(c) for c in range(0x7F, 0xA0)]
    + ["\ud800", "\udbff", "\udc00", "\udfff", "\ufffe", "\uffff"]
)
refused_characters = st.sampled_from(REFUSED)
# Printable text: letters (Vietnamese included), marks, digits, punctuation, symbols, spaces.
printable = st.text(
    st.characters(categories=("L", "M", "N", "P", "S", "Zs"), exclude_characters="\ufffe\uffff")
    | st.sampled_from("\t\n\r ")
)
VIETNAMESE = [
    "Nguyễn Thị Ánh Tuyết",
    "Số 12, đường Trần Hưng Đạo, phường Đống Đa, tỉnh Quảng Trị",
    "Nguye\u0302\u0303n Va\u0306n A",  # combining marks (decomposed form), kept as typed
    "Ghi chú:\n- dòng một\r\n- dòng hai\tcó tab",
    '=HYPERLINK("http://x","y")',  # harmless as input; the XLSX writer keeps it as text
]


@pytest.fixture(autouse=True)
def in_vietnamese():
    with translation.override("vi"):
        yield


class Person(CleanTextFormMixin, forms.Form):
    name = forms.CharField(max_length=200)
    note = forms.CharField(required=False, widget=forms.Textarea)


class Schema(BaseModel):
    name: ApiText = Field(max_length=20)
    note: ApiText | None = None
    on: ApiDate | None = None
    at: ApiMoment | None = None


# --- text ---


@given(printable, refused_characters, printable)
def test_any_text_with_a_control_character_is_refused_everywhere(before, bad, after):
    text = f"x{before}{bad}{after}x"  # framed: a form strips whitespace controls at the ends
    assert not is_clean_text(text)
    position, char = forbidden_character(text)
    assert char == f"U+{ord(text[position - 1]):04X}"
    assert not Person({"name": "x", "note": text}).is_valid()
    with pytest.raises(PydanticError) as caught:
        Schema.model_validate({"name": "x", "note": text})
    assert caught.value.errors()[0]["type"] == "text_control_character"


@given(printable)
def test_any_printable_text_passes_unchanged(text):
    assert is_clean_text(text)
    assert scrub_text(text) == text
    assert Schema.model_validate({"name": "x", "note": text}).note == text


@pytest.mark.parametrize("text", VIETNAMESE)
def test_vietnamese_text_passes_every_door_unchanged(text):
    form = Person({"name": text})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["name"] == text.strip()
    assert Schema.model_validate({"name": "x", "note": text}).note == text


def test_the_form_error_names_the_character_and_its_place_in_vietnamese():
    form = Person({"name": "Nguyễn\x01 Văn A", "note": "a\x00b"})
    assert not form.is_valid()
    assert form.errors["name"] == [
        "Có ký tự điều khiển không hiển thị được (U+0001, ở vị trí 7), thường do sao chép từ "
        "văn bản khác. Xoá ký tự đó rồi nhập lại."
    ]
    # NUL is said once, by our check, not a second time by Django's own (in English).
    assert len(form.errors["note"]) == 1
    assert "U+0000" in form.errors["note"][0]


def test_a_single_field_refuses_control_characters_without_the_mixin():
    field = CleanCharField()
    with pytest.raises(forms.ValidationError):
        field.clean("a\x1bb")
    assert field.clean("Đắk Lắk") == "Đắk Lắk"


def test_scrubbing_drops_controls_and_keeps_words_apart():
    assert scrub_text("Nguyễn\x01 Văn\x0bA\ud800\uffff") == "Nguyễn Văn A"
    assert scrub_text("a\x85b\x1fc") == "a b c"


def test_the_api_answers_in_vietnamese_and_documents_the_rule():
    with pytest.raises(PydanticError) as caught:
        Schema.model_validate({"name": "a\x7f"})
    assert caught.value.errors()[0]["msg"].startswith("có ký tự điều khiển không hợp lệ (U+007F")
    schema = Schema.model_json_schema()["properties"]
    assert schema["name"] == {
        "maxLength": 20,
        "pattern": TEXT_PATTERN,
        "title": "Name",
        "type": "string",
    }
    assert schema["on"]["anyOf"][0]["pattern"] == DATE_PATTERN
    assert schema["at"]["anyOf"][0]["pattern"] == MOMENT_PATTERN


def test_a_field_keeps_its_own_constraints_and_stricter_pattern():
    class Phone(BaseModel):
        phone: ApiText = Field(pattern=r"^0[0-9]{9}$", max_length=10)
        other: Annotated[str, StringConstraints(max_length=10, pattern=r"^0[0-9]*$"), TEXT_RULE]

    properties = Phone.model_json_schema()["properties"]
    assert (properties["phone"]["pattern"], properties["phone"]["maxLength"]) == (
        r"^0[0-9]{9}$",
        10,
    )
    assert (properties["other"]["pattern"], properties["other"]["maxLength"]) == (r"^0[0-9]*$", 10)
    for name in ("phone", "other"):
        with pytest.raises(PydanticError):
            Phone.model_validate({"phone": "0912345678", "other": "0912345678", name: "09\x001"})
    with pytest.raises(PydanticError) as caught:
        Phone.model_validate({"phone": "09123456789", "other": "0"})
    assert caught.value.errors()[0]["type"] == "string_too_long"


@pytest.mark.parametrize(
    ("pattern", "sample"),
    [
        (TEXT_PATTERN, "Nguyễn Văn A"),
        (DATE_PATTERN, "2025-03-05"),
        (MOMENT_PATTERN, "2025-03-05T14:30:00.5+07:00"),
    ],
)
def test_pydantic_rust_regex_engine_accepts_each_published_pattern(pattern, sample):
    assert TypeAdapter(Annotated[str, Field(pattern=pattern)]).validate_python(sample) == sample


@given(st.text())
def test_the_published_text_pattern_agrees_with_the_check(text):
    """Python's ``re`` (what fuzzers draw from) and pydantic's Rust engine read the pattern as
    the check does; only surrogates are beyond the pattern, and pydantic refuses those too."""
    by_pattern = re.search(TEXT_PATTERN, text) is not None
    assert by_pattern == is_clean_text(text)
    rust = TypeAdapter(Annotated[str, Field(pattern=TEXT_PATTERN)])
    try:
        rust.validate_python(text)
        accepted = True
    except PydanticError:
        accepted = False
    assert accepted == is_clean_text(text)


@given(st.from_regex(TEXT_PATTERN))
def test_what_a_fuzzer_draws_from_the_text_pattern_is_accepted(text):
    assert Schema.model_validate({"name": "x", "note": text}).note == text


# --- dates and moments ---


class Period(CleanTextFormMixin, forms.Form):
    day = VnDateField()
    at = VnDateTimeField(required=False)


@pytest.mark.parametrize("typed", ["01/01/0001", "31/12/9999", "31/12/1899", "01/01/2101"])
def test_a_form_date_outside_the_years_is_a_form_error(typed):
    form = Period({"day": typed, "at": typed + " 23:59"})
    assert not form.is_valid()
    expected = f"Năm phải từ {MIN_YEAR} đến {MAX_YEAR}."
    assert form.errors["day"] == [expected]
    assert form.errors["at"] == [expected]


def test_a_form_date_in_the_years_is_a_local_day_and_moment():
    form = Period({"day": "01/01/1900", "at": "31/12/2100 23:59"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == date(1900, 1, 1)
    at = form.cleaned_data["at"]
    assert at.astimezone(VN_TZ).replace(tzinfo=None) == datetime(2100, 12, 31, 23, 59)


def test_a_badly_typed_date_keeps_its_format_message():
    form = Period({"day": "2025-03-05", "at": "05/03/2025"})
    assert not form.is_valid()
    assert form.errors["day"] == ["Nhập ngày theo dạng dd/mm/yyyy, ví dụ 05/03/2025."]
    assert form.errors["at"] == [
        "Nhập ngày giờ theo dạng dd/mm/yyyy HH:MM, ví dụ 05/03/2025 14:30."
    ]


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ({"on": "0001-01-01"}, "date_range"),
        ({"on": "9999-12-31"}, "date_range"),
        ({"at": "9999-12-31T23:59:59+07:00"}, "date_range"),
        ({"at": "0001-01-01T00:00:00+14:00"}, "date_range"),
        ({"at": "2025-01-06T09:00:00"}, "timezone_aware"),
        ({"at": "hôm qua"}, "datetime_from_date_parsing"),
    ],
)
def test_an_api_date_or_moment_out_of_range_or_without_offset_is_refused(value, kind):
    with pytest.raises(PydanticError) as caught:
        Schema.model_validate({"name": "x", **value})
    assert caught.value.errors()[0]["type"] == kind


def test_an_unencoded_plus_in_a_query_moment_is_put_back():
    at = Schema.model_validate({"name": "x", "at": "2025-01-06T09:00:00 07:00"}).at
    assert at == datetime(2025, 1, 6, 9, tzinfo=VN_TZ)


def _real_day(text: str) -> bool:
    try:
        date.fromisoformat(text[:10])
    except ValueError:
        return False
    return True


@given(st.from_regex(DATE_PATTERN, fullmatch=True).filter(_real_day))
def test_every_date_the_pattern_allows_is_accepted(text):
    assert MIN_YEAR <= Schema.model_validate({"name": "x", "on": text}).on.year <= MAX_YEAR


@given(st.from_regex(MOMENT_PATTERN, fullmatch=True).filter(_real_day))
def test_every_moment_the_pattern_allows_is_accepted(text):
    at = Schema.model_validate({"name": "x", "at": text}).at
    assert at.tzinfo is not None
    assert at.astimezone(VN_TZ).year in range(MIN_YEAR - 1, MAX_YEAR + 2)
