"""Yearly reform plans, their tasks and progress, periodic reports, reform inspections and the
modernisation registers (issue 13; seeds 000, 001, 002, 004).

- ``Plan`` (kế hoạch CCHC năm): one per year for the province and per agency, with its number
  and date; its appendix is a table of ``PlanTask`` rows grouped by reform area (seed 004's
  appendix: section headings, then numbered tasks — content, expected product, lead agency,
  coordinating agencies, timing). A task's timing (a quarter, a month, a date, the whole year,
  or continuous) is resolved to a due date on the working calendar; an agency's task may link to
  the province's task it carries out; remediation tasks of the PAR Index and follow-ups of
  inspections land here as tasks (``source``).
- ``TaskUpdate``: the append-only history of a task's progress with its evidence.
- ``PeriodicReport`` (báo cáo định kỳ): per agency (or the province) and period — quarter 1, six
  months, nine months, year — figures generated from live data and frozen at submission
  (``snapshot``), narrative sections the agency writes, and Home Affairs' return or acceptance;
  ``ReportEvent`` its history.
- ``Inspection`` (kiểm tra CCHC): planned, unannounced or self-inspection of one agency, its
  ``Finding`` rows with evidence, each followed up by a plan task, closed with evidence.
- ``IsoRegister`` (ISO 9001) and ``DocumentExchange`` (văn bản điện tử, monthly counts) per
  agency: the modernisation registers, with targets on the plan.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MIN_YEAR = 2000
MAX_YEAR = 2100


class Area(models.TextChoices):
    """The reform areas a plan's tasks are grouped by (seed 004, areas I–VIII)."""

    DIRECTION = "direction", _("Công tác chỉ đạo, điều hành")
    INSTITUTIONS = "institutions", _("Cải cách thể chế")
    PROCEDURES = "procedures", _("Cải cách thủ tục hành chính")
    ORGANISATION = "organisation", _("Cải cách tổ chức bộ máy")
    CIVIL_SERVICE = "civil_service", _("Cải cách chế độ công vụ")
    PUBLIC_FINANCE = "public_finance", _("Cải cách tài chính công")
    DIGITAL = "digital", _("Xây dựng, phát triển Chính phủ điện tử, Chính phủ số")
    OTHER = "other", _("Nhiệm vụ khác")


class Plan(models.Model):
    """A yearly reform plan (kế hoạch cải cách hành chính năm) of the province or an agency."""

    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]
    )
    agency = models.ForeignKey(
        "org.Agency", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="plans"
    )
    number = models.CharField(_("số, ký hiệu"), max_length=50, blank=True)
    date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    title = models.CharField(_("tên kế hoạch"), max_length=500)
    # Targets of the modernisation registers for the year (seeds 000 §7a, 004 V.6, V.10).
    target_iso_share = models.DecimalField(
        _("chỉ tiêu áp dụng ISO 9001 (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    target_document_share = models.DecimalField(
        _("chỉ tiêu văn bản điện tử (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kế hoạch CCHC")
        verbose_name_plural = _("kế hoạch CCHC")
        ordering = ["-year", "agency__code"]
        constraints = [
            models.UniqueConstraint(fields=["year", "agency"], name="plans_plan_year_agency")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"


class PlanTask(models.Model):
    """One task of a plan's appendix."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa thực hiện")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Đã hoàn thành")
        LATE = "late", _("Quá hạn")
        CANCELLED = "cancelled", _("Huỷ")

    class Timing(models.TextChoices):
        QUARTER = "quarter", _("Quý")
        MONTH = "month", _("Tháng")
        DATE = "date", _("Ngày")
        YEAR = "year", _("Cả năm")
        CONTINUOUS = "continuous", _("Thường xuyên")

    class Source(models.TextChoices):
        PLAN = "plan", _("Kế hoạch")
        PARINDEX = "parindex", _("Khắc phục Chỉ số CCHC")
        INSPECTION = "inspection", _("Kiểm tra CCHC")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    area = models.CharField(_("lĩnh vực"), max_length=20, choices=Area.choices)
    section = models.CharField(_("mục"), max_length=300, blank=True)
    number = models.CharField(_("số thứ tự"), max_length=20)
    order = models.PositiveIntegerField(default=0)
    content = models.TextField(_("nhiệm vụ cụ thể"))
    product = models.TextField(_("sản phẩm"), blank=True)
    lead_agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan chủ trì"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_plan_tasks",
    )
    # As written in the plan: a group ("Các sở, ban, ngành; UBND cấp huyện") or names.
    lead_text = models.CharField(_("cơ quan chủ trì (như trong kế hoạch)"), max_length=500)
    coordinating_agencies = models.ManyToManyField(
        "org.Agency",
        verbose_name=_("cơ quan phối hợp"),
        blank=True,
        related_name="coordinated_plan_tasks",
    )
    coordinating_text = models.CharField(
        _("cơ quan phối hợp (như trong kế hoạch)"), max_length=1000, blank=True
    )
    timing_text = models.CharField(_("thời gian thực hiện"), max_length=100)
    timing = models.CharField(max_length=12, choices=Timing.choices)
    due_date = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(
        _("tiến độ (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    note = models.TextField(_("ghi chú"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("nhiệm vụ của tỉnh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agency_tasks",
    )
    source = models.CharField(max_length=12, choices=Source.choices, default=Source.PLAN)
    remediation_task = models.OneToOneField(
        "parindex.RemediationTask",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_task",
    )
    done_at = models.DateTimeField(null=True, blank=True)
    late_notified_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "order", "id"]
        indexes = [models.Index(fields=["status", "due_date"], name="plans_task_status_due")]

    def __str__(self) -> str:
        return f"{self.number}. {self.content[:80]}"


class TaskUpdate(models.Model):
    """One progress report on a task (append-only), with its evidence."""

    task = models.ForeignKey(PlanTask, on_delete=models.PROTECT, related_name="updates")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField()
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12)
    progress = models.PositiveSmallIntegerField(default=0)
    note = models.TextField(blank=True)
    link = models.URLField(max_length=1000, blank=True)
    document = models.CharField(max_length=100, blank=True)
    file = models.FileField(upload_to="plans/%Y/%m/", blank=True)
    original_name = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("cập nhật tiến độ")
        verbose_name_plural = _("cập nhật tiến độ")
        ordering = ["task", "at", "id"]

    def __str__(self) -> str:
        return f"{self.task_id} {self.to_status} {self.progress}%"


class Period(models.TextChoices):
    """The reporting periods (quý I, 6 tháng, 9 tháng, năm)."""

    Q1 = "q1", _("Quý I")
    H1 = "h1", _("6 tháng")
    Q3 = "q3", _("9 tháng")
    YEAR = "year", _("Năm")


class PeriodicReport(models.Model):
    """An agency's (or the province's) periodic reform report for one period."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã gửi Sở Nội vụ")
        RETURNED = "returned", _("Trả lại để chỉnh sửa")
        ACCEPTED = "accepted", _("Đã tiếp nhận")

    agency = models.ForeignKey(
        "org.Agency", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="reports"
    )
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]
    )
    period = models.CharField(_("kỳ báo cáo"), max_length=4, choices=Period.choices)
    number = models.CharField(_("số, ký hiệu"), max_length=50, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    results = models.TextField(_("kết quả đạt được"), blank=True)
    limitations = models.TextField(_("tồn tại, hạn chế và nguyên nhân"), blank=True)
    proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True)
    signer_name = models.CharField(_("người ký"), max_length=150, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=150, blank=True)
    # The figures frozen at submission (JSON: one-stop, feedback, satisfaction, plan, index).
    snapshot = models.JSONField(default=dict, blank=True)
    snapshot_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(_("ý kiến của Sở Nội vụ"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("báo cáo định kỳ")
        verbose_name_plural = _("báo cáo định kỳ")
        ordering = ["-year", "period", "agency__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "period"], name="plans_report_agency_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} — {self.get_period_display()} {self.year}"


class ReportEvent(models.Model):
    """One step in a report's history, never changed."""

    report = models.ForeignKey(PeriodicReport, on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveIntegerField()
    action = models.CharField(max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10)
    note = models.TextField(blank=True)
    at = models.DateTimeField()

    class Meta:
        verbose_name = _("diễn biến báo cáo")
        verbose_name_plural = _("diễn biến báo cáo")
        ordering = ["report", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["report", "seq"], name="plans_report_event_seq")
        ]

    def __str__(self) -> str:
        return f"{self.report_id} #{self.seq} {self.action}"


class Inspection(models.Model):
    """A reform inspection (kiểm tra CCHC) of one agency."""

    class Kind(models.TextChoices):
        PLANNED = "planned", _("Theo kế hoạch")
        UNANNOUNCED = "unannounced", _("Đột xuất")
        SELF = "self", _("Tự kiểm tra")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Đã lên kế hoạch")
        DONE = "done", _("Đã kiểm tra")
        CLOSED = "closed", _("Đã kết thúc")

    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]
    )
    kind = models.CharField(_("hình thức"), max_length=12, choices=Kind.choices)
    agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan được kiểm tra"),
        on_delete=models.PROTECT,
        related_name="inspections",
    )
    inspector = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan kiểm tra"),
        on_delete=models.PROTECT,
        related_name="inspections_led",
    )
    date_from = models.DateField(_("từ ngày"))
    date_to = models.DateField(_("đến ngày"))
    scope = models.TextField(_("nội dung, phạm vi kiểm tra"))
    members = models.TextField(_("thành phần đoàn kiểm tra"), blank=True)
    minute_number = models.CharField(_("số biên bản"), max_length=50, blank=True)
    conclusion = models.TextField(_("kết luận"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("cuộc kiểm tra CCHC")
        verbose_name_plural = _("cuộc kiểm tra CCHC")
        ordering = ["-year", "date_from", "agency__code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_to__gte=models.F("date_from")), name="plans_inspection_dates"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency} — {self.date_from:%d/%m/%Y}"


class InspectionEvent(models.Model):
    """One step in an inspection's history (planned, recorded, a finding added or remedied,
    closed), never changed."""

    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveIntegerField()
    action = models.CharField(max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10)
    note = models.TextField(blank=True)
    at = models.DateTimeField()

    class Meta:
        verbose_name = _("diễn biến kiểm tra")
        verbose_name_plural = _("diễn biến kiểm tra")
        ordering = ["inspection", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "seq"], name="plans_inspection_event_seq")
        ]

    def __str__(self) -> str:
        return f"{self.inspection_id} #{self.seq} {self.action}"


class Finding(models.Model):
    """A fault an inspection found, its evidence, its follow-up task and its closure."""

    class Status(models.TextChoices):
        OPEN = "open", _("Chưa khắc phục")
        CLOSED = "closed", _("Đã khắc phục")

    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="findings")
    content = models.TextField(_("tồn tại, hạn chế phát hiện"))
    requirement = models.TextField(_("yêu cầu khắc phục"), blank=True)
    evidence_link = models.URLField(_("đường dẫn minh chứng"), max_length=1000, blank=True)
    evidence_file = models.FileField(_("tệp minh chứng"), upload_to="plans/%Y/%m/", blank=True)
    evidence_name = models.CharField(max_length=255, blank=True)
    due_date = models.DateField(_("hạn khắc phục"))
    task = models.OneToOneField(
        PlanTask,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="finding",
    )
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    closure_note = models.TextField(_("kết quả khắc phục"), blank=True)
    closure_link = models.URLField(max_length=1000, blank=True)
    closure_file = models.FileField(upload_to="plans/%Y/%m/", blank=True)
    closure_name = models.CharField(max_length=255, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("tồn tại phát hiện qua kiểm tra")
        verbose_name_plural = _("tồn tại phát hiện qua kiểm tra")
        ordering = ["inspection", "order", "id"]

    def __str__(self) -> str:
        return self.content[:80]


class IsoRegister(models.Model):
    """An agency's ISO 9001 quality-management status (hệ thống quản lý chất lượng)."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa xây dựng")
        BUILDING = "building", _("Đang xây dựng")
        APPLIED = "applied", _("Đã công bố áp dụng")
        CERTIFIED = "certified", _("Đã được chứng nhận")

    agency = models.OneToOneField(
        "org.Agency", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="iso"
    )
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    standard = models.CharField(_("tiêu chuẩn"), max_length=50, default="TCVN ISO 9001:2015")
    certificate = models.CharField(_("số quyết định, chứng nhận"), max_length=100, blank=True)
    certified_on = models.DateField(_("ngày công bố, chứng nhận"), null=True, blank=True)
    scope = models.TextField(_("phạm vi áp dụng"), blank=True)
    next_audit = models.DateField(
        _("đánh giá nội bộ, tái chứng nhận tiếp theo"), null=True, blank=True
    )
    procedures = models.ManyToManyField(
        "catalog.Procedure", verbose_name=_("thủ tục áp dụng"), blank=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("áp dụng ISO 9001")
        verbose_name_plural = _("áp dụng ISO 9001")
        ordering = ["agency__code"]

    def __str__(self) -> str:
        return f"{self.agency} — {self.get_status_display()}"


class DocumentExchange(models.Model):
    """An agency's documents sent and received in one month, and how many electronically
    (văn bản điện tử): entered by the agency or imported from a CSV of the document system."""

    class Source(models.TextChoices):
        ENTERED = "entered", _("Nhập tay")
        CSV = "csv", _("Nhập từ tệp CSV")

    agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        related_name="document_exchange",
    )
    month = models.DateField(_("tháng"))  # the first day of the month
    sent_total = models.PositiveIntegerField(_("văn bản đi"))
    sent_electronic = models.PositiveIntegerField(_("văn bản đi điện tử"))
    received_total = models.PositiveIntegerField(_("văn bản đến"))
    received_electronic = models.PositiveIntegerField(_("văn bản đến điện tử"))
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.ENTERED)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField()

    class Meta:
        verbose_name = _("văn bản điện tử theo tháng")
        verbose_name_plural = _("văn bản điện tử theo tháng")
        ordering = ["agency__code", "month"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "month"], name="plans_docs_agency_month"),
            models.CheckConstraint(
                condition=Q(sent_electronic__lte=models.F("sent_total"))
                & Q(received_electronic__lte=models.F("received_total")),
                name="plans_docs_electronic_within_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency} {self.month:%m/%Y}"
