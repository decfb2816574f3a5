"""The rating page (đánh giá mức độ hài lòng), mounted in the portal: by the applicant's
account (``portal:rate``, by public id) or by the token on a counter dossier's receipt
(``portal:rate_token``). Another citizen's dossier and a bad token are 404."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cchc.dossiers.models import Dossier
from cchc.dossiers.rating_links import dossier_for_token, rating_path
from cchc.org.models import User
from cchc.satisfaction.forms import RatingForm
from cchc.satisfaction.selectors import (
    dossier_get_for_rating,
    dossier_is_ratable,
    dossier_officers,
    rating_for_dossier,
)
from cchc.satisfaction.services import (
    MSG_ALREADY_RATED,
    MSG_NOT_READY,
    RatingError,
    rating_submit,
)

TEMPLATE = "satisfaction/rating_form.html"


def _login_url() -> str:
    try:
        return reverse("portal:login")
    except NoReverseMatch:
        return settings.LOGIN_URL


@never_cache
@require_http_methods(["GET", "POST"])
def rate_view(request: HttpRequest, public_id: str) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), _login_url())
    dossier = dossier_get_for_rating(request.user, public_id)
    return _rate(request, dossier, rater_user=request.user)


@never_cache
@require_http_methods(["GET", "POST"])
def rate_token_view(request: HttpRequest, token: str) -> HttpResponse:
    dossier = dossier_for_token(token)
    if dossier is None:
        raise Http404
    if dossier.applicant_user_id:  # filed with an account: rated from that account
        return redirect(rating_path(dossier))
    return _rate(request, dossier, rater_user=None)


def _rate(request: HttpRequest, dossier: Dossier, *, rater_user: User | None) -> HttpResponse:
    context = {"dossier": dossier}
    rating = rating_for_dossier(dossier)
    if rating is not None:
        context.update(rating=rating, notice=_(MSG_ALREADY_RATED))
        return render(request, TEMPLATE, context, status=409 if request.method == "POST" else 200)
    if not dossier_is_ratable(dossier):
        context["notice"] = _(MSG_NOT_READY)
        return render(request, TEMPLATE, context, status=409 if request.method == "POST" else 200)
    officers = dossier_officers(dossier)
    form = RatingForm(request.POST or None, officers=officers)
    context["form"] = form
    if request.method == "GET":
        return render(request, TEMPLATE, context)
    if not form.is_valid():
        return render(request, TEMPLATE, context, status=422)
    try:
        rating_submit(dossier=dossier, rater_user=rater_user, **form.submission())
    except RatingError as exc:
        context.update(form=None, notice=_(exc.message), rating=rating_for_dossier(dossier))
        return render(request, TEMPLATE, context, status=409)
    messages.success(request, _("Cảm ơn bạn đã đánh giá. Ý kiến của bạn đã được ghi nhận."))
    return redirect(request.path)
