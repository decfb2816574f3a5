"""SMS backends (tin nhắn SMS), pluggable like Django's e-mail backends.

``settings.CCHC_SMS_BACKEND`` names the class; ``sms_backend()`` builds it. The outbox job
(``cchc.core.jobs.outbox_deliver``) is the only caller: it marks a message sent only when
``send`` returned, and retries later when it raised.

- ``ConsoleSmsBackend`` (the default) writes each message to standard output, as Django's
  console e-mail backend does: the embedded default and development.
- ``LocmemSmsBackend`` keeps messages in ``cchc.core.sms.outbox`` (a list) for tests.
- ``ProviderSmsBackend`` is the stub a real provider adapter fills in (see its docstring).
"""

from __future__ import annotations

import sys
import threading
from dataclasses import dataclass
from typing import TextIO

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string


class SmsError(Exception):
    """The provider did not accept the message; the outbox retries it later."""


@dataclass(frozen=True)
class SmsMessage:
    phone: str
    text: str


# Messages "sent" through LocmemSmsBackend, oldest first (cleared by tests).
outbox: list[SmsMessage] = []


class BaseSmsBackend:
    """The interface every SMS backend implements.

    ``send(phone, text)`` returns only once the provider has accepted the message (queued it
    for delivery to the handset) and raises an exception — preferably ``SmsError`` with the
    provider's reason — otherwise. It must not swallow errors: a message whose ``send`` did not
    raise is marked sent and never sent again.
    """

    def __init__(self, **kwargs: object) -> None:
        self.options = kwargs

    def send(self, phone: str, text: str) -> None:
        raise NotImplementedError


class ConsoleSmsBackend(BaseSmsBackend):
    """Writes each message to a stream (standard output by default)."""

    def __init__(self, *, stream: TextIO | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.stream = stream or sys.stdout
        self._lock = threading.RLock()

    def send(self, phone: str, text: str) -> None:
        stamp = timezone.localtime().strftime("%H:%M:%S %d/%m/%Y")
        with self._lock:
            self.stream.write(f"SMS → {phone} [{stamp}]\n{text}\n{'-' * 79}\n")
            self.stream.flush()


class LocmemSmsBackend(BaseSmsBackend):
    """Appends each message to ``cchc.core.sms.outbox``."""

    def send(self, phone: str, text: str) -> None:
        outbox.append(SmsMessage(phone=phone, text=text))


class ProviderSmsBackend(BaseSmsBackend):
    """Stub for a real SMS provider (an SMS brandname gateway of a Vietnamese carrier or
    aggregator). Copy this class into a module of the deployment, implement ``send`` with the
    provider's HTTP API and point ``CCHC_SMS_BACKEND`` at it. The contract:

    - read credentials from the environment (``CCHC_SMS_*`` variables), never from code;
    - normalise ``phone`` to the provider's format (usually ``84xxxxxxxxx``);
    - ``text`` is Vietnamese with diacritics: send it as Unicode (UCS-2) or, if the contract
      allows only GSM-7, strip the diacritics first (NFD, drop combining marks, đ → d); keep it
      within 3 segments;
    - call the provider with a timeout of a few seconds and raise ``SmsError`` on any refusal,
      timeout or unexpected answer, so that the outbox retries;
    - return only after the provider answered "accepted".

    Until it is implemented it refuses every message, so nothing is marked sent by mistake.
    """

    def send(self, phone: str, text: str) -> None:
        raise SmsError("ProviderSmsBackend is a stub: implement send() for your SMS provider")


def sms_backend(path: str | None = None, **kwargs: object) -> BaseSmsBackend:
    """An instance of ``path`` (default ``settings.CCHC_SMS_BACKEND``)."""
    return import_string(path or settings.CCHC_SMS_BACKEND)(**kwargs)
