"""Letters: what a privacy request says, and every form it leaves in. Plain Python, no models.

Public API (other apps call exactly these; extend, never rename)::

    from apps.letters import (
        Requester, PolicyQuote, Letter, Block, compose_request, plan_request, RequestPlan,
        as_text, mailto, eml_bytes, pdf_bytes, web_routes, filename, body_sha256,
    )

- ``compose_request(*, recipient, rights, regimes, requester, today, company_country=None,
  quotes=()) -> Letter``: the request letter (subject, greeting, body blocks, closing) for a
  :class:`~apps.catalog.recipients.Recipient`, rights among ``apps.deadlines.RIGHTS``, the
  regimes ``apps.deadlines.applicable_regimes`` gave (strongest first) and the person. It cites
  each regime's provisions (laws.md), maps a right a regime lacks onto the ones it grants and
  says why, states every deadline as a date counted from receipt (today as the example), asks
  for written confirmation, and for training opt-outs asks about data already used and models
  already trained. ``quotes``: catalog clauses; only primary-graded ones are ever quoted.
  ``Letter.notes`` are for the app (what to check; "no statutory deadline"), never the letter.
- ``plan_request(rights, regimes, received_on, *, country, region, company_country) ->
  RequestPlan``: the legal ground of each right under each regime and every deadline
  (``plan.regime`` is the regime whose dates the tracker follows, ``plan.governing`` its
  deadlines). The tracker recomputes dates with it from the stored inputs.
- Outputs, one function each, shared by every kind of letter (follow-ups and complaints in
  issue 6 build a ``Letter`` and reuse them): ``as_text``, ``mailto`` (None without an email
  address; ``.fits`` False past ``MAILTO_LIMIT``), ``eml_bytes`` (RFC 5322, UTF-8,
  ``X-Unsent: 1``), ``pdf_bytes`` (WeasyPrint; fetches nothing outside ``pdf_assets/``),
  ``web_routes`` (steps for a web form or in-app setting, with the text to paste),
  ``filename(letter, ext)``.
- ``compose_followup(*, original, sent_on, deadlines, today, answered_on=None, incomplete=False)``
  (:mod:`apps.letters.followup`): the follow-up to an unanswered or incomplete request, citing
  the date sent, each deadline's provision and date, and the authority it may go to next.
- ``complaint_authorities(deadlines, recipient)`` and ``compose_complaint(*, original,
  timeline, deadlines, authority, today, enclosures=(), status_sentence="")``
  (:mod:`apps.letters.complaint`): the complaint to the competent authority (the catalog's lead
  authority first under the GDPR), with the chronology (``TimelineLine``) and the enclosures.
"""

from apps.letters.complaint import TimelineLine, complaint_authorities, compose_complaint
from apps.letters.content import (
    Block,
    Letter,
    PolicyQuote,
    Requester,
    body_sha256,
    long_date,
    paper_size,
    usable_quotes,
    weekday_date,
)
from apps.letters.followup import compose_followup
from apps.letters.outputs import (
    MAILTO_LIMIT,
    as_text,
    eml_bytes,
    filename,
    mailto,
    pdf_bytes,
    web_routes,
)
from apps.letters.plan import RequestPlan, plan_request
from apps.letters.request import compose_request

__all__ = [
    "MAILTO_LIMIT",
    "Block",
    "Letter",
    "PolicyQuote",
    "RequestPlan",
    "Requester",
    "TimelineLine",
    "as_text",
    "body_sha256",
    "complaint_authorities",
    "compose_complaint",
    "compose_followup",
    "compose_request",
    "eml_bytes",
    "filename",
    "long_date",
    "mailto",
    "paper_size",
    "pdf_bytes",
    "plan_request",
    "usable_quotes",
    "web_routes",
    "weekday_date",
]
