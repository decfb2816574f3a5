"""The catalogue of administrative procedures (danh mục thủ tục hành chính, TTHC).

A ``Procedure`` is the working record, identified by its national code (mã TTHC, e.g.
``1.001445``; DOMAIN B §3.2) and edited by catalogue managers. Each publishing decision
(quyết định công bố) freezes it into a ``ProcedureVersion`` — an immutable snapshot with the
decision number — so that every dossier keeps the version it was received under (DOMAIN A4).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cchc.core.text import fold

PROCEDURE_CODE_VALIDATOR = RegexValidator(
    r"^[1-3]\.[0-9]{6}(\.[A-Z][0-9]{2})?$",
    _("Mã TTHC có dạng 1.001445 (có thể thêm hậu tố tỉnh, ví dụ 1.000948.H38)."),
)


class Field(models.Model):
    """A field of state administration (lĩnh vực), e.g. Hộ tịch, Xây dựng."""

    code = models.CharField(_("mã lĩnh vực"), max_length=30, unique=True)
    name = models.CharField(_("tên lĩnh vực"), max_length=255)
    name_search = models.CharField(max_length=255, editable=False, default="")

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_search = fold(f"{self.name} {self.code}")
        super().save(*args, **kwargs)


class Procedure(models.Model):
    """An administrative procedure (thủ tục hành chính)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        PUBLISHED = "published", _("Mới ban hành")
        AMENDED = "amended", _("Sửa đổi, bổ sung")
        ABOLISHED = "abolished", _("Bãi bỏ")

    class TimeUnit(models.TextChoices):
        WORKING_DAYS = "working_days", _("ngày làm việc")
        WORKING_HOURS = "working_hours", _("giờ làm việc")

    class SupplementClock(models.TextChoices):
        PAUSE = "pause", _("Tạm dừng, tính tiếp khi nhận đủ hồ sơ bổ sung")
        RESTART = "restart", _("Tính lại từ đầu khi nhận đủ hồ sơ bổ sung")

    class OnlineMode(models.TextChoices):
        NONE = "none", _("Không trực tuyến")
        PARTIAL = "partial", _("Trực tuyến một phần")
        FULL = "full", _("Trực tuyến toàn trình")

    IN_FORCE = (Status.PUBLISHED, Status.AMENDED)

    code = models.CharField(
        _("mã TTHC"), max_length=30, unique=True, validators=[PROCEDURE_CODE_VALIDATOR]
    )
    name = models.CharField(_("tên thủ tục"), max_length=500)
    field = models.ForeignKey(
        Field, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="procedures"
    )
    at_province = models.BooleanField(_("cấp tỉnh"), default=False)
    at_district = models.BooleanField(_("cấp huyện (đến 30/06/2025)"), default=False)
    at_commune = models.BooleanField(_("cấp xã"), default=False)
    competent_agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan có thẩm quyền"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="competent_procedures",
        help_text=_(
            "Để trống khi cơ quan tiếp nhận cũng là cơ quan giải quyết (ví dụ UBND cấp xã)."
        ),
    )
    competent_text = models.CharField(_("mô tả cơ quan có thẩm quyền"), max_length=255, blank=True)
    receiving_agencies = models.ManyToManyField(
        "org.Agency",
        verbose_name=_("cơ quan tiếp nhận"),
        related_name="receivable_procedures",
        blank=True,
    )
    processing_time = models.DecimalField(
        _("thời hạn giải quyết"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    processing_unit = models.CharField(
        _("đơn vị thời hạn"), max_length=20, choices=TimeUnit.choices, default=TimeUnit.WORKING_DAYS
    )
    cutoff_time = models.TimeField(
        _("giờ tiếp nhận cuối ngày"),
        null=True,
        blank=True,
        help_text=_("Hồ sơ nhận sau giờ này được tính từ giờ mở cửa ngày làm việc tiếp theo."),
    )
    supplement_clock = models.CharField(
        _("khi yêu cầu bổ sung"),
        max_length=10,
        choices=SupplementClock.choices,
        default=SupplementClock.PAUSE,
    )
    online_mode = models.CharField(
        _("dịch vụ công trực tuyến"),
        max_length=10,
        choices=OnlineMode.choices,
        default=OnlineMode.NONE,
    )
    legacy_level = models.PositiveSmallIntegerField(
        _("mức độ DVC (trước 2022)"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(4)],
    )
    postal_submission = models.BooleanField(_("nộp qua bưu chính công ích"), default=True)
    postal_return = models.BooleanField(_("trả kết quả qua bưu chính công ích"), default=True)
    inter_agency = models.BooleanField(_("liên thông"), default=False)
    result_name = models.CharField(_("kết quả thực hiện"), max_length=255, blank=True)
    applicant_requirements = models.TextField(_("yêu cầu, điều kiện"), blank=True)
    decision_number = models.CharField(_("số quyết định công bố"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định công bố"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    version = models.PositiveIntegerField(_("phiên bản"), default=0, editable=False)
    search_text = models.CharField(max_length=800, editable=False, default="")
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")
        ordering = ["code"]
        indexes = [models.Index(fields=["status", "field"], name="catalog_proc_status_field")]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_text = fold(f"{self.code} {self.name}")
        super().save(*args, **kwargs)

    @property
    def is_in_force(self) -> bool:
        return self.status in self.IN_FORCE

    @property
    def processing_hours(self) -> Decimal:
        """The legal time in working hours (a working day being the office day)."""
        if self.processing_unit == self.TimeUnit.WORKING_HOURS:
            return self.processing_time
        return self.processing_time * working_day_hours()

    @property
    def processing_days(self) -> Decimal:
        if self.processing_unit == self.TimeUnit.WORKING_DAYS:
            return self.processing_time
        return (self.processing_time / working_day_hours()).quantize(Decimal("0.01"))


def working_day_hours() -> Decimal:
    from cchc.core.calendar import office_hours

    return Decimal(office_hours().day_seconds) / 3600


class RequiredDocument(models.Model):
    """A document of the dossier (thành phần hồ sơ)."""

    class Form(models.TextChoices):
        ORIGINAL = "original", _("Bản chính")
        COPY = "copy", _("Bản sao")
        CERTIFIED_COPY = "certified_copy", _("Bản sao có chứng thực")

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="documents")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    name = models.CharField(_("tên giấy tờ"), max_length=500)
    form = models.CharField(
        _("hình thức"), max_length=20, choices=Form.choices, default=Form.ORIGINAL
    )
    count = models.PositiveSmallIntegerField(_("số lượng"), default=1)
    is_optional = models.BooleanField(_("không bắt buộc"), default=False)

    class Meta:
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = _("thành phần hồ sơ")
        ordering = ["procedure", "order", "id"]

    def __str__(self) -> str:
        return self.name


class FeeItem(models.Model):
    """A fee or charge (phí, lệ phí) in VND."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="fees")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    name = models.CharField(_("nội dung"), max_length=300)
    amount_vnd = models.PositiveBigIntegerField(_("mức thu (đồng)"))

    class Meta:
        verbose_name = _("phí, lệ phí")
        verbose_name_plural = _("phí, lệ phí")
        ordering = ["procedure", "order", "id"]

    def __str__(self) -> str:
        return f"{self.name}: {self.amount_vnd}"


class LegalBasis(models.Model):
    """A legal document the procedure rests on (căn cứ pháp lý)."""

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="legal_bases")
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    text = models.CharField(_("văn bản"), max_length=500)

    class Meta:
        verbose_name = _("căn cứ pháp lý")
        verbose_name_plural = _("căn cứ pháp lý")
        ordering = ["procedure", "order", "id"]

    def __str__(self) -> str:
        return self.text


class ProcessStep(models.Model):
    """A step of the internal process (quy trình nội bộ) with its working-time budget."""

    class Role(models.TextChoices):
        COUNTER_OFFICER = "counter_officer", _("Cán bộ một cửa")
        SPECIALIST = "specialist", _("Chuyên viên xử lý")
        LEADER = "leader", _("Lãnh đạo")

    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("bước"))
    name = models.CharField(_("tên bước"), max_length=300)
    agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Để trống: cơ quan tiếp nhận hồ sơ."),
    )
    role = models.CharField(_("vai trò thực hiện"), max_length=20, choices=Role.choices)
    budget_hours = models.DecimalField(
        _("thời gian (giờ làm việc)"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )

    class Meta:
        verbose_name = _("bước quy trình nội bộ")
        verbose_name_plural = _("quy trình nội bộ")
        ordering = ["procedure", "order"]
        constraints = [
            models.UniqueConstraint(fields=["procedure", "order"], name="catalog_step_order_unique")
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"


class ProcedureVersion(models.Model):
    """A published version of a procedure: the snapshot frozen by a publishing decision."""

    procedure = models.ForeignKey(Procedure, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("phiên bản"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=Procedure.Status.choices)
    decision_number = models.CharField(_("số quyết định công bố"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    published_at = models.DateTimeField(_("công bố lúc"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    snapshot = models.JSONField(_("nội dung"))

    class Meta:
        verbose_name = _("phiên bản thủ tục")
        verbose_name_plural = _("phiên bản thủ tục")
        ordering = ["procedure", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["procedure", "number"], name="catalog_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.procedure.code} v{self.number} ({self.decision_number})"
