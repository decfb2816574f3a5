"""The soak's mix of visitors and its arithmetic, apart from locust (whose import patches the
standard library with gevent): bench/soak/locustfile.py and bench/soak/drill.py both use it.

docs/reliability/load.md derives the shares: about 25 requests per dossier at the busiest
hour — browsing the catalogue before applying (and without applying), looking the dossier up
later, the transparency pages, the online intake for half of the dossiers, and the officers'
work on every dossier.
"""

from __future__ import annotations

# Requests per second of each kind of visitor for one request per second of the whole site
# (the sum is 1), and the steps per second of one user of that kind (one browser tab).
MIX = {"visitor": 0.48, "citizen": 0.07, "officer": 0.45}
PACE = {"visitor": 0.5, "citizen": 0.05, "officer": 0.2}
# Requests per step of each kind, from the tasks' weights: a visitor's lookup on the page is
# two requests (the form, then the answer), every other step one (24 requests in 22 steps); a
# citizen's application is three (the form, its submission with the files, the dossier's
# page), the list of their dossiers one (10 in 4); an officer's receipt is three (the worklist,
# the dossier, the action), a reading two, the counters' poll one (15 in 7).
REQUESTS_PER_STEP = {"visitor": 24 / 22, "citizen": 10 / 4, "officer": 15 / 7}


def plan(rate: float) -> dict[str, int]:
    """Users of each kind so that the whole site receives ``rate`` requests per second."""
    return {
        kind: max(1, round(rate * share / (PACE[kind] * REQUESTS_PER_STEP[kind])))
        for kind, share in MIX.items()
    }


def visitors_for(rate: float) -> int:
    """Anonymous visitors alone sending ``rate`` requests per second (the overload drill)."""
    return max(1, round(rate / (PACE["visitor"] * REQUESTS_PER_STEP["visitor"])))
