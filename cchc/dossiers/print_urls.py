"""Printed forms and the tracking book for officers: ``/can-bo/in/…``."""

from django.urls import path

from cchc.dossiers import print_views

app_name = "dossier_print"

urlpatterns = [
    path("so-theo-doi/", print_views.tracking_book_view, name="tracking_book"),
    path("<str:code>/<str:kind>.pdf", print_views.form_pdf_view, name="form"),
]
