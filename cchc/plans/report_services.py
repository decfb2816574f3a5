"""Periodic reports (báo cáo định kỳ): the one door for every change of a ``PeriodicReport``.

A unit's reform officer or leader opens the report of a period (a draft showing live figures),
writes its narrative (results, limitations and causes, proposals), its number, recipients and
signer, and submits it to the Department of Home Affairs: the figures are frozen then
(``snapshot``, ``snapshot_at``). Home Affairs returns it with a comment (the unit revises and
submits again: a new snapshot) or accepts it. Home Affairs writes the province's report the same
way: its figures are the province-wide live figures plus every unit's submitted or accepted
snapshot, its narrative carries the units' narratives by agency.

Each action is atomic on the locked row, checked against ``TRANSITIONS``, writes a
``ReportEvent`` and queues internal notices in the outbox. A refusal raises ``PlanError``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from cchc.core.models import OutboxMessage
from cchc.core.outbox import outbox_enqueue_many
from cchc.core.validation import is_clean_text, scrub_text
from cchc.org.models import Agency, User
from cchc.org.selectors import agency_scope_root
from cchc.plans.models import MAX_YEAR, MIN_YEAR, Period, PeriodicReport, ReportEvent
from cchc.plans.report_figures import report_figures
from cchc.plans.services import PlanError

S = PeriodicReport.Status
OPEN, SAVE, SUBMIT, RETURN, ACCEPT = "open", "save", "submit", "return", "accept"
# action → the statuses it may start from, and where it leads.
TRANSITIONS: dict[str, tuple[frozenset[str], str | None]] = {
    SAVE: (frozenset({S.DRAFT, S.RETURNED}), None),
    SUBMIT: (frozenset({S.DRAFT, S.RETURNED}), S.SUBMITTED),
    RETURN: (frozenset({S.SUBMITTED}), S.RETURNED),
    ACCEPT: (frozenset({S.SUBMITTED}), S.ACCEPTED),
}
ACTION_LABELS = {
    OPEN: _("Lập báo cáo"),
    SAVE: _("Lưu nội dung"),
    SUBMIT: _("Gửi báo cáo"),
    RETURN: _("Trả lại để chỉnh sửa"),
    ACCEPT: _("Tiếp nhận"),
}
UNIT_ROLES = frozenset({User.Role.REFORM_OFFICER, User.Role.LEADER})
NARRATIVE_MAX = 20000
RECIPIENTS_MAX = 2000
LIMITS = {"number": 50, "signer_name": 150, "signer_title": 150}

MSG_PERIOD = _("Chọn kỳ báo cáo: quý I, 6 tháng, 9 tháng hoặc năm.")
MSG_YEAR = _("Năm phải trong khoảng 2000–2100.")
MSG_FORBIDDEN = _("Bạn không có quyền thực hiện thao tác này với báo cáo.")
MSG_STATE = _("Báo cáo đang ở trạng thái “%(status)s”, không thể thực hiện thao tác này.")
MSG_COMMENT = _("Nhập ý kiến của Sở Nội vụ khi trả lại báo cáo.")
MSG_TOO_LONG = _("Nội dung quá dài (tối đa %(max)s ký tự).")
MSG_CONTROL = _("Nội dung có ký tự điều khiển không hợp lệ.")
MSG_EMPTY = _("Nhập kết quả đạt được trước khi gửi báo cáo.")
MSG_SIGNER = _("Nhập người ký và chức vụ người ký trước khi gửi báo cáo.")

NOTICE_SUBMITTED = _("%(agency)s đã gửi báo cáo %(period)s năm %(year)s.")
NOTICE_RETURNED = _("Sở Nội vụ trả lại báo cáo %(period)s năm %(year)s để chỉnh sửa.")
NOTICE_ACCEPTED = _("Sở Nội vụ đã tiếp nhận báo cáo %(period)s năm %(year)s.")


def is_province(agency: Agency) -> bool:
    return agency.level == Agency.Level.PROVINCE


def province_agency() -> Agency | None:
    return Agency.objects.filter(level=Agency.Level.PROVINCE).order_by("path").first()


def is_home_affairs(user: object) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and (user.is_superuser or user.role == User.Role.HOME_AFFAIRS)
    )


def may_write(user: object, agency: Agency) -> bool:
    """The unit's reform officer or leader writes its report; Home Affairs the province's."""
    if is_province(agency):
        return is_home_affairs(user)
    if not getattr(user, "is_authenticated", False) or user.role not in UNIT_ROLES:
        return False
    root = agency_scope_root(user)
    return root is not None and root.pk == agency.pk


def _clean(value: object, limit: int) -> str:
    text = str(value or "").replace("\r\n", "\n").strip()
    if not is_clean_text(text):
        raise PlanError(MSG_CONTROL)
    if len(text) > limit:
        raise PlanError(_g(str(MSG_TOO_LONG)) % {"max": f"{limit:,}".replace(",", ".")})
    return scrub_text(text)


def _event(
    report: PeriodicReport, actor: object, action: str, from_status: str, note: str = ""
) -> ReportEvent:
    last = report.events.order_by("-seq").values_list("seq", flat=True).first() or 0
    person = actor if getattr(actor, "is_authenticated", False) else None
    return ReportEvent.objects.create(
        report=report,
        seq=last + 1,
        action=action,
        actor=person,
        actor_name=person.get_full_name() if person else "",
        from_status=from_status,
        to_status=report.status,
        note=note,
        at=timezone.now(),
    )


def _notify(report: PeriodicReport, users: Iterable[User], subject: object, kind: str) -> None:
    text = _g(str(subject)) % {
        "agency": report.agency.name,
        "period": report.get_period_display(),
        "year": report.year,
    }
    seq = report.events.count()
    outbox_enqueue_many(
        [
            {
                "channel": OutboxMessage.Channel.INTERNAL,
                "recipient": user.username,
                "subject": text,
                "body": text,
                "template": f"plans_report_{kind}",
                "dedupe_key": f"plans-report:{report.pk}:{kind}:{seq}:{user.pk}",
                "user": user,
            }
            for user in users
        ]
    )


def _unit_people(report: PeriodicReport) -> Iterable[User]:
    return User.objects.filter(
        is_active=True, role__in=UNIT_ROLES, agency__path__startswith=report.agency.path
    ).only("pk", "username")


def _home_affairs() -> Iterable[User]:
    return User.objects.filter(is_active=True, role=User.Role.HOME_AFFAIRS).only("pk", "username")


def _locked(report: PeriodicReport, action: str) -> PeriodicReport:
    report = PeriodicReport.objects.select_for_update().select_related("agency").get(pk=report.pk)
    allowed, _target = TRANSITIONS[action]
    if report.status not in allowed:
        raise PlanError(_g(str(MSG_STATE)) % {"status": report.get_status_display()})
    return report


def report_open(agency: Agency, year: int, period: str, actor: object) -> PeriodicReport:
    """The unit's (or the province's) report of ``period`` of ``year``: a new draft the first
    time, the existing one after."""
    if period not in Period.values:
        raise PlanError(MSG_PERIOD, "period")
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise PlanError(MSG_YEAR, "year") from None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PlanError(MSG_YEAR, "year")
    unit = agency.unit
    if not may_write(actor, unit):
        raise PlanError(MSG_FORBIDDEN)
    with transaction.atomic():
        report, created = PeriodicReport.objects.get_or_create(
            agency=unit, year=year, period=period
        )
        if created:
            _event(report, actor, OPEN, "")
    return report


def report_save(
    report: PeriodicReport,
    *,
    actor: object,
    results: str = "",
    limitations: str = "",
    proposals: str = "",
    number: str = "",
    recipients: str = "",
    signer_name: str = "",
    signer_title: str = "",
) -> PeriodicReport:
    """Write the narrative and the document's details of a draft or returned report."""
    values = {
        "results": _clean(results, NARRATIVE_MAX),
        "limitations": _clean(limitations, NARRATIVE_MAX),
        "proposals": _clean(proposals, NARRATIVE_MAX),
        "recipients": _clean(recipients, RECIPIENTS_MAX),
        **{
            name: _clean(value, LIMITS[name])
            for name, value in (
                ("number", number),
                ("signer_name", signer_name),
                ("signer_title", signer_title),
            )
        },
    }
    with transaction.atomic():
        report = _locked(report, SAVE)
        if not may_write(actor, report.agency):
            raise PlanError(MSG_FORBIDDEN)
        for name, value in values.items():
            setattr(report, name, value)
        report.save()
        _event(report, actor, SAVE, report.status)
    return report


def consolidated(year: int, period: str, *, exclude: Agency | None = None) -> list[dict]:
    """Every unit's submitted or accepted report of the period: its frozen figures and its
    narrative, in the order of the organisation tree."""
    reports = (
        PeriodicReport.objects.filter(
            year=year, period=period, status__in=(S.SUBMITTED, S.ACCEPTED)
        )
        .exclude(agency__level=Agency.Level.PROVINCE)
        .select_related("agency")
        .order_by("agency__path")
    )
    if exclude is not None:
        reports = reports.exclude(agency=exclude)
    return [
        {
            "code": r.agency.code,
            "name": r.agency.name,
            "status": r.status,
            "number": r.number,
            "snapshot_at": r.snapshot_at.isoformat() if r.snapshot_at else None,
            "one_stop": r.snapshot.get("one_stop", {}),
            "feedback": r.snapshot.get("feedback", {}),
            "plan": r.snapshot.get("plan", {}),
            "results": r.results,
            "limitations": r.limitations,
            "proposals": r.proposals,
        }
        for r in reports
    ]


def live_figures(report: PeriodicReport, *, now: datetime | None = None) -> dict:
    """The figures the report would freeze now (the province's with the units' reports)."""
    figures = report_figures(report.agency, report.year, report.period, now=now)
    if is_province(report.agency):
        figures["agencies"] = consolidated(report.year, report.period)
    return figures


def figures_of(report: PeriodicReport) -> dict:
    """The frozen figures once submitted, the live ones while a draft or returned."""
    if report.status in (S.SUBMITTED, S.ACCEPTED) and report.snapshot:
        return report.snapshot
    return live_figures(report)


def report_submit(report: PeriodicReport, *, actor: object) -> PeriodicReport:
    """Freeze the figures and send the report to Home Affairs (again, after a return)."""
    with transaction.atomic():
        report = _locked(report, SUBMIT)
        if not may_write(actor, report.agency):
            raise PlanError(MSG_FORBIDDEN)
        if not report.results.strip():
            raise PlanError(MSG_EMPTY, "results")
        if not report.signer_name.strip() or not report.signer_title.strip():
            raise PlanError(MSG_SIGNER, "signer_name")
        now = timezone.now()
        from_status = report.status
        report.snapshot = live_figures(report, now=now)
        report.snapshot_at = now
        report.submitted_at = now
        report.status = S.SUBMITTED
        report.save()
        _event(report, actor, SUBMIT, from_status)
        if not is_province(report.agency):
            _notify(report, _home_affairs(), NOTICE_SUBMITTED, "submitted")
    return report


def report_return(report: PeriodicReport, *, actor: object, comment: str) -> PeriodicReport:
    """Home Affairs sends a submitted report back with its comment."""
    comment = _clean(comment, NARRATIVE_MAX)
    if not comment:
        raise PlanError(MSG_COMMENT, "comment")
    return _review(report, actor, RETURN, comment)


def report_accept(report: PeriodicReport, *, actor: object, comment: str = "") -> PeriodicReport:
    """Home Affairs accepts a submitted report."""
    return _review(report, actor, ACCEPT, _clean(comment, NARRATIVE_MAX))


def _review(report: PeriodicReport, actor: object, action: str, comment: str) -> PeriodicReport:
    if not is_home_affairs(actor):
        raise PlanError(MSG_FORBIDDEN)
    with transaction.atomic():
        report = _locked(report, action)
        if is_province(report.agency):
            raise PlanError(MSG_FORBIDDEN)
        from_status = report.status
        report.status = TRANSITIONS[action][1]
        report.review_comment = comment
        report.reviewed_at = timezone.now()
        report.save()
        _event(report, actor, action, from_status, comment)
        notice = NOTICE_RETURNED if action == RETURN else NOTICE_ACCEPTED
        _notify(report, _unit_people(report), notice, action)
    return report
