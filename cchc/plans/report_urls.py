"""The periodic-report pages (included by ``cchc.plans.urls``) under
``/can-bo/ke-hoach/bao-cao/``."""

from django.urls import URLPattern, path

from cchc.plans import report_views as views

urlpatterns: list[URLPattern] = [
    path("bao-cao/", views.report_list_view, name="reports"),
    path("bao-cao/mo/", views.report_open_view, name="report_open"),
    path("bao-cao/<int:pk>/", views.report_detail_view, name="report"),
    path("bao-cao/<int:pk>/soan/", views.report_edit_view, name="report_edit"),
    path("bao-cao/<int:pk>/gui/", views.report_submit_view, name="report_submit"),
    path("bao-cao/<int:pk>/tra-lai/", views.report_return_view, name="report_return"),
    path("bao-cao/<int:pk>/tiep-nhan/", views.report_accept_view, name="report_accept"),
    path("bao-cao/<int:pk>/tai/<str:fmt>/", views.report_download_view, name="report_download"),
]
