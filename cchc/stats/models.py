"""The serving-quality index configuration (Decision 766/QĐ-TTg, DOMAIN A6 and B §5) and the
values the reform office enters for what the platform does not hold.

The report (``cchc.stats.report``) and the index (``cchc.stats.serving``) read the summary
counters kept by the apps below (``cchc.dossiers.models.DossierDailyStat``,
``cchc.satisfaction.models``); the tables here are configuration and entries, not counters.

**Dated configuration.** Groups (``IndexGroup``) and indicators (``IndexIndicator``) are valid
from a day, and to a day or open-ended; the configuration that applies to a period is the one
in force on the period's **last day** (a year scored after a mid-year change is scored by the
new rules, as the national portal rescored 2025 under its new set). A change of rules is a new
row with a new ``valid_from`` and the old row closed the day before: earlier periods keep
their scores. Two rows of one code may not be in force on the same day.

**Entered values** (``EnteredValue``): per indicator code, agency and period, a numerator and
a denominator typed by the reform office with who and when. They count toward a requested
period when their own period lies wholly inside it (months add up to a quarter); two entries
of one indicator and agency may not overlap. An entered indicator with no entry for an agency
and period is **not applicable**: never invented, never zero.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cchc.domain.serving_index import Bands, Linear, PointsRule, ZeroRule
from cchc.stats.measures import ENTERED, MEASURE_CHOICES

MSG_VALIDITY_ORDER = _("Ngày hết hiệu lực không được trước ngày có hiệu lực.")
MSG_VALIDITY_OVERLAP = _(
    "Mã %(code)s đã có một dòng còn hiệu lực trong khoảng thời gian này (từ %(start)s)."
)
MSG_BOTH_ENTERED = _("Tử số và mẫu số cùng nhập tay, hoặc cùng lấy từ số liệu của hệ thống.")
MSG_BANDS = _(
    "Bậc điểm là danh sách [tỷ lệ tối thiểu, điểm], tỷ lệ tăng dần từ 0 đến 1, điểm không giảm "
    "và không vượt điểm tối đa; ví dụ [[0.5, 1], [0.9, 4]]."
)
MSG_BANDS_MISSING = _("Cách tính theo bậc cần ít nhất một bậc điểm.")
MSG_OVER_GROUP = _("Điểm tối đa của chỉ tiêu vượt điểm tối đa của nhóm (%(max)s).")
MSG_PERIOD_ORDER = _("Ngày cuối kỳ không được trước ngày đầu kỳ.")
MSG_NUMERATOR_OVER = _("Tử số không được lớn hơn mẫu số.")
MSG_NOT_ENTERED = _("Chỉ tiêu %(code)s không nhập tay (lấy từ số liệu của hệ thống).")
MSG_NO_INDICATOR = _("Không có chỉ tiêu mã %(code)s trong cấu hình.")
MSG_DIVISION = _(
    "Nhập cho cơ quan giải quyết (sở, ban, ngành hoặc xã), không nhập cho phòng trực thuộc."
)
MSG_ENTRY_OVERLAP = _(
    "Đã có số liệu nhập cho chỉ tiêu này, cơ quan này trong kỳ %(start)s–%(end)s, trùng với kỳ "
    "đang nhập."
)


class Dated(models.Model):
    """A configuration row valid from a day to a day (inclusive) or open-ended."""

    valid_from = models.DateField(_("hiệu lực từ ngày"))
    valid_to = models.DateField(_("hiệu lực đến ngày"), null=True, blank=True)
    source = models.TextField(
        _("nguồn"), help_text=_("Văn bản, tài liệu làm căn cứ và mức độ tin cậy ([C], [S], [R]).")
    )

    class Meta:
        abstract = True

    def in_force_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def clean(self) -> None:
        super().clean()
        errors = self.dated_errors()
        if errors:
            raise ValidationError(errors)

    def dated_errors(self) -> dict[str, ValidationError]:
        """The validity errors: an end before the start, another row of the code in force on
        one of the same days."""
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            return {"valid_to": ValidationError(MSG_VALIDITY_ORDER)}
        if not (self.valid_from and getattr(self, "code", "")):
            return {}
        overlapping = (
            type(self)
            .objects.filter(code=self.code)
            .exclude(pk=self.pk)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))
        )
        if self.valid_to:
            overlapping = overlapping.filter(valid_from__lte=self.valid_to)
        other = overlapping.order_by("valid_from").first()
        if other is None:
            return {}
        params = {"code": self.code, "start": f"{other.valid_from:%d/%m/%Y}"}
        return {"valid_from": ValidationError(MSG_VALIDITY_OVERLAP, params=params)}


class IndexGroup(Dated):
    """A group of the index (nhóm chỉ số, DOMAIN A6 / B §5.1): code as in the national
    portal's API (CKMB, TDGQ, CLGQ, TTTT, MDHL, MDSH), name, maximum points."""

    code = models.CharField(_("mã nhóm"), max_length=10)
    name = models.CharField(_("tên nhóm"), max_length=255)
    max_points = models.DecimalField(
        _("điểm tối đa"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0)]
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=1)

    class Meta:
        verbose_name = _("nhóm chỉ số phục vụ")
        verbose_name_plural = _("nhóm chỉ số phục vụ")
        ordering = ["order", "code", "-valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="index_group_code_from"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="index_group_validity_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name} ({self.max_points})"


class IndexIndicator(Dated):
    """An indicator (chỉ tiêu) of a group: a rate numerator / denominator over the period,
    each a named measure (``cchc.stats.measures``) or entered by the reform office; points by
    a linear rule to a full-points threshold or by bands; a zero-denominator rule (DOMAIN A6,
    B §5.2)."""

    class Rule(models.TextChoices):
        LINEAR = "linear", _("Tuyến tính đến ngưỡng đạt điểm tối đa")
        BANDS = "bands", _("Theo bậc")

    class Zero(models.TextChoices):
        ZERO = ZeroRule.ZERO, _("0 điểm")
        FULL = ZeroRule.FULL, _("Điểm tối đa")
        NOT_APPLICABLE = ZeroRule.NOT_APPLICABLE, _("Không áp dụng (loại khỏi điểm tối đa)")

    code = models.CharField(_("mã chỉ tiêu"), max_length=20)
    name = models.CharField(_("tên chỉ tiêu"), max_length=500)
    group = models.ForeignKey(
        IndexGroup, verbose_name=_("nhóm"), on_delete=models.PROTECT, related_name="indicators"
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    numerator = models.CharField(_("tử số"), max_length=40, choices=MEASURE_CHOICES)
    denominator = models.CharField(_("mẫu số"), max_length=40, choices=MEASURE_CHOICES)
    max_points = models.DecimalField(
        _("điểm tối đa"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0)]
    )
    rule = models.CharField(_("cách tính điểm"), max_length=10, choices=Rule.choices)
    threshold = models.DecimalField(
        _("ngưỡng đạt điểm tối đa"),
        max_digits=5,
        decimal_places=4,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.0001")), MaxValueValidator(1)],
        help_text=_("Tỷ lệ từ 0 đến 1: 0.8 = đạt 80% là đủ điểm; 1 = tuyến tính."),
    )
    bands = models.JSONField(
        _("bậc điểm"),
        default=list,
        blank=True,
        help_text=_("Chỉ dùng khi tính theo bậc: [[tỷ lệ tối thiểu, điểm], …]."),
    )
    zero_rule = models.CharField(
        _("khi mẫu số bằng 0"), max_length=16, choices=Zero.choices, default=Zero.ZERO
    )

    class Meta:
        verbose_name = _("chỉ tiêu chỉ số phục vụ")
        verbose_name_plural = _("chỉ tiêu chỉ số phục vụ")
        ordering = ["group__order", "order", "code", "-valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["code", "valid_from"], name="index_indicator_code_from"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="index_indicator_validity_order",
            ),
            models.CheckConstraint(
                condition=Q(threshold__gt=0) & Q(threshold__lte=1),
                name="index_indicator_threshold_rate",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    @property
    def is_entered(self) -> bool:
        return self.numerator == ENTERED

    def points_rule(self) -> PointsRule:
        """The pure rule (``ValueError`` for bands that could score a better rate lower)."""
        if self.rule == self.Rule.BANDS:
            steps = tuple((Decimal(str(rate)), Decimal(str(pts))) for rate, pts in self.bands)
            return Bands(steps)
        return Linear(self.threshold)

    def clean(self) -> None:
        errors = self.dated_errors()
        if (self.numerator == ENTERED) != (self.denominator == ENTERED):
            errors["denominator"] = ValidationError(MSG_BOTH_ENTERED)
        if self.rule == self.Rule.BANDS:
            if not self.bands:
                errors["bands"] = ValidationError(MSG_BANDS_MISSING)
            else:
                try:
                    rule = self.points_rule()
                    if self.max_points is not None and rule.top > self.max_points:
                        raise ValueError("a band above the maximum")
                except (TypeError, ValueError, ArithmeticError):
                    errors["bands"] = ValidationError(MSG_BANDS)
        if self.group_id and self.max_points is not None:
            group_max = self.group.max_points
            if self.max_points > group_max:
                errors["max_points"] = ValidationError(MSG_OVER_GROUP, params={"max": group_max})
        if errors:
            raise ValidationError(errors)


class EnteredValue(models.Model):
    """A value the platform does not hold (announced procedures, synchronisation with the
    national portal, digitised components, population-database use…), entered by the reform
    office for one agency and period: shown as entered, with who entered it and when."""

    indicator_code = models.CharField(_("mã chỉ tiêu"), max_length=20)
    agency = models.ForeignKey(
        "org.Agency", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    period_from = models.DateField(_("từ ngày"))
    period_to = models.DateField(_("đến ngày"))
    numerator = models.PositiveIntegerField(_("tử số"))
    denominator = models.PositiveIntegerField(_("mẫu số"))
    note = models.TextField(_("ghi chú, nguồn số liệu"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("nhập lúc"))

    class Meta:
        verbose_name = _("số liệu chỉ số phục vụ nhập tay")
        verbose_name_plural = _("số liệu chỉ số phục vụ nhập tay")
        ordering = ["-period_from", "indicator_code", "agency"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_to__gte=models.F("period_from")),
                name="entered_value_period_order",
            ),
            models.CheckConstraint(
                condition=Q(numerator__lte=models.F("denominator")),
                name="entered_value_numerator_within",
            ),
        ]
        indexes = [
            models.Index(fields=["indicator_code", "period_from"], name="entered_value_code_from")
        ]

    def __str__(self) -> str:
        return f"{self.indicator_code} {self.agency_id} {self.period_from}–{self.period_to}"

    def clean(self) -> None:
        super().clean()
        errors: dict[str, ValidationError] = {}
        if self.period_from and self.period_to and self.period_to < self.period_from:
            errors["period_to"] = ValidationError(MSG_PERIOD_ORDER)
        if (
            self.numerator is not None
            and self.denominator is not None
            and self.numerator > self.denominator
        ):
            errors["numerator"] = ValidationError(MSG_NUMERATOR_OVER)
        if self.agency_id and self.agency.level == "division":
            errors["agency"] = ValidationError(MSG_DIVISION)
        if self.indicator_code:
            rows = list(IndexIndicator.objects.filter(code=self.indicator_code))
            if not rows:
                errors["indicator_code"] = ValidationError(
                    MSG_NO_INDICATOR, params={"code": self.indicator_code}
                )
            elif not any(row.is_entered for row in rows):
                errors["indicator_code"] = ValidationError(
                    MSG_NOT_ENTERED, params={"code": self.indicator_code}
                )
        if errors:
            raise ValidationError(errors)
        if self.agency_id and self.period_from and self.period_to:
            other = (
                EnteredValue.objects.filter(
                    indicator_code=self.indicator_code,
                    agency_id=self.agency_id,
                    period_from__lte=self.period_to,
                    period_to__gte=self.period_from,
                )
                .exclude(pk=self.pk)
                .first()
            )
            if other is not None:
                raise ValidationError(
                    MSG_ENTRY_OVERLAP,
                    params={
                        "start": f"{other.period_from:%d/%m/%Y}",
                        "end": f"{other.period_to:%d/%m/%Y}",
                    },
                )
