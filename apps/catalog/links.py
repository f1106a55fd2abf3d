"""Where a privacy request starts: the one place that builds those links.

The request generator (issue 5) will serve ``/request/new/``. Until it lands this builds the URL
by hand; when it does, switch the base to ``reverse("generator:new")`` here and every button on
the catalog pages follows.
"""

from __future__ import annotations

from urllib.parse import urlencode

from .vocabulary import RIGHTS

REQUEST_NEW_PATH = "/request/new/"

# The buttons a platform page shows, in order: (want, label).
REQUEST_BUTTONS: tuple[tuple[str, str], ...] = (
    ("object", "Stop training on my data"),
    ("delete", "Delete my data"),
    ("access", "Ask what they hold about me"),
)


def request_start_url(*, want: str, platform: str = "", custom: bool = False) -> str:
    """``/request/new/?platform=<slug>&want=<right>``; ``custom`` asks for a recipient of your own.

    ``want`` is one of the rights in DEVELOPERS.md ("object", "delete", "access", …).
    """
    if want not in RIGHTS:
        raise ValueError(f"unknown right {want!r}; expected one of {', '.join(RIGHTS)}")
    params = {}
    if platform:
        params["platform"] = platform
    params["want"] = want
    if custom:
        params["recipient"] = "custom"
    return f"{REQUEST_NEW_PATH}?{urlencode(params)}"
