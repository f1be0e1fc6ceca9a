"""allauth's own words shown on our sign-in pages, so they are translated in our catalogue.

allauth ships no Vietnamese translation. Naming its msgids here puts them in
locale/*/django.po (`make messages`); our LOCALE_PATHS come first, so allauth's gettext calls
find our Vietnamese. Only strings our pages can show are listed; tests/test_translations.py
renders the sign-in, code and authenticator pages in Vietnamese and names any allauth msgid left
in English. Messages allauth renders from its own templates (`mfa/messages/*.txt`) are listed by
their msgid too: a `blocktrans` without variables looks up the same text.
"""

from django.utils.translation import gettext_noop, pgettext_lazy

ALLAUTH_STRINGS = [
    # The names of allauth's apps, headings in /django-admin/.
    gettext_noop("Accounts"),
    gettext_noop("MFA"),
    gettext_noop("Code"),
    gettext_noop("Authenticator code"),
    gettext_noop("Password"),
    gettext_noop("Email or phone"),
    # Django has no pgettext_noop; the lazy form is what makemessages reads with its context.
    pgettext_lazy("field label", "Login"),
    gettext_noop("Remember Me"),
    gettext_noop("Forgot your password?"),
    gettext_noop("Authenticator app activated."),
    gettext_noop("Authenticator app deactivated."),
    gettext_noop("A new set of recovery codes has been generated."),
    gettext_noop("Incorrect code."),
    gettext_noop("Invalid login."),
    gettext_noop("This account is currently inactive."),
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("The phone number and/or password you specified are not correct."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("The phone number is not assigned to any user account."),
    gettext_noop("Please select only one."),
    gettext_noop("You have signed out."),
    # Password reset (officers and editors), its pages and its e-mails.
    gettext_noop("Password Reset"),
    gettext_noop(
        "Forgotten your password? Enter your email address below, and we'll send you an email allowing you to reset it."
    ),
    gettext_noop("Reset My Password"),
    gettext_noop("Please contact us if you have any trouble resetting your password."),
    gettext_noop(
        "We have sent you an email. If you have not received it please check your spam folder. "
        "Otherwise contact us if you do not receive it in a few minutes."
    ),
    gettext_noop("Change Password"),
    gettext_noop("Bad Token"),
    gettext_noop(
        "The password reset link was invalid, possibly because it has already been used.  "
        'Please request a <a href="%(passwd_reset_url)s">new password reset</a>.'
    ),
    gettext_noop("Your password is now changed."),
    gettext_noop("New Password"),
    gettext_noop("New Password (again)"),
    gettext_noop("Password Reset Email"),
    gettext_noop(
        "You're receiving this email because you or someone else has requested a password reset for your "
        "user account.\nIt can be safely ignored if you did not request a password reset. Click the link "
        "below to reset your password."
    ),
    gettext_noop("In case you forgot, your username is %(username)s."),
    gettext_noop("Hello from %(site_name)s!"),
    gettext_noop("Thank you for using %(site_name)s!\n%(site_domain)s"),
    gettext_noop("Your password has been changed."),
    gettext_noop("Password Changed"),
]
