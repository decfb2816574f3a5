"""The PAR Index (Chỉ số cải cách hành chính, Chỉ số CCHC), DOMAIN A7 and B §6.

A ``Framework`` (bộ tiêu chí) per year and unit kind — province, department, district (until
its abolition), commune — holds a tree of ``Criterion`` rows: fields (lĩnh vực) → criteria
(tiêu chí) → sub-criteria (tiêu chí thành phần). A node without children is *scored*; its
``method`` says where its points come from:

- ``self`` — the unit self-assesses (points within the maximum, with evidence: files, links or
  document numbers), Home Affairs appraises;
- ``live`` — the platform measures it: a rate of two measures of the indicator engine
  (``cchc.stats.measures``) over the framework's period, turned into points by a rule (linear
  between two rates, or thresholds); it cannot be overwritten, only annotated;
- ``survey`` — points from the unit's survey index (``cchc.surveys.selectors``);
- ``appraisal`` — only Home Affairs gives the points.

The national provincial framework (Decision 876/QĐ-BNV) has 8 fields, 37 criteria and 88
sub-criteria, 68 points appraised and 32 from the survey; its structure is data, loaded from the
province's decision (Excel import, ``cchc.parindex.excel``).

An ``Assessment`` is one unit's assessment against one framework; its ``Score`` rows (one per
scored node) carry the self-assessment, the live or survey value and the appraisal; ``Evidence``
the files and links; ``AssessmentEvent`` the history (append-only). A ``PublishedResult`` is
the figure the province published — frozen, so a correction (which reopens the assessment with
a reason) does not change a published ranking until it is published again. A
``RemediationTask`` is what a unit does about one weak criterion.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cchc.domain.serving_index import ZeroRule
from cchc.stats.measures import MEASURES

MEASURE_CHOICES = [(m.name, m.label) for m in MEASURES.values()]
MIN_YEAR = 2000
MAX_YEAR = 2100


def default_bands() -> list[list]:
    """DOMAIN A7's default bands, [[lowest percent, name], …] from the top band down
    (configurable per framework; ``cchc.domain.scoring.DEFAULT_BANDS`` is the same)."""
    return [[90, "Xuất sắc"], [80, "Tốt"], [70, "Khá"], [50, "Trung bình"], [0, "Yếu"]]


class UnitKind(models.TextChoices):
    """The kinds of unit a framework is for (Agency.Level without divisions)."""

    PROVINCE = "province", _("Cấp tỉnh")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    DISTRICT = "district", _("Cấp huyện")
    COMMUNE = "commune", _("Cấp xã")


class Framework(models.Model):
    """A framework (bộ tiêu chí xác định Chỉ số CCHC) for one year and unit kind."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang xây dựng")
        OPEN = "open", _("Đang đánh giá")
        PUBLISHED = "published", _("Đã công bố kết quả")

    year = models.PositiveSmallIntegerField(
        _("năm đánh giá"), validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]
    )
    unit_kind = models.CharField(_("đối tượng"), max_length=12, choices=UnitKind.choices)
    name = models.CharField(_("tên bộ tiêu chí"), max_length=255)
    decision = models.CharField(_("quyết định ban hành"), max_length=100, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    is_sample = models.BooleanField(
        _("bộ tiêu chí mẫu"),
        default=False,
        help_text=_("Bộ mẫu đi kèm phần mềm, cần thay bằng quyết định của tỉnh."),
    )
    rescale_without_survey = models.BooleanField(
        _("quy đổi về thang 100 khi không có điều tra xã hội học"), default=True
    )
    bands = models.JSONField(_("mức xếp loại"), default=default_bands)
    period_from = models.DateField(_("kỳ đánh giá từ ngày"))
    period_to = models.DateField(_("kỳ đánh giá đến ngày"))
    self_assessment_due = models.DateField(_("hạn gửi tự đánh giá"), null=True, blank=True)
    clarification_days = models.PositiveSmallIntegerField(
        _("số ngày làm việc để giải trình"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    copied_from = models.ForeignKey(
        "self",
        verbose_name=_("sao chép từ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("bộ tiêu chí Chỉ số CCHC")
        verbose_name_plural = _("bộ tiêu chí Chỉ số CCHC")
        ordering = ["-year", "unit_kind"]
        constraints = [
            models.UniqueConstraint(fields=["year", "unit_kind"], name="parindex_framework_year"),
            models.CheckConstraint(
                condition=Q(period_to__gte=models.F("period_from")),
                name="parindex_framework_period_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class Criterion(models.Model):
    """A node of a framework's tree: a field, a criterion or a sub-criterion."""

    class Level(models.TextChoices):
        FIELD = "field", _("Lĩnh vực")
        CRITERION = "criterion", _("Tiêu chí")
        SUB = "sub", _("Tiêu chí thành phần")

    class Method(models.TextChoices):
        SELF = "self", _("Tự đánh giá, có tài liệu kiểm chứng")
        LIVE = "live", _("Số liệu trên hệ thống")
        SURVEY = "survey", _("Điều tra xã hội học")
        APPRAISAL = "appraisal", _("Thẩm định")

    class LiveRule(models.TextChoices):
        LINEAR = "linear", _("Tuyến tính giữa hai ngưỡng")
        THRESHOLDS = "thresholds", _("Theo bậc")

    class Zero(models.TextChoices):
        ZERO = ZeroRule.ZERO, _("0 điểm")
        FULL = ZeroRule.FULL, _("Điểm tối đa")
        NOT_APPLICABLE = ZeroRule.NOT_APPLICABLE, _("Không áp dụng")

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="criteria")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    code = models.CharField(_("mã"), max_length=20)
    name = models.CharField(_("nội dung"), max_length=1000)
    max_points = models.DecimalField(
        _("điểm tối đa"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(1000)],
    )
    method = models.CharField(
        _("cách chấm điểm"), max_length=10, choices=Method.choices, default=Method.SELF
    )
    guidance = models.TextField(_("hướng dẫn chấm điểm"), blank=True)
    required_evidence = models.TextField(_("tài liệu kiểm chứng yêu cầu"), blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    # Live metric: numerator / denominator of the indicator engine over the framework's period.
    live_numerator = models.CharField(
        _("tử số"), max_length=40, choices=MEASURE_CHOICES, blank=True
    )
    live_denominator = models.CharField(
        _("mẫu số"), max_length=40, choices=MEASURE_CHOICES, blank=True
    )
    live_rule = models.CharField(
        _("cách quy đổi điểm"), max_length=12, choices=LiveRule.choices, blank=True
    )
    live_lower = models.DecimalField(
        _("tỷ lệ 0 điểm"),
        max_digits=5,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    live_upper = models.DecimalField(
        _("tỷ lệ đạt điểm tối đa"),
        max_digits=5,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )
    live_steps = models.JSONField(_("bậc điểm"), default=list, blank=True)
    live_zero = models.CharField(
        _("khi mẫu số bằng 0"), max_length=16, choices=Zero.choices, default=Zero.ZERO
    )

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["framework", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="parindex_criterion_code")
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class Assessment(models.Model):
    """One unit's assessment against one framework (tự đánh giá → thẩm định → công bố)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang tự đánh giá")
        SUBMITTED = "submitted", _("Đã gửi, chờ thẩm định")
        CLARIFICATION = "clarification", _("Yêu cầu giải trình")
        APPRAISED = "appraised", _("Đã thẩm định, chờ hội đồng")
        FINALISED = "finalised", _("Hội đồng đã xác nhận")
        PUBLISHED = "published", _("Đã công bố")

    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="assessments")
    agency = models.ForeignKey(
        "org.Agency", on_delete=models.PROTECT, related_name="par_assessments"
    )
    status = models.CharField(
        _("trạng thái"), max_length=14, choices=Status.choices, default=Status.DRAFT
    )
    # The deadline of the step the assessment waits on (self-assessment, clarification),
    # computed on the working calendar by the services.
    due_date = models.DateField(_("hạn"), null=True, blank=True)
    # Figures kept by the services after every change (worklists read them, never recompute).
    self_total = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    total = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    percent = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    classification = models.CharField(max_length=50, blank=True)
    live_refreshed_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    finalised_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kết quả tự đánh giá, thẩm định")
        verbose_name_plural = _("kết quả tự đánh giá, thẩm định")
        ordering = ["framework", "agency__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "agency"], name="parindex_assessment_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} — {self.framework}"


class Score(models.Model):
    """One scored node of one assessment."""

    class Review(models.TextChoices):
        PENDING = "pending", _("Chưa thẩm định")
        ACCEPTED = "accepted", _("Đồng ý")
        ADJUSTED = "adjusted", _("Điều chỉnh")
        CLARIFY = "clarify", _("Yêu cầu giải trình")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    self_points = models.DecimalField(
        _("điểm tự đánh giá"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    explanation = models.TextField(_("giải trình, thuyết minh"), blank=True)
    # Live metric (filled by the platform) and survey value.
    live_numerator = models.BigIntegerField(null=True, blank=True)
    live_denominator = models.BigIntegerField(null=True, blank=True)
    survey_index = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    system_points = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    annotation = models.TextField(_("ghi chú"), blank=True)
    # Appraisal by Home Affairs.
    review = models.CharField(
        _("thẩm định"), max_length=10, choices=Review.choices, default=Review.PENDING
    )
    appraised_points = models.DecimalField(
        _("điểm thẩm định"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    review_comment = models.TextField(_("ý kiến thẩm định"), blank=True)
    clarification_answer = models.TextField(_("nội dung giải trình"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("điểm tiêu chí")
        verbose_name_plural = _("điểm tiêu chí")
        ordering = ["assessment", "criterion__order", "criterion_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "criterion"], name="parindex_score_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assessment_id}/{self.criterion_id}"


class Evidence(models.Model):
    """A piece of evidence (tài liệu kiểm chứng) for one score: a file (checked as the portal
    checks uploads), a link, or a document number and date. Removal is soft."""

    score = models.ForeignKey(Score, on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField(_("tệp"), upload_to="parindex/%Y/%m/", blank=True)
    original_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    link = models.URLField(_("đường dẫn"), max_length=1000, blank=True)
    document = models.CharField(_("số, ký hiệu văn bản"), max_length=100, blank=True)
    note = models.CharField(_("mô tả"), max_length=500, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField()
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tài liệu kiểm chứng")
        verbose_name_plural = _("tài liệu kiểm chứng")
        ordering = ["score", "added_at", "id"]

    def __str__(self) -> str:
        return self.original_name or self.link or self.document or self.note


class AssessmentEvent(models.Model):
    """One step in an assessment's history, never changed."""

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveIntegerField()
    action = models.CharField(max_length=30)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    from_status = models.CharField(max_length=14, blank=True)
    to_status = models.CharField(max_length=14)
    criterion_code = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)
    at = models.DateTimeField()

    class Meta:
        verbose_name = _("diễn biến đánh giá")
        verbose_name_plural = _("diễn biến đánh giá")
        ordering = ["assessment", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "seq"], name="parindex_event_seq_unique")
        ]

    def __str__(self) -> str:
        return f"{self.assessment_id} #{self.seq} {self.action}"


class PublishedResult(models.Model):
    """The result the province published for one assessment, frozen at publication.
    ``superseded_at`` is set when a corrected result is published in its place."""

    assessment = models.ForeignKey(Assessment, on_delete=models.PROTECT, related_name="results")
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="results")
    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    total = models.DecimalField(max_digits=7, decimal_places=2)
    max_points = models.DecimalField(max_digits=7, decimal_places=2)
    percent = models.DecimalField(max_digits=6, decimal_places=2)
    classification = models.CharField(max_length=50)
    eligible = models.BooleanField()
    surveyed = models.BooleanField(default=False)
    # [{"field_code", "field_name", "points", "max", "percent"}] as strings of decimals.
    components = models.JSONField(default=list)
    # {criterion code: points} of every scored node, for the province-wide criterion view.
    points = models.JSONField(default=dict)
    rank = models.PositiveIntegerField(null=True, blank=True)
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("kết quả công bố")
        verbose_name_plural = _("kết quả công bố")
        ordering = ["framework", "rank", "agency__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment"],
                condition=Q(superseded_at__isnull=True),
                name="parindex_result_current",
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.percent}%"


class RemediationTask(models.Model):
    """What a unit does about one weak criterion (nhiệm vụ khắc phục): owner, due date,
    status and evidence; worked through by the unit, followed by Home Affairs."""

    class Status(models.TextChoices):
        OPEN = "open", _("Chưa thực hiện")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Đã hoàn thành")
        CANCELLED = "cancelled", _("Huỷ")

    assessment = models.ForeignKey(
        Assessment, on_delete=models.PROTECT, related_name="remediation_tasks"
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    action = models.TextField(_("việc cần làm"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người phụ trách"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="par_remediation_tasks",
    )
    due_date = models.DateField(_("hạn hoàn thành"))
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    progress_note = models.TextField(_("kết quả thực hiện"), blank=True)
    evidence_link = models.URLField(_("đường dẫn minh chứng"), max_length=1000, blank=True)
    evidence_file = models.FileField(_("tệp minh chứng"), upload_to="parindex/%Y/%m/", blank=True)
    evidence_name = models.CharField(max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)
    points_gap = models.DecimalField(max_digits=6, decimal_places=2, default=Decimal(0))

    class Meta:
        verbose_name = _("nhiệm vụ khắc phục")
        verbose_name_plural = _("nhiệm vụ khắc phục")
        ordering = ["due_date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "criterion"],
                condition=~Q(status="cancelled"),
                name="parindex_task_one_open_per_criterion",
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion.code}: {self.action[:60]}"
