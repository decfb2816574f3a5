"""Officers' feedback pages, mounted at ``/can-bo/phan-anh/`` (namespace ``feedback``)."""

from django.urls import path

from cchc.feedback import letter_views

app_name = "feedback"

urlpatterns = [
    path("<str:code>/thu-tra-loi.<str:fmt>", letter_views.letter_view, name="letter"),
]
