"""Public pages go out compressed from the page cache; nothing personal is ever compressed."""

import gzip

import brotli
import pytest

from clinic import compression


@pytest.mark.parametrize(
    ("header", "encoding"),
    [("br", "br"), ("gzip, deflate, br", "br"), ("gzip", "gzip"), ("br;q=0, gzip", "gzip")],
)
def test_a_cached_page_is_sent_in_the_best_encoding_the_browser_accepts(
    client, content, header, encoding
):
    plain = client.get("/procedures/hsg/").content

    response = client.get("/procedures/hsg/", HTTP_ACCEPT_ENCODING=header)

    assert response["Content-Encoding"] == encoding
    assert response["Vary"] == "Accept-Encoding"
    decompress = brotli.decompress if encoding == "br" else gzip.decompress
    assert decompress(response.content) == plain
    assert int(response["Content-Length"]) == len(response.content) < len(plain) / 2


def test_the_first_visit_is_already_compressed_and_later_ones_reuse_the_copy(
    client, content, django_assert_num_queries
):
    first = client.get("/faq/", HTTP_ACCEPT_ENCODING="br")
    with django_assert_num_queries(0):
        second = client.get("/faq/", HTTP_ACCEPT_ENCODING="br")

    assert first["Content-Encoding"] == second["Content-Encoding"] == "br"
    assert first.content == second.content


def test_a_browser_that_accepts_no_encoding_gets_the_page_as_is(client, content):
    client.get("/", HTTP_ACCEPT_ENCODING="br")

    response = client.get("/", HTTP_ACCEPT_ENCODING="identity")

    assert not response.has_header("Content-Encoding")
    assert b"<html" in response.content
    assert int(response["Content-Length"]) == len(response.content)


@pytest.mark.parametrize(
    "path", ["/appointments/request/", "/contact/"], ids=["request form", "contact form"]
)
def test_a_page_with_a_csrf_token_is_never_compressed(client, content, path):
    for _ in range(2):
        response = client.get(path, HTTP_ACCEPT_ENCODING="gzip, br")

        assert response.status_code == 200
        assert b"csrfmiddlewaretoken" in response.content
        assert not response.has_header("Content-Encoding")


@pytest.mark.urls("clinic.tests.urls_csrf_page")
def test_a_page_marked_for_the_cache_by_mistake_is_not_compressed_if_it_has_a_token(client, db):
    response = client.get("/cached-form/", HTTP_ACCEPT_ENCODING="br")

    assert b"csrfmiddlewaretoken" in response.content
    assert not response.has_header("Content-Encoding")


def test_the_admin_login_is_never_compressed(client, db):
    response = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip, br")

    assert not response.has_header("Content-Encoding")


def test_a_tiny_body_is_not_worth_compressing():
    assert compression.compress_all(b"hello") == {}
    assert set(compression.compress_all(b"<p>hello</p>" * 50)) == {"br", "gzip"}


@pytest.mark.parametrize(
    ("header", "encoding"),
    [("", ""), ("*", "br"), ("gzip;q=0.5, br;q=0", "gzip"), ("GZIP", "gzip"), ("br;q=x", "")],
)
def test_the_accept_encoding_header_is_read_with_its_q_values(header, encoding):
    assert compression.choose(header, {"br": b"", "gzip": b""}) == encoding
