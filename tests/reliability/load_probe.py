"""Probe of nginx's overload protection, run inside the production shape by
tests/reliability/test_load_overload.py (``scripts/serve_prod.sh --run python load_probe.py``
with ``CCHC_PROD_APP_INFLIGHT=2`` and ``CCHC_PROD_CLIENT_RATE=1``). Prints one JSON object.
"""

from __future__ import annotations

import http.client
import json
import os
import threading
from pathlib import Path
from urllib.parse import urlsplit

URL = urlsplit(os.environ["CCHC_PROD_URL"])


def request(
    method: str,
    path: str,
    *,
    body: bytes = b"",
    headers: dict | None = None,
    source: str = "127.0.0.1",
) -> dict:
    conn = http.client.HTTPConnection(
        URL.hostname, URL.port, timeout=60, source_address=(source, 0)
    )
    try:
        conn.request(method, path, body=body or None, headers=headers or {})
        answer = conn.getresponse()
        text = answer.read().decode("utf-8", "replace")
        return {
            "status": answer.status,
            "body": text,
            "retry_after": answer.getheader("Retry-After"),
            "type": answer.getheader("Content-Type", ""),
        }
    finally:
        conn.close()


def together(count: int, path: str) -> list[dict]:
    """``count`` requests sent at the same moment, each from its own address."""
    barrier = threading.Barrier(count)
    answers: list[dict] = [{}] * count

    def one(i: int) -> None:
        barrier.wait()
        answers[i] = request("GET", path, source=f"127.0.3.{i + 1}")

    threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return answers


def first_busy(path: str) -> tuple[list[int], dict | None]:
    statuses: list[int] = []
    for _ in range(5):
        answers = together(24, path)
        statuses += [a["status"] for a in answers]
        busy = [a for a in answers if a["status"] == 503]
        if busy:
            return statuses, busy[0]
    return statuses, None


# An upload larger than nginx's in-memory buffer (16 KB): nginx writes it to a temporary file
# first, which its workers (`nobody` when we are root) must be able to create.
boundary = "cchcprobe"
upload = (
    (
        f'--{boundary}\r\nContent-Disposition: form-data; name="f"; filename="a.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    + b"%PDF-1.4\n"
    + b"0" * 200_000
    + f"\r\n--{boundary}--\r\n".encode()
)
big = request(
    "POST",
    "/dich-vu-cong/",
    body=upload,
    headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
)
page_statuses, page_busy = first_busy("/dich-vu-cong/thu-tuc/")
api_statuses, api_busy = first_busy("/api/v1/openapi.json")
# One address past its rate (1 a second, burst 5): 429.
limited = [request("GET", "/dich-vu-cong/", source="127.0.4.1") for _ in range(12)]
after = request("GET", "/dich-vu-cong/", source="127.0.4.2")
config = (Path(os.environ["CCHC_PROD_RUN_DIR"]) / "nginx/nginx.conf").read_text()
print(
    json.dumps(
        {
            "upload_status": big["status"],
            "upload_body": big["body"][:300],
            "page_statuses": page_statuses,
            "page_busy": page_busy,
            "api_busy": api_busy,
            "limited_statuses": [a["status"] for a in limited],
            "limited_example": next((a for a in limited if a["status"] == 429), None),
            "after_status": after["status"],
            "config_has_inflight": "limit_conn app_inflight 2;" in config,
        },
        ensure_ascii=False,
    )
)
