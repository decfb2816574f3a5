"""Summary tables for dashboards (ARCHITECTURE "Fast by construction"): dossier counts per
agency, procedure, day and channel, kept exact by the dossier services in the same
transaction as each change. No dashboard scans the dossier table."""

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
    "withdrawn",
    "stopped",
    "apologies",
    "apologies_timely",
    "third_visits",
    "paid",
    "paid_online",
)


class DossierDailyStat(models.Model):
    """Counts of dossier outcomes on one local day, for one receiving agency, procedure,
    submission channel and online mode."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
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
    paid = models.PositiveIntegerField(_("đã nộp phí"), default=0)
    paid_online = models.PositiveIntegerField(_("nộp phí trực tuyến"), default=0)

    class Meta:
        verbose_name = _("thống kê hồ sơ theo ngày")
        verbose_name_plural = _("thống kê hồ sơ theo ngày")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "procedure", "day", "channel", "online_mode"],
                name="stats_daily_unique",
            )
        ]
        indexes = [models.Index(fields=["day", "agency"], name="stats_daily_day_agency")]

    def __str__(self) -> str:
        return f"{self.day} {self.agency_id}/{self.procedure_id}/{self.channel}"
