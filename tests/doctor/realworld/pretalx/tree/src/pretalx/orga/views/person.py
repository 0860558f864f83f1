# SPDX-FileCopyrightText: 2017-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms
import json

from django.contrib import messages
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, UpdateView, View
from django_context_decorator import context
from django_scopes import scopes_disabled

from pretalx.api.versions import CURRENT_VERSION
from pretalx.common.text.phrases import phrases
from pretalx.common.ui import Button
from pretalx.common.views.generic import FormLoggingMixin
from pretalx.common.views.helpers import is_form_bound
from pretalx.common.views.redirect import get_next_url
from pretalx.orga.views.event import EventPermissionRequired
from pretalx.person.domain.auth_token import revoke_token, upgrade_token
from pretalx.person.domain.verification import (
    cancel_email_change,
    pending_email_expired,
)
from pretalx.person.interfaces.forms import (
    AuthTokenForm,
    LoginInfoForm,
    OrgaProfileForm,
)
from pretalx.person.interfaces.forms.auth_token import AuthTokenUpdateForm


class UserSettings(TemplateView):
    form_class = LoginInfoForm
    template_name = "orga/user.html"

    def get_success_url(self) -> str:
        return reverse("orga:user.view")

    @context
    @cached_property
    def login_form(self):
        return LoginInfoForm(
            user=self.request.user,
            data=self.request.POST if is_form_bound(self.request, "login") else None,
        )

    @context
    def current_version(self):
        return CURRENT_VERSION

    @context
    @cached_property
    def profile_form(self):
        return OrgaProfileForm(
            instance=self.request.user,
            data=self.request.POST if is_form_bound(self.request, "profile") else None,
        )

    @context
    @cached_property
    def token_form(self):
        return AuthTokenForm(
            user=self.request.user,
            data=self.request.POST if is_form_bound(self.request, "token") else None,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["profile_submit"] = [Button(name="form", value="profile")]
        context["login_submit"] = [Button(name="form", value="login")]
        context["token_submit"] = [Button(name="form", value="token")]
        context["pending_email_expired"] = pending_email_expired(self.request.user)
        return context

    @transaction.atomic
    def post(self, request, *args, **kwargs):
        if request.POST.get("form") == "cancel_email_change":
            cancel_email_change(request.user)
            messages.success(request, phrases.base.email_change_cancelled)
        elif self.login_form.is_bound and self.login_form.is_valid():
            self.login_form.save()
            messages.success(request, phrases.base.saved)
            if self.login_form.email_change_requested:
                messages.info(request, phrases.base.email_change_confirmation_sent)
        elif self.profile_form.is_bound and self.profile_form.is_valid():
            self.profile_form.save()
            messages.success(request, phrases.base.saved)
            request.user.log_action("pretalx.user.profile.update")
        elif self.token_form.is_bound and self.token_form.is_valid():
            token = self.token_form.save()
            messages.info(
                request,
                _(
                    "This is your new API token. Please make sure to save it, as it will not be shown again:"
                )
                + f" {token.token}",
            )
            token.log_action(
                "pretalx.user.token.create", person=request.user, data=token.serialize()
            )
        elif token_id := request.POST.get("tokenupgrade"):
            token = request.user.api_tokens.filter(pk=token_id).first()
            if token:
                upgrade_token(token)
                messages.success(request, _("The API token has been upgraded."))
        elif token_id := request.POST.get("revoke"):
            with scopes_disabled():
                token = request.user.api_tokens.filter(pk=token_id).first()
            if token:
                revoke_token(token)
                messages.success(request, _("The API token was revoked."))
        else:
            messages.error(self.request, phrases.base.error_saving_changes)
            return self.get(request, *args, **kwargs)
        return redirect(self.get_success_url())

    @context
    @cached_property
    def tokens(self):
        with scopes_disabled():
            return self.request.user.api_tokens.order_by("-expires")


class TokenEdit(FormLoggingMixin, UpdateView):
    template_name = "orga/token_edit.html"
    form_class = AuthTokenUpdateForm
    context_object_name = "token"
    action = "update"

    def get_success_url(self) -> str:
        return reverse("orga:user.view")

    def get_object(self, queryset=None):
        with scopes_disabled():
            return get_object_or_404(
                self.request.user.api_tokens.active(), pk=self.kwargs["pk"]
            )

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["user"] = self.request.user
        return kwargs

    def get_log_kwargs(self):
        return {"person": self.request.user}

    def form_valid(self, form):
        with transaction.atomic(), scopes_disabled():
            return super().form_valid(form)


class SubuserView(View):
    def post(self, request, *args, **kwargs):
        request.user.is_administrator = request.user.is_superuser
        request.user.is_superuser = False
        request.user.save(update_fields=["is_administrator", "is_superuser"])
        messages.success(
            request, _("You are now an administrator instead of a superuser.")
        )
        if url := get_next_url(request):
            return redirect(url)
        return redirect(reverse("orga:event.list"))


class PreferencesView(EventPermissionRequired, View):
    permission_required = "event.orga_access_event"

    def post(self, request, *args, **kwargs):
        try:
            data = json.loads(request.body)
            table_name = data.get("table_name")
            reset = data.get("reset", False)

            if not table_name:
                return JsonResponse({"error": "table_name is required"}, status=400)

            preferences = request.user.get_event_preferences(request.event)

            if reset:
                preferences.clear(f"tables.{table_name}.columns", commit=False)
                preferences.clear(f"tables.{table_name}.ordering", commit=True)
            else:
                columns = data.get("columns")
                ordering = data.get("ordering")

                if columns is not None:
                    if not isinstance(columns, list):
                        return JsonResponse(
                            {"error": "columns must be a list"}, status=400
                        )
                    preferences.set(
                        f"tables.{table_name}.columns", columns, commit=False
                    )

                if ordering is not None:
                    if not isinstance(ordering, list):
                        return JsonResponse(
                            {"error": "ordering must be a list"}, status=400
                        )
                    if ordering:
                        preferences.set(
                            f"tables.{table_name}.ordering", ordering, commit=False
                        )
                    else:
                        preferences.clear(f"tables.{table_name}.ordering", commit=False)

                preferences.save()

            return JsonResponse({"success": True})

        except json.JSONDecodeError:
            return JsonResponse({"error": "Invalid JSON"}, status=400)
        except (
            ValueError,
            KeyError,
            AttributeError,
        ) as e:  # pragma: no cover – defensive; preferences model validates inputs before this point
            return JsonResponse({"error": str(e)}, status=500)
