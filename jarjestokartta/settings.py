"""Settings for Järjestökartta, read from the environment (see .env.example)."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from jarjestokartta import env

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

DEBUG = env.env_bool("DEBUG", False)
SECRET_KEY = env.secret_key(VAR_DIR)
ALLOWED_HOSTS = env.env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.env_list("CSRF_TRUSTED_ORIGINS", ["http://127.0.0.1:8000"])

DATABASES = {"default": env.database(os.environ.get("DATABASE_URL"), VAR_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "corsheaders",
    "ninja",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    # Before allauth, so that its layouts (accounts/templates/allauth/) are the ones used.
    "jarjestokartta.accounts",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "jarjestokartta.core",
    "jarjestokartta.geography",
    "jarjestokartta.directory",
    "jarjestokartta.roles",
    "jarjestokartta.events",
    "jarjestokartta.structures",
    "jarjestokartta.editing",
    "jarjestokartta.popolo",
    "jarjestokartta.search",
    "jarjestokartta.diagram",
    "jarjestokartta.spreadsheets",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before sessions, CSRF and auth: a 304 or a cached API answer needs none of them.
    "jarjestokartta.api.middleware.ApiMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "jarjestokartta.accounts.two_factor.TwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

# Accounts (django-allauth): an e-mail address is the login, verified before first use; a code
# sent by e-mail logs in without a password; TOTP is required of staff (accounts/two_factor.py).
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNTS_PATH = "/tili/"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_ADAPTER = "jarjestokartta.accounts.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "jarjestokartta.accounts.adapter.user_display"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Järjestökartta] "
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Failed logins: 10 a minute from one client address, 5 in five minutes for one e-mail address
# (the account); the admin's login goes through the same view (urls.py, secure_admin_login).
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/300s/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Järjestökartta"

globals().update(env.email(VAR_DIR))

# Mail to send and other slow work wait in a table of our database for `manage.py db_worker`
# (started by `make run`): no broker, and a task is stored in the same transaction as the change
# that asked for it, so a change that rolls back sends nothing.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Answers of the API to anonymous GETs, under the data's version (api/cache.py): each worker
# keeps its own in memory; API_CACHE_ENTRIES=0 turns the cache off. A shared cache (Redis,
# memcached) may replace the "api" entry: the keys never let a stale answer out.
API_CACHE_ENTRIES = env.env_int("API_CACHE_ENTRIES", 500)
CACHES = {
    # Shared by every server process, as login rate limits must be (a per-process count would
    # let each gunicorn worker take its own five guesses); a table, so no server is needed.
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "jarjestokartta_cache",
    },
    "api": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "api",
        "TIMEOUT": 86400,  # keys hold the day, so nothing is read after midnight anyway
        "OPTIONS": {"MAX_ENTRIES": max(API_CACHE_ENTRIES, 1)},
    },
}

# The API is open data: any web page may read it, but only read it (django-cors-headers).
CORS_URLS_REGEX = r"^/api/v1/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Content-Disposition"]
CORS_PREFLIGHT_MAX_AGE = 86400

# Occurrences of activities and events are stored this many days ahead and kept this many back
# (events/occurrences.py says why); `manage.py refresh_occurrences` moves the window daily.
EVENTS_HORIZON_DAYS = env.env_int("EVENTS_HORIZON_DAYS", 400)
EVENTS_KEEP_DAYS = env.env_int("EVENTS_KEEP_DAYS", 92)

ROOT_URLCONF = "jarjestokartta.urls"
WSGI_APPLICATION = "jarjestokartta.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "jarjestokartta" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Finnish first; Swedish and English follow. Until their translations and a language choice
# exist, pages are not negotiated from the browser's Accept-Language (an English browser would
# get untranslated source strings), so there is no LocaleMiddleware yet.
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": env.env_choice(
            "LOG_LEVEL", "INFO", {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}
        ),
    },
}
