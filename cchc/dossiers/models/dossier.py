"""One-stop dossiers (hồ sơ một cửa): the dossier, its route of steps, documents received,
the append-only event log, supplement requests, apologies, fees, payments and shipments.

States and transitions live in ``cchc.domain.lifecycle``; every change goes through
``cchc.dossiers.services`` (one function per action: atomic, row-locked, one event each).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cchc.domain import lifecycle


class Dossier(models.Model):
    """A dossier (hồ sơ) received under one version of one procedure."""

    class Status(models.TextChoices):
        DRAFT = lifecycle.Status.DRAFT, _("Đang soạn")
        SUBMITTED = lifecycle.Status.SUBMITTED, _("Chờ tiếp nhận")
        INTAKE_SUPPLEMENT = lifecycle.Status.INTAKE_SUPPLEMENT, _("Chờ bổ sung (tiếp nhận)")
        REFUSED = lifecycle.Status.REFUSED, _("Từ chối tiếp nhận")
        RECEIVED = lifecycle.Status.RECEIVED, _("Mới tiếp nhận")
        PROCESSING = lifecycle.Status.PROCESSING, _("Đang giải quyết")
        SUPPLEMENT_REQUESTED = lifecycle.Status.SUPPLEMENT_REQUESTED, _("Chờ bổ sung (giải quyết)")
        AWAITING_PAYMENT = lifecycle.Status.AWAITING_PAYMENT, _("Chờ thực hiện nghĩa vụ tài chính")
        RESULT_READY = lifecycle.Status.RESULT_READY, _("Đã có kết quả")
        RETURNED = lifecycle.Status.RETURNED, _("Đã trả kết quả")
        WITHDRAWN = lifecycle.Status.WITHDRAWN, _("Đã rút hồ sơ")
        STOPPED = lifecycle.Status.STOPPED, _("Dừng giải quyết")

    class Channel(models.TextChoices):
        IN_PERSON = "in_person", _("Trực tiếp")
        ONLINE = "online", _("Trực tuyến")
        POSTAL = "postal", _("Bưu chính công ích")

    class ReturnMethod(models.TextChoices):
        IN_PERSON = "in_person", _("Trực tiếp")
        POSTAL = "postal", _("Bưu chính công ích")
        ELECTRONIC = "electronic", _("Điện tử")

    class ApplicantKind(models.TextChoices):
        PERSON = "person", _("Cá nhân")
        ORGANIZATION = "organization", _("Tổ chức")

    class Timeliness(models.TextChoices):
        EARLY = lifecycle.Timeliness.EARLY, _("Trước hạn")
        ON_TIME = lifecycle.Timeliness.ON_TIME, _("Đúng hạn")
        LATE = lifecycle.Timeliness.LATE, _("Trễ hạn")

    class Outcome(models.TextChoices):
        APPROVED = "approved", _("Giải quyết")
        REJECTED = "rejected", _("Từ chối giải quyết")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(_("mã hồ sơ"), max_length=40, unique=True, null=True, blank=True)
    procedure = models.ForeignKey(
        "catalog.Procedure", verbose_name=_("thủ tục"), on_delete=models.PROTECT, related_name="+"
    )
    procedure_version = models.ForeignKey(
        "catalog.ProcedureVersion",
        verbose_name=_("phiên bản thủ tục"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    receiving_agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan tiếp nhận"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The unit whose leader issues the result (the agency of the route's approving step, a
    # division rolled up to its department), fixed at receipt with the route: the agency the
    # dossier's figures are credited to (DOMAIN A6).
    resolving_agency = models.ForeignKey(
        "org.Agency",
        verbose_name=_("cơ quan giải quyết"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    applicant_kind = models.CharField(
        _("loại người nộp"),
        max_length=12,
        choices=ApplicantKind.choices,
        default=ApplicantKind.PERSON,
    )
    applicant_name = models.CharField(_("tên tổ chức, cá nhân"), max_length=255)
    applicant_id_number = models.CharField(_("số CCCD / mã số thuế"), max_length=20, blank=True)
    applicant_phone = models.CharField(_("điện thoại"), max_length=15, blank=True)
    applicant_email = models.EmailField(_("thư điện tử"), blank=True)
    applicant_address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    applicant_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản người nộp"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="own_dossiers",
    )
    channel = models.CharField(_("hình thức nộp"), max_length=10, choices=Channel.choices)
    return_method = models.CharField(
        _("hình thức nhận kết quả"),
        max_length=10,
        choices=ReturnMethod.choices,
        default=ReturnMethod.IN_PERSON,
    )
    delivery_address = models.CharField(_("địa chỉ nhận kết quả"), max_length=255, blank=True)
    status = models.CharField(_("trạng thái"), max_length=24, choices=Status.choices)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    received_at = models.DateTimeField(_("tiếp nhận lúc"), null=True, blank=True, db_index=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    legal_due_at = models.DateTimeField(_("hạn theo quy định"), null=True, blank=True)
    due_at = models.DateTimeField(_("hẹn trả kết quả"), null=True, blank=True, db_index=True)
    calendar_version = models.PositiveIntegerField(_("phiên bản lịch"), null=True, blank=True)
    clock_paused_at = models.DateTimeField(_("tạm dừng tính thời gian từ"), null=True, blank=True)
    paused_seconds = models.PositiveIntegerField(_("thời gian tạm dừng (giây làm việc)"), default=0)
    current_step = models.ForeignKey(
        "DossierStep", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(
        _("kết quả giải quyết"), max_length=10, choices=Outcome.choices, blank=True
    )
    timeliness = models.CharField(
        _("tiến độ"), max_length=10, choices=Timeliness.choices, blank=True
    )
    result_number = models.CharField(_("số văn bản kết quả"), max_length=60, blank=True)
    result_signer = models.CharField(_("người ký"), max_length=150, blank=True)
    result_file = models.FileField(_("tệp kết quả"), upload_to="results/%Y/%m/", blank=True)
    finished_at = models.DateTimeField(_("có kết quả lúc"), null=True, blank=True)
    returned_at = models.DateTimeField(_("trả kết quả lúc"), null=True, blank=True)
    visit_count = models.PositiveSmallIntegerField(_("số lần đến"), default=0)
    intake_supplement_count = models.PositiveSmallIntegerField(default=0)
    processing_supplement_count = models.PositiveSmallIntegerField(default=0)
    apology_count = models.PositiveSmallIntegerField(default=0)
    event_count = models.PositiveIntegerField(default=0)
    backdated = models.BooleanField(_("nhập bù hồ sơ giấy"), default=False)
    closing_reason = models.TextField(_("lý do"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ")
        permissions = [
            ("backdate_intake", _("Nhập bù hồ sơ giấy với thời điểm tiếp nhận trong quá khứ")),
        ]
        indexes = [
            models.Index(fields=["receiving_agency", "status", "id"], name="dossier_agency_status"),
            models.Index(fields=["status", "due_at"], name="dossier_status_due"),
            models.Index(fields=["applicant_user", "id"], name="dossier_applicant"),
        ]

    def __str__(self) -> str:
        return self.code or f"{self.public_id}"

    @property
    def lifecycle_status(self) -> lifecycle.Status:
        return lifecycle.Status(self.status)

    @property
    def is_open(self) -> bool:
        return self.lifecycle_status in lifecycle.OPEN

    @property
    def reference(self) -> str:
        """The code once received; before that a short reference from the public id."""
        return self.code or f"TN-{self.public_id.hex[:8].upper()}"

    @property
    def third_visit(self) -> bool:
        """Flag: the applicant has had to come three times or more (target: never)."""
        return self.visit_count >= 3


class DossierStep(models.Model):
    """One step of the dossier's route, built from the procedure's internal process."""

    class State(models.TextChoices):
        PENDING = "pending", _("Chưa đến")
        ACTIVE = "active", _("Đang xử lý")
        DONE = "done", _("Đã xong")

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("bước"))
    name = models.CharField(_("tên bước"), max_length=300)
    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("vai trò"), max_length=20)
    budget_seconds = models.PositiveIntegerField(_("thời gian được giao (giây làm việc)"))
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="held_steps",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    started_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    paused_seconds = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("bước xử lý")
        verbose_name_plural = _("các bước xử lý")
        ordering = ["dossier", "order"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "order"], name="dossier_step_order_unique")
        ]
        indexes = [
            models.Index(fields=["agency", "state", "role"], name="dossier_step_queue"),
            models.Index(fields=["holder", "state"], name="dossier_step_holder"),
            models.Index(fields=["state", "due_at"], name="dossier_step_due"),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"


class DossierDocument(models.Model):
    """A document received with the dossier (thành phần hồ sơ đã nhận)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="documents")
    name = models.CharField(_("tên giấy tờ"), max_length=500)
    original = models.BooleanField(_("bản chính"), default=True)
    copies = models.PositiveSmallIntegerField(_("số bản"), default=1)
    file = models.FileField(_("tệp"), upload_to="dossiers/%Y/%m/", blank=True)
    # The name the file had on the applicant's device (cleaned; metadata only — the stored
    # file has a random name).
    original_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    supplement = models.ForeignKey(
        "SupplementRequest", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("giấy tờ đã nhận")
        verbose_name_plural = _("giấy tờ đã nhận")
        ordering = ["dossier", "id"]

    def __str__(self) -> str:
        return self.name


class DocumentAccess(models.Model):
    """One opening of a file of a dossier — an uploaded paper or the signed result: who, from
    which agency, when, from where (DOMAIN A10: identity papers are sensitive personal data —
    restricted access, access logged; Law 91/2025 lets the person know who processed their
    data; the result names the applicant too). Append-only. The file's name is copied: a
    draft's document the applicant replaced is gone, its accesses stay."""

    class Kind(models.TextChoices):
        PAPER = "paper", _("Giấy tờ của hồ sơ")
        RESULT = "result", _("Tệp kết quả")

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="document_accesses")
    kind = models.CharField(_("loại tệp"), max_length=10, choices=Kind.choices, default=Kind.PAPER)
    document = models.ForeignKey(
        DossierDocument, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    document_name = models.CharField(_("giấy tờ"), max_length=500)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người xem"),
    )
    user_name = models.CharField(_("họ tên người xem"), max_length=150)
    agency = models.ForeignKey(
        "org.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan"),
    )
    at = models.DateTimeField(_("thời điểm"))
    ip = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)

    class Meta:
        verbose_name = _("lượt xem giấy tờ")
        verbose_name_plural = _("nhật ký xem giấy tờ")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["dossier", "at"], name="document_access_dossier_at")]

    def __str__(self) -> str:
        return f"{self.document_name} — {self.user_name}"


class DossierEvent(models.Model):
    """Append-only history (nhật ký xử lý): one row per action, the source of the control
    sheet (Mẫu 05). Never updated, never deleted."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveIntegerField()
    action = models.CharField(max_length=24)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    agency = models.ForeignKey(
        "org.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    from_status = models.CharField(max_length=24, blank=True)
    to_status = models.CharField(max_length=24)
    from_step = models.ForeignKey(
        DossierStep, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_step = models.ForeignKey(
        DossierStep, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    from_holder = models.CharField(max_length=255, blank=True)
    to_holder = models.CharField(max_length=255, blank=True)
    at = models.DateTimeField()
    note = models.TextField(blank=True)
    step_budget_seconds = models.PositiveIntegerField(null=True, blank=True)
    step_used_seconds = models.IntegerField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("nhật ký xử lý")
        verbose_name_plural = _("nhật ký xử lý")
        ordering = ["dossier", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "seq"], name="dossier_event_seq_unique")
        ]

    def __str__(self) -> str:
        return f"{self.dossier_id}#{self.seq} {self.action}"


class SupplementRequest(models.Model):
    """A request to complete the dossier (Mẫu 02): every missing item in one go."""

    class Stage(models.TextChoices):
        INTAKE = "intake", _("Khi tiếp nhận")
        PROCESSING = "processing", _("Trong quá trình giải quyết")

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="supplements")
    stage = models.CharField(_("giai đoạn"), max_length=12, choices=Stage.choices)
    items = models.JSONField(_("nội dung cần bổ sung"))
    reason = models.TextField(_("lý do"))
    legal_basis = models.CharField(_("căn cứ"), max_length=500, blank=True)
    clock_mode = models.CharField(max_length=10, blank=True)
    requested_at = models.DateTimeField(_("yêu cầu lúc"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    fulfilled_at = models.DateTimeField(_("bổ sung lúc"), null=True, blank=True)
    paused_seconds = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("yêu cầu bổ sung")
        verbose_name_plural = _("yêu cầu bổ sung")
        ordering = ["dossier", "requested_at"]

    def __str__(self) -> str:
        return f"{self.dossier} — {self.get_stage_display()}"


class Apology(models.Model):
    """Apology and new appointment (Mẫu 04; Circular 03/2025: apology and extension request)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="apologies")
    reason = models.TextField(_("lý do chậm trễ"))
    old_due_at = models.DateTimeField(_("hẹn cũ"))
    new_due_at = models.DateTimeField(_("hẹn mới"))
    issued_at = models.DateTimeField(_("ngày xin lỗi"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    timely = models.BooleanField(_("xin lỗi trước khi quá hạn"), default=False)

    class Meta:
        verbose_name = _("văn bản xin lỗi")
        verbose_name_plural = _("văn bản xin lỗi")
        ordering = ["dossier", "issued_at"]

    def __str__(self) -> str:
        return f"{self.dossier} — {timezone.localtime(self.issued_at):%d/%m/%Y}"


class FeeLine(models.Model):
    """A fee or charge owed on the dossier, from the procedure version's fee items."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="fee_lines")
    name = models.CharField(_("nội dung"), max_length=300)
    amount_vnd = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    is_financial_obligation = models.BooleanField(_("nghĩa vụ tài chính"), default=False)

    class Meta:
        verbose_name = _("khoản phí, lệ phí")
        verbose_name_plural = _("phí, lệ phí của hồ sơ")

    def __str__(self) -> str:
        return f"{self.name}: {self.amount_vnd}"


class Payment(models.Model):
    """A payment of the dossier's fees: at the counter, or online through a gateway."""

    class Method(models.TextChoices):
        CASH = "cash", _("Tiền mặt tại quầy")
        ONLINE = "online", _("Trực tuyến")
        BANK_TRANSFER = "bank_transfer", _("Chuyển khoản")

    class State(models.TextChoices):
        PENDING = "pending", _("Chờ thanh toán")
        PAID = "paid", _("Đã thanh toán")
        FAILED = "failed", _("Không thành công")
        EXPIRED = "expired", _("Hết hạn")
        REFUNDED = "refunded", _("Đã hoàn tiền")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="payments")
    method = models.CharField(_("hình thức"), max_length=15, choices=Method.choices)
    amount_vnd = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    state = models.CharField(_("trạng thái"), max_length=10, choices=State.choices)
    provider = models.CharField(_("cổng thanh toán"), max_length=40, blank=True)
    provider_ref = models.CharField(_("mã giao dịch"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(_("thanh toán lúc"), null=True, blank=True)
    receipt_number = models.CharField(_("số biên lai"), max_length=40, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Online payments (cchc.portal.payments): the gateway's deadline, what it last reported
    # (kept as evidence for reconciliation), and a flag for people when money and records
    # disagree (an amount mismatch, a success reported after expiry).
    expires_at = models.DateTimeField(_("hết hạn lúc"), null=True, blank=True)
    callback_count = models.PositiveIntegerField(_("số lần cổng thanh toán báo kết quả"), default=0)
    last_callback_at = models.DateTimeField(_("lần báo kết quả gần nhất"), null=True, blank=True)
    raw_last_callback = models.JSONField(
        _("nội dung báo kết quả gần nhất"), default=dict, blank=True
    )
    failed_reason = models.CharField(_("lý do không thành công"), max_length=255, blank=True)
    needs_review = models.BooleanField(_("cần đối soát"), default=False)
    review_note = models.CharField(_("ghi chú đối soát"), max_length=255, blank=True)
    review_closed_at = models.DateTimeField(_("đối soát xong lúc"), null=True, blank=True)
    # How the reconciliation was closed (what was refunded, when, the voucher), kept apart
    # from the reason above so that neither is cut short.
    review_resolution = models.CharField(_("kết quả đối soát"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("thanh toán")
        verbose_name_plural = _("thanh toán")
        ordering = ["dossier", "created_at"]
        constraints = [
            # Electronic receipts issued for gateway payments are numbered uniquely
            # (counter receipts are typed in by officers from paper books and may repeat).
            models.UniqueConstraint(
                fields=["receipt_number"],
                condition=~models.Q(provider="") & ~models.Q(receipt_number=""),
                name="payment_unique_gateway_receipt",
            ),
            # One gateway transaction settles at most one payment.
            models.UniqueConstraint(
                fields=["provider", "provider_ref"],
                condition=~models.Q(provider_ref=""),
                name="payment_unique_provider_ref",
            ),
        ]
        indexes = [
            models.Index(
                fields=["expires_at"],
                condition=models.Q(state="pending"),
                name="payment_pending_expiry",
            )
        ]

    def __str__(self) -> str:
        return f"{self.dossier} — {self.amount_vnd} ({self.state})"


class Shipment(models.Model):
    """A postal hand-over (bưu chính công ích): the dossier coming in or the result going out."""

    class Direction(models.TextChoices):
        INBOUND = "inbound", _("Nhận hồ sơ qua bưu chính")
        OUTBOUND = "outbound", _("Gửi kết quả qua bưu chính")

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="shipments")
    direction = models.CharField(_("chiều"), max_length=10, choices=Direction.choices)
    carrier = models.CharField(_("đơn vị bưu chính"), max_length=100)
    tracking_number = models.CharField(_("mã bưu gửi"), max_length=60)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    handed_over_at = models.DateTimeField(_("bàn giao lúc"))
    delivered_at = models.DateTimeField(_("phát thành công lúc"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("bưu gửi")
        verbose_name_plural = _("bưu gửi")

    def __str__(self) -> str:
        return f"{self.carrier} {self.tracking_number}"


class DossierSequence(models.Model):
    """The last dossier number issued by an agency on a day: codes without gaps or duplicates
    under concurrency (DOMAIN A4), by locking this row."""

    agency = models.ForeignKey("org.Agency", on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "day"], name="dossier_sequence_unique")
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.day}: {self.last}"
