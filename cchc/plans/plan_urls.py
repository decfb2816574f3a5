"""Plan pages (included by ``cchc.plans.urls``, under ``/can-bo/ke-hoach/``)."""

from django.urls import URLPattern, path

from cchc.plans import plan_views as views

urlpatterns: list[URLPattern] = [
    path("", views.plans_view, name="plans"),
    path("nhap/", views.plan_import_view, name="plan_import"),
    path("<int:pk>/", views.plan_view, name="plan"),
    path("<int:pk>/xuat.xlsx", views.plan_export_view, name="plan_export"),
    path("nhiem-vu/<int:pk>/", views.task_view, name="task"),
    path("nhiem-vu/<int:pk>/nhiem-vu-tinh/", views.task_parent_view, name="task_parent"),
]
