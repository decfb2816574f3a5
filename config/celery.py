"""Celery application: workers and beat on Redis in production, eager in the embedded default.

Jobs are plain functions in ``<app>/jobs.py``; this module only wires them to Celery.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("cchc")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["cchc.core"], related_name="tasks")
