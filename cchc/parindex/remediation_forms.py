"""Forms of the remediation tasks (nhiệm vụ khắc phục): assign one for a weak criterion (what
to do, the owner among the unit's officers, the due date dd/mm/yyyy) and report on it (status,
result, evidence link or file — the service checks a file as the portal checks uploads)."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from cchc.core.validation import VnDateField
from cchc.dossiers.forms._base import StyledForm
from cchc.org.models import Agency, User
from cchc.parindex.models import RemediationTask

MAX_ACTION = 2000
MAX_NOTE = 4000


def unit_officers(agency: Agency) -> QuerySet[User]:
    """The officers of ``agency`` and its divisions, who may own a task."""
    return (
        User.objects.filter(agency__path__startswith=agency.path, is_active=True)
        .exclude(role=User.Role.CITIZEN)
        .order_by("full_name", "username")
    )


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name()


class RemediationCreateForm(StyledForm):
    action = forms.CharField(
        label=_("Việc cần làm"), max_length=MAX_ACTION, widget=forms.Textarea(attrs={"rows": 3})
    )
    owner = OwnerChoiceField(
        label=_("Người phụ trách"), queryset=User.objects.none(), required=False
    )
    due_date = VnDateField(label=_("Hạn hoàn thành"))

    def __init__(self, *args: object, agency: Agency, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = unit_officers(agency)


class RemediationUpdateForm(StyledForm):
    status = forms.ChoiceField(label=_("Trạng thái"), choices=RemediationTask.Status.choices)
    progress_note = forms.CharField(
        label=_("Kết quả thực hiện"),
        max_length=MAX_NOTE,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    evidence_link = forms.URLField(
        label=_("Đường dẫn minh chứng"), max_length=1000, required=False, assume_scheme="https"
    )
    evidence_file = forms.FileField(label=_("Tệp minh chứng"), required=False)
