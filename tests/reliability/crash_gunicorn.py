"""gunicorn settings of the crash harness (``-c python:tests.reliability.crash_gunicorn``)."""


def when_ready(server: object) -> None:
    """With ``--preload`` the master has loaded config.wsgi; import every view too (Django
    resolves its URL map lazily, on a worker's first request), so that a worker forked after a
    SIGKILL answers at once instead of importing for seconds on a busy machine."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018  (the import is the point)
