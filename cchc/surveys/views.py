"""Staff pages for survey campaigns under ``/can-bo/khao-sat/`` (namespace ``surveys``), for
Home Affairs and the reform office (``may_manage``; other officers get 403): the campaign list,
a campaign's progress per stratum, paper and phone entry, results with intervals, the XLSX
export, the DOCX report and the printable cards (link + QR code) of the tokens not yet used.
Questionnaires are built in the admin (``cchc.surveys.admin``)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cchc.core.docx import CONTENT_TYPE as DOCX_CONTENT_TYPE
from cchc.core.xlsx import XLSX_CONTENT_TYPE
from cchc.domain.survey import SurveyResult
from cchc.dossiers.printing import qr_data_uri
from cchc.org.permissions import staff_required
from cchc.satisfaction.models import Aspect
from cchc.surveys import messages as msg
from cchc.surveys.exports import results_docx, results_workbook
from cchc.surveys.forms import CampaignOpenForm
from cchc.surveys.models import Campaign, Channel
from cchc.surveys.public_views import question_rows, raw_answers
from cchc.surveys.services import (
    AnswersRefused,
    CampaignInput,
    SurveyError,
    campaign_open,
    campaign_progress,
    campaign_results,
    may_manage,
    response_enter,
)

MAX_CARDS = 500


def manager_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @staff_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not may_manage(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def respond_url(key: str) -> str:
    return settings.CCHC_PUBLIC_URL + reverse("surveys_public:respond", args=[key])


@require_GET
@manager_required
def list_view(request: HttpRequest) -> HttpResponse:
    campaigns = Campaign.objects.select_related("questionnaire").order_by("-period_start", "code")
    return render(request, "surveys/staff/list.html", {"campaigns": campaigns})


@require_http_methods(["GET", "POST"])
@manager_required
def open_view(request: HttpRequest) -> HttpResponse:
    """Open a campaign: the strata, their sizes and the sample are drawn at once."""
    form = CampaignOpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            campaign = campaign_open(
                data=CampaignInput(
                    code=data["code"],
                    name=data["name"],
                    period_start=data["period_start"],
                    period_end=data["period_end"],
                    questionnaire=data["questionnaire"],
                    agencies=list(data["agencies"]),
                    procedures=list(data["procedures"]),
                    margin=data["margin"],
                    seed=data["seed"],
                    token_days=data["token_days"],
                ),
                actor=request.user,
            )
        except SurveyError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Đã mở đợt khảo sát và chọn mẫu."))
            return redirect("surveys:detail", code=campaign.code)
    status = 422 if request.method == "POST" else 200
    return render(request, "surveys/staff/open.html", {"form": form}, status=status)


@require_GET
@manager_required
def detail_view(request: HttpRequest, code: str) -> HttpResponse:
    campaign = get_object_or_404(Campaign.objects.select_related("questionnaire"), code=code)
    progress = campaign_progress(campaign)
    totals = {
        key: sum(row[key] for row in progress)
        for key in ("population", "target", "tokens", "responses")
    }
    return render(
        request,
        "surveys/staff/detail.html",
        {"campaign": campaign, "progress": progress, "totals": totals},
    )


@require_http_methods(["GET", "POST"])
@manager_required
def enter_view(request: HttpRequest, code: str) -> HttpResponse:
    campaign = get_object_or_404(Campaign.objects.select_related("questionnaire"), code=code)
    strata = list(campaign.strata.select_related("agency").order_by("agency__code", "service_name"))
    questions = list(campaign.questionnaire.questions.order_by("position"))
    raw: dict[int, object] = {}
    errors: dict[int, str] = {}
    form_errors: dict[str, str] = {}
    chosen = {
        "stratum": request.POST.get("stratum", ""),
        "channel": request.POST.get("channel", ""),
    }
    status = 200
    if request.method == "POST":
        raw = raw_answers(questions, request.POST)
        stratum = next((s for s in strata if str(s.pk) == chosen["stratum"]), None)
        if stratum is None:
            form_errors["stratum"] = str(msg.MSG_STRATUM)
        if chosen["channel"] not in (Channel.PAPER, Channel.PHONE):
            form_errors["channel"] = str(msg.MSG_CHANNEL)
        if not form_errors:
            try:
                response_enter(
                    campaign=campaign,
                    stratum=stratum,
                    channel=chosen["channel"],
                    answers=raw,
                    actor=request.user,
                )
            except AnswersRefused as refused:
                errors = refused.errors
            except SurveyError as error:
                form_errors["stratum"] = error.message
            else:
                messages.success(request, _("Đã ghi nhận phiếu do cán bộ nhập."))
                return redirect("surveys:enter", code=campaign.code)
        status = 422
    context = {
        "campaign": campaign,
        "strata": strata,
        "channels": [(Channel.PAPER, Channel.PAPER.label), (Channel.PHONE, Channel.PHONE.label)],
        "chosen": chosen,
        "form_errors": form_errors,
        "rows": question_rows(questions, raw, errors),
        "has_errors": bool(errors or form_errors),
    }
    return render(request, "surveys/staff/enter.html", context, status=status)


@require_GET
@manager_required
def results_view(request: HttpRequest, code: str) -> HttpResponse:
    campaign = get_object_or_404(Campaign, code=code)
    results = campaign_results(campaign)
    labels = dict(Aspect.choices)

    def table(title: str, testid: str, result: SurveyResult) -> dict:
        rows = [(labels[row.element], row) for row in result.elements]
        return {"title": title, "testid": testid, "result": result, "rows": rows}

    tables = [table(_("Toàn đợt khảo sát"), "results-overall", results.overall)]
    tables += [table(agency.name, "results-agency", r) for agency, r in results.by_agency]
    tables += [
        table(f"{stratum.agency.name} — {stratum.service_name}", "results-stratum", r)
        for stratum, r in results.by_stratum
    ]
    return render(request, "surveys/staff/results.html", {"campaign": campaign, "tables": tables})


@require_GET
@manager_required
def results_xlsx_view(request: HttpRequest, code: str) -> HttpResponse:
    campaign = get_object_or_404(Campaign, code=code)
    response = HttpResponse(results_workbook(campaign), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="khao-sat-{campaign.code}.xlsx"'
    return response


@require_GET
@manager_required
def results_docx_view(request: HttpRequest, code: str) -> HttpResponse:
    """The campaign's report ("Báo cáo kết quả khảo sát") as a Word document."""
    campaign = get_object_or_404(Campaign, code=code)
    response = HttpResponse(results_docx(campaign), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="bao-cao-khao-sat-{campaign.code}.docx"'
    )
    return response


@require_GET
@manager_required
def cards_view(request: HttpRequest, code: str) -> HttpResponse:
    """Printable cards for the tokens not yet used: the link and its QR code."""
    campaign = get_object_or_404(Campaign, code=code)
    tokens = campaign.tokens.filter(used_at__isnull=True).select_related("stratum__agency")
    stratum = request.GET.get("nhom", "")
    if stratum.isdigit():
        tokens = tokens.filter(stratum_id=int(stratum))
    cards = [
        {"token": token, "url": respond_url(token.key), "qr": qr_data_uri(respond_url(token.key))}
        for token in tokens.order_by("stratum_id", "pk")[:MAX_CARDS]
    ]
    return render(request, "surveys/staff/cards.html", {"campaign": campaign, "cards": cards})
