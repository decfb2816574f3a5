"""The services: one per category of Decree 20/2008 Art. 5 at each agency that receives
feedback (a unit: the province, a department, a district or a commune — a division's items
belong to its unit), coded ``<agency code>-<category>``, and their definition."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from cchc.feedback.models import Category, Kind
from cchc.feedback.open311 import messages as msg
from cchc.feedback.services import answer_working_days
from cchc.org.models import Agency

MAX_SERVICE_CODE = 60


@dataclass(frozen=True)
class Service:
    agency: Agency
    category: str

    @property
    def code(self) -> str:
        return service_code(self.agency, self.category)

    @property
    def name(self) -> str:
        return str(Category(self.category).label)


def service_code(agency: Agency, category: str) -> str:
    return f"{agency.code}-{category}"


def receiving_agencies() -> Q:
    """The agencies a service can be offered at: units that exist today."""
    today = timezone.localdate()
    return (
        Q(merged_into__isnull=True)
        & ~Q(level=Agency.Level.DIVISION)
        & (Q(valid_from__isnull=True) | Q(valid_from__lte=today))
        & (Q(valid_to__isnull=True) | Q(valid_to__gte=today))
    )


def service_list() -> list[Service]:
    return [
        Service(agency, category)
        for agency in Agency.objects.filter(receiving_agencies()).order_by("path")
        for category in Category.values
    ]


def service_get(code: str) -> Service | None:
    """The service of ``code``, or ``None`` (unknown agency or category, malformed code)."""
    if not code or len(code) > MAX_SERVICE_CODE or "-" not in code:
        return None
    agency_code, category = code.rsplit("-", 1)
    if category not in Category.values:
        return None
    agency = Agency.objects.filter(receiving_agencies(), code=agency_code).first()
    return Service(agency, category) if agency is not None else None


def service_out(service: Service) -> dict:
    return {
        "service_code": service.code,
        "service_name": service.name,
        "description": str(msg.SERVICE_DESCRIPTION)
        % {"agency": service.agency.name, "category": service.name},
        "metadata": True,
        "type": "realtime",
        "keywords": f"{msg.KEYWORDS}, {service.agency.short_name or service.agency.name}",
        "group": service.agency.name,
    }


def service_notice() -> str:
    return str(msg.SERVICE_NOTICE) % {"days": answer_working_days()}


def definition_out(service: Service) -> dict:
    """The service definition: Art. 7's notice (for display only), the kind (Art. 3), the
    sender's address (Art. 7) and the optional dossier code."""
    return {
        "service_code": service.code,
        "attributes": [
            {
                "variable": False,
                "code": "art7_notice",
                "datatype": "text",
                "required": False,
                "datatype_description": None,
                "order": 1,
                "description": str(msg.ATTR_NOTICE),
            },
            {
                "variable": True,
                "code": "kind",
                "datatype": "singlevaluelist",
                "required": True,
                "datatype_description": None,
                "order": 2,
                "description": str(msg.ATTR_KIND),
                "values": [{"key": k.value, "name": str(k.label)} for k in Kind],
            },
            {
                "variable": True,
                "code": "sender_address",
                "datatype": "string",
                "required": True,
                "datatype_description": str(msg.ATTR_ADDRESS_TYPE),
                "order": 3,
                "description": str(msg.ATTR_ADDRESS),
            },
            {
                "variable": True,
                "code": "dossier_code",
                "datatype": "string",
                "required": False,
                "datatype_description": str(msg.ATTR_DOSSIER_TYPE),
                "order": 4,
                "description": str(msg.ATTR_DOSSIER),
            },
        ],
    }


# The attribute codes a request may carry (the notice is for display only).
ATTRIBUTES = ("kind", "sender_address", "dossier_code")
