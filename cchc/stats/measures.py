"""The measures of the serving-quality index: each a named count per resolving agency over a
period, read from the exact summary tables or the published catalogue — never by scanning
dossiers (ARCHITECTURE "Fast by construction"). An indicator of the configuration
(``cchc.stats.models.IndexIndicator``) names one measure as its numerator and one as its
denominator; ``ENTERED`` instead means the reform office enters both per agency and period.

Sources, and the one query each costs for every agency of the period together:

- ``DOSSIERS`` — sums over ``DossierDailyStat`` (days in the period, by resolving agency);
- ``RATINGS`` — sums over ``SatisfactionDailyStat`` (the applicants' overall ratings);
- ``CATALOGUE`` — the procedures of the authority in the catalogue as announced by the end of
  the period: of each procedure, its latest ``ProcedureVersion`` whose publishing decision is
  dated on or before the period's last day (its publication day in the platform when it has
  no decision date), unless that version abolished it. A procedure is an agency's when the
  agency is its competent agency, or, when it has none (the receiving agency resolves, e.g. a
  commune's civil status), when the agency receives it;
- ``FEEDBACK`` — sums over ``FeedbackDailyStat`` (the feedback and petitions counters of the
  agency that received or answered an item, a division rolled up to its unit); counted only
  for the agencies the dossier and rating counters bring into the index;
- ``SURVEY`` — the answers of the closed survey campaigns whose period ends in the period
  (``cchc.surveys.selectors.survey_agency_indexes``, one query), an agency's divisions rolled
  up to it; counted only for the agencies the dossier and rating counters bring into the index;
- ``USAGE`` — the catalogue's procedures crossed with one more sum over ``DossierDailyStat``
  per (resolving agency, procedure): which of them had an online dossier, an online payment;
- ``REGISTERED`` — counts an app above this one keeps (the modernisation registers of
  ``cchc.plans``: documents sent and received per month) and hands over through a provider it
  registers from its ``AppConfig.ready`` (``register_measure_provider``; ARCHITECTURE "Layers":
  a lower app takes what it needs of a higher one as a registered hook). One query per
  provider; the units it counts join the index even without a dossier or a rating.

Each measure's docstring (``Measure.doc``) says what it counts and any approximation; the
guide for leaders and reform officers (docs/guide/serving-index.md) says the same in words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import F, Q, Sum
from django.utils.translation import gettext_lazy as _

DOSSIERS = "dossiers"
RATINGS = "ratings"
CATALOGUE = "catalogue"
USAGE = "usage"
FEEDBACK = "feedback"
SURVEY = "survey"
REGISTERED = "registered"

ENTERED = "entered"
ONLINE = "online"
OFFERING_ONLINE = ("partial", "full")


@dataclass(frozen=True)
class Measure:
    name: str
    label: object  # lazy text
    source: str
    doc: str
    aggregate: object = None  # DOSSIERS, RATINGS and FEEDBACK: the Sum over the day rows


MEASURES: dict[str, Measure] = {
    m.name: m
    for m in (
        Measure(
            "dossiers_received",
            _("Hồ sơ tiếp nhận"),
            DOSSIERS,
            "Dossiers received in the period (every channel: in person, online, postal).",
            Sum("received"),
        ),
        Measure(
            "dossiers_received_online",
            _("Hồ sơ nộp trực tuyến"),
            DOSSIERS,
            "Dossiers received in the period that were submitted online.",
            Sum("received", filter=Q(channel=ONLINE)),
        ),
        Measure(
            "dossiers_finished",
            _("Hồ sơ đã giải quyết"),
            DOSSIERS,
            "Dossiers whose result (issued or refused) was ready in the period: early, on "
            "time or late.",
            Sum(F("finished_early") + F("finished_on_time") + F("finished_late")),
        ),
        Measure(
            "dossiers_finished_in_time",
            _("Hồ sơ giải quyết trước hạn, đúng hạn"),
            DOSSIERS,
            "Dossiers whose result was ready in the period before or at their due moment.",
            Sum(F("finished_early") + F("finished_on_time")),
        ),
        Measure(
            "dossiers_fee_bearing",
            _("Hồ sơ có phí, lệ phí, nghĩa vụ tài chính"),
            DOSSIERS,
            "Dossiers that came to owe fees or a financial obligation in the period (counted "
            "once, on the day they first did).",
            Sum("fee_bearing"),
        ),
        Measure(
            "dossiers_paid_online",
            _("Hồ sơ thanh toán trực tuyến"),
            DOSSIERS,
            "Payments settled online in the period.",
            Sum("paid_online"),
        ),
        Measure(
            "dossiers_returned",
            _("Hồ sơ đã trả kết quả"),
            DOSSIERS,
            "Dossiers whose result was returned in the period (in person, by post or "
            "electronically).",
            Sum("returned"),
        ),
        Measure(
            "dossiers_returned_electronic",
            _("Hồ sơ trả kết quả điện tử"),
            DOSSIERS,
            "Dossiers whose result was returned electronically in the period (to the "
            "applicant's portal account, with the signed result file).",
            Sum("returned_electronic"),
        ),
        Measure(
            "ratings",
            _("Lượt đánh giá hồ sơ"),
            RATINGS,
            "Applicants' overall ratings of dossiers given in the period.",
            Sum(F("very_satisfied") + F("satisfied") + F("not_satisfied")),
        ),
        Measure(
            "ratings_satisfied",
            _("Lượt đánh giá hài lòng, rất hài lòng"),
            RATINGS,
            "Of those, satisfied or very satisfied.",
            Sum(F("very_satisfied") + F("satisfied")),
        ),
        Measure(
            "feedback_received",
            _("Phản ánh, kiến nghị tiếp nhận"),
            FEEDBACK,
            "Feedback and petitions (PAKN) the agency received in the period, every channel.",
            Sum("received"),
        ),
        Measure(
            "feedback_answered",
            _("Phản ánh, kiến nghị đã trả lời"),
            FEEDBACK,
            "Feedback items whose answer the agency's leader approved in the period (an item "
            "reopened and answered again counts again).",
            Sum("answered"),
        ),
        Measure(
            "feedback_answered_in_time",
            _("Phản ánh, kiến nghị trả lời đúng hạn"),
            FEEDBACK,
            "Of those, approved by the answer's due moment (10 working days from reaching the "
            "agency by default, plus an extension).",
            Sum(F("answered") - F("answered_late")),
        ),
        Measure(
            "feedback_published",
            _("Phản ánh, kiến nghị đã công khai trả lời"),
            FEEDBACK,
            "Answers the agency published on the public page in the period (Decree 20/2008 "
            "Art. 19).",
            Sum("published"),
        ),
        Measure(
            "survey_answers",
            _("Câu trả lời khảo sát được chấm điểm"),
            SURVEY,
            "Graded answers (the five elements, every respondent) of the closed survey "
            "campaigns whose period ends in the period.",
        ),
        Measure(
            "survey_satisfied_answers",
            _("Câu trả lời khảo sát hài lòng, rất hài lòng"),
            SURVEY,
            "Of those, satisfied or very satisfied. Their rate is the share of all graded "
            "answers, each element weighted by its answers; the campaign's overall index is "
            "the unweighted mean of the elements and differs slightly when an optional element "
            "has fewer answers.",
        ),
        Measure(
            "procedures",
            _("TTHC thuộc thẩm quyền"),
            CATALOGUE,
            "Procedures of the agency in force in the catalogue as announced by the end of "
            "the period.",
        ),
        Measure(
            "procedures_online",
            _("TTHC cung cấp dịch vụ công trực tuyến"),
            CATALOGUE,
            "Of those, offered online (partial or full process).",
        ),
        Measure(
            "procedures_fee_bearing",
            _("TTHC có phí, lệ phí"),
            CATALOGUE,
            "Procedures of the agency with a fee or charge above 0 đồng.",
        ),
        Measure(
            "procedures_fee_bearing_online",
            _("TTHC có phí, lệ phí được thanh toán trực tuyến"),
            CATALOGUE,
            "Of those, offered online (partial or full process): an applicant who files "
            "online pays through the portal's gateway, so the online offer is the online "
            "payment offer (the catalogue has no separate flag for it).",
        ),
        Measure(
            "procedures_online_used",
            _("DVC trực tuyến có phát sinh hồ sơ trực tuyến"),
            USAGE,
            "Procedures of the agency offered online that received at least one online "
            "dossier in the period.",
        ),
        Measure(
            "procedures_fee_bearing_paid_online",
            _("TTHC có phí, lệ phí phát sinh thanh toán trực tuyến"),
            USAGE,
            "Fee-bearing procedures of the agency with at least one payment settled online "
            "in the period.",
        ),
        Measure(
            "documents_total",
            _("Văn bản đi, đến"),
            REGISTERED,
            "Documents the agency sent and received in the months of the period (a month "
            "counts when its first day lies in the period), as entered monthly or imported "
            "from the document system into the register of electronic documents.",
        ),
        Measure(
            "documents_electronic",
            _("Văn bản đi, đến điện tử"),
            REGISTERED,
            "Of those, sent or received electronically (văn bản điện tử).",
        ),
    )
}

# A provider counts REGISTERED measures: (measure names, first day, last day, the agencies in
# scope or None for all, the agency level or "") → {unit pk: {measure: count}}.
MeasureProvider = Callable[[set[str], date, date, object, str], dict[int, dict[str, int]]]
_PROVIDERS: list[MeasureProvider] = []


def register_measure_provider(provider: MeasureProvider) -> None:
    """Called by an app above this one from its ``AppConfig.ready`` (idempotent)."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)


def registered_counts(
    measures: set[str], day_from: date, day_to: date, agencies: object, agency_kind: str
) -> dict[int, dict[str, int]]:
    """The REGISTERED ``measures`` of every unit, summed over the registered providers."""
    wanted = {name for name in measures if MEASURES[name].source == REGISTERED}
    found: dict[int, dict[str, int]] = {}
    if not wanted:
        return found
    for provider in _PROVIDERS:
        for pk, line in provider(wanted, day_from, day_to, agencies, agency_kind).items():
            target = found.setdefault(pk, {})
            for name, amount in line.items():
                if name in wanted:
                    target[name] = target.get(name, 0) + int(amount or 0)
    return found


MEASURE_CHOICES = [(ENTERED, _("Nhập tay theo cơ quan và kỳ"))] + [
    (m.name, m.label) for m in MEASURES.values()
]
