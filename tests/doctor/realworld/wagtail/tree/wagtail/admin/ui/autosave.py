from wagtail.admin.ui.components import Component


class AutosaveIndicator(Component):
    template_name = "wagtailadmin/shared/autosave/indicator.html"
