"""Load N dossiers (default 1,000,000) into PostgreSQL in bulk with COPY, plus one receive
event each and the daily code sequences, then ANALYZE.

Plain psycopg, no Django: ``python bench/load.py DATABASE_URL WORLD_JSON [N]``. The rows look
like a department's last few years: codes ``<agency>-<yymmdd>-<seq>`` issued on working days,
Vietnamese names, 10-digit mobile numbers, statuses by age (old ones returned, recent ones in
hand). Foreign keys are consistent by construction, so the load runs with triggers off
(``session_replication_role = replica``) and the secondary indexes are dropped and rebuilt
around the COPY (the unique ones — code, public id — stay, so duplicates still fail).
Two processes COPY in parallel, one half of the days each.
"""

from __future__ import annotations

import json
import multiprocessing
import random
import sys
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import psycopg

DOSSIER_COLUMNS = [
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
]
EVENT_COLUMNS = [
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
]

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Hoài", "Bảo", "Gia"]
GIVEN = [
    "An",
    "Bình",
    "Châu",
    "Dũng",
    "Hà",
    "Hải",
    "Hạnh",
    "Hùng",
    "Hương",
    "Khánh",
    "Lan",
    "Linh",
    "Long",
    "Mai",
    "Nam",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trang",
    "Tuấn",
    "Vy",
    "Yến",
]
STREETS = [
    "Lê Lợi",
    "Trần Phú",
    "Hùng Vương",
    "Nguyễn Huệ",
    "Quang Trung",
    "Lý Thường Kiệt",
    "Hai Bà Trưng",
]
WARDS = ["Tân An", "Bình Sơn", "Phú Hòa", "An Nhơn", "Hòa Bình", "Thành Công"]
COMPANIES = ["Công ty TNHH Vận tải", "Công ty CP Xây dựng", "Hợp tác xã Dịch vụ"]
PREFIXES = ("03", "05", "07", "08", "09")
VN = 7  # hours ahead of UTC


def working_days(first: date, last: date) -> list[date]:
    days, day = [], first
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += timedelta(days=1)
    return days


def _ts(moment: datetime | None) -> str:
    return "\\N" if moment is None else moment.strftime("%Y-%m-%d %H:%M:%S+00")


def _status(age_days: int, rnd: random.Random) -> tuple[str, str, str]:
    """(status, outcome, timeliness) for a dossier received ``age_days`` ago."""
    r = rnd.random()
    if age_days > 40:
        if r < 0.90:
            return "returned", "approved", rnd.choice(("early", "on_time", "on_time", "late"))
        if r < 0.94:
            return "returned", "rejected", "on_time"
        if r < 0.97:
            return "withdrawn", "", ""
        return "result_ready", "approved", "on_time"
    if r < 0.25:
        return "received", "", ""
    if r < 0.70:
        return "processing", "", ""
    if r < 0.78:
        return "supplement_requested", "", ""
    if r < 0.85:
        return "awaiting_payment", "", ""
    return "result_ready", "approved", rnd.choice(("early", "on_time"))


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def load_days(url: str, world: dict, days: list[tuple[date, int, int]], seed: int) -> int:
    """COPY the dossiers and events of ``days`` ((day, first id, count) each)."""
    rnd = random.Random(seed)
    agency_code, agency_id = world["agency_code"], world["agency_id"]
    officer, officer_name = world["officer_id"], world["officer_name"]
    procedure, version = world["procedure_id"], world["procedure_version_id"]
    to_holder = _escape(f"{world['agency_name']} — Chuyên viên xử lý")
    today = date.today()
    total = 0
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        cur.execute("SET session_replication_role = replica")
        cur.execute("SET synchronous_commit = off")  # the load itself; the bench's runs are durable
        dossiers = cur.copy(f"COPY dossiers_dossier ({', '.join(DOSSIER_COLUMNS)}) FROM STDIN")
        with dossiers as copy:
            buffer: list[str] = []
            for day, first_id, count in days:
                age = (today - day).days
                yymmdd = day.strftime("%y%m%d")
                for seq in range(1, count + 1):
                    pk = first_id + seq - 1
                    minute = 60 + int(seq * 480 / (count + 1))  # 08:00–17:00 local, in order
                    received = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(
                        hours=8 - VN, minutes=minute - 60
                    )
                    due = received + timedelta(days=7 if world["processing_days"] <= 5 else 21)
                    status, outcome, timeliness = _status(age, rnd)
                    finished = returned = None
                    if outcome or status == "withdrawn":
                        finished = received + timedelta(days=rnd.randint(2, 9), hours=2)
                    if status == "returned":
                        returned = finished + timedelta(days=rnd.randint(0, 3))
                    org = rnd.random() < 0.15
                    if org:
                        name = f"{rnd.choice(COMPANIES)} {rnd.choice(GIVEN)} {rnd.choice(WARDS)}"
                        id_number = f"{rnd.randrange(10**9, 10**10)}"
                    else:
                        name = f"{rnd.choice(SURNAMES)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
                        id_number = f"0{rnd.randrange(10**10, 10**11)}"
                    phone = f"{rnd.choice(PREFIXES)}{rnd.randrange(10**8):08d}"
                    email = f"kh{pk}@example.vn" if rnd.random() < 0.4 else ""
                    street, ward = rnd.choice(STREETS), rnd.choice(WARDS)
                    address = f"Số {rnd.randint(1, 300)} đường {street}, phường {ward}"
                    channel = "online" if rnd.random() < 0.35 else "in_person"
                    last = returned or finished or received
                    buffer.append(
                        "\t".join(
                            (
                                str(pk),
                                str(uuid.UUID(int=rnd.getrandbits(128), version=4)),
                                f"{agency_code}-{yymmdd}-{seq:04d}",
                                "organization" if org else "person",
                                name,
                                id_number,
                                phone,
                                email,
                                address,
                                channel,
                                "in_person",
                                "",
                                status,
                                _ts(received),
                                _ts(received),
                                _ts(due),
                                _ts(due),
                                "1",
                                "\\N",
                                "0",
                                outcome,
                                timeliness,
                                f"{seq}/GP-SXD" if outcome == "approved" else "",
                                "",
                                "",
                                _ts(finished),
                                _ts(returned),
                                "1" if channel == "in_person" else "0",
                                "0",
                                "0",
                                "0",
                                "1",
                                "f",
                                "",
                                _ts(received),
                                _ts(last),
                                "\\N",
                                str(procedure),
                                str(version),
                                str(officer),
                                str(agency_id),
                                str(agency_id),
                                "\\N",
                            )
                        )
                    )
                    if len(buffer) >= 5000:
                        copy.write("\n".join(buffer) + "\n")
                        buffer.clear()
                total += count
            if buffer:
                copy.write("\n".join(buffer) + "\n")
        events = cur.copy(f"COPY dossiers_dossierevent ({', '.join(EVENT_COLUMNS)}) FROM STDIN")
        with events as copy:
            buffer = []
            for day, first_id, count in days:
                for seq in range(1, count + 1):
                    pk = first_id + seq - 1
                    minute = int(seq * 480 / (count + 1))
                    received = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(
                        hours=8 - VN, minutes=minute
                    )
                    due = received + timedelta(days=7)
                    data = json.dumps(
                        {"due_at": due.isoformat(), "calendar_version": 1, "visit": 1}
                    )
                    buffer.append(
                        "\t".join(
                            (
                                str(pk),
                                str(pk),
                                "1",
                                "receive",
                                str(officer),
                                _escape(officer_name),
                                str(agency_id),
                                "",
                                "received",
                                "\\N",
                                "\\N",
                                "",
                                to_holder,
                                _ts(received),
                                "",
                                "14400",
                                "0",
                                data,
                            )
                        )
                    )
                    if len(buffer) >= 5000:
                        copy.write("\n".join(buffer) + "\n")
                        buffer.clear()
            if buffer:
                copy.write("\n".join(buffer) + "\n")
        conn.commit()
    return total


def secondary_indexes(cur: psycopg.Cursor, table: str) -> list[tuple[str, str]]:
    rows = cur.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s "
        "AND indexdef NOT LIKE 'CREATE UNIQUE%%'",
        (table,),
    ).fetchall()
    return [(name, definition) for name, definition in rows]


def main() -> None:
    url, world_path = sys.argv[1], sys.argv[2]
    wanted = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    world = json.loads(Path(world_path).read_text())
    # Working days up to yesterday, enough of them for ~1,100 dossiers a day: today stays
    # empty for the intake run (its codes start at 0001).
    last = date.today() - timedelta(days=1)
    per_day = 1100
    needed = -(-wanted // per_day)
    days = working_days(last - timedelta(days=needed * 7 // 5 + 30), last)[-needed:]
    plan, next_id, left = [], 1_000_001, wanted
    for day in days:
        count = min(per_day, left)
        plan.append((day, next_id, count))
        next_id += count
        left -= count
    started = time.monotonic()
    with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cur:
        dropped = secondary_indexes(cur, "dossiers_dossier") + secondary_indexes(
            cur, "dossiers_dossierevent"
        )
        for name, _ in dropped:
            cur.execute(f'DROP INDEX "{name}"')
    halves = [plan[0::2], plan[1::2]]
    with multiprocessing.Pool(2) as pool:
        counts = pool.starmap(load_days, [(url, world, half, n) for n, half in enumerate(halves)])
    copied = time.monotonic()
    with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cur:
        cur.execute("SET maintenance_work_mem = '512MB'")
        for _, definition in dropped:
            cur.execute(definition)
        with cur.copy("COPY dossiers_dossiersequence (agency_id, day, last) FROM STDIN") as copy:
            for day, _, count in plan:
                copy.write_row((world["agency_id"], day, count))
        for table in ("dossiers_dossier", "dossiers_dossierevent"):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        cur.execute("ANALYZE")
    done = time.monotonic()
    print(
        json.dumps(
            {
                "dossiers": sum(counts),
                "events": sum(counts),
                "days": len(plan),
                "copy_seconds": round(copied - started, 1),
                "index_analyze_seconds": round(done - copied, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
