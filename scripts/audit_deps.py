#!/usr/bin/env python3
"""Audit of the locked requirements against a vendored advisory snapshot (OSV records).

    scripts/audit_deps.py                       check every pin of requirements/base.txt and
                                                dev.txt against requirements/advisories.osv.json
                                                (offline; the gate in `make test`)
    scripts/audit_deps.py --yanked              also ask PyPI (CCHC_AUDIT_PYPI_URL, default
                                                https://pypi.org/pypi) whether a pin is yanked;
                                                PyPI unreachable: said, not a failure
    scripts/audit_deps.py --refresh             rewrite the snapshot with pip-audit's findings
                                                for the pins (needs a vulnerability service)
    scripts/audit_deps.py --refresh-from-osv F  rewrite the snapshot from OSV's PyPI export
                                                (all.zip, downloaded elsewhere): every advisory
                                                of every locked package, all versions

Exit status: 0 clean, 1 a pin is affected (or yanked), 2 the snapshot or a file is unreadable,
3 a refresh could not reach its source (the snapshot is left as it was).

What it can and cannot catch: docs/reliability/ops.md. In short, it catches a locked version
named by an advisory that the snapshot holds — a pin moved back to a vulnerable version, or
a snapshot refreshed after the advisory was published — and never an advisory published after
the last refresh. Advisories accepted with a reason are listed in requirements/advisories-
accepted.txt ("ID package reason", one a line); an accepted advisory that no longer matches
any pin is reported so the line can go.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "requirements" / "advisories.osv.json"
ACCEPTED = ROOT / "requirements" / "advisories-accepted.txt"
LOCKS = [ROOT / "requirements" / "base.txt", ROOT / "requirements" / "dev.txt"]
SCHEMA = "cchc-advisories/1"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")
PYPI_TIMEOUT = 5


def normalise(name: str) -> str:
    """PEP 503: case and runs of -_. do not matter."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class Pin:
    name: str
    version: str
    source: str


def read_pins(paths: list[Path]) -> list[Pin]:
    pins: dict[tuple[str, str], Pin] = {}
    for path in paths:
        for line in path.read_text().splitlines():
            match = PIN.match(line.strip())
            if match:
                pin = Pin(normalise(match[1]), match[2], path.name)
                pins.setdefault((pin.name, pin.version), pin)
    return sorted(pins.values(), key=lambda p: (p.name, p.version))


def _version(text: str) -> Version | None:
    try:
        return Version(text)
    except InvalidVersion:
        return None


def range_affects(events: list[dict], version: Version) -> bool:
    """OSV ECOSYSTEM range: affected from each ``introduced`` up to the next ``fixed``
    (excluded) or ``last_affected`` (included), or without end."""
    start: Version | None = None
    affected = False
    for event in events:
        if "introduced" in event:
            start = Version("0") if event["introduced"] == "0" else _version(event["introduced"])
            if start is not None and version >= start:
                affected = True
        elif start is not None and "fixed" in event:
            fixed = _version(event["fixed"])
            if fixed is not None and version >= fixed:
                affected = False
            start = None
        elif start is not None and "last_affected" in event:
            last = _version(event["last_affected"])
            if last is not None and version > last:
                affected = False
            start = None
        if affected and start is None:
            return True
    return affected


def advisory_affects(advisory: dict, pin: Pin) -> bool:
    version = _version(pin.version)
    for affected in advisory.get("affected", []):
        package = affected.get("package", {})
        if package.get("ecosystem") != "PyPI" or normalise(package.get("name", "")) != pin.name:
            continue
        if pin.version in affected.get("versions", []):
            return True
        if version is None:
            continue
        for span in affected.get("ranges", []):
            if span.get("type") in ("ECOSYSTEM", "SEMVER") and range_affects(
                span.get("events", []), version
            ):
                return True
    return False


def load_snapshot(path: Path) -> dict:
    data = json.loads(path.read_text())
    if data.get("schema") != SCHEMA or not isinstance(data.get("advisories"), list):
        raise ValueError(f"{path} is not a {SCHEMA} snapshot")
    return data


def load_accepted(path: Path) -> dict[tuple[str, str], str]:
    accepted: dict[tuple[str, str], str] = {}
    if not path.exists():
        return accepted
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 2)
        if len(parts) < 3:
            raise ValueError(f"{path}: '{line}' needs an ID, a package and a reason")
        accepted[(parts[0], normalise(parts[1]))] = parts[2]
    return accepted


def audit(pins: list[Pin], snapshot: dict, accepted: dict[tuple[str, str], str]) -> list[str]:
    """The findings, one line each (empty: clean)."""
    findings: list[str] = []
    used: set[tuple[str, str]] = set()
    for advisory in snapshot["advisories"]:
        for pin in pins:
            if not advisory_affects(advisory, pin):
                continue
            key = (advisory["id"], pin.name)
            if key in accepted:
                used.add(key)
                print(f"accepted: {advisory['id']} {pin.name}=={pin.version} ({accepted[key]})")
                continue
            aliases = ", ".join(advisory.get("aliases", []))
            summary = advisory.get("summary") or advisory.get("details", "")[:120]
            findings.append(
                f"{pin.name}=={pin.version} ({pin.source}): {advisory['id']}"
                + (f" [{aliases}]" if aliases else "")
                + (f" — {summary}" if summary else "")
            )
    for key in sorted(set(accepted) - used):
        print(f"note: accepted {key[0]} for {key[1]} no longer matches a pin: remove the line")
    return findings


def pypi_yanked(pins: list[Pin], base_url: str) -> tuple[list[str], str]:
    """Pins whose every file PyPI marks yanked (or that are their project's latest release
    with an advisory on PyPI), and a note when PyPI could not be asked."""
    yanked: list[str] = []
    for pin in pins:
        url = f"{base_url.rstrip('/')}/{pin.name}/json"
        try:
            with urllib.request.urlopen(url, timeout=PYPI_TIMEOUT) as answer:
                project = json.load(answer)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                yanked.append(f"{pin.name}=={pin.version}: not on the index ({url})")
                continue
            return yanked, f"PyPI answered {error.code}: yanked pins not checked"
        except (OSError, ValueError) as error:
            return yanked, f"PyPI unreachable ({type(error).__name__}): yanked pins not checked"
        # PyPI lists the advisories of the project's latest release only: they name this pin
        # when it is the latest.
        if project.get("info", {}).get("version") == pin.version:
            for vuln in project.get("vulnerabilities") or []:
                if not vuln.get("withdrawn"):
                    yanked.append(f"{pin.name}=={pin.version}: {vuln.get('id')} (PyPI)")
        files = project.get("releases", {}).get(pin.version)
        if files is None:
            yanked.append(f"{pin.name}=={pin.version}: version not on the index")
        elif files and all(f.get("yanked") for f in files):
            reason = files[0].get("yanked_reason") or "no reason given"
            yanked.append(f"{pin.name}=={pin.version}: yanked ({reason})")
    return yanked, ""


def write_snapshot(path: Path, advisories: list[dict], source: str) -> None:
    data = {
        "schema": SCHEMA,
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "source": source,
        "advisories": sorted(advisories, key=lambda a: a["id"]),
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n")


def refresh_from_pip_audit(pins: list[Pin], path: Path) -> int:
    """pip-audit's findings for the pins, as OSV records naming the pinned versions (and the
    fixed version when pip-audit knows one)."""
    with tempfile.TemporaryDirectory() as tmp:
        flat = Path(tmp) / "pins.txt"
        flat.write_text("".join(f"{p.name}=={p.version}\n" for p in pins))
        report = Path(tmp) / "report.json"
        command = [
            *(sys.executable, "-m", "pip_audit", "-r", str(flat), "--no-deps"),
            *("--disable-pip", "--progress-spinner", "off", "-f", "json", "-o", str(report)),
        ]
        run = subprocess.run(command, capture_output=True, text=True, timeout=600)
        if not report.exists() or run.returncode not in (0, 1):
            print(run.stderr.strip()[-2000:], file=sys.stderr)
            print("pip-audit could not reach its vulnerability service: snapshot kept.")
            return 3
        data = json.loads(report.read_text())
    # pip-audit exits 0 ("No known vulnerabilities found") when the service answered 404 for
    # every package: each then carries a skip_reason. That is no audit at all.
    skipped = [d["name"] for d in data.get("dependencies", []) if d.get("skip_reason")]
    if skipped:
        print(f"pip-audit could not audit {len(skipped)} of {len(pins)} pins: snapshot kept.")
        return 3
    advisories: dict[str, dict] = {}
    for dependency in data.get("dependencies", []):
        for vuln in dependency.get("vulns", []):
            record = advisories.setdefault(
                vuln["id"],
                {
                    "id": vuln["id"],
                    "aliases": vuln.get("aliases", []),
                    "summary": (vuln.get("description") or "")[:200],
                    "affected": [],
                },
            )
            affected: dict = {
                "package": {"ecosystem": "PyPI", "name": normalise(dependency["name"])},
                "versions": [dependency["version"]],
            }
            fixes = sorted(filter(None, map(_version, vuln.get("fix_versions", []))))
            if fixes:
                events = [{"introduced": "0"}, {"fixed": str(fixes[0])}]
                affected["ranges"] = [{"type": "ECOSYSTEM", "events": events}]
            record["affected"].append(affected)
    write_snapshot(path, list(advisories.values()), "pip-audit (PyPI/OSV service)")
    print(f"snapshot refreshed from pip-audit: {len(advisories)} advisories")
    return 0


def refresh_from_osv_export(pins: list[Pin], export: Path, path: Path) -> int:
    """Every advisory of OSV's PyPI export (all.zip) that names a locked package."""
    names = {p.name for p in pins}
    kept: list[dict] = []
    with zipfile.ZipFile(export) as archive:
        for member in archive.namelist():
            record = json.loads(archive.read(member))
            if record.get("withdrawn"):
                continue
            mine = [
                a
                for a in record.get("affected", [])
                if a.get("package", {}).get("ecosystem") == "PyPI"
                and normalise(a["package"].get("name", "")) in names
            ]
            if mine:
                keep = {k: record[k] for k in ("id", "aliases", "summary") if k in record}
                kept.append({**keep, "affected": mine})
    write_snapshot(path, kept, f"OSV PyPI export {export.name}")
    print(f"snapshot refreshed from {export}: {len(kept)} advisories")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("locks", nargs="*", type=Path, default=LOCKS)
    parser.add_argument("--snapshot", type=Path, default=SNAPSHOT)
    parser.add_argument("--accepted", type=Path, default=ACCEPTED)
    parser.add_argument("--yanked", action="store_true")
    parser.add_argument("--refresh", action="store_true")
    parser.add_argument("--refresh-from-osv", type=Path, metavar="ALL_ZIP")
    args = parser.parse_args(argv)
    try:
        pins = read_pins(args.locks)
        if args.refresh:
            return refresh_from_pip_audit(pins, args.snapshot)
        if args.refresh_from_osv:
            return refresh_from_osv_export(pins, args.refresh_from_osv, args.snapshot)
        snapshot = load_snapshot(args.snapshot)
        accepted = load_accepted(args.accepted)
    except (OSError, ValueError) as error:
        print(f"dependency audit: {error}", file=sys.stderr)
        return 2
    findings = audit(pins, snapshot, accepted)
    refreshed = snapshot.get("generated_at") or "never"
    print(
        f"dependency audit: {len(pins)} pins, {len(snapshot['advisories'])} advisories "
        f"(snapshot refreshed {refreshed}, source: {snapshot.get('source') or 'none'})"
    )
    if args.yanked:
        base = os.environ.get("CCHC_AUDIT_PYPI_URL", "https://pypi.org/pypi")
        yanked, note = pypi_yanked(pins, base)
        findings += yanked
        print(note or f"yanked: {len(pins)} pins checked on {base}")
    for line in findings:
        print(f"VULNERABLE OR YANKED: {line}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
