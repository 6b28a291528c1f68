"""Public pages from the cache: query budgets, invalidation by admin edits, cache outages."""

import pytest
from django.http import HttpResponse
from django.urls import reverse

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
        field.name: getattr(practice, field.name)
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


def test_a_cached_page_sets_no_cookie_and_no_vary_for_an_anonymous_visitor(client, content):
    client.get("/")

    response = client.get("/")

    assert not response.cookies
    assert not response.has_header("Vary")


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


def test_a_page_that_needs_a_csrf_token_is_never_stored(client, content):
    client.get("/contact/")

    assert "csrftoken" in client.get("/contact/").cookies


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
