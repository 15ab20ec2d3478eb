"""Tests of the kilo-meds stand-in (meds_standin.py), standard library only.

    python3 -m unittest tests/sync/test_meds_standin.py -v

Each test class starts the stand-in as a subprocess on port 0 and reads the port from the one
line it prints.
"""

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import uuid
from datetime import datetime, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
STANDIN = os.path.join(HERE, "meds_standin.py")
LINE_RE = re.compile(r"^listening on http://127\.0\.0\.1:(\d+)\n$")
RFC3339_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def new_id():
    return str(uuid.uuid4())


class StandIn:
    """One stand-in process."""

    def __init__(self, *args, env=None):
        full_env = dict(os.environ)
        full_env.pop("MEDS_STANDIN_TOKEN", None)
        full_env.update(env or {})
        self.proc = subprocess.Popen(
            [sys.executable, STANDIN, "--port", "0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=full_env, text=True)
        line = self._readline(timeout=10)
        m = LINE_RE.match(line)
        if not m:
            self.proc.kill()
            _, err = self.proc.communicate()
            raise AssertionError("unexpected first line %r; stderr: %s" % (line, err))
        self.port = int(m.group(1))

    def _readline(self, timeout):
        box = []
        t = threading.Thread(target=lambda: box.append(self.proc.stdout.readline()), daemon=True)
        t.start()
        t.join(timeout)
        if not box:
            self.proc.kill()
            raise AssertionError("the stand-in did not print its address within %ss" % timeout)
        return box[0]

    def conn(self, timeout=10):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, conn=None):
        """(status, headers, raw body, parsed JSON or None)."""
        own = conn is None
        c = conn or self.conn()
        try:
            if isinstance(body, (dict, list)):
                body = json.dumps(body)
            if isinstance(body, str):
                body = body.encode("utf-8")
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            raw = r.read()
            try:
                doc = json.loads(raw.decode("utf-8")) if raw else None
            except ValueError:
                doc = None
            return r.status, r, raw, doc
        finally:
            if own:
                c.close()

    def stop(self, sig=signal.SIGTERM, timeout=10):
        """Signals the process; returns (exit status, rest of stdout, stderr)."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            out, err = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, err = self.proc.communicate()
            raise AssertionError("the stand-in did not stop on signal %s" % sig)
        return self.proc.returncode, out, err


class StandInCase(unittest.TestCase):
    """One stand-in for the class; each test starts from an empty store and no faults."""

    args = ()
    env = None

    @classmethod
    def setUpClass(cls):
        cls.s = StandIn(*cls.args, env=cls.env)

    @classmethod
    def tearDownClass(cls):
        code, out, err = cls.s.stop()
        assert code == 0, "exit status %s, stderr %s" % (code, err)
        assert out == "", "more than one line on stdout: %r" % out

    def setUp(self):
        self.assertEqual(self.s.request("POST", "/_admin/faults", {})[0], 200)
        self.assertEqual(self.s.request("POST", "/_admin/reset")[0], 200)

    # helpers ------------------------------------------------------------------------------
    def req(self, method, path, body=None, headers=None, conn=None):
        status, resp, raw, doc = self.s.request(method, path, body, headers, conn)
        self.assertEqual(resp.getheader("Content-Type"), "application/json",
                         "%s %s -> %s" % (method, path, status))
        return status, resp, raw, doc

    def put(self, rid, body, version=None, headers=None):
        h = dict(headers or {})
        if version is not None:
            h["If-Match"] = '"%s"' % version
        return self.req("PUT", "/api/v1/medications/" + rid, body, h)

    def delete(self, rid, version=None, headers=None):
        h = dict(headers or {})
        if version is not None:
            h["If-Match"] = '"%s"' % version
        return self.req("DELETE", "/api/v1/medications/" + rid, None, h)

    def pull(self, since=None, limit=None):
        q = []
        if since is not None:
            q.append("since=" + since)
        if limit is not None:
            q.append("limit=%s" % limit)
        status, _, _, doc = self.req("GET", "/api/v1/medications" + ("?" + "&".join(q) if q else ""))
        self.assertEqual(status, 200)
        return doc

    def create(self, **fields):
        rid = new_id()
        status, _, _, doc = self.put(rid, dict({"name": "Lisinopril"}, **fields))
        self.assertEqual(status, 201)
        return doc


class TestBasics(StandInCase):
    def test_healthz(self):
        status, _, _, doc = self.req("GET", "/healthz")
        self.assertEqual((status, doc), (200, {"status": "ok"}))

    def test_create_sets_server_fields(self):
        rid = new_id()
        before = datetime.now(timezone.utc).replace(microsecond=0)
        status, resp, _, doc = self.put(rid, {"name": "Lisinopril", "dose": "10 mg"},
                                        headers={"X-Device-Name": "kitchen"})
        after = datetime.now(timezone.utc)
        self.assertEqual(status, 201)
        self.assertEqual(doc["id"], rid)
        self.assertEqual(doc["version"], 1)
        self.assertIs(doc["deleted"], False)
        self.assertEqual(doc["updated_by"], "kitchen")
        self.assertEqual((doc["name"], doc["dose"]), ("Lisinopril", "10 mg"))
        self.assertRegex(doc["updated_at"], RFC3339_UTC)
        at = datetime.strptime(doc["updated_at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
        self.assertTrue(before <= at <= after, (before, at, after))
        self.assertEqual(resp.getheader("ETag"), '"1"')

    def test_updated_by_from_body_then_header_then_unknown(self):
        doc = self.put(new_id(), {"name": "A", "updated_by": "bedroom"},
                       headers={"X-Device-Name": "kitchen"})[3]
        self.assertEqual(doc["updated_by"], "bedroom")
        self.assertEqual(self.put(new_id(), {"name": "B"})[3]["updated_by"], "unknown")

    def test_server_fields_in_body_are_replaced(self):
        rid = new_id()
        status, _, _, doc = self.put(rid, {"name": "A", "id": "something-else", "version": 41,
                                           "deleted": True, "updated_at": "1999-01-01T00:00:00Z"})
        self.assertEqual(status, 201)
        self.assertEqual((doc["id"], doc["version"], doc["deleted"]), (rid, 1, False))
        self.assertNotEqual(doc["updated_at"], "1999-01-01T00:00:00Z")

    def test_unknown_fields_kept_untouched(self):
        extra = {"name": "Metformin", "future_field": {"nested": [1, 2.5, None, True, "é"]},
                 "schedule": [{"time": "08:00", "amount": 1}], "note": "ünïcödé ✓", "zero": 0}
        rid = new_id()
        doc = self.put(rid, extra)[3]
        for k, v in extra.items():
            self.assertEqual(doc[k], v)
        pulled = [m for m in self.pull()["items"] if m["id"] == rid][0]
        self.assertEqual(pulled, doc)

    def test_put_replaces_the_whole_record(self):
        doc = self.create(dose="5 mg")
        doc2 = self.put(doc["id"], {"name": "Lisinopril"}, version=1)[3]
        self.assertNotIn("dose", doc2)

    def test_put_existing_without_if_match_is_412(self):
        doc = self.create()
        status, resp, _, body = self.put(doc["id"], {"name": "Other"})
        self.assertEqual(status, 412)
        self.assertEqual(body, {"current": doc})
        self.assertEqual(resp.getheader("ETag"), '"1"')

    def test_update_with_right_if_match(self):
        doc = self.create()
        status, resp, _, doc2 = self.put(doc["id"], {"name": "Lisinopril", "dose": "20 mg"},
                                         version=1, headers={"X-Device-Name": "bedroom"})
        self.assertEqual(status, 200)
        self.assertEqual((doc2["version"], doc2["dose"], doc2["updated_by"]), (2, "20 mg", "bedroom"))
        self.assertEqual(resp.getheader("ETag"), '"2"')
        doc3 = self.put(doc["id"], {"name": "Lisinopril", "dose": "30 mg"}, version=2)[3]
        self.assertEqual(doc3["version"], 3)

    def test_update_with_wrong_if_match_is_412_and_changes_nothing(self):
        doc = self.create()
        doc2 = self.put(doc["id"], {"name": "X"}, version=1)[3]
        for stale in (1, 3, 99):
            status, _, _, body = self.put(doc["id"], {"name": "Y"}, version=stale)
            self.assertEqual(status, 412)
            self.assertEqual(body, {"current": doc2})
        self.assertEqual(self.pull()["items"], [doc2])

    def test_if_match_forms(self):
        doc = self.create()
        # a bare number and "*" are accepted as well as the quoted version
        status, _, _, doc2 = self.req("PUT", "/api/v1/medications/" + doc["id"], {"name": "B"},
                                      {"If-Match": "1"})
        self.assertEqual((status, doc2["version"]), (200, 2))
        status, _, _, doc3 = self.req("PUT", "/api/v1/medications/" + doc["id"], {"name": "C"},
                                      {"If-Match": "*"})
        self.assertEqual((status, doc3["version"]), (200, 3))
        for bad in ('"abc"', 'W/"3"', '"-1"', "3, 4"):
            status, _, _, body = self.req("PUT", "/api/v1/medications/" + doc["id"], {"name": "D"},
                                          {"If-Match": bad})
            self.assertEqual(status, 400, bad)
            self.assertIn("error", body)

    def test_if_match_on_unknown_record_is_412_with_null(self):
        status, _, _, body = self.put(new_id(), {"name": "A"}, version=1)
        self.assertEqual((status, body), (412, {"current": None}))

    def test_put_without_change_keeps_version(self):
        doc = self.create(dose="5 mg")
        cursor = self.pull()["cursor"]
        status, _, _, same = self.put(doc["id"], {"dose": "5 mg", "name": "Lisinopril",
                                                  "updated_by": "someone else"}, version=1)
        self.assertEqual(status, 200)
        self.assertEqual(same, doc)
        self.assertEqual(self.pull(since=cursor), {"items": [], "cursor": cursor, "more": False})
        # key order does not matter; a different JSON type is a change
        same = self.put(doc["id"], {"name": "Lisinopril", "dose": "5 mg"}, version=1)[3]
        self.assertEqual(same["version"], 1)
        flag = self.create(active=True)
        changed = self.put(flag["id"], {"name": "Lisinopril", "active": 1}, version=1)[3]
        self.assertEqual((changed["version"], changed["active"]), (2, 1))
        as_float = self.put(flag["id"], {"name": "Lisinopril", "active": 1.0}, version=2)[3]
        self.assertEqual((as_float["version"], type(as_float["active"])), (3, float))
        # with a stale version it is still a conflict: idempotence is the client's job
        self.put(doc["id"], {"name": "Lisinopril", "dose": "6 mg"}, version=1)
        status = self.put(doc["id"], {"name": "Lisinopril", "dose": "6 mg"}, version=1)[0]
        self.assertEqual(status, 412)

    def test_delete(self):
        doc = self.create(dose="5 mg")
        status, resp, _, tomb = self.delete(doc["id"], version=1, headers={"X-Device-Name": "hall"})
        self.assertEqual(status, 200)
        self.assertIs(tomb["deleted"], True)
        self.assertEqual(tomb["version"], 2)
        self.assertEqual((tomb["name"], tomb["dose"], tomb["updated_by"]), ("Lisinopril", "5 mg", "hall"))
        self.assertRegex(tomb["updated_at"], RFC3339_UTC)
        self.assertEqual(resp.getheader("ETag"), '"2"')
        # deleting the tombstone again at its version changes nothing
        status, _, _, again = self.delete(doc["id"], version=2)
        self.assertEqual((status, again), (200, tomb))

    def test_delete_wrong_or_missing_if_match_is_412(self):
        doc = self.create()
        for version in (2, None):
            status, _, _, body = self.delete(doc["id"], version=version)
            self.assertEqual((status, body), (412, {"current": doc}))
        self.assertEqual(self.pull()["items"], [doc])

    def test_delete_unknown_is_404(self):
        status, _, _, body = self.delete(new_id(), version=1)
        self.assertEqual(status, 404)
        self.assertIn("error", body)

    def test_tombstone_is_a_record(self):
        doc = self.create()
        tomb = self.delete(doc["id"], version=1)[3]
        status, _, _, body = self.put(doc["id"], {"name": "again"})
        self.assertEqual((status, body), (412, {"current": tomb}))
        status, _, _, back = self.put(doc["id"], {"name": "Lisinopril"}, version=2)
        self.assertEqual(status, 200)
        self.assertEqual((back["version"], back["deleted"]), (3, False))

    def test_concurrent_updates_only_one_wins(self):
        doc = self.create()
        results = []

        def attempt(i):
            s = self.s.request("PUT", "/api/v1/medications/" + doc["id"], {"name": "n%d" % i},
                               {"If-Match": '"1"'})[0]
            results.append(s)

        threads = [threading.Thread(target=attempt, args=(i,)) for i in range(12)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(results), [200] + [412] * 11)
        self.assertEqual(self.pull()["items"][0]["version"], 2)


class TestPull(StandInCase):
    def test_without_since_all_records_and_tombstones(self):
        a, b, c = self.create(), self.create(), self.create()
        tomb = self.delete(b["id"], version=1)[3]
        doc = self.pull()
        self.assertEqual(sorted(doc), ["cursor", "items", "more"])
        self.assertIs(doc["more"], False)
        self.assertIsInstance(doc["cursor"], str)
        self.assertEqual(doc["items"], [a, c, tomb])  # in order of change
        self.assertEqual(self.pull(since=""), doc)

    def test_since_cursor(self):
        a = self.create()
        b = self.create()
        cursor = self.pull()["cursor"]
        self.assertEqual(self.pull(since=cursor), {"items": [], "cursor": cursor, "more": False})
        a2 = self.put(a["id"], {"name": "A2"}, version=1)[3]
        c = self.create()
        tomb = self.delete(b["id"], version=1)[3]
        doc = self.pull(since=cursor)
        self.assertEqual(doc["items"], [a2, c, tomb])
        self.assertNotEqual(doc["cursor"], cursor)
        # a record changed twice after the cursor comes once, as it is now
        a3 = self.put(a["id"], {"name": "A3"}, version=2)[3]
        a4 = self.put(a["id"], {"name": "A4"}, version=3)[3]
        doc2 = self.pull(since=doc["cursor"])
        self.assertEqual(doc2["items"], [a4])
        self.assertNotEqual(a3, a4)
        # an older cursor still sees everything since then
        self.assertEqual(self.pull(since=cursor)["items"], [c, tomb, a4])

    def test_bad_cursor_and_limit(self):
        for q in ("since=abc", "since=-1", "since=1.5", "limit=0", "limit=-3", "limit=x"):
            status, _, _, body = self.req("GET", "/api/v1/medications?" + q)
            self.assertEqual(status, 400, q)
            self.assertIn("error", body)

    def test_cursor_ahead_of_store_gives_everything(self):
        a = self.create()
        cursor = int(self.pull()["cursor"])
        doc = self.pull(since=str(cursor + 1000))
        self.assertEqual(doc["items"], [a])
        self.assertEqual(doc["cursor"], str(cursor))

    def test_paging(self):
        made = [self.create(n=i) for i in range(12)]
        seen, cursor, pages = [], None, []
        while True:
            doc = self.pull(since=cursor, limit=5)
            pages.append((len(doc["items"]), doc["more"]))
            seen += doc["items"]
            cursor = doc["cursor"]
            if not doc["more"]:
                break
        self.assertEqual(pages, [(5, True), (5, True), (2, False)])
        self.assertEqual(seen, made)
        self.assertEqual(self.pull(since=cursor)["items"], [])
        # exactly limit left: no "more"
        doc = self.pull(limit=12)
        self.assertEqual((len(doc["items"]), doc["more"]), (12, False))

    def test_change_between_pages_is_not_lost(self):
        made = [self.create(n=i) for i in range(4)]
        first = self.pull(limit=2)
        self.assertTrue(first["more"])
        changed = self.put(made[0]["id"], {"n": "changed"}, version=1)[3]
        rest = self.pull(since=first["cursor"], limit=10)
        self.assertEqual(rest["items"], made[2:] + [changed])

    def test_default_limit_is_500(self):
        c = self.s.conn()
        try:
            for i in range(501):
                status = self.req("PUT", "/api/v1/medications/" + new_id(), {"n": i}, conn=c)[0]
                self.assertEqual(status, 201)
        finally:
            c.close()
        doc = self.pull()
        self.assertEqual((len(doc["items"]), doc["more"]), (500, True))
        rest = self.pull(since=doc["cursor"])
        self.assertEqual((len(rest["items"]), rest["more"]), (1, False))
        self.assertEqual(rest["items"][0]["n"], 500)

    def test_reset_empties_and_cursor_keeps_growing(self):
        self.create()
        old = self.pull()["cursor"]
        status, _, _, body = self.req("POST", "/_admin/reset")
        self.assertEqual(status, 200)
        self.assertEqual(self.pull()["items"], [])
        self.assertEqual(self.req("GET", "/_admin/dump")[3]["items"], [])
        b = self.create()
        self.assertEqual(self.pull(since=old)["items"], [b])

    def test_dump(self):
        a = self.create()
        b = self.create()
        tomb = self.delete(a["id"], version=1)[3]
        status, _, _, doc = self.req("GET", "/_admin/dump")
        self.assertEqual(status, 200)
        self.assertEqual(doc["items"], [b, tomb])
        self.assertEqual(doc["count"], 2)


class TestBadRequests(StandInCase):
    def test_bad_bodies(self):
        rid = new_id()
        for body in (b"{not json", b"", b"[1, 2]", b'"text"', b"42", b"null",
                     b'{"a": NaN}', b'\xff\xfe{}', b'{"name": "A", "updated_by": 7}'):
            status, _, _, doc = self.req("PUT", "/api/v1/medications/" + rid, body)
            self.assertEqual(status, 400, body)
            self.assertIn("error", doc)
        self.assertEqual(self.pull()["items"], [])

    def test_bad_ids(self):
        for rid in ("short", "1234567", "g" * 10, "x" * 65, "0" * 65, "abc_defgh", "%20abcdefgh"):
            for method in ("PUT", "DELETE"):
                status, _, _, doc = self.req(method, "/api/v1/medications/" + rid, {"name": "A"},
                                             {"If-Match": '"1"'} if method == "DELETE" else None)
                self.assertEqual(status, 400, (method, rid))
                self.assertIn("error", doc)
        self.assertEqual(self.put("0" * 64, {"name": "A"})[0], 201)
        self.assertEqual(self.put("ABCDEF-1", {"name": "A"})[0], 201)

    def test_unknown_paths(self):
        for path in ("/", "/api", "/api/v2/medications", "/api/v1/medications/abcdef12/x",
                     "/api/v1/other", "/health", "/_admin/nothing"):
            status, _, _, doc = self.req("GET", path)
            self.assertEqual(status, 404, path)
            self.assertIn("error", doc)

    def test_wrong_methods(self):
        cases = [("POST", "/api/v1/medications"), ("PUT", "/api/v1/medications"),
                 ("DELETE", "/api/v1/medications"), ("GET", "/api/v1/medications/abcdef12"),
                 ("POST", "/api/v1/medications/abcdef12"), ("PATCH", "/api/v1/medications/abcdef12"),
                 ("PUT", "/healthz"), ("BREW", "/healthz"), ("GET", "/_admin/reset"),
                 ("DELETE", "/_admin/faults"), ("POST", "/_admin/dump")]
        for method, path in cases:
            status, resp, _, doc = self.req(method, path, b"{}")
            self.assertEqual(status, 405, (method, path))
            self.assertIn("error", doc)
            self.assertTrue(resp.getheader("Allow"))

    def test_malformed_request_line_is_json(self):
        with socket.create_connection(("127.0.0.1", self.s.port), timeout=5) as sock:
            sock.sendall(b"GARBAGE\r\n\r\n")
            data = b""
            while True:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        self.assertRegex(head.split(b"\r\n")[0], rb"^HTTP/1\.[01] 400 ")
        self.assertIn(b"Content-Type: application/json", head)
        self.assertIn("error", json.loads(body))

    def test_keep_alive_survives_errors(self):
        c = self.s.conn()
        try:
            self.assertEqual(self.req("PUT", "/api/v1/medications/bad", {"name": "x" * 5000}, conn=c)[0], 400)
            self.assertEqual(self.req("POST", "/api/v1/medications", {"name": "y" * 5000}, conn=c)[0], 405)
            self.assertEqual(self.req("GET", "/nowhere", b"z" * 3000, conn=c)[0], 404)
            self.assertEqual(self.req("GET", "/healthz", conn=c)[0], 200)
            self.assertEqual(self.req("PUT", "/api/v1/medications/" + new_id(), {"a": 1}, conn=c)[0], 201)
        finally:
            c.close()

    def test_chunked_body(self):
        rid = new_id()
        c = self.s.conn()
        try:
            c.putrequest("PUT", "/api/v1/medications/" + rid)
            c.putheader("Transfer-Encoding", "chunked")
            c.endheaders()
            for part in (b'{"name": ', b'"Chunked"}'):
                c.send(b"%x\r\n%s\r\n" % (len(part), part))
            c.send(b"0\r\n\r\n")
            r = c.getresponse()
            doc = json.loads(r.read())
        finally:
            c.close()
        self.assertEqual((r.status, doc["name"]), (201, "Chunked"))

    def test_too_large_body_is_413(self):
        # only the headers: the stand-in answers before reading a body it will not take
        with socket.create_connection(("127.0.0.1", self.s.port), timeout=5) as sock:
            sock.sendall(b"PUT /api/v1/medications/abcdef12 HTTP/1.1\r\nHost: x\r\n"
                         b"Content-Length: 2000000\r\n\r\n")
            data = sock.recv(4096)
        self.assertRegex(data.split(b"\r\n")[0], rb"^HTTP/1\.1 413 ")
        self.assertIn(b"Content-Type: application/json", data)

    def test_head(self):
        c = self.s.conn()
        try:
            c.request("HEAD", "/healthz")
            r = c.getresponse()
            self.assertEqual((r.status, r.read()), (200, b""))
            self.assertEqual(r.getheader("Content-Type"), "application/json")
        finally:
            c.close()


class TestToken(StandInCase):
    args = ("--token", "s3cret")

    def test_api_needs_token(self):
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret"},
                        {"Authorization": "Bearer"}, {"Authorization": "s3cret"}):
            for method, path, body in (("GET", "/api/v1/medications", None),
                                       ("PUT", "/api/v1/medications/" + new_id(), {"a": 1}),
                                       ("DELETE", "/api/v1/medications/abcdef12", None),
                                       ("GET", "/api/v1/nothing", None)):
                status, _, _, doc = self.req(method, path, body, headers)
                self.assertEqual(status, 401, (headers, method, path))
                self.assertIsInstance(doc["error"], str)
        self.assertEqual(self.req("GET", "/_admin/dump")[3]["items"], [])

    def test_right_token(self):
        auth = {"Authorization": "Bearer s3cret"}
        self.assertEqual(self.put(new_id(), {"a": 1}, headers=auth)[0], 201)
        self.assertEqual(self.req("GET", "/api/v1/medications", headers=auth)[0], 200)
        self.assertEqual(self.req("GET", "/api/v1/medications",
                                  headers={"Authorization": "bearer s3cret"})[0], 200)

    def test_healthz_and_admin_need_no_token(self):
        self.assertEqual(self.req("GET", "/healthz")[0], 200)
        self.assertEqual(self.req("GET", "/_admin/dump")[0], 200)
        self.assertEqual(self.req("POST", "/_admin/faults", {"latency_ms": 0})[0], 200)


class TestTokenFromEnvironment(StandInCase):
    env = {"MEDS_STANDIN_TOKEN": "from-env"}

    def test_env_token(self):
        self.assertEqual(self.req("GET", "/api/v1/medications")[0], 401)
        self.assertEqual(self.req("GET", "/api/v1/medications",
                                  headers={"Authorization": "Bearer from-env"})[0], 200)


class TestFaults(StandInCase):
    def faults(self, **switches):
        status, _, _, doc = self.req("POST", "/_admin/faults", switches)
        self.assertEqual(status, 200)
        return doc["faults"]

    def test_switches_replace_and_read_back(self):
        doc = self.faults(fail_rate=0.5, latency_ms=10)
        self.assertEqual(doc, {"fail_rate": 0.5, "latency_ms": 10, "garbage": False, "truncate": False})
        self.assertEqual(self.faults(garbage=True)["fail_rate"], 0.0)
        self.assertEqual(self.req("GET", "/_admin/faults")[3]["faults"]["garbage"], True)
        self.assertEqual(self.faults(), dict(fail_rate=0.0, latency_ms=0, garbage=False, truncate=False))

    def test_bad_switches(self):
        for body in ({"fail_rate": 1.5}, {"fail_rate": -0.1}, {"fail_rate": "high"},
                     {"latency_ms": -1}, {"garbage": 1}, {"truncate": "yes"}, {"nonsense": True},
                     [1], "{bad"):
            status, _, _, doc = self.req("POST", "/_admin/faults", body)
            self.assertEqual(status, 400, body)
            self.assertIn("error", doc)

    def test_fail_rate_one_answers_503_and_changes_nothing(self):
        a = self.create()
        self.faults(fail_rate=1.0)
        rid = new_id()
        for method, path, body, headers in (
                ("GET", "/api/v1/medications", None, None),
                ("PUT", "/api/v1/medications/" + rid, {"a": 1}, None),
                ("PUT", "/api/v1/medications/" + a["id"], {"a": 2}, {"If-Match": '"1"'}),
                ("DELETE", "/api/v1/medications/" + a["id"], None, {"If-Match": '"1"'}),
                ("GET", "/healthz", None, None)):
            status, _, _, doc = self.req(method, path, body, headers)
            self.assertEqual(status, 503, (method, path))
            self.assertIn("error", doc)
        # admin endpoints are never faulted
        self.assertEqual(self.req("GET", "/_admin/dump")[3]["items"], [a])

    def test_fail_rate_is_random(self):
        self.faults(fail_rate=0.5, seed=7)
        statuses = [self.req("GET", "/healthz")[0] for _ in range(60)]
        self.assertEqual(set(statuses), {200, 503})
        self.faults(fail_rate=0.0)
        self.assertEqual({self.req("GET", "/healthz")[0] for _ in range(20)}, {200})

    def test_latency(self):
        self.faults(latency_ms=1000)
        t0 = time.monotonic()
        self.assertEqual(self.req("GET", "/api/v1/medications")[0], 200)
        self.assertGreaterEqual(time.monotonic() - t0, 0.99)
        self.faults()
        t0 = time.monotonic()
        self.req("GET", "/api/v1/medications")
        self.assertLess(time.monotonic() - t0, 0.9)  # generous: the machine may be busy

    def test_garbage(self):
        self.faults(garbage=True)
        rid = new_id()
        status, _, raw, doc = self.req("PUT", "/api/v1/medications/" + rid, {"name": "A"})
        self.assertEqual(status, 200)
        self.assertIsNone(doc)
        self.assertRaises(ValueError, lambda: json.loads(raw.decode("utf-8", "replace")))
        status, _, raw, doc = self.req("GET", "/api/v1/medications")
        self.assertEqual((status, doc), (200, None))
        # the change was carried out; only its answer was spoiled
        self.faults()
        self.assertEqual([m["id"] for m in self.pull()["items"]], [rid])

    def test_truncate(self):
        self.create()
        self.faults(truncate=True)
        with socket.create_connection(("127.0.0.1", self.s.port), timeout=5) as sock:
            sock.sendall(b"GET /api/v1/medications HTTP/1.1\r\nHost: x\r\n\r\n")
            data = b""
            while True:
                chunk = sock.recv(4096)
                if not chunk:
                    break  # the stand-in closed the connection
                data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = int(re.search(rb"Content-Length: (\d+)", head).group(1))
        self.assertGreater(length, len(body))
        self.assertGreater(len(body), 0)
        # http.client sees it as an incomplete read
        c = self.s.conn()
        try:
            c.request("GET", "/api/v1/medications")
            r = c.getresponse()
            self.assertRaises(http.client.IncompleteRead, r.read)
        finally:
            c.close()
        # a truncated PUT answer: the change was made
        rid = new_id()
        c = self.s.conn()
        try:
            c.request("PUT", "/api/v1/medications/" + rid, body=b'{"name": "T"}')
            self.assertRaises(http.client.IncompleteRead, c.getresponse().read)
        finally:
            c.close()
        self.faults()
        self.assertIn(rid, [m["id"] for m in self.pull()["items"]])


class TestProcess(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.data = os.path.join(self.tmp.name, "meds.json")

    def tearDown(self):
        self.tmp.cleanup()

    def test_persistence_across_restart(self):
        s = StandIn("--data", self.data)
        try:
            a = s.request("PUT", "/api/v1/medications/" + new_id(), {"name": "A", "x": [1]})[3]
            b = s.request("PUT", "/api/v1/medications/" + new_id(), {"name": "B"})[3]
            tomb = s.request("DELETE", "/api/v1/medications/" + b["id"], None, {"If-Match": '"1"'})[3]
            before = s.request("GET", "/_admin/dump")[3]
        finally:
            code, out, err = s.stop()
        self.assertEqual((code, out), (0, ""), err)
        self.assertEqual(before["items"], [a, tomb])
        with open(self.data) as f:
            json.load(f)  # a complete JSON document
        self.assertEqual(os.listdir(self.tmp.name), ["meds.json"])  # no temp file left

        s = StandIn("--data", self.data)
        try:
            self.assertEqual(s.request("GET", "/_admin/dump")[3], before)
            all_ = s.request("GET", "/api/v1/medications")[3]
            self.assertEqual((all_["items"], all_["cursor"]), ([a, tomb], before["cursor"]))
            # versions and the cursor go on from where they were
            a2 = s.request("PUT", "/api/v1/medications/" + a["id"], {"name": "A2"}, {"If-Match": '"1"'})
            self.assertEqual((a2[0], a2[3]["version"]), (200, 2))
            since = s.request("GET", "/api/v1/medications?since=" + before["cursor"])[3]
            self.assertEqual(since["items"], [a2[3]])
        finally:
            self.assertEqual(s.stop()[0], 0)

    def test_acknowledged_change_survives_kill_9(self):
        s = StandIn("--data", self.data)
        rid = new_id()
        self.assertEqual(s.request("PUT", "/api/v1/medications/" + rid, {"name": "A"})[0], 201)
        s.proc.kill()
        s.proc.communicate()
        s = StandIn("--data", self.data)
        try:
            self.assertEqual([m["id"] for m in s.request("GET", "/_admin/dump")[3]["items"]], [rid])
        finally:
            s.stop()

    def test_reset_is_persisted(self):
        s = StandIn("--data", self.data)
        s.request("PUT", "/api/v1/medications/" + new_id(), {"name": "A"})
        s.request("POST", "/_admin/reset")
        s.stop()
        s = StandIn("--data", self.data)
        try:
            self.assertEqual(s.request("GET", "/_admin/dump")[3]["items"], [])
        finally:
            s.stop()

    def test_damaged_data_file_refuses_to_start(self):
        with open(self.data, "w") as f:
            f.write('{"format": 1, "seq": 3, "records": [')
        proc = subprocess.run([sys.executable, STANDIN, "--port", "0", "--data", self.data],
                              capture_output=True, text=True, timeout=10)
        self.assertNotEqual(proc.returncode, 0)
        self.assertEqual(proc.stdout, "")
        self.assertIn("damaged", proc.stderr)
        with open(self.data) as f:
            self.assertEqual(f.read(), '{"format": 1, "seq": 3, "records": [')

    def test_sigint_exits_cleanly(self):
        s = StandIn()
        self.assertEqual(s.request("GET", "/healthz")[0], 200)
        t0 = time.monotonic()
        code, out, err = s.stop(signal.SIGINT)
        self.assertEqual((code, out), (0, ""), err)
        self.assertLess(time.monotonic() - t0, 5)

    def test_two_on_port_zero_get_different_ports(self):
        a, b = StandIn(), StandIn()
        try:
            self.assertNotEqual(a.port, b.port)
        finally:
            a.stop()
            b.stop()

    def test_port_in_use_fails(self):
        a = StandIn()
        try:
            proc = subprocess.run([sys.executable, STANDIN, "--port", str(a.port)],
                                  capture_output=True, text=True, timeout=10)
            self.assertNotEqual(proc.returncode, 0)
            self.assertEqual(proc.stdout, "")
        finally:
            a.stop()


if __name__ == "__main__":
    unittest.main()
