"""Online drafts (hồ sơ nháp trên Cổng dịch vụ công): starting one, editing it, and submitting
it once the required documents are attached.

A draft is the applicant's private working copy before submission: no agency sees it
(``dossier_list_for_user`` hides drafts from officers), no clock runs and no counter moves. Its
edits are therefore not transitions of the lifecycle table; they are still one service each
(atomic, row-locked, checked: the dossier is a draft and the actor its applicant) and each
writes one ``update_draft`` event so that the history of what was attached stays complete.

What a procedure allows online comes from the version in force (its snapshot): the online mode
(partial or full-process), the receiving agencies (every commune for a commune-level
procedure), postal submission and postal return, and electronic return only for full-process
services (Decree 42/2022/NĐ-CP; Decision 45/2016/QĐ-TTg for the postal channel).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from django.db import transaction
from django.db.models import ProtectedError, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop as N_

from cchc.catalog.models import Procedure
from cchc.catalog.services import procedure_current_version
from cchc.domain.lifecycle import Status, TransitionError
from cchc.dossiers.models import DocumentAccess, Dossier, DossierDocument, DossierEvent
from cchc.dossiers.services._common import DossierInputError, EventDraft, lock, now_or, record
from cchc.dossiers.services.intake import (
    ApplicantData,
    DocumentData,
    IntakeRequest,
    add_documents,
    check_file_limits,
    dossier_create_draft,
    dossier_submit,
    resolving_agency,
)
from cchc.dossiers.uploads import delete_stored
from cchc.org.models import Agency, User

MSG_NOT_ONLINE = N_("Thủ tục này chưa cung cấp dịch vụ công trực tuyến hoặc không còn hiệu lực.")
MSG_AGENCY = N_("Chọn một cơ quan tiếp nhận hồ sơ của thủ tục này.")
MSG_CHANNEL = N_("Thủ tục này không nhận hồ sơ qua bưu chính công ích.")
MSG_RETURN = N_("Thủ tục này không trả kết quả theo hình thức đã chọn.")
MSG_DELIVERY = N_("Nhận kết quả qua bưu chính cần địa chỉ nhận.")
MSG_NAME = N_("Cần họ và tên (hoặc tên tổ chức) của người nộp.")
MSG_NOT_DRAFT = N_("Hồ sơ đã nộp, không còn là bản nháp: không sửa được nữa.")
MSG_NOT_OWNER = N_("Chỉ người nộp được sửa hồ sơ nháp của mình.")
MSG_NO_DOCUMENT = N_("Giấy tờ không thuộc hồ sơ này.")
MSG_MISSING_DOCUMENTS = N_("Chưa nộp được: còn thiếu thành phần hồ sơ bắt buộc: {names}.")

ONLINE_MODES = (Procedure.OnlineMode.PARTIAL, Procedure.OnlineMode.FULL)
UPDATE_DRAFT = "update_draft"


@dataclass(frozen=True)
class DraftOptions:
    """What the applicant may choose for one procedure online."""

    snapshot: dict
    agencies: list[Agency]
    channels: list[str]
    return_methods: list[str]

    @property
    def documents(self) -> list[dict]:
        return list(self.snapshot.get("documents", []))


@dataclass(frozen=True)
class DraftDetails:
    """The applicant's choices on the form (everything but the documents)."""

    applicant: ApplicantData
    receiving_agency: Agency
    channel: str = Dossier.Channel.ONLINE
    return_method: str = Dossier.ReturnMethod.IN_PERSON
    delivery_address: str = ""


@dataclass
class DraftChanges:
    """What one edit added and removed (the event's data)."""

    changed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changed or self.added or self.removed)


def receiving_agencies_for(snapshot: dict, *, on: object | None = None) -> QuerySet[Agency]:
    """The agencies receiving the procedure today: those named by the version, its competent
    agency when none is named, and every commune for a commune-level procedure."""
    day = on or timezone.localdate()
    codes = list(snapshot.get("receiving_agencies") or [])
    if not codes and snapshot.get("competent_agency"):
        codes.append(snapshot["competent_agency"])
    wanted = Q(code__in=codes)
    if (snapshot.get("levels") or {}).get("commune"):
        wanted |= Q(level=Agency.Level.COMMUNE)
    active = (Q(valid_from__isnull=True) | Q(valid_from__lte=day)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )
    return Agency.objects.filter(wanted).filter(active).order_by("name")


def draft_options(procedure: Procedure) -> DraftOptions:
    """What may be chosen online for ``procedure``; ``DossierInputError`` when it has no online
    service in force."""
    version = procedure_current_version(procedure)
    snapshot = version.snapshot if version else {}
    if not procedure.is_in_force or snapshot.get("online_mode") not in ONLINE_MODES:
        raise DossierInputError(MSG_NOT_ONLINE, "procedure_code")
    channels = [Dossier.Channel.ONLINE]
    if snapshot.get("postal_submission"):
        channels.append(Dossier.Channel.POSTAL)
    methods = [Dossier.ReturnMethod.IN_PERSON]
    if snapshot.get("postal_return"):
        methods.append(Dossier.ReturnMethod.POSTAL)
    if snapshot.get("online_mode") == Procedure.OnlineMode.FULL:
        methods.append(Dossier.ReturnMethod.ELECTRONIC)
    return DraftOptions(
        snapshot=snapshot,
        agencies=list(receiving_agencies_for(snapshot)),
        channels=channels,
        return_methods=methods,
    )


def check_details(options: DraftOptions, details: DraftDetails) -> None:
    """``DossierInputError`` (with the form field) when ``details`` break the procedure's
    online options."""
    if not details.applicant.full_name.strip():
        raise DossierInputError(MSG_NAME, "applicant_name")
    if details.receiving_agency.pk not in {a.pk for a in options.agencies}:
        raise DossierInputError(MSG_AGENCY, "receiving_agency")
    if details.channel not in options.channels:
        raise DossierInputError(MSG_CHANNEL, "channel")
    if details.return_method not in options.return_methods:
        raise DossierInputError(MSG_RETURN, "return_method")
    if details.return_method == Dossier.ReturnMethod.POSTAL and not (
        details.delivery_address.strip()
    ):
        raise DossierInputError(MSG_DELIVERY, "delivery_address")


def draft_missing_documents(dossier: Dossier) -> list[str]:
    """The required documents of the dossier's procedure version with no file attached yet."""
    required = [
        doc["name"]
        for doc in dossier.procedure_version.snapshot.get("documents", [])
        if not doc.get("optional")
    ]
    attached = set(dossier.documents.exclude(file="").values_list("name", flat=True))
    return [name for name in required if name.strip()[:500] not in attached]


@transaction.atomic
def dossier_start_draft(
    *,
    applicant_user: User,
    procedure: Procedure,
    details: DraftDetails,
    documents: list[DocumentData] | None = None,
    now: datetime | None = None,
) -> Dossier:
    """Start an online dossier on the portal: checks the procedure's online options, then
    ``dossier_create_draft``. A postal submission is an online registration whose papers come
    by post."""
    check_details(draft_options(procedure), details)
    dossier = dossier_create_draft(
        applicant_user=applicant_user,
        request=IntakeRequest(
            procedure=procedure,
            applicant=details.applicant,
            receiving_agency=details.receiving_agency,
            channel=details.channel,
            return_method=details.return_method,
            delivery_address=_delivery(details),
            documents=list(documents or []),
        ),
        now=now,
    )
    return dossier


def _delivery(details: DraftDetails) -> str:
    # Only a postal return needs (and keeps) a delivery address.
    if details.return_method != Dossier.ReturnMethod.POSTAL:
        return ""
    return details.delivery_address.strip()


def _lock_draft(dossier: Dossier, actor: User) -> Dossier:
    dossier = lock(dossier)
    if dossier.applicant_user_id != actor.pk:
        raise TransitionError(MSG_NOT_OWNER, [])
    if dossier.status != Status.DRAFT:
        raise TransitionError(MSG_NOT_DRAFT, [])
    return dossier


def _apply_details(dossier: Dossier, details: DraftDetails) -> list[str]:
    applicant = details.applicant
    values = {
        "applicant_kind": applicant.kind,
        "applicant_name": applicant.full_name.strip(),
        "applicant_id_number": applicant.id_number.strip(),
        "applicant_phone": applicant.phone.strip(),
        "applicant_email": applicant.email.strip(),
        "applicant_address": applicant.address.strip(),
        "receiving_agency_id": details.receiving_agency.pk,
        "channel": details.channel,
        "return_method": details.return_method,
        "delivery_address": _delivery(details),
    }
    changed = []
    for name, value in values.items():
        if getattr(dossier, name) != value:
            setattr(dossier, name, value)
            changed.append(name.removesuffix("_id"))
    return changed


@transaction.atomic
def dossier_update_draft(
    *,
    actor: User,
    dossier: Dossier,
    details: DraftDetails | None = None,
    add: list[DocumentData] | None = None,
    remove: list[int] | None = None,
    now: datetime | None = None,
) -> Dossier:
    """Edit the applicant's draft: new details, documents added, documents removed.

    Removed documents were never received by anyone: their rows are deleted and their files
    are deleted once this transaction commits (a rollback keeps both). Nothing changed, nothing
    written."""
    now = now_or(now)
    dossier = _lock_draft(dossier, actor)
    changes = DraftChanges()
    if details is not None:
        check_details(draft_options(dossier.procedure), details)
        changes.changed = _apply_details(dossier, details)
        if "receiving_agency" in changes.changed:
            dossier.receiving_agency = details.receiving_agency
            dossier.resolving_agency = resolving_agency(
                dossier.procedure_version.snapshot, details.receiving_agency
            )
    if remove:
        documents = list(dossier.documents.filter(pk__in=set(remove)))
        if len(documents) != len(set(remove)):
            raise DossierInputError(MSG_NO_DOCUMENT, "remove")
        gone = [d.file.name for d in documents if d.file]
        changes.removed = [d.name for d in documents]
        DossierDocument.objects.filter(pk__in=[d.pk for d in documents]).delete()
        transaction.on_commit(partial(delete_stored, gone))
    if add:
        # Checked again under the row lock: two tabs adding files at once cannot pass the
        # dossier's limits together.
        check_file_limits(dossier, add)
        add_documents(dossier, add)
        changes.added = [d.name.strip() for d in add if d.name.strip()]
    if not changes:
        return dossier
    record(
        dossier,
        actor,
        EventDraft(
            action=UPDATE_DRAFT,
            from_status=dossier.status,
            data={"changed": changes.changed, "added": changes.added, "removed": changes.removed},
        ),
        now,
    )
    dossier.save()
    return dossier


@transaction.atomic
def dossier_submit_draft(*, actor: User, dossier: Dossier, now: datetime | None = None) -> Dossier:
    """Submit the applicant's draft into the receiving agency's intake queue (Chờ tiếp nhận),
    once every required document has a file and the procedure still has its online service;
    then ``dossier_submit`` (the lifecycle's SUBMIT)."""
    dossier = _lock_draft(dossier, actor)
    draft_options(dossier.procedure)
    missing = draft_missing_documents(dossier)
    if missing:
        raise DossierInputError(
            MSG_MISSING_DOCUMENTS, "documents", params={"names": "; ".join(missing)}
        )
    return dossier_submit(actor=actor, dossier=dossier, now=now)


@dataclass
class DraftsRemoved:
    """What ``drafts_remove`` removed: drafts, their files, and those it had to keep."""

    drafts: int = 0
    files: int = 0
    kept: list[str] = field(default_factory=list)


def drafts_remove(*, dossiers: QuerySet[Dossier], dry_run: bool = False) -> DraftsRemoved:
    """Delete the drafts among ``dossiers`` — never submitted, so no agency ever received
    them and they are no administrative record — with their documents, history and the
    applicant's own openings of their papers; their stored files are deleted once the
    transaction commits (a rollback keeps both). Submitted dossiers are never touched: each
    row is locked and re-checked to be a draft. A draft something else still refers to (it
    should not happen) is kept and named in ``kept``. ``dry_run``: count, delete nothing."""
    removed = DraftsRemoved()
    gone: list[str] = []
    with transaction.atomic():
        ids = list(dossiers.filter(status=Status.DRAFT).values_list("pk", flat=True))
        for draft in Dossier.objects.select_for_update().filter(pk__in=ids, status=Status.DRAFT):
            files = list(draft.documents.exclude(file="").values_list("file", flat=True))
            if dry_run:
                removed.drafts += 1
                removed.files += len(files)
                continue
            try:
                with transaction.atomic():
                    DocumentAccess.objects.filter(dossier=draft).delete()
                    DossierEvent.objects.filter(dossier=draft).delete()
                    Dossier.objects.filter(pk=draft.pk).update(current_step=None)
                    draft.delete()
            except ProtectedError:
                removed.kept.append(draft.reference)
                continue
            removed.drafts += 1
            removed.files += len(files)
            gone += files
        if gone:
            transaction.on_commit(partial(delete_stored, gone))
    return removed
