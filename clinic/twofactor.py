"""Staff two-factor enrollment: add an authenticator app (TOTP) from inside the admin.

How a staff member gets in the first time:

1. An administrator creates the account and runs
   `python manage.py addstatictoken <username>`, which prints a one-time code.
2. She signs in to /admin/ with her password and that code (it works once).
3. On "Two-factor" (/admin/two-factor/) she scans the QR code with an authenticator
   app and types the six-digit code it shows. The device is then confirmed, and
   every later sign-in asks for a code from the app.

The page sits behind the admin's own login, which (django-otp's OTPAdminSite)
already demands a verified second factor: a password alone never reaches it.
"""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.contrib import admin, messages
from django.contrib.auth.decorators import user_passes_test
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django_otp.admin import OTPAdminAuthenticationForm
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

PENDING_NAME = "Authenticator app (not confirmed yet)"


class AdminLoginForm(OTPAdminAuthenticationForm):
    """The admin's login form, refusing devices that were never confirmed.

    django-otp looks the chosen device up by its id without checking `confirmed`,
    so a half-finished enrollment could otherwise sign in.

    It also saves staff a second round trip: django-otp only lists a user's devices
    after the password was right, so a first sign-in with password and code would
    fail with "Please select a device". When no device is chosen, the code's shape
    names it: six digits come from the authenticator app, anything else is a one-time
    code from `addstatictoken`. Only a single confirmed device of that kind is used,
    so no other device records a failed attempt.
    """

    def _chosen_device(self, user):
        if self.cleaned_data.get("otp_device"):
            device = super()._chosen_device(user)
            return device if device is not None and device.confirmed else None
        return self._device_for_token_shape(user)

    def _device_for_token_shape(self, user):
        token = (self.cleaned_data.get("otp_token") or "").strip()
        if not token:
            return None
        model = TOTPDevice if (token.isdigit() and len(token) == 6) else StaticDevice
        devices = list(model.objects.devices_for_user(user, confirmed=True)[:2])
        return devices[0] if len(devices) == 1 else None


class ConfirmDeviceForm(forms.Form):
    token = forms.CharField(
        label="Code from the app",
        min_length=6,
        max_length=6,
        help_text="The six digits the app shows now for this account.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
    )
    name = forms.CharField(
        label="Name for this device",
        max_length=64,
        initial="Phone",
        help_text="So you can tell your devices apart later, e.g. “Front desk phone”.",
    )

    def __init__(self, *args, device: TOTPDevice, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self) -> str:
        token = self.cleaned_data["token"].strip()
        if not token.isdigit() or not self.device.verify_token(token):
            raise forms.ValidationError(
                "That code did not match. Check the phone's clock and type the code shown now."
            )
        return token


def pending_device_for(*, user) -> TOTPDevice:
    """The user's unconfirmed authenticator device, created on first use."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=PENDING_NAME, confirmed=False)
    return device


def qr_code_data_uri(*, text: str) -> str:
    """An SVG QR code of `text` as a data: URI (an <img>, so no inline style or script)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


@never_cache
@user_passes_test(lambda user: user.is_active and user.is_staff)
def enroll(request):
    """Show the QR code of a new TOTP device and confirm it with a code from the app."""
    device = pending_device_for(user=request.user)
    if request.method == "POST":
        form = ConfirmDeviceForm(request.POST, device=device)
        if form.is_valid():
            with transaction.atomic():
                device.name = form.cleaned_data["name"]
                device.confirmed = True
                device.save(update_fields=["name", "confirmed"])
            messages.success(
                request,
                "Your authenticator app is set up. Use a code from it each time you sign in.",
            )
            return redirect("admin:index")
    else:
        form = ConfirmDeviceForm(device=device)

    secret = base64.b32encode(device.bin_key).decode("ascii")
    context = {
        **admin.site.each_context(request),
        "title": "Two-factor sign-in",
        "form": form,
        "qr_code": qr_code_data_uri(text=device.config_url),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "devices": TOTPDevice.objects.filter(user=request.user, confirmed=True).order_by("pk"),
        "backup_codes_left": sum(
            d.token_set.count() for d in StaticDevice.objects.filter(user=request.user)
        ),
    }
    return TemplateResponse(request, "admin/two_factor.html", context)
