"""Staff pages of the PAR Index under ``/can-bo/chi-so-cchc/`` (namespace ``parindex``): the
frameworks (``framework_urls``), the assessments and their appraisal (``assessment_urls``),
the results, exports and remediation tasks (``result_urls``)."""

from cchc.parindex import assessment_urls, framework_urls, result_urls

app_name = "parindex"

urlpatterns = [
    *framework_urls.urlpatterns,
    *result_urls.urlpatterns,
    *assessment_urls.urlpatterns,
]
