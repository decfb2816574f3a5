"""The citizen portal (dịch vụ công trực tuyến), mounted at /dich-vu-cong/.

Each part has its own URL module so that the parts can grow independently."""

from django.urls import include, path

app_name = "portal"

urlpatterns = [
    path("", include("cchc.portal.public_urls")),
    path("tai-khoan/", include("cchc.portal.accounts_urls")),
    path("ho-so/", include("cchc.portal.apply_urls")),
    path("thanh-toan/", include("cchc.portal.payment_urls")),
]
