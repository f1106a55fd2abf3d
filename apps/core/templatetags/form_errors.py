"""``{% error_summary form … %}`` and ``{% error_title form … %}``: see apps.core.forms."""

from __future__ import annotations

from typing import Any

from django import template

from apps.core.forms import error_items

register = template.Library()


@register.inclusion_tag("forms/error_summary.html")
def error_summary(*forms: Any) -> dict[str, Any]:
    return {"items": error_items(*forms)}


@register.simple_tag
def error_title(*forms: Any) -> str:
    """ "Error: " when any of the forms has an error (the page title's prefix), else ""."""
    return "Error: " if error_items(*forms) else ""
