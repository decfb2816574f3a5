"""The dossier report and the list of officers often late under ``/can-bo/thong-ke/``."""

from django.urls import path

from cchc.stats import officer_views, views

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
    path("can-bo/", officer_views.officer_watch_view, name="officer_watch"),
    path("can-bo/tai-ve/excel/", officer_views.officer_watch_xlsx_view, name="officer_watch_xlsx"),
    path("can-bo/<str:username>/", officer_views.officer_detail_view, name="officer_detail"),
]
