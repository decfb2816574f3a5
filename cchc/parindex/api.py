"""API v1 of the PAR Index: published rankings (``/api/v1/parindex/…``)."""

from ninja import Router

router = Router(tags=["parindex"])
