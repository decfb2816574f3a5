"""Demo feedback and petitions (phản ánh, kiến nghị): about thirty items from fictional
senders about the demo province's agencies and procedures, in every state — waiting to be
classified (one past the 5 working days), not accepted, being handled (one overdue, one
extended, one reopened by its sender), with the leader, answered, published, forwarded
outside the platform, merged — made through the real services at past moments, so codes,
deadlines, history and counters are real and the public page, the worklists and the Open311
lists are not empty on ``make run``.

Deterministic and run only when there is no feedback item yet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from cchc.core.calendar import current_calendar
from cchc.core.models import OutboxMessage
from cchc.demo.dossiers import _history_delivered
from cchc.dossiers.models import Dossier
from cchc.feedback.models import FeedbackItem, ReviewTest
from cchc.feedback.services import (
    FeedbackInput,
    Sender,
    feedback_approve,
    feedback_assign,
    feedback_classify,
    feedback_extend,
    feedback_merge,
    feedback_publish,
    feedback_receive,
    feedback_reopen,
    feedback_return_draft,
    feedback_submit_draft,
)
from cchc.org.models import Agency, User

# username → the part the officer plays in the demo
OFFICERS = {
    "receiver": "demo.receiver",
    "specialist": "demo.specialist",
    "leader": "demo.leader",
    "justice": "demo.justice",
    "justice_leader": "demo.justice.leader",
    "commune_counter": "demo.xa.motcua",
    "commune_specialist": "demo.xa.chuyenvien",
    "commune_leader": "demo.xa.lanhdao",
}

SENDERS = [
    ("Nguyễn Văn Toàn", "Số 45 đường Lê Lợi, phường Tân An, tỉnh Bình Sơn", "0905123456"),
    ("Trần Thị Bích Ngọc", "Số 8 đường Quang Trung, phường Bình Sơn, tỉnh Bình Sơn", "0912678901"),
    ("Lê Hoàng Phúc", "Thôn 3, xã Phước Hòa, tỉnh Bình Sơn", "0983456712"),
    (
        "Phạm Thị Thu Trang",
        "Số 120 đường Hai Bà Trưng, phường An Phước, tỉnh Bình Sơn",
        "0978234561",
    ),
    ("Công ty TNHH Xây dựng Hòa Phát Bình Sơn", "Lô B2 khu công nghiệp Tân Lập", "0935778899"),
    ("Võ Minh Khang", "Tổ 5, phường Tân An, tỉnh Bình Sơn", "0868123987"),
    ("Huỳnh Thị Mỹ Duyên", "Số 17 đường Trần Hưng Đạo, phường Bình Sơn", "0344556677"),
    ("Đặng Quốc Việt", "Thôn Tân Hòa, xã Tân Lập, tỉnh Bình Sơn", "0388990011"),
    ("Bùi Văn Lực", "Số 3 hẻm 12 đường Nguyễn Huệ, phường Tân An", "0914223344"),
    ("Hợp tác xã Nông nghiệp Phước Hòa", "Thôn 1, xã Phước Hòa, tỉnh Bình Sơn", "0906332211"),
    ("Phan Thị Kim Oanh", "Số 56 đường Lý Thường Kiệt, phường An Phước", "0397445566"),
    ("Đỗ Văn Thắng", "Số 210 đường Quang Trung, phường Bình Sơn", "0971556677"),
]

REVIEW_NOTE = {
    ReviewTest.NECESSITY: "Quy định vẫn cần thiết để quản lý trật tự xây dựng.",
    ReviewTest.LEGALITY: "Phù hợp Luật Xây dựng; chưa hợp lý ở yêu cầu bản sao chứng thực.",
    ReviewTest.SIMPLICITY: "Thành phần hồ sơ còn trùng lặp với dữ liệu đã có.",
    ReviewTest.FEASIBILITY: "Thực hiện được, cần thêm hướng dẫn nộp trực tuyến.",
    ReviewTest.CONSISTENCY: "Chưa thống nhất với quy định về đất đai của tỉnh.",
    ReviewTest.TREATY: "Không liên quan điều ước quốc tế.",
}


def _review(unmet: set[str]) -> dict:
    """The six Art. 14 tests, ``unmet`` the ones the regulation fails."""
    return {
        test.value: {"met": test.value not in unmet, "note": note}
        for test, note in REVIEW_NOTE.items()
    }


@dataclass
class _Clock:
    """Past moments for the demo: ``at(days_ago, hour)`` for a sender (any day), ``office``
    for an officer (moved to the next office moment), never after ``now``."""

    now: datetime

    def at(self, days_ago: float, hour: int = 9, minute: int = 0) -> datetime:
        moment = timezone.localtime(self.now - timedelta(days=days_ago))
        moment = moment.replace(hour=hour, minute=minute, second=0, microsecond=0)
        return min(moment, self.now - timedelta(minutes=30))

    def office(self, after: datetime, days_ago: float, hour: int = 9) -> datetime:
        moment = current_calendar().effective_start(self.at(days_ago, hour))
        moment = max(moment, after + timedelta(minutes=20))
        return min(moment, self.now - timedelta(minutes=10))


def _last(item: FeedbackItem) -> datetime:
    """The moment of the item's latest step: the next one comes after it."""
    return item.events.order_by("-seq").values_list("at", flat=True)[0]


def seed_feedback(department: Agency) -> int:
    """The demo's feedback items (``department``: the demo officers' Sở Xây dựng). Returns
    how many were made; 0 when some exist already or a demo officer is missing."""
    if FeedbackItem.objects.exists():
        return 0
    users = {u.username: u for u in User.objects.filter(username__in=OFFICERS.values())}
    if len(users) != len(OFFICERS):
        return 0
    o = {part: users[name] for part, name in OFFICERS.items()}
    justice = o["justice"].agency
    commune = o["commune_leader"].agency
    first_message = OutboxMessage.objects.order_by("-pk").values_list("pk", flat=True).first()
    made = _Demo(_Clock(timezone.now()), o, department, justice, commune).run()
    _history_delivered(after_pk=first_message or 0)
    return made


class _Demo:
    def __init__(
        self, clock: _Clock, o: dict[str, User], dept: Agency, justice: Agency, commune: Agency
    ) -> None:
        self.clock, self.o = clock, o
        self.dept, self.justice, self.commune = dept, justice, commune
        self.sender = 0
        self.made = 0

    # --- helpers -------------------------------------------------------------------------

    def receive(
        self,
        days_ago: float,
        title: str,
        content: str,
        *,
        category: str = "officer_conduct",
        kind: str = "phan_anh",
        channel: str = "portal",
        subject: Agency | None = None,
        hour: int = 9,
        sender: tuple[str, str, str] | None = None,
        dossier_code: str = "",
        actor: User | None = None,
    ) -> FeedbackItem:
        if sender is None:
            sender = SENDERS[self.sender % len(SENDERS)]
            self.sender += 1
        name, address, phone = sender
        officer = actor or (self.o["receiver"] if channel not in ("portal", "open311") else None)
        item = feedback_receive(
            FeedbackInput(
                kind=kind,
                category=category,
                title=title,
                content=content,
                sender=Sender(name=name, address=address, phone=phone),
                dossier_code=dossier_code,
                subject_agency=subject or self.dept,
            ),
            channel=channel,
            actor=officer,
            now=self.clock.at(days_ago, hour),
        )
        self.made += 1
        return item

    def accept(self, item: FeedbackItem, days_ago: float, *, who: str = "receiver") -> FeedbackItem:
        at = self.clock.office(item.received_at, days_ago)
        return feedback_classify(item, self.o[who], classification="within_competence", now=at)

    def forward(
        self, item: FeedbackItem, days_ago: float, agency: Agency, reason: str = ""
    ) -> FeedbackItem:
        at = self.clock.office(item.received_at, days_ago)
        return feedback_classify(
            item,
            self.o["receiver"],
            classification="outside_competence",
            agency=agency,
            reason=reason,
            now=at,
        )

    def draft(
        self,
        item: FeedbackItem,
        days_ago: float,
        text: str,
        *,
        who: str = "specialist",
        review: dict | None = None,
        outcome: str = "",
    ) -> FeedbackItem:
        at = self.clock.office(_last(item), days_ago)
        return feedback_submit_draft(
            item, self.o[who], text=text, review=review, outcome=outcome, now=at
        )

    def approve(self, item: FeedbackItem, days_ago: float, *, who: str = "leader") -> FeedbackItem:
        at = self.clock.office(_last(item), days_ago, 15)
        return feedback_approve(item, self.o[who], now=at)

    def publish(
        self, item: FeedbackItem, days_ago: float, *, who: str = "leader", **moderation: str
    ) -> FeedbackItem:
        at = self.clock.office(_last(item), days_ago, 16)
        return feedback_publish(item, self.o[who], now=at, **moderation)

    def answered(
        self,
        item: FeedbackItem,
        drafted: float,
        approved: float,
        text: str,
        *,
        team: str = "",
        review: dict | None = None,
        outcome: str = "",
    ) -> FeedbackItem:
        """Drafted ``drafted`` days ago and approved ``approved`` days ago by the answering
        agency's own officers (``team``: "" for Sở Xây dựng, "justice", "commune")."""
        drafter = {"": "specialist", "justice": "justice", "commune": "commune_specialist"}[team]
        leader = {"": "leader", "justice": "justice_leader", "commune": "commune_leader"}[team]
        item = self.draft(item, drafted, text, who=drafter, review=review, outcome=outcome)
        return self.approve(item, approved, who=leader)

    # --- the items -----------------------------------------------------------------------

    def run(self) -> int:
        self.waiting()
        self.refused_and_forwarded_out()
        self.being_handled()
        self.with_the_leader()
        self.answered_items()
        self.published_items()
        self.merged()
        return self.made

    def waiting(self) -> None:
        self.receive(
            1,
            "Bộ phận một cửa không nhận hồ sơ sau 16 giờ",
            "Chiều ngày hôm qua tôi đến nộp hồ sơ cấp giấy phép xây dựng lúc 16 giờ 10 phút nhưng "
            "cán bộ từ chối nhận, hẹn sáng hôm sau. Đề nghị cho biết giờ tiếp nhận theo quy định.",
            hour=20,
        )
        # Past Art. 9's 5 working days without being classified: overdue in the worklist.
        self.receive(
            20,
            "Chưa được trả lời về việc cấp số nhà",
            "Tôi đã gửi đơn đề nghị cấp số nhà từ tháng trước nhưng đến nay chưa nhận được phản "
            "hồi. Đề nghị cơ quan chức năng xem xét, giải quyết.",
            channel="post",
        )
        self.receive(
            2,
            "Công chức tư pháp xã hẹn trả kết quả khai sinh nhiều lần",
            "Tôi đăng ký khai sinh cho con tại Ủy ban nhân dân xã, đã được hẹn trả kết quả ba "
            "lần nhưng vẫn chưa có giấy khai sinh.",
            subject=self.commune,
            hour=10,
        )

    def refused_and_forwarded_out(self) -> None:
        item = self.receive(
            21,
            "Khiếu nại quyết định xử phạt vi phạm hành chính",
            "Tôi không đồng ý với quyết định xử phạt vi phạm hành chính về trật tự xây dựng và đề "
            "nghị hủy quyết định.",
            channel="counter",
        )
        feedback_classify(
            item,
            self.o["receiver"],
            classification="not_accepted",
            reason=(
                "Nội dung là khiếu nại quyết định hành chính, được giải quyết theo Luật Khiếu "
                "nại, không thuộc phạm vi phản ánh, kiến nghị về quy định hành chính (Nghị định "
                "20/2008/NĐ-CP). Đề nghị ông gửi đơn khiếu nại đến người đã ra quyết định."
            ),
            now=self.clock.office(item.received_at, 20),
        )
        item = self.receive(
            30,
            "Quy chuẩn chiều cao tầng nhà ở riêng lẻ chưa phù hợp",
            "Quy chuẩn kỹ thuật quốc gia về quy hoạch xây dựng quy định chiều cao tầng một không "
            "quá 3,8 m, không phù hợp với nhà ở kết hợp kinh doanh ở đô thị. Đề nghị sửa đổi.",
            category="unfit_regulation",
            kind="kien_nghi",
            channel="email",
        )
        feedback_classify(
            item,
            self.o["receiver"],
            classification="outside_competence",
            external_authority="Bộ Xây dựng",
            reason="Quy chuẩn kỹ thuật quốc gia do Bộ Xây dựng ban hành.",
            now=self.clock.office(item.received_at, 27),
        )
        item = self.receive(
            16,
            "Điện lực cắt điện không báo trước khi thi công công trình",
            "Khu phố tôi bị cắt điện cả ngày để thi công, không được thông báo trước.",
            category="other",
            channel="phone",
        )
        feedback_classify(
            item,
            self.o["receiver"],
            classification="outside_competence",
            external_authority="Công ty Điện lực Bình Sơn",
            reason="Việc cấp điện thuộc trách nhiệm của đơn vị điện lực.",
            now=self.clock.office(item.received_at, 9),  # after the 5 days: a late forward
        )

    def being_handled(self) -> None:
        item = self.receive(
            6,
            "Cán bộ yêu cầu bản sao sổ hộ khẩu khi nộp hồ sơ cấp phép xây dựng",
            "Khi nộp hồ sơ cấp giấy phép xây dựng nhà ở riêng lẻ, cán bộ yêu cầu nộp thêm bản sao "
            "sổ hộ khẩu, giấy tờ không có trong thành phần hồ sơ đã công bố.",
            category="wrong_application",
        )
        self.handling = self.accept(item, 5)
        feedback_assign(
            self.handling,
            self.o["leader"],
            handler=self.o["specialist"],
            now=self.clock.office(self.handling.assigned_at, 4),
        )
        # Accepted a month ago and never answered: overdue in the worklist and the report.
        item = self.receive(
            35,
            "Thái độ thiếu tôn trọng của cán bộ tiếp nhận hồ sơ",
            "Ngày làm việc tôi đến hỏi về thủ tục cấp phép sửa chữa nhà, cán bộ trả lời thiếu tôn "
            "trọng và không hướng dẫn đầy đủ.",
            channel="counter",
        )
        feedback_classify(
            item,
            self.o["receiver"],
            classification="conduct",
            now=self.clock.office(item.received_at, 34),
        )
        item = self.receive(
            5,
            "Hồ sơ đăng ký kết hôn bị yêu cầu xác nhận tình trạng hôn nhân hai lần",
            "Ủy ban nhân dân cấp xã yêu cầu tôi nộp lại giấy xác nhận tình trạng hôn nhân dù "
            "đã nộp khi đăng ký.",
            category="wrong_application",
        )
        self.forward(item, 4, self.commune, "Thủ tục thuộc thẩm quyền của Ủy ban nhân dân xã.")
        # Extended once, with its reason.
        item = self.accept(
            self.receive(
                19,
                "Đề nghị làm rõ quy định về cấp phép xây dựng có thời hạn",
                "Đề nghị Sở hướng dẫn điều kiện cấp giấy phép xây dựng có thời hạn đối với nhà ở "
                "trong khu vực đã có quy hoạch nhưng chưa có kế hoạch thực hiện.",
                category="proposal",
                kind="kien_nghi",
            ),
            18,
        )
        feedback_extend(
            item,
            self.o["leader"],
            days=5,
            reason="Cần lấy ý kiến Sở Nông nghiệp và Môi trường về quy hoạch sử dụng đất.",
            now=self.clock.office(item.assigned_at, 8),
        )
        # A regulation item with Sở Tư pháp, not drafted yet.
        item = self.receive(
            4,
            "Quy định thu phí thẩm định hồ sơ cấp phép xây dựng chồng chéo",
            "Quyết định về phí của tỉnh và văn bản hướng dẫn của Sở quy định hai mức phí khác "
            "nhau cho cùng một thủ tục.",
            category="conflicting_regulations",
        )
        self.forward(item, 3, self.justice, "Đề nghị Sở Tư pháp rà soát văn bản.")
        # Answered, published, then reopened by its sender: back with the agency.
        item = self.accept(
            self.receive(
                28,
                "Chậm trả kết quả cấp phép xây dựng so với giấy hẹn",
                "Giấy hẹn trả kết quả ngày 15 nhưng đến ngày 22 tôi mới nhận được giấy phép, "
                "không nhận được văn bản xin lỗi.",
            ),
            27,
        )
        item = self.answered(
            item,
            22,
            21,
            "Sở Xây dựng đã kiểm tra: hồ sơ trễ hạn 5 ngày do chờ ý kiến phối hợp. Sở xin lỗi "
            "ông và đã nhắc nhở bộ phận liên quan.",
        )
        item = self.publish(item, 20)
        feedback_reopen(
            item,
            phone=item.sender_phone,
            reason="Trả lời chưa nêu việc gửi văn bản xin lỗi theo quy định.",
            now=self.clock.at(3, 10),
        )

    def with_the_leader(self) -> None:
        item = self.accept(
            self.receive(
                8,
                "Phí thẩm định thiết kế cơ sở thu cao hơn biểu phí",
                "Khi nhận kết quả, tôi phải nộp phí thẩm định cao hơn mức trong biểu phí đã "
                "công khai.",
                channel="email",
            ),
            7,
        )
        self.draft(
            item,
            2,
            "Sở Xây dựng đã kiểm tra biên lai: mức phí thu đúng theo Thông tư của Bộ Tài chính; "
            "biểu phí niêm yết tại bộ phận một cửa đã được cập nhật.",
        )
        item = self.forward(
            self.receive(
                9,
                "Yêu cầu bản sao có chứng thực trái với quy định",
                "Thủ tục chứng thực chữ ký vẫn yêu cầu bản sao có chứng thực giấy tờ tùy thân dù "
                "quy định đã cho phép xuất trình bản chính.",
                category="illegal_regulation",
            ),
            8,
            self.justice,
        )
        self.draft(
            item,
            2,
            "Sở Tư pháp đã rà soát: yêu cầu bản sao có chứng thực không còn phù hợp; Sở đề xuất "
            "sửa đổi quy trình nội bộ.",
            who="justice",
            review=_review({ReviewTest.LEGALITY, ReviewTest.SIMPLICITY}),
            outcome="amend",
        )
        item = self.forward(
            self.receive(
                7,
                "Ủy ban nhân dân cấp xã chậm xác nhận đơn sửa chữa nhà",
                "Đơn của tôi nộp tại Ủy ban nhân dân đã hơn một tuần nhưng chưa được xác nhận.",
            ),
            6,
            self.commune,
        )
        self.draft(
            item,
            1,
            "Ủy ban nhân dân đã xác nhận đơn ngày hôm nay; đề nghị bà liên hệ bộ phận một cửa "
            "để nhận lại.",
            who="commune_specialist",
        )

    def answered_items(self) -> None:
        item = self.accept(
            self.receive(
                10,
                "Không tra cứu được hồ sơ trên Cổng dịch vụ công",
                "Tôi nhập mã hồ sơ và số điện thoại nhưng cổng báo không tìm thấy hồ sơ.",
                channel="open311",
            ),
            9,
        )
        self.answered(
            item,
            4,
            3,
            "Mã hồ sơ gồm mã cơ quan, ngày nộp và số thứ tự; ông vui lòng nhập đủ, kể cả dấu "
            "gạch nối. Sở đã kiểm tra và hồ sơ của ông tra cứu được bình thường.",
        )
        # Answered after its due moment: counted late.
        item = self.accept(
            self.receive(
                40,
                "Cán bộ không hướng dẫn thành phần hồ sơ một lần",
                "Tôi phải đi lại ba lần để bổ sung hồ sơ vì mỗi lần cán bộ chỉ hướng dẫn một phần.",
                channel="counter",
            ),
            39,
        )
        self.answered(
            item,
            20,
            19,
            "Sở đã kiểm điểm cán bộ liên quan và yêu cầu hướng dẫn đầy đủ, một lần bằng phiếu "
            "hướng dẫn theo quy định.",
        )
        # Returned once by the leader, then approved.
        item = self.accept(
            self.receive(
                11,
                "Thời gian cấp phép xây dựng thực tế dài hơn công bố",
                "Thủ tục công bố 15 ngày nhưng thực tế thường trên 20 ngày.",
                category="unfit_regulation",
                kind="kien_nghi",
            ),
            10,
        )
        review = _review({ReviewTest.FEASIBILITY})
        item = self.draft(item, 6, "Sở sẽ xem xét.", review=review, outcome="no_change")
        item = feedback_return_draft(
            item,
            self.o["leader"],
            reason="Nêu số liệu hồ sơ đúng hạn và biện pháp cụ thể.",
            now=self.clock.office(_last(item), 5),
        )
        self.answered(
            item,
            4,
            2,
            "Năm nay 96% hồ sơ cấp phép xây dựng của Sở được giải quyết đúng hạn. Sở giữ nguyên "
            "thời hạn 15 ngày và tăng cường phối hợp để giảm thời gian thẩm định.",
            review=review,
            outcome="no_change",
        )

    def published_items(self) -> None:
        dossier = (
            Dossier.objects.filter(receiving_agency=self.dept)
            .exclude(code=None)
            .exclude(applicant_phone="")
            .order_by("pk")
            .first()
        )
        linked = (
            (
                dossier.applicant_name,
                dossier.applicant_address or "tỉnh Bình Sơn",
                dossier.applicant_phone,
            )
            if dossier is not None
            else None
        )
        plain = [
            (
                "Hồ sơ cấp phép xây dựng quá hạn không được xin lỗi",
                "Hồ sơ của tôi quá hạn nhưng không nhận được văn bản xin lỗi và hẹn lại ngày trả.",
                "officer_conduct",
                "phan_anh",
                "Sở Xây dựng xin lỗi ông vì hồ sơ trễ hạn 2 ngày. Từ tháng này, phần mềm tự "
                "nhắc lập văn bản xin lỗi trước khi hồ sơ quá hạn.",
            ),
            (
                "Đề nghị thanh toán lệ phí cấp phép xây dựng trực tuyến",
                "Đề nghị Sở cho phép nộp lệ phí qua cổng thanh toán trực tuyến để không phải "
                "đến nộp tiền mặt.",
                "proposal",
                "kien_nghi",
                "Sở đã cung cấp thanh toán trực tuyến cho thủ tục cấp giấy phép xây dựng trên "
                "Cổng dịch vụ công của tỉnh; ông chọn 'Thanh toán trực tuyến' khi nộp hồ sơ.",
            ),
            (
                "Sáng kiến gửi kết quả cấp phép qua bưu điện miễn phí cho người cao tuổi",
                "Đề nghị tỉnh hỗ trợ chi phí gửi kết quả qua bưu chính cho người từ 70 tuổi.",
                "initiative",
                "kien_nghi",
                "Sở ghi nhận sáng kiến và đã đề xuất Ủy ban nhân dân tỉnh xem xét đưa vào kế "
                "hoạch cải cách hành chính năm tới.",
            ),
            (
                "Bảng niêm yết thủ tục tại bộ phận một cửa đã cũ",
                "Bảng niêm yết tại bộ phận một cửa vẫn ghi thành phần hồ sơ cũ.",
                "other",
                "phan_anh",
                "Sở đã thay bảng niêm yết theo danh mục thủ tục công bố mới nhất.",
            ),
            (
                "Cán bộ yêu cầu bản vẽ có dấu của đơn vị thiết kế",
                "Nhà ở riêng lẻ dưới 250 m2 tôi tự thiết kế nhưng cán bộ yêu cầu bản vẽ có dấu "
                "của đơn vị tư vấn.",
                "wrong_application",
                "phan_anh",
                "Theo Luật Xây dựng, nhà ở riêng lẻ dưới 250 m2 và dưới 3 tầng hộ gia đình được "
                "tự thiết kế. Sở đã chấn chỉnh và tiếp nhận lại hồ sơ của bà.",
            ),
        ]
        for n, (title, content, category, kind, text) in enumerate(plain):
            days = 45 - 5 * n
            item = self.accept(
                self.receive(
                    days,
                    title,
                    content,
                    category=category,
                    kind=kind,
                    channel=("portal", "counter", "email", "phone", "portal")[n],
                ),
                days - 1,
            )
            item = self.answered(item, days - 5, days - 6, text)
            self.publish(item, days - 7)
        if linked is not None:
            item = self.accept(
                self.receive(
                    24,
                    "Hồ sơ của tôi bị yêu cầu bổ sung giấy tờ đã nộp",
                    f"Hồ sơ {dossier.code} bị yêu cầu bổ sung bản vẽ mặt bằng dù tôi đã nộp đủ.",
                    category="wrong_application",
                    sender=linked,
                    dossier_code=dossier.code,
                ),
                23,
            )
            item = self.answered(
                item,
                19,
                18,
                f"Sở đã kiểm tra hồ sơ {dossier.code}: bản vẽ đã nộp thiếu chữ ký của chủ đầu "
                "tư nên cần bổ sung; Sở xin lỗi vì phiếu yêu cầu bổ sung chưa ghi rõ lý do.",
            )
            self.publish(item, 17)
        # Moderated before publication: the change is logged with its reason.
        item = self.accept(
            self.receive(
                26,
                "Phản ánh về thái độ của cán bộ một cửa",
                "Ngày 10, bà Nguyễn Thị X ở quầy số 3 nói chuyện điện thoại riêng khi đang tiếp "
                "tôi, số điện thoại của tôi là 0971556677.",
                sender=SENDERS[-1],
            ),
            25,
        )
        item = self.answered(
            item,
            21,
            20,
            "Sở đã nhắc nhở công chức quầy số 3 và yêu cầu thực hiện đúng quy tắc ứng xử.",
        )
        self.publish(
            item,
            19,
            content=(
                "Công dân phản ánh cán bộ quầy số 3 nói chuyện điện thoại riêng khi đang tiếp "
                "công dân."
            ),
            reason="Lược bỏ tên cán bộ và thông tin cá nhân trước khi công khai.",
        )
        # Regulation items with the six tests of Art. 14, answered by Sở Tư pháp.
        for days, title, content, category, unmet, outcome, text in (
            (
                33,
                "Quy định nộp bản sao giấy chứng nhận quyền sử dụng đất có chứng thực",
                "Thủ tục cấp phép xây dựng yêu cầu bản sao có chứng thực, trong khi dữ liệu đất "
                "đai đã có trên hệ thống.",
                "unfit_regulation",
                {ReviewTest.SIMPLICITY},
                "propose",
                "Sở Tư pháp đã rà soát theo Điều 14 Nghị định 20/2008/NĐ-CP: yêu cầu bản sao có "
                "chứng thực chưa đơn giản; Sở đã kiến nghị Bộ Xây dựng cho phép khai thác dữ "
                "liệu đất đai thay cho bản sao.",
            ),
            (
                31,
                "Quyết định của tỉnh về phí cấp phép trái với Luật Phí và lệ phí",
                "Quyết định của tỉnh đặt thêm khoản thu 'phí hồ sơ' ngoài lệ phí cấp phép.",
                "illegal_regulation",
                {ReviewTest.LEGALITY, ReviewTest.CONSISTENCY},
                "amend",
                "Sở Tư pháp xác định khoản thu không có căn cứ; Ủy ban nhân dân tỉnh đã bãi bỏ "
                "khoản thu này từ ngày ký quyết định sửa đổi.",
            ),
        ):
            item = self.forward(
                self.receive(days, title, content, category=category), days - 2, self.justice
            )
            item = self.answered(
                item,
                days - 8,
                days - 9,
                text,
                team="justice",
                review=_review(set(unmet)),
                outcome=outcome,
            )
            self.publish(item, days - 10, who="justice_leader")
        # Answered by the commune.
        item = self.receive(
            27,
            "Bộ phận một cửa cấp xã chưa niêm yết việc miễn lệ phí khai sinh",
            "Bộ phận một cửa của Ủy ban nhân dân chưa niêm yết việc miễn lệ phí đăng ký khai "
            "sinh đúng hạn.",
            subject=self.commune,
            actor=self.o["commune_counter"],
            channel="counter",
        )
        item = self.accept(item, 26, who="commune_counter")
        item = self.answered(
            item,
            22,
            21,
            "Ủy ban nhân dân đã niêm yết đầy đủ: đăng ký khai sinh đúng hạn được miễn lệ phí.",
            team="commune",
        )
        self.publish(item, 20, who="commune_leader")

    def merged(self) -> None:
        duplicate = self.receive(
            5,
            "Bị yêu cầu nộp bản sao sổ hộ khẩu khi xin phép xây dựng",
            "Cán bộ yêu cầu tôi nộp bản sao sổ hộ khẩu khi nộp hồ sơ cấp giấy phép xây dựng, "
            "giấy tờ này đã bãi bỏ.",
            category="wrong_application",
            channel="phone",
        )
        feedback_merge(
            duplicate,
            self.o["receiver"],
            into=self.handling,
            now=self.clock.office(duplicate.received_at, 4),
        )
