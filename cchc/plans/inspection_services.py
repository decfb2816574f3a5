"""Reform inspections (kiểm tra CCHC; seeds 000 §2a, 002 II.2.7, 004 VIII.5): the one door for
every change of an ``Inspection`` and its ``Finding`` rows.

- Home Affairs plans an inspection of an agency (planned or unannounced); an agency's reform
  officer or leader records a self-inspection of its own unit;
- the inspection is recorded as done (minute number, conclusion);
- each finding (fault, requirement, due date, evidence) lands in the inspected agency's plan
  as a follow-up task (``cchc.plans.services.task_add``, source "inspection");
- a finding is closed with a note and evidence, which marks its task done (a ``TaskUpdate``
  row in the same transaction); the inspection is closed when every finding is.

Refusals raise ``PlanError(message, field)``; nothing is written (an uploaded file stored
before the refusal is deleted).
"""

from __future__ import annotations

from datetime import date

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from cchc.core.validation import date_range_message, is_clean_text, year_in_range
from cchc.dossiers.uploads import StoredFile, UploadRefused, discard_on_error, store_upload
from cchc.org.models import Agency, User
from cchc.plans.models import Finding, Inspection, InspectionEvent, PlanTask, TaskUpdate
from cchc.plans.services import PlanError, plan_for, task_add

AGENCY_ROLES = (User.Role.REFORM_OFFICER, User.Role.LEADER)
PROVINCE_ROLES = (User.Role.HOME_AFFAIRS,)

MSG_NOT_ALLOWED = _("Bạn không có quyền thực hiện thao tác này với cuộc kiểm tra.")
MSG_SELF_ONLY = _("Cơ quan chỉ tự kiểm tra đơn vị mình: chọn hình thức “Tự kiểm tra”.")
MSG_SELF_HOME_AFFAIRS = _(
    "Sở Nội vụ kiểm tra theo kế hoạch hoặc đột xuất; tự kiểm tra do chính cơ quan ghi nhận."
)
MSG_OWN_UNIT = _("Chỉ được tự kiểm tra cơ quan, đơn vị của mình.")
MSG_KIND = _("Chọn hình thức kiểm tra.")
MSG_AGENCY = _("Chọn cơ quan được kiểm tra.")
MSG_AGENCY_ENDED = _("Cơ quan này đã kết thúc hoạt động, không thể kiểm tra.")
MSG_DATES = _("Ngày kết thúc không được trước ngày bắt đầu.")
MSG_SCOPE = _("Nhập nội dung, phạm vi kiểm tra.")
MSG_TEXT = _("Có ký tự điều khiển không hiển thị được; xoá ký tự đó rồi nhập lại.")
MSG_NOT_PLANNED = _("Cuộc kiểm tra đã được ghi nhận kết quả.")
MSG_MINUTE = _("Nhập số biên bản kiểm tra.")
MSG_CONCLUSION = _("Nhập kết luận kiểm tra.")
MSG_CLOSED = _("Cuộc kiểm tra đã kết thúc, không thể thay đổi.")
MSG_FINDING = _("Nhập tồn tại, hạn chế phát hiện.")
MSG_REQUIREMENT = _("Nhập yêu cầu khắc phục.")
MSG_DUE = _("Hạn khắc phục không được trước ngày bắt đầu kiểm tra.")
MSG_FINDING_CLOSED = _("Tồn tại này đã được khắc phục.")
MSG_CLOSURE_NOTE = _("Nhập kết quả khắc phục.")
MSG_CLOSURE_EVIDENCE = _("Đính kèm tệp hoặc đường dẫn minh chứng kết quả khắc phục.")
MSG_LINK = _("Đường dẫn minh chứng phải bắt đầu bằng http:// hoặc https://.")
MSG_NOT_DONE = _("Chỉ kết thúc cuộc kiểm tra đã được ghi nhận kết quả.")
MSG_OPEN_FINDINGS = _("Còn %(count)s tồn tại chưa khắc phục: chưa thể kết thúc cuộc kiểm tra.")


def _text(value: object, field: str, *, required: object = None) -> str:
    text = str(value or "").strip()
    if required is not None and not text:
        raise PlanError(required, field)
    if not is_clean_text(text):
        raise PlanError(MSG_TEXT, field)
    return text


def _day(value: object, field: str) -> date:
    if not isinstance(value, date) or not year_in_range(value):
        raise PlanError(date_range_message(), field)
    return value


def _link(value: object, field: str) -> str:
    link = _text(value, field)
    if link and not link.lower().startswith(("http://", "https://")):
        raise PlanError(MSG_LINK, field)
    if len(link) > 1000:
        raise PlanError(MSG_LINK, field)
    return link


def _store(file: UploadedFile | None, field: str) -> StoredFile | None:
    if not file:
        return None
    try:
        return store_upload(file)
    except UploadRefused as refused:
        raise PlanError("; ".join(refused.messages), field) from refused


def _actor_name(actor: User) -> str:
    return actor.get_full_name() if getattr(actor, "is_authenticated", False) else ""


def is_inspector(inspection: Inspection, actor: User) -> bool:
    """May ``actor`` run ``inspection`` (record it, add findings, close it)? Home Affairs for
    planned and unannounced ones; the agency's reform officer or leader for its self-inspection."""
    if not getattr(actor, "is_authenticated", False) or actor.agency_id is None:
        return False
    if inspection.kind == Inspection.Kind.SELF:
        return actor.role in AGENCY_ROLES and actor.agency.unit.pk == inspection.agency_id
    return actor.role in PROVINCE_ROLES


def is_inspected(inspection: Inspection, actor: User) -> bool:
    """Does ``actor`` answer for the inspected agency (its reform officer or leader)?"""
    return (
        getattr(actor, "is_authenticated", False)
        and actor.agency_id is not None
        and actor.role in AGENCY_ROLES
        and actor.agency.unit.pk == inspection.agency_id
    )


def may_plan(actor: User) -> bool:
    return (
        getattr(actor, "is_authenticated", False)
        and actor.agency_id is not None
        and actor.role in (*PROVINCE_ROLES, *AGENCY_ROLES)
    )


def inspection_plan(
    *,
    actor: User,
    agency: Agency | None,
    kind: str,
    date_from: date,
    date_to: date,
    scope: str,
    members: str = "",
) -> Inspection:
    """Plan an inspection of ``agency``'s unit: Home Affairs plans a planned or unannounced
    one; an agency's reform officer or leader records a self-inspection of its own unit."""
    if not may_plan(actor):
        raise PlanError(MSG_NOT_ALLOWED)
    if kind not in Inspection.Kind.values:
        raise PlanError(MSG_KIND, "kind")
    if actor.role in PROVINCE_ROLES:
        if kind == Inspection.Kind.SELF:
            raise PlanError(MSG_SELF_HOME_AFFAIRS, "kind")
    elif kind != Inspection.Kind.SELF:
        raise PlanError(MSG_SELF_ONLY, "kind")
    if agency is None:
        raise PlanError(MSG_AGENCY, "agency")
    unit = agency.unit
    if actor.role in AGENCY_ROLES and unit.pk != actor.agency.unit.pk:
        raise PlanError(MSG_OWN_UNIT, "agency")
    date_from = _day(date_from, "date_from")
    date_to = _day(date_to, "date_to")
    if date_to < date_from:
        raise PlanError(MSG_DATES, "date_to")
    if not unit.is_active_on(date_from):
        raise PlanError(MSG_AGENCY_ENDED, "agency")
    scope = _text(scope, "scope", required=MSG_SCOPE)
    members = _text(members, "members")
    with transaction.atomic():
        inspection = Inspection.objects.create(
            year=date_from.year,
            kind=kind,
            agency=unit,
            inspector=actor.agency.unit,
            date_from=date_from,
            date_to=date_to,
            scope=scope,
            members=members,
            created_by=actor,
        )
        _event(inspection, actor, "plan", "", note=f"{date_from:%d/%m/%Y}–{date_to:%d/%m/%Y}")
        return inspection


def _event(
    inspection: Inspection, actor: User, action: str, from_status: str, *, note: str = ""
) -> None:
    """Append one row to the inspection's history (the caller holds its lock)."""
    last = inspection.events.order_by("-seq").values_list("seq", flat=True).first() or 0
    InspectionEvent.objects.create(
        inspection=inspection,
        seq=last + 1,
        action=action,
        actor=actor,
        actor_name=_actor_name(actor),
        from_status=from_status,
        to_status=inspection.status,
        note=note,
        at=timezone.now(),
    )


def _locked(inspection: Inspection, actor: User) -> Inspection:
    inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
    if not is_inspector(inspection, actor):
        raise PlanError(MSG_NOT_ALLOWED)
    if inspection.status == Inspection.Status.CLOSED:
        raise PlanError(MSG_CLOSED)
    return inspection


def inspection_record(
    inspection: Inspection, *, actor: User, minute_number: str, conclusion: str
) -> Inspection:
    """The inspection took place: its minute number and conclusion."""
    minute_number = _text(minute_number, "minute_number", required=MSG_MINUTE)
    if len(minute_number) > 50:
        raise PlanError(MSG_MINUTE, "minute_number")
    conclusion = _text(conclusion, "conclusion", required=MSG_CONCLUSION)
    with transaction.atomic():
        inspection = _locked(inspection, actor)
        if inspection.status != Inspection.Status.PLANNED:
            raise PlanError(MSG_NOT_PLANNED)
        inspection.minute_number = minute_number
        inspection.conclusion = conclusion
        inspection.status = Inspection.Status.DONE
        inspection.save(update_fields=["minute_number", "conclusion", "status"])
        _event(inspection, actor, "record", Inspection.Status.PLANNED, note=minute_number)
        return inspection


def finding_add(
    inspection: Inspection,
    *,
    actor: User,
    content: str,
    requirement: str,
    due_date: date,
    evidence_link: str = "",
    evidence_file: UploadedFile | None = None,
) -> Finding:
    """A fault the inspection found, with its follow-up task in the inspected agency's plan of
    the due date's year (due on the finding's due date)."""
    content = _text(content, "content", required=MSG_FINDING)
    requirement = _text(requirement, "requirement", required=MSG_REQUIREMENT)
    due_date = _day(due_date, "due_date")
    evidence_link = _link(evidence_link, "evidence_link")
    stored: list[StoredFile] = []
    with discard_on_error(stored), transaction.atomic():
        inspection = _locked(inspection, actor)
        if due_date < inspection.date_from:
            raise PlanError(MSG_DUE, "due_date")
        file = _store(evidence_file, "evidence_file")
        if file:
            stored.append(file)
        plan = plan_for(inspection.agency, due_date.year, actor=actor)
        task = task_add(
            plan,
            content=requirement,
            due_date=due_date,
            timing=PlanTask.Timing.DATE,
            timing_text=f"{due_date:%d/%m/%Y}",
            lead_agency=inspection.agency,
            source=PlanTask.Source.INSPECTION,
            actor=actor,
            note=_g("Khắc phục tồn tại qua kiểm tra CCHC ngày %(day)s: %(content)s")
            % {"day": f"{inspection.date_from:%d/%m/%Y}", "content": content},
        )
        finding = Finding.objects.create(
            inspection=inspection,
            content=content,
            requirement=requirement,
            due_date=due_date,
            evidence_link=evidence_link,
            evidence_file=file.name if file else "",
            evidence_name=file.original_name if file else "",
            task=task,
            order=inspection.findings.count() + 1,
        )
        _event(inspection, actor, "finding_add", inspection.status, note=content)
        return finding


def finding_close(
    finding: Finding,
    *,
    actor: User,
    note: str,
    link: str = "",
    file: UploadedFile | None = None,
) -> Finding:
    """The fault is remedied: the closure note and its evidence (a link or a file); the
    follow-up task is marked done."""
    note = _text(note, "note", required=MSG_CLOSURE_NOTE)
    link = _link(link, "link")
    if not link and not file:
        raise PlanError(MSG_CLOSURE_EVIDENCE, "file")
    stored: list[StoredFile] = []
    with discard_on_error(stored), transaction.atomic():
        finding = (
            Finding.objects.select_for_update().select_related("inspection").get(pk=finding.pk)
        )
        inspection = finding.inspection
        if not (is_inspector(inspection, actor) or is_inspected(inspection, actor)):
            raise PlanError(MSG_NOT_ALLOWED)
        if inspection.status == Inspection.Status.CLOSED:
            raise PlanError(MSG_CLOSED)
        if finding.status == Finding.Status.CLOSED:
            raise PlanError(MSG_FINDING_CLOSED)
        kept = _store(file, "file")
        if kept:
            stored.append(kept)
        now = timezone.now()
        finding.status = Finding.Status.CLOSED
        finding.closure_note = note
        finding.closure_link = link
        finding.closure_file = kept.name if kept else ""
        finding.closure_name = kept.original_name if kept else ""
        finding.closed_at = now
        finding.save()
        if finding.task_id:
            task = PlanTask.objects.select_for_update().get(pk=finding.task_id)
            before = task.status
            task.status = PlanTask.Status.DONE
            task.progress = 100
            task.done_at = now
            task.save(update_fields=["status", "progress", "done_at", "updated_at"])
            TaskUpdate.objects.create(
                task=task,
                actor=actor,
                actor_name=_actor_name(actor),
                at=now,
                from_status=before,
                to_status=task.status,
                progress=100,
                note=note,
                link=link,
                file=kept.name if kept else "",
                original_name=kept.original_name if kept else "",
            )
        locked = Inspection.objects.select_for_update().get(pk=inspection.pk)
        _event(locked, actor, "finding_close", locked.status, note=finding.content)
        return finding


def inspection_close(inspection: Inspection, *, actor: User) -> Inspection:
    """The inspection ends when it was recorded and every finding is remedied."""
    with transaction.atomic():
        inspection = _locked(inspection, actor)
        if inspection.status != Inspection.Status.DONE:
            raise PlanError(MSG_NOT_DONE)
        still_open = inspection.findings.filter(status=Finding.Status.OPEN).count()
        if still_open:
            raise PlanError(str(MSG_OPEN_FINDINGS) % {"count": still_open})
        inspection.status = Inspection.Status.CLOSED
        inspection.closed_at = timezone.now()
        inspection.save(update_fields=["status", "closed_at"])
        _event(inspection, actor, "close", Inspection.Status.DONE)
        return inspection
