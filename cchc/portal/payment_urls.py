"""Online payment pages under /dich-vu-cong/thanh-toan/ (names in the ``portal`` namespace)."""

from django.urls import path

from cchc.dossiers.payments.sandbox import sandbox_pay_view
from cchc.portal.payments import views

urlpatterns = [
    path("ho-so/<uuid:public_id>/", views.payment_start_view, name="payment_start"),
    path("<uuid:public_id>/ket-qua/", views.payment_return_view, name="payment_return"),
    path("<uuid:public_id>/bien-lai/", views.payment_receipt_view, name="payment_receipt"),
    path(
        "<uuid:public_id>/bien-lai.pdf", views.payment_receipt_pdf_view, name="payment_receipt_pdf"
    ),
    path("thong-bao-ket-qua/", views.payment_callback_view, name="payment_callback"),
    path("cong-thu-nghiem/", sandbox_pay_view, name="sandbox_pay"),
]
