import os
import stat
import tomllib

import pytest

from car_t_guide.core.machine.settings import (
    KEYS,
    CenterSettings,
    SettingsError,
    describe_settings,
    load_settings,
    save_settings,
    settings_path,
    settings_to_toml,
    with_changes,
)


def write(tmp_path, text, name="settings.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_keys_are_the_documented_ones():
    assert KEYS == (
        "center_name",
        "phone_24h",
        "emergency_number",
        "product",
        "stay_near_center_days",
        "no_driving_days",
        "follow_up_days",
        "default_language",
        "paper_size",
        "idle_timeout_seconds",
        "idle_countdown_seconds",
        "printer",
        "staff_pin_hash",
    )


def test_a_center_names_its_product_in_one_line(tmp_path):
    path = write(tmp_path, 'product = "Kymriah (tisagenlecleucel)"\n')
    assert load_settings(path).settings.product == "Kymriah (tisagenlecleucel)"
    assert CenterSettings().product == ""  # by default no product: the card leaves a line
    with pytest.raises(SettingsError, match="product"):
        load_settings(write(tmp_path, 'product = "Kymriah\\nTecartus"\n'))


def test_defaults_follow_the_june_2025_label():
    settings = CenterSettings()
    assert (settings.stay_near_center_days, settings.no_driving_days) == (14, 14)
    assert settings.follow_up_days == ()


def test_location_order(tmp_path, monkeypatch):
    monkeypatch.setenv("CAR_T_GUIDE_CONFIG_DIR", str(tmp_path / "platform"))
    monkeypatch.delenv("CAR_T_GUIDE_SETTINGS", raising=False)
    assert settings_path() == tmp_path / "platform" / "settings.toml"
    monkeypatch.setenv("CAR_T_GUIDE_SETTINGS", str(tmp_path / "env.toml"))
    assert settings_path() == tmp_path / "env.toml"
    assert settings_path(tmp_path / "explicit.toml") == tmp_path / "explicit.toml"


def test_explicit_file_wins_over_environment(tmp_path, monkeypatch):
    write(tmp_path, "no_driving_days = 56\n", "env.toml")
    explicit = write(tmp_path, "no_driving_days = 28\n", "explicit.toml")
    monkeypatch.setenv("CAR_T_GUIDE_SETTINGS", str(tmp_path / "env.toml"))
    assert load_settings().settings.no_driving_days == 56
    assert load_settings(explicit).settings.no_driving_days == 28


def test_missing_file_means_defaults(tmp_path):
    loaded = load_settings(tmp_path / "none.toml")
    assert loaded.settings == CenterSettings()
    assert set(loaded.origin.values()) == {"default"}
    assert not loaded.found
    assert "not found" in loaded.warnings[0]


def test_missing_file_from_environment_is_quiet(tmp_path, monkeypatch):
    monkeypatch.setenv("CAR_T_GUIDE_SETTINGS", str(tmp_path / "none.toml"))
    loaded = load_settings()
    assert loaded.settings == CenterSettings()
    assert loaded.warnings == ()


def test_a_full_file_loads_and_says_where_each_value_came_from(tmp_path):
    path = write(
        tmp_path,
        """
center_name = "Hospital Infantil"
phone_24h = "+1 555 010 0199"
stay_near_center_days = 28
no_driving_days = 56
follow_up_days = [7, 14, 28, 90]
default_language = "es"
paper_size = "A4"
idle_timeout_seconds = 90
staff_pin_hash = "scrypt$n=16384,r=8,p=1$c2FsdA==$aGFzaA=="
""",
    )
    loaded = load_settings(path)
    s = loaded.settings
    assert s.center_name == "Hospital Infantil"
    assert (s.stay_near_center_days, s.no_driving_days) == (28, 56)
    assert s.follow_up_days == (7, 14, 28, 90)
    assert s.paper_size == "a4"
    assert s.idle_timeout_seconds == 90.0 and isinstance(s.idle_timeout_seconds, float)
    assert s.idle_countdown_seconds == 30.0
    assert loaded.origin["no_driving_days"] == str(path)
    assert loaded.origin["emergency_number"] == "default"
    lines = describe_settings(loaded)
    assert f"no_driving_days = 56   (from {path})" in lines
    assert 'emergency_number = "911"   (default)' in lines
    assert f"follow_up_days = [7, 14, 28, 90]   (from {path})" in lines
    assert f"staff_pin_hash = set   (from {path})" in lines
    assert not any("scrypt" in line for line in lines)


def test_describe_says_pin_not_set_by_default(tmp_path):
    lines = describe_settings(load_settings(tmp_path / "none.toml"))
    assert "staff_pin_hash = not set   (default)" in lines
    assert len(lines) == len(KEYS)


@pytest.mark.parametrize(
    ("text", "key", "words"),
    [
        (
            'no_driving_days = "two"\n',
            "no_driving_days",
            "must be a whole number of days, got 'two'",
        ),
        ("no_driving_days = 2.5\n", "no_driving_days", "whole number"),
        ("no_driving_days = true\n", "no_driving_days", "whole number"),
        ("stay_near_center_days = -14\n", "stay_near_center_days", "-14"),
        ("stay_near_center_days = 0\n", "stay_near_center_days", "from 1 to 365"),
        ("follow_up_days = 28\n", "follow_up_days", "list"),
        ('follow_up_days = [7, "x"]\n', "follow_up_days", "whole number"),
        ("follow_up_days = [7, -1]\n", "follow_up_days", "-1"),
        ('default_language = "fr"\n', "default_language", "'fr'"),
        ('paper_size = "legal"\n', "paper_size", "legal"),
        ("paper_size = 4\n", "paper_size", "text"),
        ("center_name = 42\n", "center_name", "text"),
        ('center_name = "A\\u0007B"\n', "center_name", "control"),
        ("idle_timeout_seconds = 0\n", "idle_timeout_seconds", "seconds"),
        ('idle_timeout_seconds = "soon"\n', "idle_timeout_seconds", "soon"),
        ("idle_countdown_seconds = -1\n", "idle_countdown_seconds", "seconds"),
        ("idle_countdown_seconds = nan\n", "idle_countdown_seconds", "seconds"),
    ],
)
def test_broken_values_are_refused_naming_file_and_key(tmp_path, text, key, words):
    path = write(tmp_path, 'printer = "Front desk"\n' + text)
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: {key}: ")
    assert words in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("no_driving_days = \n", "not valid TOML"),
        ("[unclosed\n", "not valid TOML"),
        (b"\xff\xfe\x00junk", "not"),
    ],
)
def test_broken_files_are_refused(tmp_path, content, words):
    path = tmp_path / "settings.toml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(SettingsError) as caught:
        load_settings(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert words in str(caught.value)
    assert "\n" not in str(caught.value)


def test_unknown_keys_warn_and_are_kept(tmp_path):
    path = write(tmp_path, 'colour = "blue"\nno_driving_days = 28\n[kiosk]\nscreen = 2\n')
    loaded = load_settings(path)
    assert loaded.settings.no_driving_days == 28
    assert loaded.settings.extra == {"colour": "blue", "kiosk": {"screen": 2}}
    assert [w.split(": ")[1] for w in loaded.warnings] == ["colour", "kiosk"]
    assert any(line.startswith('colour = "blue"') for line in describe_settings(loaded))
    out = tmp_path / "out.toml"
    save_settings(loaded.settings, out)
    assert tomllib.loads(out.read_text(encoding="utf-8")) == {
        "no_driving_days": 28,
        "colour": "blue",
        "kiosk": {"screen": 2},
    }


def test_save_round_trips_and_writes_only_changes(tmp_path):
    settings = CenterSettings(
        center_name='Hospital "Niño Jesús" \\ Madrid',
        follow_up_days=(28, 90),
        paper_size="a4",
        idle_timeout_seconds=45.5,
        staff_pin_hash="scrypt$abc",
    )
    path = tmp_path / "sub" / "settings.toml"
    save_settings(settings, path)
    assert load_settings(path).settings == settings
    assert "no_driving_days" not in path.read_text(encoding="utf-8")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_save_keeps_an_existing_files_permissions(tmp_path):
    path = write(tmp_path, "no_driving_days = 28\n")
    os.chmod(path, 0o644)
    loaded = load_settings(path)
    save_settings(with_changes(loaded.settings, staff_pin_hash="scrypt$x"), path)
    assert load_settings(path).settings.staff_pin_hash == "scrypt$x"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_save_refuses_values_load_would_refuse(tmp_path):
    path = tmp_path / "settings.toml"
    with pytest.raises(SettingsError, match="no_driving_days"):
        save_settings(CenterSettings(no_driving_days=-1), path)
    assert not path.exists()


def test_writer_escapes_text_so_toml_reads_it_back():
    awkward = 'quote " backslash \\ tab \t newline \n bell \x07 del \x7f ñ 李 😀'
    text = settings_to_toml(CenterSettings(printer=awkward))
    assert tomllib.loads(text)["printer"] == awkward
