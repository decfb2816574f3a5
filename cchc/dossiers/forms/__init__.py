"""Forms of the officer screens: intake at the counter, each action on a dossier, worklist
filters and bulk actions. Labels and errors are Vietnamese; moments are typed as
``dd/mm/yyyy HH:MM`` (24 h) and dates as ``dd/mm/yyyy`` (ARCHITECTURE "Numbers people see").

Forms only check the shape of the input; the rules of each action live in the services, whose
``DossierInputError`` the views attach to the field it names.
"""

from cchc.dossiers.forms._base import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    DEFAULT_SUPPLEMENT_REASON,
    AmountField,
    StyledForm,
    VnDateField,
    VnDateTimeField,
    split_lines,
)
from cchc.dossiers.forms.actions import (
    AcceptForm,
    ApologyForm,
    ApproveForm,
    ConfirmPaymentForm,
    DossierActionForm,
    ForwardForm,
    PayForm,
    PaymentRequestForm,
    ReasonForm,
    ReturnForm,
    ReturnMethodChangeForm,
    ShipmentForm,
    SubmitSupplementForm,
    SupplementForm,
    VisitForm,
    forward_candidates,
)
from cchc.dossiers.forms.intake import (
    DocumentLineForm,
    DocumentLineFormSet,
    IntakeForm,
    IntakeOutcome,
    ProcedureSearchForm,
    checklist_initial,
)
from cchc.dossiers.forms.payments import RefundForm
from cchc.dossiers.forms.worklists import BulkForm, WorklistFilterForm, bulk_recipients

__all__ = [
    "DATETIME_FORMAT",
    "DATE_FORMAT",
    "DEFAULT_SUPPLEMENT_REASON",
    "AcceptForm",
    "AmountField",
    "ApologyForm",
    "ApproveForm",
    "BulkForm",
    "ConfirmPaymentForm",
    "DocumentLineForm",
    "DocumentLineFormSet",
    "DossierActionForm",
    "ForwardForm",
    "IntakeForm",
    "IntakeOutcome",
    "PayForm",
    "PaymentRequestForm",
    "ProcedureSearchForm",
    "ReasonForm",
    "RefundForm",
    "ReturnForm",
    "ReturnMethodChangeForm",
    "ShipmentForm",
    "StyledForm",
    "SubmitSupplementForm",
    "SupplementForm",
    "VisitForm",
    "VnDateField",
    "VnDateTimeField",
    "WorklistFilterForm",
    "bulk_recipients",
    "checklist_initial",
    "forward_candidates",
    "split_lines",
]
