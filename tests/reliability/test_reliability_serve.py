"""`vigie serve` stops within seconds on SIGTERM while an endless extraction runs, and leaves no
extraction running, nor after kill -9 (issue 24: SIGTERM waited for the extraction's end)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from vigie.web.server import GRACE

pytestmark = pytest.mark.issue(24)
# Seconds to start the server (imports, store), and within which a stopped one must be gone.
START, GONE_WITHIN = 60, GRACE + 7
# The server of `vigie serve` (vigie.web.server.run), its pipeline one endless stage.
SERVER = textwrap.dedent('''
    import sys

    import spacy
    from spacy.language import Language

    import vigie.web.app as web_app
    from vigie.web.server import run

    @Language.component("endless")
    def endless(doc):
        while "SANSFIN" in doc.text:
            pass
        return doc

    made = web_app.create_app

    def create_app(settings):
        app = made(settings)
        app.state.nlp = spacy.blank("fr")
        app.state.nlp.add_pipe("endless")
        return app

    web_app.create_app = create_app
    run(port=int(sys.argv[1]), say=print, db=sys.argv[2], host="127.0.0.1", model="none",
        max_body=10_000, token=None, public_reads=False, time_limit=600)
''')


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _serving(tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    script = tmp_path / "server.py"
    script.write_text(SERVER, encoding="utf-8")
    server = subprocess.Popen([sys.executable, str(script), str(port),
                               f"sqlite:///{tmp_path / 's.db'}"], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    assert "vigie dashboard" in server.stdout.readline()
    deadline = time.monotonic() + START
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    body = json.dumps({"text": "Un texte SANSFIN"}).encode()
    client = socket.create_connection(("127.0.0.1", port))
    client.sendall(b"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                   b"application/json\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
    deadline = time.monotonic() + START
    while not _children(server.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    [child] = _children(server.pid)
    return server, child, client


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL],
                         ids=["SIGTERM", "SIGINT", "SIGKILL"])
def test_reliability_serve_stops_with_its_extractions(tmp_path, how):
    server, child, client = _serving(tmp_path)
    try:
        time.sleep(0.5)  # the extraction runs
        assert _alive(child)
        stopped = time.monotonic()
        os.kill(server.pid, how)
        server.wait(timeout=GONE_WITHIN)
        assert time.monotonic() - stopped < GONE_WITHIN
        deadline = time.monotonic() + GONE_WITHIN
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(child)
    finally:
        client.close()
        if server.poll() is None:
            server.kill()
            server.wait()
        if _alive(child):
            os.kill(child, signal.SIGKILL)
