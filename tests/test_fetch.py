"""The HTTP client against a real server on 127.0.0.1: limits, retries, robots, cache, private hosts."""

from __future__ import annotations

import gzip
import time

import pytest

from briefing.ingest.fetch import USER_AGENT, Fetcher, FetchError, FetchRequest, FetchSettings, host_key

PAGE = "<!doctype html><html><head><title>Harbour Reopens</title></head><body><p>The harbour reopened.</p></body></html>"


def settings(tmp_path=None, **kw) -> FetchSettings:
    base = dict(connect_timeout=2, read_timeout=2, response_seconds=5, total_seconds=60, backoff=0.01, retries=2)
    if tmp_path is not None:
        base["cache_dir"] = tmp_path / "cache"
    base.update(kw)
    return FetchSettings(**base)


def fetch(server, path, trusted=True, **kw):
    with Fetcher(settings(**kw)) as fetcher:
        return fetcher.fetch(server.url(path), trusted=trusted)


def reason_of(server, path, **kw) -> str:
    with pytest.raises(FetchError) as info:
        fetch(server, path, **kw)
    assert "\n" not in str(info.value) and str(info.value).startswith(server.url(path))
    return info.value.reason


def test_a_page_comes_back_with_its_type_and_our_user_agent(web_server):
    seen = {}

    def answer(handler):
        seen["agent"] = handler.headers.get("User-Agent")
        body = PAGE.encode()
        handler._send(200, body, "text/html; charset=utf-8")

    web_server.route("/p.html", handler=answer)
    response = fetch(web_server, "/p.html")
    assert response.status == 200 and response.content_type == "text/html" and response.charset == "utf-8"
    assert response.body == PAGE.encode()
    assert seen["agent"] == USER_AGENT and USER_AGENT.startswith("briefing/")


def test_gzip_is_undone(web_server):
    web_server.route("/z.html", gzip.compress(PAGE.encode()), headers={"X-Gzipped": "1"})
    assert fetch(web_server, "/z.html").body == PAGE.encode()


def test_404_is_one_line_naming_the_url(web_server):
    assert reason_of(web_server, "/missing.html") == "HTTP 404"
    assert web_server.count("/missing.html") == 1  # a 404 is not retried


def test_500_is_retried_then_reported(web_server):
    web_server.route("/broken", b"oops", status=500)
    assert reason_of(web_server, "/broken") == "HTTP 500"
    assert web_server.count("/broken") == 3  # first try and two retries


def test_429_waits_as_retry_after_says_then_succeeds(web_server):
    calls = []

    def answer(handler):
        calls.append(time.monotonic())
        if len(calls) == 1:
            handler._send(429, b"slow down", "text/plain", {"Retry-After": "1"})
        else:
            handler._send(200, PAGE.encode(), "text/html")

    web_server.route("/busy", handler=answer)
    assert fetch(web_server, "/busy").status == 200
    assert len(calls) == 2 and calls[1] - calls[0] >= 0.9


def test_a_retry_after_longer_than_we_wait_gives_up_at_once(web_server):
    web_server.route("/later", b"", status=503, headers={"Retry-After": "3600"})
    started = time.monotonic()
    assert "retry in 3600 s" in reason_of(web_server, "/later")
    assert time.monotonic() - started < 2 and web_server.count("/later") == 1


def test_a_server_that_never_answers_times_out(web_server):
    web_server.route("/hang", handler=lambda h: time.sleep(3))
    started = time.monotonic()
    assert reason_of(web_server, "/hang", read_timeout=0.5).startswith("timed out")
    assert time.monotonic() - started < 2.5


def drip(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    try:
        for _ in range(400):
            handler.wfile.write(b"<p>")
            handler.wfile.flush()
            time.sleep(0.05)
    except OSError:
        pass  # the client hung up, as it should


def test_a_slow_drip_is_cut_off_by_the_response_time_bound(web_server):
    web_server.route("/drip", handler=drip)
    started = time.monotonic()
    assert reason_of(web_server, "/drip", response_seconds=1).startswith("too slow")
    assert time.monotonic() - started < 3


def test_an_oversized_body_is_refused(web_server):
    web_server.route("/big", b"x" * 50_000)
    assert reason_of(web_server, "/big", max_bytes=10_000).startswith("too large")


def test_a_gzip_bomb_is_cut_off_after_decompression(web_server):
    web_server.route("/bomb", gzip.compress(b" " * 5_000_000), headers={"X-Gzipped": "1"})
    assert reason_of(web_server, "/bomb", max_bytes=100_000).startswith("too large")


def test_a_redirect_loop_is_reported(web_server):
    web_server.route("/a", status=302, headers={"Location": "/b"})
    web_server.route("/b", status=301, headers={"Location": "/a"})
    assert reason_of(web_server, "/a").startswith("redirect loop")


def test_more_than_five_redirects_are_refused(web_server):
    for n in range(7):
        web_server.route(f"/r{n}", status=302, headers={"Location": f"/r{n + 1}"})
    web_server.route("/r7", PAGE)
    assert reason_of(web_server, "/r0") == "too many redirects (more than 5)"
    web_server.route("/r2", status=302, headers={"Location": "/r7"})
    assert fetch(web_server, "/r0").final_url == web_server.url("/r7")


def test_robots_txt_is_obeyed_unless_turned_off(web_server):
    web_server.route("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    web_server.route("/private/p.html", PAGE)
    web_server.route("/open.html", PAGE)
    assert "robots.txt" in reason_of(web_server, "/private/p.html")
    assert web_server.count("/private/p.html") == 0
    assert fetch(web_server, "/open.html").status == 200
    assert fetch(web_server, "/private/p.html", respect_robots=False).status == 200


def test_robots_txt_that_cannot_be_read_forbids_all(web_server):
    web_server.route("/robots.txt", b"", status=500)
    web_server.route("/p.html", PAGE)
    assert reason_of(web_server, "/p.html", retries=0).startswith("robots.txt of 127.0.0.1:")


def test_urls_from_feeds_may_not_reach_private_addresses(web_server):
    web_server.route("/p.html", PAGE)
    reason = reason_of(web_server, "/p.html", trusted=False)
    assert reason.startswith("refused") and "allow_private_hosts" in reason
    assert web_server.count("/p.html") == 0
    assert fetch(web_server, "/p.html", trusted=False, allow_private_hosts=True).status == 200
    named = {host_key(web_server.url("/"))}
    assert fetch(web_server, "/p.html", trusted=False, named_hosts=named).status == 200


def test_a_redirect_from_a_named_host_to_another_private_host_is_refused(web_server, closed_port):
    web_server.route("/jump", status=302, headers={"Location": f"http://localhost:{closed_port}/admin"})
    assert reason_of(web_server, "/jump").startswith("refused")


def test_only_http_and_https(tmp_path):
    with Fetcher(settings()) as fetcher:
        for url in ("file:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)"):
            with pytest.raises(FetchError) as info:
                fetcher.fetch(url, trusted=False)
            assert info.value.reason.startswith("refused: only http and https")


def test_a_second_run_downloads_nothing_and_offline_reads_the_cache(web_server, tmp_path):
    web_server.route("/p.html", PAGE)
    with Fetcher(settings(tmp_path)) as first:
        assert first.fetch(web_server.url("/p.html"), trusted=True).from_cache is False
        assert first.downloads == 1
    with Fetcher(settings(tmp_path)) as second:
        again = second.fetch(web_server.url("/p.html"), trusted=True)
        assert again.from_cache is True and again.body == PAGE.encode() and second.downloads == 0
    assert web_server.full["/p.html"] == 1 and web_server.not_modified == ["/p.html"]
    asked = len(web_server.requests)
    with Fetcher(settings(tmp_path, offline=True)) as offline:
        assert offline.fetch(web_server.url("/p.html"), trusted=True).body == PAGE.encode()
        with pytest.raises(FetchError) as info:
            offline.fetch(web_server.url("/never.html"), trusted=True)
        assert info.value.reason == "offline: not in the cache"
    assert len(web_server.requests) == asked


def test_offline_follows_a_cached_redirect(web_server, tmp_path):
    web_server.route("/old", status=301, headers={"Location": "/new"})
    web_server.route("/new", PAGE)
    fetch(web_server, "/old", cache_dir=tmp_path / "cache")
    with Fetcher(settings(tmp_path, offline=True)) as offline:
        assert offline.fetch(web_server.url("/old")).final_url == web_server.url("/new")


def test_at_most_two_connections_per_host_yet_in_parallel(web_server):
    web_server.delay = 0.3
    for n in range(6):
        web_server.route(f"/p{n}.html", PAGE)
    with Fetcher(settings(workers=6)) as fetcher:
        started = time.monotonic()
        results = fetcher.fetch_many([FetchRequest(web_server.url(f"/p{n}.html"), True) for n in range(6)])
        took = time.monotonic() - started
    assert all(r.status == 200 for r in results)
    assert web_server.max_active == 2
    assert took < 6 * 0.3  # two at a time beats one at a time


def test_the_runs_time_bound_fails_what_is_left(web_server):
    web_server.route("/p.html", PAGE)
    with Fetcher(settings(total_seconds=0.0)) as fetcher:
        with pytest.raises(FetchError) as info:
            fetcher.fetch(web_server.url("/p.html"), trusted=True)
    assert "time limit" in info.value.reason


def test_a_host_that_turns_internal_between_check_and_connect_is_refused(web_server, monkeypatch):
    """DNS rebinding: the name resolves to a public address when the URL is checked and to
    127.0.0.1 when the connection is made; the connection itself is refused."""
    import socket

    import briefing.ingest.fetch as fetch_module

    real = socket.getaddrinfo
    answers = iter(["93.184.216.34"])

    def rebinding(host, port, *args, **kwargs):
        if host != "rebind.example":
            return real(host, port, *args, **kwargs)
        address = next(answers, "127.0.0.1")
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port))]

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", rebinding)
    web_server.route("/p.html", PAGE)
    url = f"http://rebind.example:{web_server.port}/p.html"
    with Fetcher(settings(respect_robots=False)) as fetcher:
        with pytest.raises(FetchError) as info:
            fetcher.fetch(url, trusted=False)
    assert "refused: rebind.example now resolves to an internal address (127.0.0.1)" in info.value.reason
    assert web_server.count("/p.html") == 0
