import datetime
from decimal import Decimal

import factory

from clinic import models


class PracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Practice


class OpeningHoursFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.OpeningHours
        django_get_or_create = ("weekday",)

    weekday = 0
    opens = datetime.time(9, 0)
    closes = datetime.time(17, 0)


class ClosureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Closure

    first_day = factory.LazyFunction(lambda: datetime.date.today() + datetime.timedelta(days=7))
    last_day = factory.SelfAttribute("first_day")
    reason = "Staff training"


class InsurancePlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.InsurancePlan

    name = factory.Sequence(lambda n: f"Health Plan {n}")
    order = factory.Sequence(int)


class PriceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Price

    code = factory.Sequence(lambda n: f"{70000 + n}")
    label = factory.Sequence(lambda n: f"Service {n}")
    amount = Decimal("100.00")
    order = factory.Sequence(int)


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Publication

    title = factory.Sequence(lambda n: f"A study of HSG number {n}")
    authors = "Silberzweig JE"
    journal = "J Reprod Med"
    year = 2009
    volume = "54"
    pages = "126-32"
    order = factory.Sequence(int)


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Page

    slug = factory.Sequence(lambda n: f"page-{n}")
    title = factory.LazyAttribute(lambda o: f"The {o.slug} heading")
    seo_title = factory.LazyAttribute(lambda o: f"The {o.slug} page title")
    meta_description = factory.LazyAttribute(lambda o: f"What the {o.slug} page is about.")
    intro = factory.LazyAttribute(lambda o: f"The intro of {o.slug}.")
    body = factory.LazyAttribute(lambda o: f"## The {o.slug} section\n\nThe body of {o.slug}.")


class ContactMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ContactMessage

    name = "Jane Patient"
    email = "jane@example.com"
    phone = ""
    message = "Do you take my plan?"
