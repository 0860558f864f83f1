# SPDX-FileCopyrightText: 2025-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

import django_tables2 as tables
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from pretalx.common.tables import (
    ActionsColumn,
    BooleanColumn,
    ColourColumn,
    DateTimeColumn,
    DragsortTable,
    PretalxTable,
    TemplateColumn,
)
from pretalx.common.text.phrases import phrases
from pretalx.submission.domain.queries.question import questions_for_user
from pretalx.submission.models import (
    Question,
    SubmissionType,
    SubmitterAccessCode,
    Track,
)


class SubmitterAccessCodeTable(PretalxTable):
    primary_column = "code"
    default_columns = ("code", "tracks", "submission_types", "valid_until", "uses")

    code = TemplateColumn(template_name="orga/tables/columns/copyable.html")
    tracks = TemplateColumn(
        verbose_name=_("Tracks"),
        template_name="orga/tables/columns/tracks.html",
        orderable=False,
        empty_values=(),
    )
    submission_types = TemplateColumn(
        verbose_name=_("Session types"),
        template_name="orga/tables/columns/submission_types.html",
        orderable=False,
        empty_values=(),
    )
    valid_until = DateTimeColumn()
    uses = tables.Column(
        verbose_name=pgettext_lazy("number of redemptions", "Uses"),
        attrs={"th": {"class": "numeric"}, "td": {"class": "numeric"}},
        order_by="redeemed",
        empty_values=[""],
        initial_sort_descending=True,
    )
    redeemed = tables.Column(
        attrs={"th": {"class": "numeric"}, "td": {"class": "numeric"}},
        initial_sort_descending=True,
    )
    maximum_uses = tables.Column(
        attrs={"th": {"class": "numeric"}, "td": {"class": "numeric"}}
    )

    def render_uses(self, record):
        redeemed = record.redeemed or 0
        maximum = record.maximum_uses or "∞ "
        return f"{redeemed} / {maximum}"

    def render_maximum_uses(self, record):
        return record.maximum_uses or "∞"

    actions = ActionsColumn(
        actions={
            "copy": {
                "extra_attrs": lambda record: (
                    f'role="button" data-destination="{record.urls.cfp_url.full()}"'
                ),
                "title": _("Copy access code link"),
            },
            "send": {"title": _("Send access code as email")},
            "edit": {},
            "delete": {"condition": lambda record: not record.has_submissions},
        }
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.exclude = list(self.exclude)
        if not self.event.has_active_tracks:
            self.exclude.append("tracks")

    class Meta:
        model = SubmitterAccessCode
        fields = (
            "code",
            "tracks",
            "submission_types",
            "valid_until",
            "uses",
            "redeemed",
            "maximum_uses",
            "actions",
        )


class TrackTable(DragsortTable):
    primary_column = "name"
    default_columns = ("name", "proposals", "requires_access_code")

    name = ColourColumn(
        linkify=lambda record: record.urls.edit, verbose_name=phrases.submission.track
    )
    color = ColourColumn()
    proposals = tables.Column(
        verbose_name=_("Proposals"),
        linkify=lambda record: (
            f"{record.event.orga_urls.submissions}?track={record.id}"
        ),
        attrs={"th": {"class": "numeric"}, "td": {"class": "numeric"}},
        accessor="submission_count",
    )
    requires_access_code = BooleanColumn()
    attendee_signup_required = BooleanColumn()
    actions = ActionsColumn(
        actions={
            "link": {
                "title": _("Go to pre-filled CfP form"),
                "icon": "link",
                "url": "urls.prefilled_cfp.full",
                "color": "info",
            },
            "edit": {},
            "delete": {},
        }
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.exclude = list(self.exclude)
        if not self.event.get_feature_flag("attendee_signup"):
            self.exclude.append("attendee_signup_required")

    def get_dragsort_url(self):
        return self.event.cfp.urls.tracks

    class Meta:
        model = Track
        fields = (
            "name",
            "color",
            "proposals",
            "requires_access_code",
            "attendee_signup_required",
            "actions",
        )


class SubmissionTypeTable(PretalxTable):
    primary_column = "name"
    default_columns = ("name", "proposals", "default_duration")

    name = TemplateColumn(
        linkify=lambda record: record.urls.edit,
        verbose_name=_("Session type"),
        template_name="orga/tables/columns/submission_type_name.html",
    )
    proposals = tables.Column(
        verbose_name=_("Proposals"),
        linkify=lambda record: (
            f"{record.event.orga_urls.submissions}?submission_type={record.id}"
        ),
        accessor="submission_count",
        order_by="submission_count",
        initial_sort_descending=True,
        attrs={"th": {"class": "numeric"}, "td": {"class": "numeric"}},
    )
    deadline = DateTimeColumn(
        attrs={"th": {"class": "numeric"}, "td": {"class": "numeric"}}
    )
    default_duration = tables.Column(
        attrs={"th": {"class": "numeric"}, "td": {"class": "numeric"}}
    )
    requires_access_code = BooleanColumn()
    attendee_signup_required = BooleanColumn()
    actions = ActionsColumn(
        actions={
            "default": {
                "url": "urls.default",
                "color": "info",
                "icon": "star",
                "label": _("Make default"),
                "condition": lambda record: record.event.cfp.default_type != record,
                "permission": "update",
                "next_url": True,
            },
            "link": {
                "title": _("Go to pre-filled CfP form"),
                "icon": "link",
                "url": "urls.prefilled_cfp.full",
                "color": "info",
            },
            "edit": {},
            "delete": {},
        }
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.exclude = list(self.exclude)
        if not self.event.get_feature_flag("attendee_signup"):
            self.exclude.append("attendee_signup_required")

    class Meta:
        model = SubmissionType
        fields = (
            "name",
            "default_duration",
            "proposals",
            "deadline",
            "requires_access_code",
            "attendee_signup_required",
            "actions",
        )


class QuestionTable(DragsortTable):
    primary_column = "question"
    default_columns = ("question", "variant", "required", "active", "answer_count")

    question = tables.Column(verbose_name=_("Custom field"))
    answer_count = tables.Column(
        verbose_name=_("Responses"),
        attrs={"th": {"class": "numeric"}, "td": {"class": "numeric"}},
        initial_sort_descending=True,
    )
    deadline = DateTimeColumn()
    freeze_after = DateTimeColumn()
    is_public = BooleanColumn()
    active = BooleanColumn()
    required = BooleanColumn()
    is_visible_to_reviewers = BooleanColumn()
    contains_personal_data = BooleanColumn()
    actions = ActionsColumn(actions={"edit": {}, "delete": {}})

    def __init__(self, *args, target, list_url, **kwargs):
        self.target = target
        self.list_url = list_url
        super().__init__(*args, **kwargs)

    @property
    def name(self):
        return f"{self.__class__.__name__}-{self.target}"

    def get_dragsort_url(self):
        return f"{self.list_url}?target={self.target}"

    @cached_property
    def _accessible_question_ids(self):
        # Pre-compute accessible question IDs to avoid per-question DB queries
        if self.event and self.user:
            # questions_for_user() only tracks team-based access. Listing a
            # question does not imply being allowed to view its answers, so
            # check the view permission separately.
            if not self.user.has_perm("submission.orga_list_question", self.event):
                return set()
            return set(
                questions_for_user(self.event, self.user).values_list("id", flat=True)
            )
        return set()

    def render_question(self, record, value):
        # Can’t automatically linkify: We can only link to the detail view if
        # the user can see answers.
        request = getattr(self, "request", None)
        if request and hasattr(request, "user") and record:
            if record.pk in self._accessible_question_ids:
                url = record.urls.base
            else:
                url = record.urls.edit
            return format_html('<a href="{}">{}</a>', url, value)
        return value

    class Meta:
        model = Question
        fields = (
            "question",
            "variant",
            "required",
            "active",
            "answer_count",
            "deadline",
            "freeze_after",
            "is_public",
            "is_visible_to_reviewers",
            "contains_personal_data",
            "actions",
        )
        empty_text = _("You have configured no custom fields yet.")
