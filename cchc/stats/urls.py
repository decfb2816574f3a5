"""The dossier report under ``/can-bo/thong-ke/``, and the values of the serving-quality
index the reform office enters."""

from django.urls import path

from cchc.stats import entry_views, views

app_name = "stats"

urlpatterns = [
    path("", views.report_view, name="report"),
    path("excel/", views.report_xlsx_view, name="report_xlsx"),
    path("co-quan/<str:code>/", views.procedure_report_view, name="procedure_report"),
    path("chi-so-phuc-vu/so-lieu-nhap/", entry_views.entered_values_view, name="entered_values"),
]
