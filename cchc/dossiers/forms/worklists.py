"""Worklist filters and bulk actions."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from cchc.core.validation import CleanTextFormMixin
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.forms._base import MSG_NO_SELECTION, StyledForm, VnDateField
from cchc.dossiers.models import Dossier
from cchc.org.models import User
from cchc.org.selectors import agency_scope_root


class WorklistFilterForm(StyledForm):
    OVERDUE = (("", _("Tất cả")), ("yes", _("Quá hạn")), ("no", _("Chưa quá hạn")))

    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Tất cả")), *Dossier.Status.choices]
    )
    overdue = forms.ChoiceField(label=_("Tiến độ"), required=False, choices=OVERDUE)
    procedure = forms.CharField(label=_("Mã thủ tục"), required=False, max_length=30)
    received_from = VnDateField(label=_("Tiếp nhận từ ngày"), required=False)
    received_to = VnDateField(label=_("đến ngày"), required=False)
    q = forms.CharField(
        label=_("Mã hồ sơ, tên hoặc điện thoại người nộp"), required=False, max_length=100
    )
    # The drill-down of a figure (tab "all"): which dossiers a report or dashboard counted.
    resolving = forms.CharField(
        label=_("Cơ quan giải quyết (mã định danh)"), required=False, max_length=13
    )
    channel = forms.ChoiceField(
        label=_("Hình thức nộp"),
        required=False,
        choices=[("", _("Tất cả")), *Dossier.Channel.choices],
    )
    timeliness = forms.ChoiceField(
        label=_("Kết quả giải quyết"),
        required=False,
        choices=[("", _("Tất cả")), *Dossier.Timeliness.choices],
    )
    finished_from = VnDateField(label=_("Có kết quả từ ngày"), required=False)
    finished_to = VnDateField(label=_("đến ngày"), required=False)
    no_apology = forms.BooleanField(label=_("Trễ hạn chưa có văn bản xin lỗi"), required=False)

    def filters(self) -> dict:
        """Keyword arguments for ``selectors.Filters`` (dates as local day bounds)."""
        data = self.cleaned_data if self.is_valid() else {}
        start = data.get("received_from")
        end = data.get("received_to")
        finished_from, finished_to = data.get("finished_from"), data.get("finished_to")
        return {
            "status": data.get("status", ""),
            "overdue": {"yes": True, "no": False}.get(data.get("overdue", "")),
            "procedure_code": (data.get("procedure") or "").strip(),
            "received_from": datetime.combine(start, time.min, tzinfo=VN_TZ) if start else None,
            "received_to": (
                datetime.combine(end + timedelta(days=1), time.min, tzinfo=VN_TZ) if end else None
            ),
            "q": (data.get("q") or "").strip(),
            "resolving_agency_code": (data.get("resolving") or "").strip(),
            "channel": data.get("channel", ""),
            "timeliness": data.get("timeliness", ""),
            "finished_from": day_start(finished_from),
            "finished_to": day_start(finished_to + timedelta(days=1)) if finished_to else None,
            "apology_missing": bool(data.get("no_apology")),
        }


def day_start(day: object) -> datetime | None:
    """The first moment of a local day (``None`` stays ``None``)."""
    return datetime.combine(day, time.min, tzinfo=VN_TZ) if day else None


class BulkForm(CleanTextFormMixin, forms.Form):
    FORWARD = "forward"
    RETURN = "return"

    action = forms.ChoiceField(choices=((FORWARD, FORWARD), (RETURN, RETURN)))
    codes = forms.MultipleChoiceField(error_messages={"required": MSG_NO_SELECTION})
    to_user = forms.ModelChoiceField(queryset=User.objects.none(), required=False)
    method = forms.ChoiceField(
        required=False,
        choices=(
            (Dossier.ReturnMethod.IN_PERSON, Dossier.ReturnMethod.IN_PERSON.label),
            (Dossier.ReturnMethod.ELECTRONIC, Dossier.ReturnMethod.ELECTRONIC.label),
        ),
    )
    tab = forms.CharField(required=False, max_length=20)

    def __init__(self, *args: object, user: User, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        codes = self.data.getlist("codes") if hasattr(self.data, "getlist") else []
        self.fields["codes"].choices = [(c, c) for c in codes[:200]]
        self.fields["to_user"].queryset = bulk_recipients(user)


def bulk_recipients(user: User) -> QuerySet[User]:
    """Officers of ``user``'s unit a dossier may be forwarded to by name."""
    root = agency_scope_root(user)
    if root is None:
        return User.objects.none()
    return (
        User.objects.filter(
            is_active=True,
            role__in=[User.Role.SPECIALIST, User.Role.LEADER],
            agency__path__startswith=root.path,
        )
        .exclude(pk=user.pk)
        .order_by("role", "full_name")
    )
