import pytest


@pytest.mark.django_db(transaction=True)
def test_the_health_check_answers_in_a_real_browser(page):
    response = page.goto("/healthz")
    assert response.status == 200
    assert '"database": "ok"' in page.content()
