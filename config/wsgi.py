"""The WSGI application: Django, behind a lean fast path for the public dossier status lookup
(``cchc.core.fastpath``; the same function answers through django-ninja)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django_application = get_wsgi_application()

from cchc.core.fastpath import FastPath  # noqa: E402  (needs the settings loaded above)
from cchc.dossiers.public import PATH_PREFIX, fast_lookup  # noqa: E402

application = FastPath(django_application, {PATH_PREFIX: fast_lookup})
