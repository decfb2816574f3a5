"""The serving-index configuration the data migration seeds (six groups, 21 indicators): put
back from the migration itself when a transactional test has flushed it."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from cchc.stats.models import IndexGroup

DEFAULTS = importlib.import_module("cchc.stats.migrations.0005_serving_index_defaults")


@pytest.fixture
def serving_config(db):
    if not IndexGroup.objects.exists():
        DEFAULTS.seed(apps, None)
