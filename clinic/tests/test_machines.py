"""The pages for machines: sitemap, robots.txt."""

import re

from clinic.public_pages import CONTENT_PAGES


def test_the_sitemap_lists_every_public_page_on_site_url(client, content, settings):
    settings.SITE_URL = "https://www.hsgexam.com"

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    locations = set(re.findall(r"<loc>([^<]+)</loc>", response.content.decode()))
    expected = {"https://www.hsgexam.com" + path for path in CONTENT_PAGES}
    assert expected <= locations
    assert all(loc.startswith("https://www.hsgexam.com/") for loc in locations)


def test_the_sitemap_lists_the_appointment_form(client, content, settings):
    settings.SITE_URL = "https://www.hsgexam.com"

    body = client.get("/sitemap.xml").content.decode()

    assert "<loc>https://www.hsgexam.com/appointments/request/</loc>" in body


def test_the_sitemap_leaves_out_unpublished_procedures(client, content):
    content.pro_nox.published = False
    content.pro_nox.save()

    assert "/procedures/pro-nox/" not in client.get("/sitemap.xml").content.decode()


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_pages(client, settings):
    settings.SITE_URL = "https://www.hsgexam.com"

    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: https://www.hsgexam.com/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /appointments/manage/" in lines
