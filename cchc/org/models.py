"""Organisation: agencies (cơ quan, đơn vị) and people (người dùng) with their roles.

DOMAIN A1: agencies carry the electronic identification code (mã định danh điện tử, QCVN
102:2016/BTTTT, at most 13 characters, e.g. ``000.00.14.H56``), a level, a parent and the dates
they existed. Both regimes live in one tree: until 30/06/2025 province → departments and
districts → communes (Decree 61/2018); since 01/07/2025 province → departments and communes
(Decree 118/2025, two-tier local government). A merger ends the old units (``valid_to``) and
points them at their successor (``merged_into``); history stays attached to the old unit.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cchc.core.text import fold

AGENCY_CODE_VALIDATOR = RegexValidator(
    r"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9]{2}$",
    _("Mã định danh phải có dạng 000.00.14.H56 (QCVN 102:2016/BTTTT, tối đa 13 ký tự)."),
)
CITIZEN_ID_VALIDATOR = RegexValidator(
    r"^[0-9]{12}$", _("Số định danh cá nhân (CCCD) gồm đúng 12 chữ số.")
)
PHONE_VALIDATOR = RegexValidator(
    r"^0[0-9]{9}$", _("Số điện thoại gồm 10 chữ số, bắt đầu bằng số 0.")
)


class Agency(models.Model):
    """An agency or unit of the province (cơ quan, đơn vị)."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Cấp tỉnh")
        DEPARTMENT = "department", _("Sở, ban, ngành")
        DISTRICT = "district", _("Cấp huyện")
        COMMUNE = "commune", _("Cấp xã")
        DIVISION = "division", _("Phòng, đơn vị trực thuộc")

    code = models.CharField(
        _("mã định danh"), max_length=13, unique=True, validators=[AGENCY_CODE_VALIDATOR]
    )
    name = models.CharField(_("tên cơ quan"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    level = models.CharField(_("cấp"), max_length=20, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialised path of primary keys ("/1/7/42/"): a subtree is one indexed prefix filter.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    valid_from = models.DateField(_("hiệu lực từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến ngày"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("sáp nhập vào"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="predecessors",
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    name_search = models.CharField(max_length=255, editable=False, default="", db_index=True)

    class Meta:
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_search = fold(f"{self.name} {self.short_name} {self.code}")
        with transaction.atomic():
            super().save(*args, **kwargs)
            expected = f"{self.parent.path if self.parent else '/'}{self.pk}/"
            if self.path != expected:
                old = self.path
                Agency.objects.filter(pk=self.pk).update(path=expected)
                self.path = expected
                if old:
                    _move_subtree(old, expected)

    @property
    def unit(self) -> Agency:
        """The unit this agency belongs to: a division (phòng) rolls up to its department or
        commune; any other agency is its own unit. Figures and scopes are kept per unit."""
        agency = self
        while agency.level == Agency.Level.DIVISION and agency.parent_id:
            agency = agency.parent
        return agency

    def is_active_on(self, day: date) -> bool:
        """Did the unit exist on ``day``? (valid_from ≤ day ≤ valid_to, open ends allowed)"""
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_to and day > self.valid_to)

    @property
    def is_active(self) -> bool:
        return self.is_active_on(timezone.localdate())


def _move_subtree(old_prefix: str, new_prefix: str) -> None:
    for agency in Agency.objects.filter(path__startswith=old_prefix).exclude(path=new_prefix):
        Agency.objects.filter(pk=agency.pk).update(path=new_prefix + agency.path[len(old_prefix) :])


class User(AbstractUser):
    """A person who signs in: a citizen, or an officer of an agency with one role."""

    class Role(models.TextChoices):
        CITIZEN = "citizen", _("Công dân, tổ chức")
        COUNTER_OFFICER = "counter_officer", _("Cán bộ một cửa")
        SPECIALIST = "specialist", _("Chuyên viên xử lý")
        LEADER = "leader", _("Lãnh đạo")
        REFORM_OFFICER = "reform_officer", _("Cán bộ CCHC")
        HOME_AFFAIRS = "home_affairs", _("Sở Nội vụ (thẩm định)")
        COUNCIL_MEMBER = "council_member", _("Thành viên hội đồng thẩm định")
        SYSTEM_ADMIN = "system_admin", _("Quản trị hệ thống")

    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices, default=Role.CITIZEN)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    job_title = models.CharField(_("chức vụ"), max_length=150, blank=True)
    phone = models.CharField(
        _("điện thoại"), max_length=10, blank=True, validators=[PHONE_VALIDATOR]
    )
    citizen_id = models.CharField(
        _("số CCCD"), max_length=12, blank=True, validators=[CITIZEN_ID_VALIDATOR]
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    # Citizen accounts (portal). Notifications by e-mail and SMS are sent on the citizen's
    # consent; the choice starts from the consent given at sign-up (ConsentRecord keeps the
    # history). The notice version and moment record which personal-data notice the citizen
    # was shown when the account was opened.
    notify_email = models.BooleanField(_("nhận thông báo qua thư điện tử"), default=False)
    notify_sms = models.BooleanField(_("nhận thông báo qua tin nhắn SMS"), default=False)
    # When the citizen opened the link sent to this e-mail address / phone number: proof that
    # it is theirs. Notices about dossiers go only to a verified contact; a change of the
    # address or number clears it.
    email_verified_at = models.DateTimeField(_("xác minh thư điện tử lúc"), null=True, blank=True)
    phone_verified_at = models.DateTimeField(_("xác minh số điện thoại lúc"), null=True, blank=True)
    privacy_notice_version = models.CharField(
        _("phiên bản thông báo xử lý dữ liệu cá nhân"), max_length=20, blank=True
    )
    privacy_notice_at = models.DateTimeField(_("đã được thông báo lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("đóng tài khoản lúc"), null=True, blank=True)
    # Issue 14 — accounts: an officer's account unused for CCHC_ACCOUNT_IDLE_DAYS is disabled
    # by a job (when: here); an administrator who enables it again restarts the count (when:
    # ``reactivated_at``), so the next run does not disable it at once.
    idle_disabled_at = models.DateTimeField(
        _("khoá do không sử dụng lúc"), null=True, blank=True, editable=False
    )
    reactivated_at = models.DateTimeField(_("mở lại lúc"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")
        constraints = [
            # A citizen signs in with an e-mail address, so it belongs to one open citizen
            # account. Officers are not constrained (shared office mailboxes). Phone numbers
            # are kept unique by the portal's forms only: demo and test data share one.
            models.UniqueConstraint(
                Lower("email"),
                condition=models.Q(role="citizen", is_active=True) & ~models.Q(email=""),
                name="org_user_citizen_email_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name or super().get_full_name() or self.username

    @property
    def is_officer(self) -> bool:
        """Works for an agency (every role but citizen)."""
        return self.role != self.Role.CITIZEN


class ConsentRecord(models.Model):
    """A consent given or withdrawn by a citizen (sự đồng ý của chủ thể dữ liệu, Law 91/2025 on
    personal data protection): for which purpose, under which version of the notice, when.
    Append-only: the history proves what the citizen agreed to at any moment."""

    class Purpose(models.TextChoices):
        NOTIFY_EMAIL = "notify_email", _("Nhận thông báo về hồ sơ qua thư điện tử")
        NOTIFY_SMS = "notify_sms", _("Nhận thông báo về hồ sơ qua tin nhắn SMS")

    class Source(models.TextChoices):
        SIGNUP = "signup", _("Khi đăng ký tài khoản")
        ACCOUNT = "account", _("Tại trang tài khoản")
        CLOSURE = "closure", _("Khi đóng tài khoản")

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="consents")
    purpose = models.CharField(_("mục đích"), max_length=20, choices=Purpose.choices)
    granted = models.BooleanField(_("đồng ý"))
    notice_version = models.CharField(_("phiên bản thông báo"), max_length=20)
    source = models.CharField(_("nơi ghi nhận"), max_length=10, choices=Source.choices)
    at = models.DateTimeField(_("thời điểm"))

    class Meta:
        verbose_name = _("sự đồng ý")
        verbose_name_plural = _("sự đồng ý xử lý dữ liệu cá nhân")
        ordering = ["user", "at", "id"]

    def __str__(self) -> str:
        state = _("đồng ý") if self.granted else _("rút lại")
        return f"{self.user} — {self.get_purpose_display()}: {state}"


def api_token_expiry() -> datetime:
    """When a token issued now stops working: ``CCHC_API_TOKEN_DAYS`` (365) days from now."""
    return timezone.now() + timedelta(days=settings.CCHC_API_TOKEN_DAYS)


class ApiToken(models.Model):
    """A bearer token for API v1. Only a SHA-256 of the secret is stored. It works until it
    expires (``expires_at``, a year by default) or is revoked, whichever comes first; a token
    that leaked into a forgotten script stops working by itself."""

    PREFIX = "cchc_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên"), max_length=100, blank=True)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(_("gợi ý"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)
    # Tokens that existed before expiry was introduced get a year from that upgrade.
    expires_at = models.DateTimeField(_("hết hạn lúc"), default=api_token_expiry)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("khoá API")
        verbose_name_plural = _("khoá API")

    def __str__(self) -> str:
        return f"{self.user} — {self.hint}…"

    @staticmethod
    def digest(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @classmethod
    def issue(cls, user: User, name: str = "", *, days: int | None = None) -> tuple[ApiToken, str]:
        """Create a token valid for ``days`` (default ``CCHC_API_TOKEN_DAYS``); the raw secret
        is returned once and never stored."""
        raw = cls.PREFIX + secrets.token_urlsafe(32)
        expires_at = api_token_expiry() if days is None else timezone.now() + timedelta(days=days)
        token = cls.objects.create(
            user=user, name=name, key_hash=cls.digest(raw), hint=raw[:12], expires_at=expires_at
        )
        return token, raw


class PasswordHistory(models.Model):
    """A password an officer or administrator had before the current one (its hash only): with
    the current one, none of the last ``CCHC_PASSWORD_HISTORY`` may be chosen again
    (``cchc.org.passwords``)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="password_history")
    password = models.CharField(_("mã băm mật khẩu"), max_length=128)
    set_at = models.DateTimeField(_("đặt lúc"), default=timezone.now)

    class Meta:
        verbose_name = _("mật khẩu đã dùng")
        verbose_name_plural = _("mật khẩu đã dùng")
        indexes = [models.Index(fields=["user", "-set_at"], name="org_pwhist_user_recent")]

    def __str__(self) -> str:
        return f"{self.user} — {self.set_at:%d/%m/%Y %H:%M}"
