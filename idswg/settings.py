"""Settings of the IDSWG portal.

Every knob is an environment variable with a safe default (listed in the README).
With nothing set the portal runs on a SQLite file and executes Celery tasks
in-process, so one command starts it on a bare machine. With ``DATABASE_URL`` and
``REDIS_URL`` set it runs on PostgreSQL with Redis and real Celery workers.

A malformed value is refused with ``ImproperlyConfigured`` instead of being guessed.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name, default):
    value = os.environ.get(name, "").strip().lower()
    if value == "":
        return default
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def envint(name, default):
    value = os.environ.get(name, "").strip()
    if value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from None


def envlist(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = envbool("DEBUG", False)

# With DEBUG off an unset key stays empty: commands that need no key (migrate, makemigrations,
# check) still run, while the web server refuses to start (idswg/wsgi.py) and Django refuses
# anything that signs (sessions, password reset links).
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105 (DEBUG only)

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000").rstrip("/")

INSTALLED_APPS = [
    # Before the admin (its docs ask so): names and titles in Lao and English (the apps' translation.py).
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "simple_history",
    # Dependencies go one way: idswg <- meetings, seizures <- dublin <- reports.
    "idswg.apps.IdswgConfig",
    "meetings.apps.MeetingsConfig",
    "seizures.apps.SeizuresConfig",
    "dublin.apps.DublinConfig",
    "reports.apps.ReportsConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise (static files come precompressed): pages and fragments only (idswg/compression.py).
    "idswg.compression.HtmlGZipMiddleware",
    "idswg.headers.PrivateResponseHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "idswg.language.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out log-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "idswg.urls"
WSGI_APPLICATION = "idswg.wsgi.application"

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
                "django.template.context_processors.i18n",
                "idswg.context_processors.portal",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite only serves one writer; wait for the lock instead of failing at once. Its connections
    # persist too (DB_CONN_MAX_AGE): a new one parses the schema again, about 2.8 ms a request.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "idswg.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# AxesStandaloneBackend first: it refuses a locked-out user name or address before any password check.
# Then Django's ModelBackend, whose signed-in user comes with its roles in one query (idswg/auth_backend.py).
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "idswg.auth_backend.PortalBackend"]
LOGIN_URL = "login"
# A form refused for its CSRF token gets the portal's page (Django's has an inline style the CSP refuses).
CSRF_FAILURE_VIEW = "idswg.errors.csrf_failure"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("lo", _("Lao"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Django has no Lao entry: without one check_for_language("lo") is False and the language
# switch cannot name Lao in Lao. Lao dates, times and numbers are in idswg/formats/lo/.
LANG_INFO.setdefault("lo", {"bidi": False, "code": "lo", "name": "Lao", "name_local": "ພາສາລາວ"})
FORMAT_MODULE_PATH = ["idswg.formats"]
# Names and titles held in both languages (django-modeltranslation): a page shows the reader's
# language and falls back to the other one where that is empty; English is the one required.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "lo")
MODELTRANSLATION_REQUIRED_LANGUAGES = ("en",)
# A form labels each language's field "Name (English)", "Name (Lao)", in the reader's language.
MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = lambda verbose_name, code: f"{verbose_name} ({dict(LANGUAGES)[code]})"  # noqa: E731
TIME_ZONE = "Asia/Vientiane"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# With DEBUG off static files are served from STATIC_ROOT (collectstatic) with hashed names;
# STATIC_MANIFEST=0 serves them from the source folders under their plain names instead (the tests).
STATIC_MANIFEST = envbool("STATIC_MANIFEST", not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
# A URL prefix (e.g. /protected-media/) makes a PDF download hand the file to nginx with
# X-Accel-Redirect once access is checked (idswg/downloads.py, README Deployment); empty: Django sends it.
DOWNLOADS_ACCEL_REDIRECT = os.environ.get("DOWNLOADS_ACCEL_REDIRECT", "")
FILE_UPLOAD_MAX_MEMORY_SIZE = envint("FILE_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", 10 * 1024 * 1024)
# Largest seizure-table file (CSV or XLSX) the import accepts.
SEIZURES_IMPORT_MAX_BYTES = envint("SEIZURES_IMPORT_MAX_BYTES", 2 * 1024 * 1024)
MEETINGS_MATERIAL_MAX_BYTES = envint("MEETINGS_MATERIAL_MAX_BYTES", 20 * 1024 * 1024)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail goes through Django's mail framework; without EMAIL_HOST it is printed.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = envint("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 30)
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "IDSWG Secretariat <idswg@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: without REDIS_URL tasks run in-process (a bare machine); with it, on workers.
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = envint("CELERY_TASK_SOFT_TIME_LIMIT", 240)
CELERY_TASK_TIME_LIMIT = envint("CELERY_TASK_TIME_LIMIT", 300)
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A web request hands work to the broker after its transaction commits (idswg/outbox.py);
# when the broker is unreachable it must give up within seconds, not hang: the row stays
# queued and the outbox sweep hands it over once the broker is back.
CELERY_BROKER_CONNECTION_TIMEOUT = envint("CELERY_BROKER_CONNECTION_TIMEOUT", 2)
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
# With acks_late a task that outlives the visibility timeout is delivered again.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_TASK_TIME_LIMIT * 4,
    "socket_connect_timeout": CELERY_BROKER_CONNECTION_TIMEOUT,
    "socket_timeout": CELERY_BROKER_CONNECTION_TIMEOUT * 2,
}
# Seconds between two runs of the outbox sweep (beat): queued e-mails and renders that are due
# are handed to the broker again, renders whose worker stopped are taken over.
OUTBOX_SWEEP_SECONDS = envint("OUTBOX_SWEEP_SECONDS", 60)
# A render's lease: the worker renews it every third of this while it renders; a job whose
# lease lapsed has lost its worker and is taken over by the next task.
RENDER_LEASE_SECONDS = envint("RENDER_LEASE_SECONDS", 30)
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("CELERY_QUEUE", "idswg")
CELERY_BEAT_SCHEDULE = {
    # Idempotent: each unanswered invitation is reminded once, N days before its meeting's deadline.
    "meetings-rsvp-reminders": {"task": "meetings.send_due_reminders", "schedule": 3600.0},
    # Idempotent: hands over again what the broker never got or a dead worker left behind.
    "idswg-outbox-sweep": {"task": "idswg.sweep_outbox", "schedule": float(OUTBOX_SWEEP_SECONDS)},
    # Idempotent: each unsubmitted country-report update is reminded once, N days before its deadline.
    "dublin-update-reminders": {"task": "dublin.send_due_reminders", "schedule": 3600.0},
}
# Days before a programme update's deadline when its organisation is reminded (once).
DUBLIN_REMINDER_DAYS = envint("DUBLIN_REMINDER_DAYS", 3)

if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    # A signed-in request reads its session from Redis, not the database (written through to both).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Security: strict whenever DEBUG is off (python manage.py check --deploy); each flag can be turned
# off on its own, e.g. for a local run over plain HTTP (README, Deployment).
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if envbool("BEHIND_PROXY", False) else None
SECURE_CONTENT_TYPE_NOSNIFF = True
# Content-Security-Policy (django-csp): scripts, styles, fonts and images come from the portal's
# own origin only. No inline script or event handler runs (static/js/portal.js wires the few
# behaviours, htmx runs without eval) and no style attribute applies. The one inline <style>
# accepted is the one Trix 2 inserts for its editor elements, carrying this response's nonce
# (templates/reports/_trix.html). ``data:`` images are the SVG icons Bootstrap and Trix write
# inside their own stylesheets (check boxes, select arrows, the editor toolbar), not another origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "font-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Log-in throttling (django-axes, idswg/throttle.py): after AXES_FAILURE_LIMIT wrong passwords for
# one user name, or from one address, that name or address is locked out for AXES_COOLOFF_MINUTES.
# The secretariat unlocks from the accounts page, or `manage.py axes_reset_username NAME` (README).
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "idswg.throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "idswg.throttle.client_address"
# Failed attempts are kept (they drive the lock-out); a row per successful log-in is not needed.
AXES_DISABLE_ACCESS_LOG = True
# Password-reset requests (idswg/throttle.py): so many per e-mail address and per client address
# in PASSWORD_RESET_WINDOW_MINUTES; more are refused with a message and send nothing.
PASSWORD_RESET_LIMIT_PER_EMAIL = envint("PASSWORD_RESET_LIMIT_PER_EMAIL", 3)
PASSWORD_RESET_LIMIT_PER_ADDRESS = envint("PASSWORD_RESET_LIMIT_PER_ADDRESS", 10)
PASSWORD_RESET_WINDOW_MINUTES = envint("PASSWORD_RESET_WINDOW_MINUTES", 60)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # django-axes logs every log-in at INFO; its lock-outs come at WARNING.
        "axes": {"level": "WARNING"},
    },
}
