"""The report reads the summary counters kept by the apps below it (``cchc.dossiers.models.
DossierDailyStat``, ``cchc.satisfaction.models``); it owns no table of its own."""
