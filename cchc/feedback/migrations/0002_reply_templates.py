"""One common reply template per category (Decree 20/2008 Art. 5), for the handler to start
from; agencies add their own in the administration. Removing the migration removes only these
common templates, by title."""

from django.db import migrations

OPENING = (
    "Kính gửi Ông/Bà {người gửi},\n\n"
    "Cơ quan đã nhận được phản ánh, kiến nghị của Ông/Bà (mã {mã phản ánh}) về việc "
    "{tóm tắt nội dung}. "
)
CLOSING = (
    "\n\nCơ quan xin thông báo để Ông/Bà được biết. Nếu nội dung trả lời chưa đáp ứng, "
    "Ông/Bà có thể đề nghị xem xét lại bằng mã phản ánh và số điện thoại đã khai.\n\n"
    "Trân trọng."
)

TEMPLATES = [
    (
        "officer_conduct",
        "Trả lời phản ánh về hành vi của cán bộ, công chức",
        "Sau khi kiểm tra, xác minh, cơ quan trả lời như sau:\n"
        "1. Kết quả xác minh: {nêu rõ sự việc, cán bộ liên quan, thời gian}.\n"
        "2. Biện pháp xử lý: {chấn chỉnh, kiểm điểm, xử lý trách nhiệm theo quy định}.\n"
        "3. Việc giải quyết hồ sơ của Ông/Bà: {kết quả, thời hạn}.",
    ),
    (
        "wrong_application",
        "Trả lời phản ánh về việc áp dụng không đúng quy định",
        "Căn cứ {văn bản quy phạm pháp luật, thủ tục hành chính đã công bố}, cơ quan trả lời "
        "như sau:\n"
        "1. Quy định hiện hành: {trích dẫn thành phần hồ sơ, điều kiện, thời hạn}.\n"
        "2. Việc áp dụng tại cơ quan: {đúng/không đúng, lý do}.\n"
        "3. Biện pháp khắc phục: {hướng dẫn lại, giải quyết lại hồ sơ}.",
    ),
    (
        "unfit_regulation",
        "Trả lời phản ánh về quy định không phù hợp với thực tế",
        "Cơ quan đã nghiên cứu, đánh giá quy định theo các tiêu chí tại Điều 14 Nghị định "
        "20/2008/NĐ-CP (sự cần thiết, tính hợp lý và hợp pháp, tính đơn giản, tính khả thi, "
        "tính thống nhất, sự phù hợp với điều ước quốc tế).\n"
        "Kết quả đánh giá: {tóm tắt}.\n"
        "Hướng xử lý: {sửa đổi, bổ sung / kiến nghị cơ quan có thẩm quyền / giữ nguyên}.",
    ),
    (
        "conflicting_regulations",
        "Trả lời phản ánh về quy định không đồng bộ, thiếu thống nhất",
        "Cơ quan đã rà soát các quy định liên quan: {liệt kê văn bản, điều khoản}.\n"
        "Kết quả đánh giá tính thống nhất, đồng bộ (Điều 14 Nghị định 20/2008/NĐ-CP): "
        "{tóm tắt}.\n"
        "Hướng xử lý: {quy định được áp dụng trong thời gian chờ sửa đổi; kiến nghị}.",
    ),
    (
        "illegal_regulation",
        "Trả lời phản ánh về quy định không hợp pháp",
        "Cơ quan đã rà soát tính hợp pháp của quy định {tên văn bản, điều khoản} đối chiếu với "
        "{văn bản có hiệu lực pháp lý cao hơn}.\n"
        "Kết quả: {tóm tắt}.\n"
        "Hướng xử lý: {bãi bỏ, sửa đổi / kiến nghị cơ quan có thẩm quyền xử lý}.",
    ),
    (
        "other",
        "Trả lời phản ánh về vấn đề khác của quy định hành chính",
        "Về nội dung Ông/Bà phản ánh, cơ quan trả lời như sau:\n{nội dung trả lời, căn cứ}.",
    ),
    (
        "proposal",
        "Trả lời kiến nghị phương án xử lý",
        "Cơ quan ghi nhận và đánh giá cao đề xuất của Ông/Bà.\n"
        "Kết quả nghiên cứu: {đánh giá tính khả thi, hiệu quả}.\n"
        "Hướng tiếp thu: {áp dụng / nghiên cứu thêm / chưa tiếp thu, lý do}.",
    ),
    (
        "initiative",
        "Trả lời sáng kiến ban hành mới quy định",
        "Cơ quan cảm ơn sáng kiến của Ông/Bà về {nội dung sáng kiến}.\n"
        "Kết quả nghiên cứu: {đánh giá sự cần thiết, tính khả thi}.\n"
        "Hướng xử lý: {đề xuất ban hành / kiến nghị cơ quan có thẩm quyền / chưa tiếp thu, "
        "lý do}.",
    ),
]


def seed(apps, schema_editor):
    ReplyTemplate = apps.get_model("feedback", "ReplyTemplate")
    for category, title, middle in TEMPLATES:
        if ReplyTemplate.objects.filter(category=category, agency=None, title=title).exists():
            continue
        ReplyTemplate.objects.create(
            category=category,
            agency=None,
            title=title,
            body=OPENING + "\n\n" + middle + CLOSING,
            active=True,
        )


def unseed(apps, schema_editor):
    ReplyTemplate = apps.get_model("feedback", "ReplyTemplate")
    ReplyTemplate.objects.filter(agency=None, title__in=[t[1] for t in TEMPLATES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
