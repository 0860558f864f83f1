# SPDX-FileCopyrightText: 2018-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from django.views.generic import TemplateView
from django_context_decorator import context

from pretalx.common.plugins import get_all_plugins_grouped
from pretalx.common.text.phrases import phrases
from pretalx.common.views.mixins import EventPermissionRequired
from pretalx.event.domain.plugins import disable_plugin, enable_plugin


class EventPluginsView(EventPermissionRequired, TemplateView):
    template_name = "orga/plugins.html"
    permission_required = "event.update_event"

    def _resolve_links(self, plugin, attr):
        links = getattr(plugin, attr, None) or []
        result = []
        for label, url_name, kwargs in links:
            try:
                url = reverse(
                    url_name, kwargs={"event": self.request.event.slug, **kwargs}
                )
                result.append((url, str(label)))
            except NoReverseMatch:
                pass
        return result

    @context
    @cached_property
    def grouped_plugins(self):
        grouped = get_all_plugins_grouped(self.request.event)
        active = self.request.event.plugin_list
        for plugins in grouped.values():
            for plugin in plugins:
                if plugin.module in active:
                    plugin.resolved_settings_links = self._resolve_links(
                        plugin, "settings_links"
                    )
                    plugin.resolved_navigation_links = self._resolve_links(
                        plugin, "navigation_links"
                    )
                else:
                    plugin.resolved_settings_links = []
                    plugin.resolved_navigation_links = []
        return grouped

    @context
    def tablist(self):
        return dict(self.grouped_plugins.keys())

    @context
    @cached_property
    def plugins_active(self):
        return self.request.event.plugin_list

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            for key, value in request.POST.items():
                if key.startswith("plugin:"):
                    module = key.split(":", maxsplit=1)[1]
                    if (
                        value == "enable"
                        and module in self.request.event.available_plugins
                    ):
                        enable_plugin(
                            self.request.event, module, user=self.request.user
                        )
                    else:
                        disable_plugin(
                            self.request.event, module, user=self.request.user
                        )
            messages.success(self.request, phrases.base.saved)
        return redirect(self.request.event.orga_urls.plugins)
