"""Progress of plan tasks: the lead agency's updates with evidence, the job flagging late tasks
and reminding, and the PAR Index's remediation tasks landing in the plans.

Refusals raise ``PlanError(message, field)``; nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from cchc.core.calendar import current_calendar
from cchc.core.models import OutboxMessage
from cchc.core.outbox import outbox_enqueue_many
from cchc.domain import plan_progress
from cchc.dossiers.uploads import UploadRefused, delete_stored, store_upload
from cchc.org.models import Agency, User
from cchc.parindex.models import RemediationTask
from cchc.plans import services
from cchc.plans.excel.layout import cell_names_agency
from cchc.plans.models import Area, PlanTask, TaskUpdate
from cchc.plans.services import PlanError

REMIND_WORKING_DAYS = 2

MSG_NOT_ALLOWED = _("Chỉ cơ quan chủ trì hoặc Sở Nội vụ được cập nhật tiến độ nhiệm vụ này.")
MSG_STATUS = _("Không chuyển được nhiệm vụ từ trạng thái “%(current)s” sang “%(requested)s”.")
MSG_PROGRESS = _("Tiến độ phải là số nguyên từ 0 đến 100.")
MSG_FULL_NOT_DONE = _("Tiến độ 100% thì chọn trạng thái “Đã hoàn thành”.")
MSG_DONE_EVIDENCE = _(
    "Nhiệm vụ hoàn thành cần minh chứng: ghi chú, đường dẫn, số văn bản hoặc tệp đính kèm."
)
MSG_CANCEL_NOTE = _("Huỷ nhiệm vụ cần ghi rõ lý do.")
MSG_LINK = _("Đường dẫn minh chứng không hợp lệ (cần bắt đầu bằng http:// hoặc https://).")
MSG_DOCUMENT = _("Số văn bản dài quá 100 ký tự.")
MSG_REMEDIATION = _("Nhiệm vụ khắc phục Chỉ số CCHC được cập nhật tại trang Chỉ số CCHC.")

ACTING_ROLES = {User.Role.REFORM_OFFICER, User.Role.LEADER}
PROVINCE_ROLES = {User.Role.HOME_AFFAIRS, User.Role.SYSTEM_ADMIN}

_REMEDIATION_STATUS = {
    RemediationTask.Status.OPEN: PlanTask.Status.NOT_STARTED,
    RemediationTask.Status.IN_PROGRESS: PlanTask.Status.IN_PROGRESS,
    RemediationTask.Status.DONE: PlanTask.Status.DONE,
    RemediationTask.Status.CANCELLED: PlanTask.Status.CANCELLED,
}


def can_update(user: User, task: PlanTask) -> bool:
    """Home Affairs, or the reform officer or leader of the task's lead agency (of the plan's
    agency when the lead is a group)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.role in PROVINCE_ROLES:
        return True
    if user.role not in ACTING_ROLES or user.agency_id is None:
        return False
    unit = user.agency.unit
    if task.lead_agency_id:
        return task.lead_agency.unit.pk == unit.pk
    # Led by a group or by several agencies: each of them, and the plan's own agency.
    return task.plan.agency_id == unit.pk or cell_names_agency(task.lead_text, unit)


def _actor_fields(actor: User | None) -> dict:
    real = actor if getattr(actor, "is_authenticated", False) else None
    return {"actor": real, "actor_name": real.get_full_name() if real else ""}


def task_progress(
    task: PlanTask,
    *,
    actor: User,
    status: str,
    progress: int,
    note: str = "",
    link: str = "",
    document: str = "",
    file: UploadedFile | None = None,
    now: datetime | None = None,
) -> TaskUpdate:
    """Record the lead agency's progress on ``task`` with its evidence."""
    now = now or timezone.now()
    note, link, document = (note or "").strip(), (link or "").strip(), (document or "").strip()
    try:
        progress = int(progress)
    except (TypeError, ValueError):
        raise PlanError(MSG_PROGRESS, "progress") from None
    if not 0 <= progress <= 100:
        raise PlanError(MSG_PROGRESS, "progress")
    if status == PlanTask.Status.DONE:
        progress = 100
    elif progress == 100 and status != PlanTask.Status.CANCELLED:
        raise PlanError(MSG_FULL_NOT_DONE, "progress")
    if link:
        try:
            URLValidator(schemes=["http", "https"])(link)
        except ValidationError:
            raise PlanError(MSG_LINK, "link") from None
        if len(link) > 1000:
            raise PlanError(MSG_LINK, "link")
    if len(document) > 100:
        raise PlanError(MSG_DOCUMENT, "document")
    if status == PlanTask.Status.CANCELLED and not note:
        raise PlanError(MSG_CANCEL_NOTE, "note")
    if status == PlanTask.Status.DONE and not (note or link or document or file):
        raise PlanError(MSG_DONE_EVIDENCE, "note")
    stored = None
    with transaction.atomic():
        task = PlanTask.objects.select_for_update().select_related("plan__agency").get(pk=task.pk)
        if not can_update(actor, task):
            raise PlanError(MSG_NOT_ALLOWED)
        if task.source == PlanTask.Source.PARINDEX:
            raise PlanError(MSG_REMEDIATION)
        if not plan_progress.can_update(task.status, status):
            raise PlanError(
                MSG_STATUS
                % {
                    "current": PlanTask.Status(task.status).label,
                    "requested": PlanTask.Status(status).label
                    if status in PlanTask.Status.values
                    else status,
                },
                "status",
            )
        if file is not None:
            try:
                stored = store_upload(file)
            except UploadRefused as refused:
                raise PlanError(" ".join(refused.messages), "file") from None
        try:
            today = timezone.localtime(now).date()
            new_status = plan_progress.resulting_status(
                status, due=task.due_date, today=today, cal=current_calendar()
            )
            update = TaskUpdate.objects.create(
                task=task,
                at=now,
                from_status=task.status,
                to_status=new_status,
                progress=progress,
                note=note,
                link=link,
                document=document,
                file=stored.name if stored else "",
                original_name=stored.original_name if stored else "",
                **_actor_fields(actor),
            )
            task.status, task.progress = new_status, progress
            task.done_at = now if new_status == PlanTask.Status.DONE else None
            task.save(update_fields=["status", "progress", "done_at", "updated_at"])
        except Exception:
            if stored:
                delete_stored([stored])
            raise
    return update


# --- the periodic job --------------------------------------------------------------------------


def _people(agency: Agency) -> Iterable[User]:
    return User.objects.filter(
        is_active=True, role__in=list(ACTING_ROLES), agency__path__startswith=agency.path
    ).filter(Q(agency=agency) | Q(agency__level=Agency.Level.DIVISION, agency__parent=agency))


def _remind(task: PlanTask, kind: str) -> int:
    agency = task.lead_agency.unit if task.lead_agency_id else task.plan.agency
    due = task.due_date.strftime("%d/%m/%Y")
    subject = (
        _g("Nhiệm vụ “%(number)s” của kế hoạch CCHC năm %(year)s đã quá hạn (hạn %(due)s)")
        if kind == "late"
        else _g("Nhiệm vụ “%(number)s” của kế hoạch CCHC năm %(year)s sắp đến hạn (%(due)s)")
    ) % {"number": task.number, "year": task.plan.year, "due": due}
    before = OutboxMessage.objects.count()
    outbox_enqueue_many(
        [
            {
                "channel": OutboxMessage.Channel.INTERNAL,
                "recipient": user.username,
                "subject": subject,
                "body": task.content,
                "template": "plan_task_reminder",
                "dedupe_key": f"plan:task:{task.pk}:{kind}:{task.due_date}:{user.pk}",
                "user": user,
            }
            for user in _people(agency)
        ]
    )
    return OutboxMessage.objects.count() - before


def plans_flag_late(now: datetime | None = None) -> int:
    """Flag open tasks LATE from the first working day after their due date (a history row
    each), remind their lead agency once per task and due date, and remind of tasks due within
    2 working days. The PAR Index's remediation tasks are synced first. How many reminders
    were queued."""
    now = now or timezone.now()
    sync_remediation_tasks()
    calendar = current_calendar()
    today = timezone.localtime(now).date()
    queued = 0
    candidates = PlanTask.objects.filter(
        status__in=[PlanTask.Status.NOT_STARTED, PlanTask.Status.IN_PROGRESS],
        due_date__lt=today,
    ).values_list("pk", "due_date")
    late_ids = [pk for pk, due in candidates if plan_progress.is_late(due, today, calendar)]
    for pk in late_ids:
        with transaction.atomic():
            task = PlanTask.objects.select_for_update().get(pk=pk)
            if task.status not in (PlanTask.Status.NOT_STARTED, PlanTask.Status.IN_PROGRESS):
                continue
            TaskUpdate.objects.create(
                task=task,
                at=now,
                from_status=task.status,
                to_status=PlanTask.Status.LATE,
                progress=task.progress,
                note=_g("Quá hạn (hạn %(due)s)") % {"due": task.due_date.strftime("%d/%m/%Y")},
            )
            task.status = PlanTask.Status.LATE
            task.late_notified_on = today
            task.save(update_fields=["status", "late_notified_on", "updated_at"])
    # Reminded once, the day a task turns late (here or through a progress update past due).
    late = PlanTask.objects.filter(
        Q(late_notified_on=None) | Q(late_notified_on=today),
        status=PlanTask.Status.LATE,
        due_date__isnull=False,
    )
    for task in late.select_related("plan__agency", "lead_agency"):
        queued += _remind(task, "late")
        if task.late_notified_on is None:
            PlanTask.objects.filter(pk=task.pk).update(late_notified_on=today)
    soon = _working_day_after(today, REMIND_WORKING_DAYS, calendar)
    upcoming = PlanTask.objects.filter(
        status__in=[PlanTask.Status.NOT_STARTED, PlanTask.Status.IN_PROGRESS],
        due_date__gte=today,
        due_date__lte=soon,
    ).select_related("plan__agency", "lead_agency")
    for task in upcoming:
        queued += _remind(task, "soon")
    return queued


def _working_day_after(day: date, count: int, calendar: object) -> date:
    for _i in range(count):
        day = calendar.next_working_day(day)
    return day


# --- the PAR Index's remediation tasks ---------------------------------------------------------


def sync_remediation_tasks() -> int:
    """Land every remediation task of the PAR Index in its agency's plan of the year it is due
    (source ``parindex``), and keep the plan task's status in step with it. Idempotent; how
    many plan tasks were created or changed."""
    changed = 0
    pending = RemediationTask.objects.filter(plan_task__isnull=True).select_related(
        "agency", "criterion"
    )
    for remediation in pending:
        with transaction.atomic():
            plan = services.plan_for(remediation.agency, remediation.due_date.year)
            task = services.task_add(
                plan,
                content=f"{remediation.criterion.code}: {remediation.action}",
                due_date=remediation.due_date,
                timing=PlanTask.Timing.DATE,
                timing_text=remediation.due_date.strftime("%d/%m/%Y"),
                area=Area.OTHER,
                section=_g("Khắc phục Chỉ số CCHC"),
                lead_agency=remediation.agency.unit,
                source=PlanTask.Source.PARINDEX,
            )
            task.remediation_task = remediation
            task.save(update_fields=["remediation_task", "updated_at"])
            changed += 1
    today = timezone.localdate()
    calendar = current_calendar()
    linked = PlanTask.objects.filter(
        source=PlanTask.Source.PARINDEX, remediation_task__isnull=False
    ).select_related("remediation_task")
    for task in linked:
        remediation = task.remediation_task
        wanted = _REMEDIATION_STATUS[remediation.status]
        wanted = plan_progress.resulting_status(
            wanted, due=task.due_date, today=today, cal=calendar
        )
        if wanted == PlanTask.Status.LATE and task.status != PlanTask.Status.LATE:
            wanted = task.status  # the job flags lateness (with its reminder)
        progress = 100 if wanted == PlanTask.Status.DONE else task.progress
        if (task.status, task.due_date) == (wanted, remediation.due_date):
            continue
        with transaction.atomic():
            TaskUpdate.objects.create(
                task=task,
                at=timezone.now(),
                from_status=task.status,
                to_status=wanted,
                progress=progress,
                note=remediation.progress_note,
                link=remediation.evidence_link,
            )
            task.status, task.progress, task.due_date = wanted, progress, remediation.due_date
            task.done_at = remediation.done_at if wanted == PlanTask.Status.DONE else None
            task.save(update_fields=["status", "progress", "due_date", "done_at", "updated_at"])
            changed += 1
    return changed


# --- importing a plan's appendix ---------------------------------------------------------------

MSG_IMPORT_NOT_ALLOWED = _(
    "Sở Nội vụ nhập kế hoạch của tỉnh; cán bộ CCHC, lãnh đạo cơ quan nhập kế hoạch của cơ quan."
)


def import_agency_for(user: User) -> Agency | None:
    """The agency whose plan ``user`` may import: the province for Home Affairs, the user's
    unit for its reform officer or leader; None for anyone else."""
    if not getattr(user, "is_authenticated", False) or user.agency_id is None:
        return None
    unit = user.agency.unit
    if user.role in PROVINCE_ROLES:
        root = unit
        while root.parent_id and root.level != Agency.Level.PROVINCE:
            root = root.parent
        return root
    if user.role in ACTING_ROLES:
        return unit
    return None


def plan_import(
    file_obj: object,
    *,
    actor: User,
    year: int,
    number: str = "",
    issued_on: date | None = None,
) -> tuple[object, list]:
    """Create (or complete) the actor's plan of ``year`` and import its appendix: every task or
    nothing — a refused file leaves no plan behind. ``(plan or None, errors)``."""
    from cchc.plans.excel.importer import import_plan

    agency = import_agency_for(actor)
    if agency is None:
        raise PlanError(MSG_IMPORT_NOT_ALLOWED)
    with transaction.atomic():
        plan = services.plan_for(agency, year, actor=actor)
        result = import_plan(file_obj, plan, actor=actor)
        if not result.ok:
            transaction.set_rollback(True)
            return None, result.errors
        if number:
            plan.number = number
        if issued_on:
            plan.date = issued_on
        plan.save(update_fields=["number", "date"])
    return plan, []


MSG_PARENT = _("Chỉ gắn nhiệm vụ của cơ quan với một nhiệm vụ trong kế hoạch của tỉnh cùng năm.")


def task_link_parent(task: PlanTask, parent: PlanTask | None, *, actor: User) -> PlanTask:
    """Say which task of the province's plan an agency's task carries out (or none): the lead
    agency or Home Affairs, for a task of an agency's own plan; a history row records it."""
    with transaction.atomic():
        task = PlanTask.objects.select_for_update().select_related("plan__agency").get(pk=task.pk)
        if not can_update(actor, task):
            raise PlanError(MSG_NOT_ALLOWED)
        if parent is not None and (
            task.plan.agency.level == Agency.Level.PROVINCE
            or parent.plan.agency.level != Agency.Level.PROVINCE
            or parent.plan.year != task.plan.year
        ):
            raise PlanError(MSG_PARENT, "parent")
        task.parent = parent
        task.save(update_fields=["parent", "updated_at"])
        TaskUpdate.objects.create(
            task=task,
            **_actor_fields(actor),
            at=timezone.now(),
            from_status=task.status,
            to_status=task.status,
            progress=task.progress,
            note=(
                _g("Thực hiện nhiệm vụ %(number)s của kế hoạch tỉnh") % {"number": parent.number}
                if parent is not None
                else _g("Bỏ gắn với nhiệm vụ của kế hoạch tỉnh")
            ),
        )
        return task
