"""The fault suite (issue 12): what a server and its database go through on a bad day, on loopback.

(a) 64 clients create and submit nominations while the server is killed with SIGKILL at a random moment and
    started again: every acknowledged write is present with its audit event, the audit chain verifies.
(c) a create sent with an Idempotency-Key whose connection is dropped before the answer, then sent again with
    the same key: one nomination, and the retry gets the first answer.
(b) the same while PostgreSQL stops with an immediate shutdown (SIGQUIT to the postmaster, what
    `pg_ctl stop -m immediate` sends) and starts again: while it is down clients get 503, never 500 and never a
    hang past the time limits; writes succeed again within 5 s of its return without restarting the server; the
    pool never holds more than its maximum connections (sampled from pg_stat_activity); nothing acknowledged is
    lost; and SIGTERM then stops the server within 5 s.

Run by Tests/fault/run (and so by .ci/run); the standard library only. Prints what it saw and exits non-zero on
the first broken promise.
"""
import atexit
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time

THIDUA, WORK = sys.argv[1], sys.argv[2]
DATA = os.path.join(WORK, "data")
PORT = int(os.environ.get("THIDUA_FAULT_PORT", "8191"))
CLIENTS = 64
POOL = 4
PASSWORD = "thidua-demo"
SOCKET = os.path.join(DATA, "socket")


def log(message):
    print(f"[fault {time.strftime('%H:%M:%S')}] {message}", flush=True)


def fail(message):
    log("FAILED: " + message)
    sys.exit(1)


def request(method, path, token=None, body=None, timeout=20, extra=None):
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
    headers = {"Content-Type": "application/json"} if body is not None else {}
    headers.update(extra or {})
    if token:
        headers["Authorization"] = "Bearer " + token
    try:
        connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, (json.loads(data) if data else None)
    finally:
        connection.close()


def psql(sql):
    output = subprocess.run(["psql", "-h", SOCKET, "-U", "postgres", "-d", "thidua", "-Atc", sql],
                            capture_output=True, text=True, check=True)
    return output.stdout.strip()


class Server:
    def __init__(self):
        self.process = None
        self.output = open(os.path.join(WORK, "server.log"), "ab")
        atexit.register(self.kill)

    def kill(self):
        """A failed run leaves no server behind holding the port."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def start(self, pool=POOL):
        self.process = subprocess.Popen([THIDUA, "demo", "--data", DATA, "--port", str(PORT), "--pool-size", str(pool)],
                                        stdout=self.output, stderr=subprocess.STDOUT)
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                if request("GET", "/ready", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            if self.process.poll() is not None:
                fail(f"the server ended with {self.process.returncode} while starting (see {WORK}/server.log)")
            time.sleep(0.2)
        fail("the server did not become ready in 180 s")


def postmaster_pid():
    with open(os.path.join(DATA, "pgdata", "postmaster.pid")) as pid_file:
        return int(pid_file.readline())


class Load:
    """64 clients in threads: each creates a nomination as a commune clerk, and its head submits it."""

    def __init__(self, clerks, round_id, movement_id):
        self.clerks, self.round_id, self.movement_id = clerks, round_id, movement_id
        self.lock = threading.Lock()
        self.created, self.submitted = set(), set()
        self.statuses = {}
        self.slowest = 0.0
        self.stop = threading.Event()
        self.threads = []
        self.sequence = 0

    def count(self, status, seconds):
        with self.lock:
            self.statuses[status] = self.statuses.get(status, 0) + 1
            self.slowest = max(self.slowest, seconds)

    def client(self, number):
        clerk, head = self.clerks[number % len(self.clerks)]
        while not self.stop.is_set():
            with self.lock:
                self.sequence += 1
                name = f"Thử Nghiệm Sự Cố {self.sequence}"
            started = time.time()
            try:
                status, body = request("POST", "/api/v1/nominations", clerk, {
                    "roundID": self.round_id, "movementID": self.movement_id, "nominee": {"kind": "individual", "name": name}})
            except (OSError, http.client.HTTPException):
                self.count("no answer", time.time() - started)
                time.sleep(0.05)
                continue
            self.count(status, time.time() - started)
            if status != 201:
                time.sleep(0.05)
                continue
            with self.lock:
                self.created.add(body["id"])
            started = time.time()
            try:
                status, _ = request("POST", f"/api/v1/nominations/{body['id']}/transitions", head, {"event": "submit", "version": body["version"]})
            except (OSError, http.client.HTTPException):
                self.count("no answer", time.time() - started)
                continue
            self.count(status, time.time() - started)
            if status == 200:
                with self.lock:
                    self.submitted.add(body["id"])

    def begin(self):
        self.stop.clear()
        self.threads = [threading.Thread(target=self.client, args=(n,), daemon=True) for n in range(CLIENTS)]
        for thread in self.threads:
            thread.start()

    def end(self):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)
        if any(thread.is_alive() for thread in self.threads):
            fail("a client hung past 60 s")


def sign_in(username):
    status, body = request("POST", "/api/v1/sessions", body={"username": username, "password": PASSWORD})
    if status != 201:
        fail(f"sign-in of {username} answered {status}: {body}")
    return body["token"]


def verify_acknowledged(load, label):
    created = sorted(load.created)
    if not created:
        fail(f"{label}: no write was acknowledged")
    ids = "ARRAY[" + ",".join(f"'{i}'::uuid" for i in created) + "]"
    present = int(psql(f"SELECT count(*) FROM thidua.nominations WHERE id = ANY({ids})"))
    audited = int(psql(f"SELECT count(DISTINCT record_id) FROM thidua.audit_events WHERE record_type = 'nominations' "
                       f"AND action = 'nomination.create' AND record_id::uuid = ANY({ids})"))
    submitted = sorted(load.submitted)
    kept = 0
    if submitted:
        sids = "ARRAY[" + ",".join(f"'{i}'::uuid" for i in submitted) + "]"
        kept = int(psql(f"SELECT count(*) FROM thidua.nominations WHERE id = ANY({sids}) AND state <> 'draft'"))
    log(f"{label}: {len(created)} creates and {len(submitted)} submissions acknowledged; {present} present, "
        f"{audited} with their audit event, {kept} submitted; answers {dict(sorted(load.statuses.items(), key=str))}, slowest {load.slowest:.1f} s")
    if present != len(created) or audited != len(created) or kept != len(submitted):
        fail(f"{label}: an acknowledged write is missing")
    if load.statuses.get(500, 0):
        fail(f"{label}: {load.statuses[500]} answers were 500")
    result = subprocess.run([THIDUA, "audit", "verify", "--data", DATA], capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"{label}: the audit chain does not verify: {result.stdout} {result.stderr}")
    log(f"{label}: the audit chain verifies")


def main():
    os.makedirs(WORK, exist_ok=True)
    server = Server()
    server.start()
    rounds = request("GET", "/api/v1/rounds", sign_in("sinchai.canbo"))[1]
    round_id = next(r["id"] for r in rounds if r["code"] == "2021-co-so")
    admin = sign_in("quantri")
    users = request("GET", "/api/v1/users", admin)[1]
    names = {u["username"] for u in users}
    communes = sorted(n[: -len(".canbo")] for n in names if n.endswith(".canbo") and n[: -len(".canbo")] + ".chutich" in names)
    movements = request("GET", "/api/v1/movements", sign_in("sinchai.canbo"))[1]
    movement_id = next(m["id"] for m in movements if m["code"] == "hoc-tap-lam-theo-bac")
    clerks = [(sign_in(c + ".canbo"), sign_in(c + ".chutich")) for c in communes]
    # The 2021 rounds are past due: the secretariat lets each commune submit late, as the demo's office would.
    secretary = sign_in("noivu.thuky")
    until = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 86400))
    for clerk, _ in clerks:
        unit = request("GET", "/api/v1/me", clerk)[1]["unitID"]
        status, body = request("POST", f"/api/v1/rounds/{round_id}/deadline-exceptions", secretary,
                               {"unit": unit, "until": until, "reason": "Diễn tập sự cố (fault suite)"})
        if status != 201:
            fail(f"the deadline exception answered {status}: {body}")
    log(f"{len(clerks)} communes' clerks and heads signed in; {CLIENTS} clients")

    # (a) SIGKILL of the server under load, then a restart.
    load = Load(clerks, round_id, movement_id)
    load.begin()
    time.sleep(random.uniform(3, 6))
    server.process.send_signal(signal.SIGKILL)
    server.process.wait()
    log("(a) server killed with SIGKILL under load")
    server.start()
    log("(a) server started again")
    time.sleep(3)
    load.end()
    verify_acknowledged(load, "(a)")

    # (b) PostgreSQL's immediate shutdown under load, and its return.
    load = Load(clerks, round_id, movement_id)
    most = [0]
    sampling = threading.Event()

    def sample():
        while not sampling.is_set():
            try:
                most[0] = max(most[0], int(psql("SELECT count(*) FROM pg_stat_activity WHERE usename = 'thidua_app' AND application_name = 'thidua'")))
            except subprocess.CalledProcessError:
                pass
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    load.begin()
    time.sleep(3)
    before_down = dict(load.statuses)
    os.kill(postmaster_pid(), signal.SIGQUIT)
    log("(b) PostgreSQL stopped (immediate shutdown) under load")
    time.sleep(3)
    subprocess.run([THIDUA, "db", "start", "--data", DATA], check=True, capture_output=True)
    back = time.time()
    log("(b) PostgreSQL started again")
    created_at_return = len(load.created)
    while len(load.created) == created_at_return and time.time() - back < 30:
        time.sleep(0.05)
    recovered = time.time() - back
    time.sleep(3)
    load.end()
    sampling.set()
    sampler.join()
    unavailable = load.statuses.get(503, 0) - before_down.get(503, 0)
    log(f"(b) writes again {recovered:.2f} s after PostgreSQL returned; {unavailable} answers 503 while it was away; "
        f"at most {most[0]} pool connections in pg_stat_activity (pool {POOL})")
    if recovered > 5:
        fail(f"(b) writes took {recovered:.1f} s to come back (at most 5)")
    if unavailable == 0:
        fail("(b) no 503 was seen while PostgreSQL was away")
    if most[0] > POOL:
        fail(f"(b) {most[0]} connections for a pool of {POOL}")
    if load.slowest > 20:
        fail(f"(b) an answer took {load.slowest:.1f} s")
    verify_acknowledged(load, "(b)")

    # (c) A dropped connection, then a retry with the same Idempotency-Key.
    clerk = clerks[0][0]
    for attempt in range(10):
        name, key = f"Thử Nghiệm Gửi Lại {attempt} {time.time():.0f}", f"fault-{attempt}-{random.random()}"
        body = json.dumps({"roundID": round_id, "movementID": movement_id, "nominee": {"kind": "individual", "name": name}}).encode()
        raw = socket.create_connection(("127.0.0.1", PORT))
        raw.sendall(b"POST /api/v1/nominations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + f"Authorization: Bearer {clerk}\r\nIdempotency-Key: {key}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
        raw.close()  # the answer is lost
        deadline = time.time() + 10
        while True:
            status, answer = request("POST", "/api/v1/nominations", clerk, json.loads(body), extra={"Idempotency-Key": key})
            if status == 201 or time.time() > deadline:
                break
            if status != 409:
                fail(f"(c) the retry answered {status}: {answer}")
            time.sleep(0.1)
        made = int(psql(f"SELECT count(*) FROM thidua.nominations n JOIN thidua.nominees e ON e.id = n.nominee_id WHERE e.name = '{name}'"))
        if status != 201 or made != 1:
            fail(f"(c) a retried create answered {status} and made {made} nominations")
    log("(c) 10 creates whose first answer was dropped, each sent again with its Idempotency-Key: 10 nominations, each retry answered 201")

    started = time.time()
    server.process.send_signal(signal.SIGTERM)
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        fail("(b) SIGTERM did not stop the server within 10 s")
    stopped = time.time() - started
    log(f"(b) SIGTERM stopped the server in {stopped:.2f} s")
    if stopped > 5:
        fail(f"(b) SIGTERM took {stopped:.1f} s (at most 5)")
    subprocess.run([THIDUA, "db", "stop", "--data", DATA], capture_output=True)
    log("passed")


if __name__ == "__main__":
    main()
