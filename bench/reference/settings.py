"""The naive reference of the public-lookup benchmark: the project's settings, its own URLs."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.reference.urls"
