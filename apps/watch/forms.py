from __future__ import annotations

from typing import Any

from django import forms

from .dates import person_date
from .models import Snapshot


class CompareForm(forms.Form):
    """Two versions of a document to compare (GET: ``?from=2&to=5``), older first."""

    def __init__(
        self, *args: Any, versions: list[Snapshot], user: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [
            (v.number, f"Version {v.number} ({person_date(v.fetched_at, user)})") for v in versions
        ]
        self.fields["from"] = forms.TypedChoiceField(label="From", choices=choices, coerce=int)
        self.fields["to"] = forms.TypedChoiceField(label="To", choices=choices, coerce=int)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        older, newer = data.get("from"), data.get("to")
        if older is not None and newer is not None:
            if older == newer:
                raise forms.ValidationError("Choose two different versions to compare.")
            data["from"], data["to"] = min(older, newer), max(older, newer)
        return data
