"""The synthetic province's dossiers: each one's whole life, as the services would have written
it, in the rows of every table it touches and in the summary counters.

Pure Python over the world of bench/world.py (no database): ``Province.day`` generates the
dossiers received on one working day — the dossier row, its route steps, its events, fee
lines, payment, apology, outbound shipment and rating — as lines of PostgreSQL's COPY text
format, and adds what each kept event counts to the counter tables (``DossierDailyStat``,
``StepDailyStat``, ``SatisfactionDailyStat``) exactly as the services bump them.

A dossier's life is planned whole — receipt, payment at the counter or online, the
specialist's and (for inter-agency procedures) the partner agency's hand-overs, the leader's
approval or refusal, an apology when late, the return in person or by post, a rating — then
cut at the load's moment (today's midnight): what happens later is not written, so the
recent dossiers are open at the step they have reached, with their status, current step and
counters as the services would leave them. Due moments are the real calendar's (bench/
worktime.py); each step is judged against its own due moment as the control sheet judges it.

The province: procedures are used by popularity (a Zipf law over the catalogue, the commune
civil-status procedures first among equals), communes by population, a seasonal year (Tết
in January–February, the year-end peak), Mondays busier than Fridays, online submission
growing over the years for the procedures that offer it, and each unit with its own share of
late dossiers (3–10 % overall) and of satisfied applicants.
"""

from __future__ import annotations

import json
import random
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate

from worktime import WorkTime, timeliness

# cchc.dossiers.models.COUNTERS, in order (tests/bench checks that they still are).
COUNTERS = (
    "received",
    "refused",
    "intake_supplements",
    "processing_supplements",
    "finished_early",
    "finished_on_time",
    "finished_late",
    "rejected",
    "returned",
    "returned_electronic",  # 0: no synthetic applicant has a portal account to receive one
    "withdrawn",
    "stopped",
    "apologies",
    "apologies_timely",
    "third_visits",
    "fee_bearing",
    "paid",
    "paid_online",
)
C = {name: i for i, name in enumerate(COUNTERS)}
FINISHED = (C["finished_early"], C["finished_on_time"], C["finished_late"])
STEP_COUNTERS = ("steps_early", "steps_on_time", "steps_late")
OFFICER_STEP_COUNTERS = (*STEP_COUNTERS, "over_budget_seconds")
RATING_COUNTERS = ("very_satisfied", "satisfied", "not_satisfied")
TIMELINESS = ("early", "on_time", "late")
CHANNELS = ("in_person", "online", "postal")
ROLE_LABEL = {
    "counter_officer": "Bộ phận Một cửa",
    "specialist": "Chuyên viên xử lý",
    "leader": "Lãnh đạo",
}

TABLES: dict[str, tuple[str, ...]] = {
    "dossiers_dossier": (
        "id",
        "public_id",
        "code",
        "applicant_kind",
        "applicant_name",
        "applicant_id_number",
        "applicant_phone",
        "applicant_email",
        "applicant_address",
        "channel",
        "return_method",
        "delivery_address",
        "status",
        "submitted_at",
        "received_at",
        "legal_due_at",
        "due_at",
        "calendar_version",
        "clock_paused_at",
        "paused_seconds",
        "outcome",
        "timeliness",
        "result_number",
        "result_signer",
        "result_file",
        "finished_at",
        "returned_at",
        "visit_count",
        "intake_supplement_count",
        "processing_supplement_count",
        "apology_count",
        "event_count",
        "backdated",
        "closing_reason",
        "created_at",
        "updated_at",
        "applicant_user_id",
        "procedure_id",
        "procedure_version_id",
        "received_by_id",
        "receiving_agency_id",
        "resolving_agency_id",
        "current_step_id",
    ),
    "dossiers_dossierstep": (
        "id",
        "dossier_id",
        "order",
        "name",
        "agency_id",
        "role",
        "budget_seconds",
        "holder_id",
        "state",
        "started_at",
        "due_at",
        "finished_at",
        "finished_by_id",
        "paused_seconds",
    ),
    "dossiers_dossierevent": (
        "id",
        "dossier_id",
        "seq",
        "action",
        "actor_id",
        "actor_name",
        "agency_id",
        "from_status",
        "to_status",
        "from_step_id",
        "to_step_id",
        "from_holder",
        "to_holder",
        "at",
        "note",
        "step_budget_seconds",
        "step_used_seconds",
        "data",
    ),
    "dossiers_feeline": ("id", "dossier_id", "name", "amount_vnd", "is_financial_obligation"),
    "dossiers_payment": (
        "id",
        "public_id",
        "dossier_id",
        "method",
        "amount_vnd",
        "state",
        "provider",
        "provider_ref",
        "created_at",
        "paid_at",
        "receipt_number",
        "recorded_by_id",
        "callback_count",
        "expires_at",
        "failed_reason",
        "last_callback_at",
        "needs_review",
        "raw_last_callback",
        "review_note",
        "review_closed_at",
        "review_resolution",
    ),
    "dossiers_apology": (
        "id",
        "dossier_id",
        "reason",
        "old_due_at",
        "new_due_at",
        "issued_at",
        "issued_by_id",
        "agency_id",
        "timely",
    ),
    "dossiers_shipment": (
        "id",
        "dossier_id",
        "direction",
        "carrier",
        "tracking_number",
        "address",
        "handed_over_at",
        "delivered_at",
        "recorded_by_id",
    ),
    "satisfaction_rating": (
        "id",
        "dossier_id",
        "resolving_agency_id",
        "receiving_agency_id",
        "overall",
        "comment",
        "rater_user_id",
        "via",
        "rated_at",
    ),
}
# The counter tables: key columns, counter columns (the day is the key's day index until
# ``Province.counter_lines`` writes it).
COUNTER_TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "dossiers_dossierdailystat": (
        (
            "resolving_agency_id",
            "receiving_agency_id",
            "procedure_id",
            "day",
            "channel",
            "online_mode",
        ),
        COUNTERS,
    ),
    "dossiers_stepdailystat": (("agency_id", "procedure_id", "day"), STEP_COUNTERS),
    "dossiers_officerstepdailystat": (("officer_id", "agency_id", "day"), OFFICER_STEP_COUNTERS),
    "satisfaction_satisfactiondailystat": (
        ("resolving_agency_id", "receiving_agency_id", "day"),
        RATING_COUNTERS,
    ),
}
SEQUENCE_TABLE = ("dossiers_dossiersequence", ("agency_id", "day", "last"))
# Ids of what hangs on a dossier, derived from its id: no sequence round trip, no collision
# between the parallel streams (the sequences are set past them after the load).
STEP_IDS = 8  # step id = dossier id × 8 + order
EVENT_IDS = 16  # event id = dossier id × 16 + seq
FEE_IDS = 8

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi")
SURNAMES += ("Đỗ", "Hồ", "Ngô", "Dương", "Lý")
MIDDLE = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Hoài", "Bảo")
GIVEN = ("An", "Bình", "Châu", "Dũng", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khánh", "Lan")
GIVEN += ("Linh", "Long", "Mai", "Nam", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn")
STREETS = ("Lê Lợi", "Trần Phú", "Hùng Vương", "Nguyễn Huệ", "Quang Trung", "Hai Bà Trưng")
WARDS = ("Tân An", "Bình Sơn", "Phú Hòa", "An Nhơn", "Hòa Bình", "Thành Công")
COMPANIES = ("Công ty TNHH Vận tải", "Công ty CP Xây dựng", "Hợp tác xã Dịch vụ")
PREFIXES = ("03", "05", "07", "08", "09")
# Seasons of a Vietnamese year: Tết (late January–February) empties the counters, the
# months before it and the year's end fill them.
MONTH_WEIGHT = (1.25, 0.70, 1.10, 1.00, 1.00, 1.05, 0.95, 0.95, 1.00, 1.05, 1.10, 1.20)
WEEKDAY_WEIGHT = (1.15, 1.05, 1.0, 1.0, 0.90, 0.6, 0.6)  # make-up Saturdays are quieter
APOLOGY_REASON = "Hồ sơ cần xác minh thêm tại thực địa, chưa giải quyết kịp thời hạn"
WITHDRAW_REASON = "Người nộp đề nghị rút hồ sơ"
REJECT_REASON = "Hồ sơ không đủ điều kiện theo quy định"
NONE = "\\N"


def _pick(values: tuple, random_: object) -> object:
    return values[int(random_() * len(values))]


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def _uuid(rnd: random.Random) -> str:
    h = f"{rnd.getrandbits(128) & ~(0xF << 76) & ~(0x3 << 62) | (4 << 76) | (2 << 62):032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@dataclass
class Out:
    """What a run of ``Province.day`` produced: COPY lines per table, counters per key."""

    rows: dict[str, list[str]] = field(default_factory=lambda: {t: [] for t in TABLES})
    # (resolving, receiving, procedure, day index, channel) → 17 counters
    dossier_counts: dict[tuple, list[int]] = field(default_factory=dict)
    # (agency, procedure, day index) → early, on time, late
    step_counts: dict[tuple, list[int]] = field(default_factory=dict)
    # (officer, agency, day index) → early, on time, late, working seconds over budget
    officer_counts: dict[tuple, list[int]] = field(default_factory=dict)
    # (resolving, receiving, day index) → very satisfied, satisfied, not satisfied
    rating_counts: dict[tuple, list[int]] = field(default_factory=dict)
    sequences: list[tuple[int, int, int]] = field(default_factory=list)  # agency, day, last

    def clear_rows(self) -> None:
        for lines in self.rows.values():
            lines.clear()
        self.sequences.clear()

    def clear_counts(self) -> None:
        self.dossier_counts.clear()
        self.step_counts.clear()
        self.officer_counts.clear()
        self.rating_counts.clear()

    def row_count(self) -> int:
        return sum(len(lines) for lines in self.rows.values())


@dataclass(frozen=True)
class DayPlan:
    index: int  # working-day index in the WorkTime
    count: int
    first_id: int


def plan(wt: WorkTime, first: date, last: date, wanted: int, first_id: int) -> list[DayPlan]:
    """Spread ``wanted`` dossiers over the working days ``first``–``last`` by season and
    weekday, with a 10 % yearly growth; ids in order of the days."""
    days = [(i, d) for i, d in enumerate(wt.days) if first <= d <= last]
    if not days:
        raise ValueError("no working day in the load's range")
    weights = [
        MONTH_WEIGHT[d.month - 1] * WEEKDAY_WEIGHT[d.weekday()] * 1.1 ** ((d - first).days / 365)
        for _, d in days
    ]
    total = sum(weights)
    plans, next_id, placed = [], first_id, 0
    running = 0.0
    for (index, _), weight in zip(days, weights, strict=True):
        running += weight
        count = round(wanted * running / total) - placed
        plans.append(DayPlan(index, count, next_id))
        next_id += count
        placed += count
    return plans


class Province:
    """Generates the dossiers of one working day at a time (see the module docstring)."""

    def __init__(
        self, world: dict, wt: WorkTime, *, cutoff: int, seed: int, first_day: int = 0
    ) -> None:
        self.wt = wt
        self.cutoff = cutoff  # wt of the load's moment: nothing at or after it is written
        self.first_day = first_day  # the day index where online growth starts
        self.rnd = random.Random(seed)
        self.calendar_version = str(world["calendar_version"])
        rnd = random.Random(f"{seed}-world")  # the same province in every stream
        self.agencies = {a["id"]: a for a in world["agencies"]}
        self.names = {a["id"]: _esc(a["name"]) for a in world["agencies"]}
        self.codes = {a["id"]: a["code"] for a in world["agencies"]}
        self.officer = {
            (a["id"], role): (
                str(a["officers"][role]),
                _esc(a["officers"][f"{role}_name"]),
            )
            for a in world["agencies"]
            for role in ROLE_LABEL
        }
        # Each unit's habits: its share of late dossiers and of early ones, and how its
        # applicants rate it.
        self.late_rate = {pk: rnd.uniform(0.015, 0.11) for pk in self.agencies}
        self.early_share = {pk: rnd.uniform(0.35, 0.75) for pk in self.agencies}
        self.unhappy = {pk: rnd.uniform(0.02, 0.12) for pk in self.agencies}
        communes = sorted(pk for pk, a in self.agencies.items() if a["level"] == "commune")
        population = {pk: rnd.lognormvariate(0, 0.6) for pk in communes}
        procedures = list(world["procedures"])
        rnd.shuffle(procedures)
        # Popularity: Zipf over the shuffled catalogue; commune procedures (civil status,
        # certification) count triple, being asked for in every commune.
        weights = [
            (3.0 if p["commune"] else 1.0) / (rank + 1) ** 1.2 for rank, p in enumerate(procedures)
        ]
        self.procedure_cum = list(accumulate(weights))
        self.mode_of = {p["id"]: p["online_mode"] for p in procedures}
        self.procedures = []
        for p in procedures:
            receiving = p["receiving"]
            cum = list(accumulate(population.get(pk, 1.0) for pk in receiving))
            mode = p["online_mode"]
            cutoff_clock = None
            if p["cutoff"]:
                hours, minutes = p["cutoff"].split(":")
                cutoff_clock = int(hours) * 3600 + int(minutes) * 60
            self.procedures.append(
                (
                    p["id"],
                    str(p["id"]),
                    str(p["version_id"]),
                    mode,
                    p["seconds"],
                    cutoff_clock,
                    [(_esc(name), amount) for name, amount in p["fees"]],
                    sum(amount for _, amount in p["fees"]),
                    [
                        (order, _esc(name), role, agency, budget)
                        for order, name, role, agency, budget in p["steps"]
                    ],
                    receiving,
                    cum,
                    p["resolving"],
                )
            )

    # --- one day --------------------------------------------------------------------------

    def day(self, day: DayPlan, out: Out) -> None:
        """Generate the ``day.count`` dossiers received on working day ``day.index``."""
        rnd = self.rnd
        wt = self.wt
        d0 = day.index * wt.day_seconds
        random_ = rnd.random
        picks = []
        for _ in range(day.count):
            p = self.procedures[bisect(self.procedure_cum, random_() * self.procedure_cum[-1])]
            receiving = p[9][bisect(p[10], random_() * p[10][-1])] if len(p[9]) > 1 else p[9][0]
            # Received in office hours, a little before the closing at the latest.
            picks.append((d0 + int(rnd.random() * (wt.day_seconds - 300)), p, receiving))
        picks.sort(key=lambda pick: pick[0])
        numbers: dict[int, int] = {}
        yymmdd = wt.days[day.index].strftime("%y%m%d")
        for offset, (received, p, receiving) in enumerate(picks):
            seq = numbers[receiving] = numbers.get(receiving, 0) + 1
            code = f"{self.codes[receiving]}-{yymmdd}-{seq:04d}"
            self._dossier(day.first_id + offset, code, received, p, receiving, out)
        iso_day = wt.iso_days[day.index]
        out.sequences.extend((agency, iso_day, last) for agency, last in numbers.items())

    def _dossier(
        self, pk: int, code: str, received: int, p: tuple, receiving: int, out: Out
    ) -> None:
        rnd = self.rnd
        wt = self.wt
        random_ = rnd.random

        def randrange(a: int, b: int | None = None) -> int:
            return int(random_() * a) if b is None else a + int(random_() * (b - a))

        day_text, clock_text, day_iso, clock_iso = (
            wt.day_text,
            wt.clock_text,
            wt.day_iso,
            wt.clock_iso,
        )

        def key_text(key: tuple[int, int]) -> str:
            return day_text[key[0]] + clock_text[key[1]]

        def key_iso(key: tuple[int, int]) -> str:
            return day_iso[key[0]] + clock_iso[key[1]]

        (pid, pid_s, version_s, mode, seconds, cutoff, fees, fee_total, steps, _, _, res) = p
        resolving = res or receiving
        # --- the plan of its life, in working time ---
        growth = min(1.0, 0.6 + 0.4 * (received // wt.day_seconds - self.first_day) / 800)
        r = random_()
        if mode == "full":
            channel = "online" if r < 0.68 * growth else ("postal" if r > 0.95 else "in_person")
        elif mode == "partial":
            channel = "online" if r < 0.40 * growth else ("postal" if r > 0.95 else "in_person")
        else:
            channel = "postal" if r > 0.94 else "in_person"
        start = wt.effective_start(received, cutoff)
        due = start + seconds  # the legal due moment (wt, read as a due moment)
        due_key = wt.due_key(due) if seconds else wt.start_key(start)
        r = random_()
        withdrawn = r > 0.985
        work_floor = received + max(min(seconds // 10, 14400), 600)
        early_until = due_key[0] * wt.day_seconds  # the due date's opening
        if r < self.late_rate[resolving]:
            finish = due + 1 + int(rnd.expovariate(1 / (1.5 * wt.day_seconds)))
        elif early_until - 60 > work_floor and random_() < self.early_share[resolving]:
            finish = randrange(work_floor, early_until - 60)
        else:
            low = max(work_floor, early_until)
            # A procedure too short for the work's floor finishes late.
            finish = randrange(low, due) if low < due else due + 1 + randrange(3600)
        finish_result = timeliness(wt.start_key(finish), due_key)
        late = finish_result == 2 and not withdrawn
        rejected = random_() < 0.03
        route = steps
        n_steps = len(route)
        # The processing steps follow the counter's intake (route[1:last]); the counter returns
        # the result (route[last], when the route has a return step).
        last = n_steps - 1 if route[-1][2] == "counter_officer" else n_steps
        # Hand-overs of the processing steps: the last one (the leader's) at the finish.
        hand = []
        moment = received
        for n in range(1, last - 1):
            moment += int((finish - moment) * rnd.uniform(0.5, 0.85) / (last - n))
            hand.append(max(moment, received + 60))
        hand.append(finish)
        withdraw_at = randrange(len(hand)) if withdrawn else -1
        apology = None
        if late:
            # Nothing but an apology may follow an overdue moment (lifecycle: the guard).
            if random_() < 0.7:  # before the due moment: a timely apology
                apology = max(received + 60, due - randrange(60, 14400))
            else:  # after it, before anything else happens
                apology = due + 1 + randrange(max(min(finish - due - 1, 3600), 1))
                hand = [h if h <= due or h > apology else apology + 1 for h in hand]
        returned = finish + 60 + int(rnd.expovariate(1 / (0.8 * wt.day_seconds)))
        paid_at = received + randrange(60, 1200) if fee_total else None
        if paid_at is not None and paid_at >= hand[0]:
            paid_at = received + (hand[0] - received) // 2
        rated = returned + randrange(600, 3 * wt.day_seconds) if random_() < 0.22 else None
        submitted = None
        if channel != "in_person":
            submitted = max(received - randrange(300, wt.day_seconds), 0)
        # --- the events it would have, in order ---
        counter = self.officer[(receiving, "counter_officer")]
        rows = out.rows
        cutoff_wt = self.cutoff
        step_rows = []
        step_ids = [pk * STEP_IDS + s[0] for s in route]
        step_agency = [s[3] or receiving for s in route]
        step_actor = [self.officer[(step_agency[i], route[i][2])] for i in range(n_steps)]
        events: list[tuple] = []  # (wt, action, from step, to step, data, counters, actor)
        if submitted is not None:
            events.append((submitted, "submit", None, None, "{}", (), None))
        # receipt: the intake step opens and closes at once; the first processing step opens
        intake_due = wt.due_key(received + route[0][4])
        receive_data = (
            f'{{"due_at": "{key_iso(due_key)}", "calendar_version": {self.calendar_version}, '
            f'"step_due_at": "{key_iso(intake_due)}"'
            + (', "visit": 1}' if channel == "in_person" else "}")
        )
        bumps = [(C["received"], 1)]
        if fee_total:
            bumps.append((C["fee_bearing"], 1))
        events.append((received, "receive", 0, 1, receive_data, bumps, counter))
        method = ""
        if paid_at is not None:
            if channel == "online":
                method = "online" if random_() < 0.75 else "bank_transfer"
            else:
                method = "bank_transfer" if channel == "postal" or random_() < 0.15 else "cash"
            pay_data = f'{{"amount_vnd": {fee_total}, "method": "{method}", "settled": true}}'
            pay_bumps = [(C["paid"], 1)]
            if method == "online":
                pay_bumps.append((C["paid_online"], 1))
            events.append((paid_at, "pay", None, None, pay_data, pay_bumps, counter))
        for j, at in enumerate(hand):
            i = j + 1  # the route's index of the step handed over
            if j == withdraw_at:
                events.append((at, "withdraw", i, None, None, [(C["withdrawn"], 1)], None))
                finish = at
                break
            if i < last - 1:
                events.append((at, "forward", i, i + 1, None, (), None))
                continue
            outcome_data = f'"timeliness": "{TIMELINESS[finish_result]}"'
            if not rejected:
                outcome_data = f'"result_number": "{pk}/KQ", ' + outcome_data
            bumps = [(FINISHED[finish_result], 1)]
            if rejected:
                bumps.append((C["rejected"], 1))
            action = "reject" if rejected else "approve"
            nxt = i + 1 if i + 1 < n_steps else None
            events.append((at, action, i, nxt, outcome_data, bumps, None))
            if nxt is not None:
                events.append(
                    (returned, "return_result", nxt, None, None, [(C["returned"], 1)], None)
                )
        if apology is not None:
            events.append((apology, "apologize", None, None, None, None, None))
        if rated is not None and not withdrawn:
            events.append((rated, "rate", None, None, None, None, None))
        events.sort(key=lambda e: e[0])
        # --- what was written by the load's moment ---
        status = "received"
        current = None  # index in route of the active step
        steps_state = ["pending"] * n_steps
        started = [None] * n_steps  # keys
        started_wt = [0] * n_steps
        step_due = [None] * n_steps
        finished_at = [None] * n_steps
        event_lines = rows["dossiers_dossierevent"]
        dossier_counts = out.dossier_counts
        step_counts = out.step_counts
        officer_counts = out.officer_counts
        held_by: list[tuple | None] = [None] * n_steps
        names = self.names
        seq = 0
        last_at = received
        due_at_key = due_key
        apology_count = 0
        visit = 0
        outcome = tl = result_number = result_signer = closing_reason = ""
        finished = returned_key = None
        payment_line = apology_line = shipment_line = rating_line = None
        receiving_s = str(receiving)
        for at, action, from_i, to_i, data, bumps, actor in events:
            if at >= cutoff_wt:
                break
            key = wt.start_key(at)
            from_status = status
            from_step = to_step = budget = used = NONE
            from_holder = to_holder = ""
            agency = NONE
            if action == "rate":
                if status not in ("result_ready", "returned"):
                    continue
                level = 2 if random_() < self.unhappy[resolving] else (0 if random_() < 0.6 else 1)
                rating_line = (
                    f"{pk}\t{pk}\t{resolving}\t{receiving}\t{RATING_COUNTERS[level]}\t\t"
                    f"{NONE}\ttoken\t{key_text(key)}"
                )
                rk = (resolving, receiving, key[0])
                counts = out.rating_counts.get(rk)
                if counts is None:
                    counts = out.rating_counts[rk] = [0, 0, 0]
                counts[level] += 1
                continue
            seq += 1
            last_at = at
            if action == "submit":
                from_status, status = "draft", "submitted"
            elif action == "receive":
                from_status = "submitted" if submitted is not None else ""
                started[0] = finished_at[0] = key
                step_due[0] = intake_due
                steps_state[0] = "done"
                status = "received"
                visit += channel == "in_person"
                from_step, budget, used = str(step_ids[0]), str(route[0][4]), "0"
                from_holder = f"{names[receiving]} — {counter[1]}"
                agency = receiving_s
            elif action == "pay":
                online = method == "online"
                payment_line = "\t".join(
                    (
                        str(pk),
                        _uuid(rnd),
                        str(pk),
                        method,
                        str(fee_total),
                        "paid",
                        "vnpay" if online else "",
                        f"B{pk}" if online else "",
                        key_text(key),
                        key_text(key),
                        "" if online else f"BL-{pk}",
                        NONE if online else counter[0],
                        "1" if online else "0",
                        NONE,
                        "",
                        key_text(key) if online else NONE,
                        "f",
                        "{}",
                        "",
                        NONE,
                        "",
                    )
                )
                if online:
                    actor = None  # the applicant, through the payment gateway
                else:
                    agency = receiving_s
            elif action == "apologize":
                holder = current if current is not None else 0
                old = due_at_key
                new_due = wt.due_key(max(finish, due) + randrange(3600, wt.day_seconds))
                timely = key <= due_key
                data = (
                    f'{{"old_due_at": "{key_iso(old)}", "new_due_at": "{key_iso(new_due)}", '
                    f'"timely": {"true" if timely else "false"}}}'
                )
                bumps = [(C["apologies"], 1)]
                if timely:
                    bumps.append((C["apologies_timely"], 1))
                from_step = to_step = str(step_ids[holder])
                label = f"{names[step_agency[holder]]} — {ROLE_LABEL[route[holder][2]]}"
                from_holder = to_holder = label
                agency = str(step_agency[holder])
                actor = self.officer[(step_agency[holder], "leader")]
                apology_line = (
                    f"{pk}\t{pk}\t{APOLOGY_REASON}\t{key_text(old)}\t{key_text(new_due)}\t"
                    f"{key_text(key)}\t{actor[0]}\t{agency}\t{'t' if timely else 'f'}"
                )
                due_at_key = new_due
                apology_count += 1
            else:  # a hand-over: forward, approve, reject, withdraw, return_result
                i = from_i
                if action in ("withdraw", "return_result"):
                    actor = counter
                    agency = receiving_s
                else:
                    actor = step_actor[i]
                    agency = str(step_agency[i])
                # Taken from the role queue: whoever hands it on held it (Mẫu 05's person).
                held_by[i] = actor
                used_s = at - started_wt[i]
                budget = str(route[i][4])
                used = str(used_s)
                from_step = str(step_ids[i])
                from_holder = f"{names[step_agency[i]]} — {actor[1]}"
                sd = step_due[i]
                result = timeliness(key, sd)
                sc_key = (step_agency[i], pid, key[0])
                counts = step_counts.get(sc_key)
                if counts is None:
                    counts = step_counts[sc_key] = [0, 0, 0]
                counts[result] += 1
                oc_key = (actor[0], step_agency[i], key[0])
                counts = officer_counts.get(oc_key)
                if counts is None:
                    counts = officer_counts[oc_key] = [0, 0, 0, 0]
                counts[result] += 1
                if used_s > route[i][4]:
                    counts[3] += used_s - route[i][4]
                steps_state[i] = "done"
                finished_at[i] = key
                current = None
                step_data = f'"step_due_at": "{key_iso(sd)}", "step_holder_id": {actor[0]}'
                if action == "return_result":
                    by_post = channel == "postal"
                    returned_key = key
                    status = "returned"
                    if by_post:
                        data = (
                            f'{{"method": "postal", "carrier": "VNPost", '
                            f'"tracking_number": "EB{pk}VN", {step_data}}}'
                        )
                        shipment_line = (
                            f"{pk}\t{pk}\toutbound\tVNPost\tEB{pk}VN\t\t{key_text(key)}\t"
                            f"{NONE}\t{counter[0]}"
                        )
                    else:
                        visit += 1
                        data = f'{{"method": "in_person", "visit": {visit}, {step_data}}}'
                elif action == "withdraw":
                    status = "withdrawn"
                    closing_reason = WITHDRAW_REASON
                    finished = key
                    data = f"{{{step_data}}}"
                elif action == "forward":
                    status = "processing"
                    data = f"{{{step_data}}}"
                else:  # approve, reject
                    status = "result_ready"
                    finished = key
                    tl = TIMELINESS[finish_result]
                    if action == "approve":
                        outcome = "approved"
                        result_number = f"{pk}/KQ"
                    else:
                        outcome = "rejected"
                        closing_reason = REJECT_REASON
                    result_signer = step_actor[i][1]
                    data = f"{{{data}, {step_data}}}"
            if to_i is not None:  # a step opens: the route's next one
                started[to_i] = key
                started_wt[to_i] = at
                step_due[to_i] = wt.due_key(at + route[to_i][4])
                steps_state[to_i] = "active"
                current = to_i
                to_step = str(step_ids[to_i])
                to_holder = f"{names[step_agency[to_i]]} — {ROLE_LABEL[route[to_i][2]]}"
            actor_id, actor_name = actor if actor is not None else (NONE, "")
            if bumps:
                dk = (resolving, receiving, pid, key[0], channel)
                counts = dossier_counts.get(dk)
                if counts is None:
                    counts = dossier_counts[dk] = [0] * len(COUNTERS)
                for index, amount in bumps:
                    counts[index] += amount
            event_lines.append(
                f"{pk * EVENT_IDS + seq}\t{pk}\t{seq}\t{action}\t{actor_id}\t{actor_name}\t"
                f"{agency}\t{from_status}\t{status}\t{from_step}\t{to_step}\t{from_holder}\t"
                f"{to_holder}\t{key_text(key)}\t\t{budget}\t{used}\t{data}"
            )
        # --- the rows ---
        for i, s in enumerate(route):
            state = steps_state[i]
            done = state == "done"
            holder = (held_by[i] or counter)[0] if done else NONE
            step_rows.append(
                "\t".join(
                    (
                        str(step_ids[i]),
                        str(pk),
                        str(s[0]),
                        s[1],
                        str(step_agency[i]),
                        s[2],
                        str(s[4]),
                        holder,
                        state,
                        key_text(started[i]) if started[i] else NONE,
                        key_text(step_due[i]) if step_due[i] else NONE,
                        key_text(finished_at[i]) if done else NONE,
                        holder,
                        "0",
                    )
                )
            )
        rows["dossiers_dossierstep"].extend(step_rows)
        if fees:
            rows["dossiers_feeline"].extend(
                f"{pk * FEE_IDS + n}\t{pk}\t{name}\t{amount}\tf"
                for n, (name, amount) in enumerate(fees)
            )
        for line, table in (
            (payment_line, "dossiers_payment"),
            (apology_line, "dossiers_apology"),
            (shipment_line, "dossiers_shipment"),
            (rating_line, "satisfaction_rating"),
        ):
            if line is not None:
                rows[table].append(line)
        received_key = wt.start_key(received)
        received_text = key_text(received_key)
        org = random_() < 0.15
        if org:
            name = f"{_pick(COMPANIES, random_)} {_pick(GIVEN, random_)} {_pick(WARDS, random_)}"
            id_number = str(randrange(10**9, 10**10))
        else:
            name = f"{_pick(SURNAMES, random_)} {_pick(MIDDLE, random_)} {_pick(GIVEN, random_)}"
            id_number = f"0{randrange(10**10, 10**11)}"
        street, ward = _pick(STREETS, random_), _pick(WARDS, random_)
        address = f"Số {randrange(1, 301)} đường {street}, phường {ward}"
        rows["dossiers_dossier"].append(
            "\t".join(
                (
                    str(pk),
                    _uuid(rnd),
                    code,
                    "organization" if org else "person",
                    name,
                    id_number,
                    f"{_pick(PREFIXES, random_)}{randrange(10**8):08d}",
                    f"kh{pk}@example.vn" if random_() < 0.4 else "",
                    address,
                    channel,
                    "postal" if channel == "postal" else "in_person",
                    address if channel == "postal" else "",
                    status,
                    key_text(wt.start_key(submitted)) if submitted is not None else received_text,
                    received_text,
                    key_text(due_key),
                    key_text(due_at_key),
                    self.calendar_version,
                    NONE,
                    "0",
                    outcome,
                    tl,
                    result_number,
                    result_signer,
                    "",
                    key_text(finished) if finished else NONE,
                    key_text(returned_key) if returned_key else NONE,
                    str(visit),
                    "0",
                    "0",
                    str(apology_count),
                    str(seq),
                    "f",
                    closing_reason,
                    received_text,
                    key_text(wt.start_key(last_at)),
                    NONE,
                    pid_s,
                    version_s,
                    counter[0],
                    str(receiving),
                    str(resolving),
                    str(step_ids[current]) if current is not None else NONE,
                )
            )
        )

    def counter_lines(self, out: Out) -> dict[str, list[str]]:
        """The counters of ``out`` as COPY lines of the three counter tables (key columns,
        then counter columns, in ``COUNTER_TABLES``' order)."""
        iso = self.wt.iso_days
        mode = self.mode_of
        return {
            "dossiers_dossierdailystat": [
                f"{res}\t{rec}\t{pid}\t{iso[k]}\t{channel}\t{mode[pid]}\t"
                + "\t".join(map(str, counts))
                for (res, rec, pid, k, channel), counts in out.dossier_counts.items()
            ],
            "dossiers_stepdailystat": [
                f"{agency}\t{pid}\t{iso[k]}\t" + "\t".join(map(str, counts))
                for (agency, pid, k), counts in out.step_counts.items()
            ],
            "dossiers_officerstepdailystat": [
                f"{officer}\t{agency}\t{iso[k]}\t" + "\t".join(map(str, counts))
                for (officer, agency, k), counts in out.officer_counts.items()
            ],
            "satisfaction_satisfactiondailystat": [
                f"{res}\t{rec}\t{iso[k]}\t" + "\t".join(map(str, counts))
                for (res, rec, k), counts in out.rating_counts.items()
            ],
        }


def days(plans: list[DayPlan], stream: int, streams: int) -> Iterator[DayPlan]:
    """The days of one of ``streams`` parallel streams (every ``streams``-th day)."""
    return iter(plans[stream::streams])


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
