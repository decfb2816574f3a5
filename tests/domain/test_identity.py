"""The citizen ID number (CCCD): examples from the scheme, then properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cchc.domain.identity import (
    MAX_AGE_YEARS,
    PROVINCE_CODES,
    CitizenIdProblem,
    InvalidCitizenId,
    Sex,
    century_sex_digit,
    citizen_id_make,
    citizen_id_parse,
    citizen_id_problem,
)

TODAY = date(2026, 11, 29)
DIGITS = "0123456789"


def test_the_scheme_has_the_63_province_codes_between_001_and_096():
    assert len(PROVINCE_CODES) == 63
    assert min(PROVINCE_CODES) == "001" and max(PROVINCE_CODES) == "096"
    assert PROVINCE_CODES["079"] == "Thành phố Hồ Chí Minh"
    assert "003" not in PROVINCE_CODES and "097" not in PROVINCE_CODES


def test_a_hanoi_man_born_in_2003_reads_back():
    parsed = citizen_id_parse("001203004567", today=TODAY)
    assert parsed.province_code == "001" and parsed.province_name == "Hà Nội"
    assert parsed.sex is Sex.MALE and parsed.birth_year == 2003
    assert parsed.serial == "004567"


def test_a_ninh_binh_woman_born_in_1990_reads_back():
    parsed = citizen_id_parse("037190001234", today=TODAY)
    assert (parsed.sex, parsed.birth_year, parsed.province_name) == (Sex.FEMALE, 1990, "Ninh Bình")


@pytest.mark.parametrize(
    ("sex", "year", "digit"),
    [
        (Sex.MALE, 1999, "0"),
        (Sex.FEMALE, 1900, "1"),
        (Sex.MALE, 2000, "2"),
        (Sex.FEMALE, 2099, "3"),
        (Sex.MALE, 2100, "4"),
        (Sex.FEMALE, 2399, "9"),
    ],
)
def test_the_fourth_digit_encodes_century_and_sex(sex, year, digit):
    assert century_sex_digit(sex, year) == digit


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("00120300456", CitizenIdProblem.FORMAT),  # 11 digits
        ("0012030045678", CitizenIdProblem.FORMAT),  # 13 digits
        ("001 03004567", CitizenIdProblem.FORMAT),
        ("００１２０３００４５６７", CitizenIdProblem.FORMAT),  # full-width digits
        ("", CitizenIdProblem.FORMAT),
        ("000203004567", CitizenIdProblem.PROVINCE),
        ("003203004567", CitizenIdProblem.PROVINCE),
        ("097203004567", CitizenIdProblem.PROVINCE),
        ("001227004567", CitizenIdProblem.BIRTH_YEAR),  # born in 2027, after "today"
        ("001403004567", CitizenIdProblem.BIRTH_YEAR),  # 22nd century
        ("001005004567", CitizenIdProblem.BIRTH_YEAR),  # 1905: older than anyone alive
    ],
)
def test_malformed_numbers_name_their_problem(number, problem):
    assert citizen_id_problem(number, today=TODAY) is problem
    with pytest.raises(InvalidCitizenId) as caught:
        citizen_id_parse(number, today=TODAY)
    assert caught.value.problem is problem


def test_a_child_born_this_year_is_valid():
    assert citizen_id_problem("001326000001", today=TODAY) is None


# --- properties ------------------------------------------------------------------------------

valid_parts = st.fixed_dictionaries(
    {
        "province_code": st.sampled_from(sorted(PROVINCE_CODES)),
        "sex": st.sampled_from(list(Sex)),
        "birth_year": st.integers(TODAY.year - MAX_AGE_YEARS, TODAY.year),
        "serial": st.text(DIGITS, min_size=6, max_size=6),
    }
)


@given(valid_parts)
def test_every_generated_valid_number_passes_and_reads_back(parts):
    number = citizen_id_make(**parts)
    parsed = citizen_id_parse(number, today=TODAY)
    assert citizen_id_problem(number, today=TODAY) is None
    assert (parsed.province_code, parsed.sex, parsed.birth_year, parsed.serial) == (
        parts["province_code"],
        parts["sex"],
        parts["birth_year"],
        parts["serial"],
    )


@given(valid_parts, st.integers(0, 2), st.sampled_from(DIGITS))
def test_changing_a_province_digit_to_an_unknown_code_fails(parts, position, digit):
    number = citizen_id_make(**parts)
    changed = number[:position] + digit + number[position + 1 :]
    assume(changed[:3] not in PROVINCE_CODES)
    assert citizen_id_problem(changed, today=TODAY) is CitizenIdProblem.PROVINCE


@given(valid_parts, st.integers(0, 11), st.characters(exclude_characters=DIGITS))
def test_a_non_digit_anywhere_fails(parts, position, char):
    number = citizen_id_make(**parts)
    changed = number[:position] + char + number[position + 1 :]
    assert citizen_id_problem(changed, today=TODAY) is CitizenIdProblem.FORMAT


@given(st.text(DIGITS, max_size=30).filter(lambda s: len(s) != 12))
def test_any_other_length_fails(number):
    assert citizen_id_problem(number, today=TODAY) is CitizenIdProblem.FORMAT


@given(valid_parts, st.integers(1, 300))
def test_a_birth_year_after_today_fails(parts, years_ahead):
    year = TODAY.year + years_ahead
    assume(year <= 2399)
    number = citizen_id_make(**{**parts, "birth_year": year})
    assert citizen_id_problem(number, today=TODAY) is CitizenIdProblem.BIRTH_YEAR
