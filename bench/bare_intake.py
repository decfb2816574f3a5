"""The intake yardsticks: bare psycopg loops writing what ``POST /api/v1/dossiers`` writes.

``python bench/bare_intake.py DATABASE_URL WORLD_JSON MODE [SECONDS] [CLIENTS]``: CLIENTS
processes (default 2), each on its own connection, for SECONDS (default 15). Prints
``{"mode", "dossiers", "seconds", "dossiers_per_s", "round_trips", "statements"}``. Modes:

- ``pipelined`` — the limit of the same work: per dossier one transaction writing the same
  rows as the API's receipt (the dossier with its code and due moment, its two documents, the
  day's code sequence, the four route steps, the fee line, the receive event, the dossier's
  current step, the day's counter, the two outbox messages); the reads a running server
  caches (the token, the procedure and its current version) are not sent; the writes that
  need no id from an earlier one go together in one round trip of psycopg's pipeline mode,
  prepared: four round trips in all — the dossier; its documents, steps and fee line; the
  day's code number (its row stays locked until the commit, so it comes as late as it can);
  the event, the dossier's code and current step, the day's counter, the outbox messages and
  the commit;
- ``statements`` — for the record: the twelve statements of the API's transaction sent one
  by one (BEGIN, the version read, the dossier insert without its code, …, COMMIT: the
  shape of the receipt today, without Django);
- ``row`` — for the record, today's first yardstick: one INSERT of the dossier row per
  transaction.
"""

from __future__ import annotations

import json
import multiprocessing
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import psycopg
from province import TABLES

VN = ZoneInfo("Asia/Ho_Chi_Minh")
DOSSIER_COLUMNS = [c for c in TABLES["dossiers_dossier"] if c != "id"]
INSERT_DOSSIER = (
    f"INSERT INTO dossiers_dossier ({', '.join(DOSSIER_COLUMNS)}) "
    f"VALUES ({', '.join(['%s'] * len(DOSSIER_COLUMNS))}) RETURNING id"
)
INSERT_DOCUMENTS = (
    "INSERT INTO dossiers_dossierdocument (dossier_id, name, original, copies, file, "
    "original_name, content_type, size, sha256, supplement_id, added_at) VALUES "
    "(%s, %s, true, 1, '', '', '', 0, '', NULL, %s), (%s, %s, true, 1, '', '', '', 0, '', NULL, %s)"
)
NEXT_NUMBER = (
    "INSERT INTO dossiers_dossiersequence (agency_id, day, last) VALUES (%s, %s, 1) "
    "ON CONFLICT (agency_id, day) DO UPDATE SET last = dossiers_dossiersequence.last + 1 "
    "RETURNING last"
)
STEP_COLUMNS = (
    '"dossier_id", "order", "name", "agency_id", "role", "budget_seconds", "holder_id", '
    '"state", "started_at", "due_at", "finished_at", "finished_by_id", "paused_seconds"'
)
INSERT_FEE = (
    "INSERT INTO dossiers_feeline (dossier_id, name, amount_vnd, is_financial_obligation) "
    "VALUES (%s, %s, %s, false)"
)
INSERT_EVENT = (
    "INSERT INTO dossiers_dossierevent (dossier_id, seq, action, actor_id, actor_name, "
    "agency_id, from_status, to_status, from_step_id, to_step_id, from_holder, to_holder, at, "
    "note, step_budget_seconds, step_used_seconds, data) VALUES (%s, 1, 'receive', %s, %s, %s, "
    "'', 'received', %s, %s, %s, %s, %s, '', %s, 0, %s)"
)
UPDATE_DOSSIER = (
    "UPDATE dossiers_dossier SET code = %s, received_at = %s, received_by_id = %s, "
    "legal_due_at = %s, due_at = %s, calendar_version = %s, current_step_id = %s, "
    "visit_count = 1, event_count = 1, updated_at = %s WHERE id = %s"
)
BUMP = (
    "UPDATE dossiers_dossierdailystat SET received = received + 1, fee_bearing = fee_bearing + 1 "
    "WHERE resolving_agency_id = %s AND receiving_agency_id = %s AND procedure_id = %s "
    "AND day = %s AND channel = 'in_person' AND online_mode = %s"
)
ENSURE_COUNTER_ROW = (
    "INSERT INTO dossiers_dossierdailystat (resolving_agency_id, receiving_agency_id, "
    "procedure_id, day, channel, online_mode, received, refused, intake_supplements, "
    "processing_supplements, finished_early, finished_on_time, finished_late, rejected, "
    "returned, returned_electronic, withdrawn, stopped, apologies, apologies_timely, "
    "third_visits, fee_bearing, paid, paid_online) VALUES (%s, %s, %s, %s, 'in_person', %s, "
    "0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) ON CONFLICT DO NOTHING"
)
INSERT_OUTBOX = (
    "INSERT INTO core_outboxmessage (channel, recipient, subject, body, template, dedupe_key, "
    "dossier_code, user_id, status, attempts, next_attempt_at, claimed_until, sent_at, read_at, "
    "last_error, created_at, secret) VALUES "
    "('email', %s, %s, %s, 'received', %s, %s, NULL, 'pending', 0, %s, NULL, NULL, NULL, '', "
    "%s, false), "
    "('sms', %s, %s, %s, 'received', %s, %s, NULL, 'pending', 0, %s, NULL, NULL, NULL, '', "
    "%s, false) ON CONFLICT DO NOTHING"
)
SELECT_VERSION = (
    "SELECT id, procedure_id, number, status, decision_number, decision_date, published_at, "
    "published_by_id, snapshot FROM catalog_procedureversion WHERE procedure_id = %s "
    "ORDER BY number DESC LIMIT 1"
)
DOCUMENTS = ("Giấy đề nghị cấp giấy phép theo mẫu", "Phương án kinh doanh")
BODY = (
    "Kính gửi {name},\n\nHồ sơ của Ông/Bà đã được tiếp nhận.\nMã hồ sơ: {code}\n"
    "Hẹn trả kết quả: {due}.\n\nĐây là thư gửi tự động, xin Ông/Bà không trả lời thư này."
)


class Intake:
    """What one client writes, with the world's procedure, route and fees cached."""

    def __init__(self, world: dict, number: int) -> None:
        self.world = world
        self.number = number
        procedure = next(p for p in world["procedures"] if p["id"] == world["procedure_id"])
        self.procedure = procedure
        self.agency = world["agency_id"]
        self.officer = world["officer_id"]
        self.officer_name = world["officer_name"]
        self.agency_name = world["agency_name"]
        self.code_prefix = world["agency_code"]
        self.day = datetime.now(VN).date()
        self.n = 0

    def dossier_values(self, now: datetime, due: datetime, code: str | None) -> tuple:
        self.n += 1
        n = self.n
        return (
            uuid.uuid4(),
            code,
            "person",
            "Nguyễn Văn An",
            f"0010900{n % 100000:05d}",
            f"09{12345600 + n % 1000:08d}",
            f"kh{n}@example.vn",
            "Số 5 đường Lê Lợi, phường Tân An",
            "in_person",
            "in_person",
            "",
            "received",
            now,
            now if code else None,
            due if code else None,
            due if code else None,
            self.world["calendar_version"] if code else None,
            None,
            0,
            "",
            "",
            "",
            "",
            "",
            None,
            None,
            1 if code else 0,
            0,
            0,
            0,
            1 if code else 0,
            False,
            "",
            now,
            now,
            None,
            self.procedure["id"],
            self.procedure["version_id"],
            self.officer if code else None,
            self.agency,
            self.agency,
            None,
        )

    def steps_sql(self, dossier_id: int, now: datetime) -> tuple[str, list]:
        rows, params = [], []
        for i, (order, name, role, agency, budget) in enumerate(self.procedure["steps"]):
            state = "done" if i == 0 else ("active" if i == 1 else "pending")
            started = now if i < 2 else None
            rows.append("(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, 0)")
            params += [
                dossier_id,
                order,
                name,
                agency or self.agency,
                role,
                budget,
                self.officer if i == 0 else None,
                state,
                started,
                now + timedelta(seconds=budget) if started else None,
                now if i == 0 else None,
                self.officer if i == 0 else None,
            ]
        values = ", ".join(rows)
        return (
            f"INSERT INTO dossiers_dossierstep ({STEP_COLUMNS}) VALUES {values} RETURNING id",
            params,
        )

    def code(self, seq: int) -> str:
        return f"{self.code_prefix}-{self.day:%y%m%d}-{seq:04d}"

    def outbox(self, code: str, public_id: uuid.UUID, due: datetime, now: datetime) -> list:
        subject = f"Hồ sơ {code} đã được tiếp nhận"
        body = BODY.format(
            name="Nguyễn Văn An", code=code, due=f"{due.astimezone(VN):%H:%M %d/%m/%Y}"
        )
        return [
            f"kh{self.n}@example.vn",
            subject,
            body,
            f"{public_id}:received:1:email",
            code,
            now,
            now,
            f"09{12345600 + self.n % 1000:08d}",
            subject,
            f"{subject}. Tra cứu: http://127.0.0.1:8000/tra-cuu/?ma={code}",
            f"{public_id}:received:1:sms",
            code,
            now,
            now,
        ]

    def event_params(self, dossier_id: int, steps: list[int], now: datetime, due: datetime) -> list:
        data = json.dumps(
            {
                "due_at": due.isoformat(),
                "calendar_version": 1,
                "visit": 1,
                "step_due_at": due.isoformat(),
            }
        )
        return [
            dossier_id,
            self.officer,
            self.officer_name,
            self.agency,
            steps[0],
            steps[1],
            f"{self.agency_name} — {self.officer_name}",
            f"{self.agency_name} — Chuyên viên xử lý",
            now,
            self.procedure["steps"][0][4],
            data,
        ]

    def bump_params(self) -> list:
        p = self.procedure
        return [self.agency, self.agency, p["id"], self.day, p["online_mode"]]


def pipelined(conn: psycopg.Connection, intake: Intake) -> None:
    now = datetime.now(UTC)
    due = now + timedelta(days=7)
    with conn.pipeline() as pipeline, conn.transaction():
        # 1: the dossier (its code comes last: the day's number is locked until commit)
        values = intake.dossier_values(now, due, None)
        dossier = conn.execute(INSERT_DOSSIER, values)
        pipeline.sync()
        dossier_id = dossier.fetchone()[0]
        # 2: what hangs on the dossier's id
        conn.execute(
            INSERT_DOCUMENTS,
            (dossier_id, DOCUMENTS[0], now, dossier_id, DOCUMENTS[1], now),
        )
        sql, params = intake.steps_sql(dossier_id, now)
        steps = conn.execute(sql, params)
        for name, amount in intake.procedure["fees"]:
            conn.execute(INSERT_FEE, (dossier_id, name, amount))
        pipeline.sync()
        step_ids = [row[0] for row in steps.fetchall()]
        # 3: the day's number, row-locked until the commit
        number = conn.execute(NEXT_NUMBER, (intake.agency, intake.day))
        pipeline.sync()
        code = intake.code(number.fetchone()[0])
        # 4: everything else, and the commit (sent when the block ends)
        conn.execute(INSERT_EVENT, intake.event_params(dossier_id, step_ids, now, due))
        conn.execute(
            UPDATE_DOSSIER,
            (code, now, intake.officer, due, due, 1, step_ids[1], now, dossier_id),
        )
        conn.execute(BUMP, intake.bump_params())
        conn.execute(INSERT_OUTBOX, intake.outbox(code, values[0], due, now))


def statements(conn: psycopg.Connection, intake: Intake) -> None:
    now = datetime.now(UTC)
    due = now + timedelta(days=7)
    with conn.transaction():
        conn.execute(SELECT_VERSION, (intake.procedure["id"],)).fetchone()
        values = intake.dossier_values(now, due, None)
        dossier_id = conn.execute(INSERT_DOSSIER, values).fetchone()[0]
        conn.execute(
            INSERT_DOCUMENTS,
            (
                dossier_id,
                "Giấy đề nghị cấp giấy phép theo mẫu",
                now,
                dossier_id,
                "Phương án kinh doanh",
                now,
            ),
        )
        code = intake.code(conn.execute(NEXT_NUMBER, (intake.agency, intake.day)).fetchone()[0])
        sql, params = intake.steps_sql(dossier_id, now)
        step_ids = [row[0] for row in conn.execute(sql, params).fetchall()]
        for name, amount in intake.procedure["fees"]:
            conn.execute(INSERT_FEE, (dossier_id, name, amount))
        conn.execute(INSERT_EVENT, intake.event_params(dossier_id, step_ids, now, due))
        conn.execute(
            UPDATE_DOSSIER,
            (code, now, intake.officer, due, due, 1, step_ids[1], now, dossier_id),
        )
        conn.execute(BUMP, intake.bump_params())
        conn.execute(INSERT_OUTBOX, intake.outbox(code, values[0], due, now))


def row(conn: psycopg.Connection, intake: Intake) -> None:
    now = datetime.now(UTC)
    due = now + timedelta(days=7)
    # Codes of their own, apart from the API's daily sequence; autocommit: one round trip.
    code = f"{intake.code_prefix}-{intake.day:%y%m%d}-B{intake.number}{intake.n:09d}"
    conn.execute(INSERT_DOSSIER, intake.dossier_values(now, due, code))


MODES = {"pipelined": pipelined, "statements": statements, "row": row}
# Round trips and statements per dossier (BEGIN and COMMIT counted as statements).
SHAPES = {
    "pipelined": (4, 12),
    "statements": (12, 12),
    "row": (1, 1),
}


def client(url: str, world: dict, mode: str, number: int, seconds: float, start_at: float) -> int:
    work = MODES[mode]
    intake = Intake(world, number)
    done = 0
    with psycopg.connect(url) as conn:
        conn.prepare_threshold = 0  # prepared from the first dossier, as a tuned loop would be
        with conn.transaction():
            conn.execute(ENSURE_COUNTER_ROW, intake.bump_params())
        conn.autocommit = mode == "row"
        while time.time() < start_at:
            time.sleep(0.001)
        stop = time.monotonic() + seconds
        while time.monotonic() < stop:
            work(conn, intake)
            done += 1
    return done


def main() -> None:
    url, world = sys.argv[1], json.loads(Path(sys.argv[2]).read_text())
    mode = sys.argv[3]
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 15.0
    clients = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    start_at = time.time() + 1.0  # every client starts at the same moment
    with multiprocessing.Pool(clients) as pool:
        counts = pool.starmap(
            client, [(url, world, mode, n, seconds, start_at) for n in range(clients)]
        )
    total = sum(counts)
    round_trips, sent = SHAPES[mode]
    print(
        json.dumps(
            {
                "mode": mode,
                "clients": clients,
                "dossiers": total,
                "seconds": seconds,
                "dossiers_per_s": round(total / seconds, 1),
                "round_trips": round_trips,
                "statements": sent,
            }
        )
    )


if __name__ == "__main__":
    main()
