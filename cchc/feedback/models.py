"""Feedback and petitions (phản ánh, kiến nghị — PAKN, DOMAIN A9 and B §8): the items, their
history, their counters, reply templates and the Open311 client systems.

The rules (kinds, categories, classification, the lifecycle and the deadlines) are pure and live
in ``cchc.domain.feedback``; the services (``cchc.feedback.services``) are the only writers of
``FeedbackItem.status`` and of the counters, in the same transaction as each change.

Personal data of the sender (name, address, phone, e-mail, identity number) stays on the item
and never leaves it for a public page or the Open311 lists: what is published is
``published_content`` and ``published_answer``, moderated by an officer with every change kept
in ``PublicationEdit``.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cchc.domain import feedback as rules

MAX_TITLE = 200
MAX_CONTENT = 10_000
MAX_ANSWER = 20_000
MAX_REASON = 2_000


class Kind(models.TextChoices):
    """Decree 20/2008 Art. 3."""

    PHAN_ANH = rules.Kind.PHAN_ANH.value, _("Phản ánh")
    KIEN_NGHI = rules.Kind.KIEN_NGHI.value, _("Kiến nghị")


class Category(models.TextChoices):
    """Decree 20/2008 Art. 5."""

    OFFICER_CONDUCT = (
        rules.Category.OFFICER_CONDUCT.value,
        _("Chậm trễ, gây phiền hà, sách nhiễu của cán bộ, công chức"),
    )
    WRONG_APPLICATION = (
        rules.Category.WRONG_APPLICATION.value,
        _("Áp dụng không đúng quy định hành chính"),
    )
    UNFIT_REGULATION = (
        rules.Category.UNFIT_REGULATION.value,
        _("Quy định hành chính không phù hợp với thực tế"),
    )
    CONFLICTING_REGULATIONS = (
        rules.Category.CONFLICTING_REGULATIONS.value,
        _("Quy định hành chính không đồng bộ, thiếu thống nhất"),
    )
    ILLEGAL_REGULATION = (
        rules.Category.ILLEGAL_REGULATION.value,
        _("Quy định hành chính không hợp pháp"),
    )
    OTHER = rules.Category.OTHER.value, _("Vấn đề khác về quy định hành chính")
    PROPOSAL = rules.Category.PROPOSAL.value, _("Phương án xử lý, đề xuất")
    INITIATIVE = rules.Category.INITIATIVE.value, _("Sáng kiến ban hành mới quy định")


class Classification(models.TextChoices):
    """Decree 20/2008 Art. 9."""

    NOT_ACCEPTED = rules.Classification.NOT_ACCEPTED.value, _("Không đủ điều kiện tiếp nhận")
    CONDUCT = (
        rules.Classification.CONDUCT.value,
        _("Về hành vi, việc thực hiện quy định (chuyển cơ quan có trách nhiệm)"),
    )
    WITHIN_COMPETENCE = (
        rules.Classification.WITHIN_COMPETENCE.value,
        _("Thuộc thẩm quyền xử lý"),
    )
    OUTSIDE_COMPETENCE = (
        rules.Classification.OUTSIDE_COMPETENCE.value,
        _("Không thuộc thẩm quyền (chuyển cơ quan có thẩm quyền)"),
    )


class Status(models.TextChoices):
    RECEIVED = rules.Status.RECEIVED.value, _("Đã tiếp nhận, chờ phân loại")
    NOT_ACCEPTED = rules.Status.NOT_ACCEPTED.value, _("Không tiếp nhận")
    HANDLING = rules.Status.HANDLING.value, _("Đang xử lý")
    AWAITING_APPROVAL = rules.Status.AWAITING_APPROVAL.value, _("Chờ lãnh đạo duyệt")
    ANSWERED = rules.Status.ANSWERED.value, _("Đã trả lời")
    PUBLISHED = rules.Status.PUBLISHED.value, _("Đã công khai")
    FORWARDED_OUT = rules.Status.FORWARDED_OUT.value, _("Đã chuyển cơ quan ngoài hệ thống")
    MERGED = rules.Status.MERGED.value, _("Đã gộp vào phản ánh khác")


class Channel(models.TextChoices):
    """How the item arrived (Decree 20/2008 Art. 6)."""

    PORTAL = "portal", _("Cổng dịch vụ công")
    COUNTER = "counter", _("Văn bản nộp trực tiếp")
    POST = "post", _("Bưu chính")
    PHONE = "phone", _("Điện thoại (cán bộ ghi lại)")
    EMAIL = "email", _("Thư điện tử")
    OPEN311 = "open311", _("Hệ thống khác (Open311)")


class Outcome(models.TextChoices):
    """Decree 20/2008 Art. 15: what the review of a regulation concludes."""

    AMEND = "amend", _("Sửa đổi, bổ sung, thay thế, bãi bỏ quy định")
    PROPOSE = "propose", _("Kiến nghị cơ quan có thẩm quyền sửa đổi")
    NEW = "new", _("Ban hành quy định mới")
    NO_CHANGE = "no_change", _("Giữ nguyên quy định")


class ReviewTest(models.TextChoices):
    """Decree 20/2008 Art. 14: the six tests a regulation is reviewed against."""

    NECESSITY = "necessity", _("Sự cần thiết")
    LEGALITY = "legality", _("Tính hợp lý, hợp pháp")
    SIMPLICITY = "simplicity", _("Tính đơn giản")
    FEASIBILITY = "feasibility", _("Tính khả thi")
    CONSISTENCY = "consistency", _("Tính thống nhất, đồng bộ")
    TREATY = "treaty", _("Sự phù hợp với điều ước quốc tế")


class Timeliness(models.TextChoices):
    ON_TIME = "on_time", _("Đúng hạn")
    LATE = "late", _("Quá hạn")


class FeedbackItem(models.Model):
    """One phản ánh or kiến nghị (Decree 20/2008 Art. 3), from receipt to its published answer.

    Three agencies: ``receiving_agency`` registers and classifies it (Art. 9);
    ``handling_agency`` answers it (set when it is accepted or forwarded; reassignment keeps
    the history in ``FeedbackEvent``); ``subject_agency`` is the agency it is about (from the
    linked dossier when there is one)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(_("mã phản ánh"), max_length=40, unique=True)
    kind = models.CharField(_("loại"), max_length=12, choices=Kind.choices)
    category = models.CharField(_("nội dung thuộc nhóm"), max_length=32, choices=Category.choices)
    channel = models.CharField(_("hình thức tiếp nhận"), max_length=10, choices=Channel.choices)
    # The sender (Art. 7: name, address and phone required; never published).
    sender_name = models.CharField(_("họ và tên người gửi"), max_length=150)
    sender_address = models.CharField(_("địa chỉ người gửi"), max_length=255)
    sender_phone = models.CharField(_("điện thoại người gửi"), max_length=10)
    sender_email = models.EmailField(_("thư điện tử người gửi"), blank=True)
    sender_id_number = models.CharField(_("số CCCD / mã số thuế"), max_length=20, blank=True)
    sender_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản người gửi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback_items",
    )
    title = models.CharField(_("tiêu đề"), max_length=MAX_TITLE)
    content = models.TextField(_("nội dung"))
    location = models.CharField(_("địa điểm"), max_length=255, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name=_("hồ sơ liên quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback_items",
    )
    procedure = models.ForeignKey(
        "catalog.Procedure",
        verbose_name=_("thủ tục hành chính"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="feedback_items",
    )
    subject_agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan bị phản ánh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    receiving_agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan tiếp nhận"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    handling_agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan xử lý"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ xử lý"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    external_authority = models.CharField(
        _("cơ quan có thẩm quyền ngoài hệ thống"), max_length=255, blank=True
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices)
    classification = models.CharField(
        _("phân loại"), max_length=20, choices=Classification.choices, blank=True
    )
    received_at = models.DateTimeField(_("tiếp nhận lúc"))
    forward_due_at = models.DateTimeField(_("hạn phân loại, chuyển"))
    classified_at = models.DateTimeField(_("phân loại lúc"), null=True, blank=True)
    assigned_at = models.DateTimeField(_("giao xử lý lúc"), null=True, blank=True)
    answer_days = models.PositiveSmallIntegerField(
        _("thời hạn trả lời (ngày làm việc)"), default=10
    )
    extension_days = models.PositiveSmallIntegerField(_("số ngày gia hạn"), default=0)
    extensions = models.PositiveSmallIntegerField(_("số lần gia hạn"), default=0)
    answer_due_at = models.DateTimeField(_("hạn trả lời"), null=True, blank=True, db_index=True)
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True)
    answer_timeliness = models.CharField(
        _("thời hạn trả lời"), max_length=10, choices=Timeliness.choices, blank=True
    )
    published_at = models.DateTimeField(_("công khai lúc"), null=True, blank=True)
    draft_answer = models.TextField(_("dự thảo trả lời"), blank=True)
    answer = models.TextField(_("nội dung trả lời đã duyệt"), blank=True)
    answer_signer = models.CharField(_("người duyệt"), max_length=150, blank=True)
    # Art. 14–15: the review of a regulation (items of REGULATION_CATEGORIES).
    review = models.JSONField(_("đánh giá quy định (Điều 14)"), default=dict, blank=True)
    review_outcome = models.CharField(
        _("kết quả xử lý (Điều 15)"), max_length=12, choices=Outcome.choices, blank=True
    )
    # Art. 19: what the public page shows (moderated; the original stays above).
    published_title = models.CharField(_("tiêu đề công khai"), max_length=MAX_TITLE, blank=True)
    published_content = models.TextField(_("nội dung công khai"), blank=True)
    published_answer = models.TextField(_("trả lời công khai"), blank=True)
    published_search = models.TextField(editable=False, default="")
    closing_reason = models.TextField(_("lý do"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("gộp vào"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_items",
    )
    reopen_count = models.PositiveSmallIntegerField(_("số lần mở lại"), default=0)
    event_count = models.PositiveIntegerField(default=0)
    reminded_due_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("phản ánh, kiến nghị")
        verbose_name_plural = _("phản ánh, kiến nghị")
        indexes = [
            models.Index(fields=["status", "received_at"], name="fb_status_received"),
            models.Index(fields=["receiving_agency", "status"], name="fb_receiving_status"),
            models.Index(fields=["handling_agency", "status"], name="fb_handling_status"),
            models.Index(fields=["sender_phone"], name="fb_sender_phone"),
            models.Index(fields=["published_at"], name="fb_published_at"),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"

    @property
    def is_regulation(self) -> bool:
        return self.category in rules.REGULATION_CATEGORIES

    @property
    def responsible_agency_id(self) -> int:
        """The agency accountable now: the one answering, else the one classifying."""
        return self.handling_agency_id or self.receiving_agency_id


class FeedbackAttachment(models.Model):
    """A file the sender attached (checked like the portal's uploads)."""

    item = models.ForeignKey(FeedbackItem, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp"), upload_to="feedback/%Y/%m/")
    original_name = models.CharField(_("tên tệp gốc"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(default=0)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self) -> str:
        return self.original_name


class FeedbackEvent(models.Model):
    """One step in an item's history, never changed. ``agency`` is the agency the step is
    counted for, and ``timely`` whether it kept its deadline (forwarding, answer): the daily
    counters are exactly these events grouped by agency, local day and action."""

    item = models.ForeignKey(FeedbackItem, on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveIntegerField()
    action = models.CharField(max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    to_agency = models.ForeignKey(
        "org.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)
    timely = models.BooleanField(null=True, blank=True)
    note = models.TextField(blank=True)
    at = models.DateTimeField()

    class Meta:
        verbose_name = _("diễn biến xử lý")
        verbose_name_plural = _("diễn biến xử lý")
        ordering = ["item", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["item", "seq"], name="feedback_event_seq_unique")
        ]
        indexes = [models.Index(fields=["agency", "at"], name="fb_event_agency_at")]

    def __str__(self) -> str:
        return f"{self.item_id} #{self.seq} {self.action}"


class PublicationEdit(models.Model):
    """A change an officer made to the published text (Art. 19): before, after, who, why."""

    class Field(models.TextChoices):
        TITLE = "title", _("Tiêu đề")
        CONTENT = "content", _("Nội dung")
        ANSWER = "answer", _("Trả lời")

    item = models.ForeignKey(
        FeedbackItem, on_delete=models.PROTECT, related_name="publication_edits"
    )
    field = models.CharField(_("phần"), max_length=10, choices=Field.choices)
    before = models.TextField(_("trước khi sửa"))
    after = models.TextField(_("sau khi sửa"))
    reason = models.CharField(_("lý do"), max_length=500, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()

    class Meta:
        verbose_name = _("chỉnh sửa nội dung công khai")
        verbose_name_plural = _("chỉnh sửa nội dung công khai")

    def __str__(self) -> str:
        return f"{self.item_id} {self.field}"


class FeedbackSequence(models.Model):
    """The last number issued on a local day: codes ``PAKN-YYMMDD-NNNN`` without gaps."""

    day = models.DateField(unique=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.day}: {self.last}"


COUNTERS = (
    "received",
    "not_accepted",
    "forwarded",
    "forwarded_late",
    "answered",
    "answered_late",
    "published",
    "reopened",
)


class FeedbackDailyStat(models.Model):
    """The feedback counts of one agency on one local day, kept exact by the services in the
    same transaction as each step (``feedback_check`` recounts them from the events):
    ``received``/``not_accepted``/``forwarded`` are the receiving agency's (Art. 9: forwarded
    within 5 working days, else ``forwarded_late`` too), ``answered``/``answered_late``/
    ``published``/``reopened`` the answering agency's."""

    agency = models.ForeignKey(
        "org.Agency", verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+"
    )
    day = models.DateField(_("ngày"))
    received = models.PositiveIntegerField(_("tiếp nhận"), default=0)
    not_accepted = models.PositiveIntegerField(_("không tiếp nhận"), default=0)
    forwarded = models.PositiveIntegerField(_("đã chuyển"), default=0)
    forwarded_late = models.PositiveIntegerField(_("chuyển quá hạn"), default=0)
    answered = models.PositiveIntegerField(_("đã trả lời"), default=0)
    answered_late = models.PositiveIntegerField(_("trả lời quá hạn"), default=0)
    published = models.PositiveIntegerField(_("đã công khai"), default=0)
    reopened = models.PositiveIntegerField(_("mở lại"), default=0)

    class Meta:
        verbose_name = _("số liệu phản ánh theo ngày")
        verbose_name_plural = _("số liệu phản ánh theo ngày")
        constraints = [
            models.UniqueConstraint(fields=["agency", "day"], name="feedback_daily_unique")
        ]
        indexes = [models.Index(fields=["day", "agency"], name="fb_daily_day_agency")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.day}"


class ReplyTemplate(models.Model):
    """A reply template per category (and optionally per agency) the handler starts from."""

    category = models.CharField(_("nhóm nội dung"), max_length=32, choices=Category.choices)
    agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan (để trống: dùng chung)"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("tên mẫu"), max_length=200)
    body = models.TextField(_("nội dung mẫu"))
    active = models.BooleanField(_("đang dùng"), default=True)

    class Meta:
        verbose_name = _("mẫu trả lời")
        verbose_name_plural = _("mẫu trả lời")
        ordering = ["category", "title"]

    def __str__(self) -> str:
        return self.title


class Open311Client(models.Model):
    """A client system allowed to post requests to ``/open311/v2/`` with its api_key. Only the
    key's SHA-256 is kept (``manage.py issue_open311_key NAME`` prints the key once); revoke
    it in the administration."""

    name = models.CharField(_("tên hệ thống"), max_length=100, unique=True)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(_("gợi ý"), max_length=12, editable=False)
    agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan tiếp nhận mặc định"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("hệ thống kết nối Open311")
        verbose_name_plural = _("hệ thống kết nối Open311")

    def __str__(self) -> str:
        return self.name
