"""Shared models: the working calendar table (lịch làm việc) and its versions.

The table holds the exceptions to the weekly rule (Monday–Friday): public holidays, days off
announced for the year and make-up working Saturdays (DOMAIN A2). It is seeded from the
``holidays`` package for 2015–2030 and edited by administrators; every edit creates a new
calendar version and a history row, so a due moment stored with its version can always be
explained.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarVersion(models.Model):
    """One version of the working calendar; the highest number is the current calendar."""

    number = models.PositiveIntegerField(_("số phiên bản"), unique=True)
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người sửa"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("phiên bản lịch làm việc")
        verbose_name_plural = _("phiên bản lịch làm việc")
        ordering = ["-number"]

    def __str__(self) -> str:
        return f"v{self.number}"


class CalendarDay(models.Model):
    """A date whose status is set by the calendar table rather than the weekly rule."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("Ngày lễ, Tết")
        DAY_OFF = "day_off", _("Ngày nghỉ bù / hoán đổi")
        MAKEUP_WORKDAY = "makeup_workday", _("Ngày làm bù")
        LOCAL = "local", _("Điều chỉnh của địa phương")

    date = models.DateField(_("ngày"), unique=True)
    is_working = models.BooleanField(_("là ngày làm việc"), default=False)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.LOCAL)
    reason = models.CharField(_("lý do"), max_length=300)
    legal_source = models.CharField(_("căn cứ pháp lý"), max_length=300, blank=True)
    version = models.ForeignKey(
        CalendarVersion,
        verbose_name=_("phiên bản lịch"),
        on_delete=models.PROTECT,
        related_name="days",
    )

    class Meta:
        verbose_name = _("ngày trong lịch làm việc")
        verbose_name_plural = _("lịch làm việc (ngày lễ, nghỉ bù, làm bù)")
        ordering = ["date"]

    def __str__(self) -> str:
        state = _("làm việc") if self.is_working else _("nghỉ")
        return f"{self.date:%d/%m/%Y} — {state}: {self.reason}"


class CalendarDayChange(models.Model):
    """Append-only history of calendar edits (which version changed which date, and how)."""

    version = models.ForeignKey(CalendarVersion, on_delete=models.PROTECT, related_name="changes")
    date = models.DateField(_("ngày"))
    was_working = models.BooleanField(_("trước: làm việc"), null=True)
    is_working = models.BooleanField(_("sau: làm việc"), null=True)
    reason = models.CharField(_("lý do"), max_length=300, blank=True)
    legal_source = models.CharField(_("căn cứ pháp lý"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("lịch sử sửa lịch")
        verbose_name_plural = _("lịch sử sửa lịch")
        ordering = ["-version__number", "date"]
        indexes = [models.Index(fields=["date"], name="core_calchange_date")]

    def __str__(self) -> str:
        return f"{self.version}: {self.date:%d/%m/%Y}"


class OutboxMessage(models.Model):
    """A notification waiting to be delivered (or delivered): e-mail, SMS or an in-app notice
    to an officer. Written in the transaction of the change that causes it; delivered by
    ``cchc.core.jobs.outbox_deliver``. Rows are never deleted: ``sent`` and ``failed`` stay as
    the record of what was sent to whom."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("Thư điện tử")
        SMS = "sms", _("Tin nhắn SMS")
        INTERNAL = "internal", _("Thông báo trong hệ thống")

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Gửi không thành công")

    channel = models.CharField(_("kênh"), max_length=10, choices=Channel.choices)
    recipient = models.CharField(_("người nhận"), max_length=254)
    subject = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"))
    template = models.CharField(_("mẫu"), max_length=60, blank=True)
    dedupe_key = models.CharField(max_length=120, unique=True, null=True, blank=True)
    dossier_code = models.CharField(_("mã hồ sơ"), max_length=40, blank=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications",
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    next_attempt_at = models.DateTimeField(_("gửi lần tới"), null=True, blank=True)
    # A delivery worker's lease: while it lies in the future the row is being sent and no
    # other worker takes it. A worker that dies mid-send leaves a lease that simply expires.
    claimed_until = models.DateTimeField(_("giữ để gửi đến lúc"), null=True, blank=True)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    read_at = models.DateTimeField(_("đã xem lúc"), null=True, blank=True)
    last_error = models.CharField(_("lỗi gần nhất"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    # The body carries a link that works for its recipient alone (a password reset, a contact
    # verification): never shown in the administration, and removed from the body once the
    # message is sent or given up (cchc.core.outbox.redact_links).
    secret = models.BooleanField(_("chứa liên kết riêng"), default=False)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("hộp thư đi (thông báo)")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="core_outbox_due"),
            models.Index(fields=["user", "read_at"], name="core_outbox_user_unread"),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.recipient}: {self.subject}"
