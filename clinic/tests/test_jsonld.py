import datetime

from clinic.tests.factories import OpeningHoursFactory
from clinic.tests.html import read


def test_every_page_carries_one_medical_clinic_with_address_phone_and_hours(
    client, content, settings
):
    settings.SITE_URL = "https://www.hsgexam.com"
    OpeningHoursFactory(weekday=5, opens=datetime.time(10), closes=datetime.time(14))

    for path in ["/", "/about/", "/procedures/hsg/", "/faq/", "/contact/"]:
        clinic = read(client.get(path)).jsonld_of_type("MedicalClinic")

        assert clinic["@context"] == "https://schema.org"
        assert clinic["name"] == "Interventional Radiology, P.C."
        assert clinic["telephone"] == "+12122462063"
        assert clinic["email"] == "info@hsgexam.com"
        assert clinic["url"] == "https://www.hsgexam.com/"
        assert clinic["address"] == {
            "@type": "PostalAddress",
            "streetAddress": "200 West 57th Street, Suite 407",
            "addressLocality": "New York",
            "addressRegion": "NY",
            "postalCode": "10019",
            "addressCountry": "US",
        }
        assert clinic["geo"]["@type"] == "GeoCoordinates"
        assert clinic["openingHoursSpecification"] == [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
                "opens": "09:00",
                "closes": "17:00",
            },
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": ["Saturday"],
                "opens": "10:00",
                "closes": "14:00",
            },
        ]


def test_json_ld_cannot_close_its_script_tag(client, content):
    content.practice.name = "Clinic </script><script>alert(1)</script> & Co"
    content.practice.save()

    response = client.get("/")

    body = response.content.decode()
    assert "</script><script>alert(1)" not in body
    assert "\\u003C/script\\u003E" in body
    assert read(response).jsonld_of_type("MedicalClinic")["name"] == (
        "Clinic </script><script>alert(1)</script> & Co"
    )
