"""result pages of the PAR Index (included by ``cchc.parindex.urls``): rankings, exports,
the criterion view, scorecards and remediation tasks under ``ket-qua/``."""

from django.urls import path

from cchc.parindex import remediation_views
from cchc.parindex import result_views as views

urlpatterns = [
    path("ket-qua/", views.results_index_view, name="results"),
    path("ket-qua/<int:year>/<str:kind>/", views.ranking_view, name="ranking"),
    path(
        "ket-qua/<int:year>/<str:kind>/tai-ve/<str:fmt>/",
        views.ranking_export_view,
        name="ranking_export",
    ),
    path("ket-qua/<int:year>/<str:kind>/tieu-chi/", views.criteria_view, name="criteria"),
    path(
        "ket-qua/<int:year>/<str:kind>/don-vi/<str:code>/", views.scorecard_view, name="scorecard"
    ),
    path(
        "ket-qua/<int:year>/<str:kind>/don-vi/<str:code>/pdf/",
        views.scorecard_pdf_view,
        name="scorecard_pdf",
    ),
]

urlpatterns += [
    path(
        "ket-qua/nhiem-vu-khac-phuc/",
        remediation_views.remediation_list_view,
        name="remediation_list",
    ),
    path(
        "ket-qua/<int:year>/<str:kind>/don-vi/<str:code>/khac-phuc/tieu-chi/<str:criterion>/",
        remediation_views.remediation_create_view,
        name="remediation_create",
    ),
    path(
        "ket-qua/<int:year>/<str:kind>/don-vi/<str:code>/khac-phuc/<int:pk>/",
        remediation_views.remediation_update_view,
        name="remediation_update",
    ),
]
