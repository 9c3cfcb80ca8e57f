"""The roles matrix over every read route of /openapi.yaml and every demo account (issue 13 item 5).

Against a fresh `thidua demo` (Tests/contract/run starts it, before schemathesis changes anything), every demo
account signs in and sends every GET operation of the contract, each path parameter filled with every record of
its kind that some account can see. A row of the matrix is (route, account, record); it holds when:

  * the answer is not a server error (a 503 only where the contract says so: LibreOffice, the verifier);
  * a nomination the account cannot open itself (GET /api/v1/nominations/{id} is 404 for them) shows its nominee's
    name in no other answer, when the nomination is an armed force's (even inside a signed decision, whose other
    items are public) or is in no signed decision at all (a draft, a nomination under review). Word files are
    unzipped and searched; PDFs are not (their text is compressed).

The ground truth is the API's own answer to the one route that names the record: the matrix checks that every
other route agrees with it. Prints the matrix's size and every failing row; exit 1 on any failure.
Usage: roles_matrix.py BASE_URL
"""
import http.cookiejar
import io
import re
import sys
import zipfile
from datetime import datetime, timezone

import requests

BASE = sys.argv[1].rstrip("/")
PASSWORD = "thidua-demo"
session = requests.Session()
# Bearer tokens only: a session cookie would make every POST a cookie-authenticated one, which needs its CSRF token.
session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))


def get(path, token, **params):
    return session.get(BASE + path, params=params, headers={"Authorization": f"Bearer {token}"}, timeout=60)


def listed(path, token, **params):
    """A list route's items for this account; none when it is refused."""
    reply = get(path, token, **params)
    if reply.status_code != 200:
        return []
    body = reply.json()
    return body["items"] if isinstance(body, dict) else body


def sign_in(username):
    reply = session.post(BASE + "/api/v1/sessions", json={"username": username, "password": PASSWORD}, timeout=30)
    reply.raise_for_status()
    return reply.json()["token"]


def read_operations():
    """The GET operations of the contract, as (path template, required query parameters)."""
    text = session.get(BASE + "/openapi.yaml", timeout=30).text
    operations, path, method = [], None, None
    for line in text.split("\n"):
        if m := re.match(r"^  (/[^:]*):\s*$", line):
            path, method = m.group(1), None
        elif m := re.match(r"^    (get|post|put|delete|patch):", line):
            method = m.group(1)
            if method == "get":
                operations.append([path, []])
        elif method == "get" and "in: query" in line and "required: true" in line:
            operations[-1][1].append(re.search(r"name: (\w+)", line).group(1))
    return operations


def body_text(reply):
    kind = reply.headers.get("Content-Type", "")
    if "wordprocessingml" in kind:
        with zipfile.ZipFile(io.BytesIO(reply.content)) as archive:
            return " ".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist() if name.endswith(".xml"))
    if kind.startswith("application/pdf"):
        return None
    return reply.content.decode("utf-8", "replace")


def post(path, token, body, method="post"):
    reply = session.request(method, BASE + path, json=body, headers={"Authorization": f"Bearer {token}"}, timeout=60)
    if reply.status_code >= 300:
        raise AssertionError(f"{method.upper()} {path}: {reply.status_code} {reply.text[:300]}")
    return reply.json() if reply.content else None


def commend_an_armed_force(secretary, usernames):
    """Takes one of the demo's verified armed-force nominations through the council and a signed decision, as the
    people whose job each step is: the case issue 13 found (an armed force's nominee in a signed decision)."""
    force = next((n for n in listed("/api/v1/nominations", secretary, limit=500) if n["restricted"] and n["state"] == "verified"), None)
    if force is None:
        return
    opened = post("/api/v1/council/sessions", secretary, {
        "roundID": force["roundID"], "title": "Phiên họp xét hồ sơ lực lượng vũ trang", "nominations": [force["id"]]})
    for seat in opened["roster"]:
        member = sign_in(usernames[seat["memberID"]])
        post(f"/api/v1/council/sessions/{opened['id']}/votes/{force['id']}", member, {"choice": "approve", "version": 0}, "put")
    post(f"/api/v1/council/sessions/{opened['id']}/close", secretary, {"version": opened["version"]})
    series = listed("/api/v1/decision-series", secretary)[0]
    drafted = post("/api/v1/decisions", secretary, {
        "seriesID": series["id"], "decidedOn": "2021-12-27T00:00:00Z", "subject": "Về việc khen thưởng tập thể lực lượng vũ trang",
        "legalBases": ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"],
        "items": [{"nominationID": force["id"], "form": "giay-khen-chu-tich-huyen", "type": "by_movement"}]})
    post(f"/api/v1/decisions/{drafted['id']}/sign", sign_in("chutich.huyen"), {"version": drafted["version"]})


def main():
    admin = sign_in("quantri")
    # One account for each demo role and kind of unit (a commune's clerk, an armed force's head, the council...):
    # the first by username of each combination, and both armed forces' clerks.
    secretary = sign_in("noivu.thuky")
    commend_an_armed_force(secretary, {u["id"]: u["username"] for u in get("/api/v1/users", admin).json()})
    units = {u["id"]: u for u in get("/api/v1/units", secretary).json()}
    accounts, seen = {}, set()
    for user in sorted(get("/api/v1/users", admin).json(), key=lambda u: u["username"]):
        if not user.get("active", True):
            continue
        roles = tuple(sorted(get(f"/api/v1/users/{user['id']}", admin).json().get("roles", [])))
        unit = units.get(user["unitID"], {})
        combination = (roles, unit.get("kind"), unit.get("code") if unit.get("kind") == "armed_force" else None)
        if combination not in seen:
            seen.add(combination)
            accounts[user["username"]] = user["id"]
    tokens = {name: sign_in(name) for name in sorted(accounts)}

    # Every record some account sees, by kind.
    nominations = {}
    for token in tokens.values():
        for item in listed("/api/v1/nominations", token, limit=500):
            nominations[item["id"]] = item
    decisions = {d["id"]: d for token in tokens.values() for d in listed("/api/v1/decisions", token)}
    in_signed = set()
    for decision_id in decisions:
        full = get(f"/api/v1/decisions/{decision_id}", secretary)
        if full.status_code == 200 and full.json().get("state") in ("signed", "revoked"):
            in_signed |= {i["nominationID"] for i in full.json().get("items", []) if i.get("nominationID")}
    sessions = {s["id"] for token in tokens.values() for s in listed("/api/v1/council/sessions", token)}
    notices = {n["id"] for token in tokens.values() for n in listed("/api/v1/notices", token)}
    exemplars = {e["id"] for token in tokens.values() for e in listed("/api/v1/exemplars", token)}
    reviews = {r["id"] for r in listed("/api/v1/reviews", secretary)}
    attachments = set()
    for n in nominations:
        attachments |= {a["id"] for a in listed(f"/api/v1/nominations/{n}/attachments", secretary)}
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    nominees = {n["nomineeID"] for n in nominations.values() if n.get("nomineeID")}
    fillers = {
        "/api/v1/movements/{id}": [{"id": m["id"]} for m in listed("/api/v1/movements", secretary)],
        "/api/v1/rounds/{id}/compliance": [{"id": r["id"]} for r in listed("/api/v1/rounds", secretary)],
        "/api/v1/attachments/{id}/content": [{"id": a} for a in attachments],
        "/api/v1/nominees/{id}/commendations": [{"id": n} for n in nominees],
        "/api/v1/reports/yearly/{year}": [{"year": y} for y in range(2021, 2026)],
        "/api/v1/audit/records/{type}/{id}": [{"type": "nominations", "id": n} for n in nominations],
        "/api/v1/audit/users/{id}": [{"id": u} for u in accounts.values()],
        "/api/v1/users/{id}": [{"id": u} for u in accounts.values()],
        "/api/v1/exemplars/{id}": [{"id": e} for e in exemplars],
        "/api/v1/reviews/{id}/candidates": [{"id": r} for r in reviews],
        "/api/v1/notices/{id}": [{"id": n} for n in notices],
    }
    for prefix, ids in [("/api/v1/nominations/{id}", nominations), ("/api/v1/council/sessions/{id}", sessions),
                        ("/api/v1/decisions/{id}", decisions)]:
        fillers[prefix] = [{"id": i} for i in ids]
    query = {"at": now, "year": "2021", "kind": "mid-term", "nominee": next(iter(nominees)), "decision": next(iter(decisions))}

    # The ground truth: which nominations each account opens itself; which names must stay with those who do.
    opens = {name: {n for n in nominations if get(f"/api/v1/nominations/{n}", token).status_code == 200}
             for name, token in tokens.items()}
    guarded = {n: item["nomineeName"] for n, item in nominations.items()
               if item.get("restricted") or units.get(item.get("unitID"), {}).get("kind") == "armed_force" or n not in in_signed}

    # The case issue 13 found must be in the data, or the matrix proves nothing of it: an armed force's nominee
    # inside a signed decision.
    force_in_decisions = [n for n in guarded if n in in_signed]
    rows, failures, unfilled, shown_to_readers = 0, [], [], 0
    for template, required in read_operations():
        params = re.findall(r"\{(\w+)\}", template)
        if params:
            key = next((k for k in fillers if template == k or template.startswith(k + "/") or template.startswith(k + ".")), None)
            if key is None:
                unfilled.append(template)
                continue
            fills = fillers[key]
        else:
            fills = [{}]
        for name, token in tokens.items():
            readable_names = {nominations[n]["nomineeName"] for n in opens[name]}
            for fill in fills:
                path = template
                for param, value in fill.items():
                    path = path.replace("{" + param + "}", str(value))
                reply = get(path, token, **{q: query[q] for q in required})
                rows += 1
                documented_unavailable = reply.status_code == 503 and (path.endswith(".pdf") or "verification" in path)
                if reply.status_code >= 500 and not documented_unavailable:
                    failures.append(f"{name} GET {path}: {reply.status_code}")
                    continue
                text = body_text(reply)
                if text is None:
                    continue
                for nomination, nominee in guarded.items():
                    if nominee not in text:
                        continue
                    if nomination in opens[name]:
                        shown_to_readers += 1
                    elif nominee not in readable_names:
                        failures.append(f"{name} GET {path}: shows «{nominee}» of a nomination they cannot open")
    print(f"roles matrix: {len(read_operations())} read operations × {len(tokens)} demo accounts, {rows} rows, "
          f"{len(guarded)} guarded nominees ({len(force_in_decisions)} armed forces' in signed decisions), "
          f"shown to their readers in {shown_to_readers} answers, {len(failures)} failures")
    if not force_in_decisions or not shown_to_readers:
        failures.append("the matrix is vacuous: no armed force's nominee in a signed decision, or no guarded name ever shown")
    for template in unfilled:
        print("  NOT COVERED (no records to fill its path):", template)
    for line in failures:
        print("  FAILURE:", line)
    sys.exit(1 if failures or unfilled else 0)


main()
