from django.contrib.auth import views as auth_views
from django.urls import path

from cchc.org.forms import LoginForm
from cchc.portal.accounts.views import password_change_view

urlpatterns = [
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    # Officers change their password here, in the back office's layout (the view is shared
    # with the portal's page for citizens).
    path("doi-mat-khau/", password_change_view, {"portal": False}, name="password_change"),
]
