"""Scoped reads of plans and their tasks, and completion rates.

Home Affairs (and the province-wide roles) see every plan; an agency's officers see their
unit's own plan whole, and of any other plan only the tasks their unit leads or coordinates.
Anything else is a 404.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from cchc.org.models import Agency, User
from cchc.org.selectors import agencies_visible_to, agency_scope_root, sees_whole_province
from cchc.plans.excel.layout import cell_names_agency
from cchc.plans.models import Area, Plan, PlanTask
from cchc.plans.plan_services import can_update


def _involving(visible: QuerySet[Agency]) -> Q:
    return Q(lead_agency__in=visible) | Q(coordinating_agencies__in=visible)


def _group_led(root: Agency, tasks: QuerySet[PlanTask]) -> list[tuple[int, int]]:
    """``(task id, plan id)`` of the tasks led by a group or several agencies naming ``root``
    (as written in the plan: "Các sở, ban, ngành", "Sở Tư pháp; Sở Nội vụ")."""
    rows = tasks.filter(lead_agency=None).values_list("pk", "plan_id", "lead_text")
    return [(pk, plan_id) for pk, plan_id, text in rows if cell_names_agency(text, root)]


def plans_for(user: User) -> QuerySet[Plan]:
    """Every plan ``user`` may open."""
    plans = Plan.objects.select_related("agency")
    if sees_whole_province(user):
        return plans
    root = agency_scope_root(user)
    if root is None:
        return plans.none()
    visible = agencies_visible_to(user)
    involved = PlanTask.objects.filter(_involving(visible)).values("plan_id")
    grouped = {plan_id for _pk, plan_id in _group_led(root, PlanTask.objects.all())}
    return plans.filter(Q(agency__in=visible) | Q(pk__in=involved) | Q(pk__in=grouped))


def plan_get_for_user(user: User, pk: int) -> Plan:
    plan = plans_for(user).filter(pk=pk).first()
    if plan is None:
        raise Http404
    return plan


def sees_whole_plan(user: User, plan: Plan) -> bool:
    if sees_whole_province(user):
        return True
    return agencies_visible_to(user).filter(pk=plan.agency_id).exists()


def tasks_for(user: User, plan: Plan) -> QuerySet[PlanTask]:
    """The tasks of ``plan`` ``user`` may see, in the plan's order."""
    tasks = plan.tasks.select_related("lead_agency").prefetch_related("coordinating_agencies")
    if sees_whole_plan(user, plan):
        return tasks.order_by("order", "id")
    visible = agencies_visible_to(user)
    ids = plan.tasks.filter(_involving(visible)).values("pk")
    root = agency_scope_root(user)
    grouped = [pk for pk, _plan in _group_led(root, plan.tasks.all())] if root else []
    return tasks.filter(Q(pk__in=ids) | Q(pk__in=grouped)).order_by("order", "id")


def task_get_for_user(user: User, pk: int) -> PlanTask:
    task = PlanTask.objects.select_related("plan__agency", "lead_agency").filter(pk=pk).first()
    if task is None or not tasks_for(user, task.plan).filter(pk=pk).exists():
        raise Http404
    return task


def plan_of_year(user: User, year: int, agency_code: str = "") -> Plan:
    """The plan of ``year`` of the agency with ``agency_code`` (the caller's unit when none),
    if the caller may open it; else ``Http404``."""
    if agency_code:
        agency = Agency.objects.filter(code=agency_code).first()
    else:
        agency = agency_scope_root(user) or (user.agency.unit if user.agency_id else None)
    if agency is None:
        raise Http404
    plan = plans_for(user).filter(year=year, agency=agency.unit).first()
    if plan is None:
        raise Http404
    return plan


@dataclass(frozen=True)
class Completion:
    key: str
    label: str
    total: int  # not cancelled
    done: int
    late: int

    @property
    def rate(self) -> int | None:
        """Percent of the tasks (cancelled ones aside) that are done; None when there are none."""
        return round(100 * self.done / self.total) if self.total else None


def _counts(tasks: QuerySet[PlanTask], field: str) -> list[dict]:
    return list(
        tasks.order_by()
        .values(field)
        .annotate(
            total=Count("pk", filter=~Q(status=PlanTask.Status.CANCELLED)),
            done=Count("pk", filter=Q(status=PlanTask.Status.DONE)),
            late=Count("pk", filter=Q(status=PlanTask.Status.LATE)),
        )
    )


def completion_by_area(tasks: QuerySet[PlanTask]) -> list[Completion]:
    rows = {row["area"]: row for row in _counts(tasks, "area")}
    return [
        Completion(area.value, str(area.label), row["total"], row["done"], row["late"])
        for area in Area
        if (row := rows.get(area.value))
    ]


def completion_by_agency(tasks: QuerySet[PlanTask]) -> list[Completion]:
    """Per lead agency (tasks led by a group under "—")."""
    rows = _counts(tasks, "lead_agency")
    names = dict(
        Agency.objects.filter(
            pk__in=[r["lead_agency"] for r in rows if r["lead_agency"]]
        ).values_list("pk", "name")
    )
    result = [
        Completion(
            str(r["lead_agency"] or ""),
            names.get(r["lead_agency"], "—"),
            r["total"],
            r["done"],
            r["late"],
        )
        for r in rows
    ]
    return sorted(result, key=lambda c: c.label)


def completion_total(tasks: QuerySet[PlanTask]) -> Completion:
    rows = _counts(tasks.annotate(), "plan")
    total = sum(r["total"] for r in rows)
    done = sum(r["done"] for r in rows)
    late = sum(r["late"] for r in rows)
    return Completion("", "", total, done, late)


ATTENTION_DAYS = 14
ATTENTION_LIMIT = 50


def attention_tasks(user: User, today: date) -> list[PlanTask]:
    """The reminders' worklist: unfinished tasks ``user`` must act on (``can_update``) that are
    late or due within two weeks, the most urgent first (at most 50; Home Affairs sees the
    province's). One query."""
    rows = (
        PlanTask.objects.filter(
            status__in=[
                PlanTask.Status.NOT_STARTED,
                PlanTask.Status.IN_PROGRESS,
                PlanTask.Status.LATE,
            ],
            due_date__isnull=False,
            due_date__lte=today + timedelta(days=ATTENTION_DAYS),
        )
        .exclude(source=PlanTask.Source.PARINDEX)
        .select_related("plan__agency", "lead_agency__parent")
        .order_by("due_date", "id")[: ATTENTION_LIMIT * 6]
    )
    return [task for task in rows if can_update(user, task)][:ATTENTION_LIMIT]


def province_tasks_of(task: PlanTask) -> QuerySet[PlanTask]:
    """The province plan's tasks of the task's year an agency's task may carry out."""
    return (
        PlanTask.objects.filter(
            plan__year=task.plan.year, plan__agency__level=Agency.Level.PROVINCE
        )
        .exclude(pk=task.pk)
        .order_by("order", "id")
    )
