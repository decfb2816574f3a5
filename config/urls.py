"""URL map. User-facing paths are Vietnamese slugs without diacritics; the API lives at /api/v1/."""

from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy

from cchc.core import views as core_views
from cchc.portal.public import lookup_view
from config.api import api

admin.site.site_header = gettext_lazy("CCHC — Quản trị hệ thống")
admin.site.site_title = "CCHC"
admin.site.index_title = gettext_lazy("Quản trị")

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("favicon.ico", core_views.favicon),
    path("tai-khoan/", include("cchc.org.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("can-bo/thu-tuc/", include("cchc.catalog.urls")),
    path("can-bo/in/", include("cchc.dossiers.print_urls")),
    path("can-bo/ho-so/", include("cchc.dossiers.urls")),
    path("can-bo/thong-ke/", include("cchc.stats.urls")),
    path("dich-vu-cong/", include("cchc.portal.urls")),
    # The address printed on every receipt (Mẫu 01) and in every notification.
    path("tra-cuu/", lookup_view, name="public_lookup"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]
