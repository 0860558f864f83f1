import uuid

import swapper
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.views import View

from wagtail.admin.views.generic.preview import PreviewOnEdit as GenericPreviewOnEdit

Page = swapper.load_model("wagtailcore", "Page")


class ViewDraftView(View):
    def dispatch(self, request, page_id, *args, **kwargs):
        page = get_object_or_404(Page, id=page_id).get_latest_revision_as_object()
        perms = page.permissions_for_user(request.user)
        if not (perms.can_publish() or perms.can_edit()):
            raise PermissionDenied

        try:
            preview_mode = request.GET.get("mode", page.default_preview_mode)
        except IndexError as e:
            raise PermissionDenied from e

        return page.make_preview_request(request, preview_mode)


class PreviewOnEditView(GenericPreviewOnEdit):
    def get_object(self):
        page = get_object_or_404(
            Page.objects.select_related("latest_revision"),
            id=self.kwargs["page_id"],
        ).get_latest_revision_as_object()
        page_perms = page.permissions_for_user(self.request.user)
        if not page_perms.can_edit():
            raise PermissionDenied
        return page

    def get_form(self, query_dict):
        form_class = self.object.get_edit_handler().get_form_class()
        parent_page = self.object.get_parent().specific

        if not query_dict:
            # Query dict is empty, return null form
            return form_class(
                instance=self.object,
                parent_page=parent_page,
                for_user=self.request.user,
            )

        query_dict = query_dict.copy()

        if not query_dict.get("title"):
            query_dict["title"] = gettext("Placeholder title")

        # Generate a random slug if one is not provided, use UUID to ensure
        # uniqueness without needing to hit the database
        if not query_dict.get("slug"):
            query_dict["slug"] = str(uuid.uuid4())

        return form_class(
            query_dict,
            instance=self.object,
            parent_page=parent_page,
            for_user=self.request.user,
        )


class PreviewOnCreateView(PreviewOnEditView):
    @cached_property
    def content_type(self):
        content_type_app_name = self.kwargs["content_type_app_name"]
        content_type_model_name = self.kwargs["content_type_model_name"]
        try:
            return ContentType.objects.get_by_natural_key(
                content_type_app_name, content_type_model_name
            )
        except ContentType.DoesNotExist as e:
            raise Http404 from e

    @cached_property
    def parent_object_id(self):
        return self.kwargs["parent_page_id"]

    def get_object(self):
        page = self.content_type.model_class()()
        parent_page = get_object_or_404(Page, id=self.parent_object_id).specific
        parent_page_perms = parent_page.permissions_for_user(self.request.user)
        if not parent_page_perms.can_add_subpage():
            raise PermissionDenied

        # We need to populate treebeard's path / depth fields in order to
        # pass validation. We can't make these 100% consistent with the rest
        # of the tree without making actual database changes (such as
        # incrementing the parent's numchild field), but by calling treebeard's
        # internal _get_path method, we can set a 'realistic' value that will
        # hopefully enable tree traversal operations
        # to at least partially work.
        page.depth = parent_page.depth + 1
        # Puts the page at the next available path
        # for a child of `parent_page`.
        if parent_page.is_leaf():
            # set the path as the first child of parent_page
            page.path = page._get_path(parent_page.path, page.depth, 1)
        else:
            # add the new page after the last child of parent_page
            page.path = parent_page.get_last_child()._inc_path()

        return page

    def get_form(self, query_dict):
        form = super().get_form(query_dict)
        if self.validate_form(form):
            # Ensures our unsaved page has a suitable url.
            form.instance.set_url_path(form.parent_page)

            form.instance.minimal_clean()
        return form
