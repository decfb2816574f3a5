"""API v1 of the reform plans (``/api/v1/plans/…``)."""

from ninja import Router

router = Router(tags=["plans"])
