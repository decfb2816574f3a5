"""The one-stop app's models: the dossier and what hangs on it (``dossier``), and the summary
counters its services keep (``counters``)."""

from cchc.dossiers.models.counters import (
    COUNTERS,
    OFFICER_STEP_COUNTERS,
    STEP_COUNTERS,
    DossierDailyStat,
    OfficerStepDailyStat,
    StepDailyStat,
)
from cchc.dossiers.models.dossier import (
    Apology,
    DocumentAccess,
    Dossier,
    DossierDocument,
    DossierEvent,
    DossierSequence,
    DossierStep,
    FeeLine,
    Payment,
    Shipment,
    SupplementRequest,
)

__all__ = [
    "COUNTERS",
    "OFFICER_STEP_COUNTERS",
    "STEP_COUNTERS",
    "Apology",
    "DocumentAccess",
    "Dossier",
    "DossierDailyStat",
    "DossierDocument",
    "DossierEvent",
    "DossierSequence",
    "DossierStep",
    "FeeLine",
    "OfficerStepDailyStat",
    "Payment",
    "Shipment",
    "StepDailyStat",
    "SupplementRequest",
]
