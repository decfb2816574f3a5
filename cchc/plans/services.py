"""Writing plans and their tasks: the one door every other part of the plans app (the appendix
import, progress, inspections' follow-ups, the PAR Index's remediation tasks) goes through to
put a task into an agency's plan.

Refusals raise ``PlanError(message, field)``; nothing is written.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from cchc.org.models import Agency, User
from cchc.plans.models import MAX_YEAR, MIN_YEAR, Area, Plan, PlanTask, TaskUpdate

MSG_YEAR = _("Năm phải trong khoảng 2000–2100.")
MSG_CONTENT = _("Nhập nội dung nhiệm vụ.")


class PlanError(Exception):
    """A refused action: ``message`` for people, ``field`` the form field it is about."""

    def __init__(self, message: object, field: str = "") -> None:
        super().__init__(str(message))
        self.message = str(message)
        self.field = field


def default_title(agency: Agency, year: int) -> str:
    return _g("Kế hoạch cải cách hành chính năm %(year)s của %(agency)s") % {
        "year": year,
        "agency": agency.name,
    }


def plan_for(agency: Agency, year: int, *, actor: User | None = None) -> Plan:
    """The agency's plan of ``year``, created (without number and date, to be completed) when
    the agency has none yet: follow-up and remediation tasks need a plan to land in."""
    if not MIN_YEAR <= int(year) <= MAX_YEAR:
        raise PlanError(MSG_YEAR, "year")
    unit = agency.unit
    plan, _created = Plan.objects.get_or_create(
        year=year,
        agency=unit,
        defaults={"title": default_title(unit, year), "created_by": actor},
    )
    return plan


def task_add(
    plan: Plan,
    *,
    content: str,
    due_date: date | None,
    timing: str,
    timing_text: str,
    area: str = Area.OTHER,
    number: str = "",
    section: str = "",
    product: str = "",
    lead_agency: Agency | None = None,
    lead_text: str = "",
    coordinating: list[Agency] | None = None,
    coordinating_text: str = "",
    source: str = PlanTask.Source.PLAN,
    actor: User | None = None,
    note: str = "",
) -> PlanTask:
    """Add one task to ``plan`` (the next number and position when none is given) with its
    first history row. The caller has checked its own fields."""
    content = (content or "").strip()
    if not content:
        raise PlanError(MSG_CONTENT, "content")
    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        order = plan.tasks.count() + 1
        lead = lead_agency or (plan.agency if not lead_text else None)
        task = PlanTask.objects.create(
            plan=plan,
            area=area,
            section=section,
            number=number or str(order),
            order=order,
            content=content,
            product=product,
            lead_agency=lead,
            lead_text=lead_text or (lead.name if lead else ""),
            coordinating_text=coordinating_text,
            timing_text=timing_text,
            timing=timing,
            due_date=due_date,
            source=source,
            note=note,
        )
        if coordinating:
            task.coordinating_agencies.set(coordinating)
        TaskUpdate.objects.create(
            task=task,
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            actor_name=actor.get_full_name() if getattr(actor, "is_authenticated", False) else "",
            at=task.updated_at,
            from_status="",
            to_status=task.status,
            progress=0,
            note=_g("Giao nhiệm vụ"),
        )
        return task
