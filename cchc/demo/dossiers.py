"""Demo dossiers for the one-stop screens: a few months of work at the demo department, made
through the real services at past moments (so codes, clocks, events and counters are real).

Deterministic (a fixed random seed) and run only when the department has no dossier yet.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from django.db.models import F
from django.utils import timezone

from cchc.catalog.models import Procedure
from cchc.core.calendar import current_calendar
from cchc.core.models import OutboxMessage
from cchc.domain.identity import PROVINCE_CODES, Sex, citizen_id_make
from cchc.domain.lifecycle import TransitionError
from cchc.dossiers.models import Dossier
from cchc.dossiers.services import (
    ApplicantData,
    DocumentData,
    DossierInputError,
    IntakeRequest,
    dossier_apologize,
    dossier_approve,
    dossier_forward,
    dossier_pay,
    dossier_receive,
    dossier_refuse,
    dossier_register,
    dossier_request_supplement,
    dossier_return,
    dossier_withdraw,
)
from cchc.org.models import Agency, User
from cchc.satisfaction.services import rating_submit

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Minh", "Thanh", "Đức", "Ngọc", "Quốc", "Thu", "Hữu", "Kim"]
GIVEN = [
    "An",
    "Bình",
    "Chi",
    "Dũng",
    "Hà",
    "Hải",
    "Hạnh",
    "Hùng",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phúc",
    "Quang",
    "Tâm",
    "Thảo",
    "Trung",
    "Tuấn",
    "Yến",
]
STREETS = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Huệ", "Hai Bà Trưng", "Quang Trung", "Lý Thường Kiệt"]
WARDS = ["phường Tân An", "phường Bình Sơn", "xã Phước Hòa", "xã Tân Lập", "phường An Phước"]


def _applicant(rng: random.Random) -> ApplicantData:
    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    return ApplicantData(
        full_name=name,
        id_number=citizen_id_make(
            province_code=rng.choice(sorted(PROVINCE_CODES)),
            sex=rng.choice([Sex.MALE, Sex.FEMALE]),
            birth_year=rng.randint(1950, 2005),
            serial=f"{rng.randint(0, 999999):06d}",
        ),
        phone=f"09{rng.randint(10000000, 99999999)}",
        email="",
        address=f"Số {rng.randint(1, 200)} đường {rng.choice(STREETS)}, {rng.choice(WARDS)}, "
        "tỉnh Bình Sơn",
    )


def seed_dossiers(department: Agency, *, count: int = 120, days: int = 75) -> int:
    """Dossiers received over the last ``days`` days, in every state a week of work leaves."""
    if Dossier.objects.filter(receiving_agency=department).exists():
        return 0
    counter = User.objects.filter(agency=department, role=User.Role.COUNTER_OFFICER).first()
    specialist = User.objects.filter(agency=department, role=User.Role.SPECIALIST).first()
    leader = User.objects.filter(agency=department, role=User.Role.LEADER).first()
    procedures = list(
        Procedure.objects.filter(
            competent_agency=department, status__in=Procedure.IN_FORCE
        ).order_by("code")[:25]
    )
    if not (counter and specialist and leader and procedures):
        return 0
    rng = random.Random(2025)
    cal = current_calendar()
    now = timezone.now()
    first_message = OutboxMessage.objects.order_by("-pk").values_list("pk", flat=True).first()
    start = now - timedelta(days=days)
    made = 0
    for _ in range(count):
        moment = start + timedelta(minutes=rng.randint(0, days * 24 * 60))
        moment = cal.effective_start(moment)
        if moment >= now:
            continue
        procedure = rng.choice(procedures)
        request = IntakeRequest(
            procedure=procedure,
            applicant=_applicant(rng),
            # Some filed on the national portal and received here (the online share).
            channel=rng.choice(["in_person"] * 3 + ["postal"] + ["online"] * 2),
            documents=[
                DocumentData(d.name, d.form == "original", d.count)
                for d in procedure.documents.all()
            ],
        )
        try:
            _one(rng, request, counter, specialist, leader, moment, now)
            made += 1
        except (TransitionError, DossierInputError):
            continue  # a random path the rules refuse is simply not part of the demo
    _history_delivered(after_pk=first_message or 0)
    return made


def _history_delivered(*, after_pk: int) -> None:
    """The notices of the made-up months went out back then: mark them sent, so the first
    delivery run of a fresh demo does not send a few hundred messages about old events to
    made-up applicants, and a notice the visitor causes is the only one in the outbox."""
    OutboxMessage.objects.filter(pk__gt=after_pk, status=OutboxMessage.Status.PENDING).update(
        status=OutboxMessage.Status.SENT, sent_at=F("created_at"), attempts=1
    )


def _later(rng: random.Random, moment: datetime, now: datetime, hours: int) -> datetime:
    step = moment + timedelta(hours=rng.randint(1, hours))
    return min(step, now - timedelta(minutes=5))


def _one(
    rng: random.Random,
    request: IntakeRequest,
    counter: User,
    specialist: User,
    leader: User,
    moment: datetime,
    now: datetime,
) -> None:
    fate = rng.random()
    if fate < 0.05:
        d = dossier_register(actor=counter, request=request, now=moment)
        dossier_refuse(
            actor=counter,
            dossier=d,
            reason="Hồ sơ không thuộc thẩm quyền giải quyết của Sở",
            now=moment,
        )
        return
    d = dossier_receive(actor=counter, request=request, now=moment)
    if fate < 0.12:
        dossier_request_supplement(
            actor=specialist,
            dossier=d,
            items=["Bản vẽ mặt bằng có chữ ký của chủ đầu tư"],
            reason="Bản vẽ chưa đúng quy định",
            now=_later(rng, moment, now, 48),
        )
        return
    if fate < 0.16:
        dossier_withdraw(
            actor=counter,
            dossier=d,
            reason="Người nộp đề nghị rút hồ sơ",
            now=_later(rng, moment, now, 48),
        )
        return
    t = _later(rng, moment, now, 24 * 8)
    if fate < 0.38 or t >= now - timedelta(minutes=10):
        return  # still with the specialist (some of them overdue by now)
    d.refresh_from_db()
    if t > d.due_at:
        dossier_apologize(
            actor=specialist,
            dossier=d,
            reason="Chờ ý kiến phối hợp của cơ quan liên quan",
            new_due_at=current_calendar().add_working_days(t, 3),
            now=t,
        )
    d = dossier_forward(actor=specialist, dossier=d, now=t)
    t = _later(rng, t, now, 24 * 3)
    if fate < 0.45:
        return  # waiting for the leader
    d = dossier_approve(
        actor=leader, dossier=d, result_number=f"{rng.randint(100, 999)}/GPXD", now=t
    )
    t = _later(rng, t, now, 24 * 2)
    if fate < 0.55:
        return  # result ready, not collected yet
    if d.fee_lines.exists():
        dossier_pay(actor=counter, dossier=d, now=t)
    if d.timeliness == "late" and not d.apology_count:
        dossier_apologize(
            actor=counter,
            dossier=d,
            reason="Chậm trễ khâu thẩm định",
            new_due_at=current_calendar().add_working_days(t, 1),
            now=t,
        )
    method = "postal" if d.channel == "postal" else "in_person"
    extra = (
        {"carrier": "Bưu điện tỉnh Bình Sơn", "tracking_number": f"EB{rng.randint(10**8, 10**9)}VN"}
        if method == "postal"
        else {}
    )
    dossier_return(actor=counter, dossier=d, method=method, now=t, **extra)
    if rng.random() < 0.7:  # most applicants rate with the QR code of their receipt
        overall = rng.choices(["very_satisfied", "satisfied", "not_satisfied"], [5, 4, 1])[0]
        rating_submit(dossier=d, overall=overall, now=_later(rng, t, now, 24))
