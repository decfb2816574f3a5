"""Periodic jobs of the one-stop system (plain functions; each is also a management command)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from cchc.core.calendar import current_calendar
from cchc.core.models import OutboxMessage
from cchc.core.outbox import outbox_enqueue
from cchc.dossiers.models import DossierStep
from cchc.dossiers.selectors import RUNNING
from cchc.dossiers.services.drafts import DraftsRemoved
from cchc.org.models import User

logger = logging.getLogger(__name__)

KIND_OVERDUE = "overdue"
KIND_DUE_SOON = "due_soon"
KIND_LABELS = {KIND_OVERDUE: "quá hạn", KIND_DUE_SOON: "sắp đến hạn"}


def step_alert_kind(step: DossierStep, now: datetime, share: float | None = None) -> str | None:
    """``overdue`` past its due moment, ``due_soon`` when less than ``share`` of its budget is
    left (CCHC_DUE_SOON_SHARE, default a quarter), else ``None``."""
    if step.due_at is None:
        return None
    if now > step.due_at:
        return KIND_OVERDUE
    share = settings.CCHC_DUE_SOON_SHARE if share is None else share
    left = current_calendar().working_seconds_between(now, step.due_at)
    return KIND_DUE_SOON if left <= step.budget_seconds * share else None


def candidate_steps(now: datetime) -> QuerySet[DossierStep]:
    """Active steps of running dossiers that could be due soon or overdue: a cheap prefilter
    on the due moment (no step budget in the demo or the seeds exceeds 40 working days)."""
    horizon = now + timedelta(days=60)
    return (
        DossierStep.objects.filter(
            state=DossierStep.State.ACTIVE,
            due_at__lte=horizon,
            dossier__status__in=RUNNING,
            dossier__current_step=F("pk"),
        )
        .select_related("dossier", "agency", "holder")
        .order_by("due_at")
    )


def dossiers_escalate(now: datetime | None = None) -> int:
    """Escalate due-soon and overdue steps to the leaders of the step's unit: an in-app notice
    (their worklist) and an e-mail, once per step, start and kind. Idempotent."""
    now = now or timezone.now()
    sent = 0
    for step in candidate_steps(now).iterator(chunk_size=500):
        kind = step_alert_kind(step, now)
        if kind is None:
            continue
        unit = step.agency
        while unit.level == "division" and unit.parent_id:
            unit = unit.parent
        leaders = User.objects.filter(
            role=User.Role.LEADER, is_active=True, agency__path__startswith=unit.path
        )
        dossier = step.dossier
        subject = f"Hồ sơ {dossier.reference} {KIND_LABELS[kind]} ở bước “{step.name}”"
        body = (
            f"Hồ sơ {dossier.reference} — {dossier.applicant_name}\n"
            f"Bước: {step.name} ({step.agency.name})\n"
            f"Người xử lý: {step.holder.get_full_name() if step.holder_id else 'chưa phân công'}\n"
            f"Hạn của bước: {timezone.localtime(step.due_at):%H:%M %d/%m/%Y}\n"
        )
        stamp = step.started_at.isoformat() if step.started_at else ""
        with transaction.atomic():
            for leader in leaders:
                key = f"escalate:{step.pk}:{stamp}:{kind}:{leader.pk}"
                created = outbox_enqueue(
                    channel=OutboxMessage.Channel.INTERNAL,
                    recipient=leader.username,
                    subject=subject,
                    body=body,
                    template=f"escalation_{kind}",
                    dedupe_key=key,
                    dossier_code=dossier.code or "",
                    user=leader,
                )
                if created is not None:
                    sent += 1
                    outbox_enqueue(
                        channel=OutboxMessage.Channel.EMAIL,
                        recipient=leader.email,
                        subject=subject,
                        body=body,
                        template=f"escalation_{kind}",
                        dedupe_key=f"{key}:email",
                        dossier_code=dossier.code or "",
                        user=leader,
                    )
    return sent


def uploads_sweep(
    *,
    older_than: timedelta | None = None,
    now: datetime | None = None,
    dry_run: bool = False,
) -> int:
    """Delete stored upload files that no dossier references (a process that died between
    storing a file and committing its dossier row leaves one behind, so does a citizen who
    gave up mid-upload). Only files older than ``older_than`` (by default
    ``CCHC_UPLOAD_RETENTION_HOURS``) are touched, so an upload whose transaction is still
    running is safe. Returns the number of files removed (``dry_run``: that would be)."""
    from django.core.files.storage import default_storage

    from cchc.dossiers.models import Dossier, DossierDocument
    from cchc.dossiers.uploads import referenced_by_other_apps

    if older_than is None:
        older_than = timedelta(hours=settings.CCHC_UPLOAD_RETENTION_HOURS)
    now = now or timezone.now()
    referenced = set(DossierDocument.objects.exclude(file="").values_list("file", flat=True))
    referenced |= set(Dossier.objects.exclude(result_file="").values_list("result_file", flat=True))
    referenced |= referenced_by_other_apps()
    removed = 0
    for root in ("dossiers", "results"):
        for name in _walk(default_storage, root):
            if name in referenced:
                continue
            if now - default_storage.get_modified_time(name) < older_than:
                continue
            if not dry_run:
                default_storage.delete(name)
            removed += 1
    return removed


def drafts_expire(*, now: datetime | None = None, dry_run: bool = False) -> DraftsRemoved:
    """Remove online drafts nobody touched for ``CCHC_DRAFT_RETENTION_DAYS`` days, with their
    files (retention schedule, docs/reliability/privacy.md): never submitted, they are no
    administrative record, only personal data kept for nothing. Submitted dossiers are never
    touched (``drafts_remove`` re-checks each row under lock)."""
    from cchc.dossiers.models import Dossier
    from cchc.dossiers.services.drafts import drafts_remove

    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.CCHC_DRAFT_RETENTION_DAYS)
    stale = Dossier.objects.filter(status=Dossier.Status.DRAFT, updated_at__lt=cutoff)
    removed = drafts_remove(dossiers=stale, dry_run=dry_run)
    if removed.drafts and not dry_run:
        logger.info("retention: %s drafts removed, %s files", removed.drafts, removed.files)
    return removed


def _walk(storage: object, folder: str) -> list[str]:
    if not storage.exists(folder):
        return []
    directories, files = storage.listdir(folder)
    names = [f"{folder}/{name}" for name in files]
    for directory in directories:
        names += _walk(storage, f"{folder}/{directory}")
    return names
