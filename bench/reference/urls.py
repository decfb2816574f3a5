"""A naive status lookup, the yardstick of ``bench/run.sh``: the ORM's ``get()`` by code and a
``JsonResponse`` of a few fields, through Django's whole middleware stack and URL resolver.
No phone check, no rate limit — what a first version would do."""

from django.http import HttpRequest, JsonResponse
from django.urls import path

from cchc.dossiers.models import Dossier


def lookup(request: HttpRequest, code: str) -> JsonResponse:
    try:
        dossier = Dossier.objects.get(code=code)
    except Dossier.DoesNotExist:
        return JsonResponse({"detail": "Không tìm thấy."}, status=404)
    return JsonResponse(
        {
            "code": dossier.code,
            "status": dossier.status,
            "received_at": dossier.received_at,
            "due_at": dossier.due_at,
            "finished_at": dossier.finished_at,
        }
    )


urlpatterns = [path("api/v1/public/dossiers/<str:code>", lookup)]
