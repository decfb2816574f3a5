"""Building the activity behind the serving-quality index through the services, for tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from cchc.catalog.models import FeeItem, Procedure
from cchc.catalog.services import procedure_publish
from cchc.dossiers.models import Dossier
from cchc.dossiers.services import (
    ApplicantData,
    IntakeRequest,
    dossier_accept,
    dossier_approve,
    dossier_create_draft,
    dossier_forward,
    dossier_submit,
)
from cchc.dossiers.views._shared import store_result_file
from cchc.stats.services import entered_value_save
from tests.dossiers.helpers import at
from tests.factories import ProcedureFactory, add_standard_steps

SIGNED_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n% ky so\n"


def received_online(world, *, procedure=None, day=(2025, 9, 8), agency=None) -> Dossier:
    """A dossier filed on the portal by ``world.citizen`` and received by the counter on
    ``day`` (9:00), through the services."""
    citizen = world.citizen
    draft = dossier_create_draft(
        applicant_user=citizen,
        request=IntakeRequest(
            procedure=procedure or world.building_permit,
            applicant=ApplicantData(full_name=citizen.full_name, phone=citizen.phone),
            receiving_agency=agency or world.construction,
        ),
        now=at(*day, 7),
    )
    dossier_submit(actor=citizen, dossier=draft, now=at(*day, 7, 30))
    return dossier_accept(actor=world.counter_officer, dossier=draft, now=at(*day, 9))


def approved_with_signed_result(world, dossier: Dossier, *, day=(2025, 9, 9)) -> Dossier:
    """Forwarded and approved the next day with the signed result PDF (needs MEDIA_ROOT)."""
    dossier = dossier_forward(actor=world.specialist, dossier=dossier, now=at(*day, 9))
    signed = store_result_file(SimpleUploadedFile("kq.pdf", SIGNED_PDF, "application/pdf"))
    return dossier_approve(
        actor=world.leader,
        dossier=dossier,
        result_number="125/GPXD",
        result_file=signed,
        now=at(*day, 14),
    )


def published_procedure(
    agency, *, fee: int, online_mode: str, code: str, competent: bool = True
) -> Procedure:
    """A procedure of ``agency`` (its competent agency, or only its receiving agency), with
    one fee line of ``fee`` đồng, announced by a decision of 15/07/2025."""
    procedure = ProcedureFactory(
        code=code,
        name=f"Thủ tục {code}",
        competent_agency=agency if competent else None,
        online_mode=online_mode,
        processing_time=Decimal(10),
    )
    procedure.receiving_agencies.set([agency])
    add_standard_steps(procedure)
    FeeItem.objects.create(procedure=procedure, name="Lệ phí", amount_vnd=fee)
    procedure_publish(
        actor=None,
        procedure=procedure,
        decision_number="9/QĐ-UBND",
        decision_date=date(2025, 7, 15),
    )
    return procedure


def approved(world, dossier, day=9):
    """Forwarded and approved on ``day`` September 2025 (early for a building permit)."""
    dossier = dossier_forward(actor=world.specialist, dossier=dossier, now=at(2025, 9, day, 9))
    return dossier_approve(
        actor=world.leader, dossier=dossier, result_number="1/GP", now=at(2025, 9, day, 14)
    )


def enter(world, code, agency, start, end, numerator, denominator):
    """The reform officer enters a value (through the one door)."""
    return entered_value_save(
        actor=world.reform_officer,
        indicator_code=code,
        agency=agency,
        period_from=start,
        period_to=end,
        numerator=numerator,
        denominator=denominator,
        now=at(2025, 10, 2),
    )
