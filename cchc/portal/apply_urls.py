"""Applying online and "my dossiers", under ``/dich-vu-cong/ho-so/`` (names in ``portal``).

Dossiers are addressed by their public id (a UUID), never by a sequential key; the document
id in a file URL is checked against the dossier the user may open; the result has one URL per
dossier.
"""

from django.urls import path

from cchc.portal.apply import tracking, views

urlpatterns = [
    path("", tracking.my_dossiers_view, name="my_dossiers"),
    path("nop/<str:code>/", views.apply_view, name="apply"),
    path("nhap/<uuid:public_id>/", views.draft_view, name="draft"),
    path("<uuid:public_id>/", tracking.my_dossier_view, name="my_dossier"),
    path(
        "<uuid:public_id>/tep/<int:document_id>/",
        tracking.dossier_file_view,
        name="dossier_file",
    ),
    path("<uuid:public_id>/ket-qua.pdf", tracking.dossier_result_view, name="dossier_result"),
    path("<uuid:public_id>/bo-sung/", tracking.supplement_view, name="supplement"),
    path("<uuid:public_id>/rut/", tracking.withdraw_view, name="withdraw"),
    path("<uuid:public_id>/nhan-ket-qua/", tracking.return_method_view, name="return_method"),
]
