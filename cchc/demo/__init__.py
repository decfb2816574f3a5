"""Demo data for the fictional province "Tỉnh Bình Sơn" (province code suffix H99).

Pure Python data modules, no Django imports:

* ``cchc.demo.agencies`` — the province, its departments and their divisions, the four old
  districts with their communes (abolished 30/06/2025) and the new communes directly under the
  province since 01/07/2025 (two-tier local government), with the merger map.
* ``cchc.demo.procedures`` — fields (lĩnh vực) and administrative procedures (TTHC).

Each module has a ``validate()`` self-check.
"""
