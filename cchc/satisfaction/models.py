"""Ratings of the service per dossier (đánh giá mức độ hài lòng, DOMAIN A8) and their counters.

Once a dossier's result is ready, its applicant rates the service once: overall, per SIPAS
element (DOMAIN B §7) and per officer who handled the dossier. Ratings are final: one per
dossier (a unique constraint), never edited. ``SatisfactionDailyStat`` (per resolving and
receiving agency and local day), ``OfficerYearStat`` (per officer and year) and
``OfficerDailyStat`` (per officer, agency and local day) are kept exact by ``rating_submit``
in the same transaction; dashboards, the A8 flags and the list of officers often late read
them, with the thresholds of that list (``OfficerThreshold``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

MSG_SHARE_RANGE = _("Tỷ lệ phải từ 0 đến dưới 100 (%).")
MSG_POSITIVE = _("Giá trị phải lớn hơn 0.")
MSG_WHOLE_STEPS = _("Số bước phải là số nguyên.")


class Level(models.TextChoices):
    """The three answers (DOMAIN A8)."""

    VERY_SATISFIED = "very_satisfied", _("Rất hài lòng")
    SATISFIED = "satisfied", _("Hài lòng")
    NOT_SATISFIED = "not_satisfied", _("Không hài lòng")


class Aspect(models.TextChoices):
    """The five SIPAS elements (DOMAIN B §7), rated per dossier."""

    ACCESS = "access", _("Tiếp cận dịch vụ")
    PROCEDURE = "procedure", _("Thủ tục hành chính")
    CIVIL_SERVANT = "civil_servant", _("Công chức trực tiếp giải quyết")
    RESULT = "result", _("Kết quả dịch vụ")
    FEEDBACK = "feedback", _("Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị")


class Rating(models.Model):
    """The applicant's rating of one dossier (phiếu đánh giá). One per dossier, final."""

    class Via(models.TextChoices):
        ACCOUNT = "account", _("Tài khoản dịch vụ công")
        TOKEN = "token", _("Mã QR trên giấy hẹn")

    dossier = models.OneToOneField(
        "dossiers.Dossier",
        verbose_name=_("hồ sơ"),
        on_delete=models.PROTECT,
        related_name="rating",
    )
    # The dossier's agencies: the one that resolved it is the one rated (the A8 flag and the
    # satisfaction indicators are the resolving agency's, DOMAIN A6/A8); the one-stop unit
    # that served the applicant is kept as the second dimension.
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
    overall = models.CharField(_("đánh giá chung"), max_length=16, choices=Level.choices)
    comment = models.TextField(_("ý kiến"), blank=True)
    rater_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản đánh giá"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    via = models.CharField(_("đánh giá qua"), max_length=10, choices=Via.choices)
    rated_at = models.DateTimeField(_("đánh giá lúc"))

    class Meta:
        verbose_name = _("đánh giá hồ sơ")
        verbose_name_plural = _("đánh giá hồ sơ")
        indexes = [
            models.Index(fields=["resolving_agency", "rated_at"], name="rating_resolving_at")
        ]

    def __str__(self) -> str:
        return f"{self.dossier} — {self.get_overall_display()}"


class AspectRating(models.Model):
    """The rating of one SIPAS element in a dossier's rating."""

    rating = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="aspects")
    aspect = models.CharField(_("tiêu chí"), max_length=16, choices=Aspect.choices)
    level = models.CharField(_("mức độ"), max_length=16, choices=Level.choices)

    class Meta:
        verbose_name = _("đánh giá theo tiêu chí")
        verbose_name_plural = _("đánh giá theo tiêu chí")
        constraints = [
            models.UniqueConstraint(fields=["rating", "aspect"], name="rating_aspect_unique")
        ]

    def __str__(self) -> str:
        return f"{self.get_aspect_display()}: {self.get_level_display()}"


class OfficerRating(models.Model):
    """The rating of one officer who handled the dossier (from its event log)."""

    rating = models.ForeignKey(Rating, on_delete=models.PROTECT, related_name="officers")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ"),
        on_delete=models.PROTECT,
        related_name="received_ratings",
    )
    # The officer's agency and role when rated: people move, the rating stays where it was.
    agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(_("vai trò"), max_length=20)
    level = models.CharField(_("mức độ"), max_length=16, choices=Level.choices)
    rated_at = models.DateTimeField(_("đánh giá lúc"))

    class Meta:
        verbose_name = _("đánh giá cán bộ")
        verbose_name_plural = _("đánh giá cán bộ")
        constraints = [
            models.UniqueConstraint(fields=["rating", "officer"], name="rating_officer_unique")
        ]
        indexes = [models.Index(fields=["officer", "rated_at"], name="rating_officer_at")]

    def __str__(self) -> str:
        return f"{self.officer} — {self.get_level_display()}"


COUNTERS = ("very_satisfied", "satisfied", "not_satisfied")


class SatisfactionDailyStat(models.Model):
    """Overall ratings received on one local day for one resolving agency and one receiving
    agency (exact counters)."""

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
    day = models.DateField(_("ngày"))
    very_satisfied = models.PositiveIntegerField(_("rất hài lòng"), default=0)
    satisfied = models.PositiveIntegerField(_("hài lòng"), default=0)
    not_satisfied = models.PositiveIntegerField(_("không hài lòng"), default=0)

    class Meta:
        verbose_name = _("thống kê đánh giá theo ngày")
        verbose_name_plural = _("thống kê đánh giá theo ngày")
        constraints = [
            models.UniqueConstraint(
                fields=["resolving_agency", "receiving_agency", "day"],
                name="satisfaction_daily_agencies_day",
            )
        ]
        indexes = [
            models.Index(fields=["day", "resolving_agency"], name="satisfaction_day_resolving"),
            models.Index(fields=["day", "receiving_agency"], name="satisfaction_day_receiving"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.resolving_agency_id}/{self.receiving_agency_id}"


class OfficerYearStat(models.Model):
    """Ratings an officer received in one year (exact counters; the A8 officer flag)."""

    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    very_satisfied = models.PositiveIntegerField(_("rất hài lòng"), default=0)
    satisfied = models.PositiveIntegerField(_("hài lòng"), default=0)
    not_satisfied = models.PositiveIntegerField(_("không hài lòng"), default=0)

    class Meta:
        verbose_name = _("thống kê đánh giá cán bộ theo năm")
        verbose_name_plural = _("thống kê đánh giá cán bộ theo năm")
        constraints = [
            models.UniqueConstraint(fields=["officer", "year"], name="satisfaction_officer_year")
        ]
        indexes = [models.Index(fields=["year", "officer"], name="satisfaction_year_officer")]

    def __str__(self) -> str:
        return f"{self.year} {self.officer_id}"


class OfficerDailyStat(models.Model):
    """Ratings an officer received on one local day, for the agency they served in when rated
    (exact counters): the "not satisfied" share of any period, not only a calendar year — the
    list of officers often late or complained about (seed 000 §2c). The agency is the one the
    officer rating keeps (``OfficerRating.agency``), or the dossier's resolving agency for an
    officer rated while in none, so that every rating is in some unit's scope."""

    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    day = models.DateField(_("ngày"))
    very_satisfied = models.PositiveIntegerField(_("rất hài lòng"), default=0)
    satisfied = models.PositiveIntegerField(_("hài lòng"), default=0)
    not_satisfied = models.PositiveIntegerField(_("không hài lòng"), default=0)

    class Meta:
        verbose_name = _("thống kê đánh giá cán bộ theo ngày")
        verbose_name_plural = _("thống kê đánh giá cán bộ theo ngày")
        constraints = [
            models.UniqueConstraint(
                fields=["officer", "agency", "day"], name="satisfaction_officer_daily"
            )
        ]
        indexes = [
            models.Index(fields=["day", "agency"], name="satisfaction_officer_day_ag"),
            models.Index(fields=["officer", "day"], name="satisfaction_officer_day"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.officer_id}/{self.agency_id}"


class OfficerThreshold(models.Model):
    """A threshold of the list of officers often late (seed 000 §2c), set by the province in
    the admin: an officer who crosses it in the period shown is flagged with it and the figure
    that crossed it (``cchc.domain.officer_watch``). One row per kind; an inactive or missing
    row is not applied. The seed names no figure: the defaults shipped by the migration are
    a starting point for the province's own decision, noted in ``source``."""

    class Kind(models.TextChoices):
        LATE_STEPS = "late_steps", _("Số bước xử lý trễ hạn (từ … bước)")
        LATE_SHARE = "late_share", _("Tỷ lệ bước xử lý trễ hạn (trên … %)")
        OVER_BUDGET = "over_budget", _("Thời gian vượt định mức (từ … giờ làm việc)")
        NOT_SATISFIED = "not_satisfied", _("Tỷ lệ đánh giá không hài lòng (trên … %)")

    kind = models.CharField(_("ngưỡng"), max_length=16, choices=Kind.choices, unique=True)
    value = models.DecimalField(
        _("giá trị"),
        max_digits=7,
        decimal_places=1,
        help_text=_("Số bước, tỷ lệ phần trăm hoặc số giờ làm việc, tùy loại ngưỡng."),
    )
    minimum = models.PositiveIntegerField(
        _("tối thiểu"),
        default=0,
        help_text=_(
            "Với ngưỡng tỷ lệ: chỉ xét khi có ít nhất chừng này bước xử lý hoặc lượt đánh giá."
        ),
    )
    active = models.BooleanField(_("đang áp dụng"), default=True)
    source = models.CharField(_("căn cứ"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("ngưỡng theo dõi cán bộ")
        verbose_name_plural = _("ngưỡng theo dõi cán bộ")
        ordering = ["kind"]

    def __str__(self) -> str:
        return str(self.get_kind_display())

    def clean(self) -> None:
        if self.value is None:
            return
        shares = (self.Kind.LATE_SHARE, self.Kind.NOT_SATISFIED)
        if self.kind in shares and not 0 <= self.value < 100:
            raise ValidationError({"value": MSG_SHARE_RANGE})
        if self.kind not in shares and self.value <= 0:
            raise ValidationError({"value": MSG_POSITIVE})
        if self.kind == self.Kind.LATE_STEPS and self.value != self.value.to_integral_value():
            raise ValidationError({"value": MSG_WHOLE_STEPS})


class EvaluationBand(models.TextChoices):
    """The bands of the per-dossier evaluation (``cchc.domain.evaluation.Band``)."""

    EXCELLENT = "excellent", _("Xuất sắc")
    GOOD = "good", _("Tốt")
    FAIR = "fair", _("Khá")
    AVERAGE = "average", _("Trung bình")
    WEAK = "weak", _("Yếu")


class EvaluationIndicator(models.TextChoices):
    """The nine indicators of Decree 61/2018 (``cchc.domain.evaluation.Indicator``)."""

    TOTAL_TIME = "total_time", _("Tổng thời gian giải quyết so với quy định")
    AGENCY_TIME = "agency_time", _("Thời gian thực hiện của từng cơ quan")
    CONTACTS = "contacts", _("Số lần liên hệ để hoàn thiện hồ sơ")
    AGENCIES_CONTACTED = "agencies_contacted", _("Số cơ quan phải liên hệ")
    ONE_STOP = "one_stop", _("Giải quyết tại Bộ phận Một cửa")
    PUBLICITY = "publicity", _("Công khai thủ tục hành chính")
    ATTITUDE = "attitude", _("Thái độ của cán bộ, công chức")
    FEEDBACK = "feedback", _("Tiếp nhận, giải trình ý kiến phản ánh, kiến nghị")
    ONLINE = "online", _("Tiến độ, chất lượng dịch vụ công trực tuyến")


class DossierEvaluation(models.Model):
    """The evaluation of one returned dossier (Decree 61/2018 regime, DOMAIN A8): nine
    indicator scores (``DossierEvaluationScore``), the self total and band (the band only once
    all nine are scored) and, once Home Affairs appraised it, the appraised total and band.
    Counted per resolving agency and local day of return in ``EvaluationDailyStat``."""

    dossier = models.OneToOneField(
        "dossiers.Dossier",
        verbose_name=_("hồ sơ"),
        on_delete=models.PROTECT,
        related_name="evaluation",
    )
    resolving_agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan giải quyết"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    day = models.DateField(_("ngày trả kết quả"))
    self_total = models.PositiveSmallIntegerField(_("tổng điểm tự đánh giá"), default=0)
    self_complete = models.BooleanField(_("đủ chín chỉ số"), default=False)
    self_band = models.CharField(
        _("xếp loại tự đánh giá"), max_length=10, choices=EvaluationBand.choices, blank=True
    )
    appraised_total = models.PositiveSmallIntegerField(
        _("tổng điểm thẩm định"), null=True, blank=True
    )
    appraised_band = models.CharField(
        _("xếp loại thẩm định"), max_length=10, choices=EvaluationBand.choices, blank=True
    )
    filled_at = models.DateTimeField(_("tính lúc"))
    appraised_at = models.DateTimeField(_("thẩm định lúc"), null=True, blank=True)
    appraised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thẩm định"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    appraisal_note = models.TextField(_("ghi chú thẩm định"), blank=True)

    class Meta:
        verbose_name = _("đánh giá giải quyết hồ sơ")
        verbose_name_plural = _("đánh giá giải quyết hồ sơ")
        indexes = [models.Index(fields=["resolving_agency", "day"], name="evaluation_agency_day")]

    def __str__(self) -> str:
        return f"{self.dossier} — {self.self_total}/18"


class DossierEvaluationScore(models.Model):
    """One indicator of one evaluation: the self score with where it came from, and the
    appraised score entered by Home Affairs."""

    class Source(models.TextChoices):
        PLATFORM = "platform", _("Hệ thống tự tính")
        RATING = "rating", _("Đánh giá của người dân")
        ENTERED = "entered", _("Nhập tay")

    evaluation = models.ForeignKey(
        DossierEvaluation, on_delete=models.CASCADE, related_name="scores"
    )
    indicator = models.CharField(_("chỉ số"), max_length=20, choices=EvaluationIndicator.choices)
    self_score = models.PositiveSmallIntegerField(_("điểm tự đánh giá"), null=True, blank=True)
    source = models.CharField(_("nguồn"), max_length=10, choices=Source.choices)
    appraised_score = models.PositiveSmallIntegerField(_("điểm thẩm định"), null=True, blank=True)

    class Meta:
        verbose_name = _("điểm chỉ số")
        verbose_name_plural = _("điểm chỉ số")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "indicator"], name="evaluation_indicator_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(self_score__lte=2) | models.Q(self_score__isnull=True),
                name="evaluation_self_score_max",
            ),
            models.CheckConstraint(
                condition=models.Q(appraised_score__lte=2) | models.Q(appraised_score__isnull=True),
                name="evaluation_appraised_score_max",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_indicator_display()}: {self.self_score}"


EVALUATION_COUNTERS = (
    "evaluated",
    "self_complete",
    "self_points",
    "self_excellent",
    "self_good",
    "self_fair",
    "self_average",
    "self_weak",
    "appraised",
    "appraised_points",
    "appraised_excellent",
    "appraised_good",
    "appraised_fair",
    "appraised_average",
    "appraised_weak",
)


class EvaluationDailyStat(models.Model):
    """Evaluations of the dossiers one resolving agency returned on one local day (exact
    counters): how many, the self and appraised points summed, and how many in each band."""

    resolving_agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan giải quyết"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    day = models.DateField(_("ngày"))
    evaluated = models.PositiveIntegerField(default=0)
    self_complete = models.PositiveIntegerField(default=0)
    self_points = models.PositiveIntegerField(default=0)
    self_excellent = models.PositiveIntegerField(default=0)
    self_good = models.PositiveIntegerField(default=0)
    self_fair = models.PositiveIntegerField(default=0)
    self_average = models.PositiveIntegerField(default=0)
    self_weak = models.PositiveIntegerField(default=0)
    appraised = models.PositiveIntegerField(default=0)
    appraised_points = models.PositiveIntegerField(default=0)
    appraised_excellent = models.PositiveIntegerField(default=0)
    appraised_good = models.PositiveIntegerField(default=0)
    appraised_fair = models.PositiveIntegerField(default=0)
    appraised_average = models.PositiveIntegerField(default=0)
    appraised_weak = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("thống kê đánh giá giải quyết hồ sơ theo ngày")
        verbose_name_plural = _("thống kê đánh giá giải quyết hồ sơ theo ngày")
        constraints = [
            models.UniqueConstraint(
                fields=["resolving_agency", "day"], name="evaluation_daily_agency_day"
            )
        ]
        indexes = [models.Index(fields=["day", "resolving_agency"], name="evaluation_day_agency")]

    def __str__(self) -> str:
        return f"{self.day} {self.resolving_agency_id}"
