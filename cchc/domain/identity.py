"""The personal identification number (số định danh cá nhân) printed on the citizen ID card
(căn cước công dân, CCCD) — 12 digits with a fixed structure.

Source: Decree 137/2015/NĐ-CP Art. 13 and Circular 07/2016/TT-BCA (Art. 7 and Appendix I),
whose structure the Law on Identification 2023 (Luật Căn cước, Art. 12) keeps:

* digits 1–3: the code of the province (tỉnh, thành phố trực thuộc trung ương) where the
  birth was registered — one of the 63 codes of Appendix I (001 Hà Nội … 096 Cà Mau; the
  2025 provincial mergers did not renumber issued IDs);
* digit 4: century of birth and sex — 0/1 male/female born 1900–1999, 2/3 born 2000–2099,
  4/5 in the 2100s, 6/7 in the 2200s, 8/9 in the 2300s;
* digits 5–6: the last two digits of the year of birth;
* digits 7–12: a random serial.

Decree 137/2015 also allows a *country* code for a birth registered abroad; that list is not
published with the province codes and is not accepted here (such applicants are served at the
counter). Only the structure is checked: whether a number was really issued is known only to
the national population database (Cơ sở dữ liệu quốc gia về dân cư).

Pure Python: ``today`` is a parameter, the messages shown to people live in the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

LENGTH = 12
# Nobody alive was born longer ago than this; a birth year further back is a typing error.
MAX_AGE_YEARS = 120

# Circular 07/2016/TT-BCA, Appendix I: province (birth registration) codes.
PROVINCE_CODES: dict[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu",
    "079": "Thành phố Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"


class CitizenIdProblem(StrEnum):
    """Why a number is not a well-formed personal identification number."""

    FORMAT = "format"  # not exactly 12 ASCII digits
    PROVINCE = "province"  # digits 1–3 are not a province code
    BIRTH_YEAR = "birth_year"  # digits 4–6 give a birth year in the future or too far back


class InvalidCitizenId(ValueError):
    def __init__(self, problem: CitizenIdProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


@dataclass(frozen=True)
class CitizenId:
    number: str
    province_code: str
    sex: Sex
    birth_year: int
    serial: str

    @property
    def province_name(self) -> str:
        return PROVINCE_CODES[self.province_code]


def century_sex_digit(sex: Sex, birth_year: int) -> str:
    """Digit 4 for a person of ``sex`` born in ``birth_year`` (1900–2399)."""
    if not 1900 <= birth_year <= 2399:
        raise ValueError(f"no century code for {birth_year}")
    return str((birth_year // 100 - 19) * 2 + (1 if sex is Sex.FEMALE else 0))


def citizen_id_make(*, province_code: str, sex: Sex, birth_year: int, serial: str) -> str:
    """The number with these parts (for tests and demo data)."""
    if province_code not in PROVINCE_CODES:
        raise ValueError(f"unknown province code {province_code!r}")
    if len(serial) != 6 or not (serial.isascii() and serial.isdigit()):
        raise ValueError("the serial is six digits")
    return f"{province_code}{century_sex_digit(sex, birth_year)}{birth_year % 100:02d}{serial}"


def citizen_id_parse(value: str, *, today: date) -> CitizenId:
    """The parts of ``value``, or ``InvalidCitizenId`` with the first problem found."""
    if len(value) != LENGTH or not (value.isascii() and value.isdigit()):
        raise InvalidCitizenId(CitizenIdProblem.FORMAT)
    province = value[:3]
    if province not in PROVINCE_CODES:
        raise InvalidCitizenId(CitizenIdProblem.PROVINCE)
    code = int(value[3])
    birth_year = 1900 + 100 * (code // 2) + int(value[4:6])
    if birth_year > today.year or birth_year < today.year - MAX_AGE_YEARS:
        raise InvalidCitizenId(CitizenIdProblem.BIRTH_YEAR)
    return CitizenId(
        number=value,
        province_code=province,
        sex=Sex.FEMALE if code % 2 else Sex.MALE,
        birth_year=birth_year,
        serial=value[6:],
    )


def citizen_id_problem(value: str, *, today: date) -> CitizenIdProblem | None:
    """``None`` for a well-formed number, else what is wrong with it."""
    try:
        citizen_id_parse(value, today=today)
    except InvalidCitizenId as error:
        return error.problem
    return None


# --- Phone numbers and tax codes ------------------------------------------------------------

PHONE_LENGTH = 10
_PHONE_NOISE = frozenset(" .-()\t")


def normalize_phone(raw: str | None) -> str:
    """``0912 345 678``, ``0912.345.678`` and ``+84 912 345 678`` all become ``0912345678``
    (Vietnamese numbers: 10 digits with a leading 0 — DOMAIN A10). Anything else comes back
    without its separators, to be judged by ``phone_ok``."""
    compact = "".join(ch for ch in (raw or "") if ch not in _PHONE_NOISE)
    if compact.startswith("+84"):
        compact = "0" + compact[3:]
    elif compact.startswith("84") and len(compact) == PHONE_LENGTH + 1:
        compact = "0" + compact[2:]
    return compact


def phone_ok(value: str) -> bool:
    """A normalised Vietnamese phone number: 10 ASCII digits starting with 0."""
    return len(value) == PHONE_LENGTH and value.isascii() and value.isdigit() and value[0] == "0"


def tax_code_ok(value: str) -> bool:
    """An enterprise tax code (mã số thuế): 10 digits, or 13 for a branch, written with or
    without a "-" before the last 3 (Circular 105/2020/TT-BTC)."""
    if len(value) == 13 and value.isascii() and value.isdigit():
        return True
    head, dash, branch = value.partition("-")
    if not (len(head) == 10 and head.isascii() and head.isdigit()):
        return False
    if not dash:
        return True
    return len(branch) == 3 and branch.isascii() and branch.isdigit()


class ApplicantIdProblem(StrEnum):
    CITIZEN_ID_FORMAT = "citizen_id_format"
    CITIZEN_ID_PROVINCE = "citizen_id_province"
    CITIZEN_ID_BIRTH_YEAR = "citizen_id_birth_year"
    TAX_CODE = "tax_code"


def applicant_id_problem(kind: str, number: str, *, today: date) -> ApplicantIdProblem | None:
    """What is wrong with an applicant's identification: a CCCD for a person, a tax code for
    an organisation (``kind`` "person" or "organization"); ``None`` when it is well formed."""
    if kind == "organization":
        return None if tax_code_ok(number) else ApplicantIdProblem.TAX_CODE
    problem = citizen_id_problem(number, today=today)
    if problem is None:
        return None
    return ApplicantIdProblem(f"citizen_id_{problem.value}")
