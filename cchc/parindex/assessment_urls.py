"""Assessment pages of the PAR Index (included by ``cchc.parindex.urls``), under
``/can-bo/chi-so-cchc/danh-gia/``: the worklist, one assessment (``<year>/<unit kind>/<agency
code>/``), its actions, its criteria, their evidence, its history, and a framework's
publication."""

from django.urls import path

from cchc.parindex.assessment_pages import views, worklist

ASSESSMENT = "danh-gia/<int:year>/<str:kind>/<str:agency>/"
CRITERION = ASSESSMENT + "tieu-chi/<str:code>/"

urlpatterns = [
    path("danh-gia/", worklist.worklist_view, name="assessments"),
    path("danh-gia/<int:year>/<str:kind>/cong-bo/", worklist.publish_view, name="publish"),
    path(ASSESSMENT, views.assessment_view, name="assessment"),
    path(ASSESSMENT + "lich-su/", views.history_view, name="assessment_history"),
    path(
        ASSESSMENT + "cap-nhat-so-lieu/", views.assessment_refresh_view, name="assessment_refresh"
    ),
    path(
        ASSESSMENT + "thao-tac/<slug:slug>/",
        views.assessment_action_view,
        name="assessment_action",
    ),
    path(CRITERION, views.criterion_view, name="criterion"),
    path(CRITERION + "thao-tac/<slug:slug>/", views.criterion_action_view, name="criterion_action"),
    path(CRITERION + "tai-lieu/<int:pk>/", views.evidence_file_view, name="evidence_file"),
    path(CRITERION + "tai-lieu/<int:pk>/go/", views.evidence_remove_view, name="evidence_remove"),
]
