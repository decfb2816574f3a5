from django.urls import path

from cchc.catalog import excel_views, views

app_name = "catalog"

urlpatterns = [
    path("", views.procedure_list_view, name="procedure_list"),
    path("xuat-excel/", excel_views.procedure_export_view, name="procedure_export"),
    path("nhap-excel/", excel_views.procedure_import_view, name="procedure_import"),
    path("<str:code>/", views.procedure_detail_view, name="procedure_detail"),
]
