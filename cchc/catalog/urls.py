from django.urls import path

from cchc.catalog import views

app_name = "catalog"

urlpatterns = [
    path("", views.procedure_list_view, name="procedure_list"),
    path("<str:code>/", views.procedure_detail_view, name="procedure_detail"),
]
