"""Public transparency pages under ``/cong-khai/`` (no sign-in)."""

from django.urls import path

from cchc.stats import public

app_name = "transparency"

urlpatterns = [
    path("", public.province_view, name="province"),
    path("co-quan/<str:code>/", public.agency_view, name="agency"),
    path("bang-tin/<str:code>/", public.board_view, name="board"),
    path("bang-tin/<str:code>/noi-dung/", public.board_content_view, name="board_content"),
]
