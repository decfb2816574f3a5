"""Backends the ops fault tests point the settings at: an SMS gateway that refuses a number
of messages before it accepts, and a payment gateway whose server never answers."""

from __future__ import annotations

import urllib.request

from cchc.core.sms import BaseSmsBackend, SmsError
from cchc.dossiers.payments.sandbox import SandboxGateway


class FlakySmsBackend(BaseSmsBackend):
    """Refuses the next ``refusals`` messages (the provider's "try later"), then accepts and
    keeps each accepted message in ``accepted``."""

    refusals = 0
    accepted: list[tuple[str, str]] = []

    def send(self, phone: str, text: str) -> None:
        if FlakySmsBackend.refusals > 0:
            FlakySmsBackend.refusals -= 1
            raise SmsError("provider busy, try later")
        FlakySmsBackend.accepted.append((phone, text))


class StalledGateway(SandboxGateway):
    """Registers the order over HTTP with a server that never answers (``port``), as a real
    adapter does with its gateway: the call times out."""

    port = 0

    def create_payment(self, payment, *, return_url, notify_url):
        url = f"http://127.0.0.1:{StalledGateway.port}/orders"
        with urllib.request.urlopen(url, timeout=1) as answer:
            return answer.read().decode()
