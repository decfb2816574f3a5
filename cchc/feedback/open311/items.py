"""Service requests: reading the filters of ``GET requests``, turning a ``POST requests`` form
into a ``FeedbackInput``, and the public view of a ``FeedbackItem`` — only what the public
page may show (Decree 20/2008 Art. 19): never the sender's name, address, phone, e-mail or
identity number."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from cchc.core.text import fold
from cchc.core.validation import year_in_range
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.schemas import local_iso
from cchc.feedback.models import Category, FeedbackEvent, FeedbackItem, Status
from cchc.feedback.open311 import messages as msg
from cchc.feedback.open311.catalog import (
    ATTRIBUTES,
    Service,
    service_get,
    service_notice,
)
from cchc.feedback.services import FeedbackInput, Sender, redact_personal
from cchc.org.models import Agency

MAX_REQUESTS = 1000  # "first 1000 requests returned"
MAX_DAYS = 90  # "a span of 90 days"
MAX_DESCRIPTION = 4000  # the specification's limit on description
MAX_PARAM = 4000  # any other parameter: more is not a name, a phone or an address
TITLE_LENGTH = 80
# Stored with the sender's text, so in the records' language whatever the reader's.
MEDIA_LINE = "Tệp, ảnh người gửi đính kèm (media_url): {url}"

OPEN = (Status.RECEIVED, Status.HANDLING, Status.AWAITING_APPROVAL)
CLOSED = (
    Status.ANSWERED,
    Status.PUBLISHED,
    Status.NOT_ACCEPTED,
    Status.FORWARDED_OUT,
    Status.MERGED,
)
_ATTRIBUTE = re.compile(r"^attribute\[([^\[\]]*)\](\[\])?$")
_SIX_PLACES = Decimal("0.000001")


class Open311Refusal(Exception):
    """A request refused with HTTP ``status`` and ``message`` (an Open311 error)."""

    def __init__(self, status: int, message: object) -> None:
        super().__init__(str(message))
        self.status = status
        self.message = str(message)


# --- the agencies' units ------------------------------------------------------------------------


class AgencyTree:
    """Every agency's unit, from one query: an item's service is at the unit of the agency it
    is about (a division's items belong to its department or commune)."""

    def __init__(self) -> None:
        self.rows = {
            pk: (code, name, level, parent)
            for pk, code, name, level, parent in Agency.objects.values_list(
                "pk", "code", "name", "level", "parent_id"
            )
        }

    def unit(self, pk: int) -> int:
        seen = 0
        while self.rows[pk][2] == Agency.Level.DIVISION and self.rows[pk][3] and seen < 50:
            pk, seen = self.rows[pk][3], seen + 1
        return pk

    def members(self, unit_pk: int) -> list[int]:
        return [pk for pk in self.rows if self.unit(pk) == unit_pk]

    def code(self, pk: int) -> str:
        return self.rows[pk][0]

    def name(self, pk: int) -> str:
        return self.rows[pk][1]


def item_service_agency(item: FeedbackItem, tree: AgencyTree) -> int:
    return tree.unit(item.subject_agency_id or item.receiving_agency_id)


def service_filter(service: Service, tree: AgencyTree) -> Q:
    members = tree.members(service.agency.pk)
    return Q(category=service.category) & (
        Q(subject_agency_id__in=members)
        | Q(subject_agency__isnull=True, receiving_agency_id__in=members)
    )


# --- reading back -------------------------------------------------------------------------------


def _published_location(item: FeedbackItem) -> str | None:
    """The place the item is about, once published, unless it is where the sender lives; no
    officer moderates it, so the sender's data in it is hidden as in every public text."""
    if item.status != Status.PUBLISHED or not item.location:
        return None
    if fold(item.location) == fold(item.sender_address):
        return None
    return redact_personal(item.location, item)


def _agency_responsible(item: FeedbackItem, tree: AgencyTree) -> str:
    if item.status == Status.FORWARDED_OUT and item.external_authority:
        return item.external_authority
    return tree.name(item.responsible_agency_id)


def request_out(item: FeedbackItem, tree: AgencyTree) -> dict:
    """One service request as GeoReport v2 defines it, with nothing personal in it."""
    published = item.status == Status.PUBLISHED
    agency = item_service_agency(item, tree)
    return {
        "service_request_id": item.code,
        "status": "closed" if item.status in CLOSED else "open",
        "status_notes": (item.published_answer or None) if published else None,
        "service_name": str(Category(item.category).label),
        "service_code": f"{tree.code(agency)}-{item.category}",
        "description": (item.published_content or None) if published else None,
        "agency_responsible": _agency_responsible(item, tree),
        "service_notice": service_notice(),
        "requested_datetime": local_iso(item.received_at),
        "updated_datetime": local_iso(getattr(item, "last_event_at", None) or item.received_at),
        "expected_datetime": local_iso(item.answer_due_at),
        "address": _published_location(item),
        "address_id": None,
        "zipcode": None,
        "lat": float(item.latitude) if item.latitude is not None else None,
        "long": float(item.longitude) if item.longitude is not None else None,
        "media_url": None,
    }


def requests_out(items: QuerySet[FeedbackItem]) -> list[dict]:
    tree = AgencyTree()
    return [request_out(item, tree) for item in items]


def item_columns(items: QuerySet[FeedbackItem]) -> QuerySet[FeedbackItem]:
    """The columns ``request_out`` reads, and the moment of the item's last step (its
    ``updated_datetime``: a reminder or a re-save changes nothing a reader sees)."""
    last_step = FeedbackEvent.objects.filter(item=OuterRef("pk")).order_by("-seq").values("at")
    return items.annotate(last_event_at=Subquery(last_step[:1])).only(
        "code",
        "status",
        "category",
        "published_answer",
        "published_content",
        "subject_agency_id",
        "receiving_agency_id",
        "handling_agency_id",
        "external_authority",
        "received_at",
        "answer_due_at",
        "location",
        "sender_name",
        "sender_address",
        "sender_email",
        "sender_id_number",
        "latitude",
        "longitude",
    )


# --- GET requests' filters ----------------------------------------------------------------------


def _values(params: QueryDict, name: str) -> list[str]:
    """A comma-delimited parameter, possibly declared several times."""
    values = []
    for raw in params.getlist(name):
        if len(raw) > 100 * MAX_REQUESTS:
            raise Open311Refusal(400, msg.MSG_TOO_LONG % {"param": name, "limit": MAX_PARAM})
        values.extend(v.strip() for v in raw.split(",") if v.strip())
    return values


def parse_moment(name: str, value: str) -> datetime | None:
    """A w3 date-time (``2025-05-05T08:00:00+07:00`` or ``…Z``); a date alone is its start and a
    moment without zone is the province's time. Refused: anything else, years outside the
    platform's range."""
    value = value.strip()
    if not value:
        return None
    refused = Open311Refusal(400, msg.MSG_DATE % {"param": name})
    if len(value) > 40:
        raise refused
    try:
        moment = parse_datetime(value)
        if moment is None:
            day = parse_date(value)
            if day is None:
                raise refused
            moment = datetime.combine(day, time.min)
    except (ValueError, OverflowError):
        raise refused from None
    if not year_in_range(moment):
        raise refused
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=VN_TZ)
    return moment


def requests_query(params: QueryDict, *, now: datetime | None = None) -> QuerySet[FeedbackItem]:
    """The items ``GET requests`` asks for: by ``service_request_id`` (which overrides every
    other filter), else by ``service_code``, ``status`` and the ``start_date``–``end_date``
    span (90 days at most, the last 90 by default); the newest first, 1000 at most."""
    items = item_columns(FeedbackItem.objects.all())
    ids = _values(params, "service_request_id")
    if ids:
        if len(ids) > MAX_REQUESTS:
            raise Open311Refusal(400, msg.MSG_TOO_MANY_IDS)
        return items.filter(code__in=ids).order_by("-received_at")[:MAX_REQUESTS]
    codes = _values(params, "service_code")
    if codes:
        tree = AgencyTree()
        chosen = Q()
        for code in codes:
            service = service_get(code)
            if service is None:
                raise Open311Refusal(404, msg.MSG_SERVICE_UNKNOWN)
            chosen |= service_filter(service, tree)
        items = items.filter(chosen)
    statuses = _values(params, "status")
    if statuses:
        if not set(statuses) <= {"open", "closed"}:
            raise Open311Refusal(400, msg.MSG_STATUS)
        wanted = [s for name in set(statuses) for s in (OPEN if name == "open" else CLOSED)]
        items = items.filter(status__in=wanted)
    start = parse_moment("start_date", params.get("start_date", ""))
    end = parse_moment("end_date", params.get("end_date", ""))
    span = timedelta(days=MAX_DAYS)
    try:
        if start is None and end is None:
            end = now or timezone.now()
            start = end - span
        elif start is None:
            start = end - span
        elif end is None:
            end = start + span
    except OverflowError:
        raise Open311Refusal(400, msg.MSG_DATE_SPAN) from None
    if not timedelta(0) <= end - start <= span:
        raise Open311Refusal(400, msg.MSG_DATE_SPAN)
    items = items.filter(received_at__gte=start, received_at__lte=end)
    return items.order_by("-received_at")[:MAX_REQUESTS]


# --- POST requests ------------------------------------------------------------------------------


@dataclass
class Intake:
    data: FeedbackInput
    service: Service


def _param(form: QueryDict, name: str, limit: int = MAX_PARAM) -> str:
    value = form.get(name, "") or ""
    if len(value) > limit:
        raise Open311Refusal(400, msg.MSG_TOO_LONG % {"param": name, "limit": limit})
    return value.strip()


def _attributes(form: QueryDict) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, values in form.lists():
        if not key.startswith("attribute"):
            continue
        match = _ATTRIBUTE.match(key)
        code = match.group(1) if match else key
        if match is None or code not in ATTRIBUTES:
            raise Open311Refusal(400, msg.MSG_ATTRIBUTE_UNKNOWN % {"code": code[:60]})
        if len(values) != 1 or code in found:
            raise Open311Refusal(400, msg.MSG_ATTRIBUTE_SINGLE % {"code": code})
        if len(values[0]) > MAX_PARAM:
            raise Open311Refusal(400, msg.MSG_TOO_LONG % {"param": key, "limit": MAX_PARAM})
        found[code] = values[0].strip()
    return found


def _coordinate(value: str, limit: int) -> Decimal:
    try:
        number = Decimal(value)
    except (InvalidOperation, ValueError):
        raise Open311Refusal(400, msg.MSG_LAT_LONG) from None
    if not number.is_finite() or not -limit <= number <= limit:
        raise Open311Refusal(400, msg.MSG_LAT_LONG)
    return number.quantize(_SIX_PLACES, rounding=ROUND_HALF_UP)


def _title(description: str) -> str:
    """The first line of the description, 80 characters at most."""
    line = description.strip().splitlines()[0].strip() if description.strip() else ""
    if len(line) <= TITLE_LENGTH:
        return line
    return line[: TITLE_LENGTH - 1].rstrip() + "…"


def intake_read(form: QueryDict) -> Intake:
    """The ``POST requests`` form as the input of ``feedback_receive``: the name from
    first_name and last_name, the sender's address from the ``sender_address`` attribute or
    else ``address_string`` (then the item has no place of its own), the kind from the
    ``kind`` attribute. Art. 7 and the phone are left to the service, which words them."""
    code = _param(form, "service_code", 100)
    if not code:
        raise Open311Refusal(400, msg.MSG_SERVICE_CODE)
    service = service_get(code)
    if service is None:
        raise Open311Refusal(404, msg.MSG_SERVICE_UNKNOWN)
    attributes = _attributes(form)
    description = _param(form, "description", MAX_DESCRIPTION)
    if not description:
        raise Open311Refusal(400, msg.MSG_DESCRIPTION)
    title = _title(description)
    lat, long = _param(form, "lat", 100), _param(form, "long", 100)
    if bool(lat) != bool(long):
        raise Open311Refusal(400, msg.MSG_LAT_LONG)
    latitude = _coordinate(lat, 90) if lat else None
    longitude = _coordinate(long, 180) if long else None
    email = _param(form, "email", 254)
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise Open311Refusal(400, msg.MSG_EMAIL) from None
    media_url = _param(form, "media_url", 2000)
    if media_url:
        try:
            URLValidator(schemes=["http", "https"])(media_url)
        except ValidationError:
            raise Open311Refusal(400, msg.MSG_MEDIA_URL) from None
        # The platform fetches nothing from elsewhere: the officer sees the link with the text.
        description += "\n\n" + MEDIA_LINE.format(url=media_url)
    name = " ".join(p for p in (_param(form, "first_name"), _param(form, "last_name")) if p)
    address_string = _param(form, "address_string")
    sender_address = attributes.get("sender_address", "")
    location = address_string if sender_address else ""
    data = FeedbackInput(
        kind=attributes.get("kind", ""),
        category=service.category,
        title=title,
        content=description,
        sender=Sender(
            name=name,
            address=sender_address or address_string,
            phone=_param(form, "phone", 100),
            email=email,
        ),
        dossier_code=attributes.get("dossier_code", ""),
        subject_agency=service.agency,
        location=location,
        latitude=latitude,
        longitude=longitude,
    )
    return Intake(data=data, service=service)


def posted_out(item: FeedbackItem) -> list[dict]:
    return [
        {
            "service_request_id": item.code,
            "token": str(item.public_id),
            "service_notice": service_notice(),
            "account_id": None,
        }
    ]
