"""The declared authorisation matrix: what each role gets on each route (a GET), on the objects
of agency A (Sở Xây dựng) and citizen A built by ``tests/authz/authz_objects.py``.

Columns, in ``authz_sweep.ROLES`` order:
    anon    not signed in          cit_a   citizen A (applicant)   cit_b   citizen B
    desk    A's counter officer    spec    A's specialist           lead    A's leader
    reform  A's reform officer     other   agency B's specialist    ha      Home Affairs
    admin   system administrator (superuser)

Answers: OK 200 · LOGIN 302 to a sign-in page · REDIR 302 elsewhere · DENY 403 · GONE 404 ·
NOPE 405 (method not allowed) · any other status as its number ('400', '401', '422').

House rule: another agency's object is GONE (404), never DENY (403). DENY appears only where a
role may not use a page at all (a citizen on a staff page, an officer on a citizen's page, a
role outside a module) — the same answer whatever the object, so it confirms nothing.

Unsafe methods: every role whose GET is LOGIN, DENY or GONE also POSTs (an empty body, CSRF
checks off, as a valid form would pass them) and must be refused (LOGIN, DENY, GONE, NOPE or,
on the API, 401). Routes that only take POST declare ``post=``: REFUSED for the roles
without rights, None for the roles with them (not called: the sweep does not act).

A new route fails ``test_every_route_has_a_row_in_the_matrix`` until it gets a row here. The
admin site's routes are declared together (``ADMIN``): every role but the administrator is sent
to the admin's sign-in page; the administrator gets 200 except where ``ADMIN`` says otherwise.
"""

# ruff: noqa: E501 — one row per route, one column per role, reads as a table
from __future__ import annotations

from dataclasses import dataclass

from tests.authz.authz_sweep import DENIED, LOGIN, METHOD, MISSING, OK, REDIRECT, ROLES

REDIR = REDIRECT
DENY = DENIED
GONE = MISSING
NOPE = METHOD
REFUSED = "refused"


@dataclass(frozen=True)
class Row:
    get: dict[str, str]
    post: dict[str, str | None]


def row(*answers: str, post: tuple[str | None, ...] | None = None) -> Row:
    assert len(answers) == len(ROLES)
    get = dict(zip(ROLES, answers, strict=True))
    if post is None:
        post = tuple(REFUSED if a in (LOGIN, DENY, GONE) else None for a in answers)
    return Row(get=get, post=dict(zip(ROLES, post, strict=True)))


# fmt: off
MATRIX: dict[str, Row] = {
    'home': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'healthz': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    # Readiness for the load balancer: states and counts only, the same for everyone.
    'readyz': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    # Two-step sign-in (issue 14 item 9): officers may turn it on; citizens are never asked.
    'otp_manage': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    # An administrator already enrolled (and verified) is sent on; the code page has nothing
    # to ask of a session that is verified or never needs it, and sends it on too.
    'otp_enrol': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, REDIR),
    'otp_verify': row(LOGIN, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR),
    'otp_remove': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, None, None, None, None, None, None, None)),
    # The security log's search: the system administrator only (issue 14 item 8).
    'security_log': row(LOGIN, DENY, DENY, DENY, DENY, DENY, DENY, DENY, DENY, OK),
    # The icon is a redirect to the static file.
    'favicon.ico': row(REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR),
    'login': row(OK, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR),
    'logout': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(None, None, None, None, None, None, None, None, None, None)),
    'password_change': row(LOGIN, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'set_language': row(REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR),
    # Staff pages refuse a citizen by role (403, whatever the object: nothing is confirmed).
    'catalog:procedure_list': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'catalog:procedure_export': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'catalog:procedure_import': row(LOGIN, DENY, DENY, DENY, DENY, DENY, DENY, DENY, DENY, OK),
    'catalog:procedure_detail': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    # Home Affairs and the admin belong to no one-stop desk: the book asks which (400, no 500).
    'dossier_print:tracking_book': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, '400', '400'),
    'dossier_print:form': row(LOGIN, DENY, DENY, OK, OK, OK, OK, GONE, OK, OK),
    'dossiers:worklist': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'dossiers:worklist_counts': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'dossiers:bulk': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, None, None, None, None, None, None, None)),
    'dossiers:intake': row(LOGIN, DENY, DENY, OK, DENY, OK, DENY, DENY, DENY, DENY),
    'dossiers:intake_procedures': row(LOGIN, DENY, DENY, OK, DENY, OK, DENY, DENY, DENY, DENY),
    'dossiers:alerts': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'dossiers:notice_read_all': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, None, None, None, None, None, None, None)),
    'dossiers:notice_read': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, None, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED)),
    'dossiers:payment_review': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'dossiers:payment_refund': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, None, None, None, None, REFUSED, None, None)),
    'dossiers:detail': row(LOGIN, DENY, DENY, OK, OK, OK, OK, GONE, OK, OK),
    # The sweep's dossier has no electronic result yet: 404 for everyone who may see it.
    'dossiers:result_file': row(LOGIN, DENY, DENY, GONE, GONE, GONE, GONE, GONE, GONE, GONE),
    'dossiers:file': row(LOGIN, DENY, DENY, OK, OK, OK, OK, GONE, OK, OK),
    'dossiers:action': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, None, None, None, None, REFUSED, None, None)),
    'stats:report': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'stats:report_xlsx': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'stats:procedure_report': row(LOGIN, DENY, DENY, OK, OK, OK, OK, GONE, OK, OK),
    'stats:dashboard': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'stats:dashboard_export': row(LOGIN, DENY, DENY, GONE, GONE, OK, OK, GONE, OK, OK),
    # Officer watch and duty pages: leaders, reform officers, Home Affairs and the admin only;
    # agency B's specialist is refused by role like agency A's (403), not by object.
    'stats:officer_watch': row(LOGIN, DENY, DENY, DENY, DENY, OK, OK, DENY, OK, OK),
    'stats:officer_watch_xlsx': row(LOGIN, DENY, DENY, DENY, DENY, OK, OK, DENY, OK, OK),
    'stats:officer_detail': row(LOGIN, DENY, DENY, DENY, DENY, OK, OK, DENY, OK, OK),
    'stats:duty': row(LOGIN, DENY, DENY, DENY, DENY, OK, OK, DENY, OK, OK),
    'stats:duty_export': row(LOGIN, DENY, DENY, DENY, DENY, OK, OK, DENY, OK, OK),
    'stats:duty_officer': row(LOGIN, DENY, DENY, DENY, DENY, OK, OK, DENY, OK, OK),
    'stats:duty_agency': row(LOGIN, DENY, DENY, DENY, DENY, OK, OK, DENY, OK, OK),
    'stats:entered_values': row(LOGIN, DENY, DENY, DENY, DENY, OK, OK, DENY, OK, OK),
    'evaluation:appraise': row(LOGIN, DENY, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK),
    'feedback:worklist': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'feedback:attention': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'feedback:intake': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    # No answer is drafted on the sweep's item yet: no letter (404).
    'feedback:letter': row(LOGIN, DENY, DENY, GONE, GONE, GONE, GONE, GONE, GONE, GONE),
    'feedback:detail': row(LOGIN, DENY, DENY, OK, OK, OK, OK, GONE, OK, OK),
    'feedback:attachment': row(LOGIN, DENY, DENY, OK, OK, OK, OK, GONE, OK, OK),
    'feedback:action': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, None, None, None, None, REFUSED, None, None)),
    'surveys:list': row(LOGIN, DENY, DENY, DENY, DENY, DENY, OK, DENY, OK, OK),
    'surveys:open': row(LOGIN, DENY, DENY, DENY, DENY, DENY, OK, DENY, OK, OK),
    'surveys:detail': row(LOGIN, DENY, DENY, DENY, DENY, DENY, OK, DENY, OK, OK),
    'surveys:enter': row(LOGIN, DENY, DENY, DENY, DENY, DENY, OK, DENY, OK, OK),
    'surveys:results': row(LOGIN, DENY, DENY, DENY, DENY, DENY, OK, DENY, OK, OK),
    'surveys:results_xlsx': row(LOGIN, DENY, DENY, DENY, DENY, DENY, OK, DENY, OK, OK),
    'surveys:results_docx': row(LOGIN, DENY, DENY, DENY, DENY, DENY, OK, DENY, OK, OK),
    'surveys:cards': row(LOGIN, DENY, DENY, DENY, DENY, DENY, OK, DENY, OK, OK),
    'parindex:framework_list': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'parindex:framework_import': row(LOGIN, DENY, DENY, DENY, DENY, DENY, DENY, DENY, OK, OK),
    'parindex:framework_detail': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'parindex:framework_export': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'parindex:framework_copy': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, None, None)),
    'parindex:framework_open': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, None, None)),
    'parindex:results': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    # The province-wide ranking is open to every officer; a unit's scorecard to its leader and
    # reform officer (its counter officer and specialist: 404), Home Affairs and the admin.
    'parindex:ranking': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'parindex:ranking_export': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'parindex:criteria': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'parindex:scorecard': row(LOGIN, DENY, DENY, GONE, GONE, OK, OK, GONE, OK, OK),
    'parindex:scorecard_pdf': row(LOGIN, DENY, DENY, GONE, GONE, OK, OK, GONE, OK, OK),
    'parindex:remediation_list': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    # Remediation: Home Affairs or the unit's leader assigns (the reform officer and the admin
    # are refused by role); the unit's people and Home Affairs update.
    'parindex:remediation_create': row(LOGIN, DENY, DENY, GONE, GONE, OK, DENY, GONE, OK, DENY),
    'parindex:remediation_update': row(LOGIN, DENY, DENY, GONE, GONE, OK, OK, GONE, OK, OK),
    'parindex:assessments': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'parindex:publish': row(LOGIN, DENY, DENY, DENY, DENY, DENY, DENY, DENY, OK, DENY),
    'parindex:assessment': row(LOGIN, DENY, DENY, GONE, GONE, OK, OK, GONE, OK, OK),
    'parindex:assessment_history': row(LOGIN, DENY, DENY, GONE, GONE, OK, OK, GONE, OK, OK),
    'parindex:assessment_refresh': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, None, None, REFUSED, None, None)),
    'parindex:assessment_action': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, None, None, REFUSED, None, None)),
    'parindex:criterion': row(LOGIN, DENY, DENY, GONE, GONE, OK, OK, GONE, OK, OK),
    'parindex:criterion_action': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, None, None, REFUSED, None, None)),
    'parindex:evidence_file': row(LOGIN, DENY, DENY, GONE, GONE, OK, OK, GONE, OK, OK),
    'parindex:evidence_remove': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, None, None, REFUSED, '400', '400')),
    'plans:plans': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'plans:plan_import': row(LOGIN, DENY, DENY, DENY, DENY, OK, OK, DENY, OK, DENY),
    'plans:plan': row(LOGIN, DENY, DENY, OK, OK, OK, OK, GONE, OK, OK),
    'plans:plan_export': row(LOGIN, DENY, DENY, OK, OK, OK, OK, GONE, OK, OK),
    'plans:task': row(LOGIN, DENY, DENY, OK, OK, OK, OK, GONE, OK, OK),
    'plans:task_parent': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, None, None, None, None, REFUSED, None, None)),
    'plans:reports': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'plans:report_open': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, None, None, None, None, None, None, None)),
    'plans:report': row(LOGIN, DENY, DENY, OK, OK, OK, OK, GONE, OK, OK),
    'plans:report_edit': row(LOGIN, DENY, DENY, DENY, DENY, OK, OK, GONE, DENY, DENY),
    'plans:report_submit': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, None, None, None, None, REFUSED, None, None)),
    'plans:report_return': row(LOGIN, DENY, DENY, DENY, DENY, DENY, DENY, GONE, OK, OK),
    'plans:report_accept': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, None, None, None, None, REFUSED, None, None)),
    'plans:report_download': row(LOGIN, DENY, DENY, OK, OK, OK, OK, GONE, OK, OK),
    'plans:inspections': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'plans:inspection_plan': row(LOGIN, DENY, DENY, DENY, DENY, OK, OK, DENY, OK, DENY),
    'plans:inspection': row(LOGIN, DENY, DENY, OK, OK, OK, OK, GONE, OK, OK),
    'plans:inspection_record': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, None, None, None, None, REFUSED, None, None)),
    'plans:finding_add': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, None, None, None, None, REFUSED, None, None)),
    'plans:finding_close': row(LOGIN, DENY, DENY, DENY, DENY, OK, OK, GONE, OK, DENY),
    'plans:finding_file': row(LOGIN, DENY, DENY, OK, OK, OK, OK, GONE, OK, OK),
    'plans:inspection_close': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, REFUSED, REFUSED, None, None, None, None, REFUSED, None, None)),
    'plans:inspection_minute': row(LOGIN, DENY, DENY, OK, OK, OK, OK, GONE, OK, OK),
    'plans:registers': row(LOGIN, DENY, DENY, OK, OK, OK, OK, OK, OK, OK),
    'plans:register_iso': row(LOGIN, DENY, DENY, OK, OK, OK, OK, GONE, OK, OK),
    'plans:register_documents_csv': row(LOGIN, DENY, DENY, DENY, DENY, OK, OK, DENY, OK, OK),
    'plans:register_documents': row(LOGIN, DENY, DENY, OK, OK, OK, OK, GONE, OK, OK),
    'transparency:province': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'transparency:agency': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'transparency:board': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'transparency:board_content': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'portal:home': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'portal:catalog': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'portal:procedure': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'portal:lookup': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    # Citizen A's own dossiers; citizen B gets 404 (another's), officers 404 or 403 by role.
    'portal:rate': row(LOGIN, OK, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE),
    # A QR token redirects to the rating form whoever holds it (the token is the right).
    'portal:rate_token': row(REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR),
    'portal:account': row(LOGIN, OK, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY),
    'portal:signup': row(OK, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR),
    'portal:login': row(OK, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR),
    # Erasure (issue 14 item 10): the citizen's own request; the page after it is public.
    'portal:account_erase': row(LOGIN, OK, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY),
    'portal:account_erased': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'portal:account_export': row(LOGIN, OK, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY),
    'portal:account_close': row(LOGIN, OK, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY),
    'portal:account_closed': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'portal:password_change': row(LOGIN, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'portal:password_reset': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'portal:password_reset_sent': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'portal:password_reset_confirm': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'portal:password_reset_done': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'portal:verify_send': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, None, None, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED)),
    # A wrong one-time token: 400 for everyone.
    'portal:verify_contact': row('400', '400', '400', '400', '400', '400', '400', '400', '400', '400'),
    'portal:my_dossiers': row(LOGIN, OK, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY),
    'portal:apply': row(LOGIN, OK, OK, DENY, DENY, DENY, DENY, DENY, DENY, DENY),
    'portal:draft': row(LOGIN, REDIR, GONE, DENY, DENY, DENY, DENY, DENY, DENY, DENY),
    'portal:my_dossier': row(LOGIN, OK, GONE, DENY, DENY, DENY, DENY, DENY, DENY, DENY),
    'portal:dossier_file': row(LOGIN, OK, GONE, DENY, DENY, DENY, DENY, DENY, DENY, DENY),
    'portal:dossier_result': row(LOGIN, GONE, GONE, DENY, DENY, DENY, DENY, DENY, DENY, DENY),
    'portal:supplement': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, None, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED)),
    'portal:withdraw': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, None, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED)),
    'portal:return_method': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(REFUSED, None, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED)),
    'portal:payment_start': row(LOGIN, OK, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE),
    'portal:payment_return': row(LOGIN, OK, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE),
    # The sweep's payment is pending: no receipt yet (404).
    'portal:payment_receipt': row(LOGIN, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE),
    'portal:payment_receipt_pdf': row(LOGIN, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE),
    # The gateway's signed callback: unsigned → 400, whoever calls.
    'portal:payment_callback': row('400', '400', '400', '400', '400', '400', '400', '400', '400', '400'),
    'portal:sandbox_pay': row('400', '400', '400', '400', '400', '400', '400', '400', '400', '400'),
    'public_lookup': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'feedback_public:list': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'feedback_public:send': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'feedback_public:sent': row(REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR),
    'feedback_public:follow': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    # The sweep's item is not published: 404 on the public page for everyone.
    'feedback_public:detail': row(GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE),
    'surveys_public:thanks': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'surveys_public:respond': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'parindex_public:index': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'parindex_public:ranking': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'parindex_public:scorecard': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'api-1:openapi-json': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'api-1:openapi-view': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'api-1:procedures': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'api-1:procedure_detail': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    # Calendar, public lookup and serving-index calls need query parameters: 422 without them.
    'api-1:due_date': row('422', '422', '422', '422', '422', '422', '422', '422', '422', '422'),
    'api-1:working_days': row('422', '422', '422', '422', '422', '422', '422', '422', '422', '422'),
    # The API signs in by bearer token only (each persona sends its own); 401 without one.
    'api-1:me': row('401', OK, OK, OK, OK, OK, OK, OK, OK, OK),
    # Same path as dossier_list: a GET lists, a POST receives (checked for refusals only).
    'api-1:dossier_create': row('401', OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'api-1:dossier_list': row('401', OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'api-1:dossier_get': row('401', OK, GONE, OK, OK, OK, OK, GONE, OK, OK),
    'api-1:dossier_act': row(NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, NOPE, post=(None, None, None, None, None, None, None, None, None, None)),
    'api-1:dossier_form': row('401', OK, GONE, OK, OK, OK, OK, GONE, OK, OK),
    'api-1:dossier_public': row('422', '422', '422', '422', '422', '422', '422', '422', '422', '422'),
    'api-1:serving_index_get': row('422', '422', '422', '422', '422', '422', '422', '422', '422', '422'),
    'api-1:survey_results': row('401', DENY, DENY, DENY, DENY, DENY, DENY, DENY, OK, DENY),
    'api-1:duty_flags_get': row('401', '422', '422', '422', '422', '422', '422', '422', '422', '422'),
    # Published results are public.
    'api-1:ranking_get': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    # The caller's own unit's plan of the year: Home Affairs' and the admin's units have none.
    'api-1:plan_get': row('401', GONE, GONE, OK, OK, OK, OK, GONE, GONE, GONE),
    'api-1:api-root': row(GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE),
    # Open311 GeoReport v2 is public by design: statuses only, the content once published and
    # nothing personal (cchc.feedback.open311.items.request_out).
    'open311:discovery': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'open311:services': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'open311:service': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'open311:requests': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'open311:request': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, OK),
    'open311:token': row(GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE),
    'open311:not_found': row(GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE, GONE),
    'admin:login': row(OK, OK, OK, OK, OK, OK, OK, OK, OK, REDIR),
    'admin:logout': row(REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, REDIR, NOPE),
}
# fmt: on

# The administrator's answer on admin routes other than 200. 403: the model is read-only or
# append-only in the admin (no add, no delete: official records are never deleted); 302: the
# model has no row in the sweep's database, the admin sends back to its index; 404: no such page.
ADMIN: dict[str, str] = {
    "admin:login": REDIR,
    "admin:logout": NOPE,
    "admin:autocomplete": DENY,
    "admin:view_on_site": GONE,
    "admin:auth_group_history": REDIR,
    "admin:auth_group_delete": REDIR,
    "admin:auth_group_change": REDIR,
    "admin:axes_accessattempt_add": DENY,
    "admin:axes_accessattempt_history": REDIR,
    "admin:axes_accessattempt_delete": REDIR,
    "admin:axes_accessattempt_change": REDIR,
    "admin:axes_accesslog_add": DENY,
    "admin:axes_accessfailurelog_add": DENY,
    "admin:axes_accessfailurelog_history": REDIR,
    "admin:axes_accessfailurelog_delete": REDIR,
    "admin:axes_accessfailurelog_change": REDIR,
    "admin:core_calendarversion_add": DENY,
    "admin:core_calendarversion_delete": DENY,
    "admin:core_calendardaychange_add": DENY,
    "admin:core_calendardaychange_delete": DENY,
    "admin:core_outboxmessage_add": DENY,
    "admin:core_outboxmessage_delete": DENY,
    "admin:org_apitoken_add": DENY,
    # Devices are enrolled by their owner's phone, never typed in by an administrator: the
    # device list is read-only, its one action removal (a lost phone).
    "admin:otp_totp_totpdevice_add": DENY,
    "admin:dossiers_documentaccess_add": DENY,
    "admin:dossiers_documentaccess_history": REDIR,
    "admin:dossiers_documentaccess_delete": DENY,
    "admin:dossiers_documentaccess_change": REDIR,
    "admin:stats_enteredvalue_history": REDIR,
    "admin:stats_enteredvalue_delete": REDIR,
    "admin:stats_enteredvalue_change": REDIR,
    "admin:satisfaction_rating_add": DENY,
    "admin:satisfaction_rating_delete": DENY,
    "admin:feedback_feedbackitem_add": DENY,
    "admin:feedback_feedbackitem_delete": DENY,
    "admin:feedback_open311client_add": DENY,
    "admin:feedback_open311client_history": REDIR,
    "admin:feedback_open311client_delete": REDIR,
    "admin:feedback_open311client_change": REDIR,
    "admin:surveys_campaign_add": DENY,
    "admin:parindex_framework_add": DENY,
    "admin:parindex_framework_delete": DENY,
    "admin:parindex_criterion_add": DENY,
    "admin:parindex_criterion_delete": DENY,
    "admin:parindex_assessment_add": DENY,
    "admin:parindex_assessment_delete": DENY,
    "admin:parindex_score_add": DENY,
    "admin:parindex_score_delete": DENY,
    "admin:parindex_evidence_add": DENY,
    "admin:parindex_evidence_delete": DENY,
    "admin:parindex_assessmentevent_add": DENY,
    "admin:parindex_assessmentevent_delete": DENY,
    "admin:parindex_publishedresult_add": DENY,
    "admin:parindex_publishedresult_delete": DENY,
    "admin:parindex_remediationtask_add": DENY,
    "admin:parindex_remediationtask_delete": DENY,
    "admin/(?P<url>.*)$": GONE,
}


def row_for(name: str) -> Row | None:
    """The declared row of route ``name``, or None when it has none."""
    if name in MATRIX:
        return MATRIX[name]
    if name.startswith(("admin:", "admin/")):
        others = [LOGIN] * (len(ROLES) - 1)
        if name.endswith("/<path:object_id>/"):  # the old address of a change page
            return row(*others, REDIR)
        return row(*others, ADMIN.get(name, OK))
    return None
