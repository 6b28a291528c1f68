"""Fixtures shared by every app's tests."""

import os
import uuid

import pytest


def require(flag: str) -> bool:
    """True when CI demands a service: a missing one must fail, not skip."""
    return os.environ.get(flag) == "1"


@pytest.fixture(autouse=True)
def _isolated_settings(settings):
    """Each test gets its own cache namespace, the locmem SMS backend and no captcha."""
    cache = dict(settings.CACHES["default"])
    cache["KEY_PREFIX"] = f"test-{uuid.uuid4().hex}"
    cache["TIMEOUT"] = 600
    settings.CACHES = {"default": cache}
    settings.SMS_BACKEND = "texting.backends.locmem.SmsBackend"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.RECAPTCHA_PUBLIC_KEY = ""
    settings.RECAPTCHA_PRIVATE_KEY = ""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def staff_user(db, django_user_model):
    return django_user_model.objects.create_user(
        username="frontdesk", password="a-long-test-password", is_staff=True, is_superuser=True
    )


def otp_login(client, user):
    """Log `user` in with a verified second factor, as the admin requires."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user).first() or TOTPDevice.objects.create(
        user=user, name="test phone", confirmed=True
    )
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def admin_client(client, staff_user):
    """A front-desk client past both factors (overrides pytest-django's)."""
    return otp_login(client, staff_user)
