"""Public pages of the portal (names live in the "portal" namespace of ``cchc.portal.urls``):
home, the procedure catalogue, a procedure's page, the dossier lookup and the rating pages."""

from django.urls import path

from cchc.portal import public
from cchc.satisfaction import views as satisfaction

urlpatterns = [
    path("", public.home_view, name="home"),
    path("thu-tuc/", public.catalog_view, name="catalog"),
    path("thu-tuc/<str:code>/", public.procedure_view, name="procedure"),
    path("tra-cuu/", public.lookup_view, name="lookup"),
    path("danh-gia/<uuid:public_id>/", satisfaction.rate_view, name="rate"),
    path("danh-gia/qr/<str:token>/", satisfaction.rate_token_view, name="rate_token"),
]
