"""Two instances, a hot standby and nginx over HTTPS (issue 17 items 3 and 4), on loopback.

A primary (the demo's data) and its hot standby (pg_basebackup -R); two `thidua serve` instances on the primary,
each reading reports and the audit trail from the standby (--read-url); nginx in front with deploy/nginx's site and
a self-signed certificate. Then, all through nginx over HTTPS:

1. a commune's clerk signs in and makes a nomination with its three documents, the commune's head submits it,
   and the secretariat reads the compliance table and the nomination's history (served by the standby);
2. under load (eight clients creating nominations), instance A is killed with SIGKILL: the same sessions keep
   working through instance B, and A is started again;
3. the standby is stopped: the compliance table and the history are still served (by the primary);
4. nothing acknowledged is lost, and the audit chain verifies.

Run by Tests/cluster/run (and so by .ci/run); the standard library only. Exits non-zero on the first broken promise.
"""
import http.client
import json
import os
import signal
import ssl
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
import loopback  # noqa: E402
from loopback import fail, log, processes, psql, run  # noqa: E402

THIDUA, WORK, REPO = sys.argv[1], sys.argv[2], sys.argv[3]
PRIMARY, STANDBY = os.path.join(WORK, "primary"), os.path.join(WORK, "standby")
BASE = int(os.environ.get("THIDUA_CLUSTER_PORT", "8201"))
PORT_A, PORT_B, HTTPS = BASE, BASE + 1, BASE + 2
PASSWORD = "thidua-demo"
TLS = None  # trusts only the drill's own self-signed certificate, once it is made
loopback.LABEL[0] = "cluster"


def request(method, path, token=None, body=None, raw=None, content_type=None, timeout=30, https=True, port=HTTPS, key=None):
    connection = (http.client.HTTPSConnection("127.0.0.1", port, timeout=timeout, context=TLS) if https
                  else http.client.HTTPConnection("127.0.0.1", port, timeout=timeout))
    headers = {"Host": "thidua.example.vn"}
    data = raw
    if body is not None:
        headers["Content-Type"], data = "application/json", json.dumps(body)
    if content_type:
        headers["Content-Type"] = content_type
    if token:
        headers["Authorization"] = "Bearer " + token
    if key:
        headers["Idempotency-Key"] = key
    try:
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        payload = response.read()
        try:
            return response.status, (json.loads(payload) if payload else None), response.headers
        except ValueError:
            return response.status, payload, response.headers
    finally:
        connection.close()


def serve(name, port):
    primary, standby = os.path.join(PRIMARY, "socket"), os.path.join(STANDBY, "socket")
    process = loopback.start(name, [
        THIDUA, "serve", "--port", str(port), "--pool-size", "3",
        "--database-url", f"postgresql://thidua_app@/thidua?host={primary}",
        "--read-url", f"postgresql://thidua_app@/thidua?host={standby}",
        "--verifier-url", f"postgresql://thidua_verifier@/thidua?host={primary}",
        "--trusted-proxy", "127.0.0.1/32", "--behind-tls"], os.path.join(WORK, f"{name}.log"))
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if request("GET", "/ready", https=False, port=port, timeout=2)[0] == 200:
                return
        except OSError:
            pass
        if process.poll() is not None:
            fail(f"instance {name} ended with {process.returncode} (see {WORK}/{name}.log)")
        time.sleep(0.2)
    fail(f"instance {name} was not ready in 120 s")


def start_nginx():
    folder = os.path.join(WORK, "nginx")
    site = open(os.path.join(REPO, "deploy/nginx/thidua.conf")).read()
    site = (site.replace("/etc/ssl/thidua/", folder + "/")
                .replace("127.0.0.1:8080", f"127.0.0.1:{PORT_A}").replace("127.0.0.1:8081", f"127.0.0.1:{PORT_B}")
                .replace("listen 443 ssl http2;", f"listen 127.0.0.1:{HTTPS} ssl http2;")
                .replace("listen [::]:443 ssl http2;", "").replace("listen [::]:80;", "")
                .replace("listen 80;", f"listen 127.0.0.1:{HTTPS + 1};"))
    open(os.path.join(folder, "thidua.conf"), "w").write(site)
    open(os.path.join(folder, "nginx.conf"), "w").write(f"""
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{}}
http {{
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/thidua.conf;
}}
""")
    loopback.start("nginx", ["nginx", "-c", os.path.join(folder, "nginx.conf"), "-g", "daemon off;"],
                   os.path.join(folder, "stderr.log"))
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            if request("GET", "/ready", timeout=2)[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    fail("nginx did not answer over HTTPS in 20 s")


def sign_in(username):
    status, body, headers = request("POST", "/api/v1/sessions", body={"username": username, "password": PASSWORD})
    if status != 201:
        fail(f"sign-in of {username} through nginx answered {status}: {body}")
    return body["token"]


class Load(loopback.Load):
    def __init__(self, clerks, round_id, movement_id):
        self.clerks, self.round_id, self.movement_id, self.created, self.statuses = clerks, round_id, movement_id, [], {}
        super().__init__(8)

    def client(self, number):
        """Each create carries an Idempotency-Key; one that got no answer, or nginx's 502 because its instance died
        under it, is sent again with the same key, as a careful client does."""
        while not self.stop.is_set():
            sequence = self.next_number()
            name = f"Thử Hai Máy Chủ {sequence}"
            key = f"cluster-{number}-{sequence}"
            for attempt in range(5):
                try:
                    status, body, _ = request("POST", "/api/v1/nominations", self.clerks[number % len(self.clerks)], {
                        "roundID": self.round_id, "movementID": self.movement_id, "nominee": {"kind": "individual", "name": name}},
                        key=key)
                except (OSError, http.client.HTTPException):
                    status, body = "no answer", None
                with self.lock:
                    self.statuses[status] = self.statuses.get(status, 0) + 1
                if status not in (502, 503, "no answer"):
                    break
                time.sleep(0.2)
            with self.lock:
                if status == 201:
                    self.created.append((name, body["id"]))


def main():
    global TLS
    os.makedirs(os.path.join(WORK, "nginx"), exist_ok=True)
    run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=thidua.example.vn",
         "-keyout", os.path.join(WORK, "nginx", "privkey.pem"), "-out", os.path.join(WORK, "nginx", "fullchain.pem")])
    TLS = ssl.create_default_context(cafile=os.path.join(WORK, "nginx", "fullchain.pem"))
    TLS.check_hostname = False

    # The primary with the demo's data: the demo is started once to make it, then only its cluster stays.
    demo = loopback.start("demo", [THIDUA, "demo", "--data", PRIMARY, "--port", str(PORT_A)], os.path.join(WORK, "demo.log"))
    deadline = time.time() + 180
    while True:
        try:
            if request("GET", "/ready", https=False, port=PORT_A, timeout=2)[0] == 200:
                break
        except OSError:
            pass
        if time.time() > deadline or demo.poll() is not None:
            fail("the demo did not start")
        time.sleep(0.3)
    demo.terminate()
    demo.wait(timeout=30)
    run([THIDUA, "db", "start", "--data", PRIMARY])
    primary_socket = os.path.join(PRIMARY, "socket")
    # The standby: a base backup of the primary that follows it (standby.signal, primary_conninfo).
    os.makedirs(os.path.join(STANDBY, "pgdata"), exist_ok=True)
    run(["chown", "-R", "postgres:postgres", STANDBY])
    run(["chmod", "700", os.path.join(STANDBY, "pgdata")])
    run(["runuser", "-u", "postgres", "--", "pg_basebackup", "-h", primary_socket, "-U", "postgres",
         "-D", os.path.join(STANDBY, "pgdata"), "-R", "-X", "stream", "-c", "fast"])
    run([THIDUA, "db", "start", "--data", STANDBY])
    standby_socket = os.path.join(STANDBY, "socket")
    if psql(standby_socket, "SELECT pg_is_in_recovery()") != "t":
        fail("the standby is not in recovery")
    log("primary and hot standby running")
    serve("a", PORT_A)
    serve("b", PORT_B)
    start_nginx()
    log(f"instances on {PORT_A} and {PORT_B}, nginx on https://127.0.0.1:{HTTPS}")

    # 1. The story's first steps, through nginx over HTTPS.
    status, _, headers = request("GET", "/ready")
    if "max-age" not in (headers.get("Strict-Transport-Security") or ""):
        fail("nginx sent no HSTS header")
    clerk, head, secretary = sign_in("sinchai.canbo"), sign_in("sinchai.chutich"), sign_in("noivu.thuky")
    rounds = request("GET", "/api/v1/rounds", clerk)[1]
    round_id = next(r["id"] for r in rounds if r["code"] == "2021-co-so")
    movement_id = next(m["id"] for m in request("GET", "/api/v1/movements", clerk)[1] if m["code"] == "hoc-tap-lam-theo-bac")
    unit = request("GET", "/api/v1/me", clerk)[1]["unitID"]
    until = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 86400))
    status, body, _ = request("POST", f"/api/v1/rounds/{round_id}/deadline-exceptions", secretary,
                              {"unit": unit, "until": until, "reason": "Diễn tập hai máy chủ"})
    if status != 201:
        fail(f"the deadline exception answered {status}: {body}")
    status, body, _ = request("POST", "/api/v1/nominations", clerk, {
        "roundID": round_id, "movementID": movement_id,
        "nominee": {"kind": "individual", "name": "Giàng A Hai", "personal": {"dateOfBirth": "1980-02-02", "ethnicity": "Hmông"}},
        "title": "Cá nhân điển hình tiên tiến", "achievements": "Vận động 20 hộ hiến đất làm đường."})
    if status != 201:
        fail(f"the nomination answered {status}: {body}")
    story = body["id"]
    for kind in ("request", "achievement_report", "review_minutes"):
        status, body, _ = request("POST", f"/api/v1/nominations/{story}/attachments?kind={kind}&fileName={kind}.pdf", clerk,
                                  raw=f"%PDF-1.4 {kind}".encode(), content_type="application/pdf")
        if status != 201:
            fail(f"the {kind} upload answered {status}: {body}")
    status, body, _ = request("POST", f"/api/v1/nominations/{story}/transitions", head, {"event": "submit", "version": 1})
    if status != 200:
        fail(f"the submission answered {status}: {body}")
    status, history, _ = request("GET", f"/api/v1/nominations/{story}/history", secretary)
    if status != 200 or not any(e.get("action", "").endswith("submit") for e in history):
        fail(f"the history after the submission answered {status}: {history}")
    status, compliance, _ = request("GET", f"/api/v1/rounds/{round_id}/compliance", secretary)
    if status != 200:
        fail(f"the compliance table answered {status}: {compliance}")
    replayed = psql(standby_socket, f"SELECT count(*) FROM thidua.nominations WHERE id = '{story}' AND state = 'submitted'")
    log(f"a nomination made, documented and submitted over HTTPS; its history read at once (the standby has it: {replayed})")

    # 1b. The quota holds across instances: six drafts of one commune submitted at once, alternately straight to A
    # and to B, where the commune may have four submitted in the round and the story's one is already there.
    drafts = []
    for number in range(6):
        status, body, _ = request("POST", "/api/v1/nominations", clerk, {
            "roundID": round_id, "movementID": movement_id, "nominee": {"kind": "individual", "name": f"Thử Hạn Mức {number}"}})
        if status != 201:
            fail(f"a draft for the quota race answered {status}: {body}")
        drafts.append(body["id"])
    results = [None] * len(drafts)
    def submit(index):
        results[index] = request("POST", f"/api/v1/nominations/{drafts[index]}/transitions", head,
                                 {"event": "submit", "version": 1}, https=False, port=(PORT_A, PORT_B)[index % 2])[0]
    racers = [threading.Thread(target=submit, args=(index,)) for index in range(len(drafts))]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join(timeout=60)
    if sorted(results) != [200, 200, 200, 409, 409, 409]:
        fail(f"six racing submissions over two instances answered {results}, not three 200 and three 409")
    submitted = psql(primary_socket, "SELECT count(*) FROM thidua.nominations n JOIN thidua.nominees e ON e.id = n.nominee_id "
                                     "WHERE e.name LIKE 'Thử Hạn Mức %' AND n.state <> 'draft'")
    if submitted != "3":
        fail(f"{submitted} racing submissions were kept, not 3")
    log(f"six submissions racing over both instances for the last three places: {sorted(results)}, 3 kept")

    # 2. Instance A killed under load; the same sessions go on through B.
    clerks = [clerk] + [sign_in(name) for name in ("tttuachua.canbo", "huoiso.canbo")]
    with Load(clerks, round_id, movement_id) as load:
        time.sleep(3)
        processes["a"].send_signal(signal.SIGKILL)
        processes["a"].wait()
        log("instance A killed with SIGKILL under load")
        time.sleep(2)
        for _ in range(10):
            status, body, _ = request("GET", f"/api/v1/nominations/{story}", clerk)
            if status != 200:
                fail(f"with A dead, the clerk's session answered {status}: {body}")
        serve("a", PORT_A)
        log("instance A started again")
        time.sleep(2)
    if load.statuses.get(500):
        fail(f"answers during the kill: {load.statuses}")
    log(f"answers under load (each retried with its Idempotency-Key after a 502 or no answer): {load.statuses}")

    # 3. The standby stopped: reports and history come from the primary.
    run([THIDUA, "db", "stop", "--data", STANDBY])
    for path in (f"/api/v1/rounds/{round_id}/compliance", f"/api/v1/nominations/{story}/history"):
        started = time.time()
        status, body, _ = request("GET", path, secretary)
        if status != 200:
            fail(f"with the standby stopped, {path} answered {status}: {body}")
        log(f"standby stopped: {path} answered 200 in {time.time() - started:.2f} s")

    # 4. Nothing acknowledged lost; the chain verifies.
    ids = ",".join(f"'{id}'" for _, id in load.created + [("", story)])
    present = psql(primary_socket, f"SELECT count(*) FROM thidua.nominations WHERE id IN ({ids})")
    if present != str(len(load.created) + 1):
        fail(f"{present} of {len(load.created) + 1} acknowledged nominations are in the database")
    doubled = psql(primary_socket, "SELECT count(*) FROM (SELECT e.name FROM thidua.nominations n JOIN thidua.nominees e "
                                   "ON e.id = n.nominee_id WHERE e.name LIKE 'Thử Hai Máy Chủ %' GROUP BY e.name HAVING count(*) > 1) d")
    if doubled != "0":
        fail(f"{doubled} creates retried after the kill were made twice")
    verify = run([THIDUA, "audit", "verify", "--data", PRIMARY])
    log(f"all {present} acknowledged nominations present; {verify.stdout.strip().splitlines()[0]}")
    log("PASSED")


main()
