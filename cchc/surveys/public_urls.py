"""The respondent's pages, mounted at ``/khao-sat/`` (namespace ``surveys_public``)."""

from django.urls import path

from cchc.surveys import public_views

app_name = "surveys_public"

urlpatterns = [
    path("cam-on/", public_views.thanks_view, name="thanks"),
    path("<slug:key>/", public_views.respond_view, name="respond"),
]
