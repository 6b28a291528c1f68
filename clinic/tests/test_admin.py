"""The front desk edits content and handles messages in the admin."""

import pytest
from django.urls import reverse

from clinic.models import ContactMessage, InsurancePlan, Practice
from clinic.tests.factories import ContactMessageFactory


@pytest.mark.parametrize(
    "name",
    [
        "clinic_practice",
        "clinic_openinghours",
        "clinic_closure",
        "clinic_insuranceplan",
        "clinic_price",
        "clinic_publication",
        "clinic_page",
        "clinic_contactmessage",
        "procedures_procedure",
        "faq_category",
        "faq_question",
    ],
)
def test_each_content_list_opens_in_the_admin(admin_client, content, name):
    response = admin_client.get(reverse(f"admin:{name}_changelist"))

    assert response.status_code == 200


def test_the_practice_profile_cannot_be_added_twice_or_deleted(admin_client, content):
    practice = Practice.objects.get()

    assert admin_client.get(reverse("admin:clinic_practice_add")).status_code == 403
    delete = reverse("admin:clinic_practice_delete", args=[practice.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert Practice.objects.count() == 1


def test_a_new_insurance_plan_added_in_the_admin_shows_on_the_insurance_page(admin_client, content):
    response = admin_client.post(
        reverse("admin:clinic_insuranceplan_add"),
        {"name": "Stork Club", "note": "", "order": 50, "active": "on"},
    )

    assert response.status_code == 302
    assert InsurancePlan.objects.filter(name="Stork Club").exists()
    assert b"Stork Club" in admin_client.get("/insurance/").content


def test_a_procedure_edit_in_the_admin_shows_on_its_page(admin_client, content):
    procedure = content.hsg
    admin_client.get(procedure.get_absolute_url())
    prices = list(procedure.prices.order_by("pk"))
    data = {
        "name": procedure.name,
        "short_name": procedure.short_name,
        "slug": procedure.slug,
        "kind": procedure.kind,
        "order": procedure.order,
        "bookable": "on",
        "published": "on",
        "seo_title": procedure.seo_title,
        "meta_description": procedure.meta_description,
        "summary": procedure.summary,
        "body": procedure.body,
        "preparation_before": "No need to fast. Eat and drink as usual.",
        "preparation_after": procedure.preparation_after,
        "prices-TOTAL_FORMS": len(prices),
        "prices-INITIAL_FORMS": len(prices),
        "prices-MIN_NUM_FORMS": 0,
        "prices-MAX_NUM_FORMS": 1000,
    }
    for i, price in enumerate(prices):
        data.update(
            {
                f"prices-{i}-id": price.pk,
                f"prices-{i}-procedure": procedure.pk,
                f"prices-{i}-code": price.code,
                f"prices-{i}-label": price.label,
                f"prices-{i}-amount": "375.00" if price.code == "58340" else price.amount,
                f"prices-{i}-note": price.note,
                f"prices-{i}-order": price.order,
                f"prices-{i}-active": "on",
            }
        )

    response = admin_client.post(
        reverse("admin:procedures_procedure_change", args=[procedure.pk]), data
    )

    assert response.status_code == 302
    body = admin_client.get(procedure.get_absolute_url()).content.decode()
    assert "No need to fast. Eat and drink as usual." in body
    assert "$375" in body


def test_the_message_list_never_shows_a_message_body(admin_client, content):
    ContactMessageFactory(message="A very private question about my cycle")

    response = admin_client.get(reverse("admin:clinic_contactmessage_changelist"))

    assert response.status_code == 200
    assert b"Jane Patient" in response.content
    assert b"private question" not in response.content


def test_staff_mark_messages_handled_from_the_list(admin_client, content):
    messages = [ContactMessageFactory(), ContactMessageFactory()]

    response = admin_client.post(
        reverse("admin:clinic_contactmessage_changelist"),
        {"action": "mark_handled", "_selected_action": [m.pk for m in messages]},
    )

    assert response.status_code == 302
    assert ContactMessage.objects.filter(handled=True).count() == 2


def test_a_message_is_read_in_full_on_its_own_page_and_cannot_be_rewritten(admin_client, content):
    message = ContactMessageFactory(message="Please call me about Lipiodol.")
    url = reverse("admin:clinic_contactmessage_change", args=[message.pk])

    assert b"Please call me about Lipiodol." in admin_client.get(url).content
    admin_client.post(url, {"message": "changed", "handled": "on"})

    message.refresh_from_db()
    assert message.message == "Please call me about Lipiodol."
    assert message.handled is True


def test_questions_can_be_filtered_by_category_and_searched(admin_client, content):
    url = reverse("admin:faq_question_changelist")

    by_category = admin_client.get(url, {"category__id__exact": content.category.pk})
    searched = admin_client.get(url, {"q": "fast"})

    assert b"Do I need to fast?" in by_category.content
    assert b"Do I need to fast?" in searched.content
    assert b"What should I bring?" not in searched.content
