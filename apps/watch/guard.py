"""The SSRF guard: outbound connections only to public addresses, checked at connect time.

The check runs inside the HTTP client's network layer, where every connection is opened: the
host name is resolved here, *every* address in the answer must be public, and the socket is then
opened to the address we checked (never re-resolved), so a DNS answer that changes between
check and connect (rebinding) cannot slip through. Because each redirect hop opens its own
connection, each hop and each DNS answer is checked again.

Refused: loopback, private (RFC 1918, unique-local), link-local (incl. cloud metadata at
169.254.169.254), carrier-grade NAT, multicast, reserved, unspecified, benchmarking and
documentation ranges, and IPv4-mapped/embedded forms of those. Tests allow their own loopback
server through ``WATCH_ALLOWED_NETWORKS`` (settings), never the code.
"""

from __future__ import annotations

import ipaddress
import socket
import typing
from collections.abc import Awaitable, Callable, Iterable

import anyio
import httpcore
from django.conf import settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[str]]]


class BlockedAddress(httpcore.ConnectError):
    """A connection the guard refused: the host resolves to a non-public address."""


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    if ip in ipaddress.ip_network("64:ff9b::/96"):  # NAT64
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(n) for n in getattr(settings, "WATCH_ALLOWED_NETWORKS", [])]


def is_public(ip: IPAddress) -> bool:
    """True only for globally routable unicast addresses."""
    if isinstance(ip, ipaddress.IPv6Address) and (inner := _embedded_ipv4(ip)) is not None:
        return is_public(inner)
    return ip.is_global and not ip.is_multicast


def check_address(address: str) -> IPAddress:
    """The parsed address if the guard lets us connect to it, else ``BlockedAddress``."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id
    if is_public(ip) or any(ip in network for network in allowed_networks()):
        return ip
    raise BlockedAddress(f"refused to connect to non-public address {ip}")


async def system_resolver(host: str, port: int) -> list[str]:
    answers = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [info[4][0] for info in answers]


class GuardedNetworkBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend with the address check in front of every TCP connect."""

    def __init__(self, resolver: Resolver = system_resolver) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._resolver = resolver

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[typing.Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = [str(ipaddress.ip_address(host))]  # a literal IP in the URL
        except ValueError:
            try:
                with anyio.fail_after(timeout):
                    addresses = await self._resolver(host, port)
            except (OSError, TimeoutError) as exc:
                raise httpcore.ConnectError(f"could not resolve {host}: {exc}") from exc
        if not addresses:
            raise httpcore.ConnectError(f"{host} has no address")
        checked = [check_address(address) for address in addresses]  # all must pass
        return await self._inner.connect_tcp(
            str(checked[0]), port, timeout, local_address, socket_options
        )

    async def connect_unix_socket(self, *args: typing.Any, **kwargs: typing.Any) -> typing.NoReturn:
        raise BlockedAddress("unix sockets are not allowed")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)
