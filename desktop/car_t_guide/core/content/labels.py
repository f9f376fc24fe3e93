"""What the session's ids are called on screen and on paper, in plain words.

One table, shared by the form, the chart and the PDF. The strings are catalogue entries
(English msgids): translate them when shown, with ``_()`` or ``gettext_in``.
"""

from __future__ import annotations

from car_t_guide.core.i18n import N_, _

HISTORY_KIND_LABELS = {
    "diagnosis": N_("Diagnosis"),
    "relapse": N_("Relapse"),
    "refractory": N_("Did not respond to treatment"),
    "transplant": N_("Stem cell transplant"),
    "cns_disease": N_("Leukemia in the brain or spine fluid"),
    "remission": N_("Remission"),
    "treatment": N_("Treatment"),
    "other": N_("Other event"),
}

RELAPSE_SITE_LABELS = {
    "bone_marrow": N_("in the bone marrow"),
    "cns": N_("in the brain or spine fluid"),
    "combined": N_("in the bone marrow and elsewhere"),
    "testicular": N_("in the testicles"),
    "other": N_("in another place"),
}

PLAN_DATE_LABELS = {
    "collection": N_("T cell collection"),
    "bridging_start": N_("Bridging chemo starts"),
    "lymphodepletion_start": N_("Chemo before the infusion starts"),
    "infusion": N_("CAR T cell infusion"),
}

def history_kind_label(kind: str, site: str | None = None) -> str:
    text = _(HISTORY_KIND_LABELS.get(kind, HISTORY_KIND_LABELS["other"]))
    if kind == "relapse" and site in RELAPSE_SITE_LABELS:
        text = f"{text} {_(RELAPSE_SITE_LABELS[site])}"
    return text

# The education record of a topic reviewed (session fields LEARNERS, METHODS, RESULTS).
LEARNER_LABELS = {
    "parent_or_guardian": N_("Parent or guardian"),
    "patient": N_("The patient"),
    "other_caregiver": N_("Another caregiver"),
}
METHOD_LABELS = {
    "teach_back": N_("Teach-back"),
    "shown": N_("Shown"),
    "self_check": N_("Kiosk self-check"),
}
RESULT_LABELS = {
    "understood": N_("Understood"),
    "needs_review": N_("Needs review"),
}
