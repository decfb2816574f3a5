"""Agencies of the fictional province "Tỉnh Bình Sơn" (electronic identification suffix H99).

Codes follow QCVN 102:2016/BTTTT: ``DDD.DD.DD.H99`` (13 characters).

* ``000.00.00.H99`` — Ủy ban nhân dân tỉnh;
* ``000.00.NN.H99`` — departments (sở, ban, ngành), ``000.NN.MM.H99`` — their divisions;
* ``000.00.31.H99`` … ``000.00.34.H99`` — the old districts (until 30/06/2025);
* ``0MM.DD.00.H99`` — the old communes of district ``DD`` (until 30/06/2025);
* ``5MM.00.00.H99`` — the new communes and wards, directly under the province since 01/07/2025.

Pure data, no Django imports. ``validate()`` checks the invariants.
"""

from __future__ import annotations

import re
import unicodedata

SUFFIX = "H99"
OLD_REGIME_END = "2025-06-30"
NEW_REGIME_START = "2025-07-01"

PROVINCE = {
    "code": "000.00.00.H99",
    "name": "Ủy ban nhân dân tỉnh Bình Sơn",
    "short_name": "UBND tỉnh",
    "address": "Số 52 đường Hùng Vương, phường Bình Sơn, tỉnh Bình Sơn",
    "phone": "0266382201",
    "email": "ubnd@binhson.gov.vn",
}

# ---------------------------------------------------------------------------------------------
# Departments (sở, ban, ngành) — structure after the reorganisation of 01/03/2025 and 01/07/2025
# ---------------------------------------------------------------------------------------------

# fmt: off
_DEPARTMENTS_RAW = [
    # key, short name, name, address, phone, e-mail local part, divisions
    (
        "noivu", "SNV", "Sở Nội vụ",
        "Số 18 đường Trần Phú, phường Bình Sơn, tỉnh Bình Sơn", "0266382210", "sonv",
        [
            "Phòng Cải cách hành chính",
            "Phòng Tổ chức, biên chế và tổ chức phi chính phủ",
            "Phòng Công chức, viên chức",
            "Phòng Lao động - Việc làm - Bảo hiểm xã hội",
        ],
    ),
    (
        "tuphap", "STP", "Sở Tư pháp",
        "Số 05 đường Lê Lợi, phường Bình Sơn, tỉnh Bình Sơn", "0266382225", "sotp",
        [
            "Phòng Hành chính tư pháp",
            "Phòng Bổ trợ tư pháp",
            "Phòng Xây dựng và kiểm tra văn bản",
            "Phòng Phổ biến, giáo dục pháp luật",
        ],
    ),
    (
        "taichinh", "STC", "Sở Tài chính",
        "Số 30 đường Quang Trung, phường Bình Sơn, tỉnh Bình Sơn", "0266382236", "sotc",
        [
            "Phòng Đăng ký kinh doanh",
            "Phòng Quản lý ngân sách",
            "Phòng Quản lý giá và công sản",
            "Phòng Kinh tế đối ngoại và đầu tư",
        ],
    ),
    (
        "xaydung", "SXD", "Sở Xây dựng",
        "Số 45 đường Phan Đình Phùng, phường Tân An, tỉnh Bình Sơn", "0266382247", "soxd",
        [
            "Phòng Quản lý hoạt động xây dựng",
            "Phòng Quy hoạch - Kiến trúc",
            "Phòng Phát triển đô thị và hạ tầng",
            "Phòng Quản lý vận tải, phương tiện và người lái",
        ],
    ),
    (
        "congthuong", "SCT", "Sở Công Thương",
        "Số 12 đường Nguyễn Huệ, phường Bình Sơn, tỉnh Bình Sơn", "0266382258", "soct",
        [
            "Phòng Quản lý công nghiệp",
            "Phòng Quản lý thương mại",
            "Phòng Quản lý năng lượng",
            "Phòng Kỹ thuật an toàn - Môi trường",
        ],
    ),
    (
        "nnmt", "SNNMT", "Sở Nông nghiệp và Môi trường",
        "Số 88 đường Hai Bà Trưng, phường Bình Minh, tỉnh Bình Sơn", "0266382269", "sonnmt",
        [
            "Phòng Quản lý đất đai",
            "Phòng Môi trường",
            "Phòng Trồng trọt, chăn nuôi và thú y",
            "Phòng Thủy sản và Kiểm ngư",
        ],
    ),
    (
        "yte", "SYT", "Sở Y tế",
        "Số 21 đường Lê Thánh Tôn, phường Bình Sơn, tỉnh Bình Sơn", "0266382270", "soyt",
        [
            "Phòng Nghiệp vụ Y",
            "Phòng Nghiệp vụ Dược",
            "Phòng Bảo trợ xã hội và Trẻ em",
        ],
    ),
    (
        "gddt", "SGDĐT", "Sở Giáo dục và Đào tạo",
        "Số 09 đường Nguyễn Du, phường Bình Sơn, tỉnh Bình Sơn", "0266382281", "sogddt",
        [
            "Phòng Giáo dục phổ thông",
            "Phòng Giáo dục thường xuyên và Giáo dục nghề nghiệp",
            "Phòng Khảo thí và Quản lý chất lượng giáo dục",
        ],
    ),
    (
        "vhttdl", "SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch",
        "Số 16 đường Trần Hưng Đạo, phường Bình Sơn, tỉnh Bình Sơn", "0266382292", "sovhttdl",
        [
            "Phòng Quản lý văn hóa và gia đình",
            "Phòng Quản lý thể dục thể thao",
            "Phòng Quản lý du lịch",
            "Phòng Báo chí, xuất bản",
        ],
    ),
    (
        "khcn", "SKHCN", "Sở Khoa học và Công nghệ",
        "Số 27 đường Phạm Văn Đồng, phường Tân An, tỉnh Bình Sơn", "0266382303", "sokhcn",
        [
            "Phòng Quản lý khoa học",
            "Phòng Quản lý công nghệ và đổi mới sáng tạo",
            "Phòng Chuyển đổi số",
            "Phòng Bưu chính, viễn thông",
        ],
    ),
    (
        "dttg", "SDTTG", "Sở Dân tộc và Tôn giáo",
        "Số 04 đường Bà Triệu, phường Bình Sơn, tỉnh Bình Sơn", "0266382314", "sodttg",
        [
            "Phòng Chính sách dân tộc",
            "Phòng Tôn giáo",
        ],
    ),
    (
        "ngoaivu", "SNgV", "Sở Ngoại vụ",
        "Số 11 đường Nguyễn Tất Thành, phường Bình Sơn, tỉnh Bình Sơn", "0266382325", "songoaivu",
        [
            "Phòng Lãnh sự và Người Việt Nam ở nước ngoài",
            "Phòng Hợp tác quốc tế",
        ],
    ),
    (
        "thanhtra", "TTT", "Thanh tra tỉnh",
        "Số 07 đường Lý Thường Kiệt, phường Bình Sơn, tỉnh Bình Sơn", "0266382336", "thanhtra",
        [
            "Phòng Tiếp công dân và Xử lý đơn thư",
            "Phòng Thanh tra kinh tế - xã hội",
            "Phòng Phòng, chống tham nhũng",
        ],
    ),
    (
        "bqlkcn", "BQL KCN", "Ban Quản lý các khu công nghiệp tỉnh",
        "Số 150 đường Võ Văn Kiệt, phường Bình Hải, tỉnh Bình Sơn", "0266382347", "bqlkcn",
        [
            "Phòng Quản lý đầu tư",
            "Phòng Quản lý quy hoạch và xây dựng",
            "Phòng Quản lý lao động và môi trường",
        ],
    ),
    (
        "ttphvhcc", "TTPVHCC", "Trung tâm Phục vụ hành chính công tỉnh",
        "Số 54 đường Hùng Vương, phường Bình Sơn, tỉnh Bình Sơn", "0266382358", "ttphvhcc",
        [
            "Phòng Tiếp nhận và Trả kết quả",
            "Phòng Hành chính - Tổng hợp",
            "Phòng Công nghệ thông tin",
        ],
    ),
    (
        "vpubnd", "VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh",
        "Số 52 đường Hùng Vương, phường Bình Sơn, tỉnh Bình Sơn", "0266382369", "vpubnd",
        [
            "Phòng Tổng hợp",
            "Phòng Kinh tế",
            "Phòng Khoa giáo - Văn xã",
            "Phòng Nội chính",
        ],
    ),
    (
        "congan", "CA tỉnh", "Công an tỉnh",
        "Số 01 đường Điện Biên Phủ, phường Bình Minh, tỉnh Bình Sơn", "0266382370", "congan",
        [
            "Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
            "Phòng Quản lý xuất nhập cảnh",
            "Phòng Cảnh sát giao thông",
            "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
        ],
    ),
]
# fmt: on


def _department(index: int, raw: tuple) -> dict:
    key, short_name, name, address, phone, mail, divisions = raw
    return {
        "key": key,
        "code": f"000.00.{index:02d}.{SUFFIX}",
        "name": name,
        "short_name": short_name,
        "address": address,
        "phone": phone,
        "email": f"{mail}@binhson.gov.vn",
        "divisions": [
            {"code": f"000.{index:02d}.{n:02d}.{SUFFIX}", "name": division}
            for n, division in enumerate(divisions, start=1)
        ],
    }


DEPARTMENTS = [_department(i, raw) for i, raw in enumerate(_DEPARTMENTS_RAW, start=1)]

# ---------------------------------------------------------------------------------------------
# Old districts and communes (until 30/06/2025)
# ---------------------------------------------------------------------------------------------

# fmt: off
_DISTRICTS_RAW = [
    # key, kind, place name, [(commune key, commune kind + name)]
    (
        "tpbinhson", "thành phố", "Bình Sơn",
        [
            ("tpbs_phuongtanan", "phường Tân An"),
            ("tpbs_phuongphuochoa", "phường Phước Hòa"),
            ("tpbs_phuongbinhminh", "phường Bình Minh"),
            ("tpbs_phuonghoabinh", "phường Hòa Bình"),
            ("tpbs_phuongtranhungdao", "phường Trần Hưng Đạo"),
            ("tpbs_phuongleloi", "phường Lê Lợi"),
            ("tpbs_phuongquangtrung", "phường Quang Trung"),
            ("tpbs_phuongnghiachanh", "phường Nghĩa Chánh"),
            ("tpbs_phuongthanhmy", "phường Thạnh Mỹ"),
            ("tpbs_phuongphulam", "phường Phú Lâm"),
            ("tpbs_xabinhhai", "xã Bình Hải"),
            ("tpbs_xatinhphong", "xã Tịnh Phong"),
            ("tpbs_xaanhoa", "xã An Hòa"),
            ("tpbs_xaphutho", "xã Phú Thọ"),
            ("tpbs_xahoakhanh", "xã Hòa Khánh"),
            ("tpbs_xanghiadong", "xã Nghĩa Dõng"),
        ],
    ),
    (
        "txanphuoc", "thị xã", "An Phước",
        [
            ("txap_phuonganphuoc", "phường An Phước"),
            ("txap_phuonganthanh", "phường An Thạnh"),
            ("txap_phuongphuocloc", "phường Phước Lộc"),
            ("txap_phuonglonghung", "phường Long Hưng"),
            ("txap_phuongdonghai", "phường Đông Hải"),
            ("txap_phuongtayson", "phường Tây Sơn"),
            ("txap_xaanlac", "xã An Lạc"),
            ("txap_xaphuochung", "xã Phước Hưng"),
            ("txap_xalongmy", "xã Long Mỹ"),
            ("txap_xalonghai", "xã Long Hải"),
            ("txap_xahoathuan", "xã Hòa Thuận"),
            ("txap_xatanphu", "xã Tân Phú"),
            ("txap_xamyhoa", "xã Mỹ Hòa"),
            ("txap_xaphuocthang", "xã Phước Thắng"),
        ],
    ),
    (
        "htanlap", "huyện", "Tân Lập",
        [
            ("htl_thitrantanlap", "thị trấn Tân Lập"),
            ("htl_xatanhoa", "xã Tân Hòa"),
            ("htl_xatanthanh", "xã Tân Thành"),
            ("htl_xatanhiep", "xã Tân Hiệp"),
            ("htl_xatanphuoc", "xã Tân Phước"),
            ("htl_xathanhphu", "xã Thạnh Phú"),
            ("htl_xaphuthanh", "xã Phú Thạnh"),
            ("htl_xamyloc", "xã Mỹ Lộc"),
            ("htl_xahunglong", "xã Hưng Long"),
            ("htl_xavinhhung", "xã Vĩnh Hưng"),
            ("htl_xaduchoa", "xã Đức Hòa"),
            ("htl_xabinhthanh", "xã Bình Thạnh"),
            ("htl_xathuanan", "xã Thuận An"),
        ],
    ),
    (
        "hngoclam", "huyện", "Ngọc Lâm",
        [
            ("hnl_thitranngoclam", "thị trấn Ngọc Lâm"),
            ("hnl_xangocthanh", "xã Ngọc Thạnh"),
            ("hnl_xangocson", "xã Ngọc Sơn"),
            ("hnl_xalamson", "xã Lâm Sơn"),
            ("hnl_xalamha", "xã Lâm Hà"),
            ("hnl_xasonlinh", "xã Sơn Linh"),
            ("hnl_xasonthuy", "xã Sơn Thủy"),
            ("hnl_xasuoida", "xã Suối Đá"),
            ("hnl_xadonglam", "xã Đồng Lâm"),
            ("hnl_xahoalam", "xã Hòa Lâm"),
            ("hnl_xathuongson", "xã Thượng Sơn"),
            ("hnl_xatrungson", "xã Trung Sơn"),
            ("hnl_xahason", "xã Hạ Sơn"),
        ],
    ),
]
# fmt: on


def _district(index: int, raw: tuple) -> dict:
    key, kind, place, communes = raw
    number = 30 + index
    return {
        "key": key,
        "code": f"000.00.{number:02d}.{SUFFIX}",
        "name": f"Ủy ban nhân dân {kind} {place}",
        "kind": kind,
        "valid_to": OLD_REGIME_END,
        "communes": [
            {
                "key": commune_key,
                "code": f"{n:03d}.{number:02d}.00.{SUFFIX}",
                "name": f"Ủy ban nhân dân {commune_name}",
                "valid_to": OLD_REGIME_END,
            }
            for n, (commune_key, commune_name) in enumerate(communes, start=1)
        ],
    }


DISTRICTS = [_district(i, raw) for i, raw in enumerate(_DISTRICTS_RAW, start=1)]

# ---------------------------------------------------------------------------------------------
# New communes and wards (since 01/07/2025, directly under the province)
# ---------------------------------------------------------------------------------------------

# fmt: off
_COMMUNES_RAW = [
    # key, kind + name, address (street part), merged from (old commune keys)
    # — from thành phố Bình Sơn
    ("phuongtanan", "phường Tân An", "Số 25 đường Phan Đình Phùng",
     ["tpbs_phuongtanan", "tpbs_phuongphuochoa"]),
    ("phuongbinhson", "phường Bình Sơn", "Số 60 đường Hùng Vương",
     ["tpbs_phuongtranhungdao", "tpbs_phuongleloi", "tpbs_phuongquangtrung"]),
    ("phuongbinhminh", "phường Bình Minh", "Số 14 đường Hai Bà Trưng",
     ["tpbs_phuongbinhminh", "tpbs_phuonghoabinh"]),
    ("phuongnghiachanh", "phường Nghĩa Chánh", "Số 102 đường Nguyễn Chí Thanh",
     ["tpbs_phuongnghiachanh"]),
    ("phuongthanhmy", "phường Thạnh Mỹ", "Số 08 đường Lê Duẩn",
     ["tpbs_phuongthanhmy", "tpbs_phuongphulam"]),
    ("phuongbinhhai", "phường Bình Hải", "Số 210 đường Võ Văn Kiệt",
     ["tpbs_xabinhhai", "tpbs_xatinhphong"]),
    ("xaanhoa", "xã An Hòa", "Thôn An Hòa Đông",
     ["tpbs_xaanhoa", "tpbs_xaphutho"]),
    ("xahoakhanh", "xã Hòa Khánh", "Thôn Khánh Lộc",
     ["tpbs_xahoakhanh", "tpbs_xanghiadong"]),
    # — from thị xã An Phước
    ("phuonganphuoc", "phường An Phước", "Số 03 đường Nguyễn Huệ",
     ["txap_phuonganphuoc", "txap_phuonganthanh"]),
    ("phuongphuocloc", "phường Phước Lộc", "Số 45 đường Trần Phú",
     ["txap_phuongphuocloc"]),
    ("phuonglonghung", "phường Long Hưng", "Số 77 đường Lê Hồng Phong",
     ["txap_phuonglonghung", "txap_phuongdonghai"]),
    ("phuongtayson", "phường Tây Sơn", "Số 19 đường Quang Trung",
     ["txap_phuongtayson", "txap_xaanlac"]),
    ("xaphuochung", "xã Phước Hưng", "Thôn Phước Thọ",
     ["txap_xaphuochung"]),
    ("xalongmy", "xã Long Mỹ", "Thôn Long Thạnh",
     ["txap_xalongmy", "txap_xalonghai"]),
    ("xahoathuan", "xã Hòa Thuận", "Thôn Thuận Phước",
     ["txap_xahoathuan", "txap_xatanphu"]),
    ("xamyhoa", "xã Mỹ Hòa", "Thôn Mỹ Thắng",
     ["txap_xamyhoa", "txap_xaphuocthang"]),
    # — from huyện Tân Lập
    ("xatanlap", "xã Tân Lập", "Số 12 đường 30 Tháng 4, thôn Tân Lập",
     ["htl_thitrantanlap", "htl_xatanhoa"]),
    ("xatanthanh", "xã Tân Thành", "Thôn Tân Hiệp",
     ["htl_xatanthanh", "htl_xatanhiep"]),
    ("xatanphuoc", "xã Tân Phước", "Thôn Phước Lâm",
     ["htl_xatanphuoc"]),
    ("xathanhphu", "xã Thạnh Phú", "Thôn Phú Hòa",
     ["htl_xathanhphu", "htl_xaphuthanh"]),
    ("xamyloc", "xã Mỹ Lộc", "Thôn Lộc Thọ",
     ["htl_xamyloc"]),
    ("xahunglong", "xã Hưng Long", "Thôn Vĩnh An",
     ["htl_xahunglong", "htl_xavinhhung"]),
    ("xaduchoa", "xã Đức Hòa", "Thôn Đức Phổ",
     ["htl_xaduchoa"]),
    ("xabinhthuan", "xã Bình Thuận", "Thôn Thuận Hòa",
     ["htl_xabinhthanh", "htl_xathuanan"]),
    # — from huyện Ngọc Lâm
    ("xangoclam", "xã Ngọc Lâm", "Số 05 đường Trường Chinh, thôn Ngọc Lâm",
     ["hnl_thitranngoclam", "hnl_xangocthanh"]),
    ("xangocson", "xã Ngọc Sơn", "Thôn Ngọc Thủy",
     ["hnl_xangocson"]),
    ("xalamson", "xã Lâm Sơn", "Thôn Làng Mới",
     ["hnl_xalamson", "hnl_xalamha"]),
    ("xasonlinh", "xã Sơn Linh", "Thôn Nước Lăng",
     ["hnl_xasonlinh"]),
    ("xasonthuy", "xã Sơn Thủy", "Thôn Suối Đá",
     ["hnl_xasonthuy", "hnl_xasuoida"]),
    ("xadonglam", "xã Đồng Lâm", "Thôn Hòa Lâm",
     ["hnl_xadonglam", "hnl_xahoalam"]),
    ("xathuongson", "xã Thượng Sơn", "Thôn Ba Dốc",
     ["hnl_xathuongson"]),
    ("xatrungson", "xã Trung Sơn", "Thôn Trung Hòa",
     ["hnl_xatrungson", "hnl_xahason"]),
]
# fmt: on


def _commune(index: int, raw: tuple) -> dict:
    key, name, street, merged_from = raw
    return {
        "key": key,
        "code": f"{500 + index:03d}.00.00.{SUFFIX}",
        "name": f"Ủy ban nhân dân {name}",
        "short_name": f"UBND {name}",
        "address": f"{street}, {name}, tỉnh Bình Sơn",
        "phone": f"026638{5000 + index * 13:04d}",
        "email": f"ubnd.{key}@binhson.gov.vn",
        "valid_from": NEW_REGIME_START,
        "merged_from": list(merged_from),
    }


COMMUNES = [_commune(i, raw) for i, raw in enumerate(_COMMUNES_RAW, start=1)]

# ---------------------------------------------------------------------------------------------
# Self-check
# ---------------------------------------------------------------------------------------------

CODE_RE = re.compile(r"^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.H99$")
PHONE_RE = re.compile(r"^0[0-9]{9}$")


def _strings(value: object) -> list[str]:
    """Every string inside a nested structure of dicts and lists."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def all_codes() -> list[str]:
    """Every agency code, in tree order (province, departments, divisions, districts, communes)."""
    codes = [PROVINCE["code"]]
    for dept in DEPARTMENTS:
        codes.append(dept["code"])
        codes.extend(div["code"] for div in dept["divisions"])
    for district in DISTRICTS:
        codes.append(district["code"])
        codes.extend(c["code"] for c in district["communes"])
    codes.extend(c["code"] for c in COMMUNES)
    return codes


def validate() -> None:
    """Assert the invariants of the demo organisation tree."""
    codes = all_codes()
    for code in codes:
        assert CODE_RE.match(code), code
        assert len(code) <= 13, code
    assert len(codes) == len(set(codes)), "duplicate agency codes"

    assert len(DEPARTMENTS) >= 15
    dept_keys = [d["key"] for d in DEPARTMENTS]
    assert len(dept_keys) == len(set(dept_keys)), "duplicate department keys"
    for dept in DEPARTMENTS:
        assert 2 <= len(dept["divisions"]) <= 4, dept["key"]
        assert dept["key"].isascii() and dept["key"].isidentifier(), dept["key"]
        assert PHONE_RE.match(dept["phone"]), dept["phone"]
        assert dept["email"].endswith("@binhson.gov.vn"), dept["email"]

    old_keys = [c["key"] for d in DISTRICTS for c in d["communes"]]
    assert len(old_keys) == len(set(old_keys)), "duplicate old commune keys"
    for district in DISTRICTS:
        assert district["valid_to"] == OLD_REGIME_END
        assert 12 <= len(district["communes"]) <= 16, district["key"]
        assert all(c["valid_to"] == OLD_REGIME_END for c in district["communes"])

    assert len(COMMUNES) >= 32
    new_keys = [c["key"] for c in COMMUNES]
    assert len(new_keys) == len(set(new_keys)), "duplicate new commune keys"
    merged = [key for c in COMMUNES for key in c["merged_from"]]
    for commune in COMMUNES:
        assert 1 <= len(commune["merged_from"]) <= 3, commune["key"]
        assert commune["valid_from"] == NEW_REGIME_START
        assert PHONE_RE.match(commune["phone"]), commune["phone"]
    assert sorted(merged) == sorted(old_keys), "every old commune must be merged exactly once"
    assert len(merged) == len(set(merged))

    for s in _strings([PROVINCE, DEPARTMENTS, DISTRICTS, COMMUNES]):
        assert unicodedata.is_normalized("NFC", s), s
