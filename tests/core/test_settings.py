import os
import stat
import tomllib

import pytest

from car_t_guide.core.machine.settings import (
    KEYS,
    CenterSettings,
    SettingsError,
    save_settings,
    set_key_in_file,
    settings_to_toml,
    with_changes,
)
from car_t_guide.core.machine.settings_layers import (
    describe_settings,
    load_settings,
    settings_path,
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
        "fever_medicine",
        "staff_pin_hash",
        "read_aloud",
        "read_what_i_touch",
        "speech_voice_en",
        "speech_voice_es",
        "speech_rate",
        "speech_volume",
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


def test_read_aloud_settings_load(tmp_path):
    path = write(
        tmp_path,
        "read_aloud = false\nread_what_i_touch = true\n"
        'speech_voice_es = "Spanish (Latin America)"\n'
        "speech_rate = -0.5\nspeech_volume = 1\n",
    )
    settings = load_settings(path).settings
    assert (settings.read_aloud, settings.read_what_i_touch) == (False, True)
    assert settings.speech_voice_es == "Spanish (Latin America)"
    assert (settings.speech_rate, settings.speech_volume) == (-0.5, 1.0)
    assert isinstance(settings.speech_volume, float)


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


def test_missing_file_named_by_the_variable_is_said_too(tmp_path, monkeypatch):
    """Issue 10 (15): the variable naming a missing file gave silent defaults; --settings
    warned. A typo in a kiosk's unit file must not go unnoticed either."""
    monkeypatch.setenv("CAR_T_GUIDE_SETTINGS", str(tmp_path / "none.toml"))
    loaded = load_settings()
    assert loaded.settings == CenterSettings()
    assert loaded.warnings == (f"{tmp_path / 'none.toml'}: not found; using the other settings",)


def test_no_user_file_is_the_quiet_normal_case(tmp_path):
    assert load_settings().warnings == ()


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
    assert f"no_driving_days = 56   (--settings: {path})" in lines
    assert 'emergency_number = "911"   (default)' in lines
    assert f"follow_up_days = [7, 14, 28, 90]   (--settings: {path})" in lines
    assert not any("scrypt" in line for line in lines)


def test_describe_says_pin_not_set_by_default(tmp_path):
    lines = describe_settings(load_settings(tmp_path / "none.toml"))
    assert "staff_pin_hash = not set   (default)" in lines
    assert len([line for line in lines if not line.startswith("#")]) == len(KEYS)


def test_describe_says_a_garbage_pin_hash_is_not_valid(tmp_path):
    """Issue 10 (15): `settings` printed "staff_pin_hash = set" for garbage, and the kiosk
    then refused to start."""
    path = write(tmp_path, 'staff_pin_hash = "hello"\n')
    lines = describe_settings(load_settings(path))
    line = next(line for line in lines if line.startswith("staff_pin_hash = "))
    assert line.startswith("staff_pin_hash = not valid (not a PIN hash this app wrote")
    assert "kiosk mode will not start" in line
    assert "hello" not in line


def test_describe_says_a_real_pin_hash_is_set(tmp_path):
    from car_t_guide.core.machine.staff_pin import hash_pin

    path = write(tmp_path, f'staff_pin_hash = "{hash_pin("482916")}"\n')
    assert f"staff_pin_hash = set   (--settings: {path})" in describe_settings(load_settings(path))


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
        ('center_name = "Hospital \\u202eInfantil"\n', "center_name", "direction control"),
        ('center_name = "A\\u0007B"\n', "center_name", "control"),
        ('emergency_number = ""\n', "emergency_number", "is empty"),
        ('emergency_number = "call 911"\n', "emergency_number", "2 to 6 digits"),
        ('phone_24h = "call me"\n', "phone_24h", "'call me' does not look like a phone number"),
        ('phone_24h = "12"\n', "phone_24h", "6 to 20 digits"),
        ('emergncy_number = "112"\n', "emergncy_number", "did you mean emergency_number?"),
        ('locked = ["phone_24h"]\n', "locked", "only the machine-wide settings file"),
        ("idle_timeout_seconds = 0\n", "idle_timeout_seconds", "seconds"),
        ('idle_timeout_seconds = "soon"\n', "idle_timeout_seconds", "soon"),
        ("idle_countdown_seconds = -1\n", "idle_countdown_seconds", "seconds"),
        ("idle_countdown_seconds = nan\n", "idle_countdown_seconds", "seconds"),
        ('read_aloud = "no"\n', "read_aloud", "true or false, got 'no'"),
        ("read_what_i_touch = 1\n", "read_what_i_touch", "true or false"),
        ("speech_voice_es = 3\n", "speech_voice_es", "text"),
        ("speech_rate = 2\n", "speech_rate", "from -1.0 to 1.0, got 2"),
        ('speech_rate = "slow"\n', "speech_rate", "number"),
        ("speech_volume = -0.5\n", "speech_volume", "from 0.0 to 1.0"),
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


def test_a_byte_order_mark_is_accepted_as_sessions_accept_one(tmp_path):
    """Issue 10 (15): Windows Notepad starts a UTF-8 file with a BOM; it was refused."""
    path = tmp_path / "settings.toml"
    path.write_bytes(b"\xef\xbb\xbfno_driving_days = 28\n")
    assert load_settings(path).settings.no_driving_days == 28


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_not_waited_on(tmp_path):
    """Issue 10 (6): a settings file that is a FIFO hung the app forever."""
    fifo = tmp_path / "settings.toml"
    os.mkfifo(fifo)
    with pytest.raises(SettingsError, match="is not a regular file"):
        load_settings(fifo)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="a POSIX device")
def test_an_endless_device_is_refused_not_read_until_memory_runs_out(tmp_path):
    """Issue 10 (6): --settings /dev/zero read until a MemoryError."""
    with pytest.raises(SettingsError, match="^/dev/zero: is not a regular file$"):
        load_settings("/dev/zero")


def test_a_huge_file_is_refused(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_bytes(b"# " + b"x" * (300 * 1024) + b"\n")
    with pytest.raises(SettingsError, match="larger than 256 KB"):
        load_settings(path)


def test_unknown_keys_warn_and_are_kept(tmp_path):
    path = write(tmp_path, 'colour = "blue"\nno_driving_days = 28\n[kiosk]\nscreen = 2\n')
    loaded = load_settings(path)
    assert loaded.settings.no_driving_days == 28
    assert loaded.settings.extra == {"colour": "blue", "kiosk": {"screen": 2}}
    assert [w.split(": ")[1] for w in loaded.warnings if w.startswith(str(path))] == [
        "colour",
        "kiosk",
    ]
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


# --- set-staff-pin's one-key change --------------------------------------------------------------

COMMENTED = """# Hospital Infantil, kiosk 3 (IT ticket 4411)
center_name = "Hospital Infantil"   # as on the letterhead

# the old PIN, to be replaced
staff_pin_hash = "scrypt$old"
future_key = "kept"

[printer_options]
duplex = true
"""


def test_one_key_changes_and_the_comments_stay(tmp_path):
    """Issue 10 (12): set-staff-pin dropped the file's comments."""
    path = write(tmp_path, COMMENTED)
    set_key_in_file(path, "staff_pin_hash", "scrypt$new", secret=True)
    assert path.read_text(encoding="utf-8") == COMMENTED.replace("scrypt$old", "scrypt$new")


def test_a_new_key_goes_before_the_first_table(tmp_path):
    path = write(tmp_path, COMMENTED.replace('staff_pin_hash = "scrypt$old"\n', ""))
    set_key_in_file(path, "staff_pin_hash", "scrypt$new")
    text = path.read_text(encoding="utf-8")
    assert "# Hospital Infantil, kiosk 3 (IT ticket 4411)" in text
    assert "# as on the letterhead" in text
    data = tomllib.loads(text)
    assert data["staff_pin_hash"] == "scrypt$new"
    assert data["printer_options"] == {"duplex": True}  # not swallowed into the table


def test_a_value_over_several_lines_is_replaced_whole(tmp_path):
    path = write(tmp_path, 'follow_up_days = [\n  28,\n  90,\n]\n# end\n')
    set_key_in_file(path, "follow_up_days", [7])
    assert path.read_text(encoding="utf-8") == "follow_up_days = [7]\n# end\n"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_secret_makes_a_world_readable_file_private(tmp_path):
    """Issue 10 (12): the PIN hash written into an existing 0644 file stayed world-readable
    (every 4-digit PIN falls to a search in about 11 minutes)."""
    path = write(tmp_path, "no_driving_days = 28\n")
    os.chmod(path, 0o644)
    set_key_in_file(path, "staff_pin_hash", "scrypt$x", secret=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_broken_file_is_not_touched(tmp_path):
    path = write(tmp_path, 'no_driving_days = "two"\n')
    with pytest.raises(SettingsError, match="no_driving_days"):
        set_key_in_file(path, "staff_pin_hash", "scrypt$x")
    assert path.read_text(encoding="utf-8") == 'no_driving_days = "two"\n'


def test_fever_medicine_is_the_centers_own_words_with_a_sourced_default(tmp_path):
    from car_t_guide.core.machine.settings import DEFAULT_FEVER_MEDICINE

    assert CenterSettings().fever_medicine == DEFAULT_FEVER_MEDICINE
    assert "before you give any medicine for fever" in DEFAULT_FEVER_MEDICINE
    path = write(tmp_path, 'fever_medicine = "Give acetaminophen only if we say so."\n')
    loaded = load_settings(path)
    assert loaded.settings.fever_medicine == "Give acetaminophen only if we say so."
    assert any(line.startswith('fever_medicine = "Give acetaminophen') for line in
               describe_settings(loaded))
    for bad in ('fever_medicine = ""', "fever_medicine = 38", 'fever_medicine = "a\\u0007b"'):
        with pytest.raises(SettingsError) as problem:
            load_settings(write(tmp_path, bad + "\n"))
        assert problem.value.key == "fever_medicine"
