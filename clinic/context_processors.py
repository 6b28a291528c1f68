from django.conf import settings
from django.utils.functional import SimpleLazyObject

from clinic.models import Practice


def practice(request):
    """The practice's profile for the header and footer, loaded only when used."""
    return {
        "practice": SimpleLazyObject(Practice.objects.current),
        "SITE_URL": settings.SITE_URL,
    }
