"""Staff reach the admin only with a second factor, and enroll an authenticator app in it."""

import io
import re

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "a-long-test-password"

# Admin pages that show patient data or lead to it. More join as apps register models.
PROTECTED_ADMIN_PATHS = [
    "/admin/",
    "/admin/clinic/contactmessage/",
    "/admin/two-factor/",
]


def code_for(device: TOTPDevice) -> str:
    """The six digits an authenticator app shows for `device` right now."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def static_code_for(username: str) -> tuple[str, str]:
    """A one-time code from `manage.py addstatictoken`, and its device's id for the form."""
    out = io.StringIO()
    call_command("addstatictoken", username, stdout=out)
    device = StaticDevice.objects.get(user__username=username)
    return out.getvalue().strip(), device.persistent_id


def admin_login(client, *, username="frontdesk", password=PASSWORD, otp=("", ""), **extra):
    """Post the admin's login form: password, and the device chosen with its code."""
    otp_token, otp_device = otp
    return client.post(
        reverse("admin:login"),
        {
            "username": username,
            "password": password,
            "otp_device": otp_device,
            "otp_token": otp_token,
            "next": "/admin/",
        },
        **extra,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("path", PROTECTED_ADMIN_PATHS)
def test_a_password_alone_reaches_no_admin_page(client, staff_user, path):
    client.force_login(staff_user)  # password checked, no second factor

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.django_db
def test_the_admin_login_form_asks_for_a_one_time_code(client):
    response = client.get(reverse("admin:login"))

    assert response.status_code == 200
    assert 'name="otp_token"' in response.content.decode()


@pytest.mark.django_db
def test_the_right_password_without_a_code_does_not_sign_in(client, staff_user):
    response = admin_login(client)

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_a_static_code_signs_in_once_and_only_once(client, staff_user):
    code = static_code_for(staff_user.username)

    assert admin_login(client, otp=code).status_code == 302
    assert client.get("/admin/").status_code == 200

    client.logout()
    assert admin_login(client, otp=code).status_code == 200
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_staff_enroll_an_authenticator_app_and_sign_in_with_it(client, staff_user):
    with time_machine.travel("2026-03-02 14:00:00 +0000", tick=False) as clock:
        assert admin_login(client, otp=static_code_for(staff_user.username)).status_code == 302

        page = client.get(reverse("two_factor_enroll"))
        assert page.status_code == 200
        html = page.content.decode()
        assert re.search(r'<img src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+"', html)
        assert "<script" not in html.split('id="content-main"', 1)[1]
        device = TOTPDevice.objects.get(user=staff_user, confirmed=False)
        secret = page.context["secret"].replace(" ", "")
        assert len(secret) == 32  # base32 of the 20-byte key, for typing in by hand

        response = client.post(
            reverse("two_factor_enroll"), {"token": code_for(device), "name": "Front desk phone"}
        )

        assert response.status_code == 302
        device.refresh_from_db()
        assert device.confirmed
        assert device.name == "Front desk phone"

        client.logout()
        clock.shift(60)  # the next code; the one used to confirm cannot be replayed
        login = admin_login(client, otp=(code_for(device), device.persistent_id))
        assert login.status_code == 302
        assert client.get("/admin/clinic/contactmessage/").status_code == 200


@pytest.mark.django_db
def test_a_wrong_code_leaves_the_new_device_unconfirmed(admin_client, staff_user):
    admin_client.get(reverse("two_factor_enroll"))
    device = TOTPDevice.objects.get(user=staff_user, confirmed=False)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"

    response = admin_client.post(reverse("two_factor_enroll"), {"token": wrong, "name": "Phone"})

    assert response.status_code == 200
    assert "did not match" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


@pytest.mark.django_db
def test_reloading_the_page_keeps_one_pending_device(admin_client, staff_user):
    admin_client.get(reverse("two_factor_enroll"))
    admin_client.get(reverse("two_factor_enroll"))

    assert TOTPDevice.objects.filter(user=staff_user, confirmed=False).count() == 1


@pytest.mark.django_db
def test_an_unconfirmed_device_does_not_sign_in(client, staff_user):
    TOTPDevice.objects.filter(user=staff_user).delete()
    device = TOTPDevice.objects.create(user=staff_user, name="pending", confirmed=False)

    response = admin_login(client, otp=(code_for(device), device.persistent_id))

    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_password_and_app_code_sign_in_at_once_without_choosing_a_device(client, staff_user):
    TOTPDevice.objects.filter(user=staff_user).delete()
    device = TOTPDevice.objects.create(user=staff_user, name="phone", confirmed=True)
    static_code_for(staff_user.username)  # a second kind of device must not get in the way

    response = admin_login(client, otp=(code_for(device), ""))

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_static_code_signs_in_without_choosing_a_device(client, staff_user):
    code, _device_id = static_code_for(staff_user.username)

    assert admin_login(client, otp=(code, "")).status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_wrong_code_without_a_device_does_not_sign_in(client, staff_user):
    TOTPDevice.objects.filter(user=staff_user).delete()
    device = TOTPDevice.objects.create(user=staff_user, name="phone", confirmed=True)
    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"

    response = admin_login(client, otp=(wrong, ""))

    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_an_unconfirmed_app_is_not_picked_by_the_code_shape(client, staff_user):
    TOTPDevice.objects.filter(user=staff_user).delete()
    device = TOTPDevice.objects.create(user=staff_user, name="pending", confirmed=False)

    response = admin_login(client, otp=(code_for(device), ""))

    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302
