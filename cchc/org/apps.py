from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgConfig(AppConfig):
    name = "cchc.org"
    label = "org"
    verbose_name = _("Tổ chức và người dùng")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import pre_save

        from cchc.org.middleware import start_idle_clock
        from cchc.org.models import User
        from cchc.org.passwords import record_replaced_password
        from cchc.org.twofactor import note_device_at_sign_in

        # Issue 14 — accounts: the hash a new password replaces joins the password history.
        pre_save.connect(record_replaced_password, sender=User, dispatch_uid="org-password-history")
        # Whether the person signing in has a two-step device (checked once, at sign-in).
        user_logged_in.connect(note_device_at_sign_in, dispatch_uid="org-otp-at-sign-in")
        # The idle-session clock starts at sign-in.
        user_logged_in.connect(start_idle_clock, dispatch_uid="org-idle-clock")
