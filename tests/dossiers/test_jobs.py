"""The escalation job and the generated workflow document."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from cchc.core.models import OutboxMessage
from cchc.dossiers.jobs import dossiers_escalate
from cchc.dossiers.selectors import step_escalations_for_leader
from cchc.dossiers.services import dossier_request_supplement
from cchc.dossiers.workflow_doc import workflow_markdown
from tests.dossiers.helpers import at, receive

pytestmark = pytest.mark.django_db


def test_overdue_and_due_soon_steps_reach_the_leader_once(world, leader):
    leader.email = "lanh.pham@xaydung.binhson.gov.vn"
    leader.save()
    d = receive(world, now=at(2025, 3, 3, 9))  # specialist step due 20/03 16:00 (110 h)
    assert dossiers_escalate(now=at(2025, 3, 10, 9)) == 0
    # 17/03 09:00: 30 h left of 110 (more than a quarter); 18/03 09:00: 22 h left (less)
    assert dossiers_escalate(now=at(2025, 3, 17, 9)) == 0
    assert dossiers_escalate(now=at(2025, 3, 18, 9)) == 1
    notice = OutboxMessage.objects.get(user=leader, channel="internal")
    assert "sắp đến hạn" in notice.subject and d.code in notice.subject
    assert OutboxMessage.objects.filter(user=leader, channel="email").count() == 1
    assert dossiers_escalate(now=at(2025, 3, 19, 9)) == 0  # once per step and kind
    assert dossiers_escalate(now=at(2025, 3, 21, 9)) == 1  # now overdue
    rows = step_escalations_for_leader(leader, now=at(2025, 3, 21, 9))
    assert [(r["dossier"].code, r["kind"]) for r in rows] == [(d.code, "overdue")]


def test_a_paused_dossier_is_not_escalated(world, specialist, leader):
    d = receive(world, now=at(2025, 3, 3, 9))
    dossier_request_supplement(
        actor=specialist, dossier=d, items=["Bản vẽ"], reason="", now=at(2025, 3, 4)
    )
    assert dossiers_escalate(now=at(2025, 4, 30, 9)) == 0
    assert step_escalations_for_leader(leader, now=at(2025, 4, 30, 9)) == []


def test_other_roles_have_no_escalation_list(world, specialist):
    receive(world, now=at(2025, 3, 3, 9))
    assert step_escalations_for_leader(specialist, now=at(2025, 3, 28)) == []


def test_workflow_document_is_generated_from_the_table():
    path = Path(settings.BASE_DIR) / "docs" / "workflow.md"
    assert path.read_text(encoding="utf-8") == workflow_markdown(), (
        "docs/workflow.md is stale: run `python manage.py workflow_chart`"
    )


def test_uploads_sweep_removes_only_old_unreferenced_files(world, settings, tmp_path):
    from datetime import timedelta

    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.utils import timezone

    from cchc.dossiers.jobs import uploads_sweep
    from cchc.dossiers.models import DossierDocument

    settings.MEDIA_ROOT = str(tmp_path)
    d = receive(world, now=at(2025, 3, 3, 9))
    kept = default_storage.save("dossiers/2025/03/kept.pdf", ContentFile(b"%PDF-1.4 kept"))
    DossierDocument.objects.create(dossier=d, name="Đơn", file=kept)
    orphan = default_storage.save("dossiers/2025/03/orphan.pdf", ContentFile(b"%PDF-1.4 lost"))
    assert uploads_sweep() == 0  # the orphan is younger than a day: maybe still committing
    later = timezone.now() + timedelta(days=2)
    assert uploads_sweep(now=later) == 1
    assert default_storage.exists(kept) and not default_storage.exists(orphan)


def test_uploads_sweep_keeps_the_files_feedback_and_par_index_evidence_refer_to(
    world, settings, tmp_path
):
    """Feedback attachments and PAR Index evidence are stored by the portal's upload code,
    under the same folder as dossier papers: the sweep must know them as referenced."""
    from datetime import timedelta

    from django.core.files.storage import default_storage
    from django.utils import timezone

    from cchc.dossiers.jobs import uploads_sweep
    from cchc.feedback.services import FeedbackInput, feedback_receive
    from cchc.parindex.services import assessment_open, evidence_add
    from tests.feedback.conftest import SENDER
    from tests.parindex.conftest import build_framework, pdf

    settings.MEDIA_ROOT = str(tmp_path)
    data = FeedbackInput(
        kind="phan_anh",
        category="officer_conduct",
        title="Yêu cầu giấy tờ ngoài quy định",
        content="Cán bộ yêu cầu nộp thêm bản sao sổ hộ khẩu.",
        sender=SENDER,
        subject_agency=world.construction,
    )
    item = feedback_receive(data, channel="portal", files=[pdf("anh-chup.pdf")])
    attachment = item.attachments.get().file.name
    assessment = assessment_open(
        build_framework(), world.construction, actor=world.home_affairs_evaluator
    )
    evidence = evidence_add(assessment, "1.1", actor=world.reform_officer, file=pdf()).file.name
    assert uploads_sweep(now=timezone.now() + timedelta(days=2)) == 0
    assert default_storage.exists(attachment) and default_storage.exists(evidence)
