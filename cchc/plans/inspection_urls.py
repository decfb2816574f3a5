"""Inspection and modernisation-register pages (included by ``cchc.plans.urls``):
``kiem-tra/`` (inspections) and ``hien-dai-hoa/`` (ISO 9001, electronic documents)."""

from django.urls import URLPattern, path

from cchc.plans import inspection_views, register_views

urlpatterns: list[URLPattern] = [
    path("kiem-tra/", inspection_views.inspection_list_view, name="inspections"),
    path("kiem-tra/lap-ke-hoach/", inspection_views.inspection_plan_view, name="inspection_plan"),
    path("kiem-tra/<int:pk>/", inspection_views.inspection_detail_view, name="inspection"),
    path(
        "kiem-tra/<int:pk>/ket-qua/",
        inspection_views.inspection_record_view,
        name="inspection_record",
    ),
    path("kiem-tra/<int:pk>/ton-tai/", inspection_views.finding_add_view, name="finding_add"),
    path(
        "kiem-tra/<int:pk>/ton-tai/<int:finding>/khac-phuc/",
        inspection_views.finding_close_view,
        name="finding_close",
    ),
    path(
        "kiem-tra/<int:pk>/ton-tai/<int:finding>/tep/<str:which>/",
        inspection_views.finding_file_view,
        name="finding_file",
    ),
    path(
        "kiem-tra/<int:pk>/ket-thuc/",
        inspection_views.inspection_close_view,
        name="inspection_close",
    ),
    path(
        "kiem-tra/<int:pk>/bien-ban.docx",
        inspection_views.inspection_minute_view,
        name="inspection_minute",
    ),
    path("hien-dai-hoa/", register_views.registers_view, name="registers"),
    path("hien-dai-hoa/iso/<str:code>/", register_views.iso_view, name="register_iso"),
    path(
        "hien-dai-hoa/van-ban/nhap-csv/",
        register_views.documents_csv_view,
        name="register_documents_csv",
    ),
    path(
        "hien-dai-hoa/van-ban/<str:code>/",
        register_views.documents_view,
        name="register_documents",
    ),
]
