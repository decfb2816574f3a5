"""The portal's public pages (no sign-in): home, the procedure catalogue, a procedure's page
and the dossier status lookup. Reads only; the lookup goes through the one implementation of
the public lookup rules (``cchc.dossiers.public.public_lookup``)."""

from cchc.portal.public.catalog import catalog_view, home_view, procedure_view
from cchc.portal.public.lookup import lookup_view

__all__ = ["catalog_view", "home_view", "lookup_view", "procedure_view"]
