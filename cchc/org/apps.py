from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "cchc.org"
    label = "org"
    verbose_name = _("Tổ chức và người dùng")

    def ready(self) -> None:
        from django.db.models.signals import pre_save

        from cchc.org.models import User
        from cchc.org.passwords import record_replaced_password

        # Issue 14 — accounts: the hash a new password replaces joins the password history.
        pre_save.connect(record_replaced_password, sender=User, dispatch_uid="org-password-history")
