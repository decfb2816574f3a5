"""The citizen's whole journey on a phone (390×844), in a real chromium (issue 4, the first
acceptance point): sign up, find the building permit by an unaccented search, apply online
with two files, supplement when the counter asks, follow the dossier while the agency
receives, forwards and approves it (with the signed result PDF), pay the fee in the sandbox
gateway, choose postal return, get the result by post, download its signed electronic copy and
rate the service.

The officers act in a second browser context, at desktop width, through their own pages.
Every citizen page is saved as ``test-artifacts/citizen-NN-<name>.png``; the database is
checked at the end (one dossier, its shipment, payment, rating, the logged download of the
result, the e-mails in the outbox, and the exact counters)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from cchc.core.models import OutboxMessage
from cchc.dossiers.counters import stats_recount, stats_stored
from cchc.dossiers.models import DocumentAccess, Dossier, Payment, Shipment
from cchc.satisfaction.models import Aspect, Rating
from tests.e2e.conftest import officer_open, officer_sign_out, shot
from tests.e2e.test_portal_accessibility import axe_violations, describe
from tests.factories import PASSWORD
from tests.portal.apply_helpers import PDF, PNG
from tests.world import BUILDING_PERMIT, ensure_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROCEDURE = "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ"
CITIZEN = {
    "name": "Trần Thị Lan",
    "cccd": "079195001234",
    "email": "lan.tran@example.vn",
    "phone": "0934567812",
    "address": "Số 12 đường Trần Phú, phường Tân An",
    "password": "mot con meo trang tren mai nha",
}
DELIVERY = "Số 8 đường Nguyễn Huệ, phường Tân An"
TRACKING = "EV123456789VN"
DATE = r"\d{2}/\d{2}/\d{4}"
MOMENT = r"\d{2}:\d{2} \d{2}/\d{2}/\d{4}"


class Citizen:
    """The citizen's phone: numbered screenshots of each page."""

    def __init__(self, page) -> None:
        self.page = page
        self.count = 0

    def shot(self, name: str) -> None:
        self.count += 1
        shot(self.page, f"citizen-{self.count:02d}-{name}")

    def menu(self, label: str) -> None:
        """A link of the portal menu, behind the toggler at phone width."""
        page = self.page
        page.get_by_role("button", name="Mở menu").click()
        # Wait for the menu to finish opening (Bootstrap swaps "collapsing" for "show"): a click
        # on a link still sliding in was seen to go nowhere on a loaded machine.
        expect(page.locator("#portal-nav")).to_have_class(re.compile(r"(^|\s)show(\s|$)"))
        link = page.locator("#portal-nav").get_by_role("link", name=label, exact=True)
        expect(link).to_be_visible()
        with page.expect_navigation():  # returns once the new page's scripts have run
            link.click()

    def open_dossier(self, url: str) -> None:
        self.page.goto(url)
        expect(self.page.get_by_role("heading", level=1)).to_have_text(PROCEDURE)


def labelled(scope, label: str):
    """The field whose label is exactly ``label`` (a required field's label also says so to
    screen readers: "… * (bắt buộc)")."""
    return scope.get_by_label(re.compile(f"^{re.escape(label)}\\s*\\*?\\s*(\\(bắt buộc\\))?$"))


def officer_sign_in(page, user) -> None:
    page.goto(page.base_url + "/tai-khoan/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_test_id("current-user")).to_contain_text(user.full_name)


def officer_act(page, slug: str, button: str, done: str) -> None:
    page.locator(f"#action-{slug}").get_by_role("button", name=button, exact=True).click()
    expect(page.get_by_role("alert").first).to_contain_text(done)


@pytest.fixture
def office(browser, live_server):
    """The officers' browser: a second context, at desktop width."""
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh")
    page = context.new_page()
    page.set_default_timeout(15000)
    page.base_url = live_server.url
    yield page
    context.close()


def test_a_citizen_does_the_whole_journey_on_a_phone(phone_page, office, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    world = ensure_world()
    page = phone_page
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    citizen = Citizen(page)
    drawing = tmp_path / "ban-ve-thiet-ke.png"
    drawing.write_bytes(PNG)
    application = tmp_path / "don-de-nghi.pdf"
    application.write_bytes(PDF)
    supplement = tmp_path / "ban-ve-bo-sung.pdf"
    supplement.write_bytes(PDF)
    signed_result = tmp_path / "giay-phep-125.pdf"
    signed_result.write_bytes(PDF + b"% 125/GPXD, ky so\n")

    # 1. Sign up, with the e-mail consent ticked.
    page.goto(page.base_url + "/dich-vu-cong/")
    citizen.shot("home")
    citizen.menu("Đăng ký")
    expect(page.get_by_role("heading", level=1)).to_have_text("Đăng ký tài khoản")
    consent = page.get_by_label("Tôi đồng ý nhận thông báo về hồ sơ qua thư điện tử.")
    expect(consent).not_to_be_checked()
    labelled(page, "Họ và tên").fill(CITIZEN["name"])
    labelled(page, "Số định danh cá nhân (số CCCD)").fill(CITIZEN["cccd"])
    labelled(page, "Địa chỉ").fill(CITIZEN["address"])
    labelled(page, "Thư điện tử").fill(CITIZEN["email"])
    labelled(page, "Số điện thoại").fill(CITIZEN["phone"])
    labelled(page, "Mật khẩu").fill(CITIZEN["password"])
    labelled(page, "Nhập lại mật khẩu").fill(CITIZEN["password"])
    consent.check()
    citizen.shot("signup")
    page.get_by_role("button", name="Đăng ký", exact=True).click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã tạo tài khoản")
    expect(page.get_by_test_id("current-user")).to_have_text(CITIZEN["name"])
    expect(page.get_by_test_id("verify-email")).to_contain_text("Chưa xác minh")
    citizen.shot("account")

    # The address is proved by opening the link mailed to it; dossier notices wait for that.
    mail = OutboxMessage.objects.get(template="verify_email", recipient=CITIZEN["email"])
    path = re.search(r"/dich-vu-cong/tai-khoan/xac-minh/[^/\s]+/", mail.body).group(0)
    page.goto(page.base_url + path)
    expect(page.get_by_test_id("verified")).to_contain_text("Đã xác minh thư điện tử")
    citizen.shot("email-verified")
    page.get_by_role("link", name="Về tài khoản của tôi").click()
    expect(page.get_by_test_id("verify-email")).to_contain_text("Đã xác minh ngày")

    # 2. Find the building permit without typing accents.
    citizen.menu("Thủ tục hành chính")  # awaited to the load: htmx listens from then on
    page.get_by_label("Từ khoá (mã hoặc tên, có dấu hay không dấu)").fill("cap giay phep xay dung")
    results = page.locator("#catalog-results")
    expect(results.get_by_role("link", name=PROCEDURE)).to_be_visible()
    expect(results).not_to_contain_text("Đăng ký khai sinh")
    expect(results).to_contain_text("75.000 đ")
    citizen.shot("catalogue-search")
    results.get_by_role("link", name=PROCEDURE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PROCEDURE)
    main = page.locator("main")
    expect(main).to_contain_text(f"Mã thủ tục: {BUILDING_PERMIT}")
    expect(main).to_contain_text("Lệ phí: 75.000 đ")
    expect(main).to_contain_text("15/07/2025")
    citizen.shot("procedure")

    # 3. Apply online: the applicant is prefilled; two files (the form, a drawing).
    page.get_by_role("link", name="Nộp hồ sơ trực tuyến").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nộp hồ sơ trực tuyến")
    expect(labelled(page, "Họ và tên / Tên tổ chức")).to_have_value(CITIZEN["name"])
    expect(labelled(page, "Số CCCD / Mã số thuế")).to_have_value(CITIZEN["cccd"])
    expect(labelled(page, "Điện thoại")).to_have_value(CITIZEN["phone"])
    expect(labelled(page, "Thư điện tử")).to_have_value(CITIZEN["email"])
    expect(labelled(page, "Nơi nộp hồ sơ (cơ quan tiếp nhận)")).to_have_value("000.00.05.H98")
    expect(page.get_by_label("Nhận trực tiếp tại nơi nộp hồ sơ")).to_be_checked()
    page.get_by_label("Đơn đề nghị theo mẫu").set_input_files(application)
    page.get_by_label("Giấy tờ khác (nếu có)").set_input_files(drawing)
    citizen.shot("apply")
    page.get_by_role("button", name="Nộp hồ sơ", exact=True).click()
    expect(page.get_by_test_id("dossier-status")).to_have_text("Chờ tiếp nhận")
    expect(page.get_by_role("alert").first).to_contain_text("Đã nộp hồ sơ (mã tham chiếu TN-")
    dossier = Dossier.objects.get(applicant_user__email=CITIZEN["email"])
    reference = dossier.reference
    dossier_url = page.url
    expect(main).to_contain_text(reference)
    expect(main).to_contain_text(re.compile(f"Nộp lúc\\s*{MOMENT}"))
    documents = page.get_by_role("region", name="Giấy tờ đã nộp")
    expect(documents.get_by_role("listitem")).to_have_count(2)
    expect(documents).to_contain_text("Đơn đề nghị theo mẫu")
    expect(documents).to_contain_text("ban-ve-thiet-ke.png")
    citizen.shot("submitted")

    # 4. The counter officer finds it waiting for intake and asks for a supplement.
    officer_sign_in(office, world.counter_officer)
    officer_open(office, "Chờ tiếp nhận", reference)
    expect(office.get_by_test_id("dossier-status")).to_have_text("Chờ tiếp nhận")
    card = office.locator("#action-yeu-cau-bo-sung")
    card.locator("summary").click()
    card.get_by_label("Nội dung cần bổ sung, hoàn thiện khác (mỗi dòng một nội dung)").fill(
        "Bản vẽ mặt bằng có chữ ký của chủ đầu tư"
    )
    officer_act(office, "yeu-cau-bo-sung", "Gửi yêu cầu bổ sung", "Đã yêu cầu bổ sung hồ sơ")
    expect(office.get_by_test_id("dossier-status")).to_have_text("Chờ bổ sung (tiếp nhận)")

    # 5. The citizen sees the request in "my dossiers" and supplements with a file.
    citizen.menu("Hồ sơ của tôi")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hồ sơ của tôi")
    listing = page.get_by_test_id("my-dossiers")
    expect(listing).to_contain_text("Chờ bổ sung (tiếp nhận)")
    expect(listing).to_contain_text(f"Mã tham chiếu: {reference}")
    expect(listing).to_contain_text(re.compile(f"Nộp {DATE}"))
    citizen.shot("my-dossiers-supplement")
    listing.get_by_role("link", name=PROCEDURE).click()
    expect(page.get_by_test_id("dossier-status")).to_have_text("Chờ bổ sung (tiếp nhận)")
    request = page.get_by_role("region", name="Cơ quan đề nghị bổ sung hồ sơ")
    expect(request).to_contain_text("Bản vẽ mặt bằng có chữ ký của chủ đầu tư")
    expect(request).to_contain_text(re.compile(f"Yêu cầu lúc {MOMENT}"))
    citizen.shot("supplement-request")
    request.get_by_label("Bản vẽ mặt bằng có chữ ký của chủ đầu tư").set_input_files(supplement)
    request.get_by_label("Ghi chú gửi cơ quan").fill("Gửi bổ sung bản vẽ mặt bằng đã ký.")
    request.get_by_role("button", name="Gửi hồ sơ bổ sung").click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã gửi hồ sơ bổ sung")
    expect(page.get_by_test_id("dossier-status")).to_have_text("Chờ tiếp nhận")
    expect(documents.get_by_role("listitem")).to_have_count(3)
    expect(documents).to_contain_text("bổ sung")
    citizen.shot("supplemented")

    # 6. The counter officer receives it; the specialist forwards; the leader approves.
    officer_open(office, "Chờ tiếp nhận", reference)
    card = office.locator("#action-tiep-nhan")
    card.locator("summary").click()
    card.get_by_label("Đã kiểm tra: thành phần hồ sơ đầy đủ, hợp lệ, đúng thẩm quyền").check()
    officer_act(office, "tiep-nhan", "Tiếp nhận", "Đã tiếp nhận hồ sơ")
    code = office.get_by_test_id("dossier-code").inner_text()
    assert re.fullmatch(r"000\.00\.05\.H98-\d{6}-\d{4}", code), code
    expect(office.get_by_test_id("dossier-status")).to_have_text("Mới tiếp nhận")
    officer_sign_out(office)

    citizen.open_dossier(dossier_url)
    expect(page.get_by_test_id("dossier-status")).to_have_text("Mới tiếp nhận")
    expect(main).to_contain_text(f"Mã hồ sơ: {code}")
    expect(main).to_contain_text(re.compile(f"Tiếp nhận lúc\\s*{MOMENT}"))
    expect(main).to_contain_text(re.compile(f"Hẹn trả kết quả\\s*{MOMENT}"))
    citizen.shot("received")

    officer_sign_in(office, world.specialist)
    officer_open(office, "Chờ xử lý của cơ quan", code)
    office.locator("#action-chuyen summary").click()
    office.get_by_label("Chuyển cho").select_option(label="Phạm Đức Lãnh — Lãnh đạo")
    office.get_by_label("Ý kiến xử lý").fill("Hồ sơ đủ điều kiện cấp phép.")
    officer_act(office, "chuyen", "Chuyển", "Đã chuyển hồ sơ")
    expect(office.get_by_test_id("dossier-status")).to_have_text("Đang giải quyết")
    officer_sign_out(office)

    officer_sign_in(office, world.leader)
    officer_open(office, "Của tôi", code)
    office.locator("#action-phe-duyet summary").click()
    office.get_by_label("Số văn bản kết quả").fill("125/GPXD")
    office.get_by_label("Tệp kết quả (PDF đã ký số)").set_input_files(signed_result)
    officer_act(office, "phe-duyet", "Phê duyệt", "Đã phê duyệt")
    expect(office.get_by_test_id("dossier-status")).to_have_text("Đã có kết quả")
    officer_sign_out(office)

    # 7. The citizen pays the fee in the sandbox gateway and reads the receipt.
    citizen.open_dossier(dossier_url)
    expect(page.get_by_test_id("dossier-status")).to_have_text("Đã có kết quả")
    expect(main).to_contain_text("Còn phải nộp: 75.000 đ")
    pay = page.get_by_test_id("pay-link")
    expect(pay).to_have_text("Thanh toán phí, lệ phí (75.000 đ)")
    citizen.shot("result-ready")
    pay.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thanh toán phí, lệ phí")
    expect(page.get_by_test_id("dossier-code")).to_have_text(code)
    expect(page.get_by_test_id("outstanding")).to_have_text("75.000 đ")
    citizen.shot("fees")
    page.get_by_role("button", name="Thanh toán trực tuyến").click()
    expect(page.get_by_test_id("sandbox-amount")).to_have_text("75.000 đ")
    expect(page.get_by_test_id("sandbox-order")).to_contain_text(code)
    citizen.shot("sandbox-gateway")
    page.get_by_role("button", name="Thanh toán thành công").click()
    expect(page.get_by_test_id("payment-state")).to_have_attribute("data-state", "paid")
    expect(page.get_by_test_id("payment-state")).to_contain_text(
        re.compile(f"Đã nhận tiền lúc {MOMENT}")
    )
    citizen.shot("payment-result")
    page.get_by_role("link", name="Xem biên lai điện tử").click()
    expect(page.get_by_test_id("receipt-amount")).to_have_text("75.000 đ")
    expect(page.get_by_test_id("receipt-words")).to_have_text("Bảy mươi lăm nghìn đồng")
    payment = Payment.objects.get(dossier=dossier)
    expect(page.get_by_test_id("receipt-number")).to_have_text(payment.receipt_number)
    expect(page.locator("main")).to_contain_text(code)
    citizen.shot("receipt")

    # 8. The citizen chooses postal return, with a delivery address.
    citizen.open_dossier(dossier_url)
    expect(page.get_by_test_id("pay-link")).to_have_count(0)
    fees = page.get_by_role("region", name="Phí, lệ phí")
    expect(fees).to_contain_text(f"Biên lai số {payment.receipt_number}")
    expect(fees).to_contain_text("75.000 đ")
    expect(fees).not_to_contain_text("Còn phải nộp")
    page.locator("summary", has_text="Hình thức nhận kết quả").click()
    expect(page.get_by_role("radio", name="Trực tiếp")).to_be_checked()
    postal = page.get_by_role("radio", name="Bưu chính công ích")
    box = postal.bounding_box()
    assert box and box["width"] < 40, f"the choice is drawn as a {box} box, not a radio button"
    postal.check()
    address = labelled(page, "Địa chỉ nhận kết quả qua bưu chính")
    expect(address).to_have_value(CITIZEN["address"])
    address.fill(DELIVERY)
    citizen.shot("return-method")
    page.get_by_test_id("save-return-method").click()
    expect(page.get_by_role("alert").first).to_contain_text("Đã cập nhật hình thức nhận kết quả")
    expect(main).to_contain_text(f"Bưu chính công ích — {DELIVERY}")
    citizen.shot("return-method-saved")

    # 9. The counter officer returns the result by post.
    officer_sign_in(office, world.counter_officer)
    officer_open(office, "Chờ trả kết quả", code)
    expect(office.get_by_test_id("outstanding")).to_have_text("0 đ")
    card = office.locator("#action-tra-ket-qua")
    card.locator("summary").click()
    expect(card.get_by_label("Hình thức trả")).to_have_value("postal")
    expect(card.get_by_label("Đơn vị bưu chính")).not_to_have_value("")
    card.get_by_label("Mã bưu gửi").fill(TRACKING)
    officer_act(office, "tra-ket-qua", "Trả kết quả", "Đã trả kết quả")
    expect(office.get_by_test_id("dossier-status")).to_have_text("Đã trả kết quả")
    officer_sign_out(office)

    citizen.open_dossier(dossier_url)
    expect(page.get_by_test_id("dossier-status")).to_have_text("Đã trả kết quả")
    shipments = page.get_by_test_id("shipments")
    expect(shipments).to_contain_text(TRACKING)
    expect(shipments).to_contain_text(DELIVERY)
    expect(shipments).to_contain_text(re.compile(f"bàn giao {MOMENT}"))
    timeline = page.get_by_test_id("timeline").get_by_role("listitem")
    expect(timeline.last).to_contain_text(
        re.compile(f"Đã trả kết quả \\(bưu chính công ích\\) lúc {MOMENT}. Mã bưu gửi: {TRACKING}")
    )
    expect(timeline.filter(has_text="Cán bộ yêu cầu bổ sung")).to_contain_text(
        "Bản vẽ mặt bằng có chữ ký của chủ đầu tư"
    )
    expect(timeline.filter(has_text="Hồ sơ đã được tiếp nhận")).to_contain_text(
        re.compile(f"lúc {MOMENT} tại Sở Xây dựng. Hẹn trả kết quả: {MOMENT}")
    )
    citizen.shot("returned")

    # The signed result is also on the page, as the citizen's electronic copy: it downloads.
    result = page.get_by_role("region", name="Kết quả giải quyết")
    expect(result).to_contain_text("Số 125/GPXD")
    with page.expect_download() as download:
        result.get_by_role("link", name="Tải kết quả (PDF)").click()
    assert download.value.suggested_filename == f"ket-qua-{code}.pdf"
    assert download.value.path().read_bytes() == signed_result.read_bytes()
    citizen.shot("result-downloaded")
    violations = axe_violations(page)
    assert not violations, describe(violations)

    # 10. The citizen rates the service: overall, each aspect, each officer, a comment.
    page.get_by_test_id("rate-link").click()
    form = page.get_by_test_id("rating-form")
    expect(form).to_be_visible()
    form.get_by_role("group", name="Mức độ hài lòng chung").get_by_label("Rất hài lòng").check()
    for aspect in Aspect.labels:
        form.get_by_role("group", name=aspect).get_by_label("Hài lòng", exact=True).check()
    handlers = (world.counter_officer, world.specialist, world.leader)
    for officer in handlers:
        group = form.get_by_role("group", name=officer.full_name)
        group.get_by_label("Rất hài lòng").check()
    comment = form.get_by_label("Ý kiến góp ý (không bắt buộc)")
    comment.fill("Nộp và nhận kết quả không phải đi lại.")
    citizen.shot("rate")
    page.get_by_role("button", name="Gửi đánh giá").click()
    expect(page.get_by_role("alert").first).to_contain_text("Cảm ơn bạn đã đánh giá")
    expect(page.get_by_test_id("rating-summary")).to_contain_text("Rất hài lòng")
    citizen.shot("rated")
    assert errors == [], errors

    # What the database holds afterwards.
    assert Dossier.objects.count() == 1
    dossier.refresh_from_db()
    assert dossier.code == code
    assert dossier.status == Dossier.Status.RETURNED
    assert dossier.channel == Dossier.Channel.ONLINE
    assert dossier.return_method == Dossier.ReturnMethod.POSTAL
    assert dossier.delivery_address == DELIVERY
    shipment = Shipment.objects.get(dossier=dossier)
    assert shipment.direction == Shipment.Direction.OUTBOUND
    assert shipment.tracking_number == TRACKING
    assert shipment.address == DELIVERY
    payment.refresh_from_db()
    assert (payment.state, payment.method, payment.amount_vnd) == ("paid", "online", 75000)
    assert Payment.objects.filter(dossier=dossier).count() == 1
    [download_log] = DocumentAccess.objects.filter(dossier=dossier)
    assert (download_log.kind, download_log.user.email) == ("result", CITIZEN["email"])
    rating = Rating.objects.get(dossier=dossier)
    assert rating.overall == "very_satisfied"
    assert rating.aspects.count() == len(Aspect.values)
    assert {r.officer_id for r in rating.officers.all()} == {o.pk for o in handlers}
    emails = OutboxMessage.objects.filter(
        channel=OutboxMessage.Channel.EMAIL, recipient=CITIZEN["email"]
    )
    kinds = set(emails.values_list("template", flat=True))
    expected = {"received", "supplement_requested", "result_ready", "payment_confirmed", "returned"}
    assert expected <= kinds, kinds
    assert emails.filter(template="received", subject__contains=code).exists()
    # The SMS channel was not consented to: only the link that verifies the number (every
    # contact gets one) is addressed to the phone, no notice.
    to_phone = OutboxMessage.objects.filter(recipient=CITIZEN["phone"])
    assert list(to_phone.values_list("template", flat=True)) == ["verify_phone"]
    assert stats_stored() == stats_recount()
