"""The admin application with the project's site (issue 14 — accounts): INSTALLED_APPS names
``cchc.org.admin_apps.CchcAdminConfig`` instead of ``django.contrib.admin``, so that
``django.contrib.admin.site`` — where every app registers its models — is
:class:`cchc.org.admin_site.CchcAdminSite`."""

from django.contrib.admin.apps import AdminConfig


class CchcAdminConfig(AdminConfig):
    default_site = "cchc.org.admin_site.CchcAdminSite"
