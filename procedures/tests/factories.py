import factory

from procedures.models import Procedure


class ProcedureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Procedure

    slug = factory.Sequence(lambda n: f"procedure-{n}")
    kind = Procedure.Kind.DIAGNOSTIC
    name = factory.Sequence(lambda n: f"Procedure number {n}")
    short_name = factory.Sequence(lambda n: f"P{n}")
    seo_title = factory.LazyAttribute(lambda o: f"{o.name} in Manhattan")
    meta_description = factory.LazyAttribute(lambda o: f"All about {o.name}.")
    summary = factory.LazyAttribute(lambda o: f"A short summary of {o.name}.")
    body = factory.LazyAttribute(lambda o: f"## How {o.short_name} works\n\nThe body text.")
    preparation_before = "Take a pain reliever 30 to 60 minutes before."
    preparation_after = "Bring a pad for light spotting."
    order = factory.Sequence(int)
    bookable = True
