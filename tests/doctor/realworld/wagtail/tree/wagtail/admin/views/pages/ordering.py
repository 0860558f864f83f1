import swapper
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views import View

Page = swapper.load_model("wagtailcore", "Page")


class SetPagePositionView(View):
    def post(self, request, page_to_move_id, *args, **kwargs):
        page_to_move = get_object_or_404(Page, id=page_to_move_id)
        parent_page = page_to_move.get_parent()

        if not parent_page.permissions_for_user(request.user).can_reorder_children():
            raise PermissionDenied

        # Get position parameter
        position = request.GET.get("position", None)

        # Find page that's already in this position
        position_page = None
        if position is not None:
            try:
                position_page = parent_page.get_children()[int(position)]
            except (IndexError, ValueError):
                pass  # No page in this position

        # Move page

        # any invalid moves *should* be caught by the permission check above,
        # so don't bother to catch InvalidMoveToDescendant

        if position_page:
            # If the page has been moved to the right, insert it to the
            # right. If left, then left.
            old_position = list(parent_page.get_children()).index(page_to_move)
            if int(position) < old_position:
                page_to_move.move(position_page, pos="left", user=request.user)
            elif int(position) > old_position:
                page_to_move.move(position_page, pos="right", user=request.user)
        else:
            # Move page to end
            page_to_move.move(parent_page, pos="last-child", user=request.user)

        return HttpResponse("")
