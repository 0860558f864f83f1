# SPDX-FileCopyrightText: 2018-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

import datetime as dt
import json
import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth.password_validation import (
    MinimumLengthValidator,
    get_default_password_validators,
    validate_password,
)
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_domain_name, validate_email
from django.forms import BooleanField, CharField, FileField, RegexField, ValidationError
from django.utils.dateparse import parse_datetime
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from pretalx.common.files import (
    DOCUMENT_UPLOAD_TYPES,
    IMAGE_UPLOAD_TYPES,
    extensions_from_types,
)
from pretalx.common.forms.widgets import (
    AvailabilitiesWidget,
    ClearableBasenameFileInput,
    ColorPickerWidget,
    HoneypotWidget,
    ImageInput,
    MultiEmailInput,
    PasswordConfirmationInput,
    PasswordStrengthInput,
    ProfilePictureWidget,
)
from pretalx.common.image import validate_image
from pretalx.common.templatetags.filesize import filesize
from pretalx.person.domain.picture import assign_avatar, set_avatar
from pretalx.person.models import ProfilePicture
from pretalx.schedule.domain.availability import replace_availabilities
from pretalx.schedule.models import Availability, Room

IMAGE_EXTENSIONS = extensions_from_types(IMAGE_UPLOAD_TYPES)
FILE_EXTENSIONS = extensions_from_types(DOCUMENT_UPLOAD_TYPES)


class CountableOption:
    def __init__(self, name, count):
        self.name = name
        self.count = count

    def __str__(self):
        return str(self.name)


def _get_strictest_min_length_validator():
    validators = [
        v
        for v in get_default_password_validators()
        if isinstance(v, MinimumLengthValidator)
    ]
    return max(validators, key=lambda v: v.min_length)


class NewPasswordField(CharField):
    default_validators = [validate_password]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", PasswordStrengthInput(render_value=False))
        super().__init__(*args, **kwargs)
        validator = _get_strictest_min_length_validator()
        self.widget.attrs["minlength"] = validator.min_length
        if not self.help_text:
            self.help_text = validator.get_help_text()


class NewPasswordConfirmationField(CharField):
    def __init__(self, *args, **kwargs):
        confirm = kwargs.pop("confirm_with", None)
        kwargs.setdefault("widget", PasswordConfirmationInput(confirm_with=confirm))
        super().__init__(*args, **kwargs)
        validator = _get_strictest_min_length_validator()
        self.widget.attrs["minlength"] = validator.min_length


class SizeFileInput:
    """Takes the intended maximum upload size in bytes."""

    def __init__(self, *args, **kwargs):
        if "max_size" not in kwargs:  # Allow None, but only explicitly
            self.max_size = settings.FILE_UPLOAD_DEFAULT_LIMIT
        else:
            self.max_size = kwargs.pop("max_size")
        super().__init__(*args, **kwargs)
        self.size_warning = self.get_size_warning(self.max_size)
        self.original_help_text = (
            getattr(self, "original_help_text", "") or self.help_text
        )
        added_help_text = getattr(self, "added_help_text", "")
        # W need to use format_lazy because form fields built via ModelForm
        # field_classes are constructed at class-definition time, when the
        # active language is still the default. Eager concatenation would freeze
        # the help text in English for every request.
        self.added_help_text = (
            format_lazy("{}{}", added_help_text, self.size_warning)
            if added_help_text
            else self.size_warning
        )
        self.help_text = format_lazy(
            "{} {}", self.original_help_text, self.added_help_text
        )
        self.widget.attrs["data-maxsize"] = self.max_size
        self.widget.attrs["data-sizewarning"] = self.size_warning

    @staticmethod
    def get_size_warning(max_size=None, fallback=True):
        if not max_size and fallback:
            max_size = settings.FILE_UPLOAD_DEFAULT_LIMIT
        return format_lazy(
            _("Please do not upload files larger than {size}!"), size=filesize(max_size)
        )

    def validate(self, value):
        super().validate(value)
        if (
            self.max_size
            and isinstance(value, UploadedFile)
            and value.size > self.max_size
        ):
            raise ValidationError(self.size_warning)


class ExtensionFileInput:
    widget = ClearableBasenameFileInput
    extensions = {}

    def __init__(self, *args, **kwargs):
        self.extensions = kwargs.pop("extensions", None) or self.extensions or {}
        super().__init__(*args, **kwargs)
        content_types = set()
        for ext in self.extensions.values():
            content_types.update(ext)
        content_types = ",".join(content_types)
        self.widget.attrs["accept"] = content_types

    def validate(self, value):
        super().validate(value)
        if value:
            filename = value.name
            extension = Path(filename).suffix.lower()
            if extension not in self.extensions:
                raise ValidationError(
                    _(
                        "This filetype ({extension}) is not allowed, it has to be one of the following: "
                    ).format(extension=extension)
                    + ", ".join(self.extensions.keys())
                )


class SizeFileField(SizeFileInput, FileField):
    pass


class ExtensionFileField(ExtensionFileInput, SizeFileField):
    pass


class ImageField(ExtensionFileField):
    widget = ImageInput
    extensions = IMAGE_EXTENSIONS

    def validate(self, value):
        super().validate(value)
        # We only need to validate newly uploaded images.
        if isinstance(value, UploadedFile):
            validate_image(value)


class DocumentFileField(ExtensionFileField):
    extensions = FILE_EXTENSIONS


class ProfilePictureField(FileField):
    widget = ProfilePictureWidget
    ALLOWED_TYPES = set(IMAGE_UPLOAD_TYPES)
    MAX_SIZE = settings.FILE_UPLOAD_DEFAULT_LIMIT

    def __init__(
        self, *args, user=None, current_picture=None, upload_only=False, **kwargs
    ):
        self.user = user
        self.current_picture = current_picture
        self.upload_only = upload_only
        kwargs.setdefault("label", _("Profile picture"))
        super().__init__(*args, **kwargs)

    def set_widget_data(self):
        self.widget.user = self.user
        self.widget.current_picture = self.current_picture
        self.widget.upload_only = self.upload_only
        self.widget.is_required = self.required

    def clean(self, value, initial=None):
        if not isinstance(value, dict):
            return None

        action = value.get("action", "keep")
        file = value.get("file")

        if action == "keep":
            if self.required and not self.current_picture:
                raise ValidationError(
                    _("Please provide a profile picture!"), code="required"
                )
            return None

        if action == "remove":
            if self.required:
                raise ValidationError(
                    _("Please provide a profile picture!"), code="required"
                )
            return False

        if action.startswith("select_"):
            if self.upload_only:
                raise ValidationError(_("Invalid picture selection."), code="invalid")
            pk_str = action[len("select_") :]
            try:
                pk = int(pk_str)
            except (ValueError, TypeError):
                raise ValidationError(
                    _("Invalid picture selection."), code="invalid"
                ) from None
            try:
                return ProfilePicture.objects.get(pk=pk, user=self.user)
            except ProfilePicture.DoesNotExist:
                raise ValidationError(
                    _("Invalid picture selection."), code="invalid"
                ) from None

        if action == "upload":
            if not file:
                raise ValidationError(_("No file was uploaded."), code="required")
            extension = Path(file.name).suffix.lower()
            valid_type = (
                extension in IMAGE_EXTENSIONS
                and file.content_type in self.ALLOWED_TYPES
            )
            if not valid_type:
                raise ValidationError(
                    _("Please upload an image file (JPG, PNG, GIF, or WebP)."),
                    code="invalid",
                )
            if file.size > self.MAX_SIZE:
                raise ValidationError(
                    _("Please do not upload files larger than {size}!").format(
                        size="10 MB"
                    ),
                    code="invalid",
                )
            validate_image(file)
            return file

    def has_changed(self, initial, data):
        if not isinstance(data, dict):
            return False
        return data.get("action", "keep") != "keep"

    def save(self, instance, user, value):
        """Apply the cleaned ``value`` from ``clean()`` to ``instance``.

        ``value`` is the return of ``clean``: ``None`` (keep), ``False``
        (remove), an ``UploadedFile`` (upload), or a ``ProfilePicture``
        (select)."""
        if value is None:
            return

        if isinstance(value, UploadedFile):
            set_avatar(instance, value)
            return

        new_picture = value if isinstance(value, ProfilePicture) else None
        assign_avatar(instance, user, new_picture)


class ColorField(RegexField):
    regex = "^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$"
    max_length = 7
    widget = ColorPickerWidget

    def __init__(self, *args, **kwargs):
        super().__init__(*args, regex=self.regex, **kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["pattern"] = self.regex[1:-1]
        return attrs


class SubmissionTypeField(SafeModelChoiceField):
    """Only include duration in a submission type’s representation
    if the duration is not a required CfP field (in which case, showing
    the default duration would be misleading, as it’s never used).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # All shown submission types in a form should belong to one event,
        # particularly in the non-organiser area where this field is used,
        # so we can just cache the rendering decision between instances.
        self.show_duration = None

    def label_from_instance(self, obj):
        if self.show_duration is None:
            self.show_duration = not bool(obj.event.cfp.require_duration)
        if self.show_duration:
            return str(obj)
        return str(obj.name)


class HoneypotField(BooleanField):
    """A honeypot field for spam protection.

    This field renders as a visually hidden checkbox. It should be added to
    forms that are publicly accessible and susceptible to spam. The form
    should use novalidate to prevent browser validation.

    Validation: If the field is checked (True), it's a spam bot, so raise
    a validation error. Legitimate users never see or interact with this field.
    """

    widget = HoneypotWidget

    def __init__(self, *args, **kwargs):
        # We manually render the required flag in the widget,
        # so we unset it here to bypass Django validation
        kwargs["required"] = False
        kwargs.setdefault("label", "")
        super().__init__(*args, **kwargs)

    def validate(self, value):
        if value:
            raise ValidationError(_("Form submission failed."), code="invalid")


class MultiTokenField(CharField):
    """Tag-style input that splits the submitted value into individual
    tokens on commas/whitespace, validates each token with
    ``token_validator``, and lower-cases and deduplicates the result
    while preserving input order.
    """

    widget = MultiEmailInput
    token_validator = None
    invalid_message = None
    _separator_re = re.compile(r"[,\s]+")

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return []
        result = []
        invalid = []
        for raw in self._separator_re.split(value):
            token = raw.strip()
            if not token:
                continue
            try:
                self.token_validator(token)
            except ValidationError:
                invalid.append(token)
                continue
            result.append(token.lower())
        if invalid:
            raise ValidationError(
                format_lazy("{} {}", self.invalid_message, ", ".join(invalid))
            )
        # Deduplicate while preserving input order (set() doesn't).
        return list(dict.fromkeys(result))

    def has_changed(self, initial, data):
        try:
            cleaned = self.clean(data)
        except ValidationError:
            return True
        return list(initial or []) != cleaned


class MultiEmailField(MultiTokenField):
    token_validator = validate_email
    invalid_message = _("Please enter only valid email addresses:")


class MultiDomainField(MultiTokenField):
    token_validator = validate_domain_name
    invalid_message = _("Please enter only valid domains:")


class AvailabilitiesField(CharField):
    widget = AvailabilitiesWidget
    default_error_messages = {
        "invalid_json": _("Submitted availabilities are not valid json: %(error)s."),
        "invalid_format": _(
            "Availability JSON does not comply with expected format: %(detail)s"
        ),
        "invalid_availability_format": _(
            "The submitted availability does not comply with the required format."
        ),
        "invalid_date": _("The submitted availability contains an invalid date."),
        "required_availability": _("Please fill in your availability!"),
    }

    def __init__(self, *args, event=None, instance=None, resolution=None, **kwargs):
        self.event = event
        self.instance = instance
        self.resolution = resolution

        if "initial" not in kwargs and self.instance and self.event:
            kwargs["initial"] = self._serialize(self.event, self.instance)

        super().__init__(*args, **kwargs)

    def set_initial_from_instance(self):
        if self.event and not self.initial:
            self.initial = self._serialize(self.event, self.instance)

    def _get_event_context(self):
        if not self.event:
            return {}
        result = {
            "event": {
                "timezone": self.event.timezone,
                "date_from": str(self.event.date_from),
                "date_to": str(self.event.date_to),
            }
        }
        if self.resolution:
            result["resolution"] = self.resolution
        if self.instance and not isinstance(self.instance, Room):
            room_avails = self.event.valid_availabilities.filter(room__isnull=False)
            if room_avails:
                merged_avails = Availability.union(room_avails)
                result["constraints"] = [
                    {
                        "start": avail.start.astimezone(self.event.tz).isoformat(),
                        "end": avail.end.astimezone(self.event.tz).isoformat(),
                    }
                    for avail in merged_avails
                ]
        return result

    def _serialize(self, event, instance):
        availabilities = []
        if instance and not instance._state.adding:
            availabilities = [av.serialize() for av in instance.availabilities.all()]

        result = {
            "availabilities": [
                avail for avail in availabilities if avail["end"] > avail["start"]
            ]
        }
        result.update(self._get_event_context())
        return json.dumps(result)

    def prepare_value(self, value):
        if isinstance(value, str) and self.event:
            try:
                data = json.loads(value)
            except (ValueError, TypeError):
                return value
            if isinstance(data, dict) and "event" not in data:
                data.update(self._get_event_context())
                return json.dumps(data)
        return value

    def _parse_availabilities_json(self, jsonavailabilities):
        try:
            rawdata = json.loads(jsonavailabilities)
        except ValueError as e:
            raise ValidationError(
                self.error_messages["invalid_json"],
                code="invalid_json",
                params={"error": e},
            ) from None
        if not isinstance(rawdata, dict):
            raise ValidationError(
                self.error_messages["invalid_format"],
                code="invalid_format",
                params={"detail": f"Should be object, but is {type(rawdata)}"},
            )
        availabilities = rawdata.get("availabilities")
        if not isinstance(availabilities, list):
            raise ValidationError(
                self.error_messages["invalid_format"],
                code="invalid_format",
                params={
                    "detail": f"`availabilities` should be a list, but is {type(availabilities)}"
                },
            )
        return availabilities

    def _parse_datetime(self, strdate):
        obj = parse_datetime(strdate)
        if not obj:
            raise TypeError
        if obj.tzinfo is None:
            obj = obj.replace(tzinfo=self.event.tz)
        return obj

    def _validate_availability(self, rawavail):
        if not isinstance(rawavail, dict):
            raise ValidationError(
                self.error_messages["invalid_availability_format"],
                code="invalid_availability_format",
            )
        rawavail.pop("id", None)
        rawavail.pop("allDay", None)
        if set(rawavail.keys()) != {"start", "end"}:
            raise ValidationError(
                self.error_messages["invalid_availability_format"],
                code="invalid_availability_format",
            )

        try:
            for key in ("start", "end"):
                raw_value = rawavail[key]
                if not isinstance(raw_value, dt.datetime):
                    rawavail[key] = self._parse_datetime(raw_value)
        except (TypeError, ValueError):
            raise ValidationError(
                self.error_messages["invalid_date"], code="invalid_date"
            ) from None

        timeframe_start = dt.datetime.combine(
            self.event.date_from, dt.time(), tzinfo=self.event.tz
        )
        rawavail["start"] = max(rawavail["start"], timeframe_start)

        timeframe_end = dt.datetime.combine(
            self.event.date_to, dt.time(), tzinfo=self.event.tz
        )
        timeframe_end = timeframe_end + dt.timedelta(days=1)
        rawavail["end"] = min(rawavail["end"], timeframe_end)

    def clean(self, value):
        if isinstance(value, list):
            value = {"availabilities": value}
        if isinstance(value, dict):
            value = json.dumps(value)
        value = super().clean(value)
        if not value:
            # When required=True, CharField.clean() already raises before we
            # reach here, so only the not-required path is live.
            return []

        rawavailabilities = self._parse_availabilities_json(value)
        availabilities = []

        for rawavail in rawavailabilities:
            self._validate_availability(rawavail)
            availabilities.append(Availability(event_id=self.event.id, **rawavail))

        if not availabilities and self.required:
            raise ValidationError(
                self.error_messages["required_availability"],
                code="required_availability",
            )

        return availabilities

    def save(self, instance, value):
        """Replace ``instance``'s persisted availabilities with ``value``
        (the cleaned list returned by ``clean()``)."""
        replace_availabilities(instance, value)
