"""Survey campaigns in the SIPAS style (DOMAIN A8, issue 11 §3).

A ``Questionnaire`` is versioned: a draft is edited, a published version is frozen (the
services refuse every change) and a new draft copies it. A ``Campaign`` asks one published
version in strata of agency × service; each ``Stratum`` keeps its population N and the target n
of Yamane's formula. A ``ResponseToken`` is the one-use link handed to one sampled dossier's
applicant or to a walk-in or resident respondent; a ``Response`` comes through a token (online)
or is typed in by staff from paper or a phone interview, marked as such.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cchc.satisfaction.models import Aspect

MAX_TEXT_ANSWER = 2000


class QuestionKind(models.TextChoices):
    SCALE5 = "scale5", _("Thang 5 mức")
    LEVEL3 = "level3", _("3 mức")
    SINGLE = "single", _("Chọn một")
    MULTIPLE = "multiple", _("Chọn nhiều")
    TEXT = "text", _("Ý kiến")


GRADED = {QuestionKind.SCALE5, QuestionKind.LEVEL3}
SCALE5_LABELS = {
    1: _("Rất không hài lòng"),
    2: _("Không hài lòng"),
    3: _("Bình thường"),
    4: _("Hài lòng"),
    5: _("Rất hài lòng"),
}
LEVEL3_LABELS = {1: _("Không hài lòng"), 2: _("Hài lòng"), 3: _("Rất hài lòng")}


class Questionnaire(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Bản nháp")
        PUBLISHED = "published", _("Đã ban hành")

    code = models.CharField(_("mã bộ câu hỏi"), max_length=40)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    title = models.CharField(_("tên bộ câu hỏi"), max_length=255)
    service_type = models.CharField(_("loại dịch vụ"), max_length=100, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("ban hành lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("bộ câu hỏi khảo sát")
        verbose_name_plural = _("bộ câu hỏi khảo sát")
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="questionnaire_code_version")
        ]

    def __str__(self) -> str:
        return f"{self.code} v{self.version} — {self.title}"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Question(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="questions"
    )
    position = models.PositiveIntegerField(_("thứ tự"))
    element = models.CharField(_("tiêu chí"), max_length=16, choices=Aspect.choices, blank=True)
    kind = models.CharField(_("loại câu hỏi"), max_length=10, choices=QuestionKind.choices)
    text = models.CharField(_("nội dung câu hỏi"), max_length=500)
    choices = models.JSONField(_("các lựa chọn"), default=list, blank=True)
    required = models.BooleanField(_("bắt buộc"), default=True)

    class Meta:
        verbose_name = _("câu hỏi khảo sát")
        verbose_name_plural = _("câu hỏi khảo sát")
        ordering = ["questionnaire", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "position"], name="question_position_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.text}"

    @property
    def is_graded(self) -> bool:
        return self.kind in GRADED

    def options(self) -> list[tuple[int, str]]:
        """(value, label) of the answers a respondent may pick, in the order shown."""
        if self.kind == QuestionKind.SCALE5:
            return [(value, str(label)) for value, label in SCALE5_LABELS.items()]
        if self.kind == QuestionKind.LEVEL3:
            return [(value, str(label)) for value, label in LEVEL3_LABELS.items()]
        return list(enumerate(self.choices))


class Campaign(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Đang khảo sát")
        CLOSED = "closed", _("Đã kết thúc")

    code = models.CharField(_("mã đợt khảo sát"), max_length=40, unique=True)
    name = models.CharField(_("tên đợt khảo sát"), max_length=255)
    period_start = models.DateField(_("hồ sơ trả kết quả từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name=_("bộ câu hỏi"), on_delete=models.PROTECT, related_name="+"
    )
    margin = models.DecimalField(
        _("sai số e"), max_digits=4, decimal_places=3, default=Decimal("0.050")
    )
    seed = models.CharField(_("hạt giống chọn mẫu"), max_length=64)
    agencies = models.ManyToManyField(
        "org.Agency", verbose_name=_("cơ quan, đơn vị được khảo sát"), related_name="+"
    )
    procedures = models.ManyToManyField(
        "catalog.Procedure", verbose_name=_("thủ tục được khảo sát"), related_name="+", blank=True
    )
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    token_expires_at = models.DateTimeField(_("phiếu hết hạn lúc"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    created_at = models.DateTimeField(_("tạo lúc"))

    class Meta:
        verbose_name = _("đợt khảo sát")
        verbose_name_plural = _("đợt khảo sát")
        ordering = ["-period_start", "code"]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class Stratum(models.Model):
    """One agency × one service of a campaign: a procedure, or a named service of a public
    service unit (a hospital's outpatient visit) whose population is declared."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="strata")
    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    procedure = models.ForeignKey(
        "catalog.Procedure", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    service_name = models.CharField(_("dịch vụ"), max_length=255)
    population = models.PositiveIntegerField(_("tổng thể N"))
    target = models.PositiveIntegerField(_("cỡ mẫu n"))

    class Meta:
        verbose_name = _("nhóm khảo sát")
        verbose_name_plural = _("nhóm khảo sát")
        ordering = ["campaign", "agency__code", "service_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "agency", "service_name"], name="stratum_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} × {self.service_name}"


class RespondentKind(models.TextChoices):
    DOSSIER = "dossier", _("Người có hồ sơ được chọn mẫu")
    WALK_IN = "walk_in", _("Người đến giao dịch")
    RESIDENT = "resident", _("Người dân trên địa bàn")


class Channel(models.TextChoices):
    ONLINE = "online", _("Trực tuyến qua mã phiếu")
    PAPER = "paper", _("Phiếu giấy (cán bộ nhập)")
    PHONE = "phone", _("Phỏng vấn qua điện thoại (cán bộ nhập)")


class ResponseToken(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="tokens")
    stratum = models.ForeignKey(Stratum, on_delete=models.PROTECT, related_name="tokens")
    key = models.CharField(max_length=32, unique=True, editable=False)
    respondent = models.CharField(_("đối tượng"), max_length=10, choices=RespondentKind.choices)
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    used_at = models.DateTimeField(_("đã dùng lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("mã phiếu khảo sát")
        verbose_name_plural = _("mã phiếu khảo sát")
        ordering = ["campaign", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "dossier"], name="token_dossier_unique")
        ]

    def __str__(self) -> str:
        return self.key


class Response(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="responses")
    stratum = models.ForeignKey(Stratum, on_delete=models.PROTECT, related_name="responses")
    token = models.OneToOneField(
        ResponseToken, on_delete=models.PROTECT, related_name="response", null=True, blank=True
    )
    channel = models.CharField(_("hình thức"), max_length=10, choices=Channel.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    submitted_at = models.DateTimeField(_("ghi nhận lúc"))

    class Meta:
        verbose_name = _("phiếu trả lời")
        verbose_name_plural = _("phiếu trả lời")
        ordering = ["campaign", "pk"]

    def __str__(self) -> str:
        return f"{self.campaign.code} #{self.pk}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.PROTECT, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    values = models.JSONField(default=list, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("câu trả lời")
        verbose_name_plural = _("câu trả lời")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="answer_unique")
        ]

    def __str__(self) -> str:
        return f"{self.response_id}/{self.question_id}"


class SurveyEvent(models.Model):
    """The history of a campaign: opened, sample drawn, tokens issued, responses, closed."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="events")
    action = models.CharField(max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    at = models.DateTimeField()
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["campaign", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.campaign_id} {self.action}"
