"""Reading numbers as people type them: decimal commas, thousands separators, and asking when in doubt."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seizures.numbers import COMMA_DECIMAL, POINT_DECIMAL, grouped, plain, read_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("68,35", "68.35"),
        ("221.04", "221.04"),
        ("1,234,567", "1234567"),
        ("1.234.567", "1234567"),
        ("1 234 567", "1234567"),
        ("1\u00a0234\u00a0567", "1234567"),
        ("1\u202f234", "1234"),
        ("1'234'567", "1234567"),
        ("1’234", "1234"),
        ("2,966.5", "2966.5"),
        ("1.234,5", "1234.5"),
        ("238,994.0", "238994.0"),
        ("0,123", "0.123"),
        ("1234,567", "1234.567"),
        ("  805 ", "805"),
        ("0", "0"),
    ],
)
def test_unambiguous_numbers_are_read(text, value):
    assert read_number(text).value == Decimal(value)


@pytest.mark.parametrize(("text", "first", "second"), [("462,988", "462.988", "462988"), ("1,234", "1.234", "1234")])
def test_a_single_comma_before_three_digits_is_asked_about_not_guessed(text, first, second):
    reading = read_number(text)
    assert reading.value is None and not reading.ok
    assert reading.choices == (Decimal(first), Decimal(second))


def test_the_files_number_format_settles_the_ambiguous_cases():
    assert read_number("462,988", POINT_DECIMAL).value == Decimal("462988")
    assert read_number("462,988", COMMA_DECIMAL).value == Decimal("462.988")


@pytest.mark.parametrize("text", ["", "  ", "-", "—", "n/a", "N/A", "•"])
def test_blank_and_dash_mean_not_reported_never_zero(text):
    reading = read_number(text)
    assert reading.not_reported and reading.value is None and reading.ok


@pytest.mark.parametrize("text", ["-5", "−3,5", "-1,234"])
def test_a_negative_value_is_refused_with_a_message(text):
    assert "negative" in read_number(text).error


@pytest.mark.parametrize("text", ["abc", "12kg", "1e5", "12 34", "1,2,3", "1..2", "٣", "=1+1", "1,23,456"])
def test_a_text_that_is_not_a_number_is_refused_with_a_message(text):
    reading = read_number(text)
    assert "not a number" in reading.error and reading.value is None


def test_too_many_decimals_and_absurd_sizes_are_refused():
    assert "decimal places" in read_number("0.00001").error
    assert "too large" in read_number("99999999999999").error


@given(st.text(max_size=40))
def test_reading_never_crashes_whatever_is_typed(text):
    for convention in ("ask", POINT_DECIMAL, COMMA_DECIMAL):
        reading = read_number(text, convention)
        assert reading.ok or reading.error or reading.ambiguous


amounts = st.decimals(min_value=0, max_value=Decimal("999999999999"), places=4, allow_nan=False, allow_infinity=False)


@given(amounts)
def test_plain_formatting_round_trips(value):
    assert read_number(plain(value)).value == value


@given(amounts)
def test_grouping_with_spaces_round_trips(value):
    assert read_number(grouped(value, thousands="\u00a0")).value == value


@given(amounts)
def test_english_and_european_formats_round_trip_with_their_convention(value):
    assert read_number(grouped(value), POINT_DECIMAL).value == value
    assert read_number(grouped(value, thousands=".", decimal=","), COMMA_DECIMAL).value == value


def test_display_groups_thousands_like_the_reports():
    assert grouped(Decimal("3521")) == "3,521"
    assert grouped(Decimal("2966.50")) == "2,966.5"
    assert grouped(Decimal("68.3500")) == "68.35"


def test_a_round_number_too_large_for_the_table_is_refused_not_stored():
    for text in ("1000000000000000", "1" + "0" * 39, "1 000 000 000 000 000"):
        reading = read_number(text, POINT_DECIMAL)
        assert not reading.ok and "too large" in reading.error, text
    assert read_number("100000000000", POINT_DECIMAL).value == Decimal("100000000000")  # twelve digits still fit


@given(st.decimals(min_value=0, max_value=Decimal("1e40"), allow_nan=False, allow_infinity=False))
def test_every_value_read_fits_the_database_column(value):
    reading = read_number(plain(value), POINT_DECIMAL)
    if reading.ok:
        assert reading.value < Decimal("1e12") and -reading.value.as_tuple().exponent <= 4
