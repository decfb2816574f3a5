"""Feedback fixtures: a justice leader (the world has only its specialist) and a helper that
registers an item through the service, as every door does."""

from __future__ import annotations

from datetime import datetime

import pytest

from cchc.domain.workdays import VN_TZ
from cchc.feedback.services import FeedbackInput, Sender, feedback_receive
from cchc.org.models import User
from tests.factories import UserFactory


def vn(*args: int) -> datetime:
    return datetime(*args, tzinfo=VN_TZ)


SENDER = Sender(
    name="Nguyễn Văn Gửi",
    address="12 Lê Lợi, phường Tân An",
    phone="0987 654 321",
    email="gui@example.vn",
)


def receive(
    world,
    *,
    at: datetime | None = None,
    category: str = "officer_conduct",
    channel: str = "portal",
    **overrides,
):
    data = FeedbackInput(
        kind=overrides.pop("kind", "phan_anh"),
        category=category,
        title=overrides.pop("title", "Hồ sơ xây dựng bị yêu cầu giấy tờ ngoài quy định"),
        content=overrides.pop(
            "content",
            "Cán bộ yêu cầu nộp thêm bản sao sổ hộ khẩu, giấy tờ không có trong thành phần hồ sơ.",
        ),
        sender=overrides.pop("sender", SENDER),
        subject_agency=overrides.pop("subject_agency", world.construction),
        **overrides,
    )
    return feedback_receive(data, channel=channel, now=at)


@pytest.fixture
def justice_leader(world) -> User:
    return UserFactory(
        username="t.justice.leader",
        full_name="Đỗ Văn Tư",
        role=User.Role.LEADER,
        agency=world.justice,
    )
