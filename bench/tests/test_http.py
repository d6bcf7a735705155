"""The load helpers of bench_api against a tiny local server (no Django, no gunicorn)."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench import http


class Handler(BaseHTTPRequestHandler):
    """Answers /cached from its "cache" unless the client asks for a fresh answer."""

    protocol_version = "HTTP/1.1"  # kept-alive connections, as gunicorn's

    def do_GET(self) -> None:
        body = b"{}"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        if self.path == "/cached" and self.headers.get("Cache-Control") != "no-cache":
            self.send_header("X-Cache", "hit")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def port() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()


def test_it_counts_the_answers_that_came_from_the_cache(port):
    samples, hits = http.latencies(port, ["/cached", "/built", "/cached", "/built"])
    assert len(samples) == 4 and all(ms > 0 for ms in samples) and hits == 0.5
    done, cached = http._client(port, ["/cached", "/built"], 0.2, None)
    assert done >= 2 and cached == (done + 1) // 2


def test_no_cache_from_the_client_reaches_the_server(port):
    _, hits = http.latencies(port, ["/cached"], {"Cache-Control": "no-cache"})
    assert hits == 0.0
    assert http.get(port, "/cached") == (200, 2, True)
