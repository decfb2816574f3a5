"""Staff pages for survey campaigns, mounted at ``/can-bo/khao-sat/`` (namespace ``surveys``)."""

from django.urls import path

from cchc.surveys import views

app_name = "surveys"

urlpatterns = [
    path("", views.list_view, name="list"),
    path("mo-dot/", views.open_view, name="open"),
    path("<str:code>/", views.detail_view, name="detail"),
    path("<str:code>/nhap-phieu/", views.enter_view, name="enter"),
    path("<str:code>/ket-qua/", views.results_view, name="results"),
    path("<str:code>/ket-qua.xlsx", views.results_xlsx_view, name="results_xlsx"),
    path("<str:code>/bao-cao.docx", views.results_docx_view, name="results_docx"),
    path("<str:code>/the-khao-sat/", views.cards_view, name="cards"),
]
