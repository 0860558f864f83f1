# SPDX-FileCopyrightText: 2017-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy, pgettext_lazy
from django.views.generic import FormView, ListView, TemplateView, View
from django_context_decorator import context

from pretalx.common.language import language
from pretalx.common.text.phrases import phrases
from pretalx.common.ui import Button, delete_link, send_button
from pretalx.common.views.generic import (
    CreateOrUpdateView,
    HistoryTabMixin,
    OrgaCRUDView,
    OrgaTableMixin,
)
from pretalx.common.views.mixins import (
    ActionConfirmMixin,
    AsyncTaskProgressMixin,
    EventPermissionRequired,
    Filterable,
    PermissionRequired,
)
from pretalx.mail.domain.preview import (
    build_preview_context,
    render_preview_body,
    render_preview_subject,
)
from pretalx.mail.domain.queries import draft_mail_counts, outbox_mails, sent_mails
from pretalx.mail.domain.queue import copy_to_draft
from pretalx.mail.domain.render import delivery_html, render_template_to_mail
from pretalx.mail.domain.send import (
    get_send_mail_exceptions,
    send_draft,
    send_transient,
)
from pretalx.mail.domain.template import mail_template_by_role
from pretalx.mail.enums import MailTemplateRoles, QueuedMailStates
from pretalx.mail.interfaces.forms import (
    MailDetailForm,
    MailTemplateForm,
    WriteSessionMailForm,
    WriteTeamsMailForm,
)
from pretalx.mail.models import MailTemplate, QueuedMail
from pretalx.mail.tasks import task_create_mails_for_template, task_send_outbox_mails
from pretalx.orga.tables.mail import MailTemplateTable, OutboxMailTable, SentMailTable
from pretalx.person.domain.queries.profile import submitters_for_event
from pretalx.person.models import SpeakerProfile
from pretalx.submission.interfaces.filters import submission_list_filters
from pretalx.submission.models import Submission, SubmissionStates


class OutboxList(EventPermissionRequired, Filterable, OrgaTableMixin, ListView):
    model = QueuedMail
    table_class = OutboxMailTable
    context_object_name = "mails"
    template_name = "orga/mails/outbox_list.html"
    permission_required = "mail.list_queuedmail"

    def get_queryset(self):
        return self.filter_queryset(outbox_mails(self.request.event))

    @context
    @cached_property
    def show_tracks(self):
        return self.request.event.has_active_tracks

    def get_context_data(self, **kwargs):
        result = super().get_context_data(**kwargs)
        result["failed_count"] = draft_mail_counts(self.request.event)["failed_count"]
        return result

    def get_filter_options(self):
        return {"sent": False}

    def get_table_kwargs(self):
        kwargs = super().get_table_kwargs()
        permission = self.request.user.has_perm(
            "mail.send_queuedmail", self.request.event
        )
        kwargs["has_update_permission"] = permission
        kwargs["has_delete_permission"] = permission
        return kwargs


class SentMail(EventPermissionRequired, Filterable, OrgaTableMixin, ListView):
    model = QueuedMail
    table_class = SentMailTable
    context_object_name = "mails"
    template_name = "orga/mails/sent_list.html"
    permission_required = "mail.list_queuedmail"

    def get_filter_options(self):
        return {"sent": True}

    def get_queryset(self):
        return self.filter_queryset(sent_mails(self.request.event))

    @context
    @cached_property
    def show_tracks(self):
        return self.request.event.has_active_tracks

    def get_context_data(self, **kwargs):
        result = super().get_context_data(**kwargs)
        sending_pks = list(
            self.request.event.queued_mails.filter(
                state=QueuedMailStates.SENDING
            ).values_list("pk", flat=True)
        )
        result["sending_ids"] = ",".join(str(pk) for pk in sending_pks)
        return result


class OutboxSend(AsyncTaskProgressMixin, ActionConfirmMixin, OutboxList):
    permission_required = "mail.send_queuedmail"
    action_object_name = ""
    action_confirm_label = phrases.base.send
    action_confirm_color = "primary"

    def get_task_progress_template(self):
        return "orga/mails/sending_progress.html"

    def get_task_progress_title(self):
        return _("Sending emails")

    def get_task_success_url(self, result):
        return self.request.event.orga_urls.sent_mails

    def get_task_error_url(self):
        return self.request.event.orga_urls.outbox

    def get_task_success_message(self, result):
        count = result.get("count", 0) if result else 0
        return _("{count} emails have been processed.").format(count=count)

    @context
    def question(self):
        return _("Do you really want to send {count} emails?").format(
            count=self.queryset.count()
        )

    def action_title(self):
        return _("Send emails")

    def action_text(self):
        return self.question()

    @property
    def action_back_url(self):
        return self.request.event.orga_urls.outbox

    @cached_property
    def queryset(self):
        pks = self.request.GET.get("pks") or ""
        if pks:
            pks = [int(pk) for pk in pks.split(",") if pk.isdigit()]
            return self.request.event.queued_mails.filter(
                state=QueuedMailStates.DRAFT
            ).filter(pk__in=pks)
        qs = self.get_queryset()
        if self.request.GET.get("failed_only"):
            qs = qs.filter(error_data__isnull=False)
        return qs

    def post(self, request, *args, **kwargs):
        if "pk" not in self.kwargs:
            return self.bulk_send(request)
        return self.single_send(request)

    def single_send(self, request):
        try:
            mail = self.request.event.queued_mails.get(pk=self.kwargs.get("pk"))
        except QueuedMail.DoesNotExist:
            messages.error(
                request,
                _(
                    "This email either does not exist or cannot be sent because it was sent already."
                ),
            )
            return redirect(self.request.event.orga_urls.outbox)
        if mail.state != QueuedMailStates.DRAFT:
            messages.error(request, _("This email had been sent already."))
        else:
            errors = get_send_mail_exceptions(request)
            if errors:
                for error in errors:
                    messages.error(request, error)
                return redirect(self.request.event.orga_urls.outbox)
            send_draft(mail, requestor=self.request.user)
            if request.headers.get("HX-Request"):
                response = HttpResponse(status=200)
                response["HX-Trigger"] = "updateSidebarCount"
                return response
            messages.success(request, _("The email has been sent."))
        return redirect(self.request.event.orga_urls.outbox)

    def bulk_send(self, request):
        errors = get_send_mail_exceptions(request)
        if errors:
            for error in errors:
                messages.error(request, error)
            return redirect(request.event.orga_urls.outbox)

        mail_pks = list(self.queryset.values_list("pk", flat=True))
        if not mail_pks:
            messages.info(request, _("No emails to send."))
            return redirect(request.event.orga_urls.outbox)
        return self.dispatch_async_task(
            request,
            task_send_outbox_mails,
            event_id=request.event.pk,
            mail_pks=mail_pks,
            requestor_id=request.user.pk,
        )


class MailDelete(PermissionRequired, ActionConfirmMixin, TemplateView):
    permission_required = "mail.delete_queuedmail"
    action_object_name = ""

    def get_permission_object(self):
        return self.request.event

    @cached_property
    def queryset(self):
        mail = self.request.event.queued_mails.filter(
            state=QueuedMailStates.DRAFT, pk=self.kwargs.get("pk")
        )
        if "all" in self.request.GET and mail:
            return self.request.event.queued_mails.filter(
                state=QueuedMailStates.DRAFT, template=mail.first().template
            )
        return mail

    def action_text(self):
        return self.question()

    @property
    def action_back_url(self):
        return self.request.event.orga_urls.outbox

    @context
    def question(self):
        count = self.queryset.count()
        return str(
            ngettext_lazy(
                "Do you really want to delete this email?",
                "Do you really want to purge {count} emails?",
                count,
            )
        ).format(count=count)

    def post(self, request, *args, **kwargs):
        mails = self.queryset
        mail_count = len(mails)
        if not mails:
            messages.error(
                request,
                _(
                    "This email either does not exist or cannot be discarded because it was sent already."
                ),
            )
            return redirect(self.request.event.orga_urls.outbox)
        for mail in mails:
            mail.log_action("pretalx.mail.delete", person=self.request.user, orga=True)
            mail.delete()

        messages.success(
            request,
            str(
                ngettext_lazy(
                    "The email has been discarded.",
                    "{count} emails have been discarded.",
                    mail_count,
                )
            ).format(count=mail_count),
        )

        return redirect(request.event.orga_urls.outbox)


class OutboxPurge(ActionConfirmMixin, OutboxList):
    permission_required = "mail.delete_queuedmail"
    action_object_name = ""

    @context
    def question(self):
        return _("Do you really want to purge {count} emails?").format(
            count=self.queryset.count()
        )

    def action_text(self):
        return self.question()

    @property
    def action_back_url(self):
        return self.request.event.orga_urls.outbox

    @cached_property
    def queryset(self):
        return self.get_queryset()

    def post(self, request, *args, **kwargs):
        qs = self.queryset
        count = qs.count()
        qs.delete()
        messages.success(
            request, _("{count} emails have been purged.").format(count=count)
        )
        return redirect(self.request.event.orga_urls.outbox)


class MailDetail(PermissionRequired, HistoryTabMixin, CreateOrUpdateView):
    model = QueuedMail
    form_class = MailDetailForm
    template_name = "orga/mails/outbox_form.html"
    write_permission_required = "mail.update_queuedmail"
    permission_required = "mail.view_queuedmail"
    extra_forms_signal = "pretalx.orga.signals.mail_form"
    messages = {}

    def get_object(self, queryset=None) -> QueuedMail:
        return (
            self.request.event.queued_mails.prefetch_recipients(self.request.event)
            .filter(pk=self.kwargs.get("pk"))
            .first()
        )

    def get_success_url(self):
        return self.object.event.orga_urls.outbox

    def form_valid(self, form):
        form.instance.event = self.request.event
        result = super().form_valid(form)
        action = form.data.get("form", "save")
        if action == "send":
            errors = get_send_mail_exceptions(self.request)
            if errors:
                for error in errors:
                    messages.error(self.request, error)
                return redirect(self.get_success_url())
            send_draft(form.instance)
            messages.success(self.request, _("The email has been sent."))
        else:  # action == 'save'
            messages.success(
                self.request,
                _(
                    "The email has been saved. When you send it, the updated text will be used."
                ),
            )
        return result

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.history_log_entries:
            context["tablist"] = {"email": _("Email"), **self.history_tablist}
        if self.permission_action == "edit":
            send_label = (
                _("Save and retry") if self.object.has_error else _("Save and send")
            )
            context["submit_buttons"] = [
                Button(),
                Button(name="form", value="send", color="secondary", label=send_label),
            ]
            context["submit_buttons_extra"] = [
                delete_link(href=self.object.urls.delete, label=_("Discard")),
                delete_link(
                    href=f"{self.object.urls.delete}?all",
                    label=_("Discard all from this template"),
                ),
            ]
        elif self.object.state != QueuedMailStates.DRAFT:
            if pk := self.object.template_id:
                context["copy_to_draft_url"] = (
                    f"{self.request.event.orga_urls.compose_mails_sessions}?template={pk}"
                )
                context["copy_to_draft_method"] = "get"
            else:
                context["copy_to_draft_url"] = self.object.urls.copy
                context["copy_to_draft_method"] = "post"
        return context


class MailCopy(PermissionRequired, View):
    permission_required = "mail.send_queuedmail"

    def get_object(self) -> QueuedMail:
        return get_object_or_404(
            self.request.event.queued_mails, pk=self.kwargs.get("pk")
        )

    def post(self, request, *args, **kwargs):
        mail = self.get_object()
        new_mail = copy_to_draft(mail)
        if new_mail is None:
            messages.error(
                request,
                _(
                    "The email could not be copied. None of the recipients can currently receive emails."
                ),
            )
            return redirect(mail.urls.edit)
        messages.success(request, _("The email has been copied, you can edit it now."))
        return redirect(new_mail.urls.edit)


class MailPreview(PermissionRequired, View):
    permission_required = "mail.send_queuedmail"

    def get_object(self) -> QueuedMail:
        return get_object_or_404(
            self.request.event.queued_mails, pk=self.kwargs.get("pk")
        )

    def get(self, request, *args, **kwargs):
        mail = self.get_object()
        return HttpResponse(delivery_html(mail))


class ComposeMailChoice(EventPermissionRequired, TemplateView):
    template_name = "orga/mails/compose_choice.html"
    permission_required = "mail.send_queuedmail"


class ComposeMailBaseView(AsyncTaskProgressMixin, EventPermissionRequired, FormView):
    permission_required = "mail.send_queuedmail"
    write_permission_required = "mail.send_queuedmail"

    def get_task_progress_template(self):
        return "orga/mails/sending_progress.html"

    def get_task_progress_title(self):
        return _("Composing emails")

    def get_task_success_url(self, result):
        if result.get("skip_queue"):
            return self.request.event.orga_urls.sent_mails
        return self.request.event.orga_urls.outbox

    def get_task_error_url(self):
        return self.request.event.orga_urls.outbox

    def get_task_success_message(self, result):
        count = result.get("count", 0)
        if result.get("skip_queue"):
            return _("{count} emails have been sent.").format(count=count)
        return phrases.orga.mails_in_outbox.format(count=count)

    def handle_task_success(self, request, result):
        super().handle_task_success(request, result)
        render_failures = result.get("render_failures", 0)
        if render_failures:
            messages.warning(
                request,
                str(
                    ngettext_lazy(
                        "Could not generate one email, most likely because the session has not been scheduled yet.",
                        "Could not generate {count} emails, most likely because their sessions have not been scheduled yet.",
                        render_failures,
                    )
                ).format(count=render_failures),
            )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["event"] = self.request.event
        initial = kwargs.get("initial", {})
        if "template" in self.request.GET:
            template = MailTemplate.objects.filter(
                pk=self.request.GET.get("template")
            ).first()
            if template:
                initial["subject"] = template.subject
                initial["text"] = template.text
                initial["reply_to"] = template.reply_to
                initial["bcc"] = template.bcc
        for key in self.form_class.base_fields:
            if key in self.request.GET:
                initial[key] = self.request.GET.get(key)
        kwargs["initial"] = initial

        errors = get_send_mail_exceptions(self.request)
        kwargs["may_skip_queue"] = not bool(errors)
        return kwargs

    def get_context_data(self, *args, **kwargs):
        ctx = super().get_context_data(*args, **kwargs)
        ctx["output"] = getattr(self, "output", None)
        ctx["mail_count"] = getattr(self, "mail_count", None) or 0
        ctx["confirm_skip_queue"] = getattr(self, "confirm_skip_queue", False)
        ctx["submit_buttons"] = [
            Button(
                color="secondary",
                name="action",
                value="preview",
                label=pgettext_lazy(
                    "action: preview the email before sending", "Preview email"
                ),
                icon=None,
            )
        ]
        if self.request.method == "POST" and ctx["form"].is_valid():
            if ctx["confirm_skip_queue"]:
                ctx["submit_buttons"].append(
                    Button(
                        color="outline-danger",
                        name="action",
                        value="send_immediately",
                        label=str(
                            ngettext_lazy(
                                "Send {count} email now",
                                "Send {count} emails now",
                                ctx["mail_count"],
                            )
                        ).format(count=ctx["mail_count"]),
                    )
                )
            else:
                ctx["submit_buttons"].append(Button(label=_("Send to outbox")))
        return ctx

    def get_recipient_count(self, form):
        # Approximate, deduplicated recipient count. Mirrors the preview: it
        # does not run rendering, so emails with invalid placeholders are not
        # subtracted here.
        return len({str(res) for res in form.get_recipients()})

    def form_valid(self, form):
        preview = self.request.POST.get("action") == "preview"
        if preview:
            self.output = {}
            # Only approximate, good enough. Doesn't run deduplication, so it doesn't have to
            # run rendering for all placeholders for all people, either.
            result = form.get_recipients()
            if not result:
                messages.error(
                    self.request, _("There are no recipients matching this selection.")
                )
                return self.get(self.request, *self.args, **self.kwargs)

            for locale in self.request.event.locales:
                with language(locale):
                    context_dict = build_preview_context(
                        form.get_valid_placeholders(), self.request.event
                    )
                    preview_subject = render_preview_subject(
                        form.cleaned_data["subject"].localize(locale),
                        context_dict,
                        self.request.event,
                    )
                    preview_text = render_preview_body(
                        form.cleaned_data["text"].localize(locale), context_dict
                    )
                    self.output[locale] = {
                        "subject": _("Subject: {subject}").format(
                            subject=preview_subject
                        ),
                        "html": preview_text,
                    }
            self.mail_count = self.get_recipient_count(form)
            return self.get(self.request, *self.args, **self.kwargs)

        skip_queue = form.cleaned_data.get("skip_queue")
        confirmed = self.request.POST.get("action") == "send_immediately"
        if skip_queue and not confirmed:
            if not form.get_recipients():
                messages.error(
                    self.request, _("There are no recipients matching this selection.")
                )
                return self.get(self.request, *self.args, **self.kwargs)
            self.mail_count = self.get_recipient_count(form)
            self.confirm_skip_queue = True
            return self.get(self.request, *self.args, **self.kwargs)

        task_data = form.save_template_and_get_task_data()
        return self.dispatch_async_task(
            self.request, task_create_mails_for_template, **task_data
        )


class ComposeTeamsMail(ComposeMailBaseView):
    form_class = WriteTeamsMailForm
    template_name = "orga/mails/compose_reviewer_mail_form.html"
    permission_required = "event.update_team"

    def dispatch(self, request, *args, **kwargs):
        # Gotta handle errors directly here, as these emails are always sent directly
        errors = get_send_mail_exceptions(request)
        if errors:
            for error in errors:
                messages.error(request, error)
            return redirect(self.request.event.orga_urls.outbox)
        return super().dispatch(request, *args, **kwargs)

    def get_success_url(self):
        return self.request.event.orga_urls.outbox

    def form_valid(self, form):
        if self.request.POST.get("action") == "preview":
            return super().form_valid(form)
        sent = form.save()
        messages.success(
            self.request, _("{count} emails have been sent.").format(count=len(sent))
        )
        return redirect(self.get_success_url())


class ComposeSessionMail(Filterable, ComposeMailBaseView):
    form_class = WriteSessionMailForm
    template_name = "orga/mails/compose_session_mail_form.html"

    def get_filter_options(self):
        return {
            "can_view_speakers": self.request.user.has_perm(
                "person.orga_list_speakerprofile", self.request.event
            )
        }

    def get_view_filters(self, context):
        return submission_list_filters(context)

    @context
    @cached_property
    def recipient_submissions(self):
        return self.filterset.filter(self.request.event.submissions.all())

    @context
    @cached_property
    def recipient_speaker_count(self):
        return (
            SpeakerProfile.objects.filter(
                event=self.request.event, submissions__in=self.recipient_submissions
            )
            .distinct()
            .count()
        )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["filtered_submissions"] = self.recipient_submissions
        kwargs["has_filters"] = self.filterset.is_active
        initial = kwargs.get("initial", {})
        if "submissions" in self.request.GET:
            initial["submissions"] = list(
                self.request.event.submissions.filter(
                    code__in=self.request.GET.get("submissions").split(",")
                ).values_list("code", flat=True)
            )
        if "speakers" in self.request.GET:
            initial["speakers"] = submitters_for_event(
                self.request.event, include_bare=True
            ).filter(code__in=self.request.GET.get("speakers").split(","))
        kwargs["initial"] = initial
        return kwargs


class ComposeDraftReminders(EventPermissionRequired, TemplateView):
    template_name = "orga/mails/send_draft_reminders.html"
    permission_required = "mail.send_queuedmail"

    @context
    @cached_property
    def draft_reminder_template(self):
        return mail_template_by_role(
            self.request.event, MailTemplateRoles.DRAFT_REMINDER
        )

    @context
    def submit_buttons(self):
        return [send_button()]

    def post(self, request, *args, **kwargs):
        template = self.draft_reminder_template
        submissions = Submission.all_objects.filter(
            state=SubmissionStates.DRAFT, event=request.event
        )
        mail_count = 0
        for submission in submissions:
            for speaker in submission.sorted_speakers:
                mail = render_template_to_mail(
                    template,
                    locale=submission.get_email_locale(speaker.user.locale),
                    context_kwargs={"submission": submission, "user": speaker.user},
                )
                mail.to = speaker.user.email
                send_transient(mail)
                mail_count += 1
        messages.success(
            request, _("{count} emails have been sent.").format(count=mail_count)
        )
        return redirect(request.event.orga_urls.base)


class MailTemplateView(OrgaCRUDView):
    model = MailTemplate
    form_class = MailTemplateForm
    table_class = MailTemplateTable
    template_namespace = "orga/mails"
    messages = {
        "create": phrases.base.saved,
        "update": _(
            "The template has been saved - note that already pending emails that are based on this template will not be changed!"
        ),
        "delete": phrases.base.deleted,
    }
    create_button_label = _("New custom template")

    def get_queryset(self):
        return (
            self.request.event.mail_templates.all()
            .exclude(is_auto_created=True)
            .order_by("role")
        )

    def get_generic_title(self, instance=None):
        if instance:
            if not instance.role:
                return _("Email template") + f": {instance.subject}"
            return _("Email template") + f": {instance.get_role_display()}"
        if self.action == "create":
            return _("New email template")
        return _("Email templates")


class MailSendingStatus(EventPermissionRequired, View):
    permission_required = "mail.list_queuedmail"

    def get(self, request, *args, **kwargs):
        ids_param = request.GET.get("ids", "")
        pks = [int(pk) for pk in ids_param.split(",") if pk.isdigit()]
        if not pks:
            return HttpResponse(status=286)
        mails = list(request.event.queued_mails.filter(pk__in=pks))
        html = render_to_string(
            "orga/mails/includes/bulk_status_fragment.html",
            {"mails": mails},
            request=request,
        )
        still_sending = any(m.state == QueuedMailStates.SENDING for m in mails)
        status = 200 if still_sending else 286
        response = HttpResponse(html, status=status)
        if not still_sending:
            response["HX-Trigger"] = "updateSidebarCount"
        return response


class MailSidebarCount(EventPermissionRequired, View):
    permission_required = "mail.list_queuedmail"

    def get(self, request, *args, **kwargs):
        html = render_to_string(
            "orga/mails/sidebar_count_fragment.html",
            draft_mail_counts(request.event),
            request=request,
        )
        return HttpResponse(html)
