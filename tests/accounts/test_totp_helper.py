import pytest

from tests.totp import hotp

RFC_6238_KEY = b"12345678901234567890"


@pytest.mark.parametrize(
    ("unix_time", "expected"),
    [
        (59, "94287082"),
        (1111111109, "07081804"),
        (1234567890, "89005924"),
        (2000000000, "69279037"),
    ],
)
def test_the_test_totp_matches_the_rfc_6238_sha1_vectors(unix_time, expected):
    assert hotp(RFC_6238_KEY, unix_time // 30, digits=8) == expected
