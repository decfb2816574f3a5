"""Framework fixtures of the frameworks tests: a small framework with every kind of node, built
through the framework services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from cchc.parindex.frameworks import FrameworkInfo, Node, framework_replace
from cchc.parindex.models import Criterion, Framework

D = Decimal


def small_nodes() -> list[Node]:
    """Two fields: one with a criterion split in two (self, live linear), one with a live
    thresholds criterion, an appraisal-only one and a survey one."""
    return [
        Node("1", "field", "", D("6.5"), name="Chỉ đạo, điều hành"),
        Node("1.1", "criterion", "1", D("4.5"), name="Kế hoạch CCHC"),
        Node(
            "1.1.1",
            "sub",
            "1.1",
            D("1.25"),
            name="=Ban hành kế hoạch đúng hạn",
            guidance="Đúng hạn: 1,25 điểm.\nChậm: 0.",
            required_evidence="Kế hoạch (số, ngày)",
        ),
        Node(
            "1.1.2",
            "sub",
            "1.1",
            D("3.25"),
            method="live",
            name="Tỷ lệ hồ sơ nộp trực tuyến",
            live_numerator="dossiers_received_online",
            live_denominator="dossiers_received",
            live_rule="linear",
            live_lower=D("0.2000"),
            live_upper=D("0.8250"),
            live_zero="not_applicable",
        ),
        Node("1.2", "criterion", "1", D("2"), method="appraisal", name="Kỷ luật, kỷ cương"),
        Node("2", "field", "", D("5"), name="Tác động"),
        Node(
            "2.1",
            "criterion",
            "2",
            D("3"),
            method="live",
            name="Tỷ lệ đúng hạn",
            live_numerator="dossiers_finished_in_time",
            live_denominator="dossiers_finished",
            live_rule="thresholds",
            live_steps=[["0.9000", "1.00"], ["0.9550", "2.50"], ["1.0000", "3.00"]],
            live_zero="full",
        ),
        Node("2.2", "criterion", "2", D("2"), method="survey", name="Hài lòng (điều tra)"),
    ]


def small_framework(*, year: int = 2025, unit_kind: str = "department") -> Framework:
    info = FrameworkInfo(
        year=year,
        unit_kind=unit_kind,
        name=f"Bộ tiêu chí thử năm {year}",
        period_from=date(year, 1, 1),
        period_to=date(year, 12, 31),
        decision="15/QĐ-UBND",
        decision_date=date(year, 3, 1),
        description="Mô tả\nhai dòng",
        is_sample=False,
        rescale_without_survey=False,
        bands=[["85.5", "Xuất sắc"], [60, "Đạt"], [0, "Chưa đạt"]],
        self_assessment_due=date(year + 1, 1, 15),
        clarification_days=7,
    )
    framework, _created = framework_replace(info, small_nodes(), actor=None)
    return framework


def framework_values(framework: Framework) -> dict:
    """Every stored attribute of a framework and its tree, keyed so that two frameworks
    compare equal exactly when they are the same framework (pks and moments aside)."""
    framework.refresh_from_db()
    skip = {"id", "created_at"}
    own = {
        f.attname: getattr(framework, f.attname)
        for f in Framework._meta.concrete_fields
        if f.attname not in skip
    }
    codes = dict(framework.criteria.values_list("pk", "code"))
    tree = {}
    for c in framework.criteria.all():
        row = {
            f.attname: getattr(c, f.attname)
            for f in Criterion._meta.concrete_fields
            if f.attname not in {"id", "framework_id", "parent_id"}
        }
        row["parent"] = codes.get(c.parent_id)
        tree[c.code] = row
    return {"framework": own, "criteria": tree}


def assert_every_criterion_field_compared() -> None:
    """Guard: a new Criterion column must be added to the import and export."""
    names = {f.attname for f in Criterion._meta.concrete_fields}
    assert names == {
        "id", "framework_id", "parent_id", "level", "code", "name", "max_points", "method",
        "guidance", "required_evidence", "order", "live_numerator", "live_denominator",
        "live_rule", "live_lower", "live_upper", "live_steps", "live_zero",
    }  # fmt: skip
