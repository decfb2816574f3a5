"""Django settings for CCHC — one file, every knob an environment variable.

Defaults give the embedded demo (SQLite in ``var/``, eager jobs, console e-mail).
Production sets ``CCHC_DEBUG=false``, ``CCHC_SECRET_KEY``, ``CCHC_ALLOWED_HOSTS``,
``CCHC_DATABASE_URL=postgres://…`` and ``CCHC_REDIS_URL``; see docs/deployment.md.
"""

from __future__ import annotations

import os
from datetime import timedelta

from csp.constants import NONE, SELF

from config.env import (
    BASE_DIR,
    env_bool,
    env_int,
    env_list,
    env_str,
    parse_database_url,
)

# pytest ≥ 8.2 exports PYTEST_VERSION while it runs: the one place tests change defaults.
TESTING = "PYTEST_VERSION" in os.environ

DEBUG = env_bool("CCHC_DEBUG", default=False)
_INSECURE_DEV_KEY = "django-insecure-cchc-demo-key-only-for-local-development-do-not-deploy"
SECRET_KEY = env_str("CCHC_SECRET_KEY") or _INSECURE_DEV_KEY
if not DEBUG and not TESTING and SECRET_KEY == _INSECURE_DEV_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "CCHC_SECRET_KEY is required when CCHC_DEBUG is false "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))')"
    )

ALLOWED_HOSTS = env_list("CCHC_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CCHC_CSRF_TRUSTED_ORIGINS", [])
# Number of trusted reverse proxies in front of the app (nginx = 1): used to read the client
# address from X-Forwarded-For for rate limits and the login lockout.
NUM_PROXIES = env_int("CCHC_NUM_PROXIES", 0)

INSTALLED_APPS = [
    # The admin site with the two-step check (issue 14 — accounts): cchc.org.admin_site.
    "cchc.org.admin_apps.CchcAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "ninja",
    "cchc.core",
    "cchc.org",
    "cchc.catalog",
    "cchc.dossiers",
    "cchc.stats",
    "cchc.portal",
    "cchc.satisfaction",
    "cchc.feedback",
    "cchc.surveys",
    "cchc.parindex",
    "cchc.plans",
    "cchc.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cchc.core.middleware.RejectNulCharactersMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cchc.core.middleware.NoStoreMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Issue 14 — accounts: idle sessions end, then the two-step check (cchc/org/middleware.py).
    "cchc.org.middleware.IdleSessionMiddleware",
    "cchc.org.middleware.TwoFactorGateMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cchc" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "cchc.org.context_processors.site",
            ],
            "builtins": ["cchc.core.templatetags.vn"],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env_str("CCHC_DATABASE_URL", "sqlite:///var/cchc.sqlite3")
DATABASES = {"default": parse_database_url(DATABASE_URL)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Tests use a file (in RAM where available), not ":memory:": concurrency tests run real
    # threads, which need WAL and the busy timeout rather than shared-cache table locks.
    _shm = "/dev/shm" if os.path.isdir("/dev/shm") else None
    import tempfile

    _test_db = os.path.join(_shm or tempfile.gettempdir(), f"cchc-test-{os.getpid()}.sqlite3")
    DATABASES["default"]["TEST"] = {"NAME": env_str("CCHC_SQLITE_TEST_NAME") or _test_db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Issue 14 — drills: a streaming read replica. With CCHC_REPLICA_DATABASE_URL set, dashboards,
# public transparency pages and exports read from the alias `replica` (cchc.core.db) while its
# replay lag stays within CCHC_REPLICA_MAX_LAG_SECONDS (checked at most every
# CCHC_REPLICA_CHECK_SECONDS per process); otherwise, and for everything else, the primary.
REPLICA_DATABASE_URL = env_str("CCHC_REPLICA_DATABASE_URL")
CCHC_REPLICA_ROUTING = bool(REPLICA_DATABASE_URL)
if REPLICA_DATABASE_URL:
    DATABASES["replica"] = parse_database_url(REPLICA_DATABASE_URL)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
elif TESTING:
    # The tests get a second, real connection to the test database (Django's test mirror);
    # routing to it stays off unless a test turns CCHC_REPLICA_ROUTING on.
    DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["cchc.core.db.ReplicaRouter"]
CCHC_REPLICA_MAX_LAG_SECONDS = env_int("CCHC_REPLICA_MAX_LAG_SECONDS", 10)
CCHC_REPLICA_CHECK_SECONDS = env_int("CCHC_REPLICA_CHECK_SECONDS", 5)
# GET/HEAD requests to these URL namespaces or `namespace:name` views read from the replica;
# the ones in CCHC_REPLICA_PRIMARY_ROUTES stay on the primary (forms that show what was saved).
CCHC_REPLICA_READ_ROUTES = (
    "stats",
    "transparency",
    "parindex_public",
    "parindex:ranking_export",
    "parindex:framework_export",
    "catalog:procedure_export",
    "plans:plan_export",
)
CCHC_REPLICA_PRIMARY_ROUTES = ("stats:entered_values",)
MIDDLEWARE = [*MIDDLEWARE, "cchc.core.db.ReplicaReadMiddleware"]

# --- Auth -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "org.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Citizens sign in with their e-mail or phone (after axes: lockout still applies).
    "cchc.portal.accounts.backends.EmailOrPhoneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is deliberately slow; tests create hundreds of users. Production keeps Argon2.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Issue 14 — accounts: officers and administrators may not reuse a recent password.
    {"NAME": "cchc.org.passwords.PasswordHistoryValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# A password-reset link works once, for this long (it is sent by e-mail or SMS).
PASSWORD_RESET_TIMEOUT = 60 * env_int("CCHC_PASSWORD_RESET_MINUTES", 60)
# How long the link that verifies a citizen's e-mail address or phone number works.
CCHC_VERIFY_LINK_HOURS = env_int("CCHC_VERIFY_LINK_HOURS", 72)
# DOMAIN A8 duty flags: fewer ratings in a year is "not enough ratings", never flagged.
CCHC_DUTY_MIN_RATINGS = env_int("CCHC_DUTY_MIN_RATINGS", 5)
# Sign-in throttling (docs/decisions/0007-login-throttle-per-address-and-username.md):
# a username locks after CCHC_LOGIN_FAILURE_LIMIT failures, whatever the address; a client
# address is refused sign-in after CCHC_LOGIN_ADDRESS_FAILURE_LIMIT failures over any usernames
# (higher: a whole office may sit behind one NAT). Both count the failures of the last
# CCHC_LOGIN_COOLOFF_MINUTES, on every sign-in form (officers, citizens, /admin/login/).
AXES_FAILURE_LIMIT = env_int("CCHC_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("CCHC_LOGIN_COOLOFF_MINUTES", 30))
CCHC_LOGIN_ADDRESS_FAILURE_LIMIT = env_int("CCHC_LOGIN_ADDRESS_FAILURE_LIMIT", 20)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_HANDLER = "cchc.org.login_throttle.LoginThrottleHandler"
AXES_LOCKOUT_CALLABLE = "cchc.org.login_throttle.lockout_response"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The project's one rule for the client address (REMOTE_ADDR, or the X-Forwarded-For hop
# written by the CCHC_NUM_PROXIES trusted proxies), as the rate limits use.
AXES_CLIENT_IP_CALLABLE = "cchc.org.login_throttle.client_ip_address"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# axes.W006 asks for "ip_address" among the lockout parameters: the address is throttled by
# its own, higher limit instead (decision 0007), so that a username's lockout never locks a
# whole office and a colleague's successful sign-in never clears the address's count.
# CCHC_SILENCED_SYSTEM_CHECKS: checks one installation deliberately accepts, by id (comma
# separated) — a loopback demonstration without an SMS provider or a contracted payment
# gateway (scripts/serve_prod.sh: core.E002, dossiers.E001). A real installation sets none.
SILENCED_SYSTEM_CHECKS = ["axes.W006", *env_list("CCHC_SILENCED_SYSTEM_CHECKS", [])]

# Issue 14 — accounts (docs/reliability/accounts.md): two-step sign-in, idle sessions, unused
# accounts, password history.
# Minutes without a request after which a session ends: the admin site (/admin/), officers'
# pages, citizens' pages (0 = no idle limit for that kind of page).
CCHC_IDLE_MINUTES_ADMIN = env_int("CCHC_IDLE_MINUTES_ADMIN", 5)
CCHC_IDLE_MINUTES_OFFICER = env_int("CCHC_IDLE_MINUTES_OFFICER", 15)
CCHC_IDLE_MINUTES_CITIZEN = env_int("CCHC_IDLE_MINUTES_CITIZEN", 30)
# Officer and administrator accounts without a sign-in (or API token use) for this many days
# are disabled by the daily job `accounts_disable_unused` (0 = never).
CCHC_ACCOUNT_IDLE_DAYS = env_int("CCHC_ACCOUNT_IDLE_DAYS", 45)
# An officer or administrator may not reuse any of their last N passwords (0 = no check).
CCHC_PASSWORD_HISTORY = env_int("CCHC_PASSWORD_HISTORY", 5)
# TOTP (RFC 6238) with django-otp: the issuer shown in the authenticator app; failed codes lock
# the device for factor × 2^(failures-1) seconds (django-otp's throttling).
OTP_TOTP_ISSUER = env_str("CCHC_OTP_ISSUER", "CCHC")
OTP_TOTP_THROTTLE_FACTOR = env_int("CCHC_OTP_THROTTLE_FACTOR", 1)
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# --- Internationalisation -----------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "cchc" / "locale"]
FORMAT_MODULE_PATH = ["cchc.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = False

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns on every request otherwise
STATICFILES_DIRS = [BASE_DIR / "cchc" / "static"]
# Uploaded files live outside the web root and are served only through permission checks.
MEDIA_ROOT = env_str("CCHC_MEDIA_ROOT") or str(BASE_DIR / "var" / "media")
MEDIA_URL = "/media-not-served/"
_MANIFEST = env_bool("CCHC_STATIC_MANIFEST", default=not DEBUG and not TESTING)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if _MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not _MANIFEST

# Issue 14 — privacy: uploaded files are encrypted at rest (cchc.core.filecrypt), keys outside
# the database — CCHC_FILE_KEYS (comma-separated, newest first) and/or CCHC_FILE_KEY_FILE (one
# key a line, newest first). Development and tests without either: a key generated once in
# var/file-keys (never committed); with debug off a system check refuses to start without one.
STORAGES["default"] = {"BACKEND": "cchc.core.storage.EncryptedFileSystemStorage"}
CCHC_FILE_KEYS = env_list("CCHC_FILE_KEYS")
CCHC_FILE_KEY_FILE = env_str("CCHC_FILE_KEY_FILE")
CCHC_FILE_DEV_KEY_FILE = str(BASE_DIR / "var" / "file-keys") if DEBUG or TESTING else ""
# Retention (docs/reliability/privacy.md): online drafts nobody touched for this many days are
# removed with their files; stored uploads no record refers to, after this many hours.
CCHC_DRAFT_RETENTION_DAYS = env_int("CCHC_DRAFT_RETENTION_DAYS", 90)
CCHC_UPLOAD_RETENTION_HOURS = env_int("CCHC_UPLOAD_RETENTION_HOURS", 24)

# --- Cache, jobs ----------------------------------------------------------------------------
REDIS_URL = env_str("CCHC_REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TIMEZONE = TIME_ZONE

# Issue 14 — ops: readiness checks (/readyz, cchc.core.health) and bounded waits on dead services.
# Each check gives up after this many seconds (PostgreSQL statement_timeout, Redis timeouts).
CCHC_READY_TIMEOUT_SECONDS = float(env_str("CCHC_READY_TIMEOUT_SECONDS", "2"))
# Free space below which a volume that takes writes (MEDIA_ROOT, the log files' directories)
# makes the process not ready.
CCHC_READY_MIN_FREE_MB = env_int("CCHC_READY_MIN_FREE_MB", 500)
# Outbox messages due for longer than this many minutes, beyond this many, mean that the
# delivery job is not running.
CCHC_READY_OUTBOX_MINUTES = env_int("CCHC_READY_OUTBOX_MINUTES", 15)
CCHC_READY_OUTBOX_MAX = env_int("CCHC_READY_OUTBOX_MAX", 0)
# A PostgreSQL server that does not answer must not hold a request (or the load balancer's
# probe) for the operating system's TCP timeout: libpq gives up connecting after this.
CCHC_DB_CONNECT_TIMEOUT = env_int("CCHC_DB_CONNECT_TIMEOUT", 5)
for _database in DATABASES.values():
    if _database["ENGINE"].endswith("postgresql"):
        _database.setdefault("OPTIONS", {}).setdefault("connect_timeout", CCHC_DB_CONNECT_TIMEOUT)
if REDIS_URL:
    # Redis down or silent: the cache answers "not cached" (cchc.core.cache) within these
    # timeouts instead of failing or holding the page.
    CACHES["default"]["BACKEND"] = "cchc.core.cache.ResilientRedisCache"
    CACHES["default"]["OPTIONS"] = {
        "socket_connect_timeout": CCHC_READY_TIMEOUT_SECONDS,
        "socket_timeout": CCHC_READY_TIMEOUT_SECONDS,
    }
# The load balancer probes over plain HTTP on the private network: no redirect to HTTPS there.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("CCHC_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("CCHC_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("CCHC_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("CCHC_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("CCHC_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("CCHC_EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env_int("CCHC_EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("CCHC_DEFAULT_FROM_EMAIL", "CCHC <no-reply@cchc.local>")

# --- Security -------------------------------------------------------------------------------
HTTPS = env_bool("CCHC_HTTPS", default=not DEBUG and not TESTING)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("CCHC_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if NUM_PROXIES else None
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("CCHC_SESSION_SECONDS", 8 * 3600)
X_FRAME_OPTIONS = "DENY"
# Anonymous pages with personal data (cchc.core.middleware.NoStoreMiddleware adds
# "Cache-Control: private, no-store" to these and to every answer to a signed-in person).
CCHC_NO_STORE_VIEWS = [
    "public_lookup",  # a dossier's status, from its code and the applicant's phone
    "portal:lookup",
    "portal:rate",  # a dossier's rating page, from its link
    "portal:rate_token",
    "portal:password_reset_confirm",  # one-time links
    "portal:verify_contact",
    "portal:payment_return",  # the payment pages name the dossier
    "portal:payment_receipt",
    "portal:payment_receipt_pdf",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# --- Domain settings ------------------------------------------------------------------------
# Office hours of the province (DOMAIN A2): "HH:MM-HH:MM" periods, comma separated.
CCHC_OFFICE_HOURS = env_str("CCHC_OFFICE_HOURS", "08:00-12:00,13:00-17:00")
CCHC_PROVINCE_NAME = env_str("CCHC_PROVINCE_NAME", "Tỉnh Bình Sơn")
CCHC_API_PAGE_SIZE = env_int("CCHC_API_PAGE_SIZE", 20)
# An API token works for this many days from its issue (then 401: issue a new one).
CCHC_API_TOKEN_DAYS = env_int("CCHC_API_TOKEN_DAYS", 365)
# Public address of the site, for links in e-mails, SMS and QR codes on receipts.
CCHC_PUBLIC_URL = env_str("CCHC_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
# Dossier code (DOMAIN A4): receiving agency e-ID, receipt date, daily sequence.
# Feedback and petitions (DOMAIN A9): the answer's working days (extended once with a reason),
# the days a sender may reopen an answered item, and the agency code that receives items about
# no particular agency (default: the province's own agency).
CCHC_FEEDBACK_ANSWER_DAYS = env_int("CCHC_FEEDBACK_ANSWER_DAYS", 10)
CCHC_FEEDBACK_REOPEN_DAYS = env_int("CCHC_FEEDBACK_REOPEN_DAYS", 30)
CCHC_FEEDBACK_RECEIVER = env_str("CCHC_FEEDBACK_RECEIVER")
CCHC_DOSSIER_CODE_FORMAT = env_str("CCHC_DOSSIER_CODE_FORMAT", "{agency}-{yymmdd}-{seq:04d}")
# Citizen uploads (issue 4): per file, per dossier, number of files per dossier.
CCHC_UPLOAD_MAX_FILE_BYTES = env_int("CCHC_UPLOAD_MAX_FILE_MB", 10) * 1024 * 1024
CCHC_UPLOAD_MAX_TOTAL_BYTES = env_int("CCHC_UPLOAD_MAX_TOTAL_MB", 50) * 1024 * 1024
CCHC_UPLOAD_MAX_FILES = env_int("CCHC_UPLOAD_MAX_FILES", 20)
# Online payment: the gateway in use ("sandbox" runs inside the project), the shared secret that
# signs its callbacks, and how long a pending payment stays open.
CCHC_PAYMENT_GATEWAY = env_str("CCHC_PAYMENT_GATEWAY", "sandbox")
CCHC_PAYMENT_SECRET = env_str("CCHC_PAYMENT_SECRET") or SECRET_KEY
CCHC_PAYMENT_EXPIRE_MINUTES = env_int("CCHC_PAYMENT_EXPIRE_MINUTES", 15)
# SMS backend (dotted path); the console backend prints messages, as Django's e-mail one does.
CCHC_SMS_BACKEND = env_str("CCHC_SMS_BACKEND", "cchc.core.sms.ConsoleSmsBackend")
# Outbox delivery: attempts before a message is marked failed, first retry delay (doubles).
CCHC_OUTBOX_MAX_ATTEMPTS = env_int("CCHC_OUTBOX_MAX_ATTEMPTS", 8)
CCHC_OUTBOX_RETRY_SECONDS = env_int("CCHC_OUTBOX_RETRY_SECONDS", 60)
# Seconds a process trusts its cached working calendar before re-reading the version (edits
# in the same process are seen at once). Tests use one process per worker: no expiry there, so
# a query count never depends on the clock.
CCHC_CALENDAR_CACHE_SECONDS = env_int("CCHC_CALENDAR_CACHE_SECONDS", 3600 if TESTING else 5)
# A step is "due soon" when less than this share of its working-time budget is left.
CCHC_DUE_SOON_SHARE = float(env_str("CCHC_DUE_SOON_SHARE", "0.25"))
# An apology's new appointment (Mẫu 04) may lie at most this many times the procedure's legal
# time after the current appointment (or after now, when that has passed), and never less than
# the minimum in working days: no appointment in year 9999 (docs/deployment.md).
CCHC_APOLOGY_HORIZON_FACTOR = float(env_str("CCHC_APOLOGY_HORIZON_FACTOR", "1"))
CCHC_APOLOGY_HORIZON_MIN_DAYS = env_int("CCHC_APOLOGY_HORIZON_MIN_DAYS", 5)
# Public dossier status lookup (code + phone): requests allowed per client address per window.
CCHC_PUBLIC_LOOKUP_LIMIT = env_int("CCHC_PUBLIC_LOOKUP_LIMIT", 30)
CCHC_PUBLIC_LOOKUP_WINDOW = env_int("CCHC_PUBLIC_LOOKUP_WINDOW", 60)
# Open311 (docs/open311.md): calls per client address, and posts per client system, per window.
CCHC_OPEN311_READ_LIMIT = env_int("CCHC_OPEN311_READ_LIMIT", 120)
CCHC_OPEN311_POST_LIMIT = env_int("CCHC_OPEN311_POST_LIMIT", 60)
CCHC_OPEN311_WINDOW = env_int("CCHC_OPEN311_WINDOW", 60)

NINJA_PAGINATION_PER_PAGE = CCHC_API_PAGE_SIZE

# Issue 14 — seclog: the security log (cchc.core.security_log, docs/reliability/seclog.md).
# One JSON-lines file per UTC day in CCHC_SECURITY_LOG_DIR, each line appended with O_APPEND
# (safe with many worker processes), files older than CCHC_SECURITY_LOG_DAYS days removed by the
# daily job security_log_prune (Decree 331/2026 Art. 13.2(b): at least 12 months). The search
# page reads at most CCHC_SECURITY_LOG_SCAN_BYTES per request. API token use is logged at most
# once per token and per CCHC_API_TOKEN_LOG_MINUTES. CCHC_SECURITY_LOG_CONSOLE also prints the
# lines to the console (on by default in development).
CCHC_SECURITY_LOG_DIR = env_str("CCHC_SECURITY_LOG_DIR") or str(
    BASE_DIR / "var" / "log" / "security"
)
CCHC_SECURITY_LOG_DAYS = env_int("CCHC_SECURITY_LOG_DAYS", 400)
CCHC_SECURITY_LOG_SCAN_BYTES = env_int("CCHC_SECURITY_LOG_SCAN_BYTES", 8 * 1024 * 1024)
CCHC_SECURITY_LOG_CONSOLE = env_bool("CCHC_SECURITY_LOG_CONSOLE", DEBUG)
CCHC_API_TOKEN_LOG_MINUTES = env_int("CCHC_API_TOKEN_LOG_MINUTES", 15)
# Lets model signals (role changes, admin actions) name who acted and from where.
MIDDLEWARE = [*MIDDLEWARE, "cchc.core.security_audit.RequestContextMiddleware"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "line": {"format": "%(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        # The directory is read from settings at each write (CCHC_SECURITY_LOG_DIR).
        "security_file": {
            "()": "cchc.core.security_files.SecurityFileHandler",
            "formatter": "line",
        },
    },
    "root": {"handlers": ["console"], "level": env_str("CCHC_LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "cchc.security": {
            "handlers": ["security_file", *(["console"] if CCHC_SECURITY_LOG_CONSOLE else [])],
            "level": "INFO",
            "propagate": False,
        },
    },
}
