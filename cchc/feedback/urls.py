"""Officers' pages for feedback and petitions, under ``/can-bo/phan-anh/``."""

from django.urls import path

from cchc.feedback import views

app_name = "feedback"

urlpatterns = [
    path("", views.worklist_view, name="worklist"),
    path("can-xu-ly/", views.attention_view, name="attention"),
    path("tiep-nhan/", views.intake_view, name="intake"),
    path("<str:code>/", views.item_view, name="detail"),
    path("<str:code>/tep/<int:pk>/", views.attachment_view, name="attachment"),
    path("<str:code>/thao-tac/<slug:slug>/", views.action_view, name="action"),
]
