"""``makemessages`` that also extracts ``N_("…")`` and ``_g("…")``.

The project marks texts translated later with ``from django.utils.translation import
gettext_noop as N_`` (message constants that services raise in Vietnamese and pages translate
when they show them). Django's ``makemessages`` passes xgettext only its own keywords
(``gettext_noop``, ``gettext_lazy``…), so the alias has to be added as a keyword here — the way
Django's documentation suggests ("Customizing the makemessages command"). The same holds for
``from django.utils.translation import gettext as _g``, the alias of modules that translate a
text where they use it (notices, messages of the services).
"""

from __future__ import annotations

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=N_", "--keyword=_g"]
