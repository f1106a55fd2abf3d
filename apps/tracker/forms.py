"""Forms for the timeline: one per event kind (a date, and what that kind needs), and the date
correction. They parse and validate input only; the lifecycle decides what may happen."""

from __future__ import annotations

import email
import email.policy
from datetime import date
from typing import Any

from django import forms

from .lifecycle import Event, EventKind

# A pasted or uploaded reply is kept as text in the event's details.
REPLY_MAX_CHARS = 100_000
REPLY_MAX_BYTES = 256 * 1024
REPLY_EXTENSIONS = (".txt", ".eml")

# What each kind asks for besides the date (and the button that records it).
BUTTONS = {
    EventKind.SENT: "Mark as sent",
    EventKind.ACKNOWLEDGED: "Record the acknowledgement",
    EventKind.EXTENSION_CLAIMED: "Record the extension",
    EventKind.RESPONSE_RECEIVED: "Record the reply",
    EventKind.FULFILLED: "Mark fulfilled",
    EventKind.PARTLY_FULFILLED: "Mark partly fulfilled",
    EventKind.REFUSED: "Mark refused",
    EventKind.WITHDRAWN: "Withdraw the request",
    EventKind.FOLLOW_UP_SENT: "I sent the follow-up",
    EventKind.COMPLAINT_FILED: "I filed the complaint",
}
DATE_LABELS = {
    EventKind.SENT: "Date you sent it",
    EventKind.ACKNOWLEDGED: "Date they acknowledged receipt",
    EventKind.EXTENSION_CLAIMED: "Date they told you about the extension",
    EventKind.RESPONSE_RECEIVED: "Date of their reply",
    EventKind.WITHDRAWN: "Date you withdrew it",
    EventKind.FOLLOW_UP_SENT: "Date you sent the follow-up",
    EventKind.COMPLAINT_FILED: "Date you filed the complaint",
}
RECORDABLE = tuple(BUTTONS)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class EventForm(forms.Form):
    occurred_on = forms.DateField(widget=DateInput())

    def __init__(self, kind: EventKind, *args: Any, today: date, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", kind.value)
        kwargs.setdefault("initial", {"occurred_on": today})
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.today = today
        self.fields["occurred_on"].label = DATE_LABELS.get(kind, "Date")
        self.fields["occurred_on"].widget.attrs["max"] = today.isoformat()
        self.fields["occurred_on"].help_text = "Today unless you change it; never in the future."
        if kind == EventKind.EXTENSION_CLAIMED:
            self.fields["reason"] = forms.CharField(
                label="The reason they gave",
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text="As the company stated it (the law requires them to give one).",
                error_messages={
                    "required": "Give the reason they gave for the extension: the law "
                    "requires one, and a complaint may rely on it."
                },
            )
        if kind == EventKind.RESPONSE_RECEIVED:
            self.fields["reply"] = forms.CharField(
                label="Their reply (paste it)",
                required=False,
                max_length=REPLY_MAX_CHARS,
                widget=forms.Textarea(attrs={"rows": 6}),
            )
            self.fields["reply_file"] = forms.FileField(
                label="…or upload it",
                required=False,
                help_text="A .txt or .eml file up to 256 KB; its text is kept with the request.",
            )
        if kind in {EventKind.PARTLY_FULFILLED, EventKind.REFUSED}:
            self.fields["note"] = forms.CharField(
                label="What they said or left out (optional)",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    @property
    def button(self) -> str:
        return BUTTONS[self.kind]

    @property
    def needs_files(self) -> bool:
        return "reply_file" in self.fields

    def clean_reply_file(self) -> str:
        upload = self.cleaned_data.get("reply_file")
        if not upload:
            return ""
        if not upload.name.lower().endswith(REPLY_EXTENSIONS):
            raise forms.ValidationError("Upload a .txt or .eml file, or paste the reply instead.")
        if upload.size > REPLY_MAX_BYTES:
            raise forms.ValidationError("That file is larger than 256 KB: paste the reply.")
        raw = upload.read(REPLY_MAX_BYTES + 1)
        if upload.name.lower().endswith(".eml"):
            message = email.message_from_bytes(raw, policy=email.policy.default)
            part = message.get_body(preferencelist=("plain",))
            if part is None:
                raise forms.ValidationError("That email has no plain-text part: paste the reply.")
            return str(part.get_content())[:REPLY_MAX_CHARS]
        try:
            return raw.decode("utf-8")[:REPLY_MAX_CHARS]
        except UnicodeDecodeError as error:
            raise forms.ValidationError("That file is not UTF-8 text: paste the reply.") from error

    def details(self) -> dict[str, str]:
        """What the event keeps besides its date."""
        data = self.cleaned_data
        details = {}
        if data.get("reason"):
            details["reason"] = data["reason"].strip()
        reply = (data.get("reply") or "").strip() or (data.get("reply_file") or "").strip()
        if reply:
            details["reply"] = reply
        if data.get("note"):
            details["note"] = data["note"].strip()
        return details


class CorrectionForm(forms.Form):
    event = forms.TypedChoiceField(label="Which entry", coerce=int)
    occurred_on = forms.DateField(label="The right date", widget=DateInput())

    def __init__(self, events: tuple[Event, ...], *args: Any, today: date, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "correct")
        super().__init__(*args, **kwargs)
        self.fields["event"].choices = [
            (e.id, f"{e.kind.label} — {e.occurred_on:%-d %b %Y}")
            for e in events
            if e.kind != EventKind.DATE_CORRECTED and e.id is not None
        ]
        self.fields["occurred_on"].widget.attrs["max"] = today.isoformat()
