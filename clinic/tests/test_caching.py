"""Public pages from the cache: query budgets, invalidation by admin edits, cache outages."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clinic import caching
from clinic.caching import _cacheable, content_version_bump
from clinic.facts import site_facts

# Queries a public page makes when it is not in the page cache, once the site-wide
# facts (the practice and its opening hours, shown in the header, footer and JSON-LD
# of every page) are cached. A cold cache adds those 2 queries once per content
# version; a cached page makes none.
UNCACHED_BUDGETS = [
    ("/", 2, "the home Page row; the published procedures"),
    ("/procedures/", 1, "the published procedures"),
    ("/procedures/hsg/", 3, "the procedure; its published questions; its active prices"),
    ("/about/", 2, "the about Page row; the publications"),
    ("/location/", 2, "the location Page row; the upcoming closures"),
    ("/insurance/", 3, "the insurance Page row; the active plans; the active prices"),
    ("/faq/", 2, "the faq Page row; the questions joined to categories and procedures"),
    ("/privacy/", 1, "the privacy Page row"),
]
CACHED_PAGES = [path for path, _, _ in UNCACHED_BUDGETS]


@pytest.mark.parametrize(("path", "queries", "why"), UNCACHED_BUDGETS)
def test_an_uncached_public_page_stays_within_its_query_budget(
    client, content, django_assert_num_queries, path, queries, why
):
    site_facts()  # as after any earlier page view in this content version

    with django_assert_num_queries(queries):
        response = client.get(path)

    assert response.status_code == 200


@pytest.mark.parametrize(("path", "queries", "why"), UNCACHED_BUDGETS)
def test_a_cold_cache_adds_only_the_two_site_fact_queries(
    client, content, django_assert_num_queries, path, queries, why
):
    # + the practice row and its opening hours, cached for every later page.
    with django_assert_num_queries(queries + 2):
        response = client.get(path)

    assert response.status_code == 200


@pytest.mark.parametrize("path", CACHED_PAGES)
def test_a_cached_public_page_makes_no_queries(client, content, django_assert_num_queries, path):
    first = client.get(path)

    # 0 queries: the HTML comes from the cache, and an anonymous visitor has no
    # session or user to load.
    with django_assert_num_queries(0):
        second = client.get(path)

    assert second.status_code == 200
    assert second.content == first.content


def test_the_contact_page_is_not_cached_because_it_carries_a_csrf_token(
    client, content, django_assert_num_queries
):
    site_facts()

    # 1 query: the contact Page row (the form needs a fresh CSRF token each time).
    with django_assert_num_queries(1):
        client.get("/contact/")
    with django_assert_num_queries(1):
        response = client.get("/contact/")

    assert b"csrfmiddlewaretoken" in response.content


def test_a_page_edit_in_the_admin_shows_on_the_next_load(admin_client, content):
    assert b"The home heading" in admin_client.get("/").content
    page = content.pages["home"]

    response = admin_client.post(
        reverse("admin:clinic_page_change", args=[page.pk]),
        {
            "title": "A brand new heading",
            "published": "on",
            "seo_title": page.seo_title,
            "meta_description": page.meta_description,
            "intro": page.intro,
            "body": page.body,
        },
    )

    assert response.status_code == 302, response.context["adminform"].errors
    body = admin_client.get("/").content.decode()
    assert "A brand new heading" in body
    assert "The home heading" not in body


def test_a_phone_change_in_the_admin_shows_on_every_cached_page(admin_client, content):
    for path in ["/", "/faq/"]:
        admin_client.get(path)
    practice = content.practice
    data = {
        field.name: "" if getattr(practice, field.name) is None else getattr(practice, field.name)
        for field in practice._meta.concrete_fields
        if field.editable and field.name != "id"
    }
    data["phone"] = "(212) 555-0100"

    response = admin_client.post(reverse("admin:clinic_practice_change", args=[practice.pk]), data)

    assert response.status_code == 302
    for path in ["/", "/faq/"]:
        assert b"(212) 555-0100" in admin_client.get(path).content


def test_a_question_edit_in_the_category_admin_shows_on_the_faq(admin_client, content):
    admin_client.get("/faq/")
    category = content.category
    questions = list(category.questions.order_by("pk"))
    data = {
        "name": category.name,
        "slug": category.slug,
        "order": category.order,
        "questions-TOTAL_FORMS": len(questions),
        "questions-INITIAL_FORMS": len(questions),
        "questions-MIN_NUM_FORMS": 0,
        "questions-MAX_NUM_FORMS": 1000,
    }
    for i, question in enumerate(questions):
        data.update(
            {
                f"questions-{i}-id": question.pk,
                f"questions-{i}-category": category.pk,
                f"questions-{i}-question": question.question,
                f"questions-{i}-slug": question.slug,
                f"questions-{i}-answer": question.answer,
                f"questions-{i}-procedure": question.procedure_id or "",
                f"questions-{i}-order": question.order,
                f"questions-{i}-published": "on",
            }
        )
    data["questions-0-answer"] = "Yes, you can eat and drink as usual. Updated."

    response = admin_client.post(reverse("admin:faq_category_change", args=[category.pk]), data)

    assert response.status_code == 302
    assert b"Updated." in admin_client.get("/faq/").content


def test_deleting_content_also_refreshes_the_cached_page(client, content):
    assert b"Do I need to fast?" in client.get("/faq/").content

    content.questions[0].delete()

    assert b"Do I need to fast?" not in client.get("/faq/").content


def test_pages_render_from_the_database_when_the_cache_is_down(client, content, settings):
    # A real Redis client pointed at a closed port: every cache call fails.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }

    for path in ["/", "/procedures/hsg/", "/faq/", "/contact/"]:
        response = client.get(path)
        assert response.status_code == 200
        assert b"(212) 246-2063" in response.content


# --- The page cache middleware -----------------------------------------------------


def test_a_cached_page_keeps_the_headers_the_later_middleware_added(client, content):
    first = client.get("/faq/")

    second = client.get("/faq/")

    for header in ("Content-Type", "Content-Security-Policy", "X-Frame-Options"):
        assert second[header] == first[header]
    assert second["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in second["Content-Security-Policy"]


def test_a_cached_page_sets_no_cookie_and_varies_only_on_accept_encoding(client, content):
    client.get("/")

    response = client.get("/")

    assert not response.cookies
    assert response["Vary"] == "Accept-Encoding"


def test_a_cached_page_is_not_served_for_a_host_outside_allowed_hosts(client, content):
    assert client.get("/").status_code == 200

    response = client.get("/", HTTP_HOST="evil.example.com")

    assert response.status_code == 400


def test_a_page_cached_for_an_older_content_version_is_rendered_again(
    client, content, django_assert_num_queries
):
    client.get("/privacy/")
    site_facts()
    content_version_bump()
    site_facts()  # the facts for the new version, so only the page's own query is left

    # 1 query: the privacy Page row; the copy cached for the old version is not used.
    with django_assert_num_queries(1):
        response = client.get("/privacy/")

    assert response.status_code == 200


@pytest.mark.urls("clinic.tests.urls_csrf_page")
def test_a_page_that_needs_a_csrf_token_is_never_stored(client, db):
    from clinic.tests import urls_csrf_page

    urls_csrf_page.renders.clear()
    first = client.get("/cached-form/")
    # The visitor now has the cookie: the token is read from it, no new one is made.
    second = client.get("/cached-form/")
    other = Client().get("/cached-form/")

    # Rendered every time, never served from the cache, each with its own token.
    assert urls_csrf_page.renders == ["/cached-form/"] * 3
    for response in (first, second, other):
        assert response.status_code == 200
        assert b"csrfmiddlewaretoken" in response.content
        assert "csrftoken" in response.cookies
    assert other.cookies["csrftoken"].value != first.cookies["csrftoken"].value


def test_a_page_that_used_a_csrf_token_is_not_cacheable_even_without_its_cookie(rf):
    # As PageCacheMiddleware sees it: CsrfViewMiddleware has set the cookie, added
    # `Vary: Cookie` and reset CSRF_COOKIE_NEEDS_UPDATE to False. Even with the cookie
    # and the Vary gone (taken off by a later middleware, or the token kept in the
    # session), the page is not stored.
    request = rf.get("/")
    get_token(request)
    response = CsrfViewMiddleware(lambda request: HttpResponse()).process_response(
        request, HttpResponse("<input name='csrfmiddlewaretoken'>")
    )
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is False
    assert response.cookies and response.has_header("Vary")
    response.cookies.clear()
    del response["Vary"]

    assert not _cacheable(request, response)
    assert _cacheable(rf.get("/"), HttpResponse("hello"))


def test_a_page_with_a_csp_nonce_is_not_cacheable(rf):
    request = rf.get("/")
    response = HttpResponse("<script nonce='abc'></script>")
    response["Content-Security-Policy"] = "script-src 'self' 'nonce-abc'"

    assert not _cacheable(request, response)


def test_a_page_that_set_a_cookie_or_vary_is_not_cacheable(rf):
    request = rf.get("/")
    with_cookie = HttpResponse("hello")
    with_cookie.set_cookie("sessionid", "x")
    with_vary = HttpResponse("hello")
    with_vary["Vary"] = "Cookie"

    assert _cacheable(request, HttpResponse("hello"))
    assert not _cacheable(request, with_cookie)
    assert not _cacheable(request, with_vary)


def test_the_page_cache_middleware_runs_before_sessions_csrf_and_auth(settings):
    order = settings.MIDDLEWARE
    at = order.index("clinic.middleware.PageCacheMiddleware")

    assert order.index("django.middleware.security.SecurityMiddleware") < at
    for later in (
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "csp.middleware.CSPMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ):
        assert at < order.index(later)


# --- Releases: a deploy never serves the previous build's pages --------------------


def test_two_releases_never_read_each_others_cached_pages(
    client, content, settings, django_assert_num_queries
):
    settings.RELEASE = "release-a"
    old = client.get("/privacy/")
    settings.RELEASE = "release-b"
    site_facts()  # the facts are cached per release too: only the page's query is left

    # 1 query: the privacy Page row; the copy cached by release-a is not used.
    with django_assert_num_queries(1):
        new = client.get("/privacy/")
    # Each release then reads its own copy, and only its own.
    with django_assert_num_queries(0):
        client.get("/privacy/")
    settings.RELEASE = "release-a"
    with django_assert_num_queries(0):
        again = client.get("/privacy/")

    assert old.status_code == new.status_code == again.status_code == 200
    assert again.content == old.content


def test_site_facts_are_cached_per_release(content, settings, django_assert_num_queries):
    settings.RELEASE = "release-a"
    site_facts()
    settings.RELEASE = "release-b"

    with django_assert_num_queries(2):  # the practice and its opening hours
        site_facts()


def test_the_release_defaults_to_the_static_manifests_hash(settings, tmp_path, monkeypatch):
    monkeypatch.setattr(caching, "_computed_release", None)
    settings.RELEASE = ""
    settings.DEBUG = False
    settings.STATIC_ROOT = tmp_path
    (tmp_path / "staticfiles.json").write_text('{"paths": {"css/site.css": "css/site.1.css"}}')
    first = caching._release_from_build()

    assert caching._release_from_build() == first  # the same build, in every container
    (tmp_path / "staticfiles.json").write_text('{"paths": {"css/site.css": "css/site.2.css"}}')
    assert caching._release_from_build() != first
    served = caching.release()
    (tmp_path / "staticfiles.json").write_text('{"paths": {"css/site.css": "css/site.3.css"}}')
    assert caching.release() == served  # computed once per process, at its start
    settings.RELEASE = "build-42"
    assert caching.release() == "build-42"


def test_in_debug_the_release_changes_at_every_start_and_file_change(settings, monkeypatch):
    monkeypatch.setattr(caching, "_computed_release", None)
    settings.RELEASE = ""
    settings.DEBUG = True
    first = caching.release()

    caching.release_renew()  # runserver saw a template change

    assert caching.release() != first
    code = "import django; django.setup(); from clinic.caching import release; print(release())"
    env = {"DJANGO_SETTINGS_MODULE": "clinic.settings", "DEBUG": "true", "RELEASE": ""}
    starts = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=django_settings.BASE_DIR,
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout.strip()
        for _ in range(2)
    }
    assert len(starts) == 2


# --- HEAD ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", CACHED_PAGES)
def test_head_on_a_cold_cache_answers_200_and_stores_nothing(
    client, content, django_assert_num_queries, path
):
    head = client.head(path)

    assert head.status_code == 200
    assert head["Content-Type"].startswith("text/html")
    # HEAD stored nothing: the first GET renders the page from the database.
    with CaptureQueriesContext(connection) as queries:
        get = client.get(path)
    assert get.status_code == 200 and get.content
    assert len(queries) > 0
    # A HEAD after it is answered from the cache, still without a body.
    with django_assert_num_queries(0):
        cached = client.head(path)
    assert cached.status_code == 200
