"""Fields (lĩnh vực) and administrative procedures (TTHC) of the fictional province Bình Sơn.

Pure data, no Django imports. ``FIELDS`` and ``PROCEDURES`` are plain lists of dicts; the small
helpers below only reduce repetition while writing them:

* ``O(name)``, ``C(name)``, ``CC(name)`` — a document as ``[name, form, quantity, optional]``
  with form ``original`` (bản chính), ``copy`` (bản sao / xuất trình) or ``certified_copy``
  (bản sao có chứng thực); a document named "(nếu có)" applies only if the applicant has it,
  so it is optional (as the catalogue import reads it, docs/catalog-excel.md), every other
  one is required;
* ``p(...)`` — one procedure. ``time`` is a string of working days, or of working hours when
  it ends in ``h`` (``"4h"``). ``on`` is the online mode: ``"f"`` full (toàn trình), ``"p"``
  partial (một phần), ``"n"`` none; the pre-2022 level follows it (4 / 3 / 2). Defaults:
  levels from the competent body (``"commune"`` → commune level, a department → province
  level), supplement clock ``pause`` at commune level and ``restart`` at province level,
  postal submission unless the procedure is offline-only, postal return always.

Procedure codes follow the national format ``N.NNNNNN``; they are demo codes (a few match the
national database), each field using its own block. ``validate()`` checks the invariants.
"""

# ruff: noqa: E501 — data module: long Vietnamese titles stay on one line

from __future__ import annotations

import re
import unicodedata

from cchc.demo import agencies

# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------

_ONLINE = {"f": "full", "p": "partial", "n": "none"}
_LEGACY_LEVEL = {"full": 4, "partial": 3, "none": 2}


IF_ANY = "(nếu có)"


def O(name: str, qty: int = 1) -> list:  # noqa: E743 — short data helper
    """An original document (bản chính)."""
    return [name, "original", qty, IF_ANY in name]


def C(name: str, qty: int = 1) -> list:
    """A plain copy, or a document shown for comparison (bản sao / xuất trình)."""
    return [name, "copy", qty, IF_ANY in name]


def CC(name: str, qty: int = 1) -> list:
    """A certified copy (bản sao có chứng thực hoặc bản sao điện tử có chứng thực)."""
    return [name, "certified_copy", qty, IF_ANY in name]


def p(
    code: str,
    name: str,
    field: str,
    competent: str,
    time: str,
    result: str,
    documents: list,
    legal: list,
    *,
    levels: list | None = None,
    cutoff: str | None = None,
    sup: str | None = None,
    on: str = "p",
    ps: bool | None = None,
    pr: bool = True,
    inter: bool = False,
    fees: list | tuple = (),
) -> dict:
    """Build one procedure dict with exactly the published keys."""
    online = _ONLINE[on]
    unit = "working_days"
    if time.endswith("h"):
        time, unit = time[:-1], "working_hours"
    if levels is None:
        levels = ["commune"] if competent == "commune" else ["province"]
    if sup is None:
        sup = "pause" if competent == "commune" else "restart"
    if ps is None:
        ps = online != "none"
    return {
        "code": code,
        "name": name,
        "field": field,
        "levels": list(levels),
        "competent": competent,
        "time": time,
        "unit": unit,
        "cutoff": cutoff,
        "supplement": sup,
        "online": online,
        "legacy_level": _LEGACY_LEVEL[online],
        "postal_submission": ps,
        "postal_return": pr,
        "inter_agency": inter,
        "result": result,
        "fees": [[fee_name, amount] for fee_name, amount in fees],
        "documents": [list(d) for d in documents],
        "legal": list(legal),
    }


def f(code: str, name: str, level: str, department: str) -> dict:
    """Build one field dict."""
    return {"code": code, "name": name, "level": level, "department": department}


# Levels for procedures that were district-level until 30/06/2025 and moved to the commune.
DC = ["district", "commune"]
# Procedures received both at the province and at the commune.
PC = ["province", "commune"]

# fmt: off
# ---------------------------------------------------------------------------------------------
# Legal bases used by several procedures
# ---------------------------------------------------------------------------------------------

ND118 = (
    "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về thực hiện thủ tục hành chính "
    "theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa và Cổng Dịch vụ công quốc gia"
)
# Tư pháp
L_HOTICH = "Luật Hộ tịch số 60/2014/QH13"
ND123 = (
    "Nghị định số 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành "
    "Luật Hộ tịch"
)
TT04 = (
    "Thông tư số 04/2020/TT-BTP quy định chi tiết thi hành một số điều của Luật Hộ tịch "
    "và Nghị định số 123/2015/NĐ-CP"
)
TT85 = (
    "Thông tư số 85/2019/TT-BTC hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định "
    "của Hội đồng nhân dân tỉnh, thành phố trực thuộc trung ương"
)
TT281 = "Thông tư số 281/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí trong lĩnh vực hộ tịch, quốc tịch"
ND23 = (
    "Nghị định số 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, "
    "chứng thực chữ ký và chứng thực hợp đồng, giao dịch"
)
TT01BTP = "Thông tư số 01/2020/TT-BTP quy định chi tiết và hướng dẫn thi hành Nghị định số 23/2015/NĐ-CP"
TT226 = "Thông tư số 226/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực"
L_NCN = "Luật Nuôi con nuôi số 52/2010/QH12"
ND19 = "Nghị định số 19/2011/NĐ-CP quy định chi tiết thi hành một số điều của Luật Nuôi con nuôi"
ND24_2019 = "Nghị định số 24/2019/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 19/2011/NĐ-CP"
ND114_2016 = "Nghị định số 114/2016/NĐ-CP quy định lệ phí đăng ký nuôi con nuôi, lệ phí cấp giấy phép hoạt động của tổ chức con nuôi nước ngoài"
L_QT = "Luật Quốc tịch Việt Nam số 24/2008/QH12 (sửa đổi, bổ sung bởi Luật số 56/2014/QH13)"
ND16 = "Nghị định số 16/2020/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Quốc tịch Việt Nam"
L_LLTP = "Luật Lý lịch tư pháp số 28/2009/QH12"
ND111 = "Nghị định số 111/2010/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Lý lịch tư pháp"
TT244 = "Thông tư số 244/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin lý lịch tư pháp"
L_CC = "Luật Công chứng số 46/2024/QH15"
TT257 = "Thông tư số 257/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí công chứng; phí chứng thực; phí thẩm định tiêu chuẩn, điều kiện hành nghề công chứng"
L_LS = "Luật Luật sư số 65/2006/QH11 (sửa đổi, bổ sung bởi Luật số 20/2012/QH13)"
ND123_2013 = "Nghị định số 123/2013/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Luật sư"
# Tài chính (đăng ký kinh doanh, đầu tư)
L_DN = "Luật Doanh nghiệp số 59/2020/QH14"
ND168 = "Nghị định số 168/2025/NĐ-CP về đăng ký doanh nghiệp"
TT47 = "Thông tư số 47/2019/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí cung cấp thông tin doanh nghiệp, lệ phí đăng ký doanh nghiệp"
L_HTX = "Luật Hợp tác xã số 17/2023/QH15"
L_DT = "Luật Đầu tư số 61/2020/QH14"
ND31 = "Nghị định số 31/2021/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Đầu tư"
ND35 = "Nghị định số 35/2022/NĐ-CP quy định về quản lý khu công nghiệp và khu kinh tế"
# Xây dựng
L_XD = "Luật Xây dựng số 50/2014/QH13 (sửa đổi, bổ sung bởi Luật số 62/2020/QH14)"
ND175 = "Nghị định số 175/2024/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng"
TT38_2022 = "Thông tư số 38/2022/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định cấp chứng chỉ hành nghề, chứng chỉ năng lực hoạt động xây dựng"
TT28_2023 = "Thông tư số 28/2023/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định dự án đầu tư xây dựng, phí thẩm định thiết kế cơ sở"
L_QHDTNT = "Luật Quy hoạch đô thị và nông thôn số 47/2024/QH15"
L_KT = "Luật Kiến trúc số 40/2019/QH14"
ND85_2020 = "Nghị định số 85/2020/NĐ-CP quy định chi tiết một số điều của Luật Kiến trúc"
L_NO = "Luật Nhà ở số 27/2023/QH15"
ND95_2024 = "Nghị định số 95/2024/NĐ-CP quy định chi tiết một số điều của Luật Nhà ở"
ND100_2024 = "Nghị định số 100/2024/NĐ-CP quy định chi tiết một số điều của Luật Nhà ở về phát triển và quản lý nhà ở xã hội"
L_KDBDS = "Luật Kinh doanh bất động sản số 29/2023/QH15"
ND96_2024 = "Nghị định số 96/2024/NĐ-CP quy định chi tiết một số điều của Luật Kinh doanh bất động sản"
L_DB = "Luật Đường bộ số 35/2024/QH15"
L_TTATGT = "Luật Trật tự, an toàn giao thông đường bộ số 36/2024/QH15"
ND158 = "Nghị định số 158/2024/NĐ-CP quy định về hoạt động vận tải đường bộ"
ND165 = "Nghị định số 165/2024/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Đường bộ và Điều 77 của Luật Trật tự, an toàn giao thông đường bộ"
# Công an
TT12_2025 = "Thông tư số 12/2025/TT-BCA quy định về sát hạch, cấp giấy phép lái xe; cấp, sử dụng giấy phép lái xe quốc tế"
TT79_2024 = "Thông tư số 79/2024/TT-BCA quy định về cấp, thu hồi chứng nhận đăng ký xe, biển số xe cơ giới, xe máy chuyên dùng"
TT37_2023 = "Thông tư số 37/2023/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí sát hạch lái xe; lệ phí cấp bằng, chứng chỉ hoạt động trên các phương tiện"
TT60_2023 = "Thông tư số 60/2023/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý lệ phí đăng ký, cấp biển phương tiện giao thông"
L_XNC = "Luật Xuất cảnh, nhập cảnh của công dân Việt Nam số 49/2019/QH14 (sửa đổi, bổ sung bởi Luật số 23/2023/QH15)"
L_NNN = "Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam số 47/2014/QH13 (sửa đổi, bổ sung bởi Luật số 51/2019/QH14 và Luật số 23/2023/QH15)"
TT25_2021 = "Thông tư số 25/2021/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí, lệ phí trong lĩnh vực xuất cảnh, nhập cảnh, quá cảnh, cư trú tại Việt Nam"
L_PCCC = "Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15"
ND105_2025 = "Nghị định số 105/2025/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ"
TT258 = "Thông tư số 258/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm duyệt thiết kế về phòng cháy và chữa cháy"
# Công Thương
L_TM = "Luật Thương mại số 36/2005/QH11"
ND105_2017 = "Nghị định số 105/2017/NĐ-CP về kinh doanh rượu (sửa đổi, bổ sung bởi Nghị định số 17/2020/NĐ-CP)"
ND67_2013 = "Nghị định số 67/2013/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Phòng, chống tác hại của thuốc lá về kinh doanh thuốc lá"
ND83_2014 = "Nghị định số 83/2014/NĐ-CP về kinh doanh xăng dầu (sửa đổi, bổ sung bởi Nghị định số 95/2021/NĐ-CP và Nghị định số 80/2023/NĐ-CP)"
ND87_2018 = "Nghị định số 87/2018/NĐ-CP về kinh doanh khí"
ND09_2018 = "Nghị định số 09/2018/NĐ-CP quy định chi tiết Luật Thương mại và Luật Quản lý ngoại thương về hoạt động mua bán hàng hóa và các hoạt động liên quan trực tiếp đến mua bán hàng hóa của nhà đầu tư nước ngoài, tổ chức kinh tế có vốn đầu tư nước ngoài tại Việt Nam"
ND07_2016 = "Nghị định số 07/2016/NĐ-CP quy định chi tiết Luật Thương mại về Văn phòng đại diện, Chi nhánh của thương nhân nước ngoài tại Việt Nam"
ND81_2018 = "Nghị định số 81/2018/NĐ-CP quy định chi tiết Luật Thương mại về hoạt động xúc tiến thương mại"
ND40_2018 = "Nghị định số 40/2018/NĐ-CP về quản lý hoạt động kinh doanh theo phương thức đa cấp"
TT168 = "Thông tư số 168/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định kinh doanh thương mại có điều kiện; thẩm định cấp giấy phép kinh doanh đối với hàng hóa, dịch vụ hạn chế kinh doanh"
L_DL = "Luật Điện lực số 61/2024/QH15"
TT21_2020 = "Thông tư số 21/2020/TT-BCT quy định về trình tự, thủ tục cấp giấy phép hoạt động điện lực"
L_HC = "Luật Hóa chất số 06/2007/QH12"
ND113 = "Nghị định số 113/2017/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Hóa chất (sửa đổi, bổ sung bởi Nghị định số 82/2022/NĐ-CP)"
L_VK = "Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ số 42/2024/QH15"
# Nông nghiệp và Môi trường
L_DD = "Luật Đất đai số 31/2024/QH15"
ND101_2024 = "Nghị định số 101/2024/NĐ-CP quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất và hệ thống thông tin đất đai"
ND102_2024 = "Nghị định số 102/2024/NĐ-CP quy định chi tiết thi hành một số điều của Luật Đất đai"
ND151_2025 = "Nghị định số 151/2025/NĐ-CP quy định về phân định thẩm quyền của chính quyền địa phương 02 cấp, phân quyền, phân cấp trong lĩnh vực đất đai"
L_BVMT = "Luật Bảo vệ môi trường số 72/2020/QH14"
ND08_2022 = "Nghị định số 08/2022/NĐ-CP quy định chi tiết một số điều của Luật Bảo vệ môi trường (sửa đổi, bổ sung bởi Nghị định số 05/2025/NĐ-CP)"
TT02_2022 = "Thông tư số 02/2022/TT-BTNMT quy định chi tiết thi hành một số điều của Luật Bảo vệ môi trường"
L_TNN = "Luật Tài nguyên nước số 28/2023/QH15"
ND54_2024 = "Nghị định số 54/2024/NĐ-CP quy định việc hành nghề khoan nước dưới đất, kê khai, đăng ký, cấp phép, dịch vụ tài nguyên nước và tiền cấp quyền khai thác tài nguyên nước"
L_KS = "Luật Địa chất và khoáng sản số 54/2024/QH15"
TT191 = "Thông tư số 191/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định đánh giá trữ lượng khoáng sản và lệ phí cấp giấy phép hoạt động khoáng sản"
L_TT = "Luật Trồng trọt số 31/2018/QH14"
L_BVTV = "Luật Bảo vệ và kiểm dịch thực vật số 41/2013/QH13"
ND84_2019 = "Nghị định số 84/2019/NĐ-CP quy định về quản lý phân bón"
ND94_2019 = "Nghị định số 94/2019/NĐ-CP quy định chi tiết một số điều của Luật Trồng trọt về giống cây trồng và canh tác"
ND112_2024 = "Nghị định số 112/2024/NĐ-CP quy định chi tiết về đất trồng lúa"
L_CN = "Luật Chăn nuôi số 32/2018/QH14"
L_TY = "Luật Thú y số 79/2015/QH13"
ND13_2020 = "Nghị định số 13/2020/NĐ-CP hướng dẫn chi tiết Luật Chăn nuôi"
ND35_2016 = "Nghị định số 35/2016/NĐ-CP quy định chi tiết một số điều của Luật Thú y"
L_TS = "Luật Thủy sản số 18/2017/QH14"
ND26_2019 = "Nghị định số 26/2019/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Thủy sản (sửa đổi, bổ sung bởi Nghị định số 37/2024/NĐ-CP)"
L_LN = "Luật Lâm nghiệp số 16/2017/QH14"
ND156 = "Nghị định số 156/2018/NĐ-CP quy định chi tiết thi hành một số điều của Luật Lâm nghiệp (sửa đổi, bổ sung bởi Nghị định số 91/2024/NĐ-CP)"
TT26_2022 = "Thông tư số 26/2022/TT-BNNPTNT quy định về quản lý, truy xuất nguồn gốc lâm sản"
# Nội vụ (lao động, việc làm, người có công, thi đua, công chức, hội)
L_LD = "Bộ luật Lao động số 45/2019/QH14"
ND152 = "Nghị định số 152/2020/NĐ-CP quy định về người lao động nước ngoài làm việc tại Việt Nam và tuyển dụng, quản lý người lao động Việt Nam làm việc cho tổ chức, cá nhân nước ngoài tại Việt Nam (sửa đổi, bổ sung bởi Nghị định số 70/2023/NĐ-CP)"
ND145 = "Nghị định số 145/2020/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Bộ luật Lao động về điều kiện lao động và quan hệ lao động"
L_NLDNN = "Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng số 69/2020/QH14"
L_VL = "Luật Việc làm số 38/2013/QH13"
ND28_2015 = "Nghị định số 28/2015/NĐ-CP quy định chi tiết thi hành một số điều của Luật Việc làm về bảo hiểm thất nghiệp"
ND61_2015 = "Nghị định số 61/2015/NĐ-CP quy định về chính sách hỗ trợ tạo việc làm và Quỹ quốc gia về việc làm"
ND23_2021 = "Nghị định số 23/2021/NĐ-CP quy định chi tiết khoản 3 Điều 37 và Điều 39 của Luật Việc làm về trung tâm dịch vụ việc làm, doanh nghiệp hoạt động dịch vụ việc làm"
PL_NCC = "Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14"
ND131 = "Nghị định số 131/2021/NĐ-CP quy định chi tiết và biện pháp thi hành Pháp lệnh Ưu đãi người có công với cách mạng"
ND75_2021 = "Nghị định số 75/2021/NĐ-CP quy định mức hưởng trợ cấp, phụ cấp và các chế độ ưu đãi người có công với cách mạng (sửa đổi, bổ sung bởi Nghị định số 55/2023/NĐ-CP)"
L_TDKT = "Luật Thi đua, khen thưởng số 06/2022/QH15"
ND98_2023 = "Nghị định số 98/2023/NĐ-CP quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng"
L_CBCC = "Luật Cán bộ, công chức số 80/2025/QH15"
L_VC = "Luật Viên chức số 58/2010/QH12 (sửa đổi, bổ sung bởi Luật số 52/2019/QH14)"
ND138 = "Nghị định số 138/2020/NĐ-CP quy định về tuyển dụng, sử dụng và quản lý công chức"
ND115 = "Nghị định số 115/2020/NĐ-CP quy định về tuyển dụng, sử dụng và quản lý viên chức"
ND126_2024 = "Nghị định số 126/2024/NĐ-CP quy định về tổ chức, hoạt động và quản lý hội"
ND93_2019 = "Nghị định số 93/2019/NĐ-CP về tổ chức, hoạt động của quỹ xã hội, quỹ từ thiện (sửa đổi, bổ sung bởi Nghị định số 136/2024/NĐ-CP)"
# Y tế (bảo trợ xã hội, khám chữa bệnh, dược, an toàn thực phẩm)
ND20_2021 = "Nghị định số 20/2021/NĐ-CP quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội (sửa đổi, bổ sung bởi Nghị định số 76/2024/NĐ-CP)"
L_NKT = "Luật Người khuyết tật số 51/2010/QH12"
L_NCT = "Luật Người cao tuổi số 39/2009/QH12"
ND103_2017 = "Nghị định số 103/2017/NĐ-CP quy định về thành lập, tổ chức, hoạt động, giải thể và quản lý các cơ sở trợ giúp xã hội"
L_TE = "Luật Trẻ em số 102/2016/QH13"
ND56_2017 = "Nghị định số 56/2017/NĐ-CP quy định chi tiết một số điều của Luật Trẻ em"
L_PCMT = "Luật Phòng, chống ma túy số 73/2021/QH14"
ND116_2021 = "Nghị định số 116/2021/NĐ-CP quy định chi tiết một số điều của Luật Phòng, chống ma túy, Luật Xử lý vi phạm hành chính về cai nghiện ma túy và quản lý sau cai nghiện ma túy"
L_KBCB = "Luật Khám bệnh, chữa bệnh số 15/2023/QH15"
ND96_2023 = "Nghị định số 96/2023/NĐ-CP quy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh"
TT32_2023 = "Thông tư số 32/2023/TT-BYT quy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh"
TT59_2023 = "Thông tư số 59/2023/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí trong lĩnh vực y tế"
L_DUOC = "Luật Dược số 105/2016/QH13 (sửa đổi, bổ sung bởi Luật số 44/2024/QH15)"
ND54_2017 = "Nghị định số 54/2017/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Dược (sửa đổi, bổ sung bởi Nghị định số 155/2018/NĐ-CP)"
TT277 = "Thông tư số 277/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí trong lĩnh vực dược, mỹ phẩm"
ND93_2016 = "Nghị định số 93/2016/NĐ-CP quy định về điều kiện sản xuất mỹ phẩm"
TT06_2011 = "Thông tư số 06/2011/TT-BYT quy định về quản lý mỹ phẩm"
L_ATTP = "Luật An toàn thực phẩm số 55/2010/QH12"
ND15_2018 = "Nghị định số 15/2018/NĐ-CP quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm"
TT67_2021 = "Thông tư số 67/2021/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí trong công tác an toàn thực phẩm"
# Giáo dục và Đào tạo
L_GD = "Luật Giáo dục số 43/2019/QH14"
ND125_2024 = "Nghị định số 125/2024/NĐ-CP quy định về điều kiện đầu tư và hoạt động trong lĩnh vực giáo dục"
TT21_2019 = "Thông tư số 21/2019/TT-BGDĐT ban hành Quy chế quản lý bằng tốt nghiệp trung học cơ sở, bằng tốt nghiệp trung học phổ thông, văn bằng giáo dục đại học và chứng chỉ của hệ thống giáo dục quốc dân"
ND116_2016 = "Nghị định số 116/2016/NĐ-CP quy định chính sách hỗ trợ học sinh và trường phổ thông ở xã, thôn đặc biệt khó khăn"
L_GDNN = "Luật Giáo dục nghề nghiệp số 74/2014/QH13"
ND143_2016 = "Nghị định số 143/2016/NĐ-CP quy định điều kiện đầu tư và hoạt động trong lĩnh vực giáo dục nghề nghiệp (sửa đổi, bổ sung bởi Nghị định số 24/2022/NĐ-CP)"
ND15_2019 = "Nghị định số 15/2019/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Giáo dục nghề nghiệp"
# Văn hóa, Thể thao và Du lịch
L_DSVH = "Luật Di sản văn hóa số 45/2024/QH15"
ND54_2019 = "Nghị định số 54/2019/NĐ-CP quy định về kinh doanh dịch vụ karaoke, dịch vụ vũ trường"
ND144_2020 = "Nghị định số 144/2020/NĐ-CP quy định về hoạt động nghệ thuật biểu diễn"
ND110_2018 = "Nghị định số 110/2018/NĐ-CP quy định về quản lý và tổ chức lễ hội"
L_QC = "Luật Quảng cáo số 16/2012/QH13"
ND181_2013 = "Nghị định số 181/2013/NĐ-CP quy định chi tiết thi hành một số điều của Luật Quảng cáo"
ND86_2023 = "Nghị định số 86/2023/NĐ-CP quy định khung tiêu chuẩn và trình tự, thủ tục, hồ sơ xét tặng danh hiệu “Gia đình văn hóa”; “Thôn, tổ dân phố văn hóa”; “Xã, phường, thị trấn tiêu biểu”"
TT01_2021 = "Thông tư số 01/2021/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định cấp giấy phép kinh doanh karaoke, vũ trường"
L_DLICH = "Luật Du lịch số 09/2017/QH14"
ND168_2017 = "Nghị định số 168/2017/NĐ-CP quy định chi tiết một số điều của Luật Du lịch (sửa đổi, bổ sung bởi Nghị định số 94/2021/NĐ-CP)"
TT06_2017 = "Thông tư số 06/2017/TT-BVHTTDL quy định chi tiết một số điều của Luật Du lịch"
TT33_2018 = "Thông tư số 33/2018/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định cấp giấy phép kinh doanh dịch vụ lữ hành, phí thẩm định cấp thẻ hướng dẫn viên du lịch"
L_TDTT = "Luật Thể dục, thể thao số 77/2006/QH11 (sửa đổi, bổ sung bởi Luật số 26/2018/QH14)"
ND36_2019 = "Nghị định số 36/2019/NĐ-CP quy định chi tiết một số điều của Luật sửa đổi, bổ sung một số điều của Luật Thể dục, thể thao"
TT106_2017 = "Thông tư số 106/2017/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định cấp giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao"
L_BC = "Luật Báo chí số 103/2016/QH13"
L_XB = "Luật Xuất bản số 19/2012/QH13"
ND195_2013 = "Nghị định số 195/2013/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Xuất bản"
ND60_2014 = "Nghị định số 60/2014/NĐ-CP quy định về hoạt động in (sửa đổi, bổ sung bởi Nghị định số 25/2018/NĐ-CP)"
ND147_2024 = "Nghị định số 147/2024/NĐ-CP về quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng"
# Khoa học và Công nghệ
L_KHCN = "Luật Khoa học và Công nghệ số 29/2013/QH13"
ND08_2014 = "Nghị định số 08/2014/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Khoa học và Công nghệ"
ND13_2019 = "Nghị định số 13/2019/NĐ-CP về doanh nghiệp khoa học và công nghệ"
L_CGCN = "Luật Chuyển giao công nghệ số 07/2017/QH14"
ND76_2018 = "Nghị định số 76/2018/NĐ-CP quy định chi tiết và hướng dẫn thi hành một số điều của Luật Chuyển giao công nghệ"
L_NLNT = "Luật Năng lượng nguyên tử số 18/2008/QH12"
ND142_2020 = "Nghị định số 142/2020/NĐ-CP quy định về việc tiến hành công việc bức xạ và hoạt động dịch vụ hỗ trợ ứng dụng năng lượng nguyên tử"
L_BCHINH = "Luật Bưu chính số 49/2010/QH12"
ND47_2011 = "Nghị định số 47/2011/NĐ-CP quy định chi tiết thi hành một số nội dung của Luật Bưu chính (sửa đổi, bổ sung bởi Nghị định số 25/2022/NĐ-CP)"
TT291 = "Thông tư số 291/2016/TT-BTC quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định điều kiện hoạt động bưu chính"
L_TCQC = "Luật Tiêu chuẩn và quy chuẩn kỹ thuật số 68/2006/QH11"
L_DLUONG = "Luật Đo lường số 04/2011/QH13"
L_CLSP = "Luật Chất lượng sản phẩm, hàng hóa số 05/2007/QH12"
ND132_2008 = "Nghị định số 132/2008/NĐ-CP quy định chi tiết thi hành một số điều của Luật Chất lượng sản phẩm, hàng hóa"
# Dân tộc và Tôn giáo
L_TNTG = "Luật Tín ngưỡng, tôn giáo số 02/2016/QH14"
ND95_2023 = "Nghị định số 95/2023/NĐ-CP quy định chi tiết Luật Tín ngưỡng, tôn giáo"
ND05_2011 = "Nghị định số 05/2011/NĐ-CP về công tác dân tộc"
QD12_2018 = "Quyết định số 12/2018/QĐ-TTg về tiêu chí lựa chọn, công nhận người có uy tín và chính sách đối với người có uy tín trong đồng bào dân tộc thiểu số"
ND57_2017 = "Nghị định số 57/2017/NĐ-CP quy định chính sách ưu tiên tuyển sinh và hỗ trợ học tập đối với trẻ mẫu giáo, học sinh, sinh viên dân tộc thiểu số rất ít người"
QD1719 = "Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021 - 2030"
# Ngoại vụ, Thanh tra
QD06_2020 = "Quyết định số 06/2020/QĐ-TTg về tổ chức và quản lý hội nghị, hội thảo quốc tế tại Việt Nam"
QD45_2006 = "Quyết định số 45/2006/QĐ-TTg ban hành Quy chế cấp và quản lý thẻ đi lại của doanh nhân APEC"
L_TTQT = "Luật Thỏa thuận quốc tế số 70/2020/QH14"
ND80_2020 = "Nghị định số 80/2020/NĐ-CP về quản lý và sử dụng viện trợ không hoàn lại không thuộc hỗ trợ phát triển chính thức của các cơ quan, tổ chức, cá nhân nước ngoài dành cho Việt Nam"
ND111_2011 = "Nghị định số 111/2011/NĐ-CP về chứng nhận lãnh sự, hợp pháp hóa lãnh sự"
L_TCD = "Luật Tiếp công dân số 42/2013/QH13"
L_KN = "Luật Khiếu nại số 02/2011/QH13"
L_TC = "Luật Tố cáo số 25/2018/QH14"
ND124_2020 = "Nghị định số 124/2020/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại"
ND31_2019 = "Nghị định số 31/2019/NĐ-CP quy định chi tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo"

# ---------------------------------------------------------------------------------------------
# Fields (lĩnh vực)
# ---------------------------------------------------------------------------------------------

FIELDS = [
    f("HOTICH", "Hộ tịch", "commune", "tuphap"),
    f("CHUNGTHUC", "Chứng thực", "commune", "tuphap"),
    f("NUOICONNUOI", "Nuôi con nuôi", "commune", "tuphap"),
    f("QUOCTICH", "Quốc tịch", "province", "tuphap"),
    f("LLTP", "Lý lịch tư pháp", "province", "tuphap"),
    f("CONGCHUNG", "Công chứng", "province", "tuphap"),
    f("LUATSU", "Luật sư", "province", "tuphap"),
    f("DKDN", "Thành lập và hoạt động của doanh nghiệp", "province", "taichinh"),
    f("HKDHTX", "Thành lập và hoạt động của hộ kinh doanh, hợp tác xã", "commune", "taichinh"),
    f("DAUTU", "Đầu tư tại Việt Nam", "province", "taichinh"),
    f("XAYDUNG", "Hoạt động xây dựng", "province", "xaydung"),
    f("QHKT", "Quy hoạch đô thị và nông thôn, kiến trúc", "province", "xaydung"),
    f("NHAO", "Nhà ở và kinh doanh bất động sản", "province", "xaydung"),
    f("DUONGBO", "Đường bộ", "province", "xaydung"),
    f("THUONGMAI", "Lưu thông hàng hóa trong nước và thương mại", "province", "congthuong"),
    f("DIEN", "Điện", "province", "congthuong"),
    f("HOACHAT", "Hóa chất và vật liệu nổ công nghiệp", "province", "congthuong"),
    f("DATDAI", "Đất đai", "province", "nnmt"),
    f("MOITRUONG", "Môi trường", "province", "nnmt"),
    f("TNN", "Tài nguyên nước", "province", "nnmt"),
    f("KHOANGSAN", "Địa chất và khoáng sản", "province", "nnmt"),
    f("TRONGTROT", "Trồng trọt và bảo vệ thực vật", "province", "nnmt"),
    f("CHANNUOITY", "Chăn nuôi và thú y", "province", "nnmt"),
    f("THUYSAN", "Thủy sản", "province", "nnmt"),
    f("LAMNGHIEP", "Lâm nghiệp", "province", "nnmt"),
    f("LAODONG", "Lao động", "province", "noivu"),
    f("VIECLAM", "Việc làm", "province", "noivu"),
    f("NGUOICOCONG", "Người có công", "province", "noivu"),
    f("THIDUA", "Thi đua, khen thưởng", "province", "noivu"),
    f("CONGCHUC", "Công chức, viên chức", "province", "noivu"),
    f("TOCHUCPCP", "Tổ chức phi chính phủ", "province", "noivu"),
    f("BTXH", "Bảo trợ xã hội, trẻ em và phòng, chống tệ nạn xã hội", "commune", "yte"),
    f("KCB", "Khám bệnh, chữa bệnh", "province", "yte"),
    f("DUOC", "Dược phẩm và mỹ phẩm", "province", "yte"),
    f("ATTP", "An toàn thực phẩm và dinh dưỡng", "province", "yte"),
    f("GIAODUC", "Giáo dục và Đào tạo", "province", "gddt"),
    f("GDNN", "Giáo dục nghề nghiệp", "province", "gddt"),
    f("VANHOA", "Văn hóa", "province", "vhttdl"),
    f("DULICH", "Du lịch", "province", "vhttdl"),
    f("THETHAO", "Thể dục thể thao", "province", "vhttdl"),
    f("BAOCHI", "Báo chí, xuất bản và thông tin điện tử", "province", "vhttdl"),
    f("KHCN", "Hoạt động khoa học và công nghệ", "province", "khcn"),
    f("BUUCHINH", "Bưu chính", "province", "khcn"),
    f("TCDLCL", "Tiêu chuẩn, đo lường, chất lượng", "province", "khcn"),
    f("TONGIAO", "Tín ngưỡng, tôn giáo", "commune", "dttg"),
    f("DANTOC", "Công tác dân tộc", "province", "dttg"),
    f("NGOAIVU", "Ngoại vụ", "province", "ngoaivu"),
    f("TIEPDAN", "Tiếp công dân, giải quyết khiếu nại, tố cáo", "province", "thanhtra"),
    f("KCN", "Quản lý khu công nghiệp", "province", "bqlkcn"),
    f("GPLX", "Giấy phép lái xe và đăng ký xe", "province", "congan"),
    f("XNC", "Xuất nhập cảnh", "province", "congan"),
    f("PCCC", "Phòng cháy, chữa cháy và cứu nạn, cứu hộ", "province", "congan"),
]

# ---------------------------------------------------------------------------------------------
# Procedures (thủ tục hành chính)
# ---------------------------------------------------------------------------------------------

_ID = "Giấy tờ tùy thân của người yêu cầu (để xuất trình)"
_UQ = "Văn bản ủy quyền (trường hợp ủy quyền thực hiện thủ tục)"
_GCN_DN = "Giấy chứng nhận đăng ký doanh nghiệp hoặc giấy tờ pháp lý tương đương của tổ chức"

PROCEDURES = [
    # ----- Hộ tịch -------------------------------------------------------------------------
    p("1.001193", "Đăng ký khai sinh", "HOTICH", "commune", "1", "Giấy khai sinh",
      [O("Tờ khai đăng ký khai sinh theo mẫu"), O("Giấy chứng sinh"), C(_ID)],
      [L_HOTICH, ND123, TT04], cutoff="15:00", on="f",
      fees=[("Lệ phí đăng ký khai sinh đúng hạn (miễn)", 0)]),
    p("1.000894", "Đăng ký kết hôn", "HOTICH", "commune", "1", "Giấy chứng nhận kết hôn",
      [O("Tờ khai đăng ký kết hôn theo mẫu"), C(_ID),
       O("Giấy xác nhận tình trạng hôn nhân (trường hợp đăng ký tại nơi không thường trú)")],
      [L_HOTICH, ND123, TT04], cutoff="15:00", ps=False,
      fees=[("Lệ phí đăng ký kết hôn (miễn)", 0)]),
    p("1.000656", "Đăng ký khai tử", "HOTICH", "commune", "1", "Trích lục khai tử",
      [O("Tờ khai đăng ký khai tử theo mẫu"),
       O("Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử"), C(_ID)],
      [L_HOTICH, ND123], cutoff="15:00", on="f",
      fees=[("Lệ phí đăng ký khai tử đúng hạn (miễn)", 0)]),
    p("1.001022", "Đăng ký nhận cha, mẹ, con", "HOTICH", "commune", "3",
      "Trích lục đăng ký nhận cha, mẹ, con",
      [O("Tờ khai đăng ký nhận cha, mẹ, con theo mẫu"),
       CC("Văn bản của cơ quan y tế, cơ quan giám định hoặc chứng cứ chứng minh quan hệ cha, mẹ, con"),
       C(_ID)],
      [L_HOTICH, ND123, TT04], fees=[("Lệ phí đăng ký nhận cha, mẹ, con", 15000)]),
    p("1.001089", "Đăng ký khai sinh kết hợp nhận cha, mẹ, con", "HOTICH", "commune", "3",
      "Giấy khai sinh; Trích lục đăng ký nhận cha, mẹ, con",
      [O("Tờ khai đăng ký khai sinh và Tờ khai đăng ký nhận cha, mẹ, con theo mẫu"),
       O("Giấy chứng sinh"),
       CC("Chứng cứ chứng minh quan hệ cha, mẹ, con"), C(_ID)],
      [L_HOTICH, ND123, TT04], fees=[("Lệ phí đăng ký nhận cha, mẹ, con", 15000)]),
    p("1.001104", "Đăng ký lại khai sinh", "HOTICH", "commune", "5", "Giấy khai sinh",
      [O("Tờ khai đăng ký lại khai sinh theo mẫu"),
       C("Bản sao toàn bộ hồ sơ, giấy tờ của người yêu cầu có các thông tin liên quan đến nội dung khai sinh"),
       C(_ID)],
      [L_HOTICH, ND123, TT04], fees=[("Lệ phí đăng ký lại khai sinh", 5000)]),
    p("1.001117", "Đăng ký lại kết hôn", "HOTICH", "commune", "5", "Giấy chứng nhận kết hôn",
      [O("Tờ khai đăng ký lại kết hôn theo mẫu"),
       C("Bản sao Giấy chứng nhận kết hôn được cấp trước đây (nếu có)"), C(_ID)],
      [L_HOTICH, ND123], ps=False, fees=[("Lệ phí đăng ký lại kết hôn", 5000)]),
    p("1.001125", "Đăng ký lại khai tử", "HOTICH", "commune", "5", "Trích lục khai tử",
      [O("Tờ khai đăng ký lại khai tử theo mẫu"),
       C("Bản sao Giấy chứng tử trước đây được cấp hợp lệ (nếu có)"), C(_ID)],
      [L_HOTICH, ND123], fees=[("Lệ phí đăng ký lại khai tử", 5000)]),
    p("1.001132", "Cấp bản sao trích lục hộ tịch", "HOTICH", "commune", "4h",
      "Bản sao trích lục hộ tịch",
      [O("Tờ khai cấp bản sao trích lục hộ tịch theo mẫu"), C(_ID), O(_UQ)],
      [L_HOTICH, ND123, TT281], on="f",
      fees=[("Phí cấp bản sao trích lục hộ tịch (mỗi bản)", 8000)]),
    p("1.001146", "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", "HOTICH", "commune",
      "3", "Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch",
      [O("Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch theo mẫu"),
       CC("Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung thông tin hộ tịch"),
       C(_ID)],
      [L_HOTICH, ND123, TT04], on="f",
      fees=[("Lệ phí đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", 15000)]),
    p("1.001158", "Cấp Giấy xác nhận tình trạng hôn nhân", "HOTICH", "commune", "3",
      "Giấy xác nhận tình trạng hôn nhân",
      [O("Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu"),
       CC("Bản án, quyết định ly hôn hoặc giấy chứng tử của vợ/chồng (trường hợp đã có vợ/chồng)"),
       C(_ID)],
      [L_HOTICH, ND123, TT04], on="f",
      fees=[("Lệ phí cấp Giấy xác nhận tình trạng hôn nhân", 5000)]),
    p("1.001162", "Đăng ký giám hộ", "HOTICH", "commune", "3", "Trích lục đăng ký giám hộ",
      [O("Tờ khai đăng ký giám hộ theo mẫu"),
       O("Văn bản cử người giám hộ theo quy định của Bộ luật Dân sự"), C(_ID)],
      [L_HOTICH, ND123], fees=[("Lệ phí đăng ký giám hộ", 5000)]),
    p("1.001170", "Đăng ký chấm dứt giám hộ", "HOTICH", "commune", "2",
      "Trích lục đăng ký chấm dứt giám hộ",
      [O("Tờ khai đăng ký chấm dứt giám hộ theo mẫu"),
       CC("Giấy tờ làm căn cứ chấm dứt giám hộ theo quy định của Bộ luật Dân sự"), C(_ID)],
      [L_HOTICH, ND123], fees=[("Lệ phí đăng ký chấm dứt giám hộ", 5000)]),
    p("1.001695", "Đăng ký khai sinh có yếu tố nước ngoài", "HOTICH", "commune", "3",
      "Giấy khai sinh", [O("Tờ khai đăng ký khai sinh theo mẫu"), O("Giấy chứng sinh"),
                          CC("Văn bản thỏa thuận lựa chọn quốc tịch cho con (nếu có)"), C(_ID)],
      [L_HOTICH, ND123, TT04], levels=DC,
      fees=[("Lệ phí đăng ký khai sinh có yếu tố nước ngoài", 75000)]),
    p("1.001702", "Đăng ký kết hôn có yếu tố nước ngoài", "HOTICH", "commune", "15",
      "Giấy chứng nhận kết hôn",
      [O("Tờ khai đăng ký kết hôn theo mẫu"),
       O("Giấy xác nhận của tổ chức y tế có thẩm quyền xác nhận không mắc bệnh tâm thần"),
       CC("Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài, đã hợp pháp hóa lãnh sự và dịch sang tiếng Việt"),
       CC("Hộ chiếu hoặc giấy tờ có giá trị thay hộ chiếu của người nước ngoài"), C(_ID)],
      [L_HOTICH, ND123, TT04], levels=DC, ps=False,
      fees=[("Lệ phí đăng ký kết hôn có yếu tố nước ngoài", 1500000)]),
    p("1.001718", "Đăng ký khai tử có yếu tố nước ngoài", "HOTICH", "commune", "3",
      "Trích lục khai tử",
      [O("Tờ khai đăng ký khai tử theo mẫu"),
       O("Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử"), C(_ID)],
      [L_HOTICH, ND123], levels=DC,
      fees=[("Lệ phí đăng ký khai tử có yếu tố nước ngoài", 75000)]),
    p("1.001725", "Ghi vào Sổ hộ tịch việc kết hôn của công dân Việt Nam đã được giải quyết tại "
      "cơ quan có thẩm quyền của nước ngoài", "HOTICH", "commune", "5",
      "Trích lục ghi chú kết hôn",
      [O("Tờ khai ghi chú kết hôn theo mẫu"),
       CC("Giấy tờ chứng nhận việc kết hôn do cơ quan có thẩm quyền của nước ngoài cấp, đã hợp pháp hóa lãnh sự"),
       C(_ID)],
      [L_HOTICH, ND123, TT04], levels=DC,
      fees=[("Lệ phí ghi vào Sổ hộ tịch việc kết hôn", 75000)]),
    p("1.001736", "Ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn của công dân Việt Nam đã "
      "được giải quyết tại cơ quan có thẩm quyền của nước ngoài", "HOTICH", "commune", "12",
      "Trích lục ghi chú ly hôn",
      [O("Tờ khai ghi chú ly hôn theo mẫu"),
       CC("Bản án, quyết định ly hôn, hủy việc kết hôn của cơ quan có thẩm quyền của nước ngoài đã có hiệu lực pháp luật"),
       C(_ID)],
      [L_HOTICH, ND123, TT04], levels=DC,
      fees=[("Lệ phí ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn", 50000)]),
    p("1.001744", "Liên thông các thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, "
      "cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", "HOTICH", "commune", "5",
      "Giấy khai sinh; thông tin đăng ký thường trú; thẻ bảo hiểm y tế",
      [O("Tờ khai điện tử liên thông theo mẫu"), O("Giấy chứng sinh"),
       C("Giấy tờ chứng minh chỗ ở hợp pháp (trường hợp chưa có thông tin trong Cơ sở dữ liệu quốc gia về dân cư)"),
       C(_ID)],
      [L_HOTICH, ND123, "Nghị định số 63/2024/NĐ-CP quy định việc thực hiện liên thông điện tử "
       "hai nhóm thủ tục hành chính: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế "
       "cho trẻ em dưới 6 tuổi; đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, "
       "tử tuất"],
      on="f", inter=True, fees=[("Lệ phí (miễn)", 0)]),
    p("1.001751", "Liên thông các thủ tục hành chính về đăng ký khai tử, xóa đăng ký thường "
      "trú, giải quyết mai táng phí, tử tuất", "HOTICH", "commune", "7",
      "Trích lục khai tử; xóa đăng ký thường trú; quyết định hưởng mai táng phí, tử tuất",
      [O("Tờ khai điện tử liên thông theo mẫu"),
       O("Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử"),
       O("Sổ bảo hiểm xã hội hoặc giấy tờ về chế độ của người chết (trường hợp hưởng chế độ)"),
       C(_ID)],
      [L_HOTICH, ND123, "Nghị định số 63/2024/NĐ-CP quy định việc thực hiện liên thông điện tử "
       "hai nhóm thủ tục hành chính: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế "
       "cho trẻ em dưới 6 tuổi; đăng ký khai tử, xóa đăng ký thường trú, giải quyết mai táng phí, "
       "tử tuất"],
      on="f", inter=True, fees=[("Lệ phí (miễn)", 0)]),
    # ----- Chứng thực ----------------------------------------------------------------------
    p("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có "
      "thẩm quyền của Việt Nam cấp hoặc chứng nhận", "CHUNGTHUC", "commune", "1",
      "Bản sao được chứng thực từ bản chính",
      [O("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao"),
       C("Bản sao cần chứng thực")],
      [ND23, TT01BTP, TT226], cutoff="15:00", ps=False, pr=False,
      fees=[("Phí chứng thực bản sao từ bản chính (mỗi trang, từ trang thứ ba trở đi 1.000 đồng/trang, tối đa 200.000 đồng/bản)", 2000)]),
    p("2.000820", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có "
      "thẩm quyền của nước ngoài cấp hoặc chứng nhận", "CHUNGTHUC", "commune", "1",
      "Bản sao được chứng thực từ bản chính",
      [O("Bản chính giấy tờ, văn bản đã được hợp pháp hóa lãnh sự (trừ trường hợp được miễn)"),
       C("Bản sao cần chứng thực")],
      [ND23, TT01BTP, TT226], levels=DC, cutoff="15:00", ps=False, pr=False,
      fees=[("Phí chứng thực bản sao từ bản chính (mỗi trang)", 2000)]),
    p("2.000908", "Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp "
      "chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm "
      "chỉ được)", "CHUNGTHUC", "commune", "1", "Giấy tờ, văn bản đã được chứng thực chữ ký",
      [O("Giấy tờ, văn bản mà mình sẽ ký"), C(_ID)],
      [ND23, TT01BTP, TT226], cutoff="15:00", on="n", pr=False,
      fees=[("Phí chứng thực chữ ký (mỗi trường hợp)", 10000)]),
    p("2.000927", "Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật của "
      "cơ quan thực hiện chứng thực", "CHUNGTHUC", "commune", "1",
      "Bản dịch đã được chứng thực chữ ký người dịch",
      [O("Bản dịch đính kèm giấy tờ, văn bản cần dịch"), C(_ID)],
      [ND23, TT01BTP, TT226], levels=DC, cutoff="15:00", on="n", pr=False,
      fees=[("Phí chứng thực chữ ký người dịch (mỗi trường hợp)", 10000)]),
    p("2.001035", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử "
      "dụng đất và nhà ở", "CHUNGTHUC", "commune", "2", "Hợp đồng, giao dịch được chứng thực",
      [O("Dự thảo hợp đồng, giao dịch"), C(_ID),
       C("Giấy chứng nhận quyền sở hữu, quyền sử dụng hoặc giấy tờ thay thế đối với tài sản")],
      [ND23, TT01BTP, TT226], on="n",
      fees=[("Phí chứng thực hợp đồng, giao dịch", 50000)]),
    p("2.001019", "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", "CHUNGTHUC",
      "commune", "2", "Văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch được chứng thực",
      [O("Dự thảo văn bản sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch"),
       O("Hợp đồng, giao dịch đã được chứng thực"), C(_ID)],
      [ND23, TT01BTP, TT226], on="n",
      fees=[("Phí chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch", 30000)]),
    p("2.001016", "Sửa lỗi sai sót trong hợp đồng, giao dịch", "CHUNGTHUC", "commune", "2",
      "Hợp đồng, giao dịch đã được sửa lỗi sai sót",
      [O("Hợp đồng, giao dịch đã được chứng thực có lỗi sai sót"), C(_ID)],
      [ND23, TT01BTP, TT226], on="n",
      fees=[("Phí sửa lỗi sai sót trong hợp đồng, giao dịch", 25000)]),
    p("2.000913", "Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng "
      "thực", "CHUNGTHUC", "commune", "2", "Bản sao có chứng thực hợp đồng, giao dịch",
      [O("Đơn đề nghị cấp bản sao có chứng thực"), C(_ID)],
      [ND23, TT01BTP, TT226], fees=[("Phí cấp bản sao có chứng thực (mỗi trang)", 2000)]),
    p("2.001052", "Chứng thực di chúc", "CHUNGTHUC", "commune", "2", "Di chúc được chứng thực",
      [O("Dự thảo di chúc"), C(_ID),
       C("Giấy tờ chứng minh quyền sở hữu, quyền sử dụng đối với tài sản trong di chúc")],
      [ND23, TT01BTP, TT226], on="n", fees=[("Phí chứng thực di chúc", 50000)]),
    p("2.001044", "Chứng thực văn bản thỏa thuận phân chia di sản mà di sản là động sản, quyền "
      "sử dụng đất, nhà ở", "CHUNGTHUC", "commune", "2",
      "Văn bản thỏa thuận phân chia di sản được chứng thực",
      [O("Dự thảo văn bản thỏa thuận phân chia di sản"), C(_ID),
       CC("Giấy chứng tử hoặc giấy tờ chứng minh người để lại di sản đã chết"),
       CC("Giấy tờ chứng minh quan hệ giữa người để lại di sản và người được hưởng di sản")],
      [ND23, TT01BTP, TT226], on="n",
      fees=[("Phí chứng thực văn bản thỏa thuận phân chia di sản", 50000)]),
    # ----- Nuôi con nuôi -------------------------------------------------------------------
    p("1.003005", "Đăng ký việc nuôi con nuôi trong nước", "NUOICONNUOI", "commune", "30",
      "Giấy chứng nhận nuôi con nuôi",
      [O("Đơn xin nhận con nuôi theo mẫu"),
       O("Phiếu lý lịch tư pháp của người nhận con nuôi"),
       O("Văn bản xác nhận tình trạng sức khỏe, hoàn cảnh gia đình, kinh tế, chỗ ở"),
       CC("Giấy khai sinh của người được nhận làm con nuôi"),
       O("Hai ảnh 4 x 6 cm hoặc 5 x 7 cm của người được nhận làm con nuôi", 2), C(_ID)],
      [L_NCN, ND19, ND24_2019], sup="restart",
      fees=[("Lệ phí đăng ký nuôi con nuôi trong nước", 400000)]),
    p("1.003014", "Đăng ký lại việc nuôi con nuôi trong nước", "NUOICONNUOI", "commune", "5",
      "Giấy chứng nhận nuôi con nuôi (đăng ký lại)",
      [O("Tờ khai đăng ký lại việc nuôi con nuôi theo mẫu"),
       C("Bản sao giấy tờ, tài liệu chứng minh việc nuôi con nuôi đã được đăng ký (nếu có)"),
       C(_ID)],
      [L_NCN, ND19, ND24_2019], fees=[("Lệ phí (miễn)", 0)]),
    p("1.003021", "Đăng ký việc nuôi con nuôi thực tế", "NUOICONNUOI", "commune", "30",
      "Giấy chứng nhận nuôi con nuôi thực tế",
      [O("Tờ khai đăng ký việc nuôi con nuôi thực tế theo mẫu"),
       CC("Giấy tờ, tài liệu hoặc văn bản xác nhận của ít nhất hai người làm chứng về việc nuôi con nuôi"),
       C(_ID)],
      [L_NCN, ND19], on="n", fees=[("Lệ phí (miễn)", 0)]),
    p("1.003036", "Đăng ký việc nuôi con nuôi ở khu vực biên giới", "NUOICONNUOI", "commune",
      "30", "Giấy chứng nhận nuôi con nuôi",
      [O("Đơn xin nhận con nuôi theo mẫu"),
       CC("Giấy tờ tùy thân của công dân nước láng giềng thường trú ở khu vực biên giới"),
       O("Giấy xác nhận tình trạng hôn nhân, sức khỏe, hoàn cảnh kinh tế của người nhận con nuôi"),
       CC("Giấy khai sinh của trẻ em được nhận làm con nuôi")],
      [L_NCN, ND19, ND114_2016], on="n", sup="restart",
      fees=[("Lệ phí đăng ký nuôi con nuôi ở khu vực biên giới", 4500000)]),
    p("1.003048", "Giải quyết việc người nước ngoài thường trú ở Việt Nam nhận trẻ em Việt Nam "
      "làm con nuôi", "NUOICONNUOI", "tuphap", "60",
      "Quyết định cho người nước ngoài nhận con nuôi",
      [O("Đơn xin nhận con nuôi theo mẫu"), CC("Hộ chiếu hoặc giấy tờ thay thế hộ chiếu"),
       O("Văn bản cho phép được nhận con nuôi ở Việt Nam"),
       O("Bản điều tra về tâm lý, gia đình của người nhận con nuôi"),
       O("Phiếu lý lịch tư pháp"), O("Giấy khám sức khỏe")],
      [L_NCN, ND19, ND114_2016], on="n",
      fees=[("Lệ phí giải quyết việc nuôi con nuôi có yếu tố nước ngoài", 9000000)]),
    p("1.003057", "Ghi chú việc nuôi con nuôi đã đăng ký tại cơ quan có thẩm quyền của nước "
      "ngoài", "NUOICONNUOI", "tuphap", "10", "Giấy xác nhận ghi chú việc nuôi con nuôi",
      [O("Tờ khai ghi chú việc nuôi con nuôi theo mẫu"),
       CC("Giấy tờ công nhận việc nuôi con nuôi do cơ quan có thẩm quyền của nước ngoài cấp, đã hợp pháp hóa lãnh sự"),
       C(_ID)],
      [L_NCN, ND19, ND24_2019], fees=[("Lệ phí ghi chú việc nuôi con nuôi", 50000)]),
    # ----- Quốc tịch -----------------------------------------------------------------------
    p("2.001421", "Nhập quốc tịch Việt Nam", "QUOCTICH", "tuphap", "115",
      "Quyết định của Chủ tịch nước cho nhập quốc tịch Việt Nam",
      [O("Đơn xin nhập quốc tịch Việt Nam theo mẫu"), CC("Bản sao giấy khai sinh, hộ chiếu"),
       O("Bản khai lý lịch"), O("Phiếu lý lịch tư pháp"),
       CC("Giấy tờ chứng minh trình độ tiếng Việt"), CC("Giấy tờ chứng minh về chỗ ở, thời gian thường trú")],
      [L_QT, ND16, TT281], on="n",
      fees=[("Lệ phí giải quyết hồ sơ xin nhập quốc tịch Việt Nam", 3000000)]),
    p("2.001436", "Trở lại quốc tịch Việt Nam ở trong nước", "QUOCTICH", "tuphap", "85",
      "Quyết định của Chủ tịch nước cho trở lại quốc tịch Việt Nam",
      [O("Đơn xin trở lại quốc tịch Việt Nam theo mẫu"), O("Bản khai lý lịch"),
       O("Phiếu lý lịch tư pháp"),
       CC("Giấy tờ chứng minh người xin trở lại quốc tịch Việt Nam đã từng có quốc tịch Việt Nam")],
      [L_QT, ND16, TT281], on="n",
      fees=[("Lệ phí giải quyết hồ sơ xin trở lại quốc tịch Việt Nam", 2500000)]),
    p("2.001447", "Thôi quốc tịch Việt Nam ở trong nước", "QUOCTICH", "tuphap", "75",
      "Quyết định của Chủ tịch nước cho thôi quốc tịch Việt Nam",
      [O("Đơn xin thôi quốc tịch Việt Nam theo mẫu"), O("Bản khai lý lịch"),
       O("Phiếu lý lịch tư pháp"),
       CC("Giấy tờ xác nhận về việc người đó đang làm thủ tục nhập quốc tịch nước ngoài")],
      [L_QT, ND16, TT281], on="n",
      fees=[("Lệ phí giải quyết hồ sơ xin thôi quốc tịch Việt Nam", 2500000)]),
    p("2.001452", "Cấp Giấy xác nhận có quốc tịch Việt Nam ở trong nước", "QUOCTICH", "tuphap",
      "20", "Giấy xác nhận có quốc tịch Việt Nam",
      [O("Tờ khai đề nghị xác nhận có quốc tịch Việt Nam theo mẫu"),
       C("Giấy tờ có giá trị chứng minh quốc tịch Việt Nam hoặc giấy tờ làm cơ sở xác định quốc tịch"),
       O("Hai ảnh 4 x 6 cm", 2)],
      [L_QT, ND16, TT281],
      fees=[("Lệ phí cấp Giấy xác nhận có quốc tịch Việt Nam", 100000)]),
    p("2.001467", "Cấp Giấy xác nhận là người gốc Việt Nam ở trong nước", "QUOCTICH", "tuphap",
      "20", "Giấy xác nhận là người gốc Việt Nam",
      [O("Tờ khai đề nghị xác nhận là người gốc Việt Nam theo mẫu"),
       C("Giấy tờ chứng minh người yêu cầu đã từng có quốc tịch Việt Nam hoặc có cha, mẹ, ông, bà là người Việt Nam"),
       O("Hai ảnh 4 x 6 cm", 2)],
      [L_QT, ND16, TT281],
      fees=[("Lệ phí cấp Giấy xác nhận là người gốc Việt Nam", 100000)]),
    p("2.001473", "Thông báo có quốc tịch nước ngoài", "QUOCTICH", "tuphap", "5",
      "Ghi chú vào Sổ tiếp nhận thông báo có quốc tịch nước ngoài",
      [O("Tờ khai thông báo có quốc tịch nước ngoài theo mẫu"),
       CC("Hộ chiếu hoặc giấy tờ chứng minh có quốc tịch nước ngoài"), C(_ID)],
      [L_QT, ND16], on="f", fees=[("Lệ phí (miễn)", 0)]),
    # ----- Lý lịch tư pháp -----------------------------------------------------------------
    p("2.002488", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư "
      "trú tại Việt Nam", "LLTP", "tuphap", "10", "Phiếu lý lịch tư pháp",
      [O("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu"), C(_ID),
       C("Giấy tờ chứng minh nơi cư trú (trường hợp chưa khai thác được từ Cơ sở dữ liệu quốc gia về dân cư)")],
      [L_LLTP, ND111, TT244], on="f",
      fees=[("Phí cung cấp thông tin lý lịch tư pháp", 200000),
            ("Phí cấp từ Phiếu thứ 3 trở đi (mỗi Phiếu)", 5000)]),
    p("2.002493", "Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng (đối tượng là công "
      "dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam)", "LLTP", "tuphap", "10",
      "Phiếu lý lịch tư pháp",
      [O("Văn bản yêu cầu cấp Phiếu lý lịch tư pháp của cơ quan tiến hành tố tụng")],
      [L_LLTP, ND111], fees=[("Phí (miễn)", 0)]),
    p("2.002497", "Cấp Phiếu lý lịch tư pháp cho cơ quan nhà nước, tổ chức chính trị, tổ chức "
      "chính trị - xã hội (đối tượng là công dân Việt Nam, người nước ngoài đang cư trú tại Việt "
      "Nam)", "LLTP", "tuphap", "10", "Phiếu lý lịch tư pháp",
      [O("Văn bản yêu cầu cấp Phiếu lý lịch tư pháp ghi rõ mục đích sử dụng")],
      [L_LLTP, ND111], fees=[("Phí (miễn)", 0)]),
    p("2.002502", "Cấp Phiếu lý lịch tư pháp qua ứng dụng định danh quốc gia (VNeID)", "LLTP",
      "tuphap", "10", "Phiếu lý lịch tư pháp điện tử",
      [O("Tờ khai điện tử yêu cầu cấp Phiếu lý lịch tư pháp trên ứng dụng VNeID")],
      [L_LLTP, ND111, TT244], on="f",
      fees=[("Phí cung cấp thông tin lý lịch tư pháp", 200000)]),
    p("2.002509", "Cấp Phiếu lý lịch tư pháp cho người yêu cầu thuộc diện miễn phí (trẻ em, "
      "người cao tuổi, người khuyết tật, người có công với cách mạng, người thuộc hộ nghèo)",
      "LLTP", "tuphap", "10", "Phiếu lý lịch tư pháp",
      [O("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp theo mẫu"), C(_ID),
       C("Giấy tờ chứng minh thuộc đối tượng được miễn phí")],
      [L_LLTP, ND111, TT244], on="f", fees=[("Phí (miễn)", 0)]),
    p("2.002516", "Đính chính Phiếu lý lịch tư pháp", "LLTP", "tuphap", "5",
      "Phiếu lý lịch tư pháp đã được đính chính",
      [O("Văn bản đề nghị đính chính Phiếu lý lịch tư pháp"),
       O("Phiếu lý lịch tư pháp có sai sót"), C(_ID)],
      [L_LLTP, ND111], fees=[("Phí (miễn)", 0)]),
    # ----- Công chứng ----------------------------------------------------------------------
    p("1.002118", "Thành lập Văn phòng công chứng", "CONGCHUNG", "tuphap", "20",
      "Quyết định cho phép thành lập Văn phòng công chứng",
      [O("Đơn đề nghị thành lập Văn phòng công chứng theo mẫu"), O("Đề án thành lập Văn phòng công chứng"),
       CC("Quyết định bổ nhiệm công chứng viên của các công chứng viên thành lập")],
      [L_CC, TT257], fees=[("Phí thẩm định điều kiện thành lập Văn phòng công chứng", 1000000)]),
    p("1.002125", "Đăng ký hoạt động Văn phòng công chứng", "CONGCHUNG", "tuphap", "10",
      "Giấy đăng ký hoạt động Văn phòng công chứng",
      [O("Đơn đăng ký hoạt động Văn phòng công chứng theo mẫu"),
       CC("Giấy tờ chứng minh về trụ sở của Văn phòng công chứng"),
       O("Hồ sơ đăng ký hành nghề của các công chứng viên")],
      [L_CC, TT257], fees=[("Phí thẩm định điều kiện hoạt động Văn phòng công chứng", 1000000)]),
    p("1.002131", "Thay đổi nội dung đăng ký hoạt động của Văn phòng công chứng", "CONGCHUNG",
      "tuphap", "10", "Giấy đăng ký hoạt động (thay đổi) của Văn phòng công chứng",
      [O("Đơn đề nghị thay đổi nội dung đăng ký hoạt động theo mẫu"),
       CC("Giấy tờ chứng minh nội dung thay đổi")],
      [L_CC, TT257], on="f",
      fees=[("Phí thẩm định thay đổi nội dung đăng ký hoạt động", 500000)]),
    p("1.002144", "Đăng ký hành nghề và cấp Thẻ công chứng viên", "CONGCHUNG", "tuphap", "10",
      "Thẻ công chứng viên",
      [O("Đơn đề nghị đăng ký hành nghề và cấp Thẻ công chứng viên theo mẫu"),
       CC("Quyết định bổ nhiệm công chứng viên"), O("Hai ảnh chân dung 2 x 3 cm", 2)],
      [L_CC, TT257], on="f",
      fees=[("Phí thẩm định tiêu chuẩn, điều kiện hành nghề công chứng", 1000000)]),
    p("1.002150", "Cấp lại Thẻ công chứng viên", "CONGCHUNG", "tuphap", "5",
      "Thẻ công chứng viên (cấp lại)",
      [O("Đơn đề nghị cấp lại Thẻ công chứng viên theo mẫu"), O("Hai ảnh chân dung 2 x 3 cm", 2)],
      [L_CC, TT257], on="f", fees=[("Phí cấp lại Thẻ công chứng viên", 100000)]),
    p("1.002163", "Hợp nhất Văn phòng công chứng", "CONGCHUNG", "tuphap", "20",
      "Quyết định cho phép hợp nhất Văn phòng công chứng",
      [O("Đơn đề nghị hợp nhất Văn phòng công chứng"), O("Hợp đồng hợp nhất"),
       O("Đề án hoạt động của Văn phòng công chứng hợp nhất")],
      [L_CC, TT257], fees=[("Phí thẩm định điều kiện hoạt động Văn phòng công chứng", 1000000)]),
    p("1.002177", "Chuyển nhượng Văn phòng công chứng", "CONGCHUNG", "tuphap", "20",
      "Quyết định cho phép chuyển nhượng Văn phòng công chứng",
      [O("Đơn đề nghị chuyển nhượng Văn phòng công chứng"), O("Hợp đồng chuyển nhượng"),
       CC("Giấy đăng ký hoạt động của Văn phòng công chứng được chuyển nhượng")],
      [L_CC, TT257], fees=[("Phí thẩm định điều kiện hoạt động Văn phòng công chứng", 1000000)]),
    # ----- Luật sư -------------------------------------------------------------------------
    p("2.003402", "Đăng ký hoạt động của tổ chức hành nghề luật sư", "LUATSU", "tuphap", "10",
      "Giấy đăng ký hoạt động của tổ chức hành nghề luật sư",
      [O("Giấy đề nghị đăng ký hoạt động theo mẫu"), O("Dự thảo Điều lệ (đối với công ty luật)"),
       CC("Chứng chỉ hành nghề luật sư, Thẻ luật sư của luật sư thành lập"),
       CC("Giấy tờ chứng minh về trụ sở của tổ chức hành nghề luật sư")],
      [L_LS, ND123_2013], on="f",
      fees=[("Lệ phí đăng ký hoạt động của tổ chức hành nghề luật sư", 500000)]),
    p("2.003417", "Thay đổi nội dung đăng ký hoạt động của tổ chức hành nghề luật sư", "LUATSU",
      "tuphap", "10", "Giấy đăng ký hoạt động (thay đổi) của tổ chức hành nghề luật sư",
      [O("Giấy đề nghị thay đổi nội dung đăng ký hoạt động theo mẫu"),
       CC("Giấy tờ chứng minh nội dung thay đổi")],
      [L_LS, ND123_2013], on="f", fees=[("Lệ phí thay đổi nội dung đăng ký hoạt động", 200000)]),
    p("2.003425", "Đăng ký hoạt động của chi nhánh của tổ chức hành nghề luật sư", "LUATSU",
      "tuphap", "7", "Giấy đăng ký hoạt động của chi nhánh",
      [O("Giấy đề nghị đăng ký hoạt động của chi nhánh theo mẫu"),
       C("Giấy đăng ký hoạt động của tổ chức hành nghề luật sư"),
       O("Quyết định thành lập chi nhánh và quyết định cử luật sư làm trưởng chi nhánh")],
      [L_LS, ND123_2013], on="f",
      fees=[("Lệ phí đăng ký hoạt động của chi nhánh", 200000)]),
    p("2.003431", "Đăng ký hành nghề luật sư với tư cách cá nhân", "LUATSU", "tuphap", "7",
      "Giấy xác nhận đăng ký hành nghề luật sư với tư cách cá nhân",
      [O("Giấy đề nghị đăng ký hành nghề luật sư với tư cách cá nhân theo mẫu"),
       CC("Thẻ luật sư"), CC("Hợp đồng lao động ký với cơ quan, tổ chức")],
      [L_LS, ND123_2013], on="f", fees=[("Lệ phí đăng ký", 100000)]),
    p("2.003446", "Đăng ký hoạt động của chi nhánh, công ty luật nước ngoài", "LUATSU",
      "tuphap", "10", "Giấy đăng ký hoạt động của chi nhánh, công ty luật nước ngoài",
      [O("Đơn đăng ký hoạt động theo mẫu"),
       CC("Giấy phép thành lập chi nhánh, công ty luật nước ngoài do Bộ Tư pháp cấp"),
       CC("Giấy tờ chứng minh về trụ sở")],
      [L_LS, ND123_2013],
      fees=[("Lệ phí đăng ký hoạt động của chi nhánh, công ty luật nước ngoài", 1000000)]),
    p("2.003452", "Hợp nhất công ty luật", "LUATSU", "tuphap", "10",
      "Giấy đăng ký hoạt động của công ty luật hợp nhất",
      [O("Giấy đề nghị đăng ký hoạt động của công ty luật hợp nhất"), O("Hợp đồng hợp nhất"),
       CC("Giấy đăng ký hoạt động của các công ty luật bị hợp nhất"), O("Dự thảo Điều lệ")],
      [L_LS, ND123_2013], fees=[("Lệ phí đăng ký hoạt động", 500000)]),
    # ----- Thành lập và hoạt động của doanh nghiệp -----------------------------------------
    p("1.005118", "Đăng ký thành lập doanh nghiệp tư nhân", "DKDN", "taichinh", "3",
      "Giấy chứng nhận đăng ký doanh nghiệp",
      [O("Giấy đề nghị đăng ký doanh nghiệp theo mẫu"), C(_ID)],
      [L_DN, ND168, TT47], on="f",
      fees=[("Lệ phí đăng ký doanh nghiệp (miễn khi nộp trực tuyến)", 50000),
            ("Phí công bố nội dung đăng ký doanh nghiệp", 100000)], inter=True),
    p("1.005124", "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên", "DKDN",
      "taichinh", "3", "Giấy chứng nhận đăng ký doanh nghiệp",
      [O("Giấy đề nghị đăng ký doanh nghiệp theo mẫu"), O("Điều lệ công ty"),
       C("Giấy tờ pháp lý của cá nhân hoặc tổ chức là chủ sở hữu công ty"),
       C("Giấy tờ pháp lý của người đại diện theo pháp luật")],
      [L_DN, ND168, TT47], on="f",
      fees=[("Lệ phí đăng ký doanh nghiệp (miễn khi nộp trực tuyến)", 50000),
            ("Phí công bố nội dung đăng ký doanh nghiệp", 100000)], inter=True),
    p("1.005137", "Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên",
      "DKDN", "taichinh", "3", "Giấy chứng nhận đăng ký doanh nghiệp",
      [O("Giấy đề nghị đăng ký doanh nghiệp theo mẫu"), O("Điều lệ công ty"),
       O("Danh sách thành viên"), C("Giấy tờ pháp lý của các thành viên")],
      [L_DN, ND168, TT47], on="f",
      fees=[("Lệ phí đăng ký doanh nghiệp (miễn khi nộp trực tuyến)", 50000),
            ("Phí công bố nội dung đăng ký doanh nghiệp", 100000)], inter=True),
    p("1.005142", "Đăng ký thành lập công ty cổ phần", "DKDN", "taichinh", "3",
      "Giấy chứng nhận đăng ký doanh nghiệp",
      [O("Giấy đề nghị đăng ký doanh nghiệp theo mẫu"), O("Điều lệ công ty"),
       O("Danh sách cổ đông sáng lập và cổ đông là nhà đầu tư nước ngoài"),
       C("Giấy tờ pháp lý của các cổ đông sáng lập")],
      [L_DN, ND168, TT47], on="f",
      fees=[("Lệ phí đăng ký doanh nghiệp (miễn khi nộp trực tuyến)", 50000),
            ("Phí công bố nội dung đăng ký doanh nghiệp", 100000)], inter=True),
    p("1.005156", "Đăng ký thành lập công ty hợp danh", "DKDN", "taichinh", "3",
      "Giấy chứng nhận đăng ký doanh nghiệp",
      [O("Giấy đề nghị đăng ký doanh nghiệp theo mẫu"), O("Điều lệ công ty"),
       O("Danh sách thành viên"), C("Giấy tờ pháp lý của các thành viên")],
      [L_DN, ND168, TT47], on="p",
      fees=[("Lệ phí đăng ký doanh nghiệp (miễn khi nộp trực tuyến)", 50000),
            ("Phí công bố nội dung đăng ký doanh nghiệp", 100000)], inter=True),
    p("1.005163", "Đăng ký thay đổi người đại diện theo pháp luật của công ty trách nhiệm hữu "
      "hạn, công ty cổ phần", "DKDN", "taichinh", "3", "Giấy chứng nhận đăng ký doanh nghiệp",
      [O("Thông báo thay đổi nội dung đăng ký doanh nghiệp theo mẫu"),
       O("Nghị quyết, quyết định của chủ sở hữu, Hội đồng thành viên hoặc Đại hội đồng cổ đông"),
       C("Giấy tờ pháp lý của người đại diện theo pháp luật mới")],
      [L_DN, ND168, TT47], on="f",
      fees=[("Lệ phí đăng ký doanh nghiệp (miễn khi nộp trực tuyến)", 50000),
            ("Phí công bố nội dung đăng ký doanh nghiệp", 100000)], inter=True),
    p("1.005171", "Đăng ký thay đổi vốn điều lệ, thay đổi tỷ lệ phần vốn góp", "DKDN",
      "taichinh", "3", "Giấy chứng nhận đăng ký doanh nghiệp",
      [O("Thông báo thay đổi nội dung đăng ký doanh nghiệp theo mẫu"),
       O("Nghị quyết, quyết định về việc thay đổi vốn điều lệ"),
       O("Danh sách thành viên (trường hợp thay đổi tỷ lệ phần vốn góp)")],
      [L_DN, ND168, TT47], on="f",
      fees=[("Lệ phí đăng ký doanh nghiệp (miễn khi nộp trực tuyến)", 50000),
            ("Phí công bố nội dung đăng ký doanh nghiệp", 100000)], inter=True),
    p("1.005186", "Đăng ký thay đổi địa chỉ trụ sở chính của doanh nghiệp", "DKDN", "taichinh",
      "3", "Giấy chứng nhận đăng ký doanh nghiệp",
      [O("Thông báo thay đổi địa chỉ trụ sở chính theo mẫu"),
       O("Nghị quyết, quyết định về việc thay đổi địa chỉ trụ sở chính")],
      [L_DN, ND168, TT47], on="f",
      fees=[("Lệ phí đăng ký doanh nghiệp (miễn khi nộp trực tuyến)", 50000),
            ("Phí công bố nội dung đăng ký doanh nghiệp", 100000)], inter=True),
    p("1.005190", "Đăng ký đổi tên doanh nghiệp", "DKDN", "taichinh", "3",
      "Giấy chứng nhận đăng ký doanh nghiệp",
      [O("Thông báo thay đổi nội dung đăng ký doanh nghiệp theo mẫu"),
       O("Nghị quyết, quyết định về việc đổi tên doanh nghiệp")],
      [L_DN, ND168, TT47], on="f",
      fees=[("Lệ phí đăng ký doanh nghiệp (miễn khi nộp trực tuyến)", 50000),
            ("Phí công bố nội dung đăng ký doanh nghiệp", 100000)]),
    p("1.005203", "Thông báo thay đổi ngành, nghề kinh doanh", "DKDN", "taichinh", "3",
      "Giấy xác nhận về việc thay đổi nội dung đăng ký doanh nghiệp",
      [O("Thông báo thay đổi ngành, nghề kinh doanh theo mẫu"),
       O("Nghị quyết, quyết định về việc bổ sung, thay đổi ngành, nghề kinh doanh")],
      [L_DN, ND168, TT47], on="f",
      fees=[("Phí công bố nội dung đăng ký doanh nghiệp", 100000)]),
    p("1.005217", "Đăng ký hoạt động chi nhánh, văn phòng đại diện, thông báo lập địa điểm "
      "kinh doanh", "DKDN", "taichinh", "3",
      "Giấy chứng nhận đăng ký hoạt động chi nhánh, văn phòng đại diện",
      [O("Thông báo về việc đăng ký hoạt động chi nhánh, văn phòng đại diện theo mẫu"),
       O("Nghị quyết, quyết định về việc thành lập chi nhánh, văn phòng đại diện"),
       C("Giấy tờ pháp lý của người đứng đầu chi nhánh, văn phòng đại diện")],
      [L_DN, ND168, TT47], on="f",
      fees=[("Lệ phí đăng ký (miễn khi nộp trực tuyến)", 50000)]),
    p("1.005225", "Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông "
      "báo", "DKDN", "taichinh", "3", "Giấy xác nhận về việc doanh nghiệp đăng ký tạm ngừng kinh doanh",
      [O("Thông báo tạm ngừng kinh doanh hoặc tiếp tục kinh doanh theo mẫu"),
       O("Nghị quyết, quyết định của chủ sở hữu, Hội đồng thành viên hoặc Hội đồng quản trị")],
      [L_DN, ND168], on="f", fees=[("Lệ phí (miễn)", 0)]),
    p("1.005238", "Giải thể doanh nghiệp", "DKDN", "taichinh", "5",
      "Thông báo về việc giải thể doanh nghiệp trên Hệ thống thông tin quốc gia về đăng ký doanh nghiệp",
      [O("Thông báo về giải thể doanh nghiệp theo mẫu"), O("Báo cáo thanh lý tài sản doanh nghiệp"),
       O("Danh sách chủ nợ và số nợ đã thanh toán"),
       O("Xác nhận của cơ quan thuế về việc hoàn thành nghĩa vụ thuế")],
      [L_DN, ND168], on="p", inter=True, fees=[("Lệ phí (miễn)", 0)]),
    p("1.005244", "Cấp lại Giấy chứng nhận đăng ký doanh nghiệp", "DKDN", "taichinh", "3",
      "Giấy chứng nhận đăng ký doanh nghiệp (cấp lại)",
      [O("Giấy đề nghị cấp lại Giấy chứng nhận đăng ký doanh nghiệp")],
      [L_DN, ND168, TT47], on="p",
      fees=[("Lệ phí cấp lại Giấy chứng nhận đăng ký doanh nghiệp", 50000)]),
    p("1.005259", "Đăng ký thành lập doanh nghiệp từ hộ kinh doanh", "DKDN", "taichinh", "3",
      "Giấy chứng nhận đăng ký doanh nghiệp",
      [O("Giấy đề nghị đăng ký doanh nghiệp theo mẫu"), O("Điều lệ công ty"),
       C("Giấy chứng nhận đăng ký hộ kinh doanh"), C("Giấy chứng nhận đăng ký thuế của hộ kinh doanh")],
      [L_DN, ND168, TT47], on="p", inter=True,
      fees=[("Lệ phí đăng ký doanh nghiệp (miễn)", 0),
            ("Phí công bố nội dung đăng ký doanh nghiệp", 100000)]),
    p("1.005266", "Liên thông đăng ký thành lập doanh nghiệp, khai trình việc sử dụng lao động "
      "và cấp mã số đơn vị tham gia bảo hiểm xã hội", "DKDN", "taichinh", "3",
      "Giấy chứng nhận đăng ký doanh nghiệp; mã số đơn vị tham gia bảo hiểm xã hội",
      [O("Giấy đề nghị đăng ký doanh nghiệp theo mẫu (có thông tin đăng ký sử dụng lao động, bảo hiểm xã hội)"),
       O("Điều lệ công ty"), C("Giấy tờ pháp lý của các thành viên, cổ đông sáng lập")],
      [L_DN, ND168, TT47], on="f", inter=True,
      fees=[("Lệ phí đăng ký doanh nghiệp (miễn khi nộp trực tuyến)", 50000),
            ("Phí công bố nội dung đăng ký doanh nghiệp", 100000)]),
    # ----- Hộ kinh doanh, hợp tác xã -------------------------------------------------------
    p("2.004301", "Đăng ký thành lập hộ kinh doanh", "HKDHTX", "commune", "3",
      "Giấy chứng nhận đăng ký hộ kinh doanh",
      [O("Giấy đề nghị đăng ký hộ kinh doanh theo mẫu"), C(_ID),
       O("Biên bản họp thành viên hộ gia đình về việc thành lập hộ kinh doanh (nếu có)")],
      [ND168], levels=DC, on="f", fees=[("Lệ phí đăng ký hộ kinh doanh", 100000)], inter=True),
    p("2.004315", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", "HKDHTX", "commune", "3",
      "Giấy chứng nhận đăng ký hộ kinh doanh (thay đổi)",
      [O("Thông báo thay đổi nội dung đăng ký hộ kinh doanh theo mẫu"),
       O("Biên bản họp thành viên hộ gia đình về việc thay đổi (nếu có)")],
      [ND168], levels=DC, on="f", fees=[("Lệ phí đăng ký thay đổi", 50000)]),
    p("2.004322", "Tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo của hộ "
      "kinh doanh", "HKDHTX", "commune", "3", "Giấy xác nhận về việc hộ kinh doanh tạm ngừng kinh doanh",
      [O("Thông báo tạm ngừng kinh doanh hoặc tiếp tục kinh doanh theo mẫu")],
      [ND168], levels=DC, on="f", fees=[("Lệ phí (miễn)", 0)]),
    p("2.004336", "Chấm dứt hoạt động hộ kinh doanh", "HKDHTX", "commune", "3",
      "Thông báo về việc chấm dứt hoạt động hộ kinh doanh",
      [O("Thông báo về việc chấm dứt hoạt động hộ kinh doanh theo mẫu"),
       O("Thông báo của cơ quan thuế về việc chấm dứt hiệu lực mã số thuế")],
      [ND168], levels=DC, on="p", inter=True, fees=[("Lệ phí (miễn)", 0)]),
    p("2.004341", "Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh", "HKDHTX", "commune", "3",
      "Giấy chứng nhận đăng ký hộ kinh doanh (cấp lại)",
      [O("Giấy đề nghị cấp lại Giấy chứng nhận đăng ký hộ kinh doanh")],
      [ND168], levels=DC, on="p", fees=[("Lệ phí cấp lại", 50000)]),
    p("2.004357", "Đăng ký thành lập hợp tác xã", "HKDHTX", "commune", "3",
      "Giấy chứng nhận đăng ký hợp tác xã",
      [O("Giấy đề nghị đăng ký hợp tác xã theo mẫu"), O("Điều lệ hợp tác xã"),
       O("Phương án sản xuất, kinh doanh"), O("Danh sách thành viên"),
       O("Nghị quyết hội nghị thành lập hợp tác xã")],
      [L_HTX], levels=DC, fees=[("Lệ phí đăng ký hợp tác xã", 100000)]),
    p("2.004363", "Đăng ký thay đổi tên, địa chỉ trụ sở chính, ngành, nghề kinh doanh, vốn "
      "điều lệ, người đại diện theo pháp luật của hợp tác xã", "HKDHTX", "commune", "3",
      "Giấy chứng nhận đăng ký hợp tác xã (thay đổi)",
      [O("Thông báo thay đổi nội dung đăng ký hợp tác xã theo mẫu"),
       O("Nghị quyết của Đại hội thành viên về việc thay đổi")],
      [L_HTX], levels=DC, fees=[("Lệ phí đăng ký thay đổi", 50000)]),
    p("2.004378", "Giải thể tự nguyện hợp tác xã", "HKDHTX", "commune", "5",
      "Thông báo về việc giải thể hợp tác xã",
      [O("Thông báo về việc giải thể hợp tác xã"), O("Nghị quyết giải thể của Đại hội thành viên"),
       O("Báo cáo thanh lý tài sản và danh sách chủ nợ đã thanh toán")],
      [L_HTX], levels=DC, on="n", fees=[("Lệ phí (miễn)", 0)]),
    # ----- Đầu tư tại Việt Nam -------------------------------------------------------------
    p("1.009645", "Chấp thuận chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh", "DAUTU",
      "taichinh", "35", "Quyết định chấp thuận chủ trương đầu tư",
      [O("Văn bản đề nghị thực hiện dự án đầu tư"), O("Đề xuất dự án đầu tư"),
       CC("Tài liệu về tư cách pháp lý của nhà đầu tư"),
       CC("Tài liệu chứng minh năng lực tài chính của nhà đầu tư"),
       O("Giải trình về đề xuất nhu cầu sử dụng đất")],
      [L_DT, ND31]),
    p("1.009652", "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp "
      "thuận chủ trương đầu tư", "DAUTU", "taichinh", "15", "Giấy chứng nhận đăng ký đầu tư",
      [O("Văn bản đề nghị thực hiện dự án đầu tư"), O("Đề xuất dự án đầu tư"),
       CC("Tài liệu về tư cách pháp lý của nhà đầu tư"),
       CC("Tài liệu chứng minh năng lực tài chính của nhà đầu tư")],
      [L_DT, ND31]),
    p("1.009668", "Điều chỉnh Giấy chứng nhận đăng ký đầu tư đối với trường hợp không điều "
      "chỉnh chủ trương đầu tư", "DAUTU", "taichinh", "10",
      "Giấy chứng nhận đăng ký đầu tư (điều chỉnh)",
      [O("Văn bản đề nghị điều chỉnh dự án đầu tư"), O("Báo cáo tình hình thực hiện dự án"),
       O("Quyết định của nhà đầu tư về việc điều chỉnh dự án")],
      [L_DT, ND31]),
    p("1.009673", "Điều chỉnh dự án đầu tư trong trường hợp chuyển nhượng dự án đầu tư", "DAUTU",
      "taichinh", "15", "Giấy chứng nhận đăng ký đầu tư (điều chỉnh)",
      [O("Văn bản đề nghị điều chỉnh dự án đầu tư"), O("Hợp đồng chuyển nhượng dự án"),
       CC("Tài liệu về tư cách pháp lý của nhà đầu tư nhận chuyển nhượng"),
       O("Báo cáo tình hình thực hiện dự án đến thời điểm chuyển nhượng")],
      [L_DT, ND31]),
    p("1.009681", "Gia hạn thời hạn hoạt động của dự án đầu tư", "DAUTU", "taichinh", "15",
      "Văn bản chấp thuận gia hạn thời hạn hoạt động của dự án",
      [O("Văn bản đề nghị gia hạn thời hạn hoạt động của dự án đầu tư"),
       C("Giấy chứng nhận đăng ký đầu tư hoặc Quyết định chấp thuận chủ trương đầu tư"),
       O("Báo cáo tình hình thực hiện dự án")],
      [L_DT, ND31]),
    p("1.009697", "Chấm dứt hoạt động dự án đầu tư", "DAUTU", "taichinh", "15",
      "Thông báo chấm dứt hoạt động dự án đầu tư",
      [O("Quyết định chấm dứt hoạt động dự án đầu tư của nhà đầu tư"),
       C("Giấy chứng nhận đăng ký đầu tư")],
      [L_DT, ND31], on="p"),
    p("1.009704", "Cấp lại hoặc hiệu đính thông tin trên Giấy chứng nhận đăng ký đầu tư",
      "DAUTU", "taichinh", "5", "Giấy chứng nhận đăng ký đầu tư (cấp lại, hiệu đính)",
      [O("Văn bản đề nghị cấp lại hoặc hiệu đính Giấy chứng nhận đăng ký đầu tư")],
      [L_DT, ND31], on="f"),
    p("1.009712", "Đăng ký góp vốn, mua cổ phần, mua phần vốn góp của nhà đầu tư nước ngoài",
      "DAUTU", "taichinh", "15", "Thông báo đáp ứng điều kiện góp vốn, mua cổ phần",
      [O("Văn bản đăng ký góp vốn, mua cổ phần, mua phần vốn góp"),
       CC("Giấy tờ pháp lý của nhà đầu tư nước ngoài"),
       O("Văn bản thỏa thuận nguyên tắc về việc góp vốn, mua cổ phần")],
      [L_DT, ND31], on="p"),
    p("1.009725", "Thành lập văn phòng điều hành của nhà đầu tư nước ngoài trong hợp đồng BCC",
      "DAUTU", "taichinh", "15", "Giấy chứng nhận đăng ký hoạt động văn phòng điều hành",
      [O("Văn bản đăng ký thành lập văn phòng điều hành"),
       O("Quyết định của nhà đầu tư nước ngoài về việc thành lập văn phòng điều hành"),
       C("Hợp đồng BCC"), CC("Quyết định bổ nhiệm người đứng đầu văn phòng điều hành")],
      [L_DT, ND31]),
    # ----- Hoạt động xây dựng --------------------------------------------------------------
    p("1.011645", "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", "XAYDUNG", "commune",
      "15", "Giấy phép xây dựng",
      [O("Đơn đề nghị cấp giấy phép xây dựng theo mẫu"),
       CC("Giấy tờ hợp pháp về quyền sử dụng đất"),
       O("Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối hạ tầng)", 2),
       O("Cam kết bảo đảm an toàn đối với công trình liền kề (trường hợp có công trình liền kề)")],
      [L_XD, ND175, TT85], levels=PC, on="f",
      fees=[("Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ", 75000)]),
    p("1.011652", "Cấp giấy phép sửa chữa, cải tạo đối với nhà ở riêng lẻ", "XAYDUNG",
      "commune", "15", "Giấy phép sửa chữa, cải tạo",
      [O("Đơn đề nghị cấp giấy phép sửa chữa, cải tạo theo mẫu"),
       CC("Giấy tờ hợp pháp về quyền sở hữu nhà ở"),
       O("Ảnh chụp hiện trạng công trình đề nghị sửa chữa, cải tạo"),
       O("Bản vẽ thiết kế sửa chữa, cải tạo", 2)],
      [L_XD, ND175, TT85], levels=DC, on="p",
      fees=[("Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ", 75000)]),
    p("1.011668", "Cấp giấy phép di dời đối với nhà ở riêng lẻ", "XAYDUNG", "commune", "15",
      "Giấy phép di dời công trình",
      [O("Đơn đề nghị cấp giấy phép di dời theo mẫu"),
       CC("Giấy tờ hợp pháp về quyền sử dụng đất nơi công trình sẽ di dời tới"),
       O("Bản vẽ hoàn công hoặc bản vẽ thiết kế mô tả thực trạng công trình"),
       O("Phương án di dời")],
      [L_XD, ND175, TT85], levels=DC,
      fees=[("Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ", 75000)]),
    p("1.011673", "Cấp giấy phép xây dựng có thời hạn đối với nhà ở riêng lẻ", "XAYDUNG",
      "commune", "15", "Giấy phép xây dựng có thời hạn",
      [O("Đơn đề nghị cấp giấy phép xây dựng có thời hạn theo mẫu"),
       CC("Giấy tờ hợp pháp về quyền sử dụng đất"), O("Bản vẽ thiết kế xây dựng", 2),
       O("Cam kết tự phá dỡ công trình khi hết thời hạn tồn tại")],
      [L_XD, ND175, TT85], levels=DC, on="p",
      fees=[("Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ", 75000)]),
    p("1.011689", "Gia hạn, cấp lại giấy phép xây dựng đối với nhà ở riêng lẻ", "XAYDUNG",
      "commune", "5", "Giấy phép xây dựng được gia hạn hoặc cấp lại",
      [O("Đơn đề nghị gia hạn hoặc cấp lại giấy phép xây dựng theo mẫu"),
       O("Giấy phép xây dựng đã được cấp (trường hợp gia hạn hoặc bị rách, nát)")],
      [L_XD, ND175, TT85], levels=DC, on="f",
      fees=[("Lệ phí gia hạn, cấp lại giấy phép xây dựng", 15000)]),
    p("1.011694", "Cấp giấy phép xây dựng mới đối với công trình cấp III, cấp IV (công trình "
      "không theo tuyến)", "XAYDUNG", "commune", "20", "Giấy phép xây dựng",
      [O("Đơn đề nghị cấp giấy phép xây dựng theo mẫu"),
       CC("Giấy tờ hợp pháp về quyền sử dụng đất"),
       CC("Quyết định phê duyệt dự án, văn bản thông báo kết quả thẩm định thiết kế"),
       O("Bản vẽ thiết kế xây dựng", 2)],
      [L_XD, ND175, TT85], levels=DC, on="p",
      fees=[("Lệ phí cấp giấy phép xây dựng công trình", 150000)]),
    p("1.011701", "Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II",
      "XAYDUNG", "xaydung", "20", "Giấy phép xây dựng",
      [O("Đơn đề nghị cấp giấy phép xây dựng theo mẫu"),
       CC("Giấy tờ hợp pháp về quyền sử dụng đất"),
       CC("Quyết định phê duyệt dự án, văn bản thông báo kết quả thẩm định thiết kế của cơ quan chuyên môn về xây dựng"),
       O("Bản vẽ thiết kế xây dựng", 2),
       CC("Văn bản thẩm duyệt thiết kế về phòng cháy và chữa cháy (nếu có)")],
      [L_XD, ND175, TT85], on="f",
      fees=[("Lệ phí cấp giấy phép xây dựng công trình", 150000)]),
    p("1.011716", "Cấp giấy phép xây dựng sửa chữa, cải tạo đối với công trình cấp đặc biệt, "
      "cấp I, cấp II", "XAYDUNG", "xaydung", "20", "Giấy phép sửa chữa, cải tạo",
      [O("Đơn đề nghị cấp giấy phép sửa chữa, cải tạo theo mẫu"),
       CC("Giấy tờ hợp pháp về quyền sở hữu, quản lý, sử dụng công trình"),
       O("Bản vẽ, ảnh chụp hiện trạng bộ phận, hạng mục công trình sửa chữa, cải tạo"),
       O("Bản vẽ thiết kế sửa chữa, cải tạo", 2)],
      [L_XD, ND175, TT85], on="p",
      fees=[("Lệ phí cấp giấy phép xây dựng công trình", 150000)]),
    p("1.011723", "Cấp giấy phép di dời đối với công trình cấp đặc biệt, cấp I, cấp II",
      "XAYDUNG", "xaydung", "20", "Giấy phép di dời công trình",
      [O("Đơn đề nghị cấp giấy phép di dời theo mẫu"),
       CC("Giấy tờ hợp pháp về quyền sử dụng đất nơi công trình sẽ di dời tới"),
       O("Bản vẽ hoàn công hoặc bản vẽ thiết kế mô tả thực trạng công trình"),
       O("Báo cáo kết quả khảo sát đánh giá chất lượng hiện trạng công trình"),
       O("Phương án di dời")],
      [L_XD, ND175, TT85],
      fees=[("Lệ phí cấp giấy phép xây dựng công trình", 150000)], on="n"),
    p("1.011737", "Điều chỉnh giấy phép xây dựng đối với công trình cấp đặc biệt, cấp I, cấp II",
      "XAYDUNG", "xaydung", "20", "Giấy phép xây dựng điều chỉnh",
      [O("Đơn đề nghị điều chỉnh giấy phép xây dựng theo mẫu"),
       O("Giấy phép xây dựng đã được cấp"),
       O("Bản vẽ thiết kế liên quan đến phần điều chỉnh", 2),
       CC("Văn bản thông báo kết quả thẩm định thiết kế điều chỉnh")],
      [L_XD, ND175, TT85], on="p",
      fees=[("Lệ phí điều chỉnh giấy phép xây dựng", 150000)]),
    p("1.011742", "Gia hạn, cấp lại giấy phép xây dựng đối với công trình cấp đặc biệt, cấp I, "
      "cấp II", "XAYDUNG", "xaydung", "5", "Giấy phép xây dựng được gia hạn hoặc cấp lại",
      [O("Đơn đề nghị gia hạn hoặc cấp lại giấy phép xây dựng theo mẫu"),
       O("Giấy phép xây dựng đã được cấp")],
      [L_XD, ND175, TT85], on="f",
      fees=[("Lệ phí gia hạn, cấp lại giấy phép xây dựng", 15000)]),
    p("1.011758", "Thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng, thẩm định Báo cáo "
      "nghiên cứu khả thi đầu tư xây dựng điều chỉnh", "XAYDUNG", "xaydung", "30",
      "Văn bản thông báo kết quả thẩm định",
      [O("Tờ trình thẩm định theo mẫu"), O("Báo cáo nghiên cứu khả thi đầu tư xây dựng"),
       O("Hồ sơ thiết kế cơ sở"), CC("Văn bản phê duyệt chủ trương đầu tư"),
       O("Hồ sơ khảo sát xây dựng")],
      [L_XD, ND175, TT28_2023]),
    p("1.011765", "Thẩm định thiết kế xây dựng triển khai sau thiết kế cơ sở, điều chỉnh thiết "
      "kế xây dựng triển khai sau thiết kế cơ sở", "XAYDUNG", "xaydung", "30",
      "Văn bản thông báo kết quả thẩm định thiết kế",
      [O("Tờ trình thẩm định theo mẫu"), O("Hồ sơ thiết kế xây dựng triển khai sau thiết kế cơ sở"),
       CC("Quyết định phê duyệt dự án"), O("Báo cáo kết quả thẩm tra thiết kế")],
      [L_XD, ND175, TT28_2023]),
    p("1.011771", "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III", "XAYDUNG",
      "xaydung", "20", "Chứng chỉ hành nghề hoạt động xây dựng",
      [O("Đơn đề nghị cấp chứng chỉ hành nghề theo mẫu"),
       O("Ảnh màu cỡ 4 x 6 cm có nền màu trắng", 2),
       CC("Văn bằng do cơ sở đào tạo hợp pháp cấp"),
       O("Bản kê khai kinh nghiệm công việc chuyên môn")],
      [L_XD, ND175, TT38_2022], on="f",
      fees=[("Lệ phí cấp chứng chỉ hành nghề hoạt động xây dựng", 150000),
            ("Phí sát hạch cấp chứng chỉ hành nghề", 300000)]),
    p("1.011786", "Cấp chứng chỉ năng lực hoạt động xây dựng hạng II, hạng III", "XAYDUNG",
      "xaydung", "20", "Chứng chỉ năng lực hoạt động xây dựng",
      [O("Đơn đề nghị cấp chứng chỉ năng lực theo mẫu"),
       C("Quyết định thành lập hoặc Giấy chứng nhận đăng ký doanh nghiệp"),
       O("Danh sách cá nhân chủ chốt kèm chứng chỉ hành nghề"),
       O("Kê khai kinh nghiệm thực hiện công việc của tổ chức")],
      [L_XD, ND175, TT38_2022], on="p",
      fees=[("Phí thẩm định cấp chứng chỉ năng lực hoạt động xây dựng", 1000000)]),
    p("1.011792", "Cấp lại chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III (do bị mất, "
      "hư hỏng hoặc hết hạn)", "XAYDUNG", "xaydung", "10",
      "Chứng chỉ hành nghề hoạt động xây dựng (cấp lại)",
      [O("Đơn đề nghị cấp lại chứng chỉ hành nghề theo mẫu"),
       O("Ảnh màu cỡ 4 x 6 cm có nền màu trắng", 2),
       O("Chứng chỉ hành nghề cũ (trường hợp bị hư hỏng hoặc hết hạn)")],
      [L_XD, ND175, TT38_2022], on="f",
      fees=[("Lệ phí cấp lại chứng chỉ hành nghề hoạt động xây dựng", 150000)]),
    p("1.011805", "Kiểm tra công tác nghiệm thu hoàn thành công trình xây dựng", "XAYDUNG",
      "xaydung", "30", "Văn bản thông báo kết quả kiểm tra công tác nghiệm thu",
      [O("Báo cáo hoàn thành thi công xây dựng công trình theo mẫu"),
       O("Danh mục hồ sơ hoàn thành công trình"),
       CC("Văn bản nghiệm thu về phòng cháy và chữa cháy (nếu có)")],
      [L_XD, ND175], on="n"),
    p("1.011813", "Cấp giấy phép hoạt động xây dựng cho nhà thầu nước ngoài thực hiện hợp đồng "
      "của dự án nhóm B, nhóm C", "XAYDUNG", "xaydung", "20",
      "Giấy phép hoạt động xây dựng cho nhà thầu nước ngoài",
      [O("Đơn đề nghị cấp giấy phép hoạt động xây dựng theo mẫu"),
       CC("Văn bản về kết quả đấu thầu hoặc quyết định chọn thầu"),
       CC("Giấy phép thành lập hoặc giấy chứng nhận đăng ký kinh doanh của nhà thầu"),
       O("Báo cáo tổng hợp kinh nghiệm chuyên môn liên quan"),
       O("Hợp đồng liên danh hoặc hợp đồng với nhà thầu phụ Việt Nam")],
      [L_XD, ND175],
      fees=[("Lệ phí cấp giấy phép hoạt động xây dựng cho nhà thầu nước ngoài", 2000000)]),
    # ----- Quy hoạch, kiến trúc ------------------------------------------------------------
    p("1.008304", "Cung cấp thông tin về quy hoạch đô thị và nông thôn", "QHKT", "xaydung", "15",
      "Văn bản cung cấp thông tin quy hoạch",
      [O("Đơn đề nghị cung cấp thông tin về quy hoạch theo mẫu"),
       C("Sơ đồ vị trí khu đất đề nghị cung cấp thông tin")],
      [L_QHDTNT], on="f"),
    p("1.008316", "Thẩm định nhiệm vụ quy hoạch chi tiết của dự án đầu tư xây dựng do nhà đầu "
      "tư tổ chức lập", "QHKT", "xaydung", "20", "Quyết định phê duyệt nhiệm vụ quy hoạch chi tiết",
      [O("Tờ trình đề nghị thẩm định, phê duyệt nhiệm vụ quy hoạch"),
       O("Thuyết minh nhiệm vụ quy hoạch chi tiết"), O("Bản vẽ sơ đồ vị trí, ranh giới", 2),
       CC("Văn bản chấp thuận chủ trương đầu tư")],
      [L_QHDTNT]),
    p("1.008323", "Thẩm định đồ án quy hoạch chi tiết của dự án đầu tư xây dựng do nhà đầu tư "
      "tổ chức lập", "QHKT", "xaydung", "25", "Quyết định phê duyệt đồ án quy hoạch chi tiết",
      [O("Tờ trình đề nghị thẩm định, phê duyệt đồ án quy hoạch"),
       O("Thuyết minh tổng hợp đồ án quy hoạch chi tiết"), O("Hồ sơ bản vẽ đồ án quy hoạch", 2),
       O("Báo cáo tổng hợp ý kiến cộng đồng dân cư, cơ quan, tổ chức có liên quan")],
      [L_QHDTNT], on="n"),
    p("1.008337", "Điều chỉnh cục bộ quy hoạch chi tiết", "QHKT", "xaydung", "15",
      "Quyết định điều chỉnh cục bộ quy hoạch chi tiết",
      [O("Tờ trình đề nghị điều chỉnh cục bộ quy hoạch"), O("Báo cáo về nội dung và kết quả điều chỉnh"),
       O("Bản vẽ thể hiện nội dung điều chỉnh", 2)],
      [L_QHDTNT], on="n"),
    p("1.008342", "Cấp chứng chỉ hành nghề kiến trúc", "QHKT", "xaydung", "15",
      "Chứng chỉ hành nghề kiến trúc",
      [O("Đơn đề nghị cấp chứng chỉ hành nghề kiến trúc theo mẫu"),
       O("Ảnh màu cỡ 4 x 6 cm có nền màu trắng", 2), CC("Văn bằng đào tạo chuyên ngành kiến trúc"),
       O("Bản kê khai kinh nghiệm hành nghề kiến trúc"),
       C("Giấy chứng nhận đạt yêu cầu sát hạch")],
      [L_KT, ND85_2020], on="p",
      fees=[("Lệ phí cấp chứng chỉ hành nghề kiến trúc", 300000)]),
    p("1.008358", "Gia hạn chứng chỉ hành nghề kiến trúc", "QHKT", "xaydung", "10",
      "Chứng chỉ hành nghề kiến trúc (gia hạn)",
      [O("Đơn đề nghị gia hạn chứng chỉ hành nghề kiến trúc theo mẫu"),
       O("Ảnh màu cỡ 4 x 6 cm có nền màu trắng", 2),
       C("Giấy chứng nhận hoàn thành chương trình phát triển nghề nghiệp liên tục")],
      [L_KT, ND85_2020], on="f",
      fees=[("Lệ phí gia hạn chứng chỉ hành nghề kiến trúc", 150000)]),
    p("1.008363", "Cấp lại chứng chỉ hành nghề kiến trúc (do bị mất, hư hỏng hoặc thay đổi "
      "thông tin cá nhân)", "QHKT", "xaydung", "10", "Chứng chỉ hành nghề kiến trúc (cấp lại)",
      [O("Đơn đề nghị cấp lại chứng chỉ hành nghề kiến trúc theo mẫu"),
       O("Ảnh màu cỡ 4 x 6 cm có nền màu trắng", 2)],
      [L_KT, ND85_2020], on="f",
      fees=[("Lệ phí cấp lại chứng chỉ hành nghề kiến trúc", 150000)]),
    # ----- Nhà ở và kinh doanh bất động sản ------------------------------------------------
    p("1.010412", "Xác nhận điều kiện về thu nhập để mua, thuê mua nhà ở xã hội", "NHAO",
      "commune", "7", "Giấy xác nhận điều kiện về thu nhập",
      [O("Đơn đề nghị xác nhận điều kiện về thu nhập theo mẫu"), C(_ID)],
      [L_NO, ND100_2024], on="f"),
    p("1.010425", "Thẩm định giá bán, giá thuê mua nhà ở xã hội được đầu tư xây dựng không "
      "bằng vốn đầu tư công, nguồn tài chính công đoàn", "NHAO", "xaydung", "30",
      "Văn bản thông báo kết quả thẩm định giá",
      [O("Tờ trình đề nghị thẩm định giá bán, giá thuê mua nhà ở xã hội"),
       O("Hồ sơ phương án giá"), CC("Quyết định phê duyệt dự án đầu tư xây dựng nhà ở xã hội")],
      [L_NO, ND100_2024]),
    p("1.010431", "Thông báo nhà ở hình thành trong tương lai đủ điều kiện được bán, cho thuê "
      "mua", "NHAO", "xaydung", "15", "Văn bản thông báo nhà ở đủ điều kiện được bán, cho thuê mua",
      [O("Văn bản đề nghị của chủ đầu tư"), CC("Giấy tờ về quyền sử dụng đất"),
       CC("Biên bản nghiệm thu hoàn thành phần móng của tòa nhà"),
       CC("Hợp đồng bảo lãnh trong bán, cho thuê mua nhà ở hình thành trong tương lai")],
      [L_KDBDS, ND96_2024, L_NO]),
    p("1.010448", "Chấp thuận việc chuyển nhượng toàn bộ hoặc một phần dự án bất động sản do Ủy "
      "ban nhân dân cấp tỉnh quyết định việc đầu tư", "NHAO", "xaydung", "30",
      "Quyết định cho phép chuyển nhượng dự án",
      [O("Đơn đề nghị cho phép chuyển nhượng dự án theo mẫu"),
       O("Hợp đồng chuyển nhượng dự án"), CC("Quyết định chấp thuận chủ trương đầu tư"),
       CC("Giấy tờ về quyền sử dụng đất của dự án")],
      [L_KDBDS, ND96_2024]),
    p("1.010453", "Cho thuê nhà ở công vụ thuộc thẩm quyền quản lý của Ủy ban nhân dân cấp tỉnh",
      "NHAO", "xaydung", "30", "Hợp đồng thuê nhà ở công vụ",
      [O("Đơn đề nghị thuê nhà ở công vụ theo mẫu"),
       CC("Quyết định điều động, luân chuyển công tác"),
       O("Giấy xác nhận chưa có nhà ở thuộc sở hữu của mình tại địa phương nơi đến công tác")],
      [L_NO, ND95_2024], on="n"),
    p("1.010467", "Bán nhà ở cũ thuộc tài sản công", "NHAO", "xaydung", "45",
      "Hợp đồng mua bán nhà ở cũ thuộc tài sản công",
      [O("Đơn đề nghị mua nhà ở cũ theo mẫu"), C("Hợp đồng thuê nhà ở"),
       C("Giấy tờ chứng minh thuộc đối tượng được miễn, giảm tiền mua nhà (nếu có)")],
      [L_NO, ND95_2024], on="n"),
    p("1.010474", "Cấp chứng chỉ hành nghề môi giới bất động sản", "NHAO", "xaydung", "10",
      "Chứng chỉ hành nghề môi giới bất động sản",
      [O("Đơn đề nghị cấp chứng chỉ hành nghề theo mẫu"), O("Hai ảnh màu cỡ 4 x 6 cm", 2),
       C("Giấy chứng nhận kết quả kỳ thi sát hạch đạt yêu cầu")],
      [L_KDBDS, ND96_2024], on="f",
      fees=[("Lệ phí cấp chứng chỉ hành nghề môi giới bất động sản", 200000)]),
    # ----- Đường bộ ------------------------------------------------------------------------
    p("1.004201", "Cấp Giấy phép kinh doanh vận tải bằng xe ô tô", "DUONGBO", "xaydung", "5",
      "Giấy phép kinh doanh vận tải bằng xe ô tô",
      [O("Giấy đề nghị cấp Giấy phép kinh doanh theo mẫu"),
       C("Văn bằng, chứng chỉ của người trực tiếp điều hành hoạt động vận tải"),
       O("Phương án kinh doanh vận tải bằng xe ô tô")],
      [L_DB, ND158], on="f",
      fees=[("Lệ phí cấp Giấy phép kinh doanh vận tải bằng xe ô tô", 200000)]),
    p("1.004215", "Cấp lại Giấy phép kinh doanh vận tải bằng xe ô tô khi có sự thay đổi liên "
      "quan đến nội dung của Giấy phép kinh doanh", "DUONGBO", "xaydung", "5",
      "Giấy phép kinh doanh vận tải bằng xe ô tô (cấp lại)",
      [O("Giấy đề nghị cấp lại Giấy phép kinh doanh theo mẫu"),
       O("Giấy phép kinh doanh được cấp trước đó"), C("Tài liệu chứng minh sự thay đổi")],
      [L_DB, ND158], on="f",
      fees=[("Lệ phí cấp lại Giấy phép kinh doanh vận tải", 200000)]),
    p("1.004222", "Cấp phù hiệu xe ô tô kinh doanh vận tải hành khách theo tuyến cố định, xe "
      "buýt, xe taxi, xe hợp đồng và kinh doanh vận tải hàng hóa", "DUONGBO", "xaydung", "2",
      "Phù hiệu xe ô tô kinh doanh vận tải",
      [O("Giấy đề nghị cấp phù hiệu theo mẫu"),
       C("Giấy chứng nhận đăng ký xe hoặc hợp đồng thuê phương tiện")],
      [L_DB, ND158], on="f"),
    p("1.004238", "Đăng ký khai thác tuyến vận tải hành khách cố định bằng xe ô tô", "DUONGBO",
      "xaydung", "5", "Thông báo đăng ký khai thác tuyến thành công",
      [O("Giấy đăng ký khai thác tuyến theo mẫu"),
       O("Phương án khai thác tuyến"),
       C("Giấy phép kinh doanh vận tải bằng xe ô tô")],
      [L_DB, ND158], on="p"),
    p("1.004243", "Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn, xe bánh xích, "
      "xe vận chuyển hàng siêu trường, siêu trọng trên đường bộ", "DUONGBO", "xaydung", "2",
      "Giấy phép lưu hành xe",
      [O("Đơn đề nghị cấp giấy phép lưu hành xe theo mẫu"),
       C("Giấy chứng nhận đăng ký xe, giấy chứng nhận kiểm định an toàn kỹ thuật"),
       O("Phương án vận chuyển (đối với hàng siêu trường, siêu trọng)")],
      [L_DB, ND165], on="f"),
    p("1.004257", "Chấp thuận thiết kế kỹ thuật và phương án tổ chức giao thông của nút giao "
      "đấu nối vào quốc lộ, đường tỉnh", "DUONGBO", "xaydung", "7",
      "Văn bản chấp thuận thiết kế và phương án tổ chức giao thông",
      [O("Đơn đề nghị chấp thuận theo mẫu"),
       O("Hồ sơ thiết kế kỹ thuật và phương án tổ chức giao thông", 2),
       CC("Văn bản chấp thuận chủ trương đấu nối")],
      [L_DB, ND165]),
    p("1.004264", "Cấp phép thi công công trình đường bộ trên tuyến quốc lộ, đường tỉnh đang "
      "khai thác", "DUONGBO", "xaydung", "7", "Giấy phép thi công",
      [O("Đơn đề nghị cấp phép thi công theo mẫu"),
       O("Hồ sơ thiết kế bản vẽ thi công đã được phê duyệt"),
       O("Phương án tổ chức thi công bảo đảm an toàn giao thông")],
      [L_DB, ND165], on="p"),
    p("1.004279", "Chấp thuận xây dựng cùng thời điểm với cấp phép thi công công trình thiết "
      "yếu trong phạm vi bảo vệ kết cấu hạ tầng giao thông đường bộ", "DUONGBO", "xaydung", "7",
      "Văn bản chấp thuận xây dựng kèm giấy phép thi công",
      [O("Đơn đề nghị chấp thuận xây dựng và cấp phép thi công theo mẫu"),
       O("Hồ sơ thiết kế công trình thiết yếu", 2),
       O("Phương án tổ chức thi công và bảo đảm an toàn giao thông")],
      [L_DB, ND165], on="n"),
    p("1.004285", "Đăng ký xe máy chuyên dùng lần đầu", "GPLX", "congan", "3",
      "Giấy chứng nhận đăng ký xe máy chuyên dùng và biển số",
      [O("Tờ khai đăng ký xe máy chuyên dùng theo mẫu"),
       C("Giấy tờ xác định quyền sở hữu xe máy chuyên dùng"),
       C("Giấy tờ xác định nguồn gốc xe máy chuyên dùng"), C(_ID)],
      [L_TTATGT, TT79_2024, TT60_2023], on="n", ps=False,
      fees=[("Lệ phí cấp giấy chứng nhận đăng ký kèm biển số xe máy chuyên dùng", 200000)]),
    # ----- Thương mại ----------------------------------------------------------------------
    p("2.005106", "Cấp Giấy phép bán buôn sản phẩm rượu", "THUONGMAI", "congthuong", "15",
      "Giấy phép bán buôn sản phẩm rượu",
      [O("Đơn đề nghị cấp Giấy phép bán buôn sản phẩm rượu theo mẫu"), C(_GCN_DN),
       CC("Giấy tờ chứng minh quyền sử dụng kho hoặc hệ thống kho"),
       CC("Hợp đồng nguyên tắc với thương nhân sản xuất hoặc phân phối sản phẩm rượu")],
      [ND105_2017, TT168], on="p",
      fees=[("Phí thẩm định cấp Giấy phép bán buôn sản phẩm rượu", 2200000)]),
    p("2.005113", "Cấp Giấy phép bán lẻ sản phẩm rượu", "THUONGMAI", "commune", "10",
      "Giấy phép bán lẻ sản phẩm rượu",
      [O("Đơn đề nghị cấp Giấy phép bán lẻ sản phẩm rượu theo mẫu"),
       C("Giấy chứng nhận đăng ký doanh nghiệp hoặc đăng ký hộ kinh doanh"),
       CC("Giấy tờ chứng minh quyền sử dụng địa điểm kinh doanh"),
       C("Văn bản giới thiệu của thương nhân bán buôn sản phẩm rượu")],
      [ND105_2017, TT168], levels=DC, on="f",
      fees=[("Phí thẩm định cấp Giấy phép bán lẻ sản phẩm rượu", 1200000)]),
    p("2.005128", "Cấp Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh", "THUONGMAI",
      "commune", "10", "Giấy phép sản xuất rượu thủ công",
      [O("Đơn đề nghị cấp Giấy phép sản xuất rượu thủ công theo mẫu"),
       C("Giấy chứng nhận đăng ký doanh nghiệp hoặc đăng ký hộ kinh doanh"),
       C("Bản công bố sản phẩm rượu hoặc giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm")],
      [ND105_2017, TT168], levels=DC,
      fees=[("Phí thẩm định cấp Giấy phép sản xuất rượu thủ công", 500000)]),
    p("2.005134", "Cấp Giấy phép bán buôn sản phẩm thuốc lá", "THUONGMAI", "congthuong", "15",
      "Giấy phép bán buôn sản phẩm thuốc lá",
      [O("Đơn đề nghị cấp Giấy phép bán buôn sản phẩm thuốc lá theo mẫu"), C(_GCN_DN),
       C("Văn bản giới thiệu của doanh nghiệp phân phối sản phẩm thuốc lá"),
       CC("Giấy tờ chứng minh quyền sử dụng kho hàng")],
      [ND67_2013, TT168], on="p",
      fees=[("Phí thẩm định cấp Giấy phép bán buôn sản phẩm thuốc lá", 2200000)]),
    p("2.005149", "Cấp Giấy phép bán lẻ sản phẩm thuốc lá", "THUONGMAI", "commune", "10",
      "Giấy phép bán lẻ sản phẩm thuốc lá",
      [O("Đơn đề nghị cấp Giấy phép bán lẻ sản phẩm thuốc lá theo mẫu"),
       C("Giấy chứng nhận đăng ký doanh nghiệp hoặc đăng ký hộ kinh doanh"),
       C("Văn bản giới thiệu của thương nhân bán buôn sản phẩm thuốc lá")],
      [ND67_2013, TT168], levels=DC, on="f",
      fees=[("Phí thẩm định cấp Giấy phép bán lẻ sản phẩm thuốc lá", 1200000)]),
    p("2.005155", "Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", "THUONGMAI",
      "congthuong", "15", "Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu",
      [O("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"), C(_GCN_DN),
       CC("Giấy tờ chứng minh cửa hàng thuộc sở hữu hoặc đồng sở hữu, thuê"),
       CC("Văn bản nghiệm thu về phòng cháy và chữa cháy"),
       CC("Quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường hoặc giấy phép môi trường")],
      [ND83_2014, TT168], on="p",
      fees=[("Phí thẩm định cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu", 1200000)]),
    p("2.005162", "Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai", "THUONGMAI",
      "congthuong", "15", "Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai",
      [O("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"), C(_GCN_DN),
       CC("Văn bản nghiệm thu về phòng cháy và chữa cháy"),
       C("Tài liệu chứng minh đáp ứng điều kiện về cửa hàng bán lẻ LPG chai")],
      [ND87_2018, TT168], on="p",
      fees=[("Phí thẩm định cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai", 1200000)]),
    p("2.005177", "Đăng ký thực hiện khuyến mại theo hình thức mang tính may rủi thực hiện trên "
      "địa bàn một tỉnh", "THUONGMAI", "congthuong", "5", "Văn bản xác nhận đăng ký thực hiện khuyến mại",
      [O("Đăng ký thực hiện khuyến mại theo mẫu"), O("Thể lệ chương trình khuyến mại"),
       O("Mẫu vé số dự thưởng (đối với chương trình khuyến mại có phát hành vé số dự thưởng)")],
      [L_TM, ND81_2018], on="f"),
    p("2.005183", "Cấp Giấy phép thành lập Văn phòng đại diện của thương nhân nước ngoài tại "
      "Việt Nam", "THUONGMAI", "congthuong", "7", "Giấy phép thành lập Văn phòng đại diện",
      [O("Đơn đề nghị cấp Giấy phép thành lập Văn phòng đại diện theo mẫu"),
       CC("Giấy tờ chứng minh sự tồn tại của thương nhân nước ngoài, đã hợp pháp hóa lãnh sự"),
       CC("Báo cáo tài chính có kiểm toán năm tài chính gần nhất"),
       CC("Hộ chiếu của người đứng đầu Văn phòng đại diện"),
       CC("Tài liệu về địa điểm dự kiến đặt trụ sở Văn phòng đại diện")],
      [L_TM, ND07_2016, TT168], on="p",
      fees=[("Phí thẩm định cấp Giấy phép thành lập Văn phòng đại diện", 3000000)]),
    p("2.005198", "Xác nhận đăng ký tổ chức hội chợ, triển lãm thương mại tại Việt Nam",
      "THUONGMAI", "congthuong", "7", "Văn bản xác nhận đăng ký tổ chức hội chợ, triển lãm",
      [O("Đăng ký tổ chức hội chợ, triển lãm thương mại theo mẫu")],
      [L_TM, ND81_2018], on="f"),
    p("2.005201", "Cấp Giấy phép kinh doanh cho tổ chức kinh tế có vốn đầu tư nước ngoài để "
      "thực hiện quyền phân phối bán lẻ hàng hóa", "THUONGMAI", "congthuong", "10",
      "Giấy phép kinh doanh",
      [O("Đơn đề nghị cấp Giấy phép kinh doanh theo mẫu"),
       O("Bản giải trình có nội dung về điều kiện cấp Giấy phép kinh doanh"),
       O("Tài liệu của cơ quan thuế chứng minh không còn nợ thuế quá hạn"), C(_GCN_DN)],
      [ND09_2018, TT168],
      fees=[("Phí thẩm định cấp Giấy phép kinh doanh", 2000000)]),
    p("2.005216", "Tiếp nhận hồ sơ thông báo hoạt động bán hàng đa cấp tại địa phương",
      "THUONGMAI", "congthuong", "7", "Văn bản xác nhận tiếp nhận hồ sơ thông báo",
      [O("Thông báo hoạt động bán hàng đa cấp theo mẫu"),
       CC("Giấy chứng nhận đăng ký hoạt động bán hàng đa cấp"),
       CC("Văn bản ủy quyền cho người đại diện tại địa phương")],
      [ND40_2018], on="f"),
    # ----- Điện ----------------------------------------------------------------------------
    p("2.006104", "Cấp giấy phép hoạt động điện lực trong lĩnh vực phân phối điện đến cấp điện "
      "áp 35 kV tại địa phương", "DIEN", "congthuong", "15", "Giấy phép hoạt động điện lực",
      [O("Văn bản đề nghị cấp giấy phép hoạt động điện lực theo mẫu"), C(_GCN_DN),
       O("Danh sách trích ngang người trực tiếp quản lý kỹ thuật, vận hành"),
       O("Danh mục công trình lưới điện phân phối đang quản lý")],
      [L_DL, TT21_2020], on="p",
      fees=[("Phí thẩm định cấp giấy phép hoạt động điện lực", 2100000)]),
    p("2.006117", "Cấp giấy phép hoạt động điện lực trong lĩnh vực phát điện đối với nhà máy "
      "điện có quy mô công suất dưới 03 MW đặt tại địa phương", "DIEN", "congthuong", "15",
      "Giấy phép hoạt động điện lực",
      [O("Văn bản đề nghị cấp giấy phép hoạt động điện lực theo mẫu"), C(_GCN_DN),
       CC("Quyết định phê duyệt dự án đầu tư xây dựng nhà máy điện"),
       CC("Biên bản nghiệm thu hoàn thành công trình")],
      [L_DL, TT21_2020], on="p",
      fees=[("Phí thẩm định cấp giấy phép hoạt động điện lực", 2100000)]),
    p("2.006125", "Cấp giấy phép hoạt động điện lực trong lĩnh vực tư vấn chuyên ngành điện lực "
      "(tư vấn đầu tư xây dựng, tư vấn giám sát)", "DIEN", "congthuong", "15",
      "Giấy phép hoạt động điện lực",
      [O("Văn bản đề nghị cấp giấy phép hoạt động điện lực theo mẫu"), C(_GCN_DN),
       O("Danh sách chuyên gia tư vấn kèm văn bằng, chứng chỉ hành nghề"),
       O("Danh sách hợp đồng tư vấn đã thực hiện")],
      [L_DL, TT21_2020], on="f",
      fees=[("Phí thẩm định cấp giấy phép hoạt động điện lực", 800000)]),
    p("2.006139", "Cấp giấy phép hoạt động điện lực trong lĩnh vực bán lẻ điện", "DIEN",
      "congthuong", "15", "Giấy phép hoạt động điện lực",
      [O("Văn bản đề nghị cấp giấy phép hoạt động điện lực theo mẫu"), C(_GCN_DN),
       O("Danh sách trích ngang người trực tiếp quản lý kinh doanh")],
      [L_DL, TT21_2020], on="f",
      fees=[("Phí thẩm định cấp giấy phép hoạt động điện lực", 700000)]),
    p("2.006144", "Sửa đổi, bổ sung giấy phép hoạt động điện lực", "DIEN", "congthuong", "10",
      "Giấy phép hoạt động điện lực (sửa đổi, bổ sung)",
      [O("Văn bản đề nghị sửa đổi, bổ sung giấy phép theo mẫu"),
       C("Tài liệu chứng minh nội dung sửa đổi, bổ sung")],
      [L_DL, TT21_2020], on="f"),
    p("2.006158", "Cấp thẻ Kiểm tra viên điện lực cho các đối tượng thuộc thẩm quyền của Sở "
      "Công Thương", "DIEN", "congthuong", "10", "Thẻ Kiểm tra viên điện lực",
      [O("Văn bản đề nghị cấp thẻ Kiểm tra viên điện lực"),
       CC("Văn bằng chuyên ngành điện"), O("Ảnh màu cỡ 3 x 4 cm", 2)],
      [L_DL], on="n"),
    # ----- Hóa chất, vật liệu nổ công nghiệp -----------------------------------------------
    p("2.007102", "Cấp Giấy chứng nhận đủ điều kiện sản xuất hóa chất sản xuất, kinh doanh có "
      "điều kiện trong lĩnh vực công nghiệp", "HOACHAT", "congthuong", "12",
      "Giấy chứng nhận đủ điều kiện sản xuất hóa chất",
      [O("Văn bản đề nghị cấp Giấy chứng nhận theo mẫu"), C(_GCN_DN),
       O("Bản kê khai địa điểm, nhà xưởng, kho chứa, trang thiết bị"),
       C("Văn bằng của người phụ trách kỹ thuật"),
       CC("Quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường")],
      [L_HC, ND113, TT168], on="p",
      fees=[("Phí thẩm định điều kiện sản xuất hóa chất", 1200000)]),
    p("2.007115", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh hóa chất sản xuất, kinh doanh có "
      "điều kiện trong lĩnh vực công nghiệp", "HOACHAT", "congthuong", "12",
      "Giấy chứng nhận đủ điều kiện kinh doanh hóa chất",
      [O("Văn bản đề nghị cấp Giấy chứng nhận theo mẫu"), C(_GCN_DN),
       O("Bản kê khai địa điểm kinh doanh, kho chứa hóa chất"),
       C("Giấy chứng nhận huấn luyện an toàn hóa chất của người lao động")],
      [L_HC, ND113, TT168], on="f",
      fees=[("Phí thẩm định điều kiện kinh doanh hóa chất", 1200000)]),
    p("2.007121", "Cấp điều chỉnh, cấp lại Giấy chứng nhận đủ điều kiện sản xuất, kinh doanh "
      "hóa chất sản xuất, kinh doanh có điều kiện trong lĩnh vực công nghiệp", "HOACHAT",
      "congthuong", "5", "Giấy chứng nhận đủ điều kiện (điều chỉnh, cấp lại)",
      [O("Văn bản đề nghị cấp điều chỉnh, cấp lại theo mẫu"),
       C("Tài liệu chứng minh nội dung điều chỉnh")],
      [L_HC, ND113, TT168], on="f",
      fees=[("Phí thẩm định cấp điều chỉnh, cấp lại", 600000)]),
    p("2.007136", "Xác nhận Kế hoạch phòng ngừa, ứng phó sự cố hóa chất trong lĩnh vực công "
      "nghiệp", "HOACHAT", "congthuong", "15",
      "Văn bản xác nhận Kế hoạch phòng ngừa, ứng phó sự cố hóa chất",
      [O("Văn bản đề nghị xác nhận theo mẫu"),
       O("Kế hoạch phòng ngừa, ứng phó sự cố hóa chất", 3)],
      [L_HC, ND113]),
    p("2.007142", "Cấp Giấy phép sử dụng vật liệu nổ công nghiệp", "HOACHAT", "congthuong",
      "10", "Giấy phép sử dụng vật liệu nổ công nghiệp",
      [O("Văn bản đề nghị cấp Giấy phép sử dụng vật liệu nổ công nghiệp"), C(_GCN_DN),
       CC("Giấy phép khai thác khoáng sản hoặc quyết định giao thầu thi công"),
       O("Thiết kế khai thác mỏ hoặc phương án nổ mìn"),
       C("Giấy chứng nhận đủ điều kiện về an ninh, trật tự")],
      [L_VK], on="n"),
    p("2.007158", "Huấn luyện kỹ thuật an toàn vật liệu nổ công nghiệp và cấp Giấy chứng nhận "
      "huấn luyện", "HOACHAT", "congthuong", "10",
      "Giấy chứng nhận huấn luyện kỹ thuật an toàn vật liệu nổ công nghiệp",
      [O("Văn bản đề nghị huấn luyện, kiểm tra và cấp Giấy chứng nhận"),
       O("Danh sách người đề nghị huấn luyện"), O("Ảnh màu cỡ 3 x 4 cm", 2)],
      [L_VK], on="n"),
    # ----- Đất đai -------------------------------------------------------------------------
    p("1.012301", "Giao đất, cho thuê đất cho cá nhân không thông qua đấu giá quyền sử dụng "
      "đất, không thông qua đấu thầu lựa chọn nhà đầu tư", "DATDAI", "commune", "20",
      "Quyết định giao đất, cho thuê đất",
      [O("Đơn xin giao đất, cho thuê đất theo mẫu"),
       C("Trích lục bản đồ địa chính hoặc trích đo bản đồ địa chính thửa đất")],
      [L_DD, ND102_2024, ND151_2025], levels=DC, sup="restart"),
    p("1.012318", "Chuyển mục đích sử dụng đất đối với cá nhân", "DATDAI", "commune", "20",
      "Quyết định cho phép chuyển mục đích sử dụng đất",
      [O("Đơn xin chuyển mục đích sử dụng đất theo mẫu"),
       O("Giấy chứng nhận quyền sử dụng đất đã cấp")],
      [L_DD, ND102_2024, ND151_2025], levels=DC, sup="restart", inter=True, on="p"),
    p("1.012322", "Đăng ký đất đai, tài sản gắn liền với đất, cấp Giấy chứng nhận quyền sử dụng "
      "đất, quyền sở hữu tài sản gắn liền với đất lần đầu đối với cá nhân, cộng đồng dân cư",
      "DATDAI", "commune", "20",
      "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
      [O("Đơn đăng ký đất đai, tài sản gắn liền với đất theo mẫu"),
       CC("Giấy tờ về quyền sử dụng đất theo quy định (nếu có)"),
       CC("Giấy tờ về tài sản gắn liền với đất (nếu có)"),
       C("Chứng từ thực hiện nghĩa vụ tài chính hoặc giấy tờ miễn, giảm (nếu có)")],
      [L_DD, ND101_2024, ND151_2025], levels=DC, sup="restart", inter=True,
      fees=[("Lệ phí cấp Giấy chứng nhận quyền sử dụng đất", 100000)]),
    p("1.012337", "Hòa giải tranh chấp đất đai", "DATDAI", "commune", "30",
      "Biên bản hòa giải thành hoặc không thành",
      [O("Đơn đề nghị hòa giải tranh chấp đất đai"),
       C("Giấy tờ, tài liệu liên quan đến thửa đất tranh chấp")],
      [L_DD, ND102_2024], on="n"),
    p("1.012343", "Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân "
      "cấp xã", "DATDAI", "commune", "45", "Quyết định giải quyết tranh chấp đất đai",
      [O("Đơn yêu cầu giải quyết tranh chấp đất đai"),
       O("Biên bản hòa giải tại Ủy ban nhân dân cấp xã"),
       C("Giấy tờ, chứng cứ liên quan đến việc tranh chấp")],
      [L_DD, ND102_2024, ND151_2025], levels=DC, on="n"),
    p("1.012356", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất "
      "do chuyển đổi, chuyển nhượng, thừa kế, tặng cho, góp vốn", "DATDAI", "nnmt", "8",
      "Giấy chứng nhận quyền sử dụng đất hoặc xác nhận biến động trên Giấy chứng nhận",
      [O("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất theo mẫu"),
       O("Giấy chứng nhận đã cấp"),
       O("Hợp đồng, văn bản về chuyển nhượng, thừa kế, tặng cho đã công chứng, chứng thực"),
       O("Tờ khai thuế thu nhập cá nhân, tờ khai lệ phí trước bạ")],
      [L_DD, ND101_2024], on="f", inter=True,
      fees=[("Lệ phí cấp Giấy chứng nhận quyền sử dụng đất", 50000)]),
    p("1.012362", "Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", "DATDAI",
      "nnmt", "1", "Giấy chứng nhận đã được chứng nhận đăng ký thế chấp",
      [O("Phiếu yêu cầu đăng ký thế chấp theo mẫu"),
       O("Hợp đồng thế chấp đã công chứng, chứng thực"), O("Giấy chứng nhận đã cấp")],
      [L_DD, ND101_2024, "Nghị định số 99/2022/NĐ-CP về đăng ký biện pháp bảo đảm"],
      cutoff="15:00", on="f",
      fees=[("Lệ phí đăng ký thế chấp", 80000)]),
    p("1.012379", "Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", "DATDAI",
      "nnmt", "1", "Giấy chứng nhận đã được xóa đăng ký thế chấp",
      [O("Phiếu yêu cầu xóa đăng ký theo mẫu"), O("Giấy chứng nhận đã cấp"),
       O("Văn bản đồng ý xóa đăng ký của bên nhận thế chấp")],
      [L_DD, ND101_2024, "Nghị định số 99/2022/NĐ-CP về đăng ký biện pháp bảo đảm"],
      on="f", fees=[("Lệ phí xóa đăng ký thế chấp", 20000)]),
    p("1.012384", "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với "
      "đất", "DATDAI", "nnmt", "7", "Giấy chứng nhận (cấp đổi)",
      [O("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất theo mẫu"),
       O("Giấy chứng nhận đã cấp")],
      [L_DD, ND101_2024], on="f",
      fees=[("Lệ phí cấp đổi Giấy chứng nhận", 50000)], inter=True),
    p("1.012391", "Cấp lại Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với "
      "đất do bị mất", "DATDAI", "nnmt", "10", "Giấy chứng nhận (cấp lại)",
      [O("Đơn đề nghị cấp lại Giấy chứng nhận theo mẫu"),
       O("Giấy xác nhận của Ủy ban nhân dân cấp xã về việc niêm yết thông báo mất Giấy chứng nhận")],
      [L_DD, ND101_2024], fees=[("Lệ phí cấp lại Giấy chứng nhận", 50000)], inter=True),
    p("1.012407", "Đính chính Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền "
      "với đất đã cấp", "DATDAI", "nnmt", "5", "Giấy chứng nhận đã được đính chính",
      [O("Đơn đề nghị đính chính theo mẫu"), O("Giấy chứng nhận đã cấp có sai sót")],
      [L_DD, ND101_2024], on="f"),
    p("1.012414", "Tách thửa hoặc hợp thửa đất", "DATDAI", "nnmt", "15",
      "Giấy chứng nhận cho thửa đất mới sau tách, hợp thửa",
      [O("Đơn đề nghị tách thửa đất, hợp thửa đất theo mẫu"),
       O("Bản vẽ tách thửa đất, hợp thửa đất"), O("Giấy chứng nhận đã cấp")],
      [L_DD, ND101_2024], on="p",
      fees=[("Lệ phí cấp Giấy chứng nhận", 50000)], inter=True),
    p("1.012428", "Giao đất, cho thuê đất cho tổ chức không thông qua đấu giá quyền sử dụng đất",
      "DATDAI", "nnmt", "20", "Quyết định giao đất, cho thuê đất",
      [O("Đơn xin giao đất, cho thuê đất theo mẫu"),
       CC("Văn bản chấp thuận chủ trương đầu tư hoặc quyết định phê duyệt dự án"),
       C("Trích lục bản đồ địa chính hoặc trích đo bản đồ địa chính thửa đất")],
      [L_DD, ND102_2024], inter=True),
    p("1.012435", "Gia hạn sử dụng đất khi hết thời hạn sử dụng đất", "DATDAI", "nnmt", "7",
      "Quyết định gia hạn sử dụng đất",
      [O("Đơn đề nghị gia hạn sử dụng đất theo mẫu"), O("Giấy chứng nhận đã cấp"),
       C("Văn bản điều chỉnh dự án đầu tư về thời hạn hoạt động (nếu có)")],
      [L_DD, ND102_2024], on="p", inter=True),
    p("1.012446", "Cung cấp thông tin, dữ liệu đất đai", "DATDAI", "nnmt", "3",
      "Thông tin, dữ liệu đất đai được cung cấp",
      [O("Phiếu yêu cầu cung cấp thông tin, dữ liệu đất đai theo mẫu")],
      [L_DD, ND101_2024], on="f",
      fees=[("Phí khai thác và sử dụng tài liệu đất đai (mỗi hồ sơ, tài liệu)", 50000)]),
    # ----- Môi trường ----------------------------------------------------------------------
    p("1.006102", "Thẩm định báo cáo đánh giá tác động môi trường", "MOITRUONG", "nnmt", "30",
      "Quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường",
      [O("Văn bản đề nghị thẩm định báo cáo đánh giá tác động môi trường theo mẫu"),
       O("Báo cáo đánh giá tác động môi trường"),
       O("Báo cáo nghiên cứu khả thi hoặc tài liệu tương đương của dự án")],
      [L_BVMT, ND08_2022, TT02_2022],
      fees=[("Phí thẩm định báo cáo đánh giá tác động môi trường (dự án có tổng vốn đầu tư dưới 50 tỷ đồng)", 7000000)]),
    p("1.006115", "Cấp giấy phép môi trường thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh",
      "MOITRUONG", "nnmt", "30", "Giấy phép môi trường",
      [O("Văn bản đề nghị cấp giấy phép môi trường theo mẫu"),
       O("Báo cáo đề xuất cấp giấy phép môi trường"),
       C("Báo cáo nghiên cứu khả thi hoặc tài liệu tương đương của dự án")],
      [L_BVMT, ND08_2022, TT02_2022], on="p",
      fees=[("Phí thẩm định cấp giấy phép môi trường", 6000000)]),
    p("1.006121", "Cấp đổi giấy phép môi trường", "MOITRUONG", "nnmt", "10",
      "Giấy phép môi trường (cấp đổi)",
      [O("Văn bản đề nghị cấp đổi giấy phép môi trường theo mẫu"),
       C("Tài liệu chứng minh nội dung thay đổi")],
      [L_BVMT, ND08_2022], on="f"),
    p("1.006137", "Điều chỉnh giấy phép môi trường", "MOITRUONG", "nnmt", "15",
      "Giấy phép môi trường (điều chỉnh)",
      [O("Văn bản đề nghị điều chỉnh giấy phép môi trường theo mẫu"),
       O("Báo cáo về nội dung đề nghị điều chỉnh")],
      [L_BVMT, ND08_2022], on="f"),
    p("1.006142", "Cấp lại giấy phép môi trường", "MOITRUONG", "nnmt", "30",
      "Giấy phép môi trường (cấp lại)",
      [O("Văn bản đề nghị cấp lại giấy phép môi trường theo mẫu"),
       O("Báo cáo đề xuất cấp lại giấy phép môi trường")],
      [L_BVMT, ND08_2022]),
    p("1.006158", "Cấp giấy phép môi trường thuộc thẩm quyền của Ủy ban nhân dân cấp xã",
      "MOITRUONG", "commune", "15", "Giấy phép môi trường",
      [O("Văn bản đề nghị cấp giấy phép môi trường theo mẫu"),
       O("Báo cáo đề xuất cấp giấy phép môi trường")],
      [L_BVMT, ND08_2022, TT02_2022], levels=DC, on="p", sup="restart"),
    p("1.006163", "Đăng ký môi trường", "MOITRUONG", "commune", "5",
      "Xác nhận tiếp nhận đăng ký môi trường",
      [O("Văn bản đăng ký môi trường theo mẫu")],
      [L_BVMT, ND08_2022], levels=DC, on="f"),
    p("1.006179", "Xác nhận hoàn thành phương án cải tạo, phục hồi môi trường", "MOITRUONG",
      "nnmt", "30", "Văn bản xác nhận hoàn thành phương án cải tạo, phục hồi môi trường",
      [O("Văn bản đề nghị xác nhận hoàn thành phương án cải tạo, phục hồi môi trường"),
       O("Báo cáo kết quả thực hiện phương án cải tạo, phục hồi môi trường")],
      [L_BVMT, ND08_2022], on="n"),
    # ----- Tài nguyên nước -----------------------------------------------------------------
    p("1.007104", "Cấp giấy phép thăm dò nước dưới đất đối với công trình có lưu lượng dưới "
      "3.000 m3/ngày đêm", "TNN", "nnmt", "30", "Giấy phép thăm dò nước dưới đất",
      [O("Đơn đề nghị cấp giấy phép thăm dò nước dưới đất theo mẫu"),
       O("Đề án thăm dò nước dưới đất")],
      [L_TNN, ND54_2024], on="p",
      fees=[("Phí thẩm định đề án thăm dò nước dưới đất", 1400000)]),
    p("1.007117", "Cấp giấy phép khai thác nước dưới đất đối với công trình có lưu lượng dưới "
      "3.000 m3/ngày đêm", "TNN", "nnmt", "30", "Giấy phép khai thác nước dưới đất",
      [O("Đơn đề nghị cấp giấy phép khai thác nước dưới đất theo mẫu"),
       O("Báo cáo kết quả thăm dò đánh giá trữ lượng nước dưới đất"),
       O("Kết quả phân tích chất lượng nguồn nước")],
      [L_TNN, ND54_2024], on="p",
      fees=[("Phí thẩm định hồ sơ cấp giấy phép khai thác nước dưới đất", 1400000)]),
    p("1.007125", "Cấp giấy phép khai thác, sử dụng nước mặt cho sản xuất nông nghiệp, nuôi "
      "trồng thủy sản với lưu lượng dưới 2 m3/giây", "TNN", "nnmt", "30",
      "Giấy phép khai thác, sử dụng nước mặt",
      [O("Đơn đề nghị cấp giấy phép khai thác, sử dụng nước mặt theo mẫu"),
       O("Đề án khai thác, sử dụng nước mặt"), O("Kết quả phân tích chất lượng nguồn nước")],
      [L_TNN, ND54_2024], on="p",
      fees=[("Phí thẩm định đề án khai thác, sử dụng nước mặt", 1800000)]),
    p("1.007131", "Gia hạn, điều chỉnh nội dung giấy phép khai thác tài nguyên nước", "TNN",
      "nnmt", "25", "Giấy phép khai thác tài nguyên nước (gia hạn, điều chỉnh)",
      [O("Đơn đề nghị gia hạn, điều chỉnh giấy phép theo mẫu"),
       O("Báo cáo hiện trạng khai thác, sử dụng nước")],
      [L_TNN, ND54_2024], on="f",
      fees=[("Phí thẩm định hồ sơ gia hạn, điều chỉnh giấy phép", 700000)]),
    p("1.007146", "Cấp lại giấy phép tài nguyên nước", "TNN", "nnmt", "10",
      "Giấy phép tài nguyên nước (cấp lại)",
      [O("Đơn đề nghị cấp lại giấy phép theo mẫu"),
       C("Tài liệu chứng minh lý do đề nghị cấp lại")],
      [L_TNN, ND54_2024], on="f"),
    p("1.007152", "Cấp giấy phép hành nghề khoan nước dưới đất quy mô vừa và nhỏ", "TNN", "nnmt",
      "10", "Giấy phép hành nghề khoan nước dưới đất",
      [O("Đơn đề nghị cấp giấy phép hành nghề khoan nước dưới đất theo mẫu"),
       CC("Văn bằng chuyên môn, giấy tờ chứng minh kinh nghiệm của người chịu trách nhiệm chính kỹ thuật"),
       O("Bản khai năng lực chuyên môn kỹ thuật hành nghề khoan nước dưới đất")],
      [L_TNN, ND54_2024], on="f",
      fees=[("Phí thẩm định điều kiện hành nghề khoan nước dưới đất", 1000000)]),
    p("1.007167", "Đăng ký khai thác, sử dụng tài nguyên nước", "TNN", "commune", "10",
      "Xác nhận đăng ký khai thác, sử dụng tài nguyên nước",
      [O("Tờ khai đăng ký khai thác, sử dụng tài nguyên nước theo mẫu")],
      [L_TNN, ND54_2024], levels=DC, on="f"),
    # ----- Địa chất và khoáng sản ----------------------------------------------------------
    p("2.008103", "Cấp giấy phép thăm dò khoáng sản thuộc thẩm quyền của Ủy ban nhân dân cấp "
      "tỉnh", "KHOANGSAN", "nnmt", "45", "Giấy phép thăm dò khoáng sản",
      [O("Đơn đề nghị cấp giấy phép thăm dò khoáng sản theo mẫu"),
       O("Đề án thăm dò khoáng sản"), O("Bản đồ khu vực thăm dò khoáng sản"),
       C("Văn bản xác nhận trúng đấu giá quyền khai thác khoáng sản (nếu có)")],
      [L_KS, TT191],
      fees=[("Lệ phí cấp giấy phép thăm dò khoáng sản (diện tích dưới 100 ha)", 4000000)]),
    p("2.008116", "Phê duyệt trữ lượng khoáng sản", "KHOANGSAN", "nnmt", "60",
      "Quyết định phê duyệt trữ lượng khoáng sản",
      [O("Văn bản đề nghị phê duyệt trữ lượng khoáng sản"),
       O("Báo cáo kết quả thăm dò khoáng sản"), O("Bản đồ, phụ lục và tài liệu nguyên thủy")],
      [L_KS, TT191],
      fees=[("Phí thẩm định đánh giá trữ lượng khoáng sản", 10000000)], on="n"),
    p("2.008122", "Cấp giấy phép khai thác khoáng sản thuộc thẩm quyền của Ủy ban nhân dân cấp "
      "tỉnh", "KHOANGSAN", "nnmt", "60", "Giấy phép khai thác khoáng sản",
      [O("Đơn đề nghị cấp giấy phép khai thác khoáng sản theo mẫu"),
       O("Bản đồ khu vực khai thác khoáng sản"), CC("Quyết định phê duyệt trữ lượng khoáng sản"),
       CC("Báo cáo nghiên cứu khả thi đầu tư khai thác khoáng sản"),
       CC("Quyết định phê duyệt kết quả thẩm định báo cáo đánh giá tác động môi trường")],
      [L_KS, TT191],
      fees=[("Lệ phí cấp giấy phép khai thác khoáng sản làm vật liệu xây dựng thông thường", 5000000)]),
    p("2.008137", "Gia hạn giấy phép khai thác khoáng sản", "KHOANGSAN", "nnmt", "30",
      "Giấy phép khai thác khoáng sản (gia hạn)",
      [O("Đơn đề nghị gia hạn giấy phép khai thác khoáng sản theo mẫu"),
       O("Báo cáo kết quả khai thác khoáng sản"), O("Bản đồ hiện trạng khu vực khai thác")],
      [L_KS, TT191],
      fees=[("Lệ phí gia hạn giấy phép khai thác khoáng sản", 2500000)]),
    p("2.008141", "Trả lại giấy phép khai thác khoáng sản, trả lại một phần diện tích khu vực "
      "khai thác khoáng sản", "KHOANGSAN", "nnmt", "30",
      "Quyết định cho phép trả lại giấy phép khai thác khoáng sản",
      [O("Đơn đề nghị trả lại giấy phép khai thác khoáng sản theo mẫu"),
       O("Giấy phép khai thác khoáng sản"), O("Báo cáo kết quả khai thác đến thời điểm trả lại")],
      [L_KS], on="n"),
    p("2.008155", "Đóng cửa mỏ khoáng sản", "KHOANGSAN", "nnmt", "45",
      "Quyết định đóng cửa mỏ khoáng sản",
      [O("Văn bản đề nghị đóng cửa mỏ khoáng sản"), O("Đề án đóng cửa mỏ khoáng sản"),
       O("Bản đồ hiện trạng khu vực khai thác")],
      [L_KS], on="n"),
    # ----- Trồng trọt và bảo vệ thực vật ---------------------------------------------------
    p("3.000104", "Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật", "TRONGTROT",
      "nnmt", "20", "Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật",
      [O("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"),
       O("Bản thuyết minh điều kiện buôn bán thuốc bảo vệ thực vật theo mẫu"),
       CC("Văn bằng, chứng chỉ chuyên môn về bảo vệ thực vật của người trực tiếp quản lý")],
      [L_BVTV], on="f",
      fees=[("Phí thẩm định điều kiện buôn bán thuốc bảo vệ thực vật", 500000)]),
    p("3.000117", "Cấp lại Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật",
      "TRONGTROT", "nnmt", "5", "Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật",
      [O("Đơn đề nghị cấp lại Giấy chứng nhận theo mẫu"),
       C("Giấy chứng nhận đã được cấp (trường hợp bị hư hỏng hoặc thay đổi thông tin)")],
      [L_BVTV], on="f"),
    p("3.000123", "Cấp Giấy chứng nhận đủ điều kiện buôn bán phân bón", "TRONGTROT", "nnmt", "20",
      "Giấy chứng nhận đủ điều kiện buôn bán phân bón",
      [O("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"),
       C("Giấy chứng nhận bồi dưỡng chuyên môn về phân bón hoặc văn bằng chuyên ngành")],
      [L_TT, ND84_2019], on="f",
      fees=[("Phí thẩm định điều kiện buôn bán phân bón", 500000)]),
    p("3.000138", "Cấp giấy xác nhận nội dung quảng cáo thuốc bảo vệ thực vật", "TRONGTROT",
      "nnmt", "10", "Giấy xác nhận nội dung quảng cáo",
      [O("Đơn đề nghị xác nhận nội dung quảng cáo theo mẫu"),
       O("Kịch bản quảng cáo, sản phẩm quảng cáo dự kiến"),
       C("Giấy chứng nhận đăng ký thuốc bảo vệ thực vật")],
      [L_BVTV, L_QC], on="f",
      fees=[("Phí xác nhận nội dung quảng cáo", 600000)]),
    p("3.000144", "Công nhận cây đầu dòng, vườn cây đầu dòng của cây trồng lâu năm", "TRONGTROT",
      "nnmt", "20", "Quyết định công nhận cây đầu dòng, vườn cây đầu dòng",
      [O("Đơn đề nghị công nhận theo mẫu"), O("Báo cáo kết quả bình tuyển cây đầu dòng"),
       O("Sơ đồ vị trí cây đầu dòng, vườn cây đầu dòng")],
      [L_TT, ND94_2019]),
    p("3.000159", "Đăng ký chuyển đổi cơ cấu cây trồng trên đất trồng lúa", "TRONGTROT",
      "commune", "5", "Văn bản chấp thuận chuyển đổi cơ cấu cây trồng",
      [O("Bản đăng ký chuyển đổi cơ cấu cây trồng trên đất trồng lúa theo mẫu")],
      [L_TT, ND112_2024], levels=DC, on="f"),
    # ----- Chăn nuôi và thú y --------------------------------------------------------------
    p("3.001107", "Cấp Giấy chứng nhận đủ điều kiện chăn nuôi đối với chăn nuôi trang trại quy "
      "mô lớn", "CHANNUOITY", "nnmt", "15", "Giấy chứng nhận đủ điều kiện chăn nuôi",
      [O("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"),
       O("Thuyết minh về điều kiện chăn nuôi theo mẫu")],
      [L_CN, ND13_2020], on="p",
      fees=[("Phí thẩm định điều kiện chăn nuôi", 3000000)]),
    p("3.001112", "Cấp Giấy chứng nhận đủ điều kiện sản xuất thức ăn chăn nuôi thương mại, thức "
      "ăn chăn nuôi theo đặt hàng", "CHANNUOITY", "nnmt", "20",
      "Giấy chứng nhận đủ điều kiện sản xuất thức ăn chăn nuôi",
      [O("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"),
       O("Thuyết minh điều kiện sản xuất thức ăn chăn nuôi theo mẫu")],
      [L_CN, ND13_2020], on="p",
      fees=[("Phí thẩm định điều kiện sản xuất thức ăn chăn nuôi", 5700000)]),
    p("3.001128", "Cấp Giấy chứng nhận đủ điều kiện vệ sinh thú y đối với cơ sở sản xuất, kinh "
      "doanh động vật, sản phẩm động vật", "CHANNUOITY", "nnmt", "7",
      "Giấy chứng nhận đủ điều kiện vệ sinh thú y",
      [O("Đơn đăng ký cấp Giấy chứng nhận đủ điều kiện vệ sinh thú y theo mẫu"),
       O("Bản thuyết minh về điều kiện vệ sinh thú y của cơ sở")],
      [L_TY, ND35_2016], on="f",
      fees=[("Phí thẩm định điều kiện vệ sinh thú y", 230000)]),
    p("3.001133", "Cấp chứng chỉ hành nghề thú y (tiêm phòng, chữa bệnh, phẫu thuật động vật; tư "
      "vấn; khám bệnh, chẩn đoán, xét nghiệm bệnh động vật; buôn bán thuốc thú y)", "CHANNUOITY",
      "nnmt", "5", "Chứng chỉ hành nghề thú y",
      [O("Đơn đề nghị cấp chứng chỉ hành nghề thú y theo mẫu"),
       CC("Văn bằng, chứng chỉ chuyên môn phù hợp"), O("Ảnh màu cỡ 4 x 6 cm", 2)],
      [L_TY, ND35_2016], on="f",
      fees=[("Lệ phí cấp chứng chỉ hành nghề thú y", 70000)]),
    p("3.001149", "Cấp Giấy chứng nhận kiểm dịch động vật, sản phẩm động vật trên cạn vận chuyển "
      "ra khỏi địa bàn cấp tỉnh", "CHANNUOITY", "nnmt", "1",
      "Giấy chứng nhận kiểm dịch động vật, sản phẩm động vật",
      [O("Giấy đăng ký kiểm dịch theo mẫu"),
       C("Giấy chứng nhận tiêm phòng hoặc kết quả xét nghiệm bệnh (nếu có)")],
      [L_TY, ND35_2016], on="f",
      fees=[("Phí kiểm dịch động vật, sản phẩm động vật (mỗi lô hàng)", 40000)]),
    p("3.001154", "Cấp Giấy chứng nhận cơ sở an toàn dịch bệnh động vật", "CHANNUOITY", "nnmt",
      "15", "Giấy chứng nhận cơ sở an toàn dịch bệnh động vật",
      [O("Đơn đăng ký chứng nhận cơ sở an toàn dịch bệnh động vật theo mẫu"),
       O("Báo cáo điều kiện cơ sở"), O("Kết quả giám sát dịch bệnh động vật")],
      [L_TY, ND35_2016],
      fees=[("Phí thẩm định cơ sở an toàn dịch bệnh động vật", 300000)], on="n"),
    p("3.001168", "Kê khai hoạt động chăn nuôi", "CHANNUOITY", "commune", "1",
      "Xác nhận tiếp nhận kê khai hoạt động chăn nuôi",
      [O("Bản kê khai hoạt động chăn nuôi theo mẫu")],
      [L_CN, ND13_2020], on="f"),
    # ----- Thủy sản ------------------------------------------------------------------------
    p("3.002101", "Cấp, cấp lại giấy phép khai thác thủy sản", "THUYSAN", "nnmt", "6",
      "Giấy phép khai thác thủy sản",
      [O("Đơn đề nghị cấp, cấp lại giấy phép khai thác thủy sản theo mẫu"),
       C("Giấy chứng nhận đăng ký tàu cá"), C("Giấy chứng nhận an toàn kỹ thuật tàu cá"),
       C("Văn bằng, chứng chỉ thuyền trưởng, máy trưởng")],
      [L_TS, ND26_2019], on="f",
      fees=[("Lệ phí cấp giấy phép khai thác thủy sản", 40000)]),
    p("3.002118", "Cấp văn bản chấp thuận đóng mới, cải hoán, thuê, mua tàu cá trên biển",
      "THUYSAN", "nnmt", "5", "Văn bản chấp thuận đóng mới, cải hoán, thuê, mua tàu cá",
      [O("Đơn đề nghị chấp thuận theo mẫu"),
       C("Giấy chứng nhận đăng ký tàu cá (trường hợp cải hoán)")],
      [L_TS, ND26_2019], on="f"),
    p("3.002124", "Đăng ký tàu cá", "THUYSAN", "nnmt", "3", "Giấy chứng nhận đăng ký tàu cá",
      [O("Tờ khai đăng ký tàu cá theo mẫu"), CC("Giấy chứng nhận xóa đăng ký (tàu cá đã qua sử dụng)"),
       C("Biên lai nộp thuế trước bạ"), C("Giấy chứng nhận an toàn kỹ thuật tàu cá")],
      [L_TS, ND26_2019], fees=[("Lệ phí cấp giấy chứng nhận đăng ký tàu cá", 40000)]),
    p("3.002139", "Xóa đăng ký tàu cá", "THUYSAN", "nnmt", "3", "Giấy chứng nhận xóa đăng ký tàu cá",
      [O("Tờ khai xóa đăng ký tàu cá theo mẫu"), O("Giấy chứng nhận đăng ký tàu cá bản gốc")],
      [L_TS, ND26_2019], on="f"),
    p("3.002145", "Cấp Giấy chứng nhận an toàn kỹ thuật tàu cá", "THUYSAN", "nnmt", "3",
      "Giấy chứng nhận an toàn kỹ thuật tàu cá",
      [O("Giấy đề nghị kiểm tra an toàn kỹ thuật tàu cá theo mẫu"),
       C("Hồ sơ thiết kế đã được thẩm định")],
      [L_TS, ND26_2019], on="n"),
    p("3.002150", "Cấp, cấp lại Giấy xác nhận đăng ký nuôi trồng thủy sản lồng bè, đối tượng "
      "thủy sản nuôi chủ lực", "THUYSAN", "commune", "5",
      "Giấy xác nhận đăng ký nuôi trồng thủy sản",
      [O("Đơn đề nghị cấp Giấy xác nhận đăng ký nuôi trồng thủy sản theo mẫu"),
       C("Quyết định giao khu vực biển hoặc giấy tờ về quyền sử dụng đất, mặt nước")],
      [L_TS, ND26_2019], levels=DC, on="f"),
    p("3.002166", "Cấp Giấy xác nhận nguyên liệu thủy sản khai thác", "THUYSAN", "nnmt", "2",
      "Giấy xác nhận nguyên liệu thủy sản khai thác",
      [O("Giấy đề nghị xác nhận nguyên liệu thủy sản khai thác theo mẫu"),
       C("Giấy biên nhận bốc dỡ thủy sản qua cảng")],
      [L_TS, ND26_2019], on="f"),
    # ----- Lâm nghiệp ----------------------------------------------------------------------
    p("3.003102", "Phê duyệt phương án quản lý rừng bền vững đối với chủ rừng là tổ chức",
      "LAMNGHIEP", "nnmt", "30", "Quyết định phê duyệt phương án quản lý rừng bền vững",
      [O("Văn bản đề nghị phê duyệt phương án theo mẫu"),
       O("Phương án quản lý rừng bền vững")],
      [L_LN, ND156]),
    p("3.003118", "Giao rừng, cho thuê rừng cho cá nhân; giao rừng cho cộng đồng dân cư",
      "LAMNGHIEP", "commune", "30", "Quyết định giao rừng, cho thuê rừng",
      [O("Đơn đề nghị giao rừng, thuê rừng theo mẫu"),
       O("Kế hoạch quản lý rừng (đối với cộng đồng dân cư)")],
      [L_LN, ND156], levels=DC, on="n"),
    p("3.003123", "Phê duyệt phương án khai thác thực vật rừng loài thông thường thuộc sở hữu "
      "toàn dân", "LAMNGHIEP", "nnmt", "10", "Quyết định phê duyệt phương án khai thác",
      [O("Văn bản đề nghị phê duyệt phương án khai thác"),
       O("Phương án khai thác thực vật rừng")],
      [L_LN, ND156, TT26_2022], on="n"),
    p("3.003139", "Xác nhận bảng kê lâm sản", "LAMNGHIEP", "nnmt", "3",
      "Bảng kê lâm sản được xác nhận",
      [O("Bảng kê lâm sản theo mẫu"), C("Hồ sơ nguồn gốc lâm sản")],
      [L_LN, TT26_2022], on="n"),
    p("3.003144", "Cấp mã số cơ sở nuôi, trồng các loài động vật rừng, thực vật rừng nguy cấp, "
      "quý, hiếm", "LAMNGHIEP", "nnmt", "5", "Mã số cơ sở nuôi, trồng",
      [O("Đề nghị cấp mã số cơ sở nuôi, trồng theo mẫu"), O("Phương án nuôi, trồng")],
      [L_LN, ND156], on="f"),
    p("3.003151", "Nộp tiền trồng rừng thay thế về Quỹ bảo vệ và phát triển rừng của tỉnh",
      "LAMNGHIEP", "nnmt", "10", "Văn bản xác nhận số tiền trồng rừng thay thế",
      [O("Văn bản đề nghị nộp tiền trồng rừng thay thế"),
       CC("Quyết định chuyển mục đích sử dụng rừng sang mục đích khác")],
      [L_LN, ND156], on="n"),
    # ----- Lao động ------------------------------------------------------------------------
    p("2.009104", "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
      "LAODONG", "noivu", "5", "Giấy phép lao động",
      [O("Văn bản đề nghị cấp giấy phép lao động theo mẫu"), O("Giấy chứng nhận sức khỏe"),
       CC("Phiếu lý lịch tư pháp hoặc văn bản xác nhận không phải là người phạm tội"),
       CC("Văn bản chứng minh là nhà quản lý, giám đốc điều hành, chuyên gia hoặc lao động kỹ thuật"),
       O("Hai ảnh màu cỡ 4 x 6 cm", 2), CC("Hộ chiếu còn giá trị")],
      [L_LD, ND152], on="f",
      fees=[("Lệ phí cấp giấy phép lao động", 600000)]),
    p("2.009117", "Cấp lại giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
      "LAODONG", "noivu", "3", "Giấy phép lao động (cấp lại)",
      [O("Văn bản đề nghị cấp lại giấy phép lao động theo mẫu"), O("Hai ảnh màu cỡ 4 x 6 cm", 2),
       O("Giấy phép lao động còn thời hạn đã được cấp")],
      [L_LD, ND152], on="f", fees=[("Lệ phí cấp lại giấy phép lao động", 450000)]),
    p("2.009123", "Gia hạn giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
      "LAODONG", "noivu", "5", "Giấy phép lao động (gia hạn)",
      [O("Văn bản đề nghị gia hạn giấy phép lao động theo mẫu"), O("Hai ảnh màu cỡ 4 x 6 cm", 2),
       O("Giấy phép lao động còn thời hạn đã được cấp"), O("Giấy chứng nhận sức khỏe")],
      [L_LD, ND152], on="f", fees=[("Lệ phí gia hạn giấy phép lao động", 450000)]),
    p("2.009138", "Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động",
      "LAODONG", "noivu", "3", "Văn bản xác nhận không thuộc diện cấp giấy phép lao động",
      [O("Văn bản đề nghị xác nhận theo mẫu"), O("Giấy chứng nhận sức khỏe"),
       CC("Văn bản chứng minh thuộc trường hợp không thuộc diện cấp giấy phép lao động")],
      [L_LD, ND152], on="f"),
    p("2.009144", "Đăng ký nội quy lao động của doanh nghiệp", "LAODONG", "noivu", "7",
      "Thông báo về việc đăng ký nội quy lao động",
      [O("Văn bản đề nghị đăng ký nội quy lao động"), O("Nội quy lao động"),
       O("Văn bản góp ý của tổ chức đại diện người lao động tại cơ sở (nếu có)")],
      [L_LD, ND145], on="f"),
    p("2.009159", "Đăng ký hợp đồng nhận lao động thực tập thời hạn dưới 90 ngày", "LAODONG",
      "noivu", "5", "Văn bản chấp thuận đăng ký hợp đồng",
      [O("Văn bản đăng ký hợp đồng nhận lao động thực tập theo mẫu"),
       CC("Hợp đồng nhận lao động thực tập"), O("Danh sách người lao động đi thực tập")],
      [L_NLDNN], on="f"),
    p("2.009165", "Đăng ký hợp đồng lao động do người lao động trực tiếp giao kết đi làm việc "
      "ở nước ngoài", "LAODONG", "noivu", "5", "Văn bản xác nhận đăng ký hợp đồng lao động",
      [O("Văn bản đăng ký hợp đồng lao động theo mẫu"), CC("Hợp đồng lao động"),
       CC("Hộ chiếu còn giá trị")],
      [L_NLDNN], on="f"),
    p("2.009172", "Cấp giấy phép hoạt động cho thuê lại lao động", "LAODONG", "noivu", "20",
      "Giấy phép hoạt động cho thuê lại lao động",
      [O("Văn bản đề nghị cấp giấy phép theo mẫu"), O("Bản lý lịch tự thuật của người đại diện theo pháp luật"),
       CC("Phiếu lý lịch tư pháp của người đại diện theo pháp luật"),
       C("Giấy chứng nhận tiền ký quỹ hoạt động cho thuê lại lao động")],
      [L_LD, ND145]),
    # ----- Việc làm ------------------------------------------------------------------------
    p("1.013105", "Giải quyết hưởng trợ cấp thất nghiệp", "VIECLAM", "noivu", "20",
      "Quyết định về việc hưởng trợ cấp thất nghiệp",
      [O("Đề nghị hưởng trợ cấp thất nghiệp theo mẫu"),
       CC("Giấy tờ xác nhận về việc chấm dứt hợp đồng lao động hoặc hợp đồng làm việc"),
       O("Sổ bảo hiểm xã hội")],
      [L_VL, ND28_2015], inter=True, fees=[("Lệ phí (miễn)", 0)]),
    p("1.013118", "Tạm dừng hưởng trợ cấp thất nghiệp", "VIECLAM", "noivu", "3",
      "Quyết định tạm dừng hưởng trợ cấp thất nghiệp",
      [O("Thông báo về việc tạm dừng hưởng trợ cấp thất nghiệp")],
      [L_VL, ND28_2015], on="f"),
    p("1.013124", "Chuyển nơi hưởng trợ cấp thất nghiệp", "VIECLAM", "noivu", "3",
      "Giấy giới thiệu chuyển nơi hưởng trợ cấp thất nghiệp",
      [O("Đề nghị chuyển nơi hưởng trợ cấp thất nghiệp theo mẫu")],
      [L_VL, ND28_2015], on="f", inter=True),
    p("1.013139", "Hỗ trợ học nghề cho người lao động đang hưởng trợ cấp thất nghiệp", "VIECLAM",
      "noivu", "20", "Quyết định về việc hỗ trợ học nghề",
      [O("Đề nghị hỗ trợ học nghề theo mẫu"),
       C("Quyết định hưởng trợ cấp thất nghiệp")],
      [L_VL, ND28_2015], on="f"),
    p("1.013145", "Cấp giấy phép hoạt động dịch vụ việc làm cho doanh nghiệp hoạt động dịch vụ "
      "việc làm", "VIECLAM", "noivu", "7", "Giấy phép hoạt động dịch vụ việc làm",
      [O("Văn bản đề nghị cấp giấy phép theo mẫu"),
       C("Giấy chứng nhận tiền ký quỹ hoạt động dịch vụ việc làm"),
       CC("Phiếu lý lịch tư pháp của người đại diện theo pháp luật"),
       CC("Giấy tờ chứng minh địa điểm hoạt động")],
      [L_VL, ND23_2021],
      fees=[("Lệ phí cấp giấy phép hoạt động dịch vụ việc làm", 1500000)]),
    p("1.013158", "Vay vốn hỗ trợ tạo việc làm, duy trì và mở rộng việc làm từ Quỹ quốc gia về "
      "việc làm đối với người lao động", "VIECLAM", "commune", "15",
      "Quyết định cho vay của Ngân hàng Chính sách xã hội",
      [O("Giấy đề nghị vay vốn theo mẫu"),
       C("Giấy tờ chứng minh thuộc đối tượng ưu tiên (nếu có)")],
      [L_VL, ND61_2015], on="n", inter=True),
    # ----- Người có công -------------------------------------------------------------------
    p("1.014102", "Giải quyết chế độ trợ cấp thờ cúng liệt sĩ", "NGUOICOCONG", "noivu", "12",
      "Quyết định trợ cấp thờ cúng liệt sĩ",
      [O("Đơn đề nghị giải quyết chế độ trợ cấp thờ cúng liệt sĩ theo mẫu"),
       O("Văn bản ủy quyền của các thân nhân liệt sĩ (nếu có)"),
       C("Bằng Tổ quốc ghi công")],
      [PL_NCC, ND131, ND75_2021], levels=PC, inter=True),
    p("1.014117", "Công nhận và giải quyết chế độ ưu đãi người hoạt động kháng chiến bị nhiễm "
      "chất độc hóa học", "NGUOICOCONG", "noivu", "60",
      "Quyết định công nhận và trợ cấp hằng tháng",
      [O("Bản khai cá nhân theo mẫu"),
       CC("Giấy tờ chứng minh thời gian hoạt động tại vùng quân đội Mỹ sử dụng chất độc hóa học"),
       CC("Kết luận của cơ sở y tế về bệnh, tật liên quan đến phơi nhiễm chất độc hóa học")],
      [PL_NCC, ND131, ND75_2021], levels=PC, on="n", inter=True),
    p("1.014123", "Giải quyết chế độ ưu đãi đối với Bà mẹ Việt Nam anh hùng", "NGUOICOCONG",
      "noivu", "12", "Quyết định trợ cấp hằng tháng đối với Bà mẹ Việt Nam anh hùng",
      [O("Bản khai cá nhân theo mẫu"), CC("Quyết định tặng danh hiệu Bà mẹ Việt Nam anh hùng")],
      [PL_NCC, ND131, ND75_2021], levels=PC, inter=True),
    p("1.014138", "Giải quyết chế độ trợ cấp một lần đối với người được cử làm chuyên gia sang "
      "giúp Lào, Campuchia", "NGUOICOCONG", "noivu", "20", "Quyết định trợ cấp một lần",
      [O("Bản khai cá nhân theo mẫu"),
       CC("Quyết định cử đi làm chuyên gia hoặc giấy tờ chứng minh thời gian làm chuyên gia")],
      [PL_NCC, ND131, ND75_2021], levels=PC, on="n", inter=True),
    p("1.014144", "Giải quyết chế độ mai táng phí, trợ cấp một lần khi người có công với cách "
      "mạng từ trần", "NGUOICOCONG", "commune", "12",
      "Quyết định trợ cấp mai táng phí, trợ cấp một lần",
      [O("Bản khai của thân nhân theo mẫu"),
       C("Giấy chứng tử hoặc trích lục khai tử")],
      [PL_NCC, ND131, ND75_2021], levels=DC, on="f", inter=True),
    p("1.014159", "Cấp giấy giới thiệu đi thăm viếng mộ liệt sĩ và hỗ trợ thăm viếng mộ liệt sĩ",
      "NGUOICOCONG", "noivu", "5", "Giấy giới thiệu thăm viếng mộ liệt sĩ",
      [O("Đơn đề nghị theo mẫu"), C("Giấy báo tin mộ liệt sĩ hoặc thông tin về mộ liệt sĩ")],
      [PL_NCC, ND131], levels=PC, on="f", inter=True),
    p("1.014165", "Di chuyển hài cốt liệt sĩ đang an táng ngoài nghĩa trang liệt sĩ về an táng "
      "tại nghĩa trang liệt sĩ theo nguyện vọng của đại diện thân nhân", "NGUOICOCONG",
      "commune", "10", "Văn bản đồng ý di chuyển hài cốt liệt sĩ",
      [O("Đơn đề nghị di chuyển hài cốt liệt sĩ theo mẫu"), C("Bằng Tổ quốc ghi công")],
      [PL_NCC, ND131], levels=DC, on="n"),
    p("1.014172", "Cấp bổ sung hoặc cấp lại giấy chứng nhận người có công và giấy chứng nhận "
      "thân nhân liệt sĩ", "NGUOICOCONG", "noivu", "5", "Giấy chứng nhận (cấp bổ sung, cấp lại)",
      [O("Đơn đề nghị cấp bổ sung hoặc cấp lại theo mẫu"),
       C("Giấy chứng nhận đã cấp (trường hợp bị hư hỏng)")],
      [PL_NCC, ND131], levels=PC, on="f", inter=True),
    p("1.014186", "Giải quyết chế độ hỗ trợ phương tiện trợ giúp, dụng cụ chỉnh hình đối với "
      "người có công với cách mạng", "NGUOICOCONG", "noivu", "10",
      "Quyết định cấp phương tiện trợ giúp, dụng cụ chỉnh hình",
      [O("Đơn đề nghị theo mẫu"),
       CC("Chỉ định của cơ sở y tế về việc sử dụng phương tiện trợ giúp, dụng cụ chỉnh hình")],
      [PL_NCC, ND131, ND75_2021], levels=PC, inter=True),
    # ----- Thi đua, khen thưởng ------------------------------------------------------------
    p("2.010101", "Thủ tục tặng Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh", "THIDUA",
      "noivu", "20", "Quyết định khen thưởng và Bằng khen",
      [O("Tờ trình đề nghị khen thưởng"), O("Báo cáo thành tích của cá nhân, tập thể"),
       O("Biên bản họp Hội đồng thi đua, khen thưởng cấp trình")],
      [L_TDKT, ND98_2023], on="n"),
    p("2.010115", "Thủ tục tặng danh hiệu Chiến sĩ thi đua cấp tỉnh", "THIDUA", "noivu", "20",
      "Quyết định tặng danh hiệu và Bằng chứng nhận",
      [O("Tờ trình đề nghị khen thưởng"), O("Báo cáo thành tích của cá nhân"),
       O("Biên bản họp Hội đồng thi đua, khen thưởng cấp trình"),
       C("Văn bản công nhận sáng kiến hoặc đề tài khoa học")],
      [L_TDKT, ND98_2023], on="n"),
    p("2.010122", "Thủ tục tặng Cờ thi đua của Ủy ban nhân dân cấp tỉnh", "THIDUA", "noivu", "20",
      "Quyết định tặng Cờ thi đua",
      [O("Tờ trình đề nghị khen thưởng"), O("Báo cáo thành tích của tập thể"),
       O("Biên bản họp Hội đồng thi đua, khen thưởng cấp trình")],
      [L_TDKT, ND98_2023], on="n"),
    p("2.010136", "Thủ tục tặng danh hiệu Tập thể lao động xuất sắc", "THIDUA", "noivu", "20",
      "Quyết định tặng danh hiệu Tập thể lao động xuất sắc",
      [O("Tờ trình đề nghị khen thưởng"), O("Báo cáo thành tích của tập thể"),
       O("Biên bản họp Hội đồng thi đua, khen thưởng cấp trình")],
      [L_TDKT, ND98_2023], on="n"),
    p("2.010143", "Thủ tục tặng Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh về thành tích "
      "đột xuất", "THIDUA", "noivu", "10", "Quyết định khen thưởng và Bằng khen",
      [O("Tờ trình đề nghị khen thưởng"), O("Báo cáo tóm tắt thành tích đột xuất")],
      [L_TDKT, ND98_2023], on="n"),
    p("2.010157", "Thủ tục tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã", "THIDUA",
      "commune", "20", "Quyết định khen thưởng và Giấy khen",
      [O("Tờ trình đề nghị khen thưởng"), O("Báo cáo thành tích của cá nhân, tập thể")],
      [L_TDKT, ND98_2023], on="n"),
    p("2.010164", "Thủ tục tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã cho gia đình",
      "THIDUA", "commune", "20", "Quyết định khen thưởng và Giấy khen",
      [O("Tờ trình đề nghị khen thưởng"), O("Báo cáo tóm tắt thành tích của gia đình")],
      [L_TDKT, ND98_2023], on="n"),
    # ----- Công chức, viên chức ------------------------------------------------------------
    p("2.011103", "Thi tuyển công chức", "CONGCHUC", "noivu", "60",
      "Quyết định tuyển dụng công chức",
      [O("Phiếu đăng ký dự tuyển theo mẫu")],
      [L_CBCC, ND138], on="f"),
    p("2.011118", "Xét tuyển công chức", "CONGCHUC", "noivu", "60",
      "Quyết định tuyển dụng công chức",
      [O("Phiếu đăng ký dự tuyển theo mẫu"),
       C("Giấy tờ chứng minh thuộc đối tượng xét tuyển")],
      [L_CBCC, ND138], on="f"),
    p("2.011124", "Tiếp nhận vào làm công chức", "CONGCHUC", "noivu", "30",
      "Quyết định tiếp nhận vào làm công chức",
      [O("Sơ yếu lý lịch theo mẫu"), CC("Văn bằng, chứng chỉ theo yêu cầu của vị trí việc làm"),
       O("Giấy chứng nhận sức khỏe"), O("Bản tự kê khai tài sản, thu nhập")],
      [L_CBCC, ND138], on="n"),
    p("2.011139", "Thi tuyển viên chức", "CONGCHUC", "noivu", "60",
      "Quyết định tuyển dụng viên chức",
      [O("Phiếu đăng ký dự tuyển theo mẫu")],
      [L_VC, ND115], on="f"),
    p("2.011145", "Xét tuyển viên chức", "CONGCHUC", "noivu", "60",
      "Quyết định tuyển dụng viên chức",
      [O("Phiếu đăng ký dự tuyển theo mẫu")],
      [L_VC, ND115], on="f"),
    p("2.011151", "Thăng hạng chức danh nghề nghiệp viên chức", "CONGCHUC", "noivu", "45",
      "Quyết định bổ nhiệm chức danh nghề nghiệp",
      [O("Sơ yếu lý lịch theo mẫu"), O("Bản nhận xét, đánh giá của người đứng đầu đơn vị"),
       CC("Văn bằng, chứng chỉ theo yêu cầu của hạng dự thăng hạng")],
      [L_VC, ND115], on="n"),
    # ----- Tổ chức phi chính phủ -----------------------------------------------------------
    p("2.012107", "Công nhận ban vận động thành lập hội có phạm vi hoạt động trong tỉnh",
      "TOCHUCPCP", "noivu", "30", "Quyết định công nhận ban vận động thành lập hội",
      [O("Đơn đề nghị công nhận ban vận động thành lập hội"),
       O("Danh sách những người dự kiến trong ban vận động"),
       O("Sơ yếu lý lịch của người đứng đầu ban vận động")],
      [ND126_2024]),
    p("2.012113", "Thành lập hội có phạm vi hoạt động trong tỉnh", "TOCHUCPCP", "noivu", "30",
      "Quyết định cho phép thành lập hội",
      [O("Đơn đề nghị thành lập hội"), O("Dự thảo điều lệ hội"),
       O("Danh sách những người trong ban vận động thành lập hội"),
       CC("Giấy tờ chứng minh về trụ sở của hội")],
      [ND126_2024]),
    p("2.012128", "Phê duyệt điều lệ hội", "TOCHUCPCP", "noivu", "30",
      "Quyết định phê duyệt điều lệ hội",
      [O("Đơn đề nghị phê duyệt điều lệ hội"), O("Điều lệ và biên bản thông qua điều lệ hội"),
       O("Nghị quyết đại hội")],
      [ND126_2024]),
    p("2.012134", "Đổi tên hội", "TOCHUCPCP", "noivu", "30", "Quyết định cho phép đổi tên hội",
      [O("Đơn đề nghị đổi tên hội"), O("Nghị quyết đại hội về việc đổi tên hội"),
       O("Dự thảo điều lệ sửa đổi")],
      [ND126_2024]),
    p("2.012149", "Hội tự giải thể", "TOCHUCPCP", "noivu", "30", "Quyết định giải thể hội",
      [O("Đơn đề nghị giải thể hội"), O("Nghị quyết giải thể hội"),
       O("Bản kê tài sản, tài chính, phương án xử lý tài sản, tài chính")],
      [ND126_2024], on="n"),
    p("2.012155", "Cấp giấy phép thành lập và công nhận điều lệ quỹ có phạm vi hoạt động trong "
      "tỉnh", "TOCHUCPCP", "noivu", "30", "Quyết định cấp giấy phép thành lập và công nhận điều lệ quỹ",
      [O("Đơn đề nghị cấp giấy phép thành lập quỹ"), O("Dự thảo điều lệ quỹ"),
       O("Đề án thành lập quỹ"), C("Giấy tờ chứng minh tài sản đóng góp thành lập quỹ")],
      [ND93_2019]),
    p("2.012162", "Thành lập hội có phạm vi hoạt động trong xã", "TOCHUCPCP", "commune", "30",
      "Quyết định cho phép thành lập hội",
      [O("Đơn đề nghị thành lập hội"), O("Dự thảo điều lệ hội"),
       O("Danh sách những người trong ban vận động thành lập hội")],
      [ND126_2024], sup="restart"),
    # ----- Bảo trợ xã hội, trẻ em, phòng chống tệ nạn xã hội -------------------------------
    p("2.013103", "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí "
      "chăm sóc, nuôi dưỡng hằng tháng", "BTXH", "commune", "15",
      "Quyết định trợ cấp xã hội hằng tháng",
      [O("Tờ khai đề nghị trợ giúp xã hội theo mẫu"),
       C("Giấy xác nhận khuyết tật (đối với người khuyết tật)")],
      [ND20_2021, L_NKT, L_NCT], levels=DC, on="f", inter=True),
    p("2.013118", "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật",
      "BTXH", "commune", "25", "Giấy xác nhận khuyết tật",
      [O("Đơn đề nghị xác định mức độ khuyết tật theo mẫu"),
       C("Kết luận của Hội đồng giám định y khoa hoặc giấy tờ liên quan đến khuyết tật (nếu có)")],
      [L_NKT], on="p"),
    p("2.013124", "Đổi, cấp lại Giấy xác nhận khuyết tật", "BTXH", "commune", "5",
      "Giấy xác nhận khuyết tật (đổi, cấp lại)",
      [O("Đơn đề nghị đổi, cấp lại Giấy xác nhận khuyết tật theo mẫu")],
      [L_NKT], on="f"),
    p("2.013139", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "BTXH", "commune", "5",
      "Quyết định hỗ trợ chi phí mai táng",
      [O("Tờ khai đề nghị hỗ trợ chi phí mai táng theo mẫu"),
       C("Giấy chứng tử hoặc trích lục khai tử")],
      [ND20_2021], levels=DC, on="f"),
    p("2.013145", "Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở", "BTXH",
      "commune", "10", "Quyết định hỗ trợ làm nhà ở, sửa chữa nhà ở",
      [O("Tờ khai đề nghị hỗ trợ về nhà ở theo mẫu")],
      [ND20_2021], levels=DC, on="n"),
    p("2.013151", "Tiếp nhận đối tượng bảo trợ xã hội có hoàn cảnh đặc biệt khó khăn vào cơ sở "
      "trợ giúp xã hội cấp tỉnh", "BTXH", "yte", "10",
      "Quyết định tiếp nhận vào cơ sở trợ giúp xã hội",
      [O("Tờ khai đề nghị tiếp nhận vào cơ sở trợ giúp xã hội theo mẫu"),
       C("Giấy khai sinh đối với trẻ em"), C("Giấy xác nhận khuyết tật (nếu có)")],
      [ND20_2021, ND103_2017], levels=PC, on="n", inter=True),
    p("2.013166", "Cấp giấy chứng nhận đăng ký thành lập cơ sở trợ giúp xã hội ngoài công lập "
      "thuộc thẩm quyền của Sở Y tế", "BTXH", "yte", "15",
      "Giấy chứng nhận đăng ký thành lập cơ sở trợ giúp xã hội",
      [O("Tờ khai đăng ký thành lập theo mẫu"), O("Dự thảo quy chế hoạt động của cơ sở"),
       CC("Giấy tờ chứng minh quyền sử dụng đất, nhà ở để làm trụ sở"),
       CC("Phiếu lý lịch tư pháp của người đứng đầu cơ sở")],
      [ND103_2017]),
    p("2.013172", "Cấp giấy phép hoạt động đối với cơ sở trợ giúp xã hội có giấy chứng nhận "
      "đăng ký thành lập do Sở Y tế cấp", "BTXH", "yte", "15",
      "Giấy phép hoạt động của cơ sở trợ giúp xã hội",
      [O("Văn bản đề nghị cấp giấy phép hoạt động theo mẫu"),
       C("Giấy chứng nhận đăng ký thành lập cơ sở"), O("Quy chế hoạt động của cơ sở"),
       O("Danh sách nhân viên kèm văn bằng, chứng chỉ chuyên môn")],
      [ND103_2017]),
    p("2.013187", "Đăng ký hoạt động đối với cơ sở trợ giúp xã hội dưới 10 đối tượng có hoàn "
      "cảnh khó khăn", "BTXH", "commune", "5", "Giấy chứng nhận đăng ký hoạt động",
      [O("Tờ khai đăng ký hoạt động theo mẫu"), O("Danh sách đối tượng được chăm sóc")],
      [ND103_2017], levels=DC, on="f"),
    p("2.013193", "Áp dụng các biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly trẻ em khỏi "
      "môi trường hoặc người gây tổn hại cho trẻ em", "BTXH", "commune", "12h",
      "Quyết định tạm thời cách ly trẻ em",
      [O("Báo cáo đánh giá nguy cơ đối với trẻ em"), O("Kế hoạch hỗ trợ, can thiệp")],
      [L_TE, ND56_2017], on="n", pr=False),
    p("2.013206", "Chấm dứt việc chăm sóc thay thế cho trẻ em", "BTXH", "commune", "5",
      "Quyết định chấm dứt việc chăm sóc thay thế",
      [O("Đơn đề nghị chấm dứt việc chăm sóc thay thế"), O("Báo cáo đánh giá tình hình của trẻ em")],
      [L_TE, ND56_2017], on="n"),
    p("2.013211", "Đăng ký cai nghiện ma túy tự nguyện tại gia đình, cộng đồng", "BTXH",
      "commune", "5", "Quyết định quản lý cai nghiện ma túy tự nguyện tại gia đình, cộng đồng",
      [O("Bản đăng ký cai nghiện ma túy tự nguyện theo mẫu"),
       C("Phiếu kết quả xác định tình trạng nghiện ma túy")],
      [L_PCMT, ND116_2021], on="n"),
    # ----- Khám bệnh, chữa bệnh ------------------------------------------------------------
    p("1.015104", "Cấp mới giấy phép hành nghề đối với chức danh chuyên môn là bác sỹ, y sỹ, "
      "điều dưỡng, hộ sinh, kỹ thuật y, dinh dưỡng lâm sàng, cấp cứu viên ngoại viện, tâm lý "
      "lâm sàng", "KCB", "yte", "30", "Giấy phép hành nghề khám bệnh, chữa bệnh",
      [O("Đơn đề nghị cấp mới giấy phép hành nghề theo mẫu"),
       CC("Văn bằng chuyên môn phù hợp với chức danh chuyên môn đề nghị cấp"),
       O("Giấy chứng nhận đủ sức khỏe để hành nghề khám bệnh, chữa bệnh"),
       C("Giấy chứng nhận đạt yêu cầu kiểm tra đánh giá năng lực hành nghề"),
       O("Hai ảnh màu cỡ 4 x 6 cm", 2)],
      [L_KBCB, ND96_2023, TT59_2023], on="f",
      fees=[("Phí thẩm định cấp mới giấy phép hành nghề", 360000)]),
    p("1.015117", "Cấp lại giấy phép hành nghề khám bệnh, chữa bệnh", "KCB", "yte", "10",
      "Giấy phép hành nghề khám bệnh, chữa bệnh (cấp lại)",
      [O("Đơn đề nghị cấp lại giấy phép hành nghề theo mẫu"), O("Hai ảnh màu cỡ 4 x 6 cm", 2),
       C("Giấy phép hành nghề đã được cấp (trường hợp bị hư hỏng)")],
      [L_KBCB, ND96_2023, TT59_2023], on="f",
      fees=[("Phí thẩm định cấp lại giấy phép hành nghề", 150000)]),
    p("1.015123", "Gia hạn giấy phép hành nghề khám bệnh, chữa bệnh", "KCB", "yte", "30",
      "Giấy phép hành nghề khám bệnh, chữa bệnh (gia hạn)",
      [O("Đơn đề nghị gia hạn giấy phép hành nghề theo mẫu"),
       C("Giấy tờ chứng minh đã cập nhật kiến thức y khoa liên tục"),
       O("Giấy chứng nhận đủ sức khỏe để hành nghề khám bệnh, chữa bệnh")],
      [L_KBCB, ND96_2023, TT59_2023], on="f",
      fees=[("Phí thẩm định gia hạn giấy phép hành nghề", 360000)]),
    p("1.015138", "Điều chỉnh giấy phép hành nghề khám bệnh, chữa bệnh", "KCB", "yte", "30",
      "Giấy phép hành nghề khám bệnh, chữa bệnh (điều chỉnh)",
      [O("Đơn đề nghị điều chỉnh giấy phép hành nghề theo mẫu"),
       CC("Văn bằng, chứng chỉ đào tạo liên quan đến nội dung điều chỉnh"),
       O("Hai ảnh màu cỡ 4 x 6 cm", 2)],
      [L_KBCB, ND96_2023, TT59_2023], on="f",
      fees=[("Phí thẩm định điều chỉnh giấy phép hành nghề", 360000)]),
    p("1.015144", "Cấp mới giấy phép hoạt động đối với phòng khám đa khoa", "KCB", "yte", "60",
      "Giấy phép hoạt động khám bệnh, chữa bệnh",
      [O("Đơn đề nghị cấp mới giấy phép hoạt động theo mẫu"), C(_GCN_DN),
       O("Danh sách người hành nghề và người làm việc tại cơ sở"),
       O("Bản kê khai cơ sở vật chất, thiết bị y tế"),
       O("Danh mục chuyên môn kỹ thuật đề xuất")],
      [L_KBCB, ND96_2023, TT59_2023],
      fees=[("Phí thẩm định cấp giấy phép hoạt động phòng khám đa khoa", 5700000)]),
    p("1.015159", "Cấp mới giấy phép hoạt động đối với phòng khám chuyên khoa", "KCB", "yte",
      "60", "Giấy phép hoạt động khám bệnh, chữa bệnh",
      [O("Đơn đề nghị cấp mới giấy phép hoạt động theo mẫu"),
       O("Danh sách người hành nghề và người làm việc tại cơ sở"),
       O("Bản kê khai cơ sở vật chất, thiết bị y tế"),
       O("Danh mục chuyên môn kỹ thuật đề xuất")],
      [L_KBCB, ND96_2023, TT59_2023],
      fees=[("Phí thẩm định cấp giấy phép hoạt động phòng khám chuyên khoa", 4300000)]),
    p("1.015165", "Cấp mới giấy phép hoạt động đối với phòng chẩn trị y học cổ truyền", "KCB",
      "yte", "60", "Giấy phép hoạt động khám bệnh, chữa bệnh",
      [O("Đơn đề nghị cấp mới giấy phép hoạt động theo mẫu"),
       O("Danh sách người hành nghề"), O("Bản kê khai cơ sở vật chất, thiết bị y tế")],
      [L_KBCB, ND96_2023, TT59_2023],
      fees=[("Phí thẩm định cấp giấy phép hoạt động phòng chẩn trị y học cổ truyền", 3100000)]),
    p("1.015172", "Cho phép đoàn khám bệnh, chữa bệnh nhân đạo theo đợt, khám bệnh, chữa bệnh "
      "lưu động", "KCB", "yte", "10", "Văn bản cho phép tổ chức khám bệnh, chữa bệnh nhân đạo",
      [O("Văn bản đề nghị theo mẫu"), O("Danh sách người tham gia khám bệnh, chữa bệnh"),
       C("Giấy phép hành nghề của người tham gia"), O("Kế hoạch tổ chức khám bệnh, chữa bệnh")],
      [L_KBCB, ND96_2023], on="f"),
    # ----- Dược phẩm, mỹ phẩm --------------------------------------------------------------
    p("1.016103", "Cấp Chứng chỉ hành nghề dược theo hình thức xét hồ sơ", "DUOC", "yte", "20",
      "Chứng chỉ hành nghề dược",
      [O("Đơn đề nghị cấp Chứng chỉ hành nghề dược theo mẫu"), O("Hai ảnh màu cỡ 4 x 6 cm", 2),
       CC("Văn bằng chuyên môn"), O("Giấy xác nhận thời gian thực hành chuyên môn"),
       O("Giấy chứng nhận đủ sức khỏe để hành nghề dược")],
      [L_DUOC, ND54_2017, TT277], on="f",
      fees=[("Phí thẩm định cấp Chứng chỉ hành nghề dược", 500000)]),
    p("1.016118", "Cấp lại Chứng chỉ hành nghề dược theo hình thức xét hồ sơ (trường hợp bị hư "
      "hỏng hoặc bị mất)", "DUOC", "yte", "5", "Chứng chỉ hành nghề dược (cấp lại)",
      [O("Đơn đề nghị cấp lại Chứng chỉ hành nghề dược theo mẫu"), O("Hai ảnh màu cỡ 4 x 6 cm", 2)],
      [L_DUOC, ND54_2017, TT277], on="f",
      fees=[("Phí thẩm định cấp lại Chứng chỉ hành nghề dược", 500000)]),
    p("1.016124", "Điều chỉnh nội dung Chứng chỉ hành nghề dược theo hình thức xét hồ sơ", "DUOC",
      "yte", "5", "Chứng chỉ hành nghề dược (điều chỉnh)",
      [O("Đơn đề nghị điều chỉnh nội dung Chứng chỉ hành nghề dược theo mẫu"),
       C("Giấy tờ chứng minh nội dung thay đổi"), O("Hai ảnh màu cỡ 4 x 6 cm", 2)],
      [L_DUOC, ND54_2017, TT277], on="f",
      fees=[("Phí thẩm định điều chỉnh Chứng chỉ hành nghề dược", 500000)]),
    p("1.016139", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược đối với cơ sở bán lẻ thuốc "
      "(nhà thuốc, quầy thuốc, tủ thuốc trạm y tế xã)", "DUOC", "yte", "20",
      "Giấy chứng nhận đủ điều kiện kinh doanh dược",
      [O("Đơn đề nghị cấp Giấy chứng nhận đủ điều kiện kinh doanh dược theo mẫu"),
       O("Tài liệu kỹ thuật về địa điểm, trang thiết bị, nhân sự của cơ sở"),
       C("Chứng chỉ hành nghề dược của người chịu trách nhiệm chuyên môn"),
       C("Giấy chứng nhận đăng ký doanh nghiệp hoặc đăng ký hộ kinh doanh")],
      [L_DUOC, ND54_2017, TT277], on="f",
      fees=[("Phí thẩm định điều kiện kinh doanh thuốc (nhà thuốc)", 1000000)]),
    p("1.016145", "Đánh giá đáp ứng Thực hành tốt cơ sở bán lẻ thuốc (GPP)", "DUOC", "yte", "20",
      "Giấy chứng nhận đạt Thực hành tốt cơ sở bán lẻ thuốc",
      [O("Đơn đề nghị đánh giá đáp ứng GPP theo mẫu"),
       O("Tài liệu kỹ thuật tương ứng với cơ sở bán lẻ thuốc")],
      [L_DUOC, ND54_2017, TT277], on="f",
      fees=[("Phí thẩm định đánh giá đáp ứng GPP", 1000000)]),
    p("1.016151", "Cấp giấy xác nhận nội dung thông tin thuốc theo hình thức hội thảo giới "
      "thiệu thuốc", "DUOC", "yte", "10", "Giấy xác nhận nội dung thông tin thuốc",
      [O("Văn bản đề nghị xác nhận nội dung thông tin thuốc theo mẫu"),
       O("Nội dung thông tin thuốc dự kiến giới thiệu"),
       C("Giấy đăng ký lưu hành thuốc")],
      [L_DUOC, ND54_2017, TT277], on="f",
      fees=[("Phí thẩm định hồ sơ đề nghị xác nhận nội dung thông tin thuốc", 1600000)]),
    p("1.016166", "Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước", "DUOC",
      "yte", "3", "Phiếu công bố sản phẩm mỹ phẩm có số tiếp nhận",
      [O("Phiếu công bố sản phẩm mỹ phẩm theo mẫu", 2),
       C("Giấy chứng nhận đủ điều kiện sản xuất mỹ phẩm"),
       O("Giấy ủy quyền của nhà sản xuất cho tổ chức, cá nhân đứng tên công bố (nếu có)")],
      [L_DUOC, ND93_2016, TT06_2011], on="f",
      fees=[("Phí thẩm định cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm", 500000)]),
    # ----- An toàn thực phẩm ---------------------------------------------------------------
    p("2.014105", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh "
      "doanh dịch vụ ăn uống thuộc thẩm quyền của Sở Y tế", "ATTP", "yte", "20",
      "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
      [O("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"),
       O("Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ bảo đảm an toàn thực phẩm"),
       C("Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp chế biến thực phẩm")],
      [L_ATTP, ND15_2018, TT67_2021], on="f",
      fees=[("Phí thẩm định cơ sở kinh doanh dịch vụ ăn uống (phục vụ từ 200 suất ăn trở lên)", 1000000)]),
    p("2.014118", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh "
      "doanh dịch vụ ăn uống thuộc thẩm quyền của Ủy ban nhân dân cấp xã", "ATTP", "commune",
      "20", "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
      [O("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"),
       O("Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ bảo đảm an toàn thực phẩm"),
       C("Giấy xác nhận đủ sức khỏe của chủ cơ sở và người trực tiếp chế biến thực phẩm")],
      [L_ATTP, ND15_2018, TT67_2021], levels=DC, on="f",
      fees=[("Phí thẩm định cơ sở kinh doanh dịch vụ ăn uống (phục vụ dưới 200 suất ăn)", 700000)]),
    p("2.014124", "Đăng ký bản công bố sản phẩm sản xuất trong nước đối với thực phẩm dinh dưỡng "
      "y học, thực phẩm dùng cho chế độ ăn đặc biệt, sản phẩm dinh dưỡng dùng cho trẻ đến 36 "
      "tháng tuổi", "ATTP", "yte", "7", "Giấy tiếp nhận đăng ký bản công bố sản phẩm",
      [O("Bản công bố sản phẩm theo mẫu"),
       O("Phiếu kết quả kiểm nghiệm an toàn thực phẩm của sản phẩm trong thời hạn 12 tháng"),
       O("Bằng chứng khoa học chứng minh công dụng của sản phẩm"),
       C("Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm")],
      [L_ATTP, ND15_2018, TT67_2021], on="f",
      fees=[("Phí thẩm định hồ sơ đăng ký bản công bố sản phẩm", 1500000)]),
    p("2.014139", "Cấp giấy xác nhận nội dung quảng cáo thực phẩm", "ATTP", "yte", "10",
      "Giấy xác nhận nội dung quảng cáo thực phẩm",
      [O("Đơn đề nghị xác nhận nội dung quảng cáo theo mẫu"),
       C("Bản công bố sản phẩm và giấy tiếp nhận đăng ký bản công bố sản phẩm"),
       O("Mẫu nội dung dự kiến quảng cáo")],
      [L_ATTP, ND15_2018, TT67_2021], on="f",
      fees=[("Phí thẩm định hồ sơ xác nhận nội dung quảng cáo thực phẩm", 1100000)]),
    p("2.014145", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản "
      "xuất, kinh doanh thực phẩm thuộc thẩm quyền của Sở Công Thương", "ATTP", "congthuong",
      "20", "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
      [O("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"),
       O("Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ"),
       C("Danh sách người sản xuất thực phẩm đã được tập huấn kiến thức an toàn thực phẩm")],
      [L_ATTP, ND15_2018, TT67_2021], on="f",
      fees=[("Phí thẩm định cơ sở sản xuất thực phẩm", 2500000)]),
    p("2.014151", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản "
      "xuất, kinh doanh nông, lâm, thủy sản", "ATTP", "nnmt", "15",
      "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm",
      [O("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"),
       O("Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ sản xuất, kinh doanh")],
      [L_ATTP, ND15_2018, TT67_2021], on="f",
      fees=[("Phí thẩm định cơ sở sản xuất, kinh doanh nông, lâm, thủy sản", 700000)]),
    p("2.014166", "Cấp lại Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (trường hợp bị "
      "mất, hỏng hoặc thay đổi tên cơ sở, chủ cơ sở)", "ATTP", "yte", "5",
      "Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (cấp lại)",
      [O("Đơn đề nghị cấp lại Giấy chứng nhận theo mẫu"),
       C("Giấy tờ chứng minh sự thay đổi (nếu có)")],
      [L_ATTP, ND15_2018], on="f"),
    # ----- Giáo dục và Đào tạo -------------------------------------------------------------
    p("1.017102", "Thành lập trường mầm non công lập hoặc cho phép thành lập trường mầm non dân "
      "lập, tư thục", "GIAODUC", "commune", "20",
      "Quyết định thành lập hoặc cho phép thành lập trường mầm non",
      [O("Tờ trình đề nghị thành lập hoặc cho phép thành lập trường"),
       O("Đề án thành lập trường"),
       CC("Giấy tờ chứng minh quyền sử dụng đất, quyền sở hữu nhà hoặc hợp đồng thuê")],
      [L_GD, ND125_2024], levels=DC, sup="restart"),
    p("1.017117", "Cho phép trường mầm non, nhà trẻ hoạt động giáo dục", "GIAODUC", "commune",
      "20", "Quyết định cho phép hoạt động giáo dục",
      [O("Tờ trình đề nghị cho phép hoạt động giáo dục"),
       CC("Quyết định thành lập hoặc cho phép thành lập trường"),
       O("Danh sách đội ngũ cán bộ quản lý, giáo viên, nhân viên"), O("Quy chế tổ chức và hoạt động")],
      [L_GD, ND125_2024], levels=DC, sup="restart"),
    p("1.017123", "Thành lập trường tiểu học công lập, cho phép thành lập trường tiểu học tư thục",
      "GIAODUC", "commune", "20", "Quyết định thành lập hoặc cho phép thành lập trường tiểu học",
      [O("Tờ trình đề nghị thành lập hoặc cho phép thành lập trường"),
       O("Đề án thành lập trường"),
       CC("Giấy tờ chứng minh quyền sử dụng đất, quyền sở hữu nhà hoặc hợp đồng thuê")],
      [L_GD, ND125_2024], levels=DC, sup="restart"),
    p("1.017138", "Thành lập trường trung học cơ sở công lập hoặc cho phép thành lập trường "
      "trung học cơ sở tư thục", "GIAODUC", "commune", "20",
      "Quyết định thành lập hoặc cho phép thành lập trường trung học cơ sở",
      [O("Tờ trình đề nghị thành lập hoặc cho phép thành lập trường"),
       O("Đề án thành lập trường"),
       CC("Giấy tờ chứng minh quyền sử dụng đất, quyền sở hữu nhà hoặc hợp đồng thuê")],
      [L_GD, ND125_2024], levels=DC, sup="restart"),
    p("1.017144", "Xét, duyệt chính sách hỗ trợ đối với học sinh bán trú đang học tại các trường "
      "tiểu học, trung học cơ sở ở xã, thôn đặc biệt khó khăn", "GIAODUC", "commune", "10",
      "Quyết định phê duyệt danh sách học sinh được hỗ trợ",
      [O("Đơn đề nghị hỗ trợ theo mẫu"),
       C("Giấy tờ chứng minh nơi cư trú của cha mẹ hoặc người giám hộ")],
      [ND116_2016], levels=DC, on="f"),
    p("1.017159", "Thành lập trường trung học phổ thông công lập hoặc cho phép thành lập trường "
      "trung học phổ thông tư thục", "GIAODUC", "gddt", "20",
      "Quyết định thành lập hoặc cho phép thành lập trường trung học phổ thông",
      [O("Tờ trình đề nghị thành lập hoặc cho phép thành lập trường"),
       O("Đề án thành lập trường"),
       CC("Giấy tờ chứng minh quyền sử dụng đất, quyền sở hữu nhà hoặc hợp đồng thuê")],
      [L_GD, ND125_2024]),
    p("1.017165", "Cho phép trường trung học phổ thông hoạt động giáo dục", "GIAODUC", "gddt",
      "20", "Quyết định cho phép hoạt động giáo dục",
      [O("Tờ trình đề nghị cho phép hoạt động giáo dục"),
       CC("Quyết định thành lập hoặc cho phép thành lập trường"),
       O("Danh sách đội ngũ cán bộ quản lý, giáo viên, nhân viên"),
       O("Chương trình giáo dục và tài liệu giảng dạy, học tập")],
      [L_GD, ND125_2024]),
    p("1.017172", "Chuyển trường đối với học sinh trung học phổ thông", "GIAODUC", "gddt", "3",
      "Văn bản đồng ý tiếp nhận học sinh chuyển trường",
      [O("Đơn xin chuyển trường của cha mẹ hoặc người giám hộ theo mẫu"),
       O("Học bạ"), C("Giấy chứng nhận trúng tuyển vào lớp 10")],
      [L_GD], on="p"),
    p("1.017186", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "GIAODUC", "gddt", "1",
      "Bản sao văn bằng, chứng chỉ từ sổ gốc",
      [O("Đơn đề nghị cấp bản sao văn bằng, chứng chỉ từ sổ gốc theo mẫu"), C(_ID)],
      [TT21_2019, ND23], on="f",
      fees=[("Phí cấp bản sao văn bằng, chứng chỉ từ sổ gốc (mỗi bản)", 3000)]),
    p("1.017191", "Chỉnh sửa nội dung văn bằng, chứng chỉ", "GIAODUC", "gddt", "5",
      "Quyết định chỉnh sửa văn bằng, chứng chỉ",
      [O("Đơn đề nghị chỉnh sửa văn bằng, chứng chỉ theo mẫu"), O("Văn bằng, chứng chỉ đề nghị chỉnh sửa"),
       CC("Trích lục hoặc quyết định thay đổi, cải chính hộ tịch")],
      [TT21_2019], on="f"),
    p("1.017205", "Công nhận văn bằng tốt nghiệp các cấp học phổ thông do cơ sở giáo dục nước "
      "ngoài cấp", "GIAODUC", "gddt", "20", "Giấy công nhận văn bằng",
      [O("Đơn đề nghị công nhận văn bằng theo mẫu"),
       CC("Văn bằng đề nghị công nhận, đã hợp pháp hóa lãnh sự"),
       CC("Bản dịch văn bằng và học bạ sang tiếng Việt có chứng thực")],
      [L_GD], on="p"),
    p("1.017212", "Cấp giấy chứng nhận đăng ký hoạt động của trung tâm ngoại ngữ, tin học",
      "GIAODUC", "gddt", "20", "Quyết định cho phép hoạt động giáo dục của trung tâm",
      [O("Tờ trình đề nghị cho phép hoạt động giáo dục"),
       CC("Quyết định thành lập hoặc cho phép thành lập trung tâm"),
       O("Danh sách cán bộ quản lý, giáo viên"), O("Chương trình, tài liệu giảng dạy")],
      [L_GD, ND125_2024]),
    p("1.017228", "Phúc khảo bài thi tốt nghiệp trung học phổ thông", "GIAODUC", "gddt", "15",
      "Kết quả phúc khảo bài thi",
      [O("Đơn đề nghị phúc khảo bài thi theo mẫu")],
      [L_GD], on="f", fees=[("Phí phúc khảo (mỗi bài thi)", 30000)]),
    # ----- Giáo dục nghề nghiệp ------------------------------------------------------------
    p("2.015103", "Cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp đối với trung tâm "
      "giáo dục nghề nghiệp, trường trung cấp, doanh nghiệp", "GDNN", "gddt", "10",
      "Giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp",
      [O("Văn bản đề nghị cấp giấy chứng nhận theo mẫu"),
       O("Báo cáo thực trạng về cơ sở vật chất, thiết bị, đội ngũ nhà giáo"),
       O("Chương trình đào tạo, giáo trình đào tạo")],
      [L_GDNN, ND143_2016, ND15_2019], on="f"),
    p("2.015118", "Cấp giấy chứng nhận đăng ký bổ sung hoạt động giáo dục nghề nghiệp", "GDNN",
      "gddt", "10", "Giấy chứng nhận đăng ký bổ sung hoạt động giáo dục nghề nghiệp",
      [O("Văn bản đề nghị cấp giấy chứng nhận đăng ký bổ sung theo mẫu"),
       O("Báo cáo thực trạng về cơ sở vật chất, thiết bị, đội ngũ nhà giáo đối với ngành, nghề bổ sung")],
      [L_GDNN, ND143_2016], on="f"),
    p("2.015124", "Thành lập trung tâm giáo dục nghề nghiệp công lập; cho phép thành lập trung "
      "tâm giáo dục nghề nghiệp tư thục", "GDNN", "gddt", "15",
      "Quyết định thành lập hoặc cho phép thành lập trung tâm giáo dục nghề nghiệp",
      [O("Văn bản đề nghị thành lập hoặc cho phép thành lập"),
       O("Đề án thành lập trung tâm giáo dục nghề nghiệp"),
       CC("Giấy tờ chứng minh quyền sử dụng đất hoặc hợp đồng thuê địa điểm")],
      [L_GDNN, ND143_2016]),
    p("2.015139", "Thành lập trường trung cấp công lập; cho phép thành lập trường trung cấp tư "
      "thục", "GDNN", "gddt", "15", "Quyết định thành lập hoặc cho phép thành lập trường trung cấp",
      [O("Văn bản đề nghị thành lập hoặc cho phép thành lập"),
       O("Đề án thành lập trường trung cấp"),
       CC("Giấy tờ chứng minh quyền sử dụng đất hoặc hợp đồng thuê địa điểm")],
      [L_GDNN, ND143_2016]),
    p("2.015145", "Cho phép thành lập phân hiệu của trường trung cấp", "GDNN", "gddt", "15",
      "Quyết định cho phép thành lập phân hiệu",
      [O("Văn bản đề nghị thành lập phân hiệu"), O("Đề án thành lập phân hiệu"),
       CC("Giấy tờ chứng minh quyền sử dụng đất hoặc hợp đồng thuê địa điểm")],
      [L_GDNN, ND143_2016]),
    p("2.015151", "Giải thể trường trung cấp công lập, chấm dứt hoạt động trường trung cấp tư "
      "thục", "GDNN", "gddt", "15", "Quyết định giải thể hoặc chấm dứt hoạt động",
      [O("Văn bản đề nghị giải thể hoặc chấm dứt hoạt động"),
       O("Phương án giải quyết quyền lợi của người học, nhà giáo và người lao động"),
       O("Phương án xử lý tài chính, tài sản")],
      [L_GDNN, ND143_2016], on="n"),
    # ----- Văn hóa -------------------------------------------------------------------------
    p("1.018104", "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", "VANHOA", "commune",
      "5", "Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke",
      [O("Đơn đề nghị cấp Giấy phép theo mẫu"),
       C("Giấy chứng nhận đăng ký doanh nghiệp hoặc đăng ký hộ kinh doanh"),
       C("Giấy chứng nhận đủ điều kiện về an ninh, trật tự")],
      [ND54_2019, TT01_2021], levels=DC, on="f",
      fees=[("Phí thẩm định cấp giấy phép kinh doanh karaoke (từ 01 đến 03 phòng)", 4000000)]),
    p("1.018117", "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ vũ trường", "VANHOA", "vhttdl",
      "5", "Giấy phép đủ điều kiện kinh doanh dịch vụ vũ trường",
      [O("Đơn đề nghị cấp Giấy phép theo mẫu"), C(_GCN_DN),
       C("Giấy chứng nhận đủ điều kiện về an ninh, trật tự")],
      [ND54_2019, TT01_2021], on="f",
      fees=[("Phí thẩm định cấp giấy phép kinh doanh vũ trường", 15000000)]),
    p("1.018123", "Đăng ký tổ chức lễ hội cấp tỉnh", "VANHOA", "vhttdl", "15",
      "Văn bản chấp thuận tổ chức lễ hội",
      [O("Văn bản đăng ký tổ chức lễ hội theo mẫu"), O("Kế hoạch tổ chức lễ hội"),
       O("Phương án bảo đảm an ninh, trật tự, an toàn, vệ sinh môi trường")],
      [ND110_2018], on="f"),
    p("1.018138", "Thông báo tổ chức lễ hội cấp xã", "VANHOA", "commune", "5",
      "Văn bản trả lời về việc tổ chức lễ hội",
      [O("Văn bản thông báo tổ chức lễ hội theo mẫu"), O("Kế hoạch tổ chức lễ hội")],
      [ND110_2018], levels=DC, on="f"),
    p("1.018144", "Tiếp nhận thông báo tổ chức biểu diễn nghệ thuật trên địa bàn quản lý",
      "VANHOA", "vhttdl", "5", "Văn bản xác nhận tiếp nhận thông báo",
      [O("Văn bản thông báo tổ chức biểu diễn nghệ thuật theo mẫu"),
       O("Danh sách chương trình, tác phẩm biểu diễn")],
      [ND144_2020], on="f"),
    p("1.018159", "Tiếp nhận hồ sơ thông báo sản phẩm quảng cáo trên bảng quảng cáo, băng-rôn",
      "VANHOA", "vhttdl", "5", "Văn bản xác nhận tiếp nhận hồ sơ thông báo",
      [O("Văn bản thông báo sản phẩm quảng cáo theo mẫu"),
       O("Ma-két sản phẩm quảng cáo in màu có chữ ký của người quảng cáo"),
       CC("Giấy tờ chứng minh sự hợp chuẩn, hợp quy của sản phẩm, hàng hóa (nếu có)")],
      [L_QC, ND181_2013], on="f"),
    p("1.018165", "Cấp giấy phép thành lập bảo tàng ngoài công lập", "VANHOA", "vhttdl", "30",
      "Giấy phép thành lập bảo tàng",
      [O("Đơn đề nghị cấp giấy phép thành lập bảo tàng theo mẫu"),
       O("Đề án thành lập bảo tàng"), O("Danh mục hiện vật")],
      [L_DSVH]),
    p("1.018172", "Xét tặng danh hiệu “Gia đình văn hóa” hằng năm", "VANHOA", "commune", "10",
      "Quyết định công nhận danh hiệu “Gia đình văn hóa”",
      [O("Văn bản đề nghị của Trưởng thôn, Tổ trưởng tổ dân phố"),
       O("Biên bản họp bình xét")],
      [ND86_2023], on="n"),
    p("1.018186", "Xét tặng danh hiệu “Thôn, tổ dân phố văn hóa”", "VANHOA", "commune", "15",
      "Quyết định công nhận danh hiệu “Thôn, tổ dân phố văn hóa”",
      [O("Báo cáo thành tích của thôn, tổ dân phố"), O("Biên bản họp bình xét")],
      [ND86_2023], on="n"),
    # ----- Du lịch -------------------------------------------------------------------------
    p("2.016101", "Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa", "DULICH", "vhttdl", "10",
      "Giấy phép kinh doanh dịch vụ lữ hành nội địa",
      [O("Đơn đề nghị cấp Giấy phép theo mẫu"), C(_GCN_DN),
       CC("Giấy chứng nhận ký quỹ kinh doanh dịch vụ lữ hành nội địa"),
       CC("Văn bằng hoặc chứng chỉ nghiệp vụ điều hành du lịch nội địa của người phụ trách"),
       CC("Quyết định bổ nhiệm hoặc hợp đồng lao động của người phụ trách kinh doanh")],
      [L_DLICH, ND168_2017, TT33_2018], on="f",
      fees=[("Phí thẩm định cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa", 3000000)]),
    p("2.016116", "Cấp đổi Giấy phép kinh doanh dịch vụ lữ hành nội địa", "DULICH", "vhttdl",
      "5", "Giấy phép kinh doanh dịch vụ lữ hành nội địa (cấp đổi)",
      [O("Đơn đề nghị cấp đổi Giấy phép theo mẫu"), O("Giấy phép đã được cấp"),
       C("Giấy tờ chứng minh nội dung thay đổi")],
      [L_DLICH, ND168_2017, TT33_2018], on="f",
      fees=[("Phí thẩm định cấp đổi Giấy phép kinh doanh dịch vụ lữ hành nội địa", 2000000)]),
    p("2.016122", "Cấp thẻ hướng dẫn viên du lịch nội địa", "DULICH", "vhttdl", "10",
      "Thẻ hướng dẫn viên du lịch nội địa",
      [O("Đơn đề nghị cấp thẻ theo mẫu"), O("Sơ yếu lý lịch có xác nhận"),
       CC("Văn bằng, chứng chỉ nghiệp vụ hướng dẫn du lịch nội địa"),
       O("Giấy chứng nhận sức khỏe"), O("Hai ảnh chân dung màu cỡ 3 x 4 cm", 2)],
      [L_DLICH, TT06_2017, TT33_2018], on="f",
      fees=[("Phí thẩm định cấp thẻ hướng dẫn viên du lịch", 650000)]),
    p("2.016137", "Cấp thẻ hướng dẫn viên du lịch quốc tế", "DULICH", "vhttdl", "10",
      "Thẻ hướng dẫn viên du lịch quốc tế",
      [O("Đơn đề nghị cấp thẻ theo mẫu"), O("Sơ yếu lý lịch có xác nhận"),
       CC("Văn bằng, chứng chỉ nghiệp vụ hướng dẫn du lịch quốc tế"),
       CC("Giấy tờ chứng minh sử dụng thành thạo ngoại ngữ đăng ký hành nghề"),
       O("Giấy chứng nhận sức khỏe"), O("Hai ảnh chân dung màu cỡ 3 x 4 cm", 2)],
      [L_DLICH, TT06_2017, TT33_2018], on="f",
      fees=[("Phí thẩm định cấp thẻ hướng dẫn viên du lịch", 650000)]),
    p("2.016143", "Cấp đổi thẻ hướng dẫn viên du lịch", "DULICH", "vhttdl", "10",
      "Thẻ hướng dẫn viên du lịch (cấp đổi)",
      [O("Đơn đề nghị cấp đổi thẻ theo mẫu"), O("Giấy chứng nhận sức khỏe"),
       C("Giấy chứng nhận đã qua khóa cập nhật kiến thức"), O("Hai ảnh chân dung màu cỡ 3 x 4 cm", 2)],
      [L_DLICH, TT06_2017, TT33_2018], on="f",
      fees=[("Phí thẩm định cấp đổi thẻ hướng dẫn viên du lịch", 650000)]),
    p("2.016158", "Công nhận hạng cơ sở lưu trú du lịch: hạng 1 sao, 2 sao, 3 sao đối với khách "
      "sạn, biệt thự du lịch, căn hộ du lịch, tàu thủy lưu trú du lịch", "DULICH", "vhttdl", "30",
      "Quyết định công nhận hạng cơ sở lưu trú du lịch",
      [O("Đơn đề nghị công nhận hạng theo mẫu"), O("Báo cáo tự đánh giá theo tiêu chuẩn quốc gia"),
       O("Danh sách người quản lý và nhân viên kèm văn bằng, chứng chỉ")],
      [L_DLICH, ND168_2017, TT33_2018],
      fees=[("Phí thẩm định công nhận hạng cơ sở lưu trú du lịch (hạng 1 sao, 2 sao)", 1500000)]),
    p("2.016164", "Công nhận điểm du lịch", "DULICH", "vhttdl", "30",
      "Quyết định công nhận điểm du lịch",
      [O("Đơn đề nghị công nhận điểm du lịch theo mẫu"),
       O("Bản thuyết minh về điểm du lịch đáp ứng các điều kiện theo quy định")],
      [L_DLICH, ND168_2017], on="n"),
    # ----- Thể dục thể thao ----------------------------------------------------------------
    p("3.004105", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao đối với môn "
      "Bơi, Lặn", "THETHAO", "vhttdl", "7", "Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao",
      [O("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"),
       O("Bản tóm tắt tình hình chuẩn bị các điều kiện kinh doanh hoạt động thể thao"),
       C("Văn bằng, chứng chỉ của nhân viên chuyên môn, nhân viên cứu hộ")],
      [L_TDTT, ND36_2019, TT106_2017], on="f",
      fees=[("Phí thẩm định cấp Giấy chứng nhận (tại thành phố, thị xã)", 1500000)]),
    p("3.004118", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao đối với môn Võ "
      "cổ truyền, Vovinam", "THETHAO", "vhttdl", "7",
      "Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao",
      [O("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"),
       O("Bản tóm tắt tình hình chuẩn bị các điều kiện kinh doanh hoạt động thể thao"),
       C("Văn bằng, chứng chỉ, đẳng cấp của người hướng dẫn tập luyện")],
      [L_TDTT, ND36_2019, TT106_2017], on="f",
      fees=[("Phí thẩm định cấp Giấy chứng nhận (tại thành phố, thị xã)", 1500000)]),
    p("3.004124", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao đối với môn "
      "Thể dục thẩm mỹ", "THETHAO", "vhttdl", "7",
      "Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao",
      [O("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"),
       O("Bản tóm tắt tình hình chuẩn bị các điều kiện kinh doanh hoạt động thể thao"),
       C("Văn bằng, chứng chỉ của người hướng dẫn tập luyện")],
      [L_TDTT, ND36_2019, TT106_2017], on="f",
      fees=[("Phí thẩm định cấp Giấy chứng nhận (tại thành phố, thị xã)", 1500000)]),
    p("3.004139", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao đối với môn "
      "Billiards & Snooker", "THETHAO", "vhttdl", "7",
      "Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao",
      [O("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"),
       O("Bản tóm tắt tình hình chuẩn bị các điều kiện kinh doanh hoạt động thể thao")],
      [L_TDTT, ND36_2019, TT106_2017], on="f",
      fees=[("Phí thẩm định cấp Giấy chứng nhận (tại thành phố, thị xã)", 1500000)]),
    p("3.004145", "Cấp lại Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao",
      "THETHAO", "vhttdl", "5", "Giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao (cấp lại)",
      [O("Đơn đề nghị cấp lại Giấy chứng nhận theo mẫu"),
       C("Giấy tờ chứng minh sự thay đổi (nếu có)")],
      [L_TDTT, ND36_2019], on="f"),
    p("3.004151", "Đăng cai tổ chức giải thi đấu vô địch từng môn thể thao của tỉnh", "THETHAO",
      "vhttdl", "15", "Quyết định cho phép đăng cai tổ chức giải",
      [O("Văn bản đề nghị đăng cai tổ chức giải"), O("Điều lệ giải thi đấu"),
       O("Kế hoạch tổ chức giải, phương án bảo đảm an ninh, trật tự, y tế")],
      [L_TDTT, ND36_2019]),
    p("3.004166", "Công nhận câu lạc bộ thể thao cơ sở", "THETHAO", "commune", "7",
      "Quyết định công nhận câu lạc bộ thể thao cơ sở",
      [O("Đơn đề nghị công nhận câu lạc bộ theo mẫu"), O("Danh sách thành viên câu lạc bộ"),
       O("Dự thảo quy chế hoạt động của câu lạc bộ")],
      [L_TDTT], on="p"),
    # ----- Báo chí, xuất bản, thông tin điện tử --------------------------------------------
    p("1.019102", "Cấp giấy phép xuất bản bản tin", "BAOCHI", "vhttdl", "15",
      "Giấy phép xuất bản bản tin",
      [O("Tờ khai đề nghị cấp giấy phép xuất bản bản tin theo mẫu"),
       CC("Quyết định thành lập hoặc giấy chứng nhận đăng ký của cơ quan, tổ chức"),
       O("Mẫu trình bày tên gọi của bản tin")],
      [L_BC], on="f"),
    p("1.019117", "Cấp giấy phép xuất bản tài liệu không kinh doanh", "BAOCHI", "vhttdl", "10",
      "Giấy phép xuất bản tài liệu không kinh doanh",
      [O("Đơn đề nghị cấp giấy phép xuất bản tài liệu không kinh doanh theo mẫu"),
       O("Bản thảo tài liệu in trên giấy hoặc tệp tin điện tử", 2)],
      [L_XB, ND195_2013], on="f"),
    p("1.019123", "Cấp giấy phép hoạt động in", "BAOCHI", "vhttdl", "15",
      "Giấy phép hoạt động in",
      [O("Đơn đề nghị cấp giấy phép hoạt động in theo mẫu"), C(_GCN_DN),
       C("Giấy tờ chứng minh về mặt bằng sản xuất"), C("Danh mục thiết bị in")],
      [ND60_2014], on="p"),
    p("1.019138", "Đăng ký hoạt động cơ sở in", "BAOCHI", "vhttdl", "5",
      "Văn bản xác nhận đăng ký hoạt động cơ sở in",
      [O("Tờ khai đăng ký hoạt động cơ sở in theo mẫu"), C(_GCN_DN)],
      [ND60_2014], on="f"),
    p("1.019144", "Cấp giấy phép nhập khẩu xuất bản phẩm không kinh doanh", "BAOCHI", "vhttdl",
      "10", "Giấy phép nhập khẩu xuất bản phẩm không kinh doanh",
      [O("Đơn đề nghị cấp giấy phép nhập khẩu theo mẫu"),
       O("Danh mục xuất bản phẩm nhập khẩu")],
      [L_XB, ND195_2013], on="f"),
    p("1.019159", "Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp", "BAOCHI",
      "vhttdl", "10", "Giấy phép thiết lập trang thông tin điện tử tổng hợp",
      [O("Đơn đề nghị cấp giấy phép theo mẫu"), C(_GCN_DN),
       O("Đề án hoạt động có chữ ký, dấu của người đứng đầu tổ chức"),
       O("Văn bản chấp thuận của các cơ quan cung cấp nguồn tin")],
      [ND147_2024], on="p"),
    # ----- Hoạt động khoa học và công nghệ -------------------------------------------------
    p("2.017104", "Cấp Giấy chứng nhận đăng ký hoạt động lần đầu cho tổ chức khoa học và công "
      "nghệ", "KHCN", "khcn", "15", "Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
      [O("Đơn đăng ký hoạt động khoa học và công nghệ theo mẫu"),
       CC("Quyết định thành lập tổ chức khoa học và công nghệ"), O("Điều lệ tổ chức và hoạt động"),
       O("Hồ sơ nhân lực khoa học và công nghệ"), C("Giấy tờ chứng minh về trụ sở chính")],
      [L_KHCN, ND08_2014], on="p",
      fees=[("Lệ phí cấp Giấy chứng nhận đăng ký hoạt động", 500000)]),
    p("2.017117", "Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ", "KHCN", "khcn", "7",
      "Giấy chứng nhận doanh nghiệp khoa học và công nghệ",
      [O("Đơn đề nghị cấp Giấy chứng nhận theo mẫu"),
       O("Phương án sản xuất, kinh doanh sản phẩm hình thành từ kết quả khoa học và công nghệ"),
       CC("Văn bản xác nhận quyền sở hữu, sử dụng hợp pháp kết quả khoa học và công nghệ")],
      [L_KHCN, ND13_2019], on="f"),
    p("2.017123", "Đăng ký hợp đồng chuyển giao công nghệ (trừ những trường hợp thuộc thẩm quyền "
      "của Bộ Khoa học và Công nghệ)", "KHCN", "khcn", "5",
      "Giấy chứng nhận đăng ký chuyển giao công nghệ",
      [O("Văn bản đề nghị đăng ký chuyển giao công nghệ theo mẫu"),
       CC("Hợp đồng chuyển giao công nghệ bằng tiếng Việt")],
      [L_CGCN, ND76_2018], on="f"),
    p("2.017138", "Cấp giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán "
      "trong y tế", "KHCN", "khcn", "15", "Giấy phép tiến hành công việc bức xạ",
      [O("Đơn đề nghị cấp giấy phép theo mẫu"),
       O("Báo cáo đánh giá an toàn bức xạ"),
       C("Biên bản kiểm định thiết bị X-quang"),
       CC("Chứng chỉ nhân viên bức xạ của người phụ trách an toàn")],
      [L_NLNT, ND142_2020], on="p",
      fees=[("Phí thẩm định cấp giấy phép sử dụng thiết bị X-quang chẩn đoán y tế", 2000000)]),
    p("2.017144", "Cấp chứng chỉ nhân viên bức xạ cho người phụ trách an toàn cơ sở X-quang chẩn "
      "đoán trong y tế", "KHCN", "khcn", "10", "Chứng chỉ nhân viên bức xạ",
      [O("Đơn đề nghị cấp chứng chỉ theo mẫu"),
       CC("Giấy chứng nhận đào tạo an toàn bức xạ"), O("Hai ảnh màu cỡ 3 x 4 cm", 2)],
      [L_NLNT, ND142_2020], on="f",
      fees=[("Phí thẩm định cấp chứng chỉ nhân viên bức xạ", 200000)]),
    p("2.017159", "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ không sử dụng ngân "
      "sách nhà nước", "KHCN", "khcn", "5", "Giấy chứng nhận đăng ký kết quả thực hiện nhiệm vụ",
      [O("Phiếu đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ theo mẫu"),
       O("Báo cáo tổng hợp kết quả thực hiện nhiệm vụ")],
      [L_KHCN, ND08_2014], on="f"),
    # ----- Bưu chính -----------------------------------------------------------------------
    p("3.005102", "Cấp giấy phép bưu chính (phạm vi nội tỉnh)", "BUUCHINH", "khcn", "10",
      "Giấy phép bưu chính",
      [O("Đơn đề nghị cấp giấy phép bưu chính theo mẫu"), C(_GCN_DN),
       O("Điều lệ tổ chức và hoạt động của doanh nghiệp"), O("Phương án kinh doanh"),
       O("Mẫu hợp đồng cung ứng và sử dụng dịch vụ bưu chính")],
      [L_BCHINH, ND47_2011, TT291], on="f",
      fees=[("Phí thẩm định điều kiện cấp giấy phép bưu chính (phạm vi nội tỉnh)", 5000000)]),
    p("3.005117", "Sửa đổi, bổ sung giấy phép bưu chính", "BUUCHINH", "khcn", "10",
      "Giấy phép bưu chính (sửa đổi, bổ sung)",
      [O("Đơn đề nghị sửa đổi, bổ sung giấy phép bưu chính theo mẫu"),
       C("Tài liệu liên quan đến nội dung sửa đổi, bổ sung")],
      [L_BCHINH, ND47_2011, TT291], on="f",
      fees=[("Phí thẩm định sửa đổi, bổ sung giấy phép bưu chính", 2500000)]),
    p("3.005123", "Cấp lại giấy phép bưu chính khi hết hạn", "BUUCHINH", "khcn", "10",
      "Giấy phép bưu chính (cấp lại)",
      [O("Đơn đề nghị cấp lại giấy phép bưu chính theo mẫu"),
       O("Báo cáo hoạt động bưu chính trong thời gian được cấp phép")],
      [L_BCHINH, ND47_2011, TT291], on="f",
      fees=[("Phí thẩm định cấp lại giấy phép bưu chính", 5000000)]),
    p("3.005138", "Cấp lại giấy phép bưu chính khi bị mất hoặc hư hỏng không sử dụng được",
      "BUUCHINH", "khcn", "5", "Giấy phép bưu chính (cấp lại)",
      [O("Đơn đề nghị cấp lại giấy phép bưu chính theo mẫu")],
      [L_BCHINH, ND47_2011], on="f"),
    p("3.005144", "Cấp văn bản xác nhận thông báo hoạt động bưu chính", "BUUCHINH", "khcn", "7",
      "Văn bản xác nhận thông báo hoạt động bưu chính",
      [O("Văn bản thông báo hoạt động bưu chính theo mẫu"), C(_GCN_DN),
       O("Mẫu hợp đồng cung ứng và sử dụng dịch vụ bưu chính")],
      [L_BCHINH, ND47_2011, TT291], on="f",
      fees=[("Phí thẩm định điều kiện cấp văn bản xác nhận thông báo hoạt động bưu chính", 2000000)]),
    p("3.005159", "Cấp lại văn bản xác nhận thông báo hoạt động bưu chính khi bị mất hoặc hư "
      "hỏng không sử dụng được", "BUUCHINH", "khcn", "5",
      "Văn bản xác nhận thông báo hoạt động bưu chính (cấp lại)",
      [O("Văn bản đề nghị cấp lại theo mẫu")],
      [L_BCHINH, ND47_2011], on="f"),
    # ----- Tiêu chuẩn, đo lường, chất lượng ------------------------------------------------
    p("2.018102", "Tiếp nhận hồ sơ công bố hợp quy sản phẩm, hàng hóa", "TCDLCL", "khcn", "5",
      "Thông báo tiếp nhận hồ sơ công bố hợp quy",
      [O("Bản công bố hợp quy theo mẫu"),
       CC("Giấy chứng nhận hợp quy do tổ chức chứng nhận đã đăng ký cấp"),
       C("Mẫu dấu hợp quy")],
      [L_TCQC, L_CLSP], on="f", fees=[("Lệ phí (miễn)", 0)]),
    p("2.018117", "Đăng ký kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu", "TCDLCL", "khcn",
      "1", "Thông báo kết quả kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu",
      [O("Bản đăng ký kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu theo mẫu"),
       C("Hợp đồng, danh mục hàng hóa, hóa đơn, vận đơn, tờ khai hàng hóa nhập khẩu"),
       CC("Giấy chứng nhận hợp quy hoặc chứng thư giám định")],
      [L_CLSP, ND132_2008], on="f"),
    p("2.018123", "Chứng nhận chuẩn đo lường để kiểm định phương tiện đo nhóm 2", "TCDLCL",
      "khcn", "10", "Quyết định chứng nhận chuẩn đo lường",
      [O("Đơn đề nghị chứng nhận theo mẫu"), C("Giấy chứng nhận hiệu chuẩn của chuẩn đo lường"),
       O("Danh mục chuẩn đo lường đề nghị chứng nhận")],
      [L_DLUONG], on="f"),
    p("2.018138", "Kiểm tra nhà nước về đo lường đối với phương tiện đo, lượng của hàng đóng gói "
      "sẵn nhập khẩu", "TCDLCL", "khcn", "1", "Thông báo kết quả kiểm tra nhà nước về đo lường",
      [O("Bản đăng ký kiểm tra nhà nước về đo lường theo mẫu"),
       C("Hợp đồng, danh mục hàng hóa, tờ khai hàng hóa nhập khẩu")],
      [L_DLUONG], on="f"),
    p("2.018144", "Đăng ký tham dự sơ tuyển, xét tặng Giải thưởng Chất lượng quốc gia", "TCDLCL",
      "khcn", "30", "Kết quả sơ tuyển Giải thưởng Chất lượng quốc gia",
      [O("Đơn đăng ký tham dự theo mẫu"), O("Báo cáo giới thiệu tổng quan về tổ chức"),
       O("Báo cáo tự đánh giá theo các tiêu chí của Giải thưởng")],
      [L_CLSP, ND132_2008], on="n"),
    p("2.018159", "Cấp Giấy xác nhận đăng ký hoạt động xét tặng giải thưởng chất lượng sản phẩm, "
      "hàng hóa của tổ chức, cá nhân", "TCDLCL", "khcn", "5",
      "Giấy xác nhận đăng ký hoạt động xét tặng giải thưởng chất lượng",
      [O("Đơn đăng ký hoạt động xét tặng giải thưởng theo mẫu"), O("Quy chế xét tặng giải thưởng"),
       C(_GCN_DN)],
      [L_CLSP, ND132_2008], on="f"),
    # ----- Tín ngưỡng, tôn giáo ------------------------------------------------------------
    p("1.020103", "Đăng ký hoạt động tín ngưỡng", "TONGIAO", "commune", "15",
      "Văn bản chấp thuận đăng ký hoạt động tín ngưỡng",
      [O("Văn bản đăng ký hoạt động tín ngưỡng theo mẫu"),
       O("Danh mục hoạt động tín ngưỡng diễn ra hằng năm tại cơ sở tín ngưỡng")],
      [L_TNTG, ND95_2023], on="n"),
    p("1.020118", "Đăng ký bổ sung hoạt động tín ngưỡng", "TONGIAO", "commune", "15",
      "Văn bản chấp thuận đăng ký bổ sung hoạt động tín ngưỡng",
      [O("Văn bản đăng ký bổ sung hoạt động tín ngưỡng theo mẫu")],
      [L_TNTG, ND95_2023], on="n"),
    p("1.020124", "Đăng ký sinh hoạt tôn giáo tập trung", "TONGIAO", "commune", "20",
      "Văn bản chấp thuận đăng ký sinh hoạt tôn giáo tập trung",
      [O("Văn bản đăng ký sinh hoạt tôn giáo tập trung theo mẫu"),
       O("Bản tóm tắt giáo lý, giáo luật, lễ nghi"),
       O("Sơ yếu lý lịch của người đại diện nhóm sinh hoạt tôn giáo tập trung"),
       C("Giấy tờ hợp pháp chứng minh về địa điểm sinh hoạt tôn giáo tập trung")],
      [L_TNTG, ND95_2023], on="n"),
    p("1.020139", "Thông báo danh mục hoạt động tôn giáo đối với tổ chức có địa bàn hoạt động "
      "tôn giáo ở một xã", "TONGIAO", "commune", "15",
      "Văn bản xác nhận tiếp nhận thông báo",
      [O("Văn bản thông báo danh mục hoạt động tôn giáo theo mẫu")],
      [L_TNTG, ND95_2023], on="f"),
    p("1.020145", "Đề nghị thay đổi người đại diện của nhóm sinh hoạt tôn giáo tập trung",
      "TONGIAO", "commune", "20", "Văn bản chấp thuận thay đổi người đại diện",
      [O("Văn bản đề nghị thay đổi người đại diện theo mẫu"),
       O("Sơ yếu lý lịch của người đại diện mới")],
      [L_TNTG, ND95_2023], on="n"),
    p("1.020151", "Đề nghị công nhận tổ chức tôn giáo có địa bàn hoạt động ở một tỉnh", "TONGIAO",
      "dttg", "60", "Quyết định công nhận tổ chức tôn giáo",
      [O("Văn bản đề nghị công nhận tổ chức tôn giáo theo mẫu"),
       O("Văn bản tóm tắt quá trình hoạt động của tổ chức"), O("Danh sách, sơ yếu lý lịch người đại diện"),
       O("Hiến chương của tổ chức"), C("Giấy tờ chứng minh có địa điểm hợp pháp")],
      [L_TNTG, ND95_2023], on="n"),
    p("1.020166", "Đăng ký người được bổ nhiệm, bầu cử, suy cử làm chức việc", "TONGIAO",
      "dttg", "20", "Văn bản chấp thuận đăng ký",
      [O("Văn bản đăng ký theo mẫu"), O("Sơ yếu lý lịch của người được đăng ký"),
       CC("Phiếu lý lịch tư pháp")],
      [L_TNTG, ND95_2023], on="n"),
    p("1.020172", "Đề nghị tổ chức cuộc lễ ngoài cơ sở tôn giáo, địa điểm hợp pháp đã đăng ký có "
      "quy mô tổ chức ở nhiều xã thuộc một tỉnh", "TONGIAO", "dttg", "15",
      "Văn bản chấp thuận tổ chức cuộc lễ",
      [O("Văn bản đề nghị theo mẫu"), O("Chương trình, nội dung cuộc lễ"),
       O("Phương án bảo đảm an ninh, trật tự")],
      [L_TNTG, ND95_2023], on="n"),
    p("1.020187", "Thông báo thuyên chuyển chức sắc, chức việc, nhà tu hành", "TONGIAO", "dttg",
      "10", "Văn bản xác nhận tiếp nhận thông báo",
      [O("Văn bản thông báo thuyên chuyển theo mẫu")],
      [L_TNTG, ND95_2023], on="f"),
    # ----- Công tác dân tộc ----------------------------------------------------------------
    p("3.006103", "Công nhận người có uy tín trong đồng bào dân tộc thiểu số", "DANTOC", "dttg",
      "30", "Quyết định công nhận người có uy tín",
      [O("Văn bản đề nghị của Ủy ban nhân dân cấp xã"), O("Biên bản họp bình chọn tại thôn"),
       O("Danh sách trích ngang người được đề nghị công nhận")],
      [QD12_2018, ND05_2011], levels=PC, on="n", inter=True),
    p("3.006118", "Đưa ra khỏi danh sách người có uy tín trong đồng bào dân tộc thiểu số",
      "DANTOC", "dttg", "30", "Quyết định đưa ra khỏi danh sách người có uy tín",
      [O("Văn bản đề nghị của Ủy ban nhân dân cấp xã"), O("Biên bản họp thôn")],
      [QD12_2018], levels=PC, on="n", inter=True),
    p("3.006124", "Thăm hỏi, hỗ trợ người có uy tín trong đồng bào dân tộc thiểu số khi ốm đau, "
      "gặp khó khăn", "DANTOC", "commune", "7", "Quyết định hỗ trợ",
      [O("Đơn đề nghị hỗ trợ"), C("Giấy tờ của cơ sở y tế về tình trạng ốm đau (nếu có)")],
      [QD12_2018], on="n"),
    p("3.006139", "Hỗ trợ chi phí học tập đối với trẻ mẫu giáo, học sinh, sinh viên là người dân "
      "tộc thiểu số rất ít người", "DANTOC", "commune", "10", "Quyết định hỗ trợ học tập",
      [O("Đơn đề nghị hỗ trợ học tập theo mẫu"),
       C("Giấy xác nhận đang học tại cơ sở giáo dục")],
      [ND57_2017], levels=DC, on="f"),
    p("3.006145", "Hỗ trợ đất ở, nhà ở, đất sản xuất, nước sinh hoạt cho hộ đồng bào dân tộc "
      "thiểu số nghèo", "DANTOC", "commune", "20", "Quyết định phê duyệt danh sách hộ được hỗ trợ",
      [O("Đơn đề nghị hỗ trợ theo mẫu"), O("Biên bản họp bình xét tại thôn")],
      [QD1719], levels=DC, on="n"),
    p("3.006151", "Hỗ trợ phát triển sản xuất theo chuỗi giá trị vùng đồng bào dân tộc thiểu số "
      "và miền núi", "DANTOC", "commune", "20", "Quyết định phê duyệt dự án hỗ trợ",
      [O("Đề xuất dự án hỗ trợ phát triển sản xuất theo mẫu"),
       O("Phương án liên kết sản xuất, tiêu thụ sản phẩm"),
       O("Danh sách hộ tham gia dự án")],
      [QD1719], on="n"),
    # ----- Ngoại vụ ------------------------------------------------------------------------
    p("2.019104", "Cho phép tổ chức hội nghị, hội thảo quốc tế thuộc thẩm quyền của Chủ tịch Ủy "
      "ban nhân dân cấp tỉnh", "NGOAIVU", "ngoaivu", "15",
      "Văn bản cho phép tổ chức hội nghị, hội thảo quốc tế",
      [O("Văn bản đề nghị tổ chức hội nghị, hội thảo quốc tế"),
       O("Đề án tổ chức hội nghị, hội thảo (mục đích, nội dung, thành phần, kinh phí)"),
       O("Danh sách đại biểu nước ngoài dự kiến tham dự")],
      [QD06_2020], on="f"),
    p("2.019117", "Cho phép doanh nhân sử dụng thẻ đi lại của doanh nhân APEC (ABTC)", "NGOAIVU",
      "ngoaivu", "10", "Văn bản cho phép sử dụng thẻ ABTC",
      [O("Văn bản đề nghị của doanh nghiệp"), C("Hợp đồng lao động hoặc quyết định bổ nhiệm"),
       CC("Hộ chiếu còn giá trị"),
       C("Hợp đồng thương mại, chứng từ giao dịch với đối tác tại các nền kinh tế APEC")],
      [QD45_2006], on="f"),
    p("2.019123", "Tiếp nhận, thẩm định khoản viện trợ không hoàn lại không thuộc hỗ trợ phát "
      "triển chính thức của các cơ quan, tổ chức, cá nhân nước ngoài", "NGOAIVU", "ngoaivu", "20",
      "Quyết định phê duyệt khoản viện trợ",
      [O("Tờ trình đề nghị phê duyệt khoản viện trợ"), O("Văn kiện chương trình, dự án viện trợ"),
       O("Thư cam kết tài trợ của bên tài trợ"),
       CC("Giấy đăng ký hoạt động của tổ chức phi chính phủ nước ngoài (nếu có)")],
      [ND80_2020]),
    p("2.019138", "Tiếp nhận hồ sơ đề nghị chứng nhận lãnh sự, hợp pháp hóa lãnh sự tại Sở Ngoại "
      "vụ", "NGOAIVU", "ngoaivu", "1", "Giấy tờ, tài liệu được chứng nhận, hợp pháp hóa lãnh sự",
      [O("Tờ khai chứng nhận lãnh sự, hợp pháp hóa lãnh sự theo mẫu"),
       O("Giấy tờ, tài liệu đề nghị được chứng nhận, hợp pháp hóa lãnh sự"), C(_ID)],
      [ND111_2011], ps=True, pr=True,
      fees=[("Lệ phí chứng nhận lãnh sự, hợp pháp hóa lãnh sự (mỗi bản)", 30000)], on="n"),
    p("2.019144", "Cấp công hàm đề nghị phía nước ngoài cấp thị thực cho cán bộ, công chức, viên "
      "chức đi công tác nước ngoài", "NGOAIVU", "ngoaivu", "3", "Công hàm đề nghị cấp thị thực",
      [O("Văn bản đề nghị cấp công hàm"), CC("Quyết định cử đi công tác nước ngoài"),
       CC("Hộ chiếu công vụ hoặc hộ chiếu ngoại giao")],
      [L_XNC], on="f"),
    p("2.019159", "Cho ý kiến về việc ký kết thỏa thuận quốc tế nhân danh Ủy ban nhân dân cấp xã "
      "ở khu vực biên giới", "NGOAIVU", "ngoaivu", "10", "Văn bản cho ý kiến",
      [O("Văn bản đề xuất ký kết thỏa thuận quốc tế"), O("Dự thảo thỏa thuận quốc tế"),
       O("Văn bản thuyết minh về sự cần thiết, mục đích ký kết")],
      [L_TTQT], on="n"),
    # ----- Tiếp công dân, khiếu nại, tố cáo ------------------------------------------------
    p("2.020101", "Tiếp công dân tại cấp tỉnh", "TIEPDAN", "thanhtra", "1",
      "Phiếu hướng dẫn hoặc văn bản chuyển đơn",
      [O("Đơn khiếu nại, tố cáo, kiến nghị, phản ánh (nếu có)"), C(_ID)],
      [L_TCD], on="n", pr=False),
    p("2.020116", "Giải quyết khiếu nại lần đầu tại cấp tỉnh", "TIEPDAN", "thanhtra", "30",
      "Quyết định giải quyết khiếu nại lần đầu",
      [O("Đơn khiếu nại hoặc bản ghi lời khiếu nại"),
       C("Tài liệu, chứng cứ liên quan đến nội dung khiếu nại")],
      [L_KN, ND124_2020], on="p"),
    p("2.020122", "Giải quyết khiếu nại lần hai tại cấp tỉnh", "TIEPDAN", "thanhtra", "45",
      "Quyết định giải quyết khiếu nại lần hai",
      [O("Đơn khiếu nại lần hai"), C("Quyết định giải quyết khiếu nại lần đầu"),
       C("Tài liệu, chứng cứ liên quan")],
      [L_KN, ND124_2020], on="p"),
    p("2.020137", "Giải quyết tố cáo tại cấp tỉnh", "TIEPDAN", "thanhtra", "30",
      "Kết luận nội dung tố cáo",
      [O("Đơn tố cáo hoặc văn bản ghi nội dung tố cáo"),
       C("Tài liệu, chứng cứ liên quan đến nội dung tố cáo")],
      [L_TC, ND31_2019], on="p"),
    p("2.020143", "Xử lý đơn tại cấp tỉnh", "TIEPDAN", "thanhtra", "10",
      "Phiếu chuyển đơn, hướng dẫn hoặc thông báo thụ lý",
      [O("Đơn khiếu nại, tố cáo, kiến nghị, phản ánh")],
      [L_TCD, L_KN, L_TC], on="f"),
    p("2.020158", "Tiếp công dân tại cấp xã", "TIEPDAN", "commune", "1",
      "Phiếu hướng dẫn hoặc văn bản chuyển đơn",
      [O("Đơn khiếu nại, tố cáo, kiến nghị, phản ánh (nếu có)"), C(_ID)],
      [L_TCD], on="n", pr=False),
    p("2.020164", "Giải quyết khiếu nại lần đầu tại cấp xã", "TIEPDAN", "commune", "30",
      "Quyết định giải quyết khiếu nại lần đầu",
      [O("Đơn khiếu nại hoặc bản ghi lời khiếu nại"),
       C("Tài liệu, chứng cứ liên quan đến nội dung khiếu nại")],
      [L_KN, ND124_2020], levels=DC, on="n"),
    p("2.020179", "Giải quyết tố cáo tại cấp xã", "TIEPDAN", "commune", "30",
      "Kết luận nội dung tố cáo",
      [O("Đơn tố cáo hoặc văn bản ghi nội dung tố cáo"),
       C("Tài liệu, chứng cứ liên quan đến nội dung tố cáo")],
      [L_TC, ND31_2019], levels=DC, on="n"),
    # ----- Quản lý khu công nghiệp ---------------------------------------------------------
    p("3.007101", "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án trong khu công nghiệp không "
      "thuộc diện chấp thuận chủ trương đầu tư", "KCN", "bqlkcn", "15",
      "Giấy chứng nhận đăng ký đầu tư",
      [O("Văn bản đề nghị thực hiện dự án đầu tư"), O("Đề xuất dự án đầu tư"),
       CC("Tài liệu về tư cách pháp lý của nhà đầu tư"),
       CC("Tài liệu chứng minh năng lực tài chính của nhà đầu tư"),
       C("Thỏa thuận thuê đất, thuê nhà xưởng với doanh nghiệp kinh doanh hạ tầng")],
      [L_DT, ND31, ND35], on="f"),
    p("3.007116", "Điều chỉnh Giấy chứng nhận đăng ký đầu tư đối với dự án trong khu công nghiệp",
      "KCN", "bqlkcn", "10", "Giấy chứng nhận đăng ký đầu tư (điều chỉnh)",
      [O("Văn bản đề nghị điều chỉnh dự án đầu tư"), O("Báo cáo tình hình thực hiện dự án"),
       O("Quyết định của nhà đầu tư về việc điều chỉnh dự án")],
      [L_DT, ND31, ND35], on="f"),
    p("3.007122", "Chấm dứt hoạt động dự án đầu tư trong khu công nghiệp", "KCN", "bqlkcn", "15",
      "Thông báo chấm dứt hoạt động dự án đầu tư",
      [O("Quyết định chấm dứt hoạt động dự án đầu tư của nhà đầu tư"),
       C("Giấy chứng nhận đăng ký đầu tư")],
      [L_DT, ND31, ND35], on="f"),
    p("3.007137", "Cấp giấy phép lao động cho người lao động nước ngoài làm việc trong khu công "
      "nghiệp", "KCN", "bqlkcn", "5", "Giấy phép lao động",
      [O("Văn bản đề nghị cấp giấy phép lao động theo mẫu"), O("Giấy chứng nhận sức khỏe"),
       CC("Phiếu lý lịch tư pháp"), CC("Văn bản chứng minh trình độ chuyên môn, kinh nghiệm"),
       O("Hai ảnh màu cỡ 4 x 6 cm", 2), CC("Hộ chiếu còn giá trị")],
      [L_LD, ND152, ND35], on="f",
      fees=[("Lệ phí cấp giấy phép lao động", 600000)]),
    p("3.007143", "Cấp giấy phép xây dựng công trình trong khu công nghiệp", "KCN", "bqlkcn", "20",
      "Giấy phép xây dựng",
      [O("Đơn đề nghị cấp giấy phép xây dựng theo mẫu"),
       CC("Hợp đồng thuê đất, thuê lại đất trong khu công nghiệp"),
       CC("Văn bản thông báo kết quả thẩm định thiết kế"), O("Bản vẽ thiết kế xây dựng", 2)],
      [L_XD, ND175, ND35], on="f",
      fees=[("Lệ phí cấp giấy phép xây dựng công trình", 150000)]),
    p("3.007158", "Đăng ký nội quy lao động của doanh nghiệp trong khu công nghiệp", "KCN",
      "bqlkcn", "7", "Thông báo về việc đăng ký nội quy lao động",
      [O("Văn bản đề nghị đăng ký nội quy lao động"), O("Nội quy lao động"),
       O("Văn bản góp ý của tổ chức đại diện người lao động tại cơ sở (nếu có)")],
      [L_LD, ND145, ND35], on="f"),
    p("3.007164", "Xác nhận ưu đãi đầu tư và điều kiện hưởng ưu đãi đối với dự án trong khu công "
      "nghiệp", "KCN", "bqlkcn", "15", "Văn bản xác nhận ưu đãi đầu tư",
      [O("Văn bản đề nghị xác nhận ưu đãi đầu tư"), C("Giấy chứng nhận đăng ký đầu tư"),
       O("Báo cáo tình hình thực hiện dự án")],
      [L_DT, ND31, ND35]),
    # ----- Giấy phép lái xe và đăng ký xe --------------------------------------------------
    p("1.021102", "Cấp đổi giấy phép lái xe do ngành Giao thông vận tải cấp", "GPLX", "congan",
      "5", "Giấy phép lái xe (cấp đổi)",
      [O("Đơn đề nghị đổi giấy phép lái xe theo mẫu"), C("Giấy phép lái xe đang sử dụng"),
       O("Giấy khám sức khỏe của người lái xe (đối với hạng xe có yêu cầu)")],
      [L_TTATGT, TT12_2025, TT37_2023], on="f",
      fees=[("Lệ phí cấp giấy phép lái xe", 135000)]),
    p("1.021117", "Cấp lại giấy phép lái xe", "GPLX", "congan", "5",
      "Giấy phép lái xe (cấp lại)",
      [O("Đơn đề nghị cấp lại giấy phép lái xe theo mẫu"),
       O("Giấy khám sức khỏe của người lái xe (đối với hạng xe có yêu cầu)")],
      [L_TTATGT, TT12_2025, TT37_2023], on="f",
      fees=[("Lệ phí cấp giấy phép lái xe", 135000)]),
    p("1.021123", "Cấp giấy phép lái xe quốc tế", "GPLX", "congan", "5",
      "Giấy phép lái xe quốc tế",
      [O("Tờ khai đề nghị cấp giấy phép lái xe quốc tế theo mẫu"),
       C("Giấy phép lái xe quốc gia còn thời hạn"), O("Ảnh màu cỡ 3 x 4 cm")],
      [L_TTATGT, TT12_2025, TT37_2023], on="f",
      fees=[("Lệ phí cấp giấy phép lái xe quốc tế", 135000)]),
    p("1.021138", "Đổi giấy phép lái xe do nước ngoài cấp", "GPLX", "congan", "5",
      "Giấy phép lái xe Việt Nam",
      [O("Đơn đề nghị đổi giấy phép lái xe theo mẫu"),
       CC("Bản dịch giấy phép lái xe nước ngoài ra tiếng Việt"), CC("Hộ chiếu, thị thực hoặc thẻ tạm trú")],
      [L_TTATGT, TT12_2025, TT37_2023], on="n",
      fees=[("Lệ phí cấp giấy phép lái xe", 135000)]),
    p("1.021144", "Đăng ký xe lần đầu đối với xe ô tô", "GPLX", "congan", "2",
      "Chứng nhận đăng ký xe và biển số xe",
      [O("Giấy khai đăng ký xe theo mẫu"), O("Chứng từ lệ phí trước bạ"),
       O("Phiếu kiểm tra chất lượng xuất xưởng hoặc chứng từ nhập khẩu"),
       O("Hóa đơn, chứng từ chuyển quyền sở hữu xe")],
      [L_TTATGT, TT79_2024, TT60_2023], on="p",
      fees=[("Lệ phí cấp chứng nhận đăng ký kèm biển số xe ô tô (khu vực II)", 1000000)], inter=True),
    p("1.021159", "Đăng ký sang tên xe trong tỉnh", "GPLX", "congan", "2",
      "Chứng nhận đăng ký xe",
      [O("Giấy khai đăng ký xe theo mẫu"), O("Chứng từ chuyển quyền sở hữu xe"),
       O("Chứng từ lệ phí trước bạ"), O("Chứng nhận đăng ký xe của chủ xe cũ")],
      [L_TTATGT, TT79_2024, TT60_2023], on="p",
      fees=[("Lệ phí cấp chứng nhận đăng ký xe", 50000)], inter=True),
    p("1.021165", "Thu hồi chứng nhận đăng ký xe, biển số xe", "GPLX", "congan", "2",
      "Chứng nhận thu hồi đăng ký, biển số xe",
      [O("Giấy khai thu hồi đăng ký, biển số xe theo mẫu"), O("Chứng nhận đăng ký xe"),
       O("Biển số xe")],
      [L_TTATGT, TT79_2024], on="f", fees=[("Lệ phí (miễn)", 0)]),
    # ----- Xuất nhập cảnh ------------------------------------------------------------------
    p("2.021103", "Cấp hộ chiếu phổ thông ở trong nước tại Công an cấp tỉnh", "XNC", "congan",
      "8", "Hộ chiếu phổ thông",
      [O("Tờ khai đề nghị cấp hộ chiếu phổ thông theo mẫu"),
       O("Ảnh chân dung cỡ 4 x 6 cm", 2),
       C("Hộ chiếu phổ thông cấp lần gần nhất còn giá trị (nếu có)")],
      [L_XNC, TT25_2021], on="f",
      fees=[("Lệ phí cấp hộ chiếu phổ thông", 200000)]),
    p("2.021118", "Cấp lại hộ chiếu phổ thông bị mất hoặc hư hỏng", "XNC", "congan", "8",
      "Hộ chiếu phổ thông",
      [O("Tờ khai đề nghị cấp hộ chiếu phổ thông theo mẫu"), O("Ảnh chân dung cỡ 4 x 6 cm", 2),
       O("Đơn trình báo mất hộ chiếu phổ thông (trường hợp bị mất)")],
      [L_XNC, TT25_2021], on="p",
      fees=[("Lệ phí cấp lại hộ chiếu phổ thông do bị mất, hư hỏng", 400000)]),
    p("2.021124", "Trình báo mất hộ chiếu phổ thông", "XNC", "congan", "1",
      "Thông báo về việc hủy giá trị sử dụng hộ chiếu",
      [O("Đơn trình báo mất hộ chiếu phổ thông theo mẫu")],
      [L_XNC], on="f", fees=[("Lệ phí (miễn)", 0)]),
    p("2.021139", "Khôi phục giá trị sử dụng hộ chiếu phổ thông", "XNC", "congan", "5",
      "Thông báo khôi phục giá trị sử dụng hộ chiếu",
      [O("Văn bản đề nghị khôi phục giá trị sử dụng hộ chiếu theo mẫu"),
       O("Hộ chiếu phổ thông đề nghị khôi phục")],
      [L_XNC, TT25_2021], on="n",
      fees=[("Phí khôi phục giá trị sử dụng hộ chiếu", 100000)]),
    p("2.021145", "Khai báo tạm trú cho người nước ngoài tại Việt Nam", "XNC", "congan", "12h",
      "Xác nhận tiếp nhận khai báo tạm trú",
      [O("Phiếu khai báo tạm trú cho người nước ngoài theo mẫu")],
      [L_NNN], on="f", pr=False, fees=[("Lệ phí (miễn)", 0)]),
    p("2.021151", "Cấp giấy phép cho người nước ngoài vào khu vực cấm, khu vực biên giới", "XNC",
      "congan", "5", "Giấy phép vào khu vực cấm, khu vực biên giới",
      [O("Văn bản đề nghị của cơ quan, tổ chức mời, bảo lãnh"),
       CC("Hộ chiếu và thị thực hoặc thẻ tạm trú của người nước ngoài")],
      [L_NNN], on="n"),
    # ----- Phòng cháy, chữa cháy và cứu nạn, cứu hộ ----------------------------------------
    p("3.008104", "Thẩm định thiết kế về phòng cháy và chữa cháy", "PCCC", "congan", "15",
      "Văn bản thẩm định thiết kế về phòng cháy và chữa cháy",
      [O("Văn bản đề nghị thẩm định thiết kế về phòng cháy và chữa cháy theo mẫu"),
       O("Hồ sơ thiết kế thể hiện các giải pháp về phòng cháy và chữa cháy", 2),
       C("Văn bản chấp thuận chủ trương đầu tư hoặc quyết định phê duyệt dự án")],
      [L_PCCC, ND105_2025, TT258], on="f"),
    p("3.008117", "Nghiệm thu về phòng cháy và chữa cháy", "PCCC", "congan", "10",
      "Văn bản chấp thuận kết quả nghiệm thu về phòng cháy và chữa cháy",
      [O("Văn bản đề nghị nghiệm thu về phòng cháy và chữa cháy theo mẫu"),
       O("Báo cáo kết quả nghiệm thu của chủ đầu tư"),
       O("Bản vẽ hoàn công hệ thống phòng cháy và chữa cháy"),
       C("Biên bản thử nghiệm, nghiệm thu từng phần và tổng thể hệ thống")],
      [L_PCCC, ND105_2025], on="p"),
    p("3.008123", "Cấp Giấy xác nhận đủ điều kiện kinh doanh dịch vụ phòng cháy, chữa cháy",
      "PCCC", "congan", "10", "Giấy xác nhận đủ điều kiện kinh doanh dịch vụ phòng cháy, chữa cháy",
      [O("Văn bản đề nghị cấp Giấy xác nhận theo mẫu"), C(_GCN_DN),
       O("Danh sách cá nhân có chứng chỉ hành nghề dịch vụ phòng cháy, chữa cháy"),
       C("Văn bằng, chứng chỉ của người quản lý, người hành nghề")],
      [L_PCCC, ND105_2025], on="f"),
    p("3.008138", "Cấp chứng nhận huấn luyện nghiệp vụ phòng cháy, chữa cháy và cứu nạn, cứu hộ",
      "PCCC", "congan", "5", "Chứng nhận huấn luyện nghiệp vụ",
      [O("Văn bản đề nghị tổ chức huấn luyện và cấp chứng nhận"),
       O("Danh sách người đề nghị huấn luyện"), O("Ảnh màu cỡ 2 x 3 cm", 2)],
      [L_PCCC, ND105_2025], on="n"),
    p("3.008144", "Kiểm định phương tiện phòng cháy và chữa cháy", "PCCC", "congan", "5",
      "Giấy chứng nhận kiểm định và tem kiểm định",
      [O("Văn bản đề nghị kiểm định theo mẫu"),
       C("Giấy chứng nhận xuất xứ, giấy chứng nhận chất lượng của phương tiện"),
       O("Tài liệu kỹ thuật của phương tiện đề nghị kiểm định")],
      [L_PCCC, ND105_2025], on="n"),
    p("3.008159", "Cấp giấy phép vận chuyển hàng hóa nguy hiểm về cháy, nổ bằng phương tiện giao "
      "thông cơ giới đường bộ", "PCCC", "congan", "5",
      "Giấy phép vận chuyển hàng hóa nguy hiểm về cháy, nổ",
      [O("Đơn đề nghị cấp giấy phép vận chuyển theo mẫu"),
       C("Giấy chứng nhận đăng ký xe, giấy chứng nhận kiểm định phương tiện"),
       C("Chứng nhận huấn luyện của người điều khiển phương tiện và người áp tải")],
      [L_PCCC, ND105_2025], on="p"),
]
# fmt: on

# ---------------------------------------------------------------------------------------------
# Self-check
# ---------------------------------------------------------------------------------------------

PROCEDURE_KEYS = {
    "code",
    "name",
    "field",
    "levels",
    "competent",
    "time",
    "unit",
    "cutoff",
    "supplement",
    "online",
    "legacy_level",
    "postal_submission",
    "postal_return",
    "inter_agency",
    "result",
    "fees",
    "documents",
    "legal",
}
CODE_RE = re.compile(r"^[1-3]\.[0-9]{6}$")
TIME_RE = re.compile(r"^[0-9]+(\.[0-9]+)?$")
CUTOFF_RE = re.compile(r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$")
LEVELS = {"province", "district", "commune"}
UNITS = {"working_days", "working_hours"}
SUPPLEMENT = {"pause", "restart"}
FORMS = {"original", "copy", "certified_copy"}


def _strings(value: object) -> list[str]:
    """Every string inside a nested structure of dicts and lists."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def online_split() -> dict[str, int]:
    """Number of procedures per online mode."""
    split = {"full": 0, "partial": 0, "none": 0}
    for proc in PROCEDURES:
        split[proc["online"]] += 1
    return split


def validate() -> None:
    """Assert the invariants of the demo catalogue."""
    assert len(FIELDS) >= 22, len(FIELDS)
    field_codes = [fd["code"] for fd in FIELDS]
    assert len(field_codes) == len(set(field_codes)), "duplicate field codes"
    dept_keys = {d["key"] for d in agencies.DEPARTMENTS}
    for fd in FIELDS:
        assert set(fd) == {"code", "name", "level", "department"}, fd
        assert fd["level"] in {"province", "commune"}, fd
        assert fd["department"] in dept_keys, fd

    assert len(PROCEDURES) >= 320, len(PROCEDURES)
    codes = [pr["code"] for pr in PROCEDURES]
    dup_codes = sorted({c for c in codes if codes.count(c) > 1})
    assert not dup_codes, f"duplicate procedure codes: {dup_codes}"
    names = [pr["name"] for pr in PROCEDURES]
    dup_names = sorted({n for n in names if names.count(n) > 1})
    assert not dup_names, f"duplicate procedure names: {dup_names}"

    per_field = dict.fromkeys(field_codes, 0)
    for pr in PROCEDURES:
        where = pr["code"]
        assert set(pr) == PROCEDURE_KEYS, where
        assert CODE_RE.match(pr["code"]), where
        assert pr["field"] in per_field, where
        per_field[pr["field"]] += 1
        assert pr["levels"] and set(pr["levels"]) <= LEVELS, where
        assert len(pr["levels"]) == len(set(pr["levels"])), where
        assert pr["competent"] == "commune" or pr["competent"] in dept_keys, where
        if pr["competent"] == "commune":
            assert "commune" in pr["levels"], where
        assert "district" not in pr["levels"] or "commune" in pr["levels"], where
        assert TIME_RE.match(pr["time"]) and float(pr["time"]) > 0, where
        assert pr["unit"] in UNITS, where
        assert pr["cutoff"] is None or CUTOFF_RE.match(pr["cutoff"]), where
        assert pr["supplement"] in SUPPLEMENT, where
        assert pr["online"] in _LEGACY_LEVEL, where
        assert pr["legacy_level"] == _LEGACY_LEVEL[pr["online"]], where
        for flag in ("postal_submission", "postal_return", "inter_agency"):
            assert isinstance(pr[flag], bool), (where, flag)
        assert pr["result"], where
        for fee in pr["fees"]:
            assert len(fee) == 2 and fee[0], (where, fee)
            assert isinstance(fee[1], int) and not isinstance(fee[1], bool), (where, fee)
            assert fee[1] >= 0, (where, fee)
        assert 1 <= len(pr["documents"]) <= 6, where
        for doc in pr["documents"]:
            assert len(doc) == 4 and doc[0], (where, doc)
            assert doc[1] in FORMS, (where, doc)
            assert isinstance(doc[2], int) and doc[2] >= 1, (where, doc)
            assert doc[3] is (IF_ANY in doc[0]), (where, doc)
        assert 1 <= len(pr["legal"]) <= 3, where
        assert all(pr["legal"]), where

    thin = {code: n for code, n in per_field.items() if n < 6}
    assert not thin, f"fields with fewer than 6 procedures: {thin}"

    for s in _strings([FIELDS, PROCEDURES]):
        assert unicodedata.is_normalized("NFC", s), s
