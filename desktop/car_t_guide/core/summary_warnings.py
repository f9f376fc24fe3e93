"""What will print imperfectly on the care summary, as data: which field, what kind of problem,
and its values. report/ finds them (it knows the fonts); the command line prints each as a
``warning:`` line and the summary page as a plain sentence. The words are here, once, so
rewording one never breaks the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from car_t_guide.core.i18n import N_, _

RIGHT_TO_LEFT = "right_to_left"  # letters written right to left print in typed order
CANNOT_PRINT = "cannot_print"  # characters no bundled font has print as a placeholder
NO_PHONE = "no_phone"  # no 24-hour phone known: a blank line to write it in

# How many characters a warning lists before "and N more".
LISTED_CHARACTERS = 8

# The typed field a warning is about ("history[2].note" -> "history[].note"), in plain words.
SUBJECTS = {
    "patient.display_name": N_("The name"),
    "care_team.center": N_("The center's name"),
    "care_team.phone_24h": N_("The 24-hour phone number"),
    "settings.center_name": N_("The center's name (center settings)"),
    "settings.phone_24h": N_("The 24-hour phone number (center settings)"),
    "settings.emergency_number": N_("The emergency number (center settings)"),
    "plan.product": N_("The CAR T product's name"),
    "history[].note": N_("A note in the treatment history"),
    "topics_reviewed[].by": N_("The name of who went through a topic"),
    "medicines[].name": N_("A medicine's name"),
    "medicines[].purpose": N_("The note on what a medicine is for"),
}


@dataclass(frozen=True)
class PrintWarning:
    field: str  # "history[2].note"
    kind: str  # one of the kinds above
    characters: tuple[str, ...] = ()  # CANNOT_PRINT: the characters, in the order typed
    placeholder: str = ""  # CANNOT_PRINT: what prints instead

    def what(self) -> str:
        """The problem, as the end of a sentence ("has right-to-left text, ...")."""
        if self.kind == RIGHT_TO_LEFT:
            return _("has right-to-left text, which may print imperfectly on the summary")
        if self.kind == CANNOT_PRINT:
            listed = " ".join(f"U+{ord(char):04X}" for char in self.characters[:LISTED_CHARACTERS])
            if len(self.characters) > LISTED_CHARACTERS:
                listed += " " + _("and {count} more").format(
                    count=len(self.characters) - LISTED_CHARACTERS
                )
            return _(
                "has characters the summary's fonts cannot print ({characters}); "
                "they print as {placeholder}"
            ).format(characters=listed, placeholder=self.placeholder)
        return _("no 24-hour phone number is known; the summary leaves a line to write it in")

    def line(self) -> str:
        """For the command line: "field: what"."""
        return f"{self.field}: {self.what()}"

    def sentence(self) -> str:
        """For the nurse or the family on screen: one plain sentence."""
        if self.kind == NO_PHONE:
            return _(
                "No 24-hour phone number is known. The summary and the wallet card leave a "
                "blank line to write it in."
            )
        subject = SUBJECTS.get(re.sub(r"\[\d+\]", "[]", self.field), N_("Some text"))
        return f"{_(subject)} {self.what()}."
