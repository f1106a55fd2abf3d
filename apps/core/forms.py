"""Every form in the app, ours and allauth's, renders with one field markup.

``{{ form }}`` and ``{{ field.as_field_group }}`` use ``templates/forms/form.html`` and
``templates/forms/field.html``: a label above the input, help text and errors tied to the input
with ``aria-describedby`` (Django adds it), a ``field-error`` class on the wrapper when the field
has errors. Widget templates still come from ``django.forms`` (in INSTALLED_APPS).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.renderers import TemplatesSetting
from django.http import HttpRequest, QueryDict


class FormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


# --- The error summary ------------------------------------------------------------------------
# After a server-side error every page shows, at the top of its content, one summary listing
# each problem as a link to its field (GOV.UK's pattern); static/js/site.js moves the focus to
# it, and the page's <title> starts with "Error: ". base.html renders it for a context variable
# named ``form``; a page with several forms overrides the blocks ``title_prefix`` and
# ``error_summary`` with ``{% error_title a b %}`` / ``{% error_summary a b %}``.


@dataclass(frozen=True)
class ErrorItem:
    message: str
    href: str  # "#id" of the field to fix, "" when no single field is at fault


MULTIPLE_INPUT_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple)


def field_anchor(bound: forms.BoundField) -> str:
    """The id of the first input a person would fix for this field."""
    if isinstance(bound.field.widget, MULTIPLE_INPUT_WIDGETS) and bound.auto_id:
        return f"{bound.auto_id}_0"
    return bound.id_for_label or bound.auto_id or ""


def error_items(*candidates: Any) -> list[ErrorItem]:
    """Every error of every bound form given (lists of forms are opened; non-forms and unbound
    forms are skipped), in the order the fields appear, each message once."""
    items: list[ErrorItem] = []
    seen: set[tuple[str, str]] = set()

    def add(message: str, href: str) -> None:
        if (message, href) not in seen:
            seen.add((message, href))
            items.append(ErrorItem(message, href))

    flat: list[Any] = []
    for candidate in candidates:
        flat.extend(candidate if isinstance(candidate, list | tuple) else [candidate])
    for form in flat:
        if not isinstance(form, forms.BaseForm) or not form.is_bound or not form.errors:
            continue
        visible = list(form.visible_fields())
        first = f"#{field_anchor(visible[0])}" if visible else ""
        for message in form.non_field_errors():
            add(str(message), first)
        for bound in form:
            for message in bound.errors:
                if bound.is_hidden:
                    add(str(message), first)
                else:
                    add(str(message), f"#{field_anchor(bound)}")
    return items


# --- Post/Redirect/Get for a form with errors -------------------------------------------------
# A form posted to its own action URL (e.g. /requests/<code>/events/sent/) that has errors is not
# rendered there: what was typed and the errors wait in the signed-in person's session for one
# request, the view redirects to the page the form lives on, and that page binds the form again
# (``restore_invalid``), so the URL stays the page's own and reload never re-posts.

PENDING_KEY = "forms.pending.{}"


def keep_invalid(request: HttpRequest, key: str, form: forms.BaseForm) -> None:
    """Keep ``form``'s typed values and errors for the next page of this session."""
    data = form.data
    typed = {
        name: [str(v) for v in data.getlist(name)]
        if hasattr(data, "getlist")
        else [str(data[name])]
        for name in data
        if name != "csrfmiddlewaretoken"
    }
    errors = {field: [str(m) for m in messages] for field, messages in form.errors.items()}
    if any(form.files.get(form.add_prefix(name)) for name in form.fields):
        errors.setdefault("__all__", []).append(
            "Choose the file again: a file is not kept when the form comes back with a problem."
        )
    request.session[PENDING_KEY.format(key)] = {"data": typed, "errors": errors}


def restore_invalid(
    request: HttpRequest, key: str, make_form: Callable[[QueryDict], forms.BaseForm]
) -> forms.BaseForm | None:
    """The form kept by :func:`keep_invalid`, bound again with its errors (once), or None."""
    pending = request.session.pop(PENDING_KEY.format(key), None)
    if not isinstance(pending, dict):
        return None
    data = QueryDict(mutable=True)
    for name, values in (pending.get("data") or {}).items():
        data.setlist(name, values)
    form = make_form(data)
    form.is_valid()
    for field, messages in (pending.get("errors") or {}).items():
        name = None if field == NON_FIELD_ERRORS else field
        if name is not None and name not in form.fields:
            continue
        for message in messages:
            if message not in form.errors.get(field or NON_FIELD_ERRORS, []):
                form.add_error(name, message)
    return form
