"""Every form in the app, ours and allauth's, renders with one field markup.

``{{ form }}`` and ``{{ field.as_field_group }}`` use ``templates/forms/form.html`` and
``templates/forms/field.html``: a label above the input, help text and errors tied to the input
with ``aria-describedby`` (Django adds it), a ``field-error`` class on the wrapper when the field
has errors. Widget templates still come from ``django.forms`` (in INSTALLED_APPS).
"""

from __future__ import annotations

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
