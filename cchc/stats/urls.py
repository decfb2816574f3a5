"""The dossier report, the dashboards, the list of officers often late and the values of the
serving-quality index the reform office enters, under ``/can-bo/thong-ke/``."""

from django.urls import path

from cchc.stats import duty_views, entry_views, officer_views, views

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
    path("thuc-thi-cong-vu/", duty_views.duty_view, name="duty"),
    path("thuc-thi-cong-vu/tai-ve/<str:fmt>/", duty_views.duty_export_view, name="duty_export"),
    path(
        "thuc-thi-cong-vu/can-bo/<str:username>/",
        duty_views.duty_officer_view,
        name="duty_officer",
    ),
    path("thuc-thi-cong-vu/co-quan/<str:code>/", duty_views.duty_agency_view, name="duty_agency"),
    path("chi-so-phuc-vu/so-lieu-nhap/", entry_views.entered_values_view, name="entered_values"),
]
