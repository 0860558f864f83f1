from .current import AdminImageMixin

AdminInlineImageMixin = AdminImageMixin # backwards compatibility
