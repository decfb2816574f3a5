"""The citizen's feedback pages, mounted at ``/phan-anh/`` (namespace ``feedback_public``)."""

from django.urls import path

from cchc.feedback import public_views

app_name = "feedback_public"

urlpatterns = [
    path("", public_views.list_view, name="list"),
    path("gui/", public_views.send_view, name="send"),
    path("da-gui/", public_views.sent_view, name="sent"),
    path("tra-cuu/", public_views.follow_view, name="follow"),
    path("<str:code>/", public_views.detail_view, name="detail"),
]
