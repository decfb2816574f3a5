"""Writing surveys (issue 11 §3): the only code that publishes questionnaires, opens and closes
campaigns, draws samples, issues tokens and records responses — each in one transaction, with
an event row. A refused action raises ``SurveyError`` with the message to show and writes
nothing.

The figures come from the pure core (``cchc.domain.survey``): Yamane's sample size per stratum,
the seeded sample, Wilson intervals and the indexes.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from cchc.catalog.models import Procedure
from cchc.core.validation import MSG_TEXT_CONTROL, forbidden_character
from cchc.domain import survey as core
from cchc.domain.workdays import VN_TZ
from cchc.dossiers.models import Dossier
from cchc.org.models import Agency, User
from cchc.satisfaction.models import Aspect
from cchc.surveys import messages as msg
from cchc.surveys.models import (
    GRADED,
    MAX_TEXT_ANSWER,
    Answer,
    Campaign,
    Channel,
    Question,
    QuestionKind,
    Questionnaire,
    RespondentKind,
    Response,
    ResponseToken,
    Stratum,
    SurveyEvent,
)

MANAGER_ROLES = {User.Role.HOME_AFFAIRS, User.Role.REFORM_OFFICER, User.Role.SYSTEM_ADMIN}
DEFAULT_TOKEN_DAYS = 30


class SurveyError(Exception):
    """A refused input or action: ``message`` for the person, ``field`` the form field."""

    def __init__(self, message: object, field: str = "") -> None:
        super().__init__(str(message))
        self.message = str(message)
        self.field = field


def may_manage(user: object) -> bool:
    """Home Affairs and the reform office run the province's surveys."""
    return bool(
        getattr(user, "is_authenticated", False)
        and (user.is_superuser or user.role in MANAGER_ROLES)
    )


def _require_manager(actor: User | None) -> None:
    if actor is not None and not may_manage(actor):
        raise SurveyError(msg.MSG_ROLE)


def _event(campaign: Campaign, action: str, actor: User | None, at: datetime, **detail) -> None:
    SurveyEvent.objects.create(campaign=campaign, action=action, actor=actor, at=at, detail=detail)


# --- questionnaires -------------------------------------------------------------------------


def questionnaire_create(*, code: str, title: str, service_type: str = "") -> Questionnaire:
    latest = Questionnaire.objects.filter(code=code).order_by("-version").first()
    version = latest.version + 1 if latest else 1
    return Questionnaire.objects.create(
        code=code, version=version, title=title, service_type=service_type
    )


def question_add(
    questionnaire: Questionnaire,
    *,
    kind: str,
    text: str,
    element: str = "",
    choices: Sequence[str] = (),
    required: bool = True,
) -> Question:
    """Append a question to a draft; a published version is frozen."""
    with transaction.atomic():
        questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
        if questionnaire.is_published:
            raise SurveyError(msg.MSG_FROZEN)
        kind = QuestionKind(kind)
        text = (text or "").strip()
        if not text or len(text) > 500 or forbidden_character(text):
            raise SurveyError(msg.MSG_QUESTION_TEXT, "text")
        if kind in GRADED and element not in Aspect.values:
            raise SurveyError(msg.MSG_QUESTION_ELEMENT, "element")
        if element and element not in Aspect.values:
            raise SurveyError(msg.MSG_QUESTION_ELEMENT, "element")
        cleaned = [c.strip() for c in choices if c and c.strip()]
        if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and len(cleaned) < 2:
            raise SurveyError(msg.MSG_QUESTION_CHOICES, "choices")
        if kind not in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            cleaned = []
        position = questionnaire.questions.count() + 1
        return Question.objects.create(
            questionnaire=questionnaire,
            position=position,
            element=element,
            kind=kind,
            text=text,
            choices=cleaned,
            required=required,
        )


def questionnaire_publish(
    questionnaire: Questionnaire, *, now: datetime | None = None
) -> Questionnaire:
    with transaction.atomic():
        questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
        if questionnaire.is_published:
            raise SurveyError(msg.MSG_FROZEN)
        if not questionnaire.questions.exists():
            raise SurveyError(msg.MSG_EMPTY_QUESTIONNAIRE)
        questionnaire.status = Questionnaire.Status.PUBLISHED
        questionnaire.published_at = now or timezone.now()
        questionnaire.save(update_fields=["status", "published_at"])
        return questionnaire


def questionnaire_new_version(questionnaire: Questionnaire) -> Questionnaire:
    """A draft copying the questions of ``questionnaire``, numbered after the latest version."""
    with transaction.atomic():
        draft = questionnaire_create(
            code=questionnaire.code,
            title=questionnaire.title,
            service_type=questionnaire.service_type,
        )
        Question.objects.bulk_create(
            Question(
                questionnaire=draft,
                position=q.position,
                element=q.element,
                kind=q.kind,
                text=q.text,
                choices=list(q.choices),
                required=q.required,
            )
            for q in questionnaire.questions.order_by("position")
        )
        return draft


# --- campaigns ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CampaignInput:
    code: str
    name: str
    period_start: date
    period_end: date
    questionnaire: Questionnaire
    agencies: Sequence[Agency]
    procedures: Sequence[Procedure] = ()
    margin: Decimal = Decimal("0.05")
    seed: str = ""
    token_days: int = DEFAULT_TOKEN_DAYS


def _returned_in_period(data: CampaignInput) -> Iterable[Dossier]:
    start = datetime.combine(data.period_start, time.min, tzinfo=VN_TZ)
    end = datetime.combine(data.period_end + timedelta(days=1), time.min, tzinfo=VN_TZ)
    dossiers = Dossier.objects.filter(
        status=Dossier.Status.RETURNED,
        returned_at__gte=start,
        returned_at__lt=end,
        resolving_agency__in=list(data.agencies),
    )
    if data.procedures:
        dossiers = dossiers.filter(procedure__in=list(data.procedures))
    return dossiers.select_related("procedure").only(
        "pk", "resolving_agency_id", "procedure_id", "procedure__name"
    )


def campaign_open(
    *, data: CampaignInput, actor: User | None, now: datetime | None = None
) -> Campaign:
    """Open a campaign: one stratum per agency × procedure with dossiers returned in the period,
    its n from Yamane's formula, the seeded sample drawn and one token issued per sampled
    dossier."""
    _require_manager(actor)
    now = now or timezone.now()
    if data.period_end < data.period_start:
        raise SurveyError(msg.MSG_PERIOD, "period_end")
    if not 0 < data.margin < 1:
        raise SurveyError(msg.MSG_MARGIN, "margin")
    if not data.agencies:
        raise SurveyError(msg.MSG_NO_AGENCY, "agencies")
    if not data.questionnaire.is_published:
        raise SurveyError(msg.MSG_NOT_PUBLISHED, "questionnaire")
    seed = data.seed or secrets.token_hex(8)
    with transaction.atomic():
        if Campaign.objects.filter(code=data.code).exists():
            raise SurveyError(msg.MSG_CODE_TAKEN, "code")
        try:
            with transaction.atomic():
                campaign = Campaign.objects.create(
                    code=data.code,
                    name=data.name,
                    period_start=data.period_start,
                    period_end=data.period_end,
                    questionnaire=data.questionnaire,
                    margin=data.margin,
                    seed=seed,
                    token_expires_at=now + timedelta(days=data.token_days),
                    created_by=actor,
                    created_at=now,
                )
        except IntegrityError as error:
            raise SurveyError(msg.MSG_CODE_TAKEN, "code") from error
        campaign.agencies.set(data.agencies)
        campaign.procedures.set(data.procedures)
        groups: dict[tuple[int, int], list[int]] = defaultdict(list)
        names: dict[int, str] = {}
        for dossier in _returned_in_period(data):
            groups[(dossier.resolving_agency_id, dossier.procedure_id)].append(dossier.pk)
            names[dossier.procedure_id] = dossier.procedure.name
        sampled_total = 0
        for (agency_id, procedure_id), ids in sorted(groups.items()):
            target = core.sample_size(len(ids), str(data.margin))
            stratum = Stratum.objects.create(
                campaign=campaign,
                agency_id=agency_id,
                procedure_id=procedure_id,
                service_name=names[procedure_id][:255],
                population=len(ids),
                target=target,
            )
            sample = core.draw_sample(ids, target, f"{seed}/{agency_id}/{procedure_id}")
            ResponseToken.objects.bulk_create(
                ResponseToken(
                    campaign=campaign,
                    stratum=stratum,
                    key=secrets.token_urlsafe(18),
                    respondent=RespondentKind.DOSSIER,
                    dossier_id=dossier_id,
                    expires_at=campaign.token_expires_at,
                )
                for dossier_id in sample
            )
            sampled_total += len(sample)
        _event(campaign, "open", actor, now, strata=len(groups), sampled=sampled_total, seed=seed)
        return campaign


def stratum_add_service(
    campaign: Campaign,
    *,
    agency: Agency,
    service_name: str,
    population: int,
    actor: User | None,
    now: datetime | None = None,
) -> Stratum:
    """A stratum for a public service unit's service (a hospital's visits, a school's
    enrolment) whose population is declared rather than counted from dossiers."""
    _require_manager(actor)
    service_name = (service_name or "").strip()
    if not service_name or forbidden_character(service_name):
        raise SurveyError(msg.MSG_SERVICE_NAME, "service_name")
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if campaign.status != Campaign.Status.OPEN:
            raise SurveyError(msg.MSG_CAMPAIGN_CLOSED)
        stratum = Stratum.objects.create(
            campaign=campaign,
            agency=agency,
            service_name=service_name[:255],
            population=population,
            target=core.sample_size(population, str(campaign.margin)),
        )
        campaign.agencies.add(agency)
        _event(campaign, "stratum", actor, now or timezone.now(), stratum=stratum.pk)
        return stratum


def tokens_issue(
    stratum: Stratum,
    *,
    count: int,
    respondent: str = RespondentKind.WALK_IN,
    actor: User | None,
    now: datetime | None = None,
) -> list[ResponseToken]:
    """One-use tokens for walk-in or resident respondents of a stratum (printed on cards)."""
    _require_manager(actor)
    respondent = RespondentKind(respondent)
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=stratum.campaign_id)
        if campaign.status != Campaign.Status.OPEN:
            raise SurveyError(msg.MSG_CAMPAIGN_CLOSED)
        tokens = ResponseToken.objects.bulk_create(
            ResponseToken(
                campaign=campaign,
                stratum=stratum,
                key=secrets.token_urlsafe(18),
                respondent=respondent,
                expires_at=campaign.token_expires_at,
            )
            for _ in range(count)
        )
        _event(campaign, "tokens", actor, now or timezone.now(), stratum=stratum.pk, count=count)
        return tokens


def campaign_close(
    campaign: Campaign, *, actor: User | None, now: datetime | None = None
) -> Campaign:
    _require_manager(actor)
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if campaign.status != Campaign.Status.OPEN:
            raise SurveyError(msg.MSG_CAMPAIGN_CLOSED)
        campaign.status = Campaign.Status.CLOSED
        campaign.save(update_fields=["status"])
        _event(campaign, "close", actor, now or timezone.now())
        return campaign


# --- responses ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CleanAnswer:
    question: Question
    value: int | None = None
    values: tuple[int, ...] = ()
    text: str = ""


def clean_answers(
    questionnaire: Questionnaire, raw: Mapping[int, object]
) -> tuple[list[CleanAnswer], dict[int, str]]:
    """Check raw answers keyed by question id: ``(answers, errors by question id)``.

    A graded or single-choice answer is one number, a multiple-choice answer a list of numbers,
    a text answer a string. An unanswered optional question is left out.
    """
    answers: list[CleanAnswer] = []
    errors: dict[int, str] = {}
    for question in questionnaire.questions.order_by("position"):
        value = raw.get(question.pk)
        allowed = {v for v, _label in question.options()}
        if question.kind == QuestionKind.TEXT:
            text = str(value or "").strip()
            if not text:
                if question.required:
                    errors[question.pk] = str(msg.MSG_REQUIRED)
                continue
            if len(text) > MAX_TEXT_ANSWER:
                errors[question.pk] = str(msg.MSG_TEXT_TOO_LONG)
            elif forbidden_character(text):
                errors[question.pk] = str(MSG_TEXT_CONTROL)
            else:
                answers.append(CleanAnswer(question, text=text))
            continue
        if question.kind == QuestionKind.MULTIPLE:
            items = (
                value
                if isinstance(value, list | tuple)
                else ([] if value in (None, "") else [value])
            )
            try:
                picked = tuple(sorted({int(item) for item in items}))
            except (TypeError, ValueError):
                errors[question.pk] = str(msg.MSG_CHOICE)
                continue
            if not picked:
                if question.required:
                    errors[question.pk] = str(msg.MSG_REQUIRED)
                continue
            if not set(picked) <= allowed:
                errors[question.pk] = str(msg.MSG_CHOICE)
                continue
            answers.append(CleanAnswer(question, values=picked))
            continue
        if value in (None, ""):
            if question.required:
                errors[question.pk] = str(msg.MSG_REQUIRED)
            continue
        try:
            number = int(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            errors[question.pk] = str(msg.MSG_CHOICE)
            continue
        if number not in allowed:
            errors[question.pk] = str(msg.MSG_CHOICE)
            continue
        answers.append(CleanAnswer(question, value=number))
    return answers, errors


class AnswersRefused(SurveyError):
    def __init__(self, errors: dict[int, str]) -> None:
        super().__init__(next(iter(errors.values())))
        self.errors = errors


def _store(
    campaign: Campaign,
    stratum: Stratum,
    raw: Mapping[int, object],
    *,
    channel: str,
    token: ResponseToken | None,
    actor: User | None,
    now: datetime,
) -> Response:
    answers, errors = clean_answers(campaign.questionnaire, raw)
    if errors:
        raise AnswersRefused(errors)
    response = Response.objects.create(
        campaign=campaign,
        stratum=stratum,
        token=token,
        channel=channel,
        entered_by=actor,
        submitted_at=now,
    )
    Answer.objects.bulk_create(
        Answer(
            response=response,
            question=a.question,
            value=a.value,
            values=list(a.values),
            text=a.text,
        )
        for a in answers
    )
    _event(campaign, channel, actor, now, response=response.pk)
    return response


def token_state(token: ResponseToken, now: datetime | None = None) -> str:
    """ "" when the token may answer now, or the message refusing it."""
    now = now or timezone.now()
    if token.used_at is not None:
        return str(msg.MSG_TOKEN_USED)
    if token.campaign.status != Campaign.Status.OPEN:
        return str(msg.MSG_CAMPAIGN_CLOSED)
    if token.expires_at <= now:
        return str(msg.MSG_TOKEN_EXPIRED)
    return ""


def response_submit(
    *, key: str, answers: Mapping[int, object], now: datetime | None = None
) -> Response:
    """The respondent answers through a one-use token; a used or expired token is refused."""
    now = now or timezone.now()
    with transaction.atomic():
        token = (
            ResponseToken.objects.select_for_update()
            .select_related("campaign__questionnaire")
            .filter(key=key)
            .first()
        )
        if token is None:
            raise SurveyError(msg.MSG_TOKEN_UNKNOWN)
        refusal = token_state(token, now)
        if refusal:
            raise SurveyError(refusal)
        response = _store(
            token.campaign,
            token.stratum,
            answers,
            channel=Channel.ONLINE,
            token=token,
            actor=None,
            now=now,
        )
        token.used_at = now
        token.save(update_fields=["used_at"])
        return response


def response_enter(
    *,
    campaign: Campaign,
    stratum: Stratum,
    channel: str,
    answers: Mapping[int, object],
    actor: User,
    now: datetime | None = None,
) -> Response:
    """Staff type in a paper form or a phone interview; the response is marked as such."""
    _require_manager(actor)
    now = now or timezone.now()
    if channel not in (Channel.PAPER, Channel.PHONE):
        raise SurveyError(msg.MSG_CHANNEL, "channel")
    with transaction.atomic():
        campaign = (
            Campaign.objects.select_for_update().select_related("questionnaire").get(pk=campaign.pk)
        )
        if campaign.status != Campaign.Status.OPEN:
            raise SurveyError(msg.MSG_CAMPAIGN_CLOSED)
        if stratum.campaign_id != campaign.pk:
            raise SurveyError(msg.MSG_STRATUM, "stratum")
        return _store(campaign, stratum, answers, channel=channel, token=None, actor=actor, now=now)


# --- results --------------------------------------------------------------------------------

ELEMENTS = list(Aspect.values)


@dataclass(frozen=True)
class CampaignResults:
    overall: core.SurveyResult
    by_agency: list[tuple[Agency, core.SurveyResult]]
    by_stratum: list[tuple[Stratum, core.SurveyResult]]


def campaign_results(campaign: Campaign) -> CampaignResults:
    """Element indexes with Wilson intervals and their mean, overall, per agency and per
    stratum (agency × service), from the graded answers of every response."""
    graded = (
        Answer.objects.filter(
            response__campaign=campaign, question__kind__in=[k.value for k in GRADED]
        )
        .exclude(question__element="")
        .values_list("response__stratum_id", "question__element", "question__kind", "value")
    )
    overall: dict[str, list] = defaultdict(list)
    per_stratum: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for stratum_id, element, kind, value in graded:
        overall[element].append((kind, value))
        per_stratum[stratum_id][element].append((kind, value))
    strata = list(
        campaign.strata.select_related("agency", "procedure").order_by(
            "agency__code", "service_name"
        )
    )
    per_agency: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    agencies: dict[int, Agency] = {}
    for stratum in strata:
        agencies[stratum.agency_id] = stratum.agency
        for element, items in per_stratum[stratum.pk].items():
            per_agency[stratum.agency_id][element].extend(items)
    return CampaignResults(
        overall=core.survey_result(overall, ELEMENTS),
        by_agency=[
            (agency, core.survey_result(per_agency[pk], ELEMENTS))
            for pk, agency in agencies.items()
        ],
        by_stratum=[
            (stratum, core.survey_result(per_stratum[stratum.pk], ELEMENTS)) for stratum in strata
        ],
    )


def campaign_progress(campaign: Campaign) -> list[dict]:
    """Per stratum: N, n, tokens issued, responses by channel."""
    rows = []
    for stratum in campaign.strata.select_related("agency").order_by(
        "agency__code", "service_name"
    ):
        by_channel = dict.fromkeys(Channel.values, 0)
        for channel in stratum.responses.values_list("channel", flat=True):
            by_channel[channel] += 1
        rows.append(
            {
                "stratum": stratum,
                "population": stratum.population,
                "target": stratum.target,
                "tokens": stratum.tokens.count(),
                "responses": sum(by_channel.values()),
                "by_channel": by_channel,
            }
        )
    return rows
