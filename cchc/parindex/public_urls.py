"""Public PAR Index results under ``/cong-khai/chi-so-cchc/`` (no sign-in; published only)."""

from django.urls import path

from cchc.parindex import public_views as views

app_name = "parindex_public"

urlpatterns = [
    path("", views.public_index_view, name="index"),
    path("<int:year>/<str:kind>/", views.public_ranking_view, name="ranking"),
    path("<int:year>/<str:kind>/<str:code>/", views.public_scorecard_view, name="scorecard"),
]
