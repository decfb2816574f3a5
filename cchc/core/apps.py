from django.apps import AppConfig
from django.core.checks import Tags, register
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cchc.core"
    label = "core"
    verbose_name = _("Hệ thống")

    def ready(self) -> None:
        from cchc.core.checks import check_file_keys, check_outgoing_messages

        register(check_outgoing_messages, Tags.security)
        register(check_file_keys, Tags.security)

        from cchc.core.security_audit import connect

        connect()
