"""Summary counters of the one-stop work (ARCHITECTURE "Fast by construction"): the dossier
services keep them exact in the same transaction as each change (``cchc.dossiers.counters``);
the report and dashboards read them and never scan the dossiers."""

from __future__ import annotations

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
    "returned_electronic",
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
    # Of those, returned electronically (the result delivered to the applicant's portal
    # account): the numerator of the electronic-result rate (DOMAIN B §5.2, digitisation).
    returned_electronic = models.PositiveIntegerField(_("trả kết quả điện tử"), default=0)
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
