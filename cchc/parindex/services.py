"""Writing PAR Index assessments (DOMAIN A7, issue 12 §3): the only code that changes an
assessment's status, its scores, evidence, history, published results and remediation tasks.

Every action asks the pure lifecycle (``cchc.domain.assessment``) whether the actor may take it
now, runs in one transaction on the locked assessment, appends one ``AssessmentEvent`` and
queues the internal notices in the outbox — all or nothing. A refused action raises
``AssessmentError`` with the message to show (and the form field it is about) and writes
nothing. After every change of points the assessment's figures (own total, total, percent,
classification) are recomputed from its scores, so worklists read them without recounting.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from cchc.core.calendar import current_calendar
from cchc.core.models import OutboxMessage
from cchc.core.outbox import outbox_enqueue_many
from cchc.core.validation import MSG_TEXT_CONTROL, forbidden_character
from cchc.domain import assessment as flow
from cchc.domain import scoring
from cchc.domain.assessment import Action, Role
from cchc.dossiers.uploads import UploadRefused, discard_on_error, store_upload
from cchc.org.models import Agency, User
from cchc.parindex import live
from cchc.parindex.frameworks import framework_problems
from cchc.parindex.models import (
    Assessment,
    AssessmentEvent,
    Criterion,
    Evidence,
    Framework,
    PublishedResult,
    RemediationTask,
    Score,
)
from cchc.parindex.scores import leaves_of, rule_from, score_points, unit_score_of

MAX_TEXT = 5000
MAX_ACTION = 2000
MAX_NOTE = 500
MAX_DOCUMENT = 100
MAX_LINK = 1000
MAX_EVIDENCE_PER_SCORE = 20
POINTS_STEP = Decimal("0.01")

MSG_NOT_ALLOWED = _("Bạn không thể thực hiện thao tác này với bản đánh giá ở trạng thái hiện tại.")
MSG_NO_CRITERION = _("Không có tiêu chí được chấm điểm mã %(code)s trong bộ tiêu chí.")
MSG_POINTS_NUMBER = _("Điểm phải là một số, tối đa 2 chữ số thập phân (ví dụ 1,5).")
MSG_POINTS_RANGE = _("Điểm phải từ 0 đến %(max)s (điểm tối đa của tiêu chí).")
MSG_POINTS_REQUIRED = _("Nhập điểm.")
MSG_TOO_LONG = _("Nội dung quá dài (tối đa %(limit)s ký tự).")
MSG_REQUIRED = _("Nội dung này là bắt buộc.")
MSG_NOT_SELF = _("Tiêu chí này không do đơn vị tự chấm: %(method)s.")
MSG_NOT_REVIEWABLE = _(
    "Tiêu chí này lấy số liệu trên hệ thống hoặc từ điều tra xã hội học: chỉ ghi chú, không "
    "chấm lại."
)
MSG_NOT_LIVE = _("Chỉ ghi chú cho tiêu chí lấy số liệu trên hệ thống hoặc điều tra xã hội học.")
MSG_NOT_CLARIFY = _("Tiêu chí này không thuộc diện phải giải trình.")
MSG_EVIDENCE_EMPTY = _("Đính kèm tệp, nhập đường dẫn hoặc số, ký hiệu văn bản kiểm chứng.")
MSG_EVIDENCE_LINK = _("Đường dẫn phải bắt đầu bằng http:// hoặc https:// và hợp lệ.")
MSG_EVIDENCE_MANY = _("Mỗi tiêu chí có tối đa %(limit)s tài liệu kiểm chứng.")
MSG_MISSING_POINTS = _("Chưa chấm điểm các tiêu chí: %(codes)s.")
MSG_MISSING_EVIDENCE = _("Chưa có tài liệu kiểm chứng cho các tiêu chí: %(codes)s.")
MSG_MISSING_ANSWERS = _("Chưa giải trình các tiêu chí: %(codes)s.")
MSG_NO_CLARIFY = _("Chưa có tiêu chí nào được yêu cầu giải trình.")
MSG_NOT_REVIEWED = _("Chưa thẩm định xong các tiêu chí: %(codes)s.")
MSG_DECISION = _("Chọn đồng ý, điều chỉnh điểm hoặc yêu cầu giải trình.")
MSG_NOTHING_TO_PUBLISH = _("Chưa có bản đánh giá nào được hội đồng xác nhận để công bố.")
MSG_FRAMEWORK_DRAFT = _("Bộ tiêu chí chưa hoàn chỉnh: %(problem)s")
MSG_ALREADY_OPEN = _("Đơn vị này đã có bản đánh giá theo bộ tiêu chí này.")
MSG_WRONG_KIND = _("Đơn vị không thuộc đối tượng của bộ tiêu chí (%(kind)s).")
MSG_INACTIVE = _("Đơn vị không còn hoạt động trong kỳ đánh giá.")
MSG_DUE_PAST = _("Hạn hoàn thành không được trước hôm nay.")
MSG_DUE_RANGE = _("Ngày phải trong khoảng năm 2000–2100.")
MSG_OWNER = _("Người phụ trách phải là cán bộ của đơn vị.")
MSG_TASK_STATUS = _("Không thể chuyển nhiệm vụ từ “%(from)s” sang “%(to)s”.")
MSG_TASK_DONE_EVIDENCE = _("Hoàn thành nhiệm vụ cần kết quả thực hiện hoặc minh chứng.")
MSG_TASK_NOT_WEAK = _("Tiêu chí này đã đạt điểm tối đa, không cần khắc phục.")
MSG_TASK_EXISTS = _("Tiêu chí này đã có nhiệm vụ khắc phục đang thực hiện.")
MSG_TASK_NOT_ALLOWED = _("Bạn không thể giao hoặc cập nhật nhiệm vụ khắc phục của đơn vị này.")


class AssessmentError(Exception):
    """A refused action: ``message`` for people, ``field`` the form field it is about."""

    def __init__(self, message: object, field: str = "") -> None:
        super().__init__(str(message))
        self.message = str(message)
        self.field = field


# --- who acts ------------------------------------------------------------------------------


def _unit_of(user: User) -> Agency | None:
    agency = user.agency
    return agency.unit if agency is not None else None


def actor_roles(assessment: Assessment, user: object) -> frozenset[Role]:
    """The lifecycle roles ``user`` holds on ``assessment``: the unit's reform officer and
    leader, Home Affairs, a council member. Home Affairs also fills and submits the
    province's own assessment (it advises the People's Committee on it)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    roles: set[Role] = set()
    if user.role == User.Role.HOME_AFFAIRS:
        roles.add(Role.HOME_AFFAIRS)
        if assessment.agency.level == Agency.Level.PROVINCE:
            roles |= {Role.REFORM_OFFICER, Role.UNIT_LEADER}
    elif user.role == User.Role.COUNCIL_MEMBER:
        roles.add(Role.COUNCIL)
    elif user.role in (User.Role.REFORM_OFFICER, User.Role.LEADER):
        unit = _unit_of(user)
        if unit is not None and unit.pk == assessment.agency_id:
            roles.add(
                Role.REFORM_OFFICER if user.role == User.Role.REFORM_OFFICER else Role.UNIT_LEADER
            )
    return frozenset(roles)


def allowed_actions(assessment: Assessment, user: object) -> set[str]:
    """The actions ``user`` may take on ``assessment`` now (the pages show their forms)."""
    return {str(a) for a in flow.allowed(assessment.status, actor_roles(assessment, user))}


def _check(assessment: Assessment, action: Action, actor: object) -> flow.Status:
    roles = actor_roles(assessment, actor)
    for role in sorted(roles):
        try:
            return flow.transition(assessment.status, action, role)
        except flow.TransitionRefused:
            continue
    raise AssessmentError(MSG_NOT_ALLOWED)


def _locked(assessment: Assessment) -> Assessment:
    return (
        Assessment.objects.select_for_update()
        .select_related("framework", "agency")
        .get(pk=assessment.pk)
    )


# --- input rules ---------------------------------------------------------------------------


def _text(value: object, field: str, limit: int, *, required: bool = False) -> str:
    text = str(value or "").strip()
    if required and not text:
        raise AssessmentError(MSG_REQUIRED, field)
    if len(text) > limit:
        raise AssessmentError(
            _g(str(MSG_TOO_LONG)) % {"limit": f"{limit:,}".replace(",", ".")}, field
        )
    found = forbidden_character(text)
    if found is not None:
        position, char = found
        raise AssessmentError(MSG_TEXT_CONTROL % {"char": char, "position": position}, field)
    return text


def _points(value: object, maximum: Decimal, field: str = "points") -> Decimal:
    text = str(value).strip().replace(",", ".")
    try:
        points = Decimal(text) if len(text) <= 20 else Decimal("NaN")
    except (InvalidOperation, ValueError):
        raise AssessmentError(MSG_POINTS_NUMBER, field) from None
    if not points.is_finite():
        raise AssessmentError(MSG_POINTS_NUMBER, field)
    if points < 0 or points > maximum:
        raise AssessmentError(_g(str(MSG_POINTS_RANGE)) % {"max": _number(maximum)}, field)
    if points != points.quantize(POINTS_STEP):
        raise AssessmentError(MSG_POINTS_NUMBER, field)
    return points.quantize(POINTS_STEP)


def _number(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


# --- the scores of an assessment -----------------------------------------------------------


def _score(assessment: Assessment, code: str) -> Score:
    try:
        return (
            Score.objects.select_for_update()
            .select_related("criterion")
            .get(assessment=assessment, criterion__code=str(code)[:20])
        )
    except Score.DoesNotExist:
        raise AssessmentError(_g(str(MSG_NO_CRITERION)) % {"code": str(code)[:20]}) from None


def _event(
    assessment: Assessment,
    actor: object | None,
    action: str,
    from_status: str,
    *,
    code: str = "",
    note: str = "",
    at: datetime | None = None,
) -> AssessmentEvent:
    last = assessment.events.order_by("-seq").values_list("seq", flat=True).first() or 0
    person = actor if getattr(actor, "is_authenticated", False) else None
    return AssessmentEvent.objects.create(
        assessment=assessment,
        seq=last + 1,
        action=action,
        actor=person,
        actor_name=person.get_full_name() if person else "",
        from_status=from_status,
        to_status=assessment.status,
        criterion_code=code,
        note=note,
        at=at or timezone.now(),
    )


def recompute(assessment: Assessment) -> Assessment:
    """Keep the assessment's figures (own total, total, percent, classification) equal to its
    scores (two queries and one update)."""
    criteria = list(assessment.framework.criteria.all())
    rule = rule_from(assessment.framework, criteria)
    methods = {node.pk: node.method for node in criteria}
    codes = {node.pk: node.code for node in criteria}
    scores = list(assessment.scores.all())
    now = unit_score_of(rule, scores, methods, codes)
    own = unit_score_of(rule, scores, methods, codes, own=True)
    assessment.self_total = own.total
    assessment.total = now.total
    assessment.percent = now.percent
    assessment.classification = now.classification
    Assessment.objects.filter(pk=assessment.pk).update(
        self_total=own.total,
        total=now.total,
        percent=now.percent,
        classification=now.classification,
        updated_at=timezone.now(),
    )
    return assessment


def _fill_measured(assessment: Assessment, nodes: list[Criterion]) -> None:
    values = live.measured_values(assessment.framework, nodes, assessment.agency)
    if not values:
        return
    scores = {s.criterion_id: s for s in assessment.scores.filter(criterion__in=list(values))}
    for pk, value in values.items():
        score = scores[pk]
        score.live_numerator = value.numerator
        score.live_denominator = value.denominator
        score.survey_index = value.survey_index
        score.system_points = value.points
    Score.objects.bulk_update(
        scores.values(), ["live_numerator", "live_denominator", "survey_index", "system_points"]
    )
    assessment.live_refreshed_at = timezone.now()
    Assessment.objects.filter(pk=assessment.pk).update(
        live_refreshed_at=assessment.live_refreshed_at
    )


# --- opening -------------------------------------------------------------------------------


def _framework_problem(framework: Framework, criteria: list[Criterion]) -> str | None:
    """The first thing that stops ``framework`` from being assessed (the framework pages' own
    check, ``framework_problems``, then the pure rule as a last guard), or ``None``."""
    if not criteria:
        return _g("bộ tiêu chí chưa có tiêu chí nào")
    problems = framework_problems(framework)
    if problems:
        return problems[0]
    try:
        rule_from(framework, criteria)
        for node in leaves_of(criteria):
            if node.method == Criterion.Method.LIVE:
                live.points_rule(node)
                if not (node.live_numerator and node.live_denominator):
                    return _g("tiêu chí %(code)s chưa chọn tử số, mẫu số") % {"code": node.code}
    except (ValueError, TypeError, ArithmeticError) as error:
        return str(error)
    return None


def _may_open(actor: object) -> bool:
    """Home Affairs opens assessments; so may the system administrator, who also manages the
    frameworks."""
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return False
    return bool(
        actor.is_superuser or actor.role in (User.Role.HOME_AFFAIRS, User.Role.SYSTEM_ADMIN)
    )


def assessment_open(framework: Framework, agency: Agency, *, actor: object) -> Assessment:
    """Open ``agency``'s assessment against ``framework``: one score per scored node, the live
    and survey nodes measured, due on the framework's self-assessment deadline. Home Affairs
    (or the system administrator) opens; the framework's structure is locked from then on
    (status *open*)."""
    if not _may_open(actor):
        raise AssessmentError(MSG_NOT_ALLOWED)
    with transaction.atomic():
        framework = Framework.objects.select_for_update().get(pk=framework.pk)
        return _open(framework, agency, actor)


def assessments_open_all(framework: Framework, *, actor: object) -> list[Assessment]:
    """Open the assessment of every unit of the framework's kind that exists in its period and
    has none yet."""
    if not _may_open(actor):
        raise AssessmentError(MSG_NOT_ALLOWED)
    with transaction.atomic():
        framework = Framework.objects.select_for_update().get(pk=framework.pk)
        have = set(framework.assessments.values_list("agency_id", flat=True))
        opened = []
        for agency in Agency.objects.filter(level=framework.unit_kind).order_by("code"):
            if agency.pk in have or not _active_in(agency, framework):
                continue
            opened.append(_open(framework, agency, actor))
        return opened


def _active_in(agency: Agency, framework: Framework) -> bool:
    if agency.valid_from and agency.valid_from > framework.period_to:
        return False
    return not (agency.valid_to and agency.valid_to < framework.period_from)


def _open(framework: Framework, agency: Agency, actor: object) -> Assessment:
    if agency.level != framework.unit_kind:
        raise AssessmentError(
            _g(str(MSG_WRONG_KIND)) % {"kind": framework.get_unit_kind_display()}, "agency"
        )
    if not _active_in(agency, framework):
        raise AssessmentError(MSG_INACTIVE, "agency")
    if Assessment.objects.filter(framework=framework, agency=agency).exists():
        raise AssessmentError(MSG_ALREADY_OPEN, "agency")
    criteria = list(framework.criteria.all())
    problem = _framework_problem(framework, criteria)
    if problem:
        raise AssessmentError(_g(str(MSG_FRAMEWORK_DRAFT)) % {"problem": problem})
    if framework.status == Framework.Status.DRAFT:
        framework.status = Framework.Status.OPEN
        framework.save(update_fields=["status"])
    assessment = Assessment.objects.create(
        framework=framework,
        agency=agency,
        status=Assessment.Status.DRAFT,
        due_date=framework.self_assessment_due,
    )
    nodes = leaves_of(criteria)
    Score.objects.bulk_create([Score(assessment=assessment, criterion=node) for node in nodes])
    _fill_measured(assessment, nodes)
    recompute(assessment)
    _event(assessment, actor, "open", "")
    return assessment


# --- the unit's self-assessment ------------------------------------------------------------


def score_save(
    assessment: Assessment,
    code: str,
    *,
    actor: object,
    points: object | None,
    explanation: str = "",
) -> Score:
    """The unit's own points and explanation for one self-assessed node (within its maximum;
    empty points clear them). During a clarification only the nodes asked about change."""
    with transaction.atomic():
        assessment = _locked(assessment)
        _check(assessment, Action.SCORE, actor)
        score = _score(assessment, code)
        node = score.criterion
        if node.method != Criterion.Method.SELF:
            raise AssessmentError(
                _g(str(MSG_NOT_SELF)) % {"method": node.get_method_display()}, "points"
            )
        if (
            assessment.status == Assessment.Status.CLARIFICATION
            and score.review != Score.Review.CLARIFY
        ):
            raise AssessmentError(MSG_NOT_CLARIFY)
        empty = points is None or str(points).strip() == ""
        score.self_points = None if empty else _points(points, node.max_points)
        score.explanation = _text(explanation, "explanation", MAX_TEXT)
        score.save(update_fields=["self_points", "explanation", "updated_at"])
        _event(
            assessment,
            actor,
            "score",
            assessment.status,
            code=node.code,
            note="" if score.self_points is None else _number(score.self_points),
        )
        recompute(assessment)
        return score


def _evidence_link(value: str) -> str:
    link = _text(value, "link", MAX_LINK)
    if not link:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(link)
    except ValidationError:
        raise AssessmentError(MSG_EVIDENCE_LINK, "link") from None
    return link


def evidence_add(
    assessment: Assessment,
    code: str,
    *,
    actor: object,
    file: UploadedFile | None = None,
    link: str = "",
    document: str = "",
    note: str = "",
) -> Evidence:
    """Attach one piece of evidence to a self-assessed node: a file (checked and stored as the
    portal stores uploads: type sniffed, size bounded), a link, or a document number. The file
    is written before the row and deleted again if the row is refused."""
    link = _evidence_link(link)
    document = _text(document, "document", MAX_DOCUMENT)
    note = _text(note, "note", MAX_NOTE)
    if file is None and not link and not document:
        raise AssessmentError(MSG_EVIDENCE_EMPTY, "file")
    stored_files: list = []
    with discard_on_error(stored_files), transaction.atomic():
        assessment = _locked(assessment)
        _check(assessment, Action.SCORE, actor)
        score = _score(assessment, code)
        if score.criterion.method not in (Criterion.Method.SELF, Criterion.Method.APPRAISAL):
            raise AssessmentError(MSG_NOT_REVIEWABLE, "file")
        if (
            assessment.status == Assessment.Status.CLARIFICATION
            and score.review != Score.Review.CLARIFY
        ):
            raise AssessmentError(MSG_NOT_CLARIFY, "file")
        if score.evidence.filter(removed_at__isnull=True).count() >= MAX_EVIDENCE_PER_SCORE:
            raise AssessmentError(
                _g(str(MSG_EVIDENCE_MANY)) % {"limit": MAX_EVIDENCE_PER_SCORE}, "file"
            )
        evidence = Evidence(
            score=score,
            link=link,
            document=document,
            note=note,
            added_by=actor,
            added_at=timezone.now(),
        )
        if file is not None:
            try:
                stored = store_upload(file)
            except UploadRefused as refused:
                raise AssessmentError("; ".join(refused.messages), "file") from None
            stored_files.append(stored)
            evidence.file.name = stored.name
            evidence.original_name = stored.original_name
            evidence.content_type = stored.content_type
            evidence.size = stored.size
            evidence.sha256 = stored.sha256
        evidence.save()
        label = evidence.original_name or link or document
        _event(
            assessment,
            actor,
            "evidence_add",
            assessment.status,
            code=score.criterion.code,
            note=label,
        )
        return evidence


def evidence_remove(evidence: Evidence, *, actor: object) -> None:
    """Take a piece of evidence off its node (kept, marked removed) while the unit may still
    change its assessment."""
    with transaction.atomic():
        assessment = _locked(evidence.score.assessment)
        _check(assessment, Action.SCORE, actor)
        evidence = (
            Evidence.objects.select_for_update()
            .select_related("score__criterion")
            .get(pk=evidence.pk)
        )
        if evidence.removed_at is not None:
            return
        score = evidence.score
        if (
            assessment.status == Assessment.Status.CLARIFICATION
            and score.review != Score.Review.CLARIFY
        ):
            raise AssessmentError(MSG_NOT_CLARIFY)
        evidence.removed_at = timezone.now()
        evidence.save(update_fields=["removed_at"])
        _event(
            assessment,
            actor,
            "evidence_remove",
            assessment.status,
            code=score.criterion.code,
            note=str(evidence),
        )


def score_annotate(assessment: Assessment, code: str, *, actor: object, text: str) -> Score:
    """A note on a live or survey node (its figures cannot be overwritten)."""
    with transaction.atomic():
        assessment = _locked(assessment)
        _check(assessment, Action.ANNOTATE, actor)
        score = _score(assessment, code)
        if score.criterion.method not in (Criterion.Method.LIVE, Criterion.Method.SURVEY):
            raise AssessmentError(MSG_NOT_LIVE, "annotation")
        score.annotation = _text(text, "annotation", MAX_TEXT, required=True)
        score.save(update_fields=["annotation", "updated_at"])
        _event(assessment, actor, "annotate", assessment.status, code=score.criterion.code)
        return score


def clarification_answer(assessment: Assessment, code: str, *, actor: object, answer: str) -> Score:
    """The unit's clarification of one node Home Affairs asked about."""
    with transaction.atomic():
        assessment = _locked(assessment)
        _check(assessment, Action.ANSWER, actor)
        score = _score(assessment, code)
        if score.review != Score.Review.CLARIFY:
            raise AssessmentError(MSG_NOT_CLARIFY, "answer")
        score.clarification_answer = _text(answer, "answer", MAX_TEXT, required=True)
        score.save(update_fields=["clarification_answer", "updated_at"])
        _event(assessment, actor, "answer", assessment.status, code=score.criterion.code)
        return score


def _rows(assessment: Assessment) -> list[Score]:
    return list(
        assessment.scores.select_related("criterion").order_by("criterion__order", "criterion_id")
    )


def _codes(scores: Iterable[Score]) -> str:
    return ", ".join(s.criterion.code for s in scores)


def assessment_submit(assessment: Assessment, *, actor: object) -> Assessment:
    """The unit's leader sends the self-assessment (or the clarifications) to Home Affairs.
    Every self-assessed node needs its points, and evidence when it scores above 0; after a
    clarification, every node asked about needs an answer and goes back to review."""
    with transaction.atomic():
        assessment = _locked(assessment)
        target = _check(assessment, Action.SUBMIT, actor)
        scores = _rows(assessment)
        own = [s for s in scores if s.criterion.method == Criterion.Method.SELF]
        missing = [s for s in own if s.self_points is None]
        if missing:
            raise AssessmentError(_g(str(MSG_MISSING_POINTS)) % {"codes": _codes(missing)})
        with_evidence = set(
            Evidence.objects.filter(score__in=own, removed_at__isnull=True).values_list(
                "score_id", flat=True
            )
        )
        bare = [s for s in own if s.self_points and s.pk not in with_evidence]
        if bare:
            raise AssessmentError(_g(str(MSG_MISSING_EVIDENCE)) % {"codes": _codes(bare)})
        source = assessment.status
        _fill_measured(assessment, _measured_nodes(assessment))
        if source == Assessment.Status.CLARIFICATION:
            asked = [s for s in scores if s.review == Score.Review.CLARIFY]
            unanswered = [s for s in asked if not s.clarification_answer.strip()]
            if unanswered:
                raise AssessmentError(_g(str(MSG_MISSING_ANSWERS)) % {"codes": _codes(unanswered)})
            Score.objects.filter(pk__in=[s.pk for s in asked]).update(review=Score.Review.PENDING)
        assessment.status = target
        assessment.due_date = None
        assessment.submitted_at = timezone.now()
        assessment.save(update_fields=["status", "due_date", "submitted_at", "updated_at"])
        recompute(assessment)
        _event(assessment, actor, "submit", source)
        _notify_role(
            assessment,
            User.Role.HOME_AFFAIRS,
            _g("%(unit)s đã gửi kết quả tự đánh giá Chỉ số CCHC năm %(year)s"),
            "submit",
        )
        return assessment


# --- appraisal by Home Affairs and the council ---------------------------------------------

DECISIONS = {"accept", "adjust", "clarify"}


def score_review(
    assessment: Assessment,
    code: str,
    *,
    actor: object,
    decision: str,
    points: object | None = None,
    comment: str = "",
) -> Score:
    """Home Affairs' appraisal of one node: accept the unit's points, adjust them (points and a
    comment), or ask the unit to clarify (a comment). Live and survey nodes are not reviewed."""
    with transaction.atomic():
        assessment = _locked(assessment)
        _check(assessment, Action.REVIEW, actor)
        if decision not in DECISIONS:
            raise AssessmentError(MSG_DECISION, "decision")
        score = _score(assessment, code)
        node = score.criterion
        if node.method not in (Criterion.Method.SELF, Criterion.Method.APPRAISAL):
            raise AssessmentError(MSG_NOT_REVIEWABLE, "decision")
        comment = _text(comment, "comment", MAX_TEXT, required=decision != "accept")
        if decision == "accept" and node.method == Criterion.Method.APPRAISAL:
            decision = "adjust"  # nothing to accept: the appraiser gives the points
        if decision == "accept":
            score.review = Score.Review.ACCEPTED
            score.appraised_points = score.self_points
        elif decision == "adjust":
            empty = points is None or str(points).strip() == ""
            if empty:
                raise AssessmentError(MSG_POINTS_REQUIRED, "points")
            score.review = Score.Review.ADJUSTED
            score.appraised_points = _points(points, node.max_points)
        else:
            score.review = Score.Review.CLARIFY
            score.clarification_answer = ""
        score.review_comment = comment
        score.reviewed_by = actor
        score.reviewed_at = timezone.now()
        score.save()
        note = comment
        if score.review in (Score.Review.ACCEPTED, Score.Review.ADJUSTED):
            shown = _number(score.appraised_points) if score.appraised_points is not None else "—"
            note = f"{shown}{' — ' + comment if comment else ''}"
        _event(
            assessment, actor, f"review_{decision}", assessment.status, code=node.code, note=note
        )
        recompute(assessment)
        return score


def assessment_request_clarification(
    assessment: Assessment, *, actor: object, note: str = ""
) -> Assessment:
    """Return the assessment to the unit to clarify the nodes marked so, due in the
    framework's number of working days (counted on the working calendar)."""
    with transaction.atomic():
        assessment = _locked(assessment)
        target = _check(assessment, Action.REQUEST_CLARIFICATION, actor)
        note = _text(note, "note", MAX_TEXT)
        if not assessment.scores.filter(review=Score.Review.CLARIFY).exists():
            raise AssessmentError(MSG_NO_CLARIFY)
        source = assessment.status
        due = current_calendar().add_working_days(
            timezone.now(), assessment.framework.clarification_days
        )
        assessment.status = target
        assessment.due_date = timezone.localtime(due).date()
        assessment.save(update_fields=["status", "due_date", "updated_at"])
        _event(assessment, actor, "request_clarification", source, note=note)
        _notify_unit(
            assessment,
            _g("Yêu cầu giải trình kết quả tự đánh giá Chỉ số CCHC năm %(year)s, hạn %(due)s"),
            "clarification",
        )
        return assessment


def assessment_appraise(assessment: Assessment, *, actor: object) -> Assessment:
    """Home Affairs completes the appraisal: every self-assessed and appraisal-only node is
    accepted or adjusted. The council is notified."""
    with transaction.atomic():
        assessment = _locked(assessment)
        target = _check(assessment, Action.APPRAISE, actor)
        open_rows = [
            s
            for s in _rows(assessment)
            if s.criterion.method in (Criterion.Method.SELF, Criterion.Method.APPRAISAL)
            and s.review not in (Score.Review.ACCEPTED, Score.Review.ADJUSTED)
        ]
        if open_rows:
            raise AssessmentError(_g(str(MSG_NOT_REVIEWED)) % {"codes": _codes(open_rows)})
        source = assessment.status
        _fill_measured(assessment, _measured_nodes(assessment))
        assessment.status = target
        assessment.save(update_fields=["status", "updated_at"])
        recompute(assessment)
        _event(assessment, actor, "appraise", source)
        _notify_role(
            assessment,
            User.Role.COUNCIL_MEMBER,
            _g("Kết quả thẩm định Chỉ số CCHC năm %(year)s của %(unit)s chờ hội đồng xác nhận"),
            "appraise",
        )
        return assessment


def _measured_nodes(assessment: Assessment) -> list[Criterion]:
    return list(
        assessment.framework.criteria.filter(
            method__in=[Criterion.Method.LIVE, Criterion.Method.SURVEY], children__isnull=True
        )
    )


def assessment_confirm(assessment: Assessment, *, actor: object, note: str = "") -> Assessment:
    """The appraisal council confirms the appraised result: it is final (the live figures are
    frozen from here on) and waits to be published."""
    with transaction.atomic():
        assessment = _locked(assessment)
        target = _check(assessment, Action.CONFIRM, actor)
        note = _text(note, "note", MAX_TEXT)
        source = assessment.status
        assessment.status = target
        assessment.finalised_at = timezone.now()
        assessment.save(update_fields=["status", "finalised_at", "updated_at"])
        _event(assessment, actor, "confirm", source, note=note)
        return assessment


def assessment_send_back(assessment: Assessment, *, actor: object, note: str) -> Assessment:
    """The council sends the appraised result back to Home Affairs, saying why."""
    with transaction.atomic():
        assessment = _locked(assessment)
        target = _check(assessment, Action.SEND_BACK, actor)
        note = _text(note, "note", MAX_TEXT, required=True)
        source = assessment.status
        assessment.status = target
        assessment.save(update_fields=["status", "updated_at"])
        _event(assessment, actor, "send_back", source, note=note)
        return assessment


def framework_publish(framework: Framework, *, actor: object) -> list[PublishedResult]:
    """Publish every finalised assessment of ``framework``: a frozen ``PublishedResult`` each
    (superseding the unit's earlier published result after a correction), and the competition
    ranks of all the framework's current results recomputed (1-2-2-4)."""
    with transaction.atomic():
        framework = Framework.objects.select_for_update().get(pk=framework.pk)
        ready = list(
            framework.assessments.select_for_update()
            .select_related("agency", "framework")
            .filter(status=Assessment.Status.FINALISED)
        )
        if not ready:
            raise AssessmentError(MSG_NOTHING_TO_PUBLISH)
        for assessment in ready:
            _check(assessment, Action.PUBLISH, actor)
        criteria = list(framework.criteria.all())
        rule = rule_from(framework, criteria)
        methods = {node.pk: node.method for node in criteria}
        codes = {node.pk: node.code for node in criteria}
        names = {node.code: node.name for node in criteria if node.parent_id is None}
        now = timezone.now()
        PublishedResult.objects.filter(assessment__in=ready, superseded_at__isnull=True).update(
            superseded_at=now
        )
        created = []
        for assessment in ready:
            scores = list(assessment.scores.all())
            card = unit_score_of(rule, scores, methods, codes)
            created.append(
                PublishedResult.objects.create(
                    assessment=assessment,
                    framework=framework,
                    agency=assessment.agency,
                    total=card.total,
                    max_points=card.max_points,
                    percent=card.percent,
                    classification=card.classification,
                    eligible=card.eligible,
                    surveyed=card.surveyed,
                    components=[
                        {
                            "field_code": c.field,
                            "field_name": names.get(c.field, c.field),
                            "points": str(c.points),
                            "max": str(c.max_points),
                            "percent": None if c.percent is None else str(c.percent),
                        }
                        for c in card.components
                    ],
                    points={
                        codes[s.criterion_id]: _points_text(s, methods[s.criterion_id])
                        for s in scores
                    },
                    published_at=now,
                    published_by=actor,
                )
            )
            source = assessment.status
            assessment.status = Assessment.Status.PUBLISHED
            assessment.published_at = now
            assessment.save(update_fields=["status", "published_at", "updated_at"])
            _event(assessment, actor, "publish", source, at=now)
        _rank(framework)
        framework.status = Framework.Status.PUBLISHED
        framework.published_at = now
        framework.save(update_fields=["status", "published_at"])
        for assessment in ready:
            _notify_unit(
                assessment,
                _g("Đã công bố kết quả Chỉ số CCHC năm %(year)s của %(unit)s"),
                "publish",
            )
        for result in created:
            result.refresh_from_db(fields=["rank"])
        return created


def _points_text(score: Score, method: str) -> str | None:
    value = score_points(score, method)
    return None if value is None else str(value)


def _rank(framework: Framework) -> None:
    current = list(framework.results.filter(superseded_at__isnull=True))
    ranks = scoring.competition_ranks({r.pk: r.total for r in current})
    for result in current:
        result.rank = ranks[result.pk]
    PublishedResult.objects.bulk_update(current, ["rank"])


def assessment_reopen(assessment: Assessment, *, actor: object, reason: str) -> Assessment:
    """Reopen a published result for a correction (Home Affairs, with the reason): it goes
    back to review; the published figure stays until the corrected one is published."""
    with transaction.atomic():
        assessment = _locked(assessment)
        target = _check(assessment, Action.REOPEN, actor)
        reason = _text(reason, "reason", MAX_TEXT, required=True)
        source = assessment.status
        assessment.status = target
        assessment.finalised_at = None
        assessment.save(update_fields=["status", "finalised_at", "updated_at"])
        _event(assessment, actor, "reopen", source, note=reason)
        return assessment


def live_refresh(assessment: Assessment) -> Assessment:
    """Recount the live and survey nodes of an assessment still open (before the council's
    confirmation) and its figures."""
    with transaction.atomic():
        assessment = _locked(assessment)
        if assessment.status not in flow.OPEN_STATES:
            return assessment
        flow.transition(assessment.status, Action.REFRESH, Role.SYSTEM)
        _fill_measured(assessment, _measured_nodes(assessment))
        return recompute(assessment)


def live_refresh_for(assessment: Assessment, *, actor: object) -> Assessment:
    """An officer of the assessment (the unit, Home Affairs, the council) asks the platform to
    recount its live and survey criteria now rather than at the next hourly run (the embedded
    installation has no scheduler). Refused once the council has confirmed."""
    if not actor_roles(assessment, actor) or assessment.status not in flow.OPEN_STATES:
        raise AssessmentError(MSG_NOT_ALLOWED)
    return live_refresh(assessment)


def live_refresh_all() -> int:
    """Recount every open assessment (the periodic job); how many were recounted."""
    pks = list(
        Assessment.objects.filter(status__in=[str(s) for s in flow.OPEN_STATES]).values_list(
            "pk", flat=True
        )
    )
    for pk in pks:
        live_refresh(Assessment(pk=pk))
    return len(pks)


# --- remediation tasks ---------------------------------------------------------------------

TASK_MOVES = {
    RemediationTask.Status.OPEN: {
        RemediationTask.Status.IN_PROGRESS,
        RemediationTask.Status.DONE,
        RemediationTask.Status.CANCELLED,
    },
    RemediationTask.Status.IN_PROGRESS: {
        RemediationTask.Status.OPEN,
        RemediationTask.Status.DONE,
        RemediationTask.Status.CANCELLED,
    },
    RemediationTask.Status.DONE: {RemediationTask.Status.IN_PROGRESS},
    RemediationTask.Status.CANCELLED: set(),
}


def _may_assign(assessment: Assessment, actor: object) -> bool:
    roles = actor_roles(assessment, actor)
    return bool(roles & {Role.HOME_AFFAIRS, Role.UNIT_LEADER})


def _may_work(task: RemediationTask, actor: object) -> bool:
    if task.owner_id and getattr(actor, "pk", None) == task.owner_id:
        return True
    return bool(actor_roles(task.assessment, actor) & {Role.HOME_AFFAIRS, *flow.UNIT})


def _day(value: object, field: str) -> date:
    if not isinstance(value, date):
        raise AssessmentError(MSG_REQUIRED, field)
    if not 2000 <= value.year <= 2100:
        raise AssessmentError(MSG_DUE_RANGE, field)
    return value


def remediation_create(
    assessment: Assessment,
    code: str,
    *,
    actor: object,
    action: str,
    due_date: date,
    owner: User | None = None,
) -> RemediationTask:
    """Assign the work on one weak node (below its maximum) to the unit: what to do, who,
    by when. Home Affairs or the unit's leader assigns; one open task per node."""
    with transaction.atomic():
        assessment = _locked(assessment)
        if not _may_assign(assessment, actor):
            raise AssessmentError(MSG_TASK_NOT_ALLOWED)
        action = _text(action, "action", MAX_ACTION, required=True)
        due_date = _day(due_date, "due_date")
        if due_date < timezone.localdate():
            raise AssessmentError(MSG_DUE_PAST, "due_date")
        score = _score(assessment, code)
        node = score.criterion
        counted = _current_points(assessment, score)
        if counted is not None and counted >= node.max_points:
            raise AssessmentError(MSG_TASK_NOT_WEAK)
        if owner is not None and not (
            owner.is_active
            and owner.is_officer
            and owner.agency_id
            and owner.agency.unit.pk == assessment.agency.unit.pk
        ):
            raise AssessmentError(MSG_OWNER, "owner")
        if (
            RemediationTask.objects.filter(assessment=assessment, criterion=node)
            .exclude(status=RemediationTask.Status.CANCELLED)
            .exists()
        ):
            raise AssessmentError(MSG_TASK_EXISTS)
        task = RemediationTask.objects.create(
            assessment=assessment,
            criterion=node,
            agency=assessment.agency,
            action=action,
            owner=owner,
            due_date=due_date,
            created_by=actor,
            created_at=timezone.now(),
            points_gap=node.max_points - (counted or Decimal(0)),
        )
        _event(assessment, actor, "task_create", assessment.status, code=node.code, note=action)
        if owner is not None:
            outbox_enqueue_many(
                [
                    {
                        "channel": OutboxMessage.Channel.INTERNAL,
                        "recipient": owner.username,
                        "subject": _g("Được giao nhiệm vụ khắc phục tiêu chí %(code)s")
                        % {"code": node.code},
                        "body": action,
                        "template": "parindex_task",
                        "dedupe_key": f"par:task:{task.pk}:owner:{owner.pk}",
                        "user": owner,
                    }
                ]
            )
        return task


def _current_points(assessment: Assessment, score: Score) -> Decimal | None:
    result = assessment.results.filter(superseded_at__isnull=True).first()
    if result is not None and score.criterion.code in result.points:
        value = result.points[score.criterion.code]
        return None if value is None else Decimal(value)
    return score_points(score)


def remediation_update(
    task: RemediationTask,
    *,
    actor: object,
    status: str,
    progress_note: str = "",
    evidence_link: str = "",
    evidence_file: UploadedFile | None = None,
) -> RemediationTask:
    """The unit's progress on a task: its status, what was done, a link or a file as
    evidence. Done needs a note or evidence; a cancelled task stays cancelled."""
    stored_files: list = []
    with discard_on_error(stored_files), transaction.atomic():
        task = (
            RemediationTask.objects.select_for_update()
            .select_related("assessment__agency", "criterion")
            .get(pk=task.pk)
        )
        if not _may_work(task, actor):
            raise AssessmentError(MSG_TASK_NOT_ALLOWED)
        if status not in RemediationTask.Status.values:
            raise AssessmentError(MSG_DECISION, "status")
        note = _text(progress_note, "progress_note", MAX_TEXT)
        link = _evidence_link(evidence_link) if evidence_link else ""
        if status != task.status and status not in TASK_MOVES[task.status]:
            raise AssessmentError(
                _g(str(MSG_TASK_STATUS))
                % {
                    "from": task.get_status_display(),
                    "to": RemediationTask.Status(status).label,
                },
                "status",
            )
        if evidence_file is not None:
            try:
                stored = store_upload(evidence_file)
            except UploadRefused as refused:
                raise AssessmentError("; ".join(refused.messages), "evidence_file") from None
            stored_files.append(stored)
            task.evidence_file.name = stored.name
            task.evidence_name = stored.original_name
        if note:
            task.progress_note = note
        if link:
            task.evidence_link = link
        if status == RemediationTask.Status.DONE and not (
            task.progress_note or task.evidence_link or task.evidence_file
        ):
            raise AssessmentError(MSG_TASK_DONE_EVIDENCE, "progress_note")
        source = task.status
        task.status = status
        task.done_at = timezone.now() if status == RemediationTask.Status.DONE else None
        task.save()
        _event(
            task.assessment,
            actor,
            "task_update",
            task.assessment.status,
            code=task.criterion.code,
            note=f"{source} → {status}",
        )
        return task


# --- notices -------------------------------------------------------------------------------


def _message_values(assessment: Assessment) -> dict[str, object]:
    due = assessment.due_date.strftime("%d/%m/%Y") if assessment.due_date else ""
    return {"unit": assessment.agency.name, "year": assessment.framework.year, "due": due}


def _notify(assessment: Assessment, users: Iterable[User], subject: str, kind: str) -> None:
    text = subject % _message_values(assessment)
    seq = assessment.events.count()
    outbox_enqueue_many(
        [
            {
                "channel": OutboxMessage.Channel.INTERNAL,
                "recipient": user.username,
                "subject": text,
                "body": text,
                "template": f"parindex_{kind}",
                "dedupe_key": f"par:{assessment.pk}:{kind}:{seq}:{user.pk}",
                "user": user,
            }
            for user in users
        ]
    )


def _notify_unit(assessment: Assessment, subject: str, kind: str) -> None:
    _notify(assessment, _unit_people(assessment), subject, kind)


def _notify_role(assessment: Assessment, role: str, subject: str, kind: str) -> None:
    users = User.objects.filter(is_active=True, role=role).only("pk", "username")
    _notify(assessment, users, subject, kind)


# --- reminders -----------------------------------------------------------------------------

REMIND_WORKING_DAYS = 2


def parindex_remind(now: datetime | None = None) -> int:
    """Remind the units of an assessment waiting on them (self-assessment, clarification) due
    within 2 working days or past due, and the owners of remediation tasks due within 2
    working days or late. Each reminder once per deadline and kind (the outbox's dedupe key):
    a job run twice sends nothing twice. How many messages were queued."""
    now = now or timezone.now()
    calendar = current_calendar()
    today = timezone.localtime(now).date()
    soon = timezone.localtime(calendar.add_working_days(now, REMIND_WORKING_DAYS)).date()
    queued = 0
    waiting = Assessment.objects.filter(
        status__in=[Assessment.Status.DRAFT, Assessment.Status.CLARIFICATION],
        due_date__isnull=False,
        due_date__lte=soon,
    ).select_related("agency", "framework")
    for assessment in waiting:
        kind = "overdue" if assessment.due_date < today else "due_soon"
        subject = (
            _g("Quá hạn gửi kết quả đánh giá Chỉ số CCHC năm %(year)s (hạn %(due)s)")
            if kind == "overdue"
            else _g("Sắp đến hạn gửi kết quả đánh giá Chỉ số CCHC năm %(year)s (hạn %(due)s)")
        )
        before = OutboxMessage.objects.count()
        _notify_once(assessment, subject, f"{kind}:{assessment.status}:{assessment.due_date}")
        queued += OutboxMessage.objects.count() - before
    tasks = RemediationTask.objects.filter(
        status__in=[RemediationTask.Status.OPEN, RemediationTask.Status.IN_PROGRESS],
        due_date__lte=soon,
    ).select_related("owner", "criterion", "assessment__agency", "assessment__framework")
    for task in tasks:
        late = task.due_date < today
        subject = (
            _g("Nhiệm vụ khắc phục tiêu chí %(code)s đã quá hạn (%(due)s)")
            if late
            else _g("Nhiệm vụ khắc phục tiêu chí %(code)s sắp đến hạn (%(due)s)")
        ) % {"code": task.criterion.code, "due": task.due_date.strftime("%d/%m/%Y")}
        targets = [task.owner] if task.owner_id else list(_unit_people(task.assessment))
        before = OutboxMessage.objects.count()
        outbox_enqueue_many(
            [
                {
                    "channel": OutboxMessage.Channel.INTERNAL,
                    "recipient": user.username,
                    "subject": subject,
                    "body": task.action,
                    "template": "parindex_task_reminder",
                    "dedupe_key": f"par:task:{task.pk}:{'late' if late else 'soon'}:"
                    f"{task.due_date}:{user.pk}",
                    "user": user,
                }
                for user in targets
            ]
        )
        queued += OutboxMessage.objects.count() - before
    return queued


def _unit_people(assessment: Assessment) -> Iterable[User]:
    return User.objects.filter(
        is_active=True,
        role__in=[User.Role.REFORM_OFFICER, User.Role.LEADER],
        agency__path__startswith=assessment.agency.path,
    ).only("pk", "username")


def _notify_once(assessment: Assessment, subject: str, key: str) -> None:
    text = subject % _message_values(assessment)
    outbox_enqueue_many(
        [
            {
                "channel": OutboxMessage.Channel.INTERNAL,
                "recipient": user.username,
                "subject": text,
                "body": text,
                "template": "parindex_reminder",
                "dedupe_key": f"par:{assessment.pk}:remind:{key}:{user.pk}",
                "user": user,
            }
            for user in _unit_people(assessment)
        ]
    )
