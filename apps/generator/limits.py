"""How often one client may have a PDF letter rendered (each render costs ~185 ms of CPU).

A fixed window per client in the shared cache, the store allauth's sign-in limits use (database
or Redis, never per-process memory). The client is allauth's idea of it: its adapter reads the
address after ``TRUSTED_PROXY_COUNT`` proxies (``ALLAUTH_TRUSTED_PROXY_COUNT``); IPv6 clients are
counted per /64, as allauth does. Signed-in people are counted per account, with a higher limit.
Settings: ``GENERATOR_PDF_LIMIT_ANONYMOUS`` and ``GENERATOR_PDF_LIMIT_SIGNED_IN``, each
``(renders, seconds)`` (the renders from the environment variables of the same names);
``None`` turns a limit off.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

logger = logging.getLogger(__name__)


def client_key(request: HttpRequest) -> str:
    from allauth.account.adapter import get_adapter

    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    address = get_adapter().get_client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return f"ip:{address}"
    if isinstance(ip, ipaddress.IPv6Address):
        return f"ip:{ipaddress.IPv6Network(f'{ip}/64', strict=False).network_address}"
    return f"ip:{ip}"


def _limit(request: HttpRequest) -> tuple[int, int] | None:
    if request.user.is_authenticated:
        return settings.GENERATOR_PDF_LIMIT_SIGNED_IN
    return settings.GENERATOR_PDF_LIMIT_ANONYMOUS


def retry_after(request: HttpRequest) -> int | None:
    """None when this render is allowed (and counted); else the seconds until the next one."""
    limit = _limit(request)
    if limit is None:
        return None
    renders, seconds = limit
    now = time.time()
    window = int(now // seconds)
    key = f"rightsdesk:pdf:{client_key(request)}:{window}"
    cache.add(key, 0, timeout=seconds + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds + 1)
        used = 1
    if used <= renders:
        return None
    return max(1, math.ceil((window + 1) * seconds - now))


def pdf_refusal(request: HttpRequest) -> HttpResponse | None:
    """The 429 page when this client has had its share of PDFs, else None."""
    wait = retry_after(request)
    if wait is None:
        return None
    logger.info(
        "PDF render refused by the rate limit (%s)",
        "signed in" if request.user.is_authenticated else "anonymous",
    )
    minutes = math.ceil(wait / 60)
    response = render(
        request,
        "generator/pdf_limited.html",
        {"minutes": minutes, "seconds": wait, "signed_in": request.user.is_authenticated},
        status=429,
    )
    response["Retry-After"] = str(wait)
    return response
