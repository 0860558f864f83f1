# SPDX-FileCopyrightText: 2025-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

import ipaddress

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import check_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from pretalx.cfp.forms import CfPFormMixin
from pretalx.common.forms.fields import NewPasswordConfirmationField, NewPasswordField
from pretalx.common.forms.renderers import InlineFormLabelRenderer, InlineFormRenderer
from pretalx.common.forms.widgets import PasswordInput
from pretalx.common.text.phrases import phrases
from pretalx.person.domain.profile import apply_speaker_profile_changes
from pretalx.person.domain.user import change_password, create_user
from pretalx.person.domain.verification import (
    SendCooldownError,
    check_send_cooldown,
    pending_email_expired,
    request_email_change,
)
from pretalx.person.enums import EmailVerificationState
from pretalx.person.models import User
from pretalx.person.validators import validate_email_unique

LOGIN_RATE_LIMIT_THRESHOLD = 10
LOGIN_RATE_LIMIT_WINDOW = 300  # seconds


def get_client_ip(request):
    # Currently, client IP is only used for rate-limiting login and registration.
    # Reverse proxies tend to either replace or *append* the address they saw,
    # which makes the right side of the X-Forwarded-For header trusted, while
    # the left side may be spoofed in append-only proxies.
    # As there may be multiple trusted proxies in a row, e.g. due to load balancers,
    # we offer the TRUSTED_PROXY_COUNT setting to tell which address (counted from
    # the right) should be used.
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        x_forwarded_for = request.META.get("HTTP_X_FORWARDED_FOR")
        if x_forwarded_for:
            entries = [
                entry.strip() for entry in x_forwarded_for.split(",") if entry.strip()
            ]
            if len(entries) >= count:
                return entries[-count]
    return request.META.get("REMOTE_ADDR")


class UserCredentialsFormMixin:
    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def check_current_password(self, password):
        if not check_password(password, self.user.password):
            raise forms.ValidationError(
                _("The current password you entered was not correct."),
                code="pw_current_wrong",
            )
        return password

    def clean(self):
        data = super().clean()
        if email := data.get("email"):
            try:
                validate_email_unique(email, exclude_user=self.user)
            except ValidationError as error:
                # add_error instead of raise, so other checks still run
                self.add_error(None, error)
        return data


class LoginInfoForm(UserCredentialsFormMixin, forms.Form):
    email = User._meta.get_field("email").formfield()
    old_password = forms.CharField(
        widget=PasswordInput, label=_("Password (current)"), required=True
    )
    password = NewPasswordField(label=phrases.base.new_password, required=False)
    password_repeat = NewPasswordConfirmationField(
        label=phrases.base.password_repeat, required=False, confirm_with="password"
    )

    email_change_context = {"orga": True}
    email_change_requested = False

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("email", user.email)
        super().__init__(*args, user=user, **kwargs)
        if user.email_verification_state == EmailVerificationState.UNVERIFIED:
            self.fields["email"].disabled = True
            self.fields["email"].help_text = format_html(
                _(
                    "This address is not confirmed yet. To change it, use the "
                    "<a {href}>confirmation page</a>."
                ),
                href=format_html('href="{}"', self.get_verification_page_url()),
            )

    def get_verification_page_url(self):
        return reverse("orga:auth.verification")

    @cached_property
    def pending_email_expired(self):
        return pending_email_expired(self.user)

    def clean_old_password(self):
        return self.check_current_password(self.cleaned_data.get("old_password"))

    def clean(self):
        data = super().clean()
        password = data.get("password")
        if password and password != data.get("password_repeat"):
            self.add_error(
                "password_repeat", ValidationError(phrases.base.passwords_differ)
            )
        if "email" in self.changed_data:
            try:
                check_send_cooldown(self.user)
            except SendCooldownError as error:
                self.add_error(
                    "email", ValidationError(error.message, code="email_send_cooldown")
                )
        return data

    def save(self):
        if "email" in self.changed_data:
            request_email_change(
                self.user, self.cleaned_data.get("email"), **self.email_change_context
            )
            self.email_change_requested = True
        password = self.cleaned_data.get("password")
        if password:
            change_password(self.user, password)


class SpeakerLoginInfoForm(LoginInfoForm):
    contact_email = forms.EmailField(required=False, label=_("Contact email"))

    def __init__(self, *args, speaker, **kwargs):
        self.speaker = speaker
        kwargs.setdefault("initial", {}).setdefault("contact_email", speaker.email)
        super().__init__(*args, user=speaker.user, **kwargs)
        self.email_change_context = {"event": speaker.event, "orga": False}
        if not self.fields["email"].disabled:
            self.fields["email"].help_text = _(
                "Used to log in and for password resets. Emails from this event "
                "go to the contact email below when you set one."
            )
        self.fields["old_password"].required = False
        self.fields["old_password"].help_text = _(
            "Your old password is only required if you change your account email address or password."
        )
        contact_field = self.fields["contact_email"]
        contact_field.widget.attrs.setdefault("placeholder", self.user.email)
        contact_field.help_text = _(
            "All emails this event sends to you go to this address. "
            "Leave empty to use your account email address ({email})."
        ).format(email=self.user.email)

    def get_verification_page_url(self):
        return reverse(
            "cfp:event.verification", kwargs={"event": self.speaker.event.slug}
        )

    def clean_old_password(self):
        if not self.cleaned_data.get("old_password"):
            return ""
        return super().clean_old_password()

    def clean(self):
        data = super().clean()
        changes_login_data = "email" in self.changed_data or data.get("password")
        if (
            changes_login_data
            and not data.get("old_password")
            and "old_password" not in self.errors
        ):
            self.add_error(
                "old_password",
                forms.ValidationError(
                    _("Please enter your current password to change your login data."),
                    code="pw_current_required",
                ),
            )
        return data

    @transaction.atomic
    def save(self):
        super().save()
        if "contact_email" in self.changed_data:
            old_email = self.speaker.email
            self.speaker.email = self.cleaned_data.get("contact_email") or None
            self.speaker.save(update_fields=["email"])
            apply_speaker_profile_changes(self.speaker, ["email"], old_email=old_email)


class EmailCorrectionForm(UserCredentialsFormMixin, forms.Form):
    email = forms.EmailField(label=phrases.base.enter_email)
    password = forms.CharField(
        widget=PasswordInput, label=_("Password (current)"), required=True
    )

    def clean_password(self):
        return self.check_current_password(self.cleaned_data.get("password"))

    def clean_email(self):
        return self.cleaned_data.get("email").strip().lower()


class UserForm(CfPFormMixin, forms.Form):
    """Combined login + register form used on every public auth page."""

    default_renderer = InlineFormLabelRenderer
    template_name = "common/forms/auth.html"
    error_messages = {
        "rate_limit": _(
            "For security reasons, please wait 5 minutes before you try again."
        )
    }

    login_email = forms.EmailField(
        max_length=60,
        label=phrases.base.enter_email,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "username"}),
    )
    login_password = forms.CharField(
        label=_("Password"),
        required=False,
        widget=PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    register_name = forms.CharField(
        label=format_lazy("{} ({})", _("Name"), _("display name")),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    register_email = forms.EmailField(
        label=phrases.base.enter_email,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    register_password = NewPasswordField(label=_("Password"), required=False)
    register_password_repeat = NewPasswordConfirmationField(
        label=_("Password (again)"), required=False, confirm_with="register_password"
    )

    FIELDS_ERROR = _(
        "Please fill all fields of either the login or the registration form."
    )

    def __init__(
        self,
        *args,
        request=None,
        hide_login=False,
        hide_register=False,
        no_buttons=False,
        password_reset_link=None,
        success_url=None,
        **kwargs,
    ):
        kwargs.pop("event", None)
        self.request = request
        self.hide_login = hide_login
        self.hide_register = hide_register
        self.no_buttons = no_buttons
        self.password_reset_link = password_reset_link
        self.success_url = success_url
        super().__init__(*args, **kwargs)

    def get_context(self):
        context = super().get_context()
        context["request"] = self.request
        context["hide_login"] = self.hide_login
        context["hide_register"] = self.hide_register
        context["no_buttons"] = self.no_buttons
        context["password_reset_link"] = self.password_reset_link
        context["success_url"] = self.success_url
        return context

    def render(self, template_name=None, context=None, renderer=None):
        # Override to pass request to the renderer, so that request context
        # processors (request, phrases, etc.) are available in the template.
        renderer = renderer or self.default_renderer
        template_name = template_name or self.template_name
        if context is None:
            context = self.get_context()
        return mark_safe(renderer.render(template_name, context, request=self.request))  # noqa: S308  -- Django template renderer output

    @cached_property
    def ratelimit_key(self):
        if not self.request:
            return None
        if not (ip := get_client_ip(self.request)):
            return None
        try:
            ip_address = ipaddress.ip_address(ip)
        except ValueError:
            return None
        if ip_address.is_private:
            # A private address means we did not get a real public client IP:
            # either the request reached us directly over an internal network,
            # or through a proxy that is not passing the client address through.
            # Every client would share this address, so we skip rate limiting.
            return None
        return f"pretalx_login_{ip_address}"

    def _is_rate_limited(self):
        return (
            self.ratelimit_key
            and (cache.get(self.ratelimit_key) or 0) > LOGIN_RATE_LIMIT_THRESHOLD
        )

    def _increment_rate_limit(self):
        if self.ratelimit_key:
            try:
                cache.incr(self.ratelimit_key)
            except ValueError:
                cache.set(self.ratelimit_key, 1, LOGIN_RATE_LIMIT_WINDOW)

    def _clean_login(self, data):
        try:
            uname = User.objects.get(email__iexact=data.get("login_email")).email
        except User.DoesNotExist:  # We do this to avoid timing attacks
            uname = "user@invalid"

        user = authenticate(username=uname, password=data.get("login_password"))

        if user is None:
            self._increment_rate_limit()
            raise ValidationError(
                _(
                    "No user account matches the entered credentials. "
                    "Are you sure that you typed your password correctly?"
                )
            )

        if not user.is_active:
            raise ValidationError(_("Sorry, your account is currently disabled."))

        return data | {"user_id": user.pk}

    def _clean_register(self, data):
        if data.get("register_password") != data.get("register_password_repeat"):
            self.add_error(
                "register_password_repeat",
                ValidationError(phrases.base.passwords_differ),
            )
        try:
            validate_email_unique(data.get("register_email"))
        except ValidationError:
            # We rate limit this response, as it is a user-enumeration gate.
            self._increment_rate_limit()
            self.add_error(
                "register_email",
                ValidationError(
                    _(
                        "We already have a user with that email address. Did you already register "
                        "before and just need to log in?"
                    )
                ),
            )
        return data

    def clean(self):
        data = super().clean()

        is_login = data.get("login_email") and data.get("login_password")
        is_register = (
            data.get("register_email")
            and data.get("register_password")
            and data.get("register_name")
        )

        if not (is_login or is_register):
            raise ValidationError(self.FIELDS_ERROR)

        if self._is_rate_limited():
            raise ValidationError(self.error_messages["rate_limit"], code="rate_limit")

        return self._clean_login(data) if is_login else self._clean_register(data)

    def save(self):
        data = self.cleaned_data
        if user_id := data.get("user_id"):
            return user_id

        user = create_user(
            email=data["register_email"],
            name=data["register_name"],
            password=data["register_password"],
        )
        data["user_id"] = user.pk
        return user.pk

    class Media:
        css = {"all": ["common/css/forms/auth.css"]}


class ResetForm(forms.Form):
    default_renderer = InlineFormLabelRenderer

    login_email = forms.EmailField(
        max_length=60, label=phrases.base.enter_email, required=True
    )

    def clean(self):
        data = super().clean()
        try:
            user = User.objects.get(email__iexact=data.get("login_email"))
        except User.DoesNotExist:
            user = None

        data["user"] = user
        return data


class RecoverForm(forms.Form):
    default_renderer = InlineFormRenderer

    email = forms.EmailField(
        label=phrases.base.enter_email,
        widget=forms.EmailInput(
            attrs={"autocomplete": "username", "readonly": "readonly"}
        ),
        required=False,
    )
    password = NewPasswordField(label=phrases.base.new_password, required=False)
    password_repeat = NewPasswordConfirmationField(
        label=phrases.base.password_repeat, required=False, confirm_with="password"
    )

    def __init__(self, *args, user=None, **kwargs):
        if user is not None:
            kwargs.setdefault("initial", {})
            kwargs["initial"]["email"] = user.email
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if data.get("password") != data.get("password_repeat"):
            self.add_error(
                "password_repeat", ValidationError(phrases.base.passwords_differ)
            )
        return data
