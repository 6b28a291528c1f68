import datetime as dt

import factory

from appointments.models import AppointmentRequest
from procedures.models import Procedure


class ProcedureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Procedure
        django_get_or_create = ("slug",)

    slug = "hsg"
    kind = Procedure.Kind.DIAGNOSTIC
    name = "Hysterosalpingogram (HSG)"
    short_name = "HSG"
    meta_description = "An X-ray of the uterus and tubes."
    summary = "An X-ray of the uterus and tubes."
    body = "Body."
    preparation_before = "Take ibuprofen 30 to 60 minutes before."
    bookable = True
    published = True


class AppointmentRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AppointmentRequest

    procedure = factory.SubFactory(ProcedureFactory)
    first_name = factory.Sequence(lambda n: f"Pat{n}")
    last_name = "Rivera"
    date_of_birth = dt.date(1990, 3, 14)
    phone = "+12125550123"
    email = factory.Sequence(lambda n: f"patient{n}@example.com")
    last_period_start = dt.date(2027, 3, 1)
    preferred_date_1 = dt.date(2027, 3, 8)
