"""Settings for the clinic site: one file, read from the environment.

Every value has an embedded default so that `make run` works on a fresh machine;
production sets the variables listed in README.md.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from clinic import content_security, logs

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env")

DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

# Off unless the environment turns it on: `make run`, Procfile.dev and the tests do.
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default=DEV_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEV_SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
# The public address of the site, without a trailing slash. Used for absolute links
# in emails and texts, canonical URLs and Twilio's signature check.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.forms",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_recaptcha",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "simple_history",
    "clinic",
    "audit",
    "procedures",
    "faq",
    "appointments",
    "texting",
    "operations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "clinic.middleware.NoStoreMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The language comes from the path alone (/es/... is Spanish): see clinic/i18n.py.
    "clinic.middleware.PathLanguageMiddleware",
    # Cached public pages are answered here, before the session, auth, CSRF and the rest.
    "clinic.middleware.PageCacheMiddleware",
    # NUL bytes and the like out of every query, form and header (not Twilio's bodies).
    "clinic.middleware.StripRefusedCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # `Origin: null` from the no-referrer patient pages' own forms (see there).
    "clinic.middleware.NullOriginMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "clinic.middleware.AdminIdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    # Records which patient records each admin page showed (audit/recording.py).
    "audit.middleware.AccessLogMiddleware",
]

ROOT_URLCONF = "clinic.urls"
WSGI_APPLICATION = "clinic.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "clinic.context_processors.practice",
            ],
        },
    },
]

# --- Data -----------------------------------------------------------------------

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Production keeps connections open for a minute (checked before reuse); dev opens one per request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if DEBUG else 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if "postgresql" in DATABASES["default"]["ENGINE"]:
    # An unreachable server fails in seconds (a 503 page), not at gunicorn's timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "clinic.redis_cache.RedisCache",  # Django's, one client per pool
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "clinic",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The release (build) this process serves, part of every page and content cache key
# (clinic/caching.py): pages cached by the previous release, whose HTML links to its
# hashed CSS and shows its templates, are never served by the next one, even while
# both run during a deploy. Set it to the image's build id, for example
# RELEASE=$(git rev-parse --short HEAD) (docker-compose.yml passes it on). Unset, it is
# a hash of the static manifest collectstatic wrote (STATIC_ROOT/staticfiles.json),
# and in DEBUG a new value at every start and every file the autoreloader sees change.
RELEASE = env("RELEASE", default="")

# Backups (operations/backups.py, `make backup`): where, how many, and the Fernet key
# that encrypts them (empty: not encrypted). Make a key with
# python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"
BACKUP_DIR = env("BACKUP_DIR", default=str(BASE_DIR / "var" / "backups"))
BACKUP_KEEP = env.int("BACKUP_KEEP", default=14)
BACKUP_ENCRYPTION_KEY = env("BACKUP_ENCRYPTION_KEY", default="")

# --- Celery (see clinic/celery.py) -------------------------------------------------

CELERY_TIMEZONE = "America/New_York"
CELERY_TASK_TIME_LIMIT = 120
CELERY_TASK_SOFT_TIME_LIMIT = 90
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Workers log through LOGGING below (one key=value line, no request data), not Celery's own.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# The outbox dispatcher (texting/tasks.py). A run that waited over 50 s for a worker
# is dropped: the next minute's run does the same work.
CELERY_BEAT_SCHEDULE = {
    "dispatch-due-texts": {
        "task": "texting.tasks.dispatch_due_messages",
        "schedule": 60.0,
        "options": {"expires": 50},
    },
    "offer-earlier-times": {
        "task": "appointments.tasks.offer_earlier_times",
        "schedule": 60.0,
        "options": {"expires": 50},
    },
    # A worker writes the time: /healthz shows a stopped worker (operations/heartbeat.py).
    "worker-heartbeat": {
        "task": "operations.tasks.worker_heartbeat",
        "schedule": 60.0,
        "options": {"expires": 50},
    },
    # Erase patient data past the practice's retention period (operations/retention.py).
    "apply-retention": {
        "task": "operations.tasks.apply_retention",
        "schedule": crontab(hour=3, minute=30),
    },
}
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
else:
    _broker_dir = BASE_DIR / "var" / "celery"
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
# Publishing a task must never hang a web request when the broker is down: the
# outbox row is already committed and the dispatcher picks it up later.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    **globals().get("CELERY_BROKER_TRANSPORT_OPTIONS", {}),
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
    "socket_connect_timeout": 1,
    "socket_timeout": 2,
}

# --- Auth, admin, two-factor ------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
OTP_TOTP_ISSUER = "Interventional Radiology, P.C."

# django-axes: 5 failures lock a username from that address (not from everywhere, so
# nobody can lock a colleague out), and 20 from one address lock the address
# (clinic/security.py), each for the cool-off.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = "clinic.security.axes_lockout_parameters"
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
# The client's address is REMOTE_ADDR, or with TRUSTED_PROXY_COUNT=N the address our N-th
# proxy saw (clinic/security.py): a spoofed X-Forwarded-For never resets a lock or a limit.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "clinic.security.axes_client_ip"
AXES_VERBOSE = False

# Staff sessions end after 8 hours, or when the browser closes.
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True  # no script reads it: forms carry the token in a hidden field
# Staff who leave the admin untouched this long are signed out (clinic.middleware).
ADMIN_IDLE_TIMEOUT = env.int("ADMIN_IDLE_MINUTES", default=30) * 60
# Pages no browser or proxy may store: the admin, the forms, a patient's own request.
NO_STORE_PATHS = ["/admin/", "/appointments/", "/contact/"]

# Models whose records are patient data: every admin page showing one is logged (audit/).
AUDIT_MODELS = [
    "appointments.appointmentrequest",
    "texting.outboundmessage",
    "texting.inboundmessage",
    "appointments.appointmentconfirmation",
    "texting.optout",
    "clinic.contactmessage",
]

# --- Time and language ------------------------------------------------------------

# English at the site's plain URLs, Spanish under /es/ (clinic/urls.py). The admin
# stays in English. Translations of the code's strings are in locale/ (.po files,
# compiled by `make run`, `make test` and the Dockerfile).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "America/New_York"
USE_I18N = True
USE_TZ = True

# --- Static files -----------------------------------------------------------------

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Files with a content hash in their name (everything {% static %} links to in production)
# are served by whitenoise as immutable for a year and more; this is for unhashed names.
WHITENOISE_MAX_AGE = 60 * 60 * 24 if not DEBUG else 0

# --- Forms ------------------------------------------------------------------------

# Widget templates come from TEMPLATES, so the project can override them.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
# A request body larger than this answers 400 (the forms need a few kilobytes).
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
# No form or webhook takes a file, so a file part answers 400 too (clinic/uploads.py).
FILE_UPLOAD_HANDLERS = ["clinic.uploads.RefuseFileUploads"]

# reCAPTCHA v3 (invisible, scored). Without keys the captcha is off; see clinic/checks.py.
RECAPTCHA_PUBLIC_KEY = env("RECAPTCHA_PUBLIC_KEY", default="")
RECAPTCHA_PRIVATE_KEY = env("RECAPTCHA_PRIVATE_KEY", default="")
RECAPTCHA_REQUIRED_SCORE = env.float("RECAPTCHA_REQUIRED_SCORE", default=0.5)
RECAPTCHA_VERIFY_REQUEST_TIMEOUT = 5
SILENCED_SYSTEM_CHECKS = ["django_recaptcha.recaptcha_test_key_error"]

# Per-IP rate limits on the public forms and webhooks: "count/seconds".
RATELIMIT_ENABLED = env.bool("RATELIMIT_ENABLED", default=True)

# --- Email ------------------------------------------------------------------------

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Backends that never deliver: fine on a laptop, a silent loss of every notice in production.
DEV_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}
if not DEBUG and EMAIL_CONFIG["EMAIL_BACKEND"] in DEV_EMAIL_BACKENDS:
    raise ImproperlyConfigured(
        "EMAIL_URL must name a real mail server when DEBUG is off (e.g. smtp+tls://…)."
    )
# The name is quoted: unquoted, its comma splits the address and SMTP refuses it.
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default='"Interventional Radiology, P.C." <info@hsgexam.com>'
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who gets the front desk's notices (new requests, contact messages, urgent replies).
STAFF_NOTIFICATION_EMAILS = env.list("STAFF_NOTIFICATION_EMAILS", default=["info@hsgexam.com"])

# --- Texting (see texting/) -------------------------------------------------------

TWILIO_ACCOUNT_SID = env("TWILIO_ACCOUNT_SID", default="")
TWILIO_AUTH_TOKEN = env("TWILIO_AUTH_TOKEN", default="")
TWILIO_FROM_NUMBER = env("TWILIO_FROM_NUMBER", default="")
TWILIO_MESSAGING_SERVICE_SID = env("TWILIO_MESSAGING_SERVICE_SID", default="")
SMS_BACKEND = env(
    "SMS_BACKEND",
    default=(
        "texting.backends.twilio.SmsBackend"
        if TWILIO_ACCOUNT_SID
        and TWILIO_AUTH_TOKEN
        and (TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID)
        else "texting.backends.console.SmsBackend"
    ),
)

# --- Security headers -------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# What a page may load, run, frame or post to (django-csp): clinic/content_security.py.
CONTENT_SECURITY_POLICY = content_security.POLICY

if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    if not SECURE_HSTS_PRELOAD:
        # Joining the browsers' preload list is hard to undo: it is the operator's choice
        # (SECURE_HSTS_PRELOAD=true), so `check --deploy` does not warn about it.
        SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "security.W021"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    if env.bool("USE_X_FORWARDED_PROTO", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Error reporting (optional): Sentry, scrubbed of patient data (clinic/errors.py) --

SENTRY_DSN = env("SENTRY_DSN", default="")
if SENTRY_DSN:
    from clinic.errors import sentry_init

    sentry_init(
        dsn=SENTRY_DSN,
        release=RELEASE,
        environment=env("SENTRY_ENVIRONMENT", default="development" if DEBUG else "production"),
    )

# --- Logging: one line per event to stdout, never patient data --------------------

# `time=… level=… logger=… msg="…"`: see clinic/logs.py for what is kept out.
LOGGING = logs.dict_config(level=env("LOG_LEVEL", default="INFO"), debug=DEBUG)
