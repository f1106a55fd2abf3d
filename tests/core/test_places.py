from apps.core.places import (
    EEA_STATES,
    EU_MEMBER_STATES,
    country_choices,
    country_name,
    is_valid_country,
    is_valid_region,
    region_choices,
    region_name,
)


def test_the_eu_has_27_member_states_and_the_eea_adds_three():
    assert len(EU_MEMBER_STATES) == 27
    assert EEA_STATES - EU_MEMBER_STATES == {"IS", "LI", "NO"}
    assert "GB" not in EEA_STATES
    assert "CH" not in EEA_STATES


def test_countries_use_the_names_people_know():
    assert country_name("KR") == "South Korea"
    assert country_name("gb") == "United Kingdom"
    assert len(country_choices()) == 249


def test_regions_are_the_50_us_states_plus_dc_and_canadas_13():
    assert len(region_choices("US")) == 51
    assert region_name("US", "CA") == "California"
    assert len(region_choices("CA")) == 13
    assert region_name("CA", "QC") == "Quebec"
    assert region_choices("FR") == ()


def test_validity_checks_are_case_insensitive_and_strict():
    assert is_valid_country("ie")
    assert not is_valid_country("XX")
    assert is_valid_region("US", "ia")
    assert not is_valid_region("US", "QC")
