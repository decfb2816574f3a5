"""Officers' pages for feedback and petitions, under ``/can-bo/phan-anh/`` (namespace
``feedback``)."""

from django.urls import path

from cchc.feedback import letter_views
from cchc.feedback.staff import intake, item, worklist

app_name = "feedback"

urlpatterns = [
    path("", worklist.worklist_view, name="worklist"),
    path("can-xu-ly/", worklist.attention_view, name="attention"),
    path("tiep-nhan/", intake.intake_view, name="intake"),
    path("<str:code>/thu-tra-loi.<str:fmt>", letter_views.letter_view, name="letter"),
    path("<str:code>/", item.item_view, name="detail"),
    path("<str:code>/tep/<int:pk>/", item.attachment_view, name="attachment"),
    path("<str:code>/thao-tac/<slug:slug>/", item.action_view, name="action"),
]
