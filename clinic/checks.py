"""System checks for settings that a production deploy must not miss."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=False)
def recaptcha_keys_check(app_configs, **kwargs):
    """The captcha is optional in development and required in production."""
    if settings.RECAPTCHA_PUBLIC_KEY and settings.RECAPTCHA_PRIVATE_KEY:
        return []
    if settings.DEBUG:
        return [
            checks.Warning(
                "reCAPTCHA is off: RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY are not set.",
                hint="Fine for development. Production must set both.",
                id="clinic.W001",
            )
        ]
    return [
        checks.Error(
            "RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY must be set when DEBUG is off.",
            hint="Create reCAPTCHA v3 keys for the site's domain.",
            id="clinic.E001",
        )
    ]


@checks.register(checks.Tags.security, deploy=False)
def production_services_check(app_configs, **kwargs):
    """Production needs Redis (shared cache, locks, broker) and a release id."""
    if settings.DEBUG:
        return []
    errors = []
    if not settings.REDIS_URL:
        errors.append(
            checks.Error(
                "REDIS_URL must be set when DEBUG is off.",
                hint="Without it each process keeps its own cache: the birth-date lock, "
                "the rate limits and the page cache would not be shared, and texts would "
                "queue on the local disk.",
                id="clinic.E002",
            )
        )
    if not settings.RELEASE:
        errors.append(
            checks.Error(
                "RELEASE must be set when DEBUG is off.",
                hint="Set it to the build's id, e.g. RELEASE=$(git rev-parse --short HEAD).",
                id="clinic.E003",
            )
        )
    return errors
