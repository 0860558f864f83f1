# SPDX-FileCopyrightText: 2018-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

import datetime as dt
from pathlib import Path

from django import forms
from django.core.files import File
from django.db.models import Count
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled
from i18nfield.forms import I18nTextarea
from i18nfield.forms import I18nTextInput as BaseI18nTextInput

from pretalx.common.language import get_locale_name
from pretalx.common.text.phrases import phrases
from pretalx.common.text.timezones import timezone_name
from pretalx.person.models import ProfilePicture


def add_attribute(attrs, attr, css_class):
    attrs = attrs or {}
    class_str = (attrs.get(attr, "") or "").strip()
    class_str += " " + css_class
    attrs[attr] = class_str.strip()
    return attrs


class PasswordInput(forms.PasswordInput):
    css_class = "password-input"

    def _get_toggle_markup(self):
        show_password = _("Show password")
        hide_password = _("Hide password")
        return f"""<button type="button" class="password-toggle" aria-label="{show_password}" data-show-label="{show_password}" data-hide-label="{hide_password}">
                <i class="fa fa-eye" aria-hidden="true"></i>
            </button>"""

    def _get_extra_markup(self):
        return ""

    def _prepare_attrs(self):
        self.attrs = add_attribute(self.attrs, "class", self.css_class)

    def render(self, name, value, attrs=None, renderer=None):
        self._prepare_attrs()
        return mark_safe(  # noqa: S308  -- composed from widget render + static markup
            super().render(name, value, self.attrs)
            + self._get_toggle_markup()
            + self._get_extra_markup()
        )

    class Media:
        js = [forms.Script("common/js/forms/password.js", defer="")]
        css = {"all": ["common/css/forms/password.css"]}


class PasswordStrengthInput(PasswordInput):
    css_class = "password_strength"

    def _get_extra_markup(self):
        message = _(
            'This password would take <em class="password_strength_time"></em> to crack.'
        )
        return f"""
        <div class="password-progress">
            <div class="password-progress-bar progress">
                <div class="progress-bar bg-warning password_strength_bar"
                     role="progressbar"
                     aria-valuenow="0"
                     aria-valuemin="0"
                     aria-valuemax="4">
                </div>
            </div>
            <small class="d-none password_strength_info form-text text-muted">
                {message}
            </small>
        </div>
        """

    def _prepare_attrs(self):
        super()._prepare_attrs()
        self.attrs["autocomplete"] = "new-password"

    class Media:
        js = [
            forms.Script("vendored/zxcvbn.js", defer=""),
            forms.Script("common/js/forms/password.js", defer=""),
        ]
        css = {"all": ["common/css/forms/password.css"]}


class PasswordConfirmationInput(PasswordInput):
    css_class = "password_confirmation"

    def __init__(self, confirm_with=None, attrs=None, render_value=False):
        super().__init__(attrs, render_value)
        self.confirm_with = confirm_with

    def _get_extra_markup(self):
        warning = _("Warning") + ":"
        content = _("Your passwords don’t match.")
        return f"""
        <small class="d-none password_strength_info form-text text-muted">
            <span class="label label-danger">{warning}</span>
            <span>{content}</span>
        </small>
        """

    def _prepare_attrs(self):
        super()._prepare_attrs()
        self.attrs["data-confirm-with"] = str(self.confirm_with)


class ClearableBasenameFileInput(forms.ClearableFileInput):
    class FakeFile(File):
        def __init__(self, file):
            self.file = file

        @property
        def name(self):
            return self.file.name

        def __str__(self):
            return Path(self.name).stem

        @property
        def url(self):
            return self.file.url

    def get_context(self, name, value, attrs):
        ctx = super().get_context(name, value, attrs)
        ctx["widget"]["value"] = self.FakeFile(value)
        return ctx

    class Media:
        js = [forms.Script("common/js/forms/filesize.js", defer="")]


class ImageInput(ClearableBasenameFileInput):
    template_name = "common/widgets/image_input.html"

    class Media:
        css = {"all": ["common/css/forms/image.css"]}


class LocaleNameMixin:
    form = None

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        locale = attrs.get("lang")
        if not locale:
            return attrs
        locale_names = self.form.locale_names if self.form else None
        name = get_locale_name(locale, locale_names)
        attrs["title"] = name
        if attrs.get("placeholder") in (None, "", locale):
            attrs["placeholder"] = name
        return attrs


class LocaleNameTextInput(LocaleNameMixin, forms.TextInput):
    pass


class I18nTextInput(BaseI18nTextInput):
    widget = LocaleNameTextInput


class MarkdownWidget(LocaleNameMixin, forms.Textarea):
    template_name = "common/widgets/markdown.html"

    def get_context(self, name, value, attrs):
        ctx = super().get_context(name, value, attrs)
        ctx["preview_help"] = phrases.base.use_markdown
        return ctx

    class Media:
        js = [
            forms.Script("vendored/marked.min.js", defer=""),
            forms.Script("vendored/purify.min.js", defer=""),
            forms.Script("vendored/markdown-toolbar.js", defer=""),
            forms.Script("common/js/ui/tabs.js", defer=""),
            forms.Script("common/js/forms/markdown.js", defer=""),
            forms.Script("common/js/forms/character-limit.js", defer=""),
        ]
        css = {
            "all": [
                "common/css/ui/tabs.css",
                "common/css/forms/markdown.css",
                "common/css/forms/character-limit.css",
            ]
        }


class I18nMarkdownTextarea(I18nTextarea):
    widget = MarkdownWidget

    def format_output(self, rendered_widgets, id_):
        css_classes = "i18n-form-group i18n-markdown-group"
        if len(rendered_widgets) <= 1:
            css_classes += " i18n-form-single-language"
        return f'<div class="{css_classes}" id="{escape(id_)}">{"".join(rendered_widgets)}</div>'


class EnhancedSelectMixin(forms.Select):
    # - add the "class: enhanced" attribute to the select widget
    # - if `description_field` is set, set data-description on options
    # - if `color_field` is set, set data-color on options
    def __init__(
        self, attrs=None, choices=(), description_field=None, color_field=None
    ):
        self.description_field = description_field
        self.color_field = color_field
        super().__init__(attrs, choices)

    def get_context(self, name, value, attrs):
        ctx = super().get_context(name, value, attrs)
        ctx["widget"]["attrs"] = add_attribute(
            ctx["widget"]["attrs"], "class", "enhanced"
        )
        ctx["widget"]["attrs"]["tabindex"] = "-1"
        ctx["widget"]["attrs"]["data-required-message"] = str(
            _("Please select an option.")
        )
        # Choices.js hides the <select>, so browser-side verification cannot focus it.
        # Choices.js runs its own pre-submit validation.
        if ctx["widget"]["attrs"].pop("required", False):
            ctx["widget"]["attrs"]["data-required"] = "true"
            ctx["widget"]["attrs"]["aria-required"] = "true"
        return ctx

    def create_option(
        self, name, value, label, selected, index, subindex=None, attrs=None
    ):
        option = super().create_option(
            name, value, label, selected, index, subindex, attrs
        )
        if value and getattr(value, "instance", None):
            if self.description_field and (
                description := getattr(value.instance, self.description_field, None)
            ):
                option["attrs"]["data-description"] = description
            if self.color_field and (
                color := getattr(value.instance, self.color_field, None)
            ):
                option["attrs"]["data-color"] = color
        elif self.color_field and callable(self.color_field):
            option["attrs"]["data-color"] = self.color_field(value)
        return option

    class Media:
        js = [
            forms.Script("vendored/choices/choices.min.js", defer=""),
            forms.Script("common/js/forms/select.js", defer=""),
        ]
        css = {
            "all": ["vendored/choices/choices.min.css", "common/css/forms/select.css"]
        }


class EnhancedSelect(EnhancedSelectMixin, forms.Select):
    pass


class EnhancedSelectMultiple(EnhancedSelectMixin, forms.SelectMultiple):
    pass


class GroupedSelectMultiple(EnhancedSelectMultiple):
    """An EnhancedSelectMultiple that groups its options into optgroups.

    ``group_by`` is a callable that receives a choice's model instance and
    returns the (label, value) pair identifying its group. Choices must
    already be ordered so that members of the same group are contiguous.
    """

    def __init__(self, *args, group_by=None, **kwargs):
        self.group_by = group_by
        super().__init__(*args, **kwargs)

    def optgroups(self, name, value, attrs=None):
        groups = []
        has_selected = False
        current_group = object()
        subgroup = None
        group_index = -1
        for choice_value, option_label in self.choices:
            option_value = "" if choice_value is None else choice_value
            instance = getattr(option_value, "instance", None)
            group = self.group_by(instance) if instance is not None else None
            if group != current_group:
                current_group = group
                subgroup = []
                group_index += 1
                group_name = group[0] if group is not None else None
                groups.append((group_name, subgroup, group_index))
            selected = (not has_selected or self.allow_multiple_selected) and str(
                option_value
            ) in value
            has_selected |= selected
            subgroup.append(
                self.create_option(
                    name,
                    option_value,
                    option_label,
                    selected,
                    group_index,
                    subindex=len(subgroup),
                    attrs=attrs,
                )
            )
        return groups


class SpeakerSearchSelect(forms.Select):
    def __init__(self, attrs=None, remote_url=None):
        super().__init__(attrs)
        self.remote_url = remote_url

    def optgroups(self, name, value, attrs=None):
        options = [
            self.create_option(name, val, val, selected=True, index=index)
            for index, val in enumerate(val for val in value if val)
        ]
        return [(None, options, 0)]

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        if self.remote_url:
            attrs["data-remote-url"] = self.remote_url
        # We only pick a single speaker, but mark it as multi, as a single
        # select will auto-pick the first option/first search result.
        attrs["multiple"] = True
        return attrs

    class Media:
        js = [
            forms.Script("vendored/choices/choices.min.js", defer=""),
            forms.Script("orga/js/forms/speakersearch.js", defer=""),
        ]
        css = {
            "all": ["vendored/choices/choices.min.css", "common/css/forms/select.css"]
        }


class IconSelect(forms.RadioSelect):
    option_template_name = "orga/widgets/icon_option.html"

    class Media:
        css = {"all": ["orga/css/forms/icon.css"]}


def get_count(value, label, count_attr="submission_count"):
    instance = getattr(value, "instance", None)
    if instance and hasattr(instance, count_attr):
        return getattr(instance, count_attr)
    count = getattr(label, "count", 0)
    if callable(count):
        return count(label)
    return count


class SelectMultipleWithCount(EnhancedSelectMultiple):
    """A widget for multi-selects that correspond to countable values.

    This widget doesn't support some of the options of the default
    SelectMultiple, most notably it doesn't support optgroups. In
    return, it takes a third value per choice, makes zero-values
    disabled and sorts options by numerical value.
    """

    def __init__(self, *args, count_attr="submission_count", **kwargs):
        super().__init__(*args, **kwargs)
        self.count_attr = count_attr

    def optgroups(self, name, value, attrs=None):
        choices = sorted(
            self.choices,
            key=lambda choice: get_count(*choice, count_attr=self.count_attr),
            reverse=True,
        )
        result = []
        for index, (option_value, label) in enumerate(choices):
            count = get_count(option_value, label, count_attr=self.count_attr)
            if count == 0:
                continue
            selected = str(option_value) in value
            result.append(
                self.create_option(
                    name,
                    value=option_value,
                    label=label,
                    selected=selected,
                    index=index,
                    count=count,
                )
            )
        return [(None, result, 0)]

    def create_option(self, name, value, label, *args, count=0, **kwargs):
        label = f"{label} ({count})"
        return super().create_option(name, value, label, *args, **kwargs)


class SegmentedRadioSelect(forms.RadioSelect):
    template_name = "common/widgets/segmented_radio.html"

    def __init__(self, attrs=None, group_label=None):
        super().__init__(attrs)
        self.group_label = group_label

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["group_label"] = self.group_label
        return context

    class Media:
        css = {"all": ["orga/css/ui/filters.css"]}


class TextInputWithAddon(forms.TextInput):
    template_name = "common/widgets/text_input_with_addon.html"

    def __init__(self, attrs=None, addon_before=None, addon_after=None):
        super().__init__(attrs)
        self.addon_before = addon_before
        self.addon_after = addon_after

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["addon_before"] = self.addon_before
        context["widget"]["addon_after"] = self.addon_after
        return context


class HtmlDateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        if value and isinstance(value, (dt.date, dt.datetime)):
            return value.strftime("%Y-%m-%d")
        return value

    class Media:
        js = [forms.Script("common/js/forms/datefield.js", defer="")]


class HtmlDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    @property
    def timezone_name(self):
        return timezone_name(timezone.get_current_timezone_name())

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        if attrs.get("id") and not attrs.get("aria-describedby"):
            attrs["aria-describedby"] = f"{attrs['id']}_helptext"
        return attrs

    def format_value(self, value):
        if value and isinstance(value, dt.datetime):
            return value.strftime("%Y-%m-%dT%H:%M")
        return value

    def get_reference_datetime(self, value):
        if isinstance(value, str):
            try:
                value = parse_datetime(value)
            except ValueError:
                value = None
        if not isinstance(value, dt.datetime):
            value = timezone.localtime()
        elif timezone.is_naive(value):
            value = timezone.make_aware(value)
        else:
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-isodatetime"] = self.get_reference_datetime(
            value
        )
        return context

    class Media:
        js = [
            forms.Script("common/js/forms/datefield.js", defer=""),
            forms.Script("common/js/ui/datetime-local.js", defer=""),
        ]


class HtmlTimeInput(forms.TimeInput):
    input_type = "time"

    def format_value(self, value):
        if value and isinstance(value, (dt.time, dt.datetime)):
            return value.strftime("%H:%M")
        return value

    class Meta:
        js = [forms.Script("common/js/forms/datefield.js", defer="")]


class ColorPickerWidget(forms.TextInput):
    def __init__(self, attrs=None):
        attrs = add_attribute(attrs, "class", "colorpicker")
        super().__init__(attrs=attrs)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs["data-contrast-good"] = str(
            _("This colour has good contrast in both light and dark mode.")
        )
        widget_attrs["data-contrast-light-only"] = str(
            _(
                "This colour works in light mode, but is too dark to see well "
                "in dark mode. Try a lighter shade."
            )
        )
        widget_attrs["data-contrast-dark-only"] = str(
            _(
                "This colour works in dark mode, but is too light to see well "
                "in light mode. Try a darker shade."
            )
        )
        widget_attrs["data-contrast-bad"] = str(
            _(
                "This colour has low contrast and will be hard to see in both "
                "light and dark mode."
            )
        )
        return context

    class Media:
        js = [
            forms.Script("vendored/vanilla-picker.min.js", defer=""),
            forms.Script("orga/js/ui/colorpicker.js", defer=""),
        ]
        css = {"all": ["orga/css/forms/colorpicker.css"]}


class MultiEmailInput(forms.TextInput):
    def __init__(self, attrs=None, delimiter=","):
        self.delimiter = delimiter
        attrs = add_attribute(attrs, "class", "tags-input")
        super().__init__(attrs=attrs)

    def use_required_attribute(self, initial):
        # Choices.js hides the original input, so the browser can't focus it
        # for native required validation. Server-side validation still applies.
        return False

    def format_value(self, value):
        if isinstance(value, (list, tuple)):
            return self.delimiter.join(value)
        return value or ""

    class Media:
        js = [
            forms.Script("vendored/choices/choices.min.js", defer=""),
            forms.Script("common/js/forms/multi-email.js", defer=""),
        ]
        css = {
            "all": ["vendored/choices/choices.min.css", "common/css/forms/select.css"]
        }


class AvailabilitiesWidget(forms.TextInput):
    def __init__(self, attrs=None):
        attrs = add_attribute(attrs, "class", "availabilities-editor-data")
        super().__init__(attrs=attrs)

    class Media:
        js = [
            forms.Script("vendored/luxon.min.js", defer=""),
            forms.Script("vendored/fullcalendar/fullcalendar.min.js", defer=""),
            forms.Script("vendored/fullcalendar/luxon-plugin.min.js", defer=""),
            forms.Script("common/js/forms/availabilities.js", defer=""),
        ]
        css = {"all": ["common/css/forms/availabilities.css"]}


class ProfilePictureWidget(forms.Widget):
    template_name = "common/widgets/profile_picture.html"
    needs_multipart_form = True

    def __init__(self, user=None, current_picture=None, upload_only=False, attrs=None):
        super().__init__(attrs)
        self.user = user
        self.current_picture = current_picture
        self.upload_only = upload_only

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_id = attrs.get("id", name) if attrs else name

        current = None
        if self.current_picture and self.current_picture.has_avatar:
            current = {
                "pk": self.current_picture.pk,
                "url": self.current_picture.avatar.url,
                "thumbnail_url": self.current_picture.get_avatar_url(
                    thumbnail="default"
                )
                or self.current_picture.avatar.url,
            }

        other_pictures = []
        if self.user and not self.upload_only:
            with scopes_disabled():
                pictures = (
                    ProfilePicture.objects.filter(user=self.user)
                    .exclude(avatar="")
                    .exclude(avatar__isnull=True)
                    .annotate(event_count=Count("speakers__event", distinct=True))
                    .select_related("user")
                    .prefetch_related("speakers__event")
                    .order_by("-updated")
                )
                for pic in pictures:
                    is_current = (
                        self.current_picture and pic.pk == self.current_picture.pk
                    )
                    event_count = pic.event_count
                    if event_count == 1:
                        first_speaker = pic.speakers.first()
                        label = str(first_speaker.event.name) if first_speaker else ""
                    elif event_count > 1:
                        label = _("{count} events").format(count=event_count)
                    else:
                        label = ""
                    other_pictures.append(
                        {
                            "pk": pic.pk,
                            "url": pic.avatar.url,
                            "thumbnail_url": pic.get_avatar_url(thumbnail="default")
                            or pic.avatar.url,
                            "label": label,
                            "is_current": is_current,
                        }
                    )

        context["widget"].update(
            {
                "widget_id": widget_id,
                "current_picture": current,
                "other_pictures": other_pictures,
            }
        )
        return context

    def value_from_datadict(self, data, files, name):
        action = data.get(f"{name}_action", "keep")
        file = files.get(name)
        return {"action": action, "file": file}

    def use_required_attribute(self, initial):
        return False

    class Media:
        js = [
            forms.Script("vendored/cropper.min.js", defer=""),
            forms.Script("common/js/ui/dialog.js", defer=""),
            forms.Script("common/js/forms/profile_picture.js", defer=""),
        ]
        css = {
            "all": [
                "common/css/ui/dialog.css",
                "vendored/cropper.min.css",
                "common/css/forms/profile_picture.css",
            ]
        }


class HoneypotWidget(forms.CheckboxInput):
    """A hidden checkbox widget for honeypot spam protection.

    Renders as a visually hidden checkbox that is marked as required.
    Spam bots typically fill in all required fields, so if this is checked,
    we know it's a bot.
    """

    template_name = "common/widgets/honeypot.html"

    class Media:
        css = {"all": ["common/css/forms/honeypot.css"]}
