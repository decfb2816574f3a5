"""The sample frameworks shipped with the platform (issue 12 §1): one for departments and one
for communes on the eight provincial fields (30 of 100 points from the sociological survey,
rescaled to 100 without it — Hà Nội's practice, DOMAIN B §6.3), and one provincial framework
on the eight fields of Decision 876/QĐ-BNV (68 points appraised, 32 from the survey) whose
field maxima follow the previous cycle's shape, as those of 876 were not found (B §6.2).

Each is data (``<unit kind>.json``: the cells of the two sheets of the framework workbook) and
is loaded through the Excel import's checks and writer (``cchc.parindex.excel.import_rows``),
so a sample obeys exactly the rules a province's own file does. Each says in its description
that it is a sample to be replaced by the province's decision."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path

from cchc.org.models import User
from cchc.parindex.excel import CRITERIA_COLUMNS, INFO_ROWS, FrameworkImport, import_rows
from cchc.parindex.models import UnitKind

SAMPLE_KINDS = (UnitKind.DEPARTMENT, UnitKind.COMMUNE, UnitKind.PROVINCE)
HERE = Path(__file__).resolve().parent


@cache
def sample_data(unit_kind: str) -> dict:
    return json.loads((HERE / f"{unit_kind}.json").read_text(encoding="utf-8"))


def sample_load(unit_kind: str, *, year: int, actor: User | None = None) -> FrameworkImport:
    """The sample framework of ``unit_kind`` for ``year`` (period 01/01–31/12, self-assessment
    due 15/01 of the next year), created — or replacing that year's draft framework."""
    data = sample_data(unit_kind)
    info = dict(data["info"])
    values = {
        "year": year,
        "unit_kind": data["unit_kind"],
        "name": info["name"].format(year=year),
        "decision": info.get("decision", ""),
        "decision_date": info.get("decision_date", ""),
        "description": info["description"],
        "is_sample": "x",
        "period_from": f"01/01/{year}",
        "period_to": f"31/12/{year}",
        "self_assessment_due": f"15/01/{year + 1}",
        "clarification_days": 5,
        "rescale_without_survey": "x",
        "bands": "",
    }
    info_rows = [
        (number, (label, values[key]))
        for number, (key, label, _required) in enumerate(INFO_ROWS, start=2)
    ]
    keys = [key for key, _header in CRITERIA_COLUMNS]
    criteria_rows = [
        (number, tuple(row.get(key, "") for key in keys))
        for number, row in enumerate(data["criteria"], start=2)
    ]
    return import_rows(info_rows, criteria_rows, actor=actor)


def sample_period(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)
