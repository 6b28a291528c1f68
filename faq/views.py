from django.shortcuts import render

from faq.models import Category


def index(request):
    categories = Category.objects.all()
    return render(request, "faq/index.html", {"categories": categories})
