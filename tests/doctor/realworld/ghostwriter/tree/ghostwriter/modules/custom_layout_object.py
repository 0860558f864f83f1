"""This contains all of the custom `crispy_forms.layout.LayoutObject` objects used by Ghostwriter."""

# 3rd Party Libraries
from crispy_forms.bootstrap import Container
from crispy_forms.layout import TEMPLATE_PACK, Field, LayoutObject

# Django Imports
from django.template.loader import render_to_string
from django.utils.text import slugify


class Formset(LayoutObject):
    """
    Custom ``Formset()`` object for use with ``crispy_forms`` forms.

    **Template**

    :template:`formset.html`
    """

    # Default form used for rendering the formset
    template = "formset.html"
    # A name for the formset object that can be used in the template
    # e.g., "Add {{ object_name }}" to insert "Add Objective"
    object_context_name = "Another"

    def __init__(
        self,
        formset_context_name,
        template=None,
        helper_context_name=None,
        object_context_name=None,
    ):
        super().__init__()
        self.formset_context_name = formset_context_name
        self.helper_context_name = helper_context_name
        if object_context_name:
            self.object_context_name = object_context_name
        if template:
            self.template = template
        # crispy_forms/layout.py:302 requires us to have a fields property
        self.fields = []

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        formset = context.get(self.formset_context_name)
        helper = context.get(self.helper_context_name)
        object_name = self.object_context_name

        # Form closes prematurely if this isn't explicitly stated
        if helper:
            helper.form_tag = False
        context.update({"formset": formset, "helper": helper, "object_name": object_name})
        return render_to_string(self.template, context.flatten())


class CustomTab(Container):
    """
    Custom version of the ``Tab()`` object for use with ``crispy_forms`` forms ``TabHolder()``.

    Wraps fields in a div whose default class is "tab-pane" and takes a name as first argument.

    Replaces ``Tab()`` from:
        crispy_forms/bootstrap.py#L275

    **Template**

    :template:`tab-link.html`
    """

    # Default form used for rendering the formset
    link_template = "tab-link.html"
    # Default CSS class for the tab pane
    css_class = "tab-pane"

    def __init__(self, name, *fields, **kwargs):
        link_css_class = kwargs.pop("link_css_class", None)
        tab_hash_id = kwargs.pop("css_id", None) or slugify(name, allow_unicode=True)
        super().__init__(name, *fields, css_id=f"tab-pane-{tab_hash_id}", **kwargs)
        self.link_css_class = link_css_class
        self.tab_hash = f"#{tab_hash_id}"

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        css_classes = self.css_class.split()
        if self.active:
            if "active" not in css_classes:
                css_classes.append("active")
        else:
            css_classes = [css_class for css_class in css_classes if css_class != "active"]
        self.css_class = " ".join(css_classes)
        return super().render(form, context, template_pack, **kwargs)

    def render_link(self, template_pack=TEMPLATE_PACK, **kwargs):
        """
        Render the link for the tab-pane. It must be called after ``render()`` so
        ``css_class`` is updated with active if needed.
        """
        link_template = self.link_template
        return render_to_string(link_template, {"link": self})


class SwitchToggle(Field):
    """
    Custom ``Field()`` object for use with ``crispy_forms`` forms. This object transforms
    a checkbox into a toggle switch.

    **Template**

    :template:`switch.html`
    """

    template = "switch.html"
