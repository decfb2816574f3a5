"""Framework pages of the PAR Index (included by ``cchc.parindex.urls``)."""

from django.urls import URLPattern, path

from cchc.parindex import framework_views as views

urlpatterns: list[URLPattern] = [
    path("bo-tieu-chi/", views.framework_list_view, name="framework_list"),
    path("bo-tieu-chi/nhap-excel/", views.framework_import_view, name="framework_import"),
    path(
        "bo-tieu-chi/<int:year>/<str:kind>/",
        views.framework_detail_view,
        name="framework_detail",
    ),
    path(
        "bo-tieu-chi/<int:year>/<str:kind>/xuat-excel/",
        views.framework_export_view,
        name="framework_export",
    ),
    path(
        "bo-tieu-chi/<int:year>/<str:kind>/sao-chep/",
        views.framework_copy_view,
        name="framework_copy",
    ),
    path(
        "bo-tieu-chi/<int:year>/<str:kind>/mo-danh-gia/",
        views.framework_open_view,
        name="framework_open",
    ),
]
