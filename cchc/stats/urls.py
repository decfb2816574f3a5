"""The dossier report under ``/can-bo/thong-ke/``."""

from django.urls import path

from cchc.stats import views

app_name = "stats"

urlpatterns = [
    path("", views.report_view, name="report"),
    path("excel/", views.report_xlsx_view, name="report_xlsx"),
    path("co-quan/<str:code>/", views.procedure_report_view, name="procedure_report"),
    path("bang-dieu-khien/", views.dashboard_view, name="dashboard"),
    path(
        "bang-dieu-khien/<slug:name>.<str:fmt>",
        views.dashboard_export_view,
        name="dashboard_export",
    ),
]
