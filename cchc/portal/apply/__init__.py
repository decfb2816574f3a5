"""Applying online and following one's dossiers on the citizen portal (issue 4, items 3, 5
and 6): forms, views and the plain-Vietnamese timeline. Every change to a dossier goes through
``cchc.dossiers.services``; uploads through ``cchc.dossiers.uploads``."""
