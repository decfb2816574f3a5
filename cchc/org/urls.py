from django.contrib.auth import views as auth_views
from django.urls import path

from cchc.org import twofactor_views
from cchc.org.forms import LoginForm

urlpatterns = [
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    # Two-step sign-in (issue 14 — accounts).
    path("xac-thuc-hai-buoc/", twofactor_views.manage_view, name="otp_manage"),
    path("xac-thuc-hai-buoc/dang-ky/", twofactor_views.enrol_view, name="otp_enrol"),
    path("xac-thuc-hai-buoc/nhap-ma/", twofactor_views.verify_view, name="otp_verify"),
    path("xac-thuc-hai-buoc/tat/", twofactor_views.remove_view, name="otp_remove"),
]
