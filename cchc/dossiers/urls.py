"""Officer pages of the one-stop system, under ``/can-bo/ho-so/``."""

from django.urls import path

from cchc.dossiers import views

app_name = "dossiers"

urlpatterns = [
    path("", views.worklist_view, name="worklist"),
    path("so-luong/", views.worklist_counts_view, name="worklist_counts"),
    path("hang-loat/", views.bulk_view, name="bulk"),
    path("tiep-nhan/", views.intake_view, name="intake"),
    path("tiep-nhan/thu-tuc/", views.intake_procedures_view, name="intake_procedures"),
    path("canh-bao/", views.alerts_view, name="alerts"),
    path("canh-bao/da-xem/", views.notice_read_all_view, name="notice_read_all"),
    path("canh-bao/<int:pk>/da-xem/", views.notice_read_view, name="notice_read"),
    path("doi-soat-thanh-toan/", views.payment_review_view, name="payment_review"),
    path(
        "doi-soat-thanh-toan/<uuid:public_id>/hoan-tien/",
        views.payment_refund_view,
        name="payment_refund",
    ),
    path("<str:code>/", views.dossier_detail_view, name="detail"),
    path("<str:code>/ket-qua.pdf", views.result_file_view, name="result_file"),
    path("<str:code>/tep/<int:document_id>/", views.dossier_file_view, name="file"),
    path("<str:code>/thao-tac/<slug:slug>/", views.dossier_action_view, name="action"),
]
