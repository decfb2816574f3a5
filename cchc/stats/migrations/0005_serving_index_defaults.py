"""Data: the default configuration of the serving-quality index (Decision 766/QĐ-TTg of
23/06/2022) — the six groups of DOMAIN A6 / B §5.1 and the 21 default indicators of B §5.2,
valid from the decision's date, open-ended. The reform office edits them in the admin (a new
dated row for a change of rules).

Maxima are the national portal's own (its 766 evaluation API returns ``maxScore`` per
metric), thresholds fitted to a province's published scores: secondary sources **[S]**, the
official annex was not found. Where B §5.2 leaves the zero-denominator rule open ("?"), the
default is *not applicable*: an agency with nothing to count is neither rewarded nor punished.
Values the platform does not hold are entered per agency and period (``entered``).

Written out here, not imported (a migration never imports app code)."""

from datetime import date
from decimal import Decimal

from django.db import migrations

VALID_FROM = date(2022, 6, 23)
GROUP_SOURCE = (
    "Quyết định 766/QĐ-TTg ngày 23/06/2022; nhóm và điểm tối đa theo API đánh giá 766 của Cổng "
    "Dịch vụ công quốc gia (dichvucong.gov.vn/api/v1/reporting/evaluation/service-results) [C] "
    "— DOMAIN B §5.1."
)
GROUP_SOURCE_SWAPPED = GROUP_SOURCE + (
    " Lưu ý: hai mã nguồn công khai gán CLGQ và TTTT ngược nhau; cần đối chiếu API thực."
)
INDICATOR_SOURCE = (
    "Mặc định của nền tảng theo DOMAIN B §5.2 [S]: điểm tối đa theo API đánh giá 766 của Cổng "
    "DVCQG; ngưỡng khớp với điểm công bố của một tỉnh (sai lệch ≤ 0,015 điểm); chưa đối chiếu "
    "được phụ lục chính thức của Quyết định 766/QĐ-TTg."
)
ZERO_OPEN = " Quy tắc khi mẫu số bằng 0 chưa rõ trong nguồn: mặc định không áp dụng."
ENTERED_NOTE = " Hệ thống không có số liệu này: Cán bộ CCHC nhập theo cơ quan và kỳ."

GROUPS = [
    # code, name, max, order
    ("CKMB", "Công khai, minh bạch", 18, 1),
    ("TDGQ", "Tiến độ giải quyết", 20, 2),
    ("CLGQ", "Dịch vụ công trực tuyến", 12, 3),
    ("TTTT", "Thanh toán trực tuyến", 10, 4),
    ("MDHL", "Mức độ hài lòng", 18, 5),
    ("MDSH", "Số hóa hồ sơ", 22, 6),
]
E = "entered"
NA = "not_applicable"
INDICATORS = [
    # code, group, name, numerator, denominator, max, threshold, zero rule
    ("CKMB1", "CKMB", "Tỷ lệ TTHC được công bố đúng hạn", E, E, 6, "1", NA),
    ("CKMB2", "CKMB", "Tỷ lệ TTHC được cập nhật, công khai đúng hạn", E, E, 4, "1", NA),
    ("CKMB3", "CKMB", "Tỷ lệ TTHC được công khai đầy đủ nội dung", E, E, 2, "1", NA),
    (
        "CKMB4",
        "CKMB",
        "Tỷ lệ hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia",
        E,
        E,
        6,
        "1",
        NA,
    ),
    (
        "TDGQ1",
        "TDGQ",
        "Tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn",
        "dossiers_finished_in_time",
        "dossiers_finished",
        20,
        "1",
        NA,
    ),
    (
        "CLGQ1",
        "CLGQ",
        "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến (một phần, toàn trình)",
        "procedures_online",
        "procedures",
        2,
        "0.8",
        "zero",
    ),
    (
        "CLGQ2",
        "CLGQ",
        "Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ trực tuyến",
        "procedures_online_used",
        "procedures_online",
        4,
        "1",
        "zero",
    ),
    (
        "CLGQ3",
        "CLGQ",
        "Tỷ lệ hồ sơ nộp trực tuyến",
        "dossiers_received_online",
        "dossiers_received",
        6,
        "0.5",
        "zero",
    ),
    (
        "TTTT1",
        "TTTT",
        "Tỷ lệ TTHC có phí, lệ phí phát sinh thanh toán trực tuyến",
        "procedures_fee_bearing_paid_online",
        "procedures_fee_bearing",
        2,
        "0.8",
        "zero",
    ),
    (
        "TTTT2",
        "TTTT",
        "Tỷ lệ TTHC có phí, lệ phí được cung cấp thanh toán trực tuyến",
        "procedures_fee_bearing_online",
        "procedures_fee_bearing",
        2,
        "0.8",
        "zero",
    ),
    (
        "TTTT3",
        "TTTT",
        "Tỷ lệ hồ sơ thanh toán trực tuyến",
        "dossiers_paid_online",
        "dossiers_fee_bearing",
        6,
        "1",
        "zero",
    ),
    ("MDHL1", "MDHL", "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn", E, E, 6, "1", "full"),
    ("MDHL2", "MDHL", "Tỷ lệ hài lòng về xử lý phản ánh, kiến nghị", E, E, 6, "1", "full"),
    (
        "MDHL3",
        "MDHL",
        "Tỷ lệ hài lòng trong giải quyết TTHC",
        "ratings_satisfied",
        "ratings",
        6,
        "0.9",
        "zero",
    ),
    (
        "MDSH1",
        "MDSH",
        "Tỷ lệ hồ sơ trả kết quả điện tử",
        "dossiers_returned_electronic",
        "dossiers_returned",
        6,
        "1",
        NA,
    ),
    ("MDSH2", "MDSH", "Tỷ lệ hồ sơ được số hóa thành phần hồ sơ", E, E, 4, "1", NA),
    ("MDSH3", "MDSH", "Tỷ lệ cấp bản sao điện tử có chứng thực", E, E, 2, "1", NA),
    ("MDSH4", "MDSH", "Tỷ lệ hồ sơ tái sử dụng dữ liệu số hóa", E, E, 2, "0.8", NA),
    ("MDSH5", "MDSH", "Tỷ lệ hồ sơ số hóa được chia sẻ để tái sử dụng", E, E, 4, "1", NA),
    (
        "MDSH6",
        "MDSH",
        "Tỷ lệ hồ sơ khai thác dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư",
        E,
        E,
        2,
        "1",
        NA,
    ),
    (
        "MDSH7",
        "MDSH",
        "Tỷ lệ TTHC kết nối, khai thác Cơ sở dữ liệu quốc gia về dân cư",
        E,
        E,
        2,
        "1",
        NA,
    ),
]
# B §5.2's "?" zero rules (publicity, timeliness): the platform's choice, said in the source.
OPEN_ZERO = {"CKMB1", "CKMB2", "CKMB3", "CKMB4", "TDGQ1"}
APPROXIMATIONS = {
    "TDGQ1": (
        " Công thức của nền tảng: (trước hạn + đúng hạn) / hồ sơ đã giải quyết trong kỳ; hồ sơ "
        "đang giải quyết (còn hạn hoặc quá hạn) chưa được tính vì bảng số liệu tổng hợp chỉ ghi "
        "hồ sơ khi có kết quả."
    ),
    "MDSH1": (
        " Công thức của nền tảng: hồ sơ trả kết quả điện tử / hồ sơ đã trả kết quả trong kỳ."
    ),
}


def seed(apps, schema_editor):
    IndexGroup = apps.get_model("stats", "IndexGroup")
    IndexIndicator = apps.get_model("stats", "IndexIndicator")
    groups = {}
    for code, name, max_points, order in GROUPS:
        source = GROUP_SOURCE_SWAPPED if code in ("CLGQ", "TTTT") else GROUP_SOURCE
        groups[code] = IndexGroup.objects.create(
            code=code,
            name=name,
            max_points=Decimal(max_points),
            order=order,
            valid_from=VALID_FROM,
            source=source,
        )
    for order, row in enumerate(INDICATORS, start=1):
        code, group, name, numerator, denominator, max_points, threshold, zero = row
        source = INDICATOR_SOURCE + APPROXIMATIONS.get(code, "")
        if code in OPEN_ZERO:
            source += ZERO_OPEN
        if numerator == E:
            source += ENTERED_NOTE
        IndexIndicator.objects.create(
            code=code,
            name=name,
            group=groups[group],
            order=order,
            numerator=numerator,
            denominator=denominator,
            max_points=Decimal(max_points),
            rule="linear",
            threshold=Decimal(threshold),
            zero_rule=zero,
            valid_from=VALID_FROM,
            source=source,
        )


def unseed(apps, schema_editor):
    apps.get_model("stats", "IndexIndicator").objects.filter(valid_from=VALID_FROM).delete()
    apps.get_model("stats", "IndexGroup").objects.filter(valid_from=VALID_FROM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("stats", "0004_serving_index_configuration"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
