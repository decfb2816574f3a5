"""Excel import and export of a plan's appendix in the layout of seed 004 (TT / Nhiệm vụ cụ thể /
Sản phẩm / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian thực hiện / Ghi chú)."""
