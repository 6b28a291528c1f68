import os

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client

from conftest import otp_login


def needs_postgresql():
    if connection.vendor == "postgresql":
        return
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail("REQUIRE_SERVICES=1 but DATABASE_URL is not PostgreSQL")
    pytest.skip("needs PostgreSQL: set DATABASE_URL=postgres://... to run")


def staff_with(django_user_model, username, *codenames):
    user = django_user_model.objects.create_user(
        username=username, password="a-long-test-password", is_staff=True
    )
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def viewer(db, django_user_model):
    """Front-desk staff who may only look at requests and texts."""
    return staff_with(
        django_user_model,
        "viewer",
        "view_appointmentrequest",
        "view_outboundmessage",
        "view_inboundmessage",
    )


@pytest.fixture
def viewer_client(viewer):
    return otp_login(Client(), viewer)


@pytest.fixture
def auditor(db, django_user_model):
    """The practice manager: may read the log and each record's access history."""
    return staff_with(django_user_model, "manager", "view_accesslog", "view_access_history")
