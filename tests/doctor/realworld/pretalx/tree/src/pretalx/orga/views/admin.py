# SPDX-FileCopyrightText: 2019-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

import smtplib
import sys

from django.conf import settings
from django.contrib import messages
from django.core import cache
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from django_context_decorator import context
from django_scopes import scopes_disabled

from pretalx.celery_app import app
from pretalx.common.domain.queries.log import actions_by
from pretalx.common.exceptions import UserDeletionError
from pretalx.common.models import ActivityLog
from pretalx.common.models.settings import GlobalSettings
from pretalx.common.text.phrases import phrases
from pretalx.common.update_check import check_result_table, update_check
from pretalx.common.views.generic import OrgaCRUDView
from pretalx.common.views.mixins import PermissionRequired
from pretalx.common.views.pagination import LargeResultSetPaginator
from pretalx.mail.tasks import task_send_transient
from pretalx.orga.forms.admin import UpdateSettingsForm
from pretalx.orga.tables.admin import AdminUserTable
from pretalx.orga.views.event import LogDetailView
from pretalx.person.domain.user import deactivate_user, reset_password, shred_user
from pretalx.person.domain.verification import (
    pending_email_expired,
    set_verification_state,
)
from pretalx.person.enums import EmailVerificationState
from pretalx.person.models import User
from pretalx.submission.models import Submission


class AdminDashboard(PermissionRequired, TemplateView):
    template_name = "orga/admin/admin.html"
    permission_required = "person.administrator_user"

    @context
    def queue_length(self):
        if settings.CELERY_TASK_ALWAYS_EAGER:
            return None
        try:
            client = app.broker_connection().channel().client
            return client.llen("celery")  # pragma: no cover — requires live broker
        except OSError as e:
            return str(e)

    @context
    def executable(self):
        return sys.executable

    @context
    def pretalx_version(self):
        return settings.PRETALX_VERSION


class TestMailView(PermissionRequired, View):
    permission_required = "person.administrator_user"

    def post(self, request, *args, **kwargs):
        if not settings.ADMINS:
            messages.error(
                request,
                _(
                    "No administrator email addresses are configured. "
                    "Please set the 'email' option in the [logging] section of your configuration."
                ),
            )
            return redirect(reverse("orga:admin.dashboard"))

        admin_emails = list(settings.ADMINS)

        try:
            task_send_transient.apply(
                kwargs={
                    "to": admin_emails,
                    "subject": str(_("pretalx test email")),
                    "body": str(
                        _(
                            "This is a test email from pretalx to verify your system email configuration is working correctly."
                        )
                    ),
                    "html": None,
                }
            )
            messages.success(
                request,
                _("Test email sent successfully to: {emails}").format(
                    emails=", ".join(admin_emails)
                ),
            )
        except (OSError, smtplib.SMTPException) as e:
            messages.error(
                request, _("Failed to send test email: {error}").format(error=str(e))
            )

        return redirect(reverse("orga:admin.dashboard"))


class UpdateCheckView(PermissionRequired, FormView):
    template_name = "orga/admin/update.html"
    permission_required = "person.administrator_user"
    form_class = UpdateSettingsForm

    def post(self, request, *args, **kwargs):
        if "trigger" in request.POST:
            update_check.apply()
            return redirect(self.get_success_url())
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        form.save()
        messages.success(self.request, phrases.base.saved)
        return super().form_valid(form)

    def form_invalid(self, form):
        messages.error(self.request, phrases.base.error_saving_changes)
        return super().form_invalid(form)

    def get_context_data(self, **kwargs):
        result = super().get_context_data(**kwargs)
        result["gs"] = GlobalSettings()
        result["gs"].settings.set("update_check_ack", True)
        return result

    @context
    def result_table(self):
        return check_result_table()

    def get_success_url(self):
        return reverse("orga:admin.update")


class AdminUserView(OrgaCRUDView):
    model = User
    table_class = AdminUserTable
    permission_required = "person.administrator_user"
    paginate_by = 250
    paginator_class = LargeResultSetPaginator
    lookup_field = "code"
    path_converter = "slug"
    template_namespace = "orga/admin"
    extra_actions = {"detail": {"get": "detail", "post": "trigger_password_reset"}}
    detail_is_update = False

    def get_history_entries(self):
        with scopes_disabled():
            return list(actions_by(self.object)[:200])

    def get_queryset(self):
        if self.action == "list":
            search = self.request.GET.get("q", "").strip()
            if not search or len(search) < 3:
                return User.objects.none()
            qs = User.objects.filter(
                Q(name__icontains=search) | Q(email__icontains=search)
            )
        else:
            qs = User.objects.all()
        return qs.prefetch_related(
            "teams",
            "teams__organiser",
            "teams__organiser__events",
            "teams__limit_events",
        ).annotate(submission_count=Count("profiles__submissions", distinct=True))

    def has_permission(self, *args):
        return self.request.user.is_administrator

    def trigger_password_reset(self, request, *args, **kwargs):
        user = self.get_object()
        reset_password(user, event=None)
        messages.success(request, phrases.base.password_reset_success)
        return redirect(self.get_success_url())

    def get_success_url(self):
        return reverse("orga:admin.user.list")

    def get_context_data(self, **kwargs):
        result = super().get_context_data(**kwargs)
        if self.action == "detail":
            result["pending_email_expired"] = pending_email_expired(self.object)
            result["teams"] = self.object.teams.prefetch_related(
                "organiser", "limit_events", "organiser__events"
            )
            with scopes_disabled():
                result["submissions"] = Submission.objects.filter(
                    speakers__user=self.object
                )
            result["tablist"] = {
                "teams": _("Teams"),
                "submissions": _("Proposals"),
                **self.history_tablist,
            }
            result["history_with_objects"] = True
            result["history_show_event"] = True
        return result

    def get_generic_title(self, instance=None):
        if instance:
            return instance.name
        return _("Users")

    def perform_delete(self):
        with scopes_disabled():
            try:
                shred_user(self.object)
            except UserDeletionError:
                deactivate_user(self.object)
        messages.success(self.request, _("The user has been deleted."))


class AdminUserVerificationView(PermissionRequired, View):
    permission_required = "person.administrator_user"

    def post(self, request, *args, **kwargs):
        user = get_object_or_404(User, code=kwargs["code"])
        state = request.POST.get("state")
        if state in (
            EmailVerificationState.VERIFIED,
            EmailVerificationState.UNVERIFIED,
        ):
            set_verification_state(user, state, actor=request.user)
            messages.success(request, phrases.base.saved)
        else:
            messages.error(request, phrases.base.error_saving_changes)
        return redirect(reverse("orga:admin.user.detail", kwargs={"code": user.code}))


class AdminLogDetail(PermissionRequired, LogDetailView):
    permission_required = "person.administrator_user"

    def get_object(self, queryset=None):
        with scopes_disabled():
            return get_object_or_404(
                ActivityLog, pk=self.kwargs["pk"], event__isnull=True
            )


def healthcheck(request):
    User.objects.exists()

    cache.cache.set("_healthcheck", "1")
    if cache.cache.get("_healthcheck") != "1":
        return HttpResponse("Cache not available.", status=503)

    return HttpResponse()
