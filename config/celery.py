"""Celery application: workers and beat on Redis in production, eager in the embedded default.

Jobs are plain functions in ``<app>/jobs.py``; each app's ``tasks.py`` wraps them as tasks and
this module wires them to Celery and to beat's schedule. Every job is idempotent, so a beat
that fires twice (or two beats by mistake) does no harm beyond the work.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("cchc")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(
    [
        "cchc.core",
        "cchc.org",
        "cchc.dossiers",
        "cchc.feedback",
        "cchc.satisfaction",
        "cchc.parindex",
        "cchc.plans",
    ],
    related_name="tasks",
)

app.conf.update(
    # A task message is acknowledged after it ran: a worker killed mid-job leaves it queued
    # for another worker (the jobs are idempotent, so running one twice is safe).
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    task_ignore_result=True,
    broker_connection_retry_on_startup=True,
    # Each beat message expires before the next one is due: after an outage the workers run
    # the job once, not once per missed minute.
    beat_schedule={
        "outbox-deliver": {
            "task": "cchc.outbox_deliver",
            "schedule": 60.0,
            "options": {"expires": 55},
        },
        "dossiers-escalate": {
            "task": "cchc.dossiers_escalate",
            "schedule": 15 * 60.0,
            "options": {"expires": 14 * 60},
        },
        "payments-expire": {
            "task": "cchc.payments_expire",
            "schedule": 5 * 60.0,
            "options": {"expires": 4 * 60},
        },
        "feedback-remind": {
            "task": "cchc.feedback_remind",
            "schedule": 3600.0,
            "options": {"expires": 55 * 60},
        },
        "evaluations-fill": {
            "task": "cchc.evaluations_fill",
            "schedule": 15 * 60.0,
            "options": {"expires": 14 * 60},
        },
        "parindex-refresh": {
            "task": "cchc.parindex_refresh",
            "schedule": 3600.0,
            "options": {"expires": 55 * 60},
        },
        "parindex-remind": {
            "task": "cchc.parindex_remind",
            "schedule": 3600.0,
            "options": {"expires": 55 * 60},
        },
        "plans-flag-late": {
            "task": "cchc.plans_flag_late",
            "schedule": 3600.0,
            "options": {"expires": 55 * 60},
        },
        "uploads-sweep": {
            "task": "cchc.uploads_sweep",
            "schedule": 24 * 3600.0,
            "options": {"expires": 23 * 3600},
        },
        "security-log-prune": {
            "task": "cchc.security_log_prune",
            "schedule": 24 * 3600.0,
            "options": {"expires": 23 * 3600},
        },
        # Retention schedule (docs/reliability/privacy.md): stale drafts, once a day.
        "drafts-expire": {
            "task": "cchc.drafts_expire",
            "schedule": 24 * 3600.0,
            "options": {"expires": 23 * 3600},
        },
        # Issue 14 — accounts: officer accounts unused for CCHC_ACCOUNT_IDLE_DAYS.
        "accounts-disable-unused": {
            "task": "cchc.accounts_disable_unused",
            "schedule": 24 * 3600.0,
            "options": {"expires": 23 * 3600},
        },
    },
)
