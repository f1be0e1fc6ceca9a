"""Settings of the platform's own work: roster imports, sign-in, the SMS outbox, trainings.

Part of config/settings/base.py (which star-imports it), kept apart so each file reads in one
sitting. Read and checked from the environment like the rest (config/env.py).
"""

from config import env
from config.env import SettingError

# HOUSEHOLDS (households/)
# ------------------------------------------------------------------------------
# The version of the basic digital skills framework new skills checks are made against
# (households/skills.py defines each version's groups and basic set; a new version is added
# there and to this list). Each check keeps the version it was made against.
HOUSEHOLD_SKILLS_FRAMEWORK = env.get_choice("HOUSEHOLD_SKILLS_FRAMEWORK", "757/2025", ("757/2025",))

# ROSTER IMPORTS (rosters/)
# ------------------------------------------------------------------------------
ROSTER_MAX_UPLOAD_BYTES = env.get_int("ROSTER_MAX_UPLOAD_BYTES", 25 * 1024 * 1024, minimum=1)
# An XLSX is a zip: what it may unpack to, so a small "zip bomb" is refused before it is read.
ROSTER_MAX_UNPACKED_BYTES = env.get_int("ROSTER_MAX_UNPACKED_BYTES", 400 * 1024 * 1024, minimum=1)
# Cells a workbook may expand to (counted before reading: rosters/expansion.py), merged ranges
# included: bytes alone do not bound the work. 50,000 rows of 40 columns.
ROSTER_MAX_CELLS = env.get_int("ROSTER_MAX_CELLS", 2_000_000, minimum=1)
# Uploaded files wait in the private storage (STORAGES["private"]) under this folder, by random name.
ROSTER_UPLOAD_DIR = "rosters"
# Imported files are kept this long (days), then deleted; refused and cancelled ones at once.
ROSTER_FILE_RETENTION_DAYS = env.get_int("ROSTER_FILE_RETENTION_DAYS", 30)
# A preview nobody confirmed (or one with rows to fix, which cannot be) expires after this many
# days: its upload and error workbook are deleted and the officer uploads the file again.
ROSTER_PREVIEW_EXPIRY_DAYS = env.get_int("ROSTER_PREVIEW_EXPIRY_DAYS", 7, minimum=1)
# A job still checking or importing this long after it started is marked failed (its task died).
# Keep it well above CELERY_TASK_TIME_LIMIT plus the longest queue wait.
ROSTER_JOB_STALE_MINUTES = env.get_int("ROSTER_JOB_STALE_MINUTES", 60, minimum=1)
# The job keeps the first this-many errors and warnings, and counts the rest per column.
ROSTER_KEPT_ERRORS = env.get_int("ROSTER_KEPT_ERRORS", 1000)
# The error workbook copies the officer's own file only when its sheets unpack to at most this
# many bytes; a larger file gets a plain list of the kept errors (openpyxl needs ~50x in memory).
ROSTER_ERRORS_COPY_MAX_BYTES = env.get_int("ROSTER_ERRORS_COPY_MAX_BYTES", 2 * 1024 * 1024)
# The sheets a preview read wait this long (seconds) in the shared cache for the confirm, when
# they pack to at most this many bytes (rosters/read_cache.py); 0 seconds reads the file each time.
ROSTER_READ_CACHE_SECONDS = env.get_int("ROSTER_READ_CACHE_SECONDS", 3600)
ROSTER_READ_CACHE_MAX_BYTES = env.get_int("ROSTER_READ_CACHE_MAX_BYTES", 32 * 1024 * 1024)

# ALLAUTH (sign-in: accounts/adapter.py, accounts/middleware.py)
# ------------------------------------------------------------------------------
# Team members sign in with their phone and a code by SMS; officers and editors with email,
# password and an authenticator app (required for staff by accounts.middleware).
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email", "phone"}
# Nobody signs up alone (the adapter closes sign-up: people are invited); allauth still wants
# the fields declared to match the login methods. Phone is optional: officers may have none.
ACCOUNT_SIGNUP_FIELDS = ["email*", "phone", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 10 * 60
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
ACCOUNT_PHONE_VERIFICATION_CODE_FORMAT = {"numeric": True, "length": 6, "dashed": False}
ACCOUNT_PHONE_VERIFICATION_TIMEOUT = 10 * 60
ACCOUNT_PREVENT_ENUMERATION = True
# A reset asked for an address with no account sends nothing: the page says the same either way,
# and nobody can make the platform mail strangers.
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# The pending code is kept in the session as a keyed hash (accounts/adapter.py): these forms
# compare the hash of what was typed.
ACCOUNT_FORMS = {
    "request_login_code": "accounts.forms.PhoneLoginCodeForm",
    "confirm_login_code": "accounts.forms.PhoneConfirmCodeForm",
    "verify_phone": "accounts.forms.HashedVerifyPhoneForm",
}
# allauth's defaults are kept on purpose (codes by SMS cost money and invite abuse); they count
# in the cache, so with Redis they hold across web servers.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "request_login_code": "20/m/ip,3/m/key",
}
# Tries at one texted code are counted in the cache, atomically (accounts/forms.py count_try).
ACCOUNT_LOGOUT_ON_GET = False
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Tổ công nghệ số"
MFA_RECOVERY_CODE_COUNT = 10
LOGIN_URL = "account_login"
# How long an invitation link texted by an officer works (once), in hours.
INVITATION_LINK_MAX_AGE_HOURS = env.get_int("INVITATION_LINK_MAX_AGE_HOURS", 72, minimum=1)
LOGIN_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
# A private page sends its readers to the same sign-in (cms/urls.py: not Wagtail's own).
WAGTAIL_FRONTEND_LOGIN_URL = WAGTAILADMIN_LOGIN_URL
# Passwords are changed and reset through allauth only (no second password form in Wagtail).
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False

# SMS (messaging/: the outbox, see messaging/outbox.py)
# ------------------------------------------------------------------------------
SMS_PROVIDER = env.get_choice("SMS_PROVIDER", "console", ("console", "twilio"))
SMS_WINDOW_START = env.get_clock("SMS_WINDOW_START", "07:00")
SMS_WINDOW_END = env.get_clock("SMS_WINDOW_END", "21:00")
if SMS_WINDOW_END <= SMS_WINDOW_START:
    raise SettingError(f"SMS_WINDOW_END must be later than SMS_WINDOW_START ({SMS_WINDOW_START})")
SMS_WINDOW_TIME_ZONE = "Asia/Ho_Chi_Minh"
SMS_RATE_PER_SECOND = env.get_int("SMS_RATE_PER_SECOND", 10)  # per provider account; 0 = no limit
SMS_BATCH_SIZE = env.get_int("SMS_BATCH_SIZE", 50, minimum=1)  # messages per send task
# Threads per worker process talking to the provider at once (one HTTP connection each, shared
# by every batch): they overlap the provider's latency; the database work stays batched.
SMS_SEND_THREADS = env.get_int("SMS_SEND_THREADS", 8, minimum=1)
SMS_DISPATCH_LIMIT = env.get_int("SMS_DISPATCH_LIMIT", 5000, minimum=1)  # most messages in flight at once
# Seconds of sending (at SMS_RATE_PER_SECOND) handed to workers ahead: keep it well under
# SMS_REQUEUE_AFTER; it is also how long a sign-in code may wait behind a bulk send.
SMS_HANDOUT_AHEAD_SECONDS = env.get_int("SMS_HANDOUT_AHEAD_SECONDS", 30)
SMS_MAX_ATTEMPTS = env.get_int("SMS_MAX_ATTEMPTS", 6, minimum=1)
SMS_RETRY_BASE_SECONDS = env.get_float("SMS_RETRY_BASE_SECONDS", 30.0)
SMS_RETRY_MAX_SECONDS = env.get_float("SMS_RETRY_MAX_SECONDS", 3600.0)
# A message queued this long without an answer is handed out again (its task was lost).
SMS_REQUEUE_AFTER = env.get_int("SMS_REQUEUE_AFTER", 300, minimum=1)
# A hand-off younger than this may still be talking to the provider: nobody else touches it.
SMS_HANDOFF_GRACE = env.get_int("SMS_HANDOFF_GRACE", 60)
# Estimated cost per segment shown before a bulk send (VND; the contract's price).
SMS_COST_PER_SEGMENT = env.get_int("SMS_COST_PER_SEGMENT", 800)
TWILIO_ACCOUNT_SID = env.get("TWILIO_ACCOUNT_SID", "")
TWILIO_AUTH_TOKEN = env.get("TWILIO_AUTH_TOKEN", "")
TWILIO_MESSAGING_SERVICE_SID = env.get("TWILIO_MESSAGING_SERVICE_SID", "")
TWILIO_SENDER_ID = env.get("TWILIO_SENDER_ID", "")  # a registered alphanumeric brand name
TWILIO_API_BASE_URL = env.get_url("TWILIO_API_BASE_URL", "")  # only to point at a test double
TWILIO_TIMEOUT = env.get_float("TWILIO_TIMEOUT", 10.0, minimum=0.1)
if SMS_PROVIDER == "twilio":
    for _name in ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"):
        if not globals()[_name]:
            raise SettingError(f"{_name} is not set (SMS_PROVIDER=twilio needs it)")
    if not (TWILIO_MESSAGING_SERVICE_SID or TWILIO_SENDER_ID):
        raise SettingError("SMS_PROVIDER=twilio needs TWILIO_MESSAGING_SERVICE_SID or TWILIO_SENDER_ID")

# MONTHLY REPORTS (reporting/monthly/)
# ------------------------------------------------------------------------------
# A month's commune report is due on this day of the next month, at this time (Vietnam time).
REPORT_DEADLINE_DAY = env.get_int("REPORT_DEADLINE_DAY", 5, minimum=1)
if REPORT_DEADLINE_DAY > 28:
    raise SettingError(
        f"REPORT_DEADLINE_DAY must be from 1 to 28 (every month has it), not {REPORT_DEADLINE_DAY}"
    )
REPORT_DEADLINE_TIME = env.get_clock("REPORT_DEADLINE_TIME", "23:59")
# Reminders to commune officers whose report is not in: days before (positive) or after
# (negative) the deadline's day.
REPORT_REMINDER_DAYS = (3, 1, -1)

# TRAININGS (trainings/: sessions and their reminders)
# ------------------------------------------------------------------------------
# Reminders before a session's start, in hours (default: the day before and two hours before).
TRAINING_REMINDER_HOURS = sorted(env.get_hours("TRAINING_REMINDER_HOURS", ("24", "2")), reverse=True)
# A citizen's sign-up holds a place this long while they type the code texted to them.
TRAINING_SIGN_UP_HOLD_MINUTES = env.get_int("TRAINING_SIGN_UP_HOLD_MINUTES", 10, minimum=1)
# A phone proved by a texted code (messaging/phone_proof.py, e.g. "my data"): how long the code
# works, and how long the proof opens the pages behind it before the code is asked again.
PHONE_PROOF_CODE_MINUTES = env.get_int("PHONE_PROOF_CODE_MINUTES", 10, minimum=1)
PHONE_PROOF_VALID_MINUTES = env.get_int("PHONE_PROOF_VALID_MINUTES", 30, minimum=1)
# A reminder due while the sending window is shut goes out this many minutes before it closes the
# evening before, unless that is more than half its lead time early: then it is dropped.
TRAINING_REMINDER_EVENING_MARGIN = env.get_int("TRAINING_REMINDER_EVENING_MARGIN", 15)
