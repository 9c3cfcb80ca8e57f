"""The restore drill (issue 17): backups that restore, by the documented scripts alone, on loopback.

1. The demo runs with WAL archiving on; eight clients create nominations through the HTTP API while
   deploy/backup/thidua-backup seals the audit trail, keeps the root in a file outside the backups and dumps the
   database and its roles, and while pg_basebackup copies the cluster for point-in-time recovery.
2. deploy/backup/thidua-restore restores that backup into a new cluster that has neither the database nor the
   thidua roles: every table's rows match the backup's counts, and the chain verifies against the kept root. The
   server starts on it as thidua_app, a demo user signs in, and a nomination acknowledged before the backup is
   there.
3. A dump without the audit tables' data restores, and `thidua audit verify` refuses it (exit 65): the trail
   cannot be emptied while its records remain.
4. Point-in-time recovery from the base backup and the archived WAL stops at a chosen moment: the record made
   before it is there, the one made after is not, and the chain verifies against the kept root.

Run by Tests/drill/run (and so by .ci/run); the standard library only. Exits non-zero on the first broken promise.
"""
import atexit
import http.client
import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
import loopback  # noqa: E402
from loopback import fail, log, psql, run  # noqa: E402

THIDUA, WORK, REPO = sys.argv[1], sys.argv[2], sys.argv[3]
PRIMARY = os.path.join(WORK, "primary")
RESTORED = os.path.join(WORK, "restored")
BACKUPS = os.path.join(WORK, "backups")
KEPT = os.path.join(WORK, "kept", "audit-roots")
WAL = os.path.join(WORK, "wal-archive")
PORT = int(os.environ.get("THIDUA_DRILL_PORT", "8193"))
RESTORED_PORT = PORT + 1
PASSWORD = "thidua-demo"
BIN = "/usr/lib/postgresql/15/bin"
loopback.LABEL[0] = "drill"


def request(method, path, token=None, body=None, port=PORT, timeout=20):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = "Bearer " + token
    try:
        connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, (json.loads(data) if data else None)
    finally:
        connection.close()


def wait_ready(process, port, label):
    deadline = time.time() + 180
    while time.time() < deadline:
        try:
            if request("GET", "/ready", port=port, timeout=2)[0] == 200:
                return
        except OSError:
            pass
        if process.poll() is not None:
            fail(f"{label} ended with {process.returncode} while starting (see {WORK}/*.log)")
        time.sleep(0.2)
    fail(f"{label} did not become ready in 180 s")


def start_demo():
    process = loopback.start("demo", [THIDUA, "demo", "--data", PRIMARY, "--port", str(PORT), "--pool-size", "4"],
                             os.path.join(WORK, "demo.log"))
    wait_ready(process, PORT, "the demo")
    return process


def sign_in(username, port=PORT):
    status, body = request("POST", "/api/v1/sessions", body={"username": username, "password": PASSWORD}, port=port)
    if status != 201:
        fail(f"sign-in of {username} on port {port} answered {status}: {body}")
    return body["token"]


class Load(loopback.Load):
    """Eight clients, each a commune clerk creating nominations as fast as the server answers."""

    def __init__(self, clerks, round_id, movement_id):
        self.clerks, self.round_id, self.movement_id, self.created = clerks, round_id, movement_id, []
        super().__init__(8)

    def client(self, number):
        while not self.stop.is_set():
            name = f"Diễn Tập Khôi Phục {self.next_number()}"
            status, body = request("POST", "/api/v1/nominations", self.clerks[number % len(self.clerks)], {
                "roundID": self.round_id, "movementID": self.movement_id, "nominee": {"kind": "individual", "name": name}})
            if status == 201:
                with self.lock:
                    self.created.append((time.time(), body["id"], number % len(self.clerks)))


def main():
    for folder in (BACKUPS, os.path.dirname(KEPT), WAL):
        os.makedirs(folder, exist_ok=True)
    shutil.chown(WAL, "postgres", "postgres")
    primary_socket = os.path.join(PRIMARY, "socket")

    # 1. The demo, then WAL archiving on (archive_mode needs a restart of the cluster).
    demo = start_demo()
    psql(primary_socket, f"ALTER SYSTEM SET archive_mode = on")
    psql(primary_socket, f"ALTER SYSTEM SET archive_command = 'test ! -f {WAL}/%f && cp %p {WAL}/%f'")
    demo.terminate()
    demo.wait(timeout=30)
    run([THIDUA, "db", "stop", "--data", PRIMARY])
    demo = start_demo()
    if psql(primary_socket, "SHOW archive_mode") != "on":
        fail("archive_mode did not take effect")
    log("demo running with WAL archiving on")

    clerk = sign_in("sinchai.canbo")
    rounds = request("GET", "/api/v1/rounds", clerk)[1]
    round_id = next(r["id"] for r in rounds if r["code"] == "2021-co-so")
    movements = request("GET", "/api/v1/movements", clerk)[1]
    movement_id = next(m["id"] for m in movements if m["code"] == "hoc-tap-lam-theo-bac")
    clerks = [clerk] + [sign_in(name) for name in ("tttuachua.canbo", "huoiso.canbo", "tafin.canbo")
                        if request("POST", "/api/v1/sessions", body={"username": name, "password": PASSWORD})[0] == 201]

    backup_env = {"PGHOST": primary_socket, "PGUSER": "postgres", "BACKUP_DIR": BACKUPS, "THIDUA_ROOTS_FILE": KEPT,
                  "THIDUA_BIN": THIDUA, "KEEP_DAYS": "14"}
    with Load(clerks, round_id, movement_id) as load:
        time.sleep(3)
        started = time.time()
        backup = run([os.path.join(REPO, "deploy/backup/thidua-backup")], env=backup_env)
        log("backup taken under load in %.1f s:\n%s" % (time.time() - started, backup.stdout.rstrip()))
        run(["pg_basebackup", "-h", primary_socket, "-U", "postgres", "-D", os.path.join(WORK, "base"), "-X", "stream",
             "-c", "fast"])
        log("base backup taken under load")
        time.sleep(2)
    if len(load.created) < 20:
        fail(f"the load made only {len(load.created)} nominations")
    before_backup = [(id, clerk) for at, id, clerk in load.created if at < started]
    log(f"{len(load.created)} nominations acknowledged, {len(before_backup)} before the backup began")
    folder = os.path.join(BACKUPS, sorted(f for f in os.listdir(BACKUPS) if f.startswith("20"))[-1])

    # 2. Restore into a new cluster without the database or the thidua roles.
    run([THIDUA, "db", "start", "--data", RESTORED])
    restored_socket = os.path.join(RESTORED, "socket")
    psql(restored_socket, "DROP DATABASE IF EXISTS thidua", database="postgres")
    roles = psql(restored_socket, "SELECT string_agg(rolname, ',') FROM pg_roles WHERE rolname LIKE 'thidua%'", database="postgres")
    for role in filter(None, roles.split(",")):
        psql(restored_socket, f"DROP ROLE {role}", database="postgres")
    if psql(restored_socket, "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'thidua%'", database="postgres") != "0":
        fail("the new cluster still has thidua roles")
    restore = run([os.path.join(REPO, "deploy/backup/thidua-restore"), folder],
                  env={"PGHOST": restored_socket, "PGUSER": "postgres", "THIDUA_ROOTS_FILE": KEPT, "THIDUA_BIN": THIDUA})
    log("restored into a new cluster:\n" + (restore.stdout + restore.stderr).rstrip())
    owner = psql(restored_socket, "SELECT tableowner FROM pg_tables WHERE schemaname = 'thidua' AND tablename = 'nominations'")
    if owner != "thidua_owner":
        fail(f"restored tables belong to {owner}, not thidua_owner")

    server = loopback.start("restored", [THIDUA, "serve", "--database-url", f"postgresql://thidua_app@/thidua?host={restored_socket}",
                                         "--verifier-url", f"postgresql://thidua_verifier@/thidua?host={restored_socket}",
                                         "--port", str(RESTORED_PORT)], os.path.join(WORK, "restored.log"))
    wait_ready(server, RESTORED_PORT, "the server on the restored database")
    token = sign_in("sinchai.canbo", port=RESTORED_PORT)
    ids = ",".join(f"'{id}'" for id, _ in before_backup)
    present = psql(restored_socket, f"SELECT count(*) FROM thidua.nominations WHERE id IN ({ids})")
    if present != str(len(before_backup)):
        fail(f"{present} of the {len(before_backup)} nominations acknowledged before the backup are in the restored database")
    own = next(id for id, clerk in reversed(before_backup) if clerk == 0)
    status, body = request("GET", f"/api/v1/nominations/{own}", token, port=RESTORED_PORT)
    if status != 200:
        fail(f"a nomination acknowledged before the backup answers {status} to its clerk on the restored server: {body}")
    auditor = sign_in("thanhtra", port=RESTORED_PORT)
    status, body = request("GET", "/api/v1/audit/verification", auditor, port=RESTORED_PORT, timeout=120)
    if status != 200 or body.get("problem") is not None:
        fail(f"the restored server's chain check answered {status}: {body}")
    log(f"the server runs on the restored database as thidua_app; sign-in works; the chain check over HTTP: "
        f"{body['eventsChecked']} events intact")
    server.terminate()
    server.wait(timeout=30)

    # 3. A dump without the audit trail's data is not called intact.
    stripped = os.path.join(WORK, "no-audit.dump")
    run(["pg_dump", "-h", primary_socket, "-U", "postgres", "-d", "thidua", "-Fc", "-f", stripped,
         "--exclude-table-data=thidua.audit_*"])
    psql(restored_socket, "CREATE DATABASE no_audit TEMPLATE template0", database="postgres")
    run(["pg_restore", "-h", restored_socket, "-U", "postgres", "-d", "no_audit", "--exit-on-error", stripped])
    verify = run([THIDUA, "audit", "verify", "--database-url", f"dbname=no_audit host={restored_socket} user=postgres"], check=False)
    if verify.returncode != 65 or "không có sự kiện nào" not in verify.stderr:
        fail(f"a trail without its events verified with exit {verify.returncode}:\n{verify.stdout}{verify.stderr}")
    log("a dump without the audit trail's data: exit 65, "
        + next(line.strip() for line in verify.stderr.splitlines() if "không có sự kiện nào" in line))

    # 4. Point-in-time recovery: a record before the target time is back, one after it is not.
    def note(name):
        status, body = request("POST", "/api/v1/nominations", clerk, {
            "roundID": round_id, "movementID": movement_id, "nominee": {"kind": "individual", "name": name}})
        if status != 201:
            fail(f"creating {name} answered {status}: {body}")
        return body["id"]
    kept = note("Trước Mốc Khôi Phục")
    time.sleep(1.5)
    target = psql(primary_socket, "SELECT now()")
    time.sleep(1.5)
    lost = note("Sau Mốc Khôi Phục")
    segment = psql(primary_socket, "SELECT pg_walfile_name(pg_switch_wal())")
    deadline = time.time() + 60
    while not os.path.exists(os.path.join(WAL, segment)):
        if time.time() > deadline:
            fail(f"WAL segment {segment} was not archived within 60 s")
        time.sleep(0.5)
    base = os.path.join(WORK, "base")
    with open(os.path.join(base, "postgresql.auto.conf"), "a") as conf:
        conf.write(f"archive_mode = off\nrestore_command = 'cp {WAL}/%f %p'\n"
                   f"recovery_target_time = '{target}'\nrecovery_target_action = 'promote'\n")
    open(os.path.join(base, "recovery.signal"), "w").close()
    pitr_socket = os.path.join(WORK, "pitr-socket")
    os.makedirs(pitr_socket, exist_ok=True)
    run(["chown", "-R", "postgres:postgres", base, pitr_socket])
    run(["chmod", "700", base])
    run(["runuser", "-u", "postgres", "--", f"{BIN}/pg_ctl", "-D", base, "-l", os.path.join(pitr_socket, "pitr.log"), "-w", "-t", "120",
         "-o", f"-k {pitr_socket} -c listen_addresses=''", "start"])
    atexit.register(lambda: subprocess.run(["runuser", "-u", "postgres", "--", f"{BIN}/pg_ctl", "-D", base, "-m", "immediate", "stop"],
                                           capture_output=True))
    deadline = time.time() + 60
    while psql(pitr_socket, "SELECT pg_is_in_recovery()") != "f":
        if time.time() > deadline:
            fail("the recovered cluster did not leave recovery within 60 s")
        time.sleep(0.5)
    present = psql(pitr_socket, f"SELECT count(*) FROM thidua.nominations WHERE id IN ('{kept}', '{lost}')")
    if psql(pitr_socket, f"SELECT count(*) FROM thidua.nominations WHERE id = '{kept}'") != "1" or present != "1":
        fail(f"point-in-time recovery to {target}: {present} of the two marker nominations present, expected only the first")
    root = open(KEPT).read().split()[-1]
    run([THIDUA, "audit", "verify", "--database-url", f"dbname=thidua host={pitr_socket} user=postgres", "--expect-root", root])
    log(f"recovered to {target}: the nomination made before is there, the one after is not; the chain verifies "
        f"against kept root {root[:12]}…")
    log("PASSED")


main()
