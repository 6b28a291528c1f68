import factory

from faq.models import Category, Question


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    order = factory.Sequence(int)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    category = factory.SubFactory(CategoryFactory)
    question = factory.Sequence(lambda n: f"Is this question number {n}?")
    slug = factory.Sequence(lambda n: f"question-{n}")
    answer = factory.LazyAttribute(lambda o: f"Yes, and here is why: {o.question}")
    order = factory.Sequence(int)
