"""Values far from their neighbouring years are flagged for confirmation, not refused."""

from decimal import Decimal as D

from seizures.validation import neighbour_median, outlier_flag, series_flags

LAO_CANNABIS = {2013: D(5484), 2014: D(1233), 2015: D(3258), 2016: D(462988), 2017: D("2966.5")}


def test_lao_cannabis_462988_among_a_few_thousand_is_flagged():
    assert "more than ten times" in outlier_flag(D(462988), LAO_CANNABIS, 2016)


def test_a_value_under_a_tenth_of_the_median_is_flagged():
    assert "less than a tenth" in outlier_flag(D("2.4"), {2011: D("210.2"), 2012: D("2.4"), 2013: D("168.5")}, 2012)


def test_a_value_within_ten_times_is_not_flagged():
    assert outlier_flag(D(9000), {2014: D(1000), 2015: D(1000), 2016: D(9000)}, 2016) == ""


def test_zero_among_large_values_asks_whether_it_is_not_reported():
    assert "not reported" in outlier_flag(D(0), {2012: D(1373), 2013: D(0), 2014: D(10533)}, 2013)


def test_the_median_leaves_the_year_itself_and_unreported_years_out():
    assert neighbour_median({2014: D(1), 2015: None, 2016: D(3), 2017: D(1000)}, 2017) == D(2)


def test_too_few_neighbours_or_a_zero_median_flags_nothing():
    assert outlier_flag(D(1000), {2015: D(1)}, 2016) == ""
    assert outlier_flag(D(26), {2010: D(0), 2011: D(0), 2012: D(0)}, 2013) == ""


def test_one_outlier_does_not_make_its_neighbours_look_wrong():
    assert set(series_flags(LAO_CANNABIS)) == {2016}
