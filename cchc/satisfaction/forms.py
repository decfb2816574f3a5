"""The rating form: overall (required), the five SIPAS aspects and each handling officer
(each optional: a citizen may have no view on an aspect or never have met an officer), and a
comment."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cchc.core.validation import CleanTextFormMixin
from cchc.satisfaction.models import Aspect, Level
from cchc.satisfaction.selectors import HandlingOfficer
from cchc.satisfaction.services import MAX_COMMENT

MSG_OVERALL = _("Chọn mức độ hài lòng chung về việc giải quyết hồ sơ.")
MSG_LEVEL = _("Chọn một trong ba mức: Rất hài lòng, Hài lòng, Không hài lòng.")
MSG_COMMENT = _("Ý kiến không quá 2.000 ký tự.")


def _choice(label: object, *, required: bool = False) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=Level.choices,
        required=required,
        widget=forms.RadioSelect,
        error_messages={"required": MSG_OVERALL, "invalid_choice": MSG_LEVEL},
    )


class RatingForm(CleanTextFormMixin, forms.Form):
    def __init__(self, *args: object, officers: list[HandlingOfficer], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.officers = officers
        self.fields["overall"] = _choice(_("Mức độ hài lòng chung"), required=True)
        for value, label in Aspect.choices:
            self.fields[f"aspect_{value}"] = _choice(label)
        for officer in officers:
            self.fields[f"officer_{officer.id}"] = _choice(officer.name)
        self.fields["comment"] = forms.CharField(
            label=_("Ý kiến góp ý (không bắt buộc)"),
            required=False,
            max_length=MAX_COMMENT,
            widget=forms.Textarea(attrs={"rows": 4}),
            error_messages={"max_length": MSG_COMMENT},
        )

    def aspect_fields(self) -> list[forms.BoundField]:
        return [self[f"aspect_{value}"] for value in Aspect.values]

    def officer_fields(self) -> list[tuple[HandlingOfficer, forms.BoundField]]:
        return [(o, self[f"officer_{o.id}"]) for o in self.officers]

    def submission(self) -> dict:
        """The cleaned data in ``rating_submit``'s terms."""
        data = self.cleaned_data
        return {
            "overall": data["overall"],
            "aspects": {v: data[f"aspect_{v}"] for v in Aspect.values if data[f"aspect_{v}"]},
            "officers": {
                o.id: data[f"officer_{o.id}"] for o in self.officers if data[f"officer_{o.id}"]
            },
            "comment": data["comment"],
        }
