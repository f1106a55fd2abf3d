import logging

from apps.core.logging import RedactPersonalData, redact


def test_redact_masks_the_local_part_of_every_address():
    assert redact("sent to alice.smith+ai@example.org and bob@mail.example.co.uk") == (
        "sent to a…@example.org and b…@mail.example.co.uk"
    )


def test_the_filter_redacts_addresses_passed_as_log_arguments():
    record = logging.LogRecord(
        "x", logging.INFO, __file__, 1, "reminder for %s", ("carol@example.org",), None
    )
    assert RedactPersonalData().filter(record) is True
    assert record.getMessage() == "reminder for c…@example.org"


def test_the_filter_leaves_other_messages_untouched():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "swept %d reminders", (3,), None)
    RedactPersonalData().filter(record)
    assert record.getMessage() == "swept 3 reminders"
