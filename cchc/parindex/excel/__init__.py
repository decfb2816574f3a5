"""Excel import and export of a PAR Index framework (issue 12 §1), in the layout of
docs/parindex-framework-excel.md, the way the catalogue workbook works (``cchc.catalog.excel``):

- sheet ``Thông tin``: one row per attribute of the framework (label in column A, value in
  column B) — year, unit kind, name, decision and its date, period, deadline, bands, the rescale
  rule;
- sheet ``Tiêu chí``: one row per node of the tree in tree order — code, level, parent code
  (empty = deduced from the code: ``1.2.3`` → ``1.2``), name, maximum, method, guidance,
  required evidence, and for a live criterion its numerator, denominator, points rule, bounds
  (in %), steps and zero rule.

Import is all or nothing: every cell and the whole tree (``frameworks.tree_problems``) are
checked first, every problem is reported with its sheet, Excel row and column, and only a file
without a single problem is written (``frameworks.framework_replace``: a new framework, or the
draft framework of that year and unit kind replaced). Export then import gives the same
framework. The file is untrusted: size, zip and row limits come before parsing.
"""

from cchc.core.xlsx import XLSX_CONTENT_TYPE
from cchc.parindex.excel.export import export_framework
from cchc.parindex.excel.importer import import_framework, import_rows
from cchc.parindex.excel.layout import (
    CRITERIA_COLUMNS,
    ERR_BANDS,
    ERR_INFO_MISSING,
    ERR_MEASURE,
    ERR_NO_ROWS,
    ERR_PERIOD,
    ERR_POINTS,
    ERR_RATE,
    ERR_STEPS,
    INFO_HEADERS,
    INFO_ROWS,
    KIND_LABELS,
    LEVEL_LABELS,
    MAX_CRITERIA_ROWS,
    MAX_FILE_BYTES,
    METHOD_LABELS,
    RULE_LABELS,
    SHEET_CRITERIA,
    SHEET_INFO,
    SHEETS,
    ZERO_LABELS,
    FrameworkImport,
)

__all__ = [
    "CRITERIA_COLUMNS",
    "ERR_BANDS",
    "ERR_INFO_MISSING",
    "ERR_MEASURE",
    "ERR_NO_ROWS",
    "ERR_PERIOD",
    "ERR_POINTS",
    "ERR_RATE",
    "ERR_STEPS",
    "INFO_HEADERS",
    "INFO_ROWS",
    "KIND_LABELS",
    "LEVEL_LABELS",
    "MAX_CRITERIA_ROWS",
    "MAX_FILE_BYTES",
    "METHOD_LABELS",
    "RULE_LABELS",
    "SHEETS",
    "SHEET_CRITERIA",
    "SHEET_INFO",
    "XLSX_CONTENT_TYPE",
    "ZERO_LABELS",
    "FrameworkImport",
    "export_framework",
    "import_framework",
    "import_rows",
]
