"""URL map. User-facing paths are Vietnamese slugs without diacritics; the API lives at /api/v1/."""

from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy

from cchc.catalog.views import home_view
from cchc.core import views as core_views
from cchc.core.security_views import security_log_view
from cchc.portal.accounts.views import password_change_view
from cchc.portal.public import lookup_view
from config.api import api

admin.site.site_header = gettext_lazy("CCHC — Quản trị hệ thống")
admin.site.site_title = "CCHC"
admin.site.index_title = gettext_lazy("Quản trị")

urlpatterns = [
    path("", home_view, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("favicon.ico", core_views.favicon),
    path("tai-khoan/", include("cchc.org.urls")),
    # Officers change their password in the back office's layout; the view is the portal's
    # page for citizens (one implementation, two layouts).
    path(
        "tai-khoan/doi-mat-khau/",
        password_change_view,
        {"portal": False},
        name="password_change",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("can-bo/thu-tuc/", include("cchc.catalog.urls")),
    path("can-bo/in/", include("cchc.dossiers.print_urls")),
    path("can-bo/ho-so/", include("cchc.dossiers.urls")),
    path("can-bo/thong-ke/", include("cchc.stats.urls")),
    path("can-bo/danh-gia-ho-so/", include("cchc.satisfaction.urls")),
    path("can-bo/phan-anh/", include("cchc.feedback.urls")),
    path("can-bo/khao-sat/", include("cchc.surveys.urls")),
    path("can-bo/chi-so-cchc/", include("cchc.parindex.urls")),
    path("can-bo/ke-hoach/", include("cchc.plans.urls")),
    path("can-bo/nhat-ky-an-toan/", security_log_view, name="security_log"),
    path("cong-khai/", include("cchc.stats.public_urls")),
    path("dich-vu-cong/", include("cchc.portal.urls")),
    # The address printed on every receipt (Mẫu 01) and in every notification.
    path("tra-cuu/", lookup_view, name="public_lookup"),
    path("phan-anh/", include("cchc.feedback.public_urls")),
    path("khao-sat/", include("cchc.surveys.public_urls")),
    path("cong-khai/chi-so-cchc/", include("cchc.parindex.public_urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("open311/v2/", include("cchc.feedback.open311.urls")),
]

# Under /api/ every error is JSON (config.api); elsewhere Django's pages.
handler400 = "config.api.bad_request"
handler403 = "config.api.permission_denied"
handler404 = "config.api.page_not_found"
handler500 = "config.api.server_error"
