"""Citizen accounts (names live in the "portal" namespace of ``cchc.portal.urls``), mounted
at /dich-vu-cong/tai-khoan/."""

from django.urls import path

from cchc.portal.accounts import views

urlpatterns = [
    path("", views.account_view, name="account"),
    path("dang-ky/", views.signup_view, name="signup"),
    path("dang-nhap/", views.login_view, name="login"),
    path("du-lieu-ca-nhan/", views.account_export_view, name="account_export"),
    path("xoa-du-lieu/", views.account_erase_view, name="account_erase"),
    path("xoa-du-lieu/da-xoa/", views.account_erased_view, name="account_erased"),
    path("dong-tai-khoan/", views.account_close_view, name="account_close"),
    path("da-dong/", views.account_closed_view, name="account_closed"),
    path("doi-mat-khau/", views.password_change_view, {"portal": True}, name="password_change"),
    path("quen-mat-khau/", views.password_reset_view, name="password_reset"),
    path("quen-mat-khau/da-gui/", views.password_reset_sent_view, name="password_reset_sent"),
    path(
        "dat-lai-mat-khau/<str:uidb64>/<str:token>/",
        views.password_reset_confirm_view,
        name="password_reset_confirm",
    ),
    path("dat-lai-mat-khau/xong/", views.password_reset_done_view, name="password_reset_done"),
    path("xac-minh/gui-lai/", views.verify_send_view, name="verify_send"),
    path("xac-minh/<str:token>/", views.verify_contact_view, name="verify_contact"),
]
