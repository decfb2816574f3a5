"""Every route of ``config.urls``, found by walking the resolver (the admin's and the django-ninja
API's included), and the path each is called on: path parameters filled from the sweep's
objects of agency A and citizen A (``authz_objects``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.authz.authz_objects import RESULTS_YEAR, SweepObjects


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"; unnamed patterns by their pattern text
    pattern: str
    params: tuple[str, ...]

    @property
    def is_admin(self) -> bool:
        return self.name.startswith("admin:")

    @property
    def is_api(self) -> bool:
        return self.name.startswith("api-1:")


def all_routes() -> list[Route]:
    """Each route once (django-ninja names the same path twice when it has two methods)."""
    seen: dict[str, Route] = {}
    for route in _walk(get_resolver(), "", None):
        seen.setdefault(route.name, route)
    return list(seen.values())


def _walk(resolver: URLResolver, prefix: str, namespace: str | None):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            pattern = prefix + str(entry.pattern)
            if entry.name:
                name = f"{namespace}:{entry.name}" if namespace else entry.name
            else:
                name = pattern
            params = tuple(entry.pattern.regex.groupindex)
            yield Route(name=name, pattern=pattern, params=params)


# Values of the path parameters that mean the same thing on most routes.
def _defaults(o: SweepObjects) -> dict[str, object]:
    w = o.world
    return {
        "code": o.dossier.code,
        "public_id": o.dossier.public_id,
        "document_id": o.document.pk,
        "year": o.framework.year,
        "kind": o.framework.unit_kind,
        "unit_kind": o.framework.unit_kind,
        "agency": w.construction.code,
        "username": w.specialist.username,
        "campaign_code": o.campaign.code,
    }


# Routes whose parameters name something else than the defaults.
ROUTE_KWARGS: dict[str, Callable[[SweepObjects], dict[str, object]]] = {
    "catalog:procedure_detail": lambda o: {"code": o.world.building_permit.code},
    "dossier_print:form": lambda o: {"code": o.dossier.code, "kind": "receipt"},
    "dossiers:notice_read": lambda o: {"pk": o.notice_id},
    "dossiers:payment_refund": lambda o: {"public_id": o.payment.public_id},
    "dossiers:action": lambda o: {"code": o.dossier.code, "slug": "thu-phi"},
    "stats:procedure_report": lambda o: {"code": o.world.construction.code},
    "stats:dashboard_export": lambda o: {"name": "co-quan", "fmt": "xlsx"},
    "stats:duty_export": lambda o: {"fmt": "excel"},
    "stats:duty_agency": lambda o: {"code": o.world.construction.code},
    "evaluation:appraise": lambda o: {"code": o.returned.code},
    "feedback:letter": lambda o: {"code": o.feedback.code, "fmt": "pdf"},
    "feedback:detail": lambda o: {"code": o.feedback.code},
    "feedback:attachment": lambda o: {"code": o.feedback.code, "pk": o.attachment_id},
    "feedback:action": lambda o: {"code": o.feedback.code, "slug": "phan-loai"},
    "surveys:detail": lambda o: {"code": o.campaign.code},
    "surveys:enter": lambda o: {"code": o.campaign.code},
    "surveys:results": lambda o: {"code": o.campaign.code},
    "surveys:results_xlsx": lambda o: {"code": o.campaign.code},
    "surveys:results_docx": lambda o: {"code": o.campaign.code},
    "surveys:cards": lambda o: {"code": o.campaign.code},
    "parindex:ranking_export": lambda o: {**_results(o), "fmt": "excel"},
    "parindex:scorecard": lambda o: {**_results(o), "code": o.world.construction.code},
    "parindex:scorecard_pdf": lambda o: {**_results(o), "code": o.world.construction.code},
    "parindex:remediation_create": lambda o: {
        **_results(o),
        "code": o.world.construction.code,
        "criterion": o.criterion_code,
    },
    "parindex:remediation_update": lambda o: {
        **_results(o),
        "code": o.world.construction.code,
        "pk": o.remediation_id,
    },
    "parindex:assessment_action": lambda o: {**_assessment(o), "slug": "gui"},
    "parindex:criterion": lambda o: {**_assessment(o), "code": o.criterion_code},
    "parindex:criterion_action": lambda o: {
        **_assessment(o),
        "code": o.criterion_code,
        "slug": "tu-danh-gia",
    },
    "parindex:evidence_file": lambda o: {
        **_assessment(o),
        "code": o.criterion_code,
        "pk": o.evidence_id,
    },
    "parindex:evidence_remove": lambda o: {
        **_assessment(o),
        "code": o.criterion_code,
        "pk": o.evidence_id,
    },
    "plans:plan": lambda o: {"pk": o.plan.pk},
    "plans:plan_export": lambda o: {"pk": o.plan.pk},
    "plans:task": lambda o: {"pk": o.task.pk},
    "plans:task_parent": lambda o: {"pk": o.task.pk},
    "plans:report": lambda o: {"pk": o.report_id},
    "plans:report_edit": lambda o: {"pk": o.report_id},
    "plans:report_submit": lambda o: {"pk": o.report_id},
    "plans:report_return": lambda o: {"pk": o.report_id},
    "plans:report_accept": lambda o: {"pk": o.report_id},
    "plans:report_download": lambda o: {"pk": o.report_id, "fmt": "docx"},
    "plans:inspection": lambda o: {"pk": o.inspection.pk},
    "plans:inspection_record": lambda o: {"pk": o.inspection.pk},
    "plans:finding_add": lambda o: {"pk": o.inspection.pk},
    "plans:finding_close": lambda o: {"pk": o.inspection.pk, "finding": o.finding_id},
    "plans:finding_file": lambda o: {
        "pk": o.inspection.pk,
        "finding": o.finding_id,
        "which": "bang-chung",
    },
    "plans:inspection_close": lambda o: {"pk": o.inspection.pk},
    "plans:inspection_minute": lambda o: {"pk": o.inspection.pk},
    "plans:register_iso": lambda o: {"code": o.world.construction.code},
    "plans:register_documents": lambda o: {"code": o.world.construction.code},
    "transparency:agency": lambda o: {"code": o.world.construction.code},
    "transparency:board": lambda o: {"code": o.world.construction.code},
    "transparency:board_content": lambda o: {"code": o.world.construction.code},
    "portal:procedure": lambda o: {"code": o.world.building_permit.code},
    "portal:apply": lambda o: {"code": o.world.building_permit.code},
    "portal:rate": lambda o: {"public_id": o.returned.public_id},
    "portal:rate_token": lambda o: {"token": _rating_token(o)},
    "portal:password_reset_confirm": lambda o: {"uidb64": "MQ", "token": "sai-ma"},
    "portal:verify_contact": lambda o: {"token": "sai-ma"},
    "portal:payment_return": lambda o: {"public_id": o.payment.public_id},
    "portal:payment_receipt": lambda o: {"public_id": o.payment.public_id},
    "portal:payment_receipt_pdf": lambda o: {"public_id": o.payment.public_id},
    "feedback_public:detail": lambda o: {"code": o.feedback.code},
    "surveys_public:respond": lambda o: {"key": o.token.key},
    "parindex_public:scorecard": lambda o: {**_results(o), "code": o.world.construction.code},
    "api-1:procedure_detail": lambda o: {"code": o.world.building_permit.code},
    "api-1:dossier_form": lambda o: {"code": o.dossier.code, "kind": "receipt"},
    "api-1:ranking_get": lambda o: {"year": RESULTS_YEAR, "unit_kind": "department"},
    "parindex:ranking": lambda o: _results(o),
    "parindex:criteria": lambda o: _results(o),
    "parindex_public:ranking": lambda o: _results(o),
    "api-1:plan_get": lambda o: {"year": o.plan.year},
    "open311:discovery": lambda o: {"fmt": "json"},
    "open311:services": lambda o: {"fmt": "json"},
    "open311:service": lambda o: {
        "code": f"{o.world.construction.code}-officer_conduct",
        "fmt": "json",
    },
    "open311:requests": lambda o: {"fmt": "json"},
    "open311:request": lambda o: {"code": o.feedback.code, "fmt": "json"},
    "open311:token": lambda o: {"token": "sai-ma", "fmt": "json"},
    "open311:not_found": lambda o: {"rest": "khong-co"},
    "admin:app_list": lambda o: {"app_label": "dossiers"},
    "admin:view_on_site": lambda o: {
        "content_type_id": ContentType.objects.get_for_model(type(o.dossier)).pk,
        "object_id": o.dossier.pk,
    },
    "admin:auth_user_password_change": lambda o: {"id": o.world.citizen.pk},
    "admin:org_user_password_change": lambda o: {"id": o.world.citizen.pk},
}


def _year_kind(o: SweepObjects) -> dict[str, object]:
    return {"year": o.framework.year, "kind": o.framework.unit_kind}


def _results(o: SweepObjects) -> dict[str, object]:
    """The published results' year (``authz_objects.RESULTS_YEAR``)."""
    return {"year": RESULTS_YEAR, "kind": o.framework.unit_kind}


def _assessment(o: SweepObjects) -> dict[str, object]:
    return {**_year_kind(o), "agency": o.world.construction.code}


def _rating_token(o: SweepObjects) -> str:
    from cchc.dossiers.rating_links import rating_token

    return rating_token(o.returned)


def _admin_object_id(route: Route) -> dict[str, object] | None:
    """``admin:<app>_<model>_<view>`` with ``object_id``: the model's first row (an unknown id
    when the model has none — the admin then redirects to its index)."""
    if not route.pattern.startswith("admin/") or route.params != ("object_id",):
        return None
    label = route.name.removeprefix("admin:")
    for model in apps.get_models():
        prefix = f"{model._meta.app_label}_{model._meta.model_name}_"
        if label.startswith(prefix) or route.pattern.startswith(
            f"admin/{model._meta.app_label}/{model._meta.model_name}/"
        ):
            row = model._default_manager.order_by("pk").first()
            return {"object_id": row.pk if row is not None else 999_999}
    raise LookupError(route.name)


def path_of(route: Route, objects: SweepObjects) -> str:
    """The path the sweep calls ``route`` on."""
    if route.name == "admin:(?P<url>.*)$" or route.pattern.endswith("(?P<url>.*)$"):
        return "/admin/khong-co/"
    if not route.params:
        if (":" not in route.name and "/" in route.name) or route.name.endswith(".ico"):
            return "/" + route.pattern
        return reverse(route.name)
    kwargs = _admin_object_id(route)
    if kwargs is not None and route.name == route.pattern:  # the admin's unnamed redirect
        return "/" + route.pattern.replace("<path:object_id>", str(kwargs["object_id"]))
    if kwargs is None:
        if route.name in ROUTE_KWARGS:
            kwargs = ROUTE_KWARGS[route.name](objects)
        else:
            defaults = _defaults(objects)
            kwargs = {p: defaults[p] for p in route.params}
    return reverse(route.name, kwargs=kwargs)
