"""`make backup-drill`: back up, lose, restore to a point in time, and check.

1. A PostgreSQL 15 primary in the production shape, WAL archiving on: archive_command encrypts
   each segment with gpg (symmetric AES-256) into the archive; the key is a file outside the
   backup (CCHC_BACKUP_KEY_FILE, or one made for the drill).
2. The application migrated and loaded (seed_demo --allow-production, then dossiers received
   through the intake service, each with an uploaded file).
3. A base backup (pg_basebackup, tar to stdout, straight into gpg: no clear copy on disk) and
   the uploaded files (MEDIA_ROOT, tar into gpg).
4. More writes; the uploaded files again (incremental: the files newer than the base); the
   recovery target time is chosen, the row counts per table and the files' checksums as of
   it recorded; more writes after the target (they must not come back).
5. The primary is stopped and set aside. A FRESH cluster is restored from the encrypted base
   backup and archive (restore_command, recovery_target_time), promoted; the files restored.
6. The application starts on it: manage.py check, gunicorn and a real HTTP request; row counts
   per table, file checksums (read through Django's storage) and stats_rebuild --check compared.
7. Printed: the time to restore, the target and the last transaction recovered.

Exit status 0 only when every check passes. CCHC_DRILL_KEEP=1 keeps the working directory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "drills"))

from pg import (
    PY,
    ROOT,
    Cluster,
    app_env,
    appside,
    as_pg,
    finish,
    free_port,
    log,
    manage,
    own_by_pg,
    pg_bin,
    start_gunicorn,
    table_counts,
)


def gpg_cmd(home: Path, key: Path, *args: str) -> str:
    return (
        f"gpg --homedir {home} --batch --quiet --yes --no-permission-warning "
        f"--pinentry-mode loopback --passphrase-file {key} {' '.join(args)}"
    )


def main() -> int:
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="cchc-backup-drill."))
    os.chmod(work, 0o755)
    own_by_pg(work)
    keys = work / "keys"  # outside the backup: in production another machine or a vault
    backups = work / "backups"  # the backup set (in production: copied off-site)
    archive = backups / "wal"
    media = work / "media"
    restored_media = work / "restored-media"
    gnupg = work / "gnupg"
    for path in (keys, backups, archive, media, restored_media, gnupg):
        path.mkdir()
        own_by_pg(path)
    os.chmod(gnupg, 0o700)
    key = Path(os.environ.get("CCHC_BACKUP_KEY_FILE") or keys / "backup.key")
    if not os.environ.get("CCHC_BACKUP_KEY_FILE"):
        key.write_text(os.urandom(32).hex() + "\n")
        os.chmod(key, 0o600)
        own_by_pg(key)

    primary = Cluster(work, "primary")
    restored = Cluster(work, "restored")
    gunicorn = None
    ok = True
    try:
        log(f"PostgreSQL 15 primary with encrypted WAL archiving ({work})")
        primary.initdb()
        primary.configure(
            {
                "wal_level": "replica",
                "archive_mode": "on",
                "archive_command": gpg_cmd(
                    gnupg,
                    key,
                    "--cipher-algo AES256 --symmetric",
                    f"--output {archive}/%f.gpg %p",
                ),
                "archive_timeout": "60",
                "track_commit_timestamp": "on",
            }
        )
        primary.start()
        primary.query("CREATE DATABASE cchc", dbname="postgres")
        env = app_env(primary.url, media)

        log("Application: migrate, seed_demo --allow-production, 40 dossiers with uploads")
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "seed_demo", "--allow-production", capture=True)
        appside(env, "intake", "40", "before-base")

        log("Base backup: pg_basebackup | gpg, and the uploaded files | gpg")
        t0 = time.monotonic()
        base = backups / "base.tar.gpg"
        pipeline = (
            f"{pg_bin()}/pg_basebackup -h 127.0.0.1 -p {primary.port} -U postgres -D - -Ft "
            f"-X none --checkpoint=fast | "
            + gpg_cmd(gnupg, key, "--cipher-algo AES256 --symmetric", f"--output {base}")
        )
        subprocess.run(as_pg(["bash", "-o", "pipefail", "-c", pipeline]), check=True)
        media_base = backups / "media-base.tar.gpg"
        marker = work / "media-base.marker"
        marker.touch()
        time.sleep(1.1)  # file times have a second's resolution on some filesystems
        subprocess.run(
            [
                "bash",
                "-o",
                "pipefail",
                "-c",
                f"tar -C {media} -cf - . | "
                + gpg_cmd(gnupg, key, "--cipher-algo AES256 --symmetric", f"--output {media_base}"),
            ],
            check=True,
        )
        base_seconds = time.monotonic() - t0

        log("More writes after the base backup: 30 dossiers with uploads")
        appside(env, "intake", "30", "after-base")
        # The files written since the base: an incremental copy, then the target is chosen.
        media_incr = backups / "media-incr.tar.gpg"
        subprocess.run(
            [
                "bash",
                "-o",
                "pipefail",
                "-c",
                f"cd {media} && find . -type f -newer {marker} -print0 | "
                f"tar --null -T - -cf - | "
                + gpg_cmd(gnupg, key, "--cipher-algo AES256 --symmetric", f"--output {media_incr}"),
            ],
            check=True,
        )
        time.sleep(1)
        expected_counts = table_counts(primary)
        expected_files = json.loads(appside(env, "checksums"))
        last_before = primary.query("SELECT timestamp FROM pg_last_committed_xact()")[0][0]
        target = primary.query("SELECT clock_timestamp()")[0][0]
        time.sleep(1)

        log("Writes after the target (must not come back): 10 dossiers")
        appside(env, "intake", "10", "after-target")
        after_counts = table_counts(primary)
        segment = primary.query("SELECT pg_walfile_name(pg_switch_wal())")[0][0]
        primary.wait_until(
            f"SELECT last_archived_wal >= '{segment}' FROM pg_stat_archiver", seconds=120
        )
        primary.stop()
        log("Primary stopped: from here on only the backup set and the key exist")

        # Nothing in the backup set is readable without the key.
        for path in sorted(backups.rglob("*")):
            if path.is_file() and not path.name.endswith(".gpg") and path.parent != archive:
                print(f"  FAIL  clear file in the backup set: {path}")
                ok = False
        clear_wal = [p for p in archive.iterdir() if not p.name.endswith(".gpg")]
        if clear_wal:
            print(f"  FAIL  clear WAL in the archive: {clear_wal[:3]}")
            ok = False

        log(f"Restore to a fresh cluster at {target.isoformat()}")
        t_restore = time.monotonic()
        restored.data.mkdir(mode=0o700)
        own_by_pg(restored.data)
        subprocess.run(
            as_pg(
                [
                    "bash",
                    "-o",
                    "pipefail",
                    "-c",
                    gpg_cmd(gnupg, key, "--decrypt", str(base))
                    + f" | tar -C {restored.data} -xf -",
                ]
            ),
            check=True,
        )
        restored.configure(
            {
                "restore_command": gpg_cmd(gnupg, key, f"--output %p --decrypt {archive}/%f.gpg"),
                "recovery_target_time": target.isoformat(),
                "recovery_target_action": "promote",
                "archive_mode": "off",
            }
        )
        (restored.data / "recovery.signal").touch()
        own_by_pg(restored.data / "recovery.signal")
        restored.start()
        restored.wait_until("SELECT NOT pg_is_in_recovery()", seconds=600)
        subprocess.run(
            [
                "bash",
                "-o",
                "pipefail",
                "-c",
                f"for f in {media_base} {media_incr}; do "
                + gpg_cmd(gnupg, key, "--decrypt", '"$f"')
                + f" | tar -C {restored_media} -xf - || exit 1; done",
            ],
            check=True,
        )
        restore_seconds = time.monotonic() - t_restore
        recovered_at = restored.query("SELECT pg_last_xact_replay_timestamp()")[0][0]
        stop_line = next(
            (line for line in restored.log.read_text().splitlines() if "recovery stopping" in line),
            "",
        )

        log("Application on the restored cluster")
        renv = app_env(restored.url, restored_media)
        manage(renv, "check")
        port = free_port()
        gunicorn = start_gunicorn(work, renv, port, workers=1)
        status = None
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/cong-khai/", timeout=10) as r:
                    status = r.status
                    break
            except OSError:
                time.sleep(0.2)
        if status == 200:
            print(f"  ok    GET /cong-khai/ on the restored database: {status}")
        else:
            print(f"  FAIL  GET /cong-khai/ on the restored database: {status}")
            ok = False

        got_counts = table_counts(restored)
        differing = {
            t: (expected_counts.get(t), got_counts.get(t))
            for t in sorted(set(expected_counts) | set(got_counts))
            if expected_counts.get(t) != got_counts.get(t)
        }
        if differing:
            print(f"  FAIL  row counts differ from the target's: {differing}")
            ok = False
        else:
            print(
                f"  ok    row counts of {len(got_counts)} tables equal the target's "
                f"({sum(got_counts.values())} rows)"
            )
        later = {
            t: after_counts[t] - expected_counts.get(t, 0)
            for t in after_counts
            if after_counts[t] != expected_counts.get(t, 0)
        }
        print(
            f"  ok    the writes after the target are absent ({sum(later.values())} rows in "
            f"{len(later)} tables)"
            if not differing
            else ""
        )
        got_files = json.loads(appside(renv, "checksums"))
        referenced = set(expected_files)
        if got_files.keys() >= referenced and all(
            got_files[name] == digest for name, digest in expected_files.items()
        ):
            print(f"  ok    {len(expected_files)} uploaded files: same SHA-256 through storage")
        else:
            missing = sorted(referenced - got_files.keys())[:5]
            print(f"  FAIL  uploaded files differ (missing: {missing})")
            ok = False
        check = subprocess.run(
            [PY, "manage.py", "stats_rebuild", "--check"],
            cwd=ROOT,
            env=renv,
            capture_output=True,
            text=True,
        )
        if check.returncode == 0:
            print("  ok    stats_rebuild --check: no difference")
        else:
            print(f"  FAIL  stats_rebuild --check: {check.stdout}{check.stderr}")
            ok = False

        size = sum(p.stat().st_size for p in backups.rglob("*") if p.is_file())
        print()
        print(
            "Backup and restore drill —", datetime.now().astimezone().isoformat(timespec="seconds")
        )
        print(f"  base backup (database + files, encrypted)  {base_seconds:6.1f} s")
        print(
            f"  backup set size                            {size / 1e6:6.1f} MB "
            f"({len(list(archive.iterdir()))} WAL segments)"
        )
        print(f"  time to restore (cluster + files)          {restore_seconds:6.1f} s")
        print(f"  recovery target time                       {target.isoformat()}")
        print(f"  last transaction committed before it       {last_before.isoformat()}")
        print(f"  last transaction recovered                 {recovered_at.isoformat()}")
        print(f"  recovered = last before target             {recovered_at == last_before}")
        if recovered_at != last_before:
            ok = False
        print(f"  server log: {stop_line.split('LOG:')[-1].strip()}")
        print(f"  load average                               {os.getloadavg()[0]:.2f}")
        print(f"  total drill time                           {time.monotonic() - started:6.1f} s")
        print(f"  result                                     {'PASS' if ok else 'FAIL'}")
        return 0 if ok else 1
    finally:
        finish(work, gunicorn, primary, restored)


if __name__ == "__main__":
    sys.exit(main())
