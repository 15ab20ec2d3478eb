#!/usr/bin/env python3
"""Stand-in for the household's kilo-meds service (issue 16), Python 3 standard library only.

Written apart from the project's own simulator (kilo-kiosk meds-sim), from the API in issue 16
only, so the kiosk's sync can be tested against two independent implementations.  See README.md
next to this file for the rules; in short:

  GET    /api/v1/medications[?since=CURSOR][&limit=N]   changes after CURSOR (tombstones included)
  PUT    /api/v1/medications/{id}   (If-Match: "<version>" when updating)   201 / 200 / 412
  DELETE /api/v1/medications/{id}   (If-Match: "<version>")                 200 / 412 / 404
  GET    /api/v1/doses[?since=CURSOR][&limit=N]         dose log entries added after CURSOR
  PUT    /api/v1/doses/{id}   append-only: 201 new, 200 the same again, 412 {"current"} otherwise
  GET    /healthz
  POST   /_admin/faults, POST /_admin/reset, GET /_admin/dump, GET /_admin/faults,
  GET    /_admin/doses

Usage: python3 meds_standin.py --port 0 [--token T] [--data FILE]
Prints exactly one line, "listening on http://127.0.0.1:PORT", once it accepts connections.
"""

import argparse
import hmac
import json
import os
import random
import re
import signal
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

HOST = "127.0.0.1"
DEFAULT_LIMIT = 500
MAX_BODY = 1024 * 1024  # a medication record is a few hundred bytes
DATA_FORMAT = 1

ID_RE = re.compile(r"^[0-9a-fA-F-]{8,64}$")
IF_MATCH_RE = re.compile(r'^\s*(?:"(\d{1,18})"|(\d{1,18})|(\*))\s*$')
# Fields the server owns: whatever the client sends for them is replaced, and they are ignored
# when deciding whether a PUT changes anything.
SERVER_FIELDS = ("id", "version", "deleted", "updated_at", "updated_by")
COLLECTION = "/api/v1/medications"
ITEM_PREFIX = COLLECTION + "/"
DOSES = "/api/v1/doses"
DOSE_PREFIX = DOSES + "/"
DOSE_STATUSES = ("given", "skipped")
GARBAGE_BODY = b'{"items": [{"id": "tr\xff\xfe<html><body>502 Bad Gateway</body></html>\x00'


class DataFileError(Exception):
    pass


def utc_now():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def content_of(record):
    return {k: v for k, v in record.items() if k not in SERVER_FIELDS}


def same_content(a, b):
    """As JSON: key order does not matter; true, 1 and 1.0 are different values."""
    def canon(r):
        return json.dumps(content_of(r), sort_keys=True, ensure_ascii=False)
    return canon(a) == canon(b)


def _reject_constant(name):
    raise ValueError("%s is not JSON" % name)


def parse_json(raw):
    """JSON per RFC 8259: UTF-8, no NaN/Infinity. Raises ValueError."""
    text = raw.decode("utf-8")  # UnicodeDecodeError is a ValueError
    return json.loads(text, parse_constant=_reject_constant)


class Store:
    """Records by id, each with the change sequence number of its last change.

    The cursor handed to clients is str(seq): "every record changed after CURSOR" is every record
    whose seq is greater.  seq never goes back, not even on reset, so an old cursor never hides
    a newer change.
    """

    def __init__(self, data_path=None):
        self.lock = threading.Lock()
        self.seq = 0
        self.records = {}  # id -> {"seq": int, "med": dict}
        self.data_path = data_path
        if data_path:
            self._load()

    # -- persistence -------------------------------------------------------------------------
    def _load(self):
        try:
            with open(self.data_path, "rb") as f:
                raw = f.read()
        except FileNotFoundError:
            self._persist()  # fail at start, not at the first change, when the folder is not writable
            return
        except OSError as e:
            raise DataFileError("cannot read %s: %s" % (self.data_path, e))
        try:
            doc = parse_json(raw)
            if not isinstance(doc, dict) or doc.get("format") != DATA_FORMAT:
                raise ValueError("not a stand-in data file (format %r)" % DATA_FORMAT)
            seq = doc["seq"]
            if not isinstance(seq, int) or seq < 0:
                raise ValueError("bad seq")
            records = {}
            for entry in doc["records"]:
                med, rseq = entry["med"], entry["seq"]
                if not isinstance(med, dict) or not isinstance(rseq, int) or not 0 < rseq <= seq:
                    raise ValueError("bad record entry")
                if not isinstance(med.get("id"), str) or not isinstance(med.get("version"), int):
                    raise ValueError("record without id or version")
                records[med["id"]] = {"seq": rseq, "med": med}
        except (ValueError, KeyError, TypeError) as e:
            raise DataFileError("%s is damaged (%s); not starting, so it is not overwritten"
                                % (self.data_path, e))
        self.seq, self.records = seq, records

    def _persist(self):
        """Atomic: temp file in the same folder, fsync, rename, fsync the folder."""
        if not self.data_path:
            return
        doc = {
            "format": DATA_FORMAT,
            "seq": self.seq,
            "records": [{"seq": r["seq"], "med": r["med"]} for r in self._ordered()],
        }
        data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        folder = os.path.dirname(os.path.abspath(self.data_path))
        fd, tmp = tempfile.mkstemp(prefix=".meds-standin-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.data_path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        try:
            dfd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
        except OSError:
            pass  # some file systems cannot fsync a folder; the rename is still atomic

    def _commit(self, rid, new_entry):
        """Install new_entry (the next change) for rid and save; undone when saving fails."""
        old_entry, old_seq = self.records.get(rid), self.seq
        self.records[rid] = new_entry
        self.seq = new_entry["seq"]
        try:
            self._persist()
        except OSError:
            if old_entry is None:
                del self.records[rid]
            else:
                self.records[rid] = old_entry
            self.seq = old_seq
            raise

    def _ordered(self):
        return sorted(self.records.values(), key=lambda r: r["seq"])

    # -- operations (caller holds self.lock) -------------------------------------------------
    def changes(self, since, limit):
        """(items, cursor, more).  A cursor ahead of the store (it restarted without --data, or
        the cursor came from another server) gets everything, as a pull without since would."""
        if since is not None and since > self.seq:
            since = None
        start = since or 0
        changed = [r for r in self._ordered() if r["seq"] > start]
        if len(changed) > limit:
            page = changed[:limit]
            return [r["med"] for r in page], str(page[-1]["seq"]), True
        return [r["med"] for r in changed], str(self.seq), False

    def put(self, rid, body, if_match, device):
        """Returns (status, payload)."""
        entry = self.records.get(rid)
        current = entry["med"] if entry else None
        if if_match is None:
            if current is not None:
                return 412, {"current": current}
        elif current is None:
            return 412, {"current": None}
        elif if_match != "*" and if_match != current["version"]:
            return 412, {"current": current}

        content = content_of(body)
        if current is not None and not current["deleted"] and same_content(body, current):
            return 200, current  # nothing changed: same version, no new change for pulls

        updated_by = body.get("updated_by") or device
        med = {"id": rid}
        med.update(content)
        med["version"] = 1 if current is None else current["version"] + 1
        med["deleted"] = False
        med["updated_at"] = utc_now()
        med["updated_by"] = updated_by
        self._commit(rid, {"seq": self.seq + 1, "med": med})
        return (201 if current is None else 200), med

    def delete(self, rid, if_match, device):
        entry = self.records.get(rid)
        if entry is None:
            return 404, {"error": "no medication with id %s" % rid}
        current = entry["med"]
        if if_match is None or (if_match != "*" and if_match != current["version"]):
            return 412, {"current": current}
        if current["deleted"]:
            return 200, current  # already a tombstone: nothing changes
        med = dict(current)
        med["version"] = current["version"] + 1
        med["deleted"] = True
        med["updated_at"] = utc_now()
        med["updated_by"] = device
        self._commit(rid, {"seq": self.seq + 1, "med": med})
        return 200, med

    def reset(self):
        old = self.records
        self.records = {}
        try:
            self._persist()
        except OSError:
            self.records = old
            raise

    def dump(self):
        return {"items": [r["med"] for r in self._ordered()], "cursor": str(self.seq),
                "count": len(self.records)}


class DoseStore:
    """The dose log: entries by id, in arrival order, never changed once stored (kept in memory
    only; the list's --data file is not touched)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.seq = 0
        self.entries = {}  # id -> {"seq": int, "dose": dict}

    def changes(self, since, limit):
        if since is not None and since > self.seq:
            since = None
        start = since or 0
        added = sorted((e for e in self.entries.values() if e["seq"] > start), key=lambda e: e["seq"])
        if len(added) > limit:
            page = added[:limit]
            return [e["dose"] for e in page], str(page[-1]["seq"]), True
        return [e["dose"] for e in added], str(self.seq), False

    def put(self, rid, body, device):
        entry = self.entries.get(rid)
        if entry is not None:
            if same_content(body, entry["dose"]):
                return 200, entry["dose"]
            return 412, {"current": entry["dose"], "error": "dose entries never change"}
        dose = {"id": rid}
        dose.update(content_of(body))
        dose["version"] = 1
        dose["updated_at"] = utc_now()
        dose["updated_by"] = body.get("updated_by") or device
        self.seq += 1
        self.entries[rid] = {"seq": self.seq, "dose": dose}
        return 201, dose

    def dump(self):
        ordered = sorted(self.entries.values(), key=lambda e: e["seq"])
        return {"items": [e["dose"] for e in ordered], "cursor": str(self.seq), "count": len(ordered)}


class Faults:
    DEFAULTS = {"fail_rate": 0.0, "latency_ms": 0, "garbage": False, "truncate": False}

    def __init__(self):
        self.lock = threading.Lock()
        self.values = dict(self.DEFAULTS)
        self.rng = random.Random()

    def set(self, doc):
        """Replace every switch: the ones not given go back to off. Raises ValueError."""
        if not isinstance(doc, dict):
            raise ValueError("faults must be a JSON object")
        unknown = set(doc) - set(self.DEFAULTS) - {"seed"}
        if unknown:
            raise ValueError("unknown fault switch(es): %s" % ", ".join(sorted(unknown)))
        values = dict(self.DEFAULTS)
        fr = doc.get("fail_rate", 0.0)
        if isinstance(fr, bool) or not isinstance(fr, (int, float)) or not 0.0 <= fr <= 1.0:
            raise ValueError("fail_rate must be a number from 0.0 to 1.0")
        values["fail_rate"] = float(fr)
        lat = doc.get("latency_ms", 0)
        if isinstance(lat, bool) or not isinstance(lat, (int, float)) or not 0 <= lat <= 600000:
            raise ValueError("latency_ms must be a number from 0 to 600000")
        values["latency_ms"] = lat
        for key in ("garbage", "truncate"):
            v = doc.get(key, False)
            if not isinstance(v, bool):
                raise ValueError("%s must be true or false" % key)
            values[key] = v
        seed = doc.get("seed")
        if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
            raise ValueError("seed must be an integer")
        with self.lock:
            self.values = values
            if seed is not None:
                self.rng.seed(seed)

    def snapshot(self):
        with self.lock:
            return dict(self.values)

    def roll_failure(self, rate):
        with self.lock:
            return rate > 0 and self.rng.random() < rate


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle's algorithm on, the client's delayed
    # ACK would hold every answer back ~40 ms (a 1,000-record sync would take a minute).
    disable_nagle_algorithm = True
    server_version = "meds-standin/1"

    # Every method reaches route(), so an unsupported one is a JSON 405, not the default 501.
    def do_GET(self):
        self.route()

    def do_HEAD(self):
        self.route()

    def do_PUT(self):
        self.route()

    def do_DELETE(self):
        self.route()

    def do_POST(self):
        self.route()

    def do_PATCH(self):
        self.route()

    def do_OPTIONS(self):
        self.route()

    def __getattr__(self, name):
        # Any other method (BREW, TRACE...) too: 405 on a known path, 404 elsewhere.
        if name.startswith("do_"):
            return self.route
        raise AttributeError(name)

    def version_string(self):
        return self.server_version

    def log_message(self, fmt, *args):
        if self.server.verbose:
            sys.stderr.write("%s - %s\n" % (self.address_string(), fmt % args))

    def send_error(self, code, message=None, explain=None):
        """The base class's own errors (bad request line, unknown method, long headers...) as JSON."""
        try:
            short = HTTPStatus(code).phrase
        except ValueError:
            short = "error"
        if self.request_version == "HTTP/0.9":
            self.request_version = "HTTP/1.0"  # so the answer has a status line and headers
        self.close_connection = True
        self._answer(code, {"error": message or short}, close=True)

    # -- plumbing ----------------------------------------------------------------------------
    def _read_body(self):
        """Reads the whole body (always, so a keep-alive connection stays in step).
        Returns bytes, or None after answering an error itself."""
        te = self.headers.get("Transfer-Encoding", "")
        if te and te.strip().lower() != "identity":
            if te.strip().lower() != "chunked":
                self._answer(501, {"error": "unsupported Transfer-Encoding"}, close=True)
                return None
            return self._read_chunked()
        length = self.headers.get("Content-Length")
        if length is None:
            return b""
        try:
            n = int(length)
            if n < 0:
                raise ValueError
        except ValueError:
            self._answer(400, {"error": "bad Content-Length"}, close=True)
            return None
        if n > MAX_BODY:
            self._answer(413, {"error": "body larger than %d bytes" % MAX_BODY}, close=True)
            return None
        data = self.rfile.read(n)
        if len(data) != n:
            self.close_connection = True
            return None  # the client went away mid-body
        return data

    def _read_chunked(self):
        data = bytearray()
        try:
            while True:
                line = self.rfile.readline(1024)
                size = int(line.split(b";")[0].strip(), 16)
                if size == 0:
                    while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return bytes(data)
                if len(data) + size > MAX_BODY:
                    self._answer(413, {"error": "body larger than %d bytes" % MAX_BODY}, close=True)
                    return None
                chunk = self.rfile.read(size)
                if len(chunk) != size:
                    raise ValueError
                data += chunk
                self.rfile.readline(1024)
        except ValueError:
            self._answer(400, {"error": "bad chunked body"}, close=True)
            return None

    def _answer(self, status, payload, headers=None, close=False, faults=None):
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        if faults and faults["garbage"]:
            status, body = 200, GARBAGE_BODY
        truncate = bool(faults and faults["truncate"])
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if close or truncate:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command == "HEAD":
            return
        if truncate:
            body = body[: len(body) // 2]  # Content-Length promises the whole body; half arrives
        self.wfile.write(body)
        self.wfile.flush()

    def _authorized(self):
        token = self.server.token
        if not token:
            return True
        got = self.headers.get("Authorization", "")
        scheme, _, value = got.strip().partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(
            value.strip().encode("utf-8"), token.encode("utf-8"))

    def _if_match(self):
        """None (absent), an int version, or "*". Raises ValueError when malformed."""
        raw = self.headers.get("If-Match")
        if raw is None:
            return None
        m = IF_MATCH_RE.match(raw)
        if not m:
            raise ValueError(raw)
        if m.group(3):
            return "*"
        return int(m.group(1) or m.group(2))

    def _device(self):
        name = self.headers.get("X-Device-Name", "").strip()
        return name or "unknown"

    # -- routing -----------------------------------------------------------------------------
    def route(self):
        body = self._read_body()
        if body is None:
            return
        url = urlsplit(self.path)
        path = url.path
        if path.startswith("/_admin/") or path == "/_admin":
            return self.admin(path, body)
        if path == "/healthz":
            if self.command not in ("GET", "HEAD"):
                return self._answer(405, {"error": "use GET"}, {"Allow": "GET, HEAD"})
            faults = self._apply_faults()
            if faults is None:
                return
            return self._answer(200, {"status": "ok"}, faults=faults)
        if path == "/api" or path.startswith("/api/"):
            if not self._authorized():
                return self._answer(401, {"error": "missing or wrong bearer token"},
                                    {"WWW-Authenticate": 'Bearer realm="kilo-meds"'})
            if path == COLLECTION:
                if self.command not in ("GET", "HEAD"):
                    return self._answer(405, {"error": "use GET"}, {"Allow": "GET, HEAD"})
                return self.list_changes(url.query)
            if path == DOSES:
                if self.command not in ("GET", "HEAD"):
                    return self._answer(405, {"error": "use GET"}, {"Allow": "GET, HEAD"})
                return self.list_changes(url.query, self.server.doses)
            if path.startswith(DOSE_PREFIX) and "/" not in path[len(DOSE_PREFIX):]:
                rid = path[len(DOSE_PREFIX):]
                if self.command != "PUT":
                    return self._answer(405, {"error": "use PUT (dose entries are never deleted)"}, {"Allow": "PUT"})
                if not ID_RE.match(rid):
                    return self._answer(400, {"error": "id must match [0-9a-fA-F-]{8,64}"})
                return self.put_dose(rid, body)
            if path.startswith(ITEM_PREFIX) and "/" not in path[len(ITEM_PREFIX):]:
                rid = path[len(ITEM_PREFIX):]
                if self.command not in ("PUT", "DELETE"):
                    return self._answer(405, {"error": "use PUT or DELETE"}, {"Allow": "PUT, DELETE"})
                if not ID_RE.match(rid):
                    return self._answer(400, {"error": "id must match [0-9a-fA-F-]{8,64}"})
                return self.put(rid, body) if self.command == "PUT" else self.delete(rid)
        return self._answer(404, {"error": "no such path: %s" % path})

    def _apply_faults(self):
        """Latency, then maybe a 503 (the request is then not carried out).  Returns the switches
        for _answer (garbage/truncate spoil the answer of a request that was carried out), or
        None when it has answered 503 itself."""
        faults = self.server.faults.snapshot()
        if faults["latency_ms"]:
            time.sleep(faults["latency_ms"] / 1000.0)
        if self.server.faults.roll_failure(faults["fail_rate"]):
            self._answer(503, {"error": "injected failure (fail_rate)"}, {"Retry-After": "1"})
            return None
        return faults

    def list_changes(self, query, source=None):
        params = parse_qs(query, keep_blank_values=True)
        since = None
        raw_since = params.get("since", [""])[0]
        if raw_since != "":
            if not re.fullmatch(r"\d{1,18}", raw_since):
                return self._answer(400, {"error": "since must be a cursor this service returned"})
            since = int(raw_since)
        limit = DEFAULT_LIMIT
        raw_limit = params.get("limit", [""])[0]
        if raw_limit != "":
            if not re.fullmatch(r"\d{1,9}", raw_limit) or int(raw_limit) < 1:
                return self._answer(400, {"error": "limit must be a positive integer"})
            limit = int(raw_limit)
        faults = self._apply_faults()
        if faults is None:
            return
        store = source if source is not None else self.server.store
        with store.lock:
            items, cursor, more = store.changes(since, limit)
        # Stored records are never changed in place (a change installs a new dict), so they can be
        # encoded after the lock is released.
        self._answer(200, {"items": items, "cursor": cursor, "more": more}, faults=faults)

    def put(self, rid, raw):
        try:
            doc = parse_json(raw)
        except ValueError as e:
            return self._answer(400, {"error": "body is not valid JSON: %s" % e})
        if not isinstance(doc, dict):
            return self._answer(400, {"error": "body must be a JSON object (a medication)"})
        if "updated_by" in doc and not isinstance(doc["updated_by"], str):
            return self._answer(400, {"error": "updated_by must be a string"})
        try:
            if_match = self._if_match()
        except ValueError:
            return self._answer(400, {"error": 'If-Match must be "<version>"'})
        faults = self._apply_faults()
        if faults is None:
            return
        store = self.server.store
        with store.lock:
            try:
                status, payload = store.put(rid, doc, if_match, self._device())
            except OSError as e:
                status, payload = 500, {"error": "could not save: %s" % e}
        self._answer(status, payload, self._etag(status, payload), faults=faults)

    def put_dose(self, rid, raw):
        try:
            doc = parse_json(raw)
        except ValueError as e:
            return self._answer(400, {"error": "body is not valid JSON: %s" % e})
        if not isinstance(doc, dict):
            return self._answer(400, {"error": "body must be a JSON object (a dose entry)"})
        for field in ("medication_id", "at", "status"):
            if not isinstance(doc.get(field), str) or not doc[field]:
                return self._answer(400, {"error": "a dose entry needs %s (a string)" % field})
        if doc["status"] not in DOSE_STATUSES:
            return self._answer(400, {"error": "status must be given or skipped"})
        faults = self._apply_faults()
        if faults is None:
            return
        doses = self.server.doses
        with doses.lock:
            status, payload = doses.put(rid, doc, self._device())
        self._answer(status, payload, self._etag(status, payload), faults=faults)

    def delete(self, rid):
        try:
            if_match = self._if_match()
        except ValueError:
            return self._answer(400, {"error": 'If-Match must be "<version>"'})
        faults = self._apply_faults()
        if faults is None:
            return
        store = self.server.store
        with store.lock:
            try:
                status, payload = store.delete(rid, if_match, self._device())
            except OSError as e:
                status, payload = 500, {"error": "could not save: %s" % e}
        self._answer(status, payload, self._etag(status, payload), faults=faults)

    @staticmethod
    def _etag(status, payload):
        med = payload if status in (200, 201) else payload.get("current")
        if isinstance(med, dict) and isinstance(med.get("version"), int):
            return {"ETag": '"%d"' % med["version"]}
        return None

    def admin(self, path, raw):
        store, faults = self.server.store, self.server.faults
        if path == "/_admin/faults":
            if self.command == "GET":
                return self._answer(200, {"faults": faults.snapshot()})
            if self.command != "POST":
                return self._answer(405, {"error": "use POST or GET"}, {"Allow": "GET, POST"})
            try:
                faults.set(parse_json(raw) if raw.strip() else {})
            except ValueError as e:
                return self._answer(400, {"error": str(e)})
            return self._answer(200, {"faults": faults.snapshot()})
        if path == "/_admin/reset":
            if self.command != "POST":
                return self._answer(405, {"error": "use POST"}, {"Allow": "POST"})
            with store.lock:
                try:
                    store.reset()
                except OSError as e:
                    return self._answer(500, {"error": "could not save: %s" % e})
                cursor = str(store.seq)
            return self._answer(200, {"status": "ok", "cursor": cursor})
        if path == "/_admin/dump":
            if self.command not in ("GET", "HEAD"):
                return self._answer(405, {"error": "use GET"}, {"Allow": "GET, HEAD"})
            with store.lock:
                payload = store.dump()
            return self._answer(200, payload)
        if path == "/_admin/doses":
            with self.server.doses.lock:
                payload = self.server.doses.dump()
            return self._answer(200, payload)
        return self._answer(404, {"error": "no such path: %s" % path})


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port, store, token, verbose):
        self.store = store
        self.token = token
        self.verbose = verbose
        self.faults = Faults()
        self.doses = DoseStore()
        super().__init__((HOST, port), Handler)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Stand-in for the kilo-meds service (issue 16).")
    ap.add_argument("--port", type=int, required=True, help="TCP port on 127.0.0.1; 0 picks a free one")
    ap.add_argument("--token", default=None,
                    help="require 'Authorization: Bearer TOKEN' on /api (default: $MEDS_STANDIN_TOKEN)")
    ap.add_argument("--data", default=None, help="JSON file the store is kept in (loaded at start)")
    ap.add_argument("--fail-rate", type=float, default=0.0, help="initial fault: share of 503 answers")
    ap.add_argument("--latency-ms", type=float, default=0, help="initial fault: delay per request")
    ap.add_argument("--verbose", action="store_true", help="log requests to stderr")
    args = ap.parse_args(argv)

    token = args.token if args.token is not None else os.environ.get("MEDS_STANDIN_TOKEN", "")
    try:
        store = Store(args.data)
    except (DataFileError, OSError) as e:
        sys.stderr.write("meds_standin: %s\n" % e)
        return 2
    try:
        server = Server(args.port, store, token or None, args.verbose)
        server.faults.set({"fail_rate": args.fail_rate, "latency_ms": args.latency_ms})
    except ValueError as e:
        sys.stderr.write("meds_standin: %s\n" % e)
        return 2
    except OSError as e:
        sys.stderr.write("meds_standin: cannot listen on %s:%d: %s\n" % (HOST, args.port, e))
        return 2

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2},
                               name="serve", daemon=True)
    serving.start()
    sys.stdout.write("listening on http://%s:%d\n" % (HOST, server.server_address[1]))
    sys.stdout.flush()
    while not stop.wait(1.0):  # a signal interrupts the wait
        pass
    server.shutdown()
    server.server_close()
    with store.lock:  # a change being saved finishes before the process goes
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
