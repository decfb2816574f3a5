"""Home Affairs' appraisal of a dossier's evaluation, under ``/can-bo/danh-gia-ho-so/``."""

from django.urls import path

from cchc.satisfaction.appraisal import appraise_view

app_name = "evaluation"

urlpatterns = [path("<str:code>/tham-dinh/", appraise_view, name="appraise")]
