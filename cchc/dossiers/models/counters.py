"""Summary counters of the one-stop work (ARCHITECTURE "Fast by construction"): the dossier
services keep them exact in the same transaction as each change (``cchc.dossiers.counters``);
the report and dashboards read them and never scan the dossiers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

COUNTERS = (
    "received",
    "refused",
    "intake_supplements",
    "processing_supplements",
    "finished_early",
    "finished_on_time",
    "finished_late",
    "rejected",
    "returned",
    "withdrawn",
    "stopped",
    "apologies",
    "apologies_timely",
    "third_visits",
    "fee_bearing",
    "paid",
    "paid_online",
)


class DossierDailyStat(models.Model):
    """Counts of dossier outcomes on one local day, for one resolving agency, receiving agency,
    procedure, submission channel and online mode.

    Figures are credited to the agency that resolves the dossier — the unit whose leader issues
    the result (``Dossier.resolving_agency``) — and the receiving agency is a second dimension
    (DOMAIN A6): a department's dossiers received by the public administration service centre
    are the department's on-time rate, not the centre's."""

    resolving_agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan giải quyết"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    receiving_agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan tiếp nhận"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    procedure = models.ForeignKey("catalog.Procedure", on_delete=models.PROTECT, related_name="+")
    day = models.DateField(_("ngày"))
    channel = models.CharField(_("hình thức nộp"), max_length=10)
    # The online mode of the procedure version the dossier was received under (none, partial,
    # full): the denominators of the online and full-process shares (DOMAIN B §5.2).
    online_mode = models.CharField(_("mức dịch vụ công trực tuyến"), max_length=10, default="none")
    received = models.PositiveIntegerField(_("tiếp nhận"), default=0)
    refused = models.PositiveIntegerField(_("từ chối tiếp nhận"), default=0)
    intake_supplements = models.PositiveIntegerField(_("yêu cầu bổ sung khi tiếp nhận"), default=0)
    processing_supplements = models.PositiveIntegerField(
        _("yêu cầu bổ sung khi giải quyết"), default=0
    )
    finished_early = models.PositiveIntegerField(_("giải quyết trước hạn"), default=0)
    finished_on_time = models.PositiveIntegerField(_("giải quyết đúng hạn"), default=0)
    finished_late = models.PositiveIntegerField(_("giải quyết trễ hạn"), default=0)
    rejected = models.PositiveIntegerField(_("từ chối giải quyết"), default=0)
    returned = models.PositiveIntegerField(_("đã trả kết quả"), default=0)
    withdrawn = models.PositiveIntegerField(_("rút hồ sơ"), default=0)
    stopped = models.PositiveIntegerField(_("dừng giải quyết"), default=0)
    apologies = models.PositiveIntegerField(_("văn bản xin lỗi"), default=0)
    apologies_timely = models.PositiveIntegerField(_("xin lỗi trước hạn"), default=0)
    third_visits = models.PositiveIntegerField(_("hồ sơ phải đến lần thứ ba"), default=0)
    # Dossiers that owe fees or a financial obligation (counted once, on the day they first
    # do): the denominator of the online-payment share (DOMAIN B §5.2).
    fee_bearing = models.PositiveIntegerField(_("hồ sơ có phí, lệ phí"), default=0)
    paid = models.PositiveIntegerField(_("đã nộp phí"), default=0)
    paid_online = models.PositiveIntegerField(_("nộp phí trực tuyến"), default=0)

    class Meta:
        verbose_name = _("thống kê hồ sơ theo ngày")
        verbose_name_plural = _("thống kê hồ sơ theo ngày")
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "resolving_agency",
                    "receiving_agency",
                    "procedure",
                    "day",
                    "channel",
                    "online_mode",
                ],
                name="dossier_daily_unique",
            )
        ]
        indexes = [
            models.Index(fields=["day", "resolving_agency"], name="dossier_daily_day_resolving"),
            models.Index(fields=["day", "receiving_agency"], name="dossier_daily_day_receiving"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.resolving_agency_id}/{self.procedure_id}/{self.channel}"


STEP_COUNTERS = ("steps_early", "steps_on_time", "steps_late")


class StepDailyStat(models.Model):
    """Processing steps handed on one local day by the agency that held them, by result
    against each step's own due moment (DOMAIN A3: the control sheet's early / on time / late,
    Mẫu 05). "Which agency caused the delay" is a sum over these rows."""

    agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan giữ bước"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    procedure = models.ForeignKey("catalog.Procedure", on_delete=models.PROTECT, related_name="+")
    day = models.DateField(_("ngày"))
    steps_early = models.PositiveIntegerField(_("bước xong trước hạn"), default=0)
    steps_on_time = models.PositiveIntegerField(_("bước xong đúng hạn"), default=0)
    steps_late = models.PositiveIntegerField(_("bước xong trễ hạn"), default=0)

    class Meta:
        verbose_name = _("thống kê bước xử lý theo ngày")
        verbose_name_plural = _("thống kê bước xử lý theo ngày")
        constraints = [
            models.UniqueConstraint(fields=["agency", "procedure", "day"], name="step_daily_unique")
        ]
        indexes = [models.Index(fields=["day", "agency"], name="step_daily_day_agency")]

    def __str__(self) -> str:
        return f"{self.day} {self.agency_id}/{self.procedure_id}"


OFFICER_STEP_COUNTERS = (*STEP_COUNTERS, "over_budget_seconds")


class OfficerStepDailyStat(models.Model):
    """Processing steps handed on one local day, per officer who held them and the agency the
    step belonged to: early / on time / late as in ``StepDailyStat``, and the working time
    used beyond each step's budget (used − budget when positive, pauses excluded). The list of
    officers often late reads it (seed 000 §2c: rotate officers who are often late; DOMAIN A3).

    A sibling table rather than an officer column on ``StepDailyStat``: the agency counters
    keep one row per agency, procedure and day for the report and the dashboards, instead of
    one per officer as well; this one drops the procedure (the officer list does not need it)
    so it stays about one row per officer and working day. A step nobody held (taken back
    from a role queue by a withdrawal, say) is in ``StepDailyStat`` only: its sum over
    officers can be lower than the agency's, never higher."""

    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ giữ bước"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The step's agency (where the officer held it), not the officer's agency of today:
    # people move, the late step stays where it happened — and in that unit's scope.
    agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan giữ bước"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    day = models.DateField(_("ngày"))
    steps_early = models.PositiveIntegerField(_("bước xong trước hạn"), default=0)
    steps_on_time = models.PositiveIntegerField(_("bước xong đúng hạn"), default=0)
    steps_late = models.PositiveIntegerField(_("bước xong trễ hạn"), default=0)
    over_budget_seconds = models.PositiveBigIntegerField(
        _("thời gian vượt định mức (giây làm việc)"), default=0
    )

    class Meta:
        verbose_name = _("thống kê bước xử lý theo cán bộ")
        verbose_name_plural = _("thống kê bước xử lý theo cán bộ")
        constraints = [
            models.UniqueConstraint(
                fields=["officer", "agency", "day"], name="officer_step_daily_unique"
            )
        ]
        indexes = [
            models.Index(fields=["day", "agency"], name="officer_step_day_agency"),
            models.Index(fields=["officer", "day"], name="officer_step_officer_day"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.officer_id}/{self.agency_id}"
