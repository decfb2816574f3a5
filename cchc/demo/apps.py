from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo province and its ``seed_demo`` command; no models."""

    name = "cchc.demo"
    label = "demo"
    verbose_name = _("Dữ liệu mẫu")
