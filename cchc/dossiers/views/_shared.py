"""What the officer pages share: the dossier's URL key, the clocks in words, the actions a
user may take now, and storing an uploaded result before the service records it."""

from __future__ import annotations

import logging
import uuid
from contextlib import suppress
from datetime import datetime

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cchc.core.templatetags.vn import working_duration_text
from cchc.domain import lifecycle
from cchc.domain.lifecycle import Action, TransitionError
from cchc.dossiers.models import Dossier, DossierStep
from cchc.dossiers.selectors import dossier_clock, dossier_overdue, step_clock
from cchc.dossiers.services import DossierInputError
from cchc.dossiers.services._common import situation
from cchc.dossiers.uploads import ERR_STORAGE_FULL, STORAGE_FULL_ERRNOS, clean_name
from cchc.org.models import User

CLOCK_OK = "ok"
CLOCK_SOON = "soon"
CLOCK_OVERDUE = "overdue"
CLOCK_PAUSED = "paused"


def dossier_key(dossier: Dossier) -> str:
    """The dossier's public identifier in URLs: its code, or its public id before receipt."""
    return dossier.code or str(dossier.public_id)


def clock_words(seconds: int, *, overdue: bool, paused: bool = False) -> str:
    """ "còn 1 ngày 3 giờ", "quá hạn 2 giờ", "tạm dừng · còn 3 ngày"."""
    duration = working_duration_text(seconds)
    if paused:
        if seconds < 0:
            return _("tạm dừng")
        return _("tạm dừng · còn %(d)s") % {"d": duration}
    if overdue or seconds < 0:
        return _("quá hạn %(d)s") % {"d": duration}
    return _("còn %(d)s") % {"d": duration}


def dossier_clock_view(dossier: Dossier, now: datetime) -> dict | None:
    """The whole dossier's clock for a page: text and state (ok / soon / overdue / paused)."""
    clock = dossier_clock(dossier, now)
    if clock is None:
        return None
    seconds, paused = clock["seconds"], clock["paused"]
    overdue = not paused and dossier_overdue(dossier, now)
    if paused:
        state = CLOCK_PAUSED
    elif overdue or seconds < 0:
        state = CLOCK_OVERDUE
    elif seconds <= 8 * 3600:
        state = CLOCK_SOON
    else:
        state = CLOCK_OK
    return {"text": clock_words(seconds, overdue=overdue, paused=paused), "state": state}


def step_clock_view(step: DossierStep, dossier: Dossier, now: datetime) -> dict | None:
    """The clock of the active step. While the applicant holds the dossier the step's clock
    stands still (``step_clock`` counts to the pause) and is never shown overdue."""
    paused = dossier.lifecycle_status in lifecycle.CLOCK_PAUSED
    clock = step_clock(step, now)
    if clock is None:
        return None
    seconds = clock["seconds"]
    if paused:
        state = CLOCK_PAUSED
    elif seconds < 0 or (step.due_at and now > step.due_at):
        state = CLOCK_OVERDUE
    elif seconds <= step.budget_seconds * settings.CCHC_DUE_SOON_SHARE:
        state = CLOCK_SOON
    else:
        state = CLOCK_OK
    overdue = state == CLOCK_OVERDUE
    return {"text": clock_words(seconds, overdue=overdue, paused=paused), "state": state}


def allowed_actions_for(dossier: Dossier, user: User, now: datetime) -> list[Action]:
    """The actions ``user`` may take on ``dossier`` now; none for a user with no dossier role."""
    try:
        return lifecycle.allowed_actions(situation(dossier, user, now))
    except TransitionError:
        return []


def check_allowed(dossier: Dossier, user: User, action: Action, now: datetime) -> None:
    """``TransitionError`` (with its Vietnamese message) when ``action`` is not allowed now:
    asked before the form is validated, so a forbidden action is answered as such. The service
    asks again under the row lock."""
    lifecycle.find_rule(action, situation(dossier, user, now))


def late_without_apology(dossier: Dossier, now: datetime) -> bool:
    """Overdue and still open, or finished late, with no apology yet (DOMAIN A3)."""
    if dossier.apology_count:
        return False
    if dossier_overdue(dossier, now):
        return True
    return (
        dossier.lifecycle_status == lifecycle.Status.RESULT_READY
        and dossier.timeliness == lifecycle.Timeliness.LATE
    )


class StoredFile:
    """An upload already written to storage (ARCHITECTURE "Data is never lost": stored before
    the dossier row commits)."""

    def __init__(self, name: str, content_type: str, size: int) -> None:
        self.name = name
        self.content_type = content_type
        self.size = size


logger = logging.getLogger(__name__)


def store_result_file(upload: UploadedFile) -> StoredFile:
    """Write the signed result; a full volume is a refusal in words (the form's error), with
    what was written removed — never a server error."""
    today = timezone.localdate()
    name = f"results/{today:%Y/%m}/{uuid.uuid4().hex}.pdf"
    try:
        saved = default_storage.save(name, upload)
    except OSError as exc:
        if exc.errno not in STORAGE_FULL_ERRNOS:
            raise
        logger.error("Upload volume full: could not store %s (%s)", name, exc)
        with suppress(OSError):
            default_storage.delete(name)
        raise DossierInputError(
            ERR_STORAGE_FULL, "result_file", params={"name": clean_name(upload.name)}
        ) from exc
    return StoredFile(saved, "application/pdf", upload.size)


EVENT_LABELS = {
    "create": gettext_lazy("Tạo hồ sơ trực tuyến"),
    Action.SUBMIT: gettext_lazy("Nộp / đăng ký hồ sơ"),
    Action.RECEIVE: gettext_lazy("Tiếp nhận hồ sơ"),
    Action.REQUEST_SUPPLEMENT: gettext_lazy("Yêu cầu bổ sung, hoàn thiện"),
    Action.SUBMIT_SUPPLEMENT: gettext_lazy("Nhận hồ sơ bổ sung"),
    Action.REFUSE: gettext_lazy("Từ chối tiếp nhận"),
    Action.FORWARD: gettext_lazy("Chuyển bước tiếp theo"),
    Action.SEND_BACK: gettext_lazy("Trả lại bước trước"),
    Action.REQUEST_PAYMENT: gettext_lazy("Yêu cầu thực hiện nghĩa vụ tài chính"),
    Action.CONFIRM_PAYMENT: gettext_lazy("Xác nhận nghĩa vụ tài chính"),
    Action.APPROVE: gettext_lazy("Phê duyệt kết quả"),
    Action.REJECT: gettext_lazy("Từ chối giải quyết"),
    Action.APOLOGIZE: gettext_lazy("Xin lỗi và hẹn lại ngày trả kết quả"),
    Action.RETURN_RESULT: gettext_lazy("Trả kết quả"),
    Action.WITHDRAW: gettext_lazy("Rút hồ sơ"),
    Action.STOP: gettext_lazy("Dừng giải quyết"),
    Action.RECORD_VISIT: gettext_lazy("Người nộp đến"),
    Action.RECORD_SHIPMENT: gettext_lazy("Bàn giao với bưu chính"),
    Action.CHANGE_RETURN_METHOD: gettext_lazy("Đổi hình thức nhận kết quả"),
    Action.PAY: gettext_lazy("Nộp phí, lệ phí"),
}
ROLE_LABELS = {
    "counter_officer": gettext_lazy("Bộ phận Một cửa"),
    "specialist": gettext_lazy("Chuyên viên"),
    "leader": gettext_lazy("Lãnh đạo"),
}
