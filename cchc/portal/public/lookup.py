"""The public dossier status lookup page (tra cứu hồ sơ), at /dich-vu-cong/tra-cuu/ and at the
address printed on every receipt, /tra-cuu/?ma=<code>.

The page asks ``cchc.dossiers.public.public_lookup`` — the one implementation of the public
lookup rules, shared with the API — and renders its answer: the same text for a wrong code
and a wrong phone, no personal data, the same rate limit (a 429 page with Retry-After). The
phone travels in a POST body, never in the address (addresses end up in logs and histories).
Only after a successful lookup does the page say anything more (the rating link).
"""

from __future__ import annotations

import json
from datetime import datetime

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cchc.core.ratelimit import client_ip
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.models import Dossier
from cchc.dossiers.public import MAX_CODE, MAX_PHONE, public_lookup
from cchc.dossiers.rating_links import dossier_for_token, rating_path
from cchc.satisfaction.models import Rating
from cchc.satisfaction.selectors import RATABLE

# Plain words for each status (what it means for the applicant, what happens next).
STATUS_EXPLAINED = {
    Dossier.Status.SUBMITTED: gettext_lazy(
        "Hồ sơ đã gửi, đang chờ bộ phận một cửa kiểm tra và tiếp nhận."
    ),
    Dossier.Status.INTAKE_SUPPLEMENT: gettext_lazy(
        "Hồ sơ chưa đủ giấy tờ: vui lòng bổ sung theo hướng dẫn đã gửi cho bạn."
    ),
    Dossier.Status.REFUSED: gettext_lazy(
        "Hồ sơ không được tiếp nhận. Lý do đã được gửi cho bạn bằng văn bản."
    ),
    Dossier.Status.RECEIVED: gettext_lazy(
        "Hồ sơ đã được tiếp nhận và đang được chuyển đến bộ phận giải quyết."
    ),
    Dossier.Status.PROCESSING: gettext_lazy("Hồ sơ đang được cơ quan có thẩm quyền giải quyết."),
    Dossier.Status.SUPPLEMENT_REQUESTED: gettext_lazy(
        "Cơ quan giải quyết đề nghị bạn bổ sung hồ sơ; thời gian giải quyết tạm dừng "
        "đến khi nhận đủ."
    ),
    Dossier.Status.AWAITING_PAYMENT: gettext_lazy(
        "Hồ sơ đang chờ bạn thực hiện nghĩa vụ tài chính (nộp thuế, phí, lệ phí)."
    ),
    Dossier.Status.RESULT_READY: gettext_lazy(
        "Hồ sơ đã có kết quả. Bạn có thể nhận kết quả theo hình thức đã đăng ký."
    ),
    Dossier.Status.RETURNED: gettext_lazy("Kết quả đã được trả cho bạn."),
    Dossier.Status.WITHDRAWN: gettext_lazy("Hồ sơ đã được rút theo đề nghị của bạn."),
    Dossier.Status.STOPPED: gettext_lazy(
        "Hồ sơ đã dừng giải quyết. Thông báo lý do đã được gửi cho bạn."
    ),
}
TIMELINESS = dict(Dossier.Timeliness.choices)


class LookupForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Mã hồ sơ"),
        max_length=MAX_CODE,
        error_messages={"required": gettext_lazy("Nhập mã hồ sơ ghi trên giấy hẹn.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label=gettext_lazy("Số điện thoại người nộp"),
        max_length=MAX_PHONE,
        error_messages={"required": gettext_lazy("Nhập số điện thoại đã khai khi nộp hồ sơ.")},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    t = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)


def _moment(value: str | None) -> str:
    """An ISO moment of the answer as ``HH:MM dd/mm/yyyy`` (province time), like every page."""
    if not value:
        return ""
    return datetime.fromisoformat(value).astimezone(VN_TZ).strftime("%H:%M %d/%m/%Y")


def _result(body: dict) -> dict:
    return {
        "code": body["code"],
        "status": body["status"],
        "status_label": body["status_label"],
        "status_explained": STATUS_EXPLAINED.get(body["status"], ""),
        "procedure": f"{body['procedure_code']} — {body['procedure_name']}",
        "received_at": _moment(body["received_at"]),
        "due_at": _moment(body["due_at"]),
        "finished_at": _moment(body["finished_at"]),
        "returned_at": _moment(body["returned_at"]),
        "timeliness": TIMELINESS.get(body["timeliness"] or "", ""),
        "timeliness_code": body["timeliness"] or "",
        "apologies": [
            {
                "issued_at": _moment(a["issued_at"]),
                "new_due_at": _moment(a["new_due_at"]),
                "reason": a["reason"],
            }
            for a in body["apologies"]
        ],
    }


def _rating_link(code: str) -> str:
    """After a successful lookup: the rating page of a dossier whose result is ready and
    that nobody has rated yet (by account, or by token for a counter dossier)."""
    dossier = (
        Dossier.objects.filter(code=code, status__in=RATABLE)
        .only("public_id", "code", "applicant_user_id", "status")
        .first()
    )
    if dossier is None or Rating.objects.filter(dossier=dossier).exists():
        return ""
    return rating_path(dossier)


def _token_link(code: str, token: str) -> str:
    """The receipt's QR code carries the rating token: once the result is ready and until it
    is rated, its holder may go to the rating page without the phone (the token is proof of
    holding the receipt; a bad one, or one for another code, says nothing)."""
    if not token or not code:
        return ""
    dossier = dossier_for_token(token)
    if dossier is None or dossier.code != code or dossier.status not in RATABLE:
        return ""
    if Rating.objects.filter(dossier=dossier).exists():
        return ""
    return rating_path(dossier)


def _retry_text(seconds: int) -> str:
    if seconds < 60:
        return ngettext("%(n)s giây", "%(n)s giây", seconds) % {"n": seconds}
    minutes = (seconds + 59) // 60
    return _("%(n)s phút") % {"n": minutes}


def _answer_context(status: int, body: bytes, headers: dict[str, str]) -> dict:
    """What the page shows for one answer of ``public_lookup``."""
    if status == 200:
        result = _result(json.loads(body))
        return {"result": result, "rating_link": _rating_link(result["code"])}
    if status == 429:
        return {"retry_after": _retry_text(int(headers.get("Retry-After", "60")))}
    return {"not_found": True}


@never_cache
@require_http_methods(["GET", "POST"])
def lookup_view(request: HttpRequest) -> HttpResponse:
    template = "portal/public/lookup.html"
    if request.method == "GET":
        code = request.GET.get("ma", "").strip()[:MAX_CODE]
        token = request.GET.get("t", "")[:200]
        form = LookupForm(initial={"code": code, "t": token})
        return render(request, template, {"form": form, "token_link": _token_link(code, token)})
    form = LookupForm(request.POST)
    if not form.is_valid():
        return render(request, template, {"form": form}, status=422)
    data = form.cleaned_data
    answer = public_lookup(data["code"].strip(), data["phone"], client_ip(request))
    headers = dict(answer.headers)
    context = {"form": form, **_answer_context(answer.status, answer.body, headers)}
    response = render(request, template, context, status=answer.status)
    for name, value in headers.items():
        response[name] = value
    return response
