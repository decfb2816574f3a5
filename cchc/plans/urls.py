"""Staff pages of plans, reports, inspections and registers under ``/can-bo/ke-hoach/``
(namespace ``plans``): the plans and their tasks (``plan_urls``), the periodic reports
(``report_urls``), the inspections and the modernisation registers (``inspection_urls``)."""

from cchc.plans import inspection_urls, plan_urls, report_urls

app_name = "plans"

urlpatterns = [
    *plan_urls.urlpatterns,
    *report_urls.urlpatterns,
    *inspection_urls.urlpatterns,
]
