"""What analysis knows of a questionnaire: codes, kinds and labels already localised."""

from __future__ import annotations

from dataclasses import dataclass, field

CHOICE_KINDS = frozenset({"single_choice", "multiple_choice", "yes_no"})
TEXT_KINDS = frozenset({"short_text", "long_text"})
OTHER = "other"
DONT_KNOW = "dont_know"


@dataclass(frozen=True)
class OptionInfo:
    code: str
    label: str


@dataclass(frozen=True)
class QuestionInfo:
    """A question as analysis sees it; labels come in the reader's language."""

    code: str
    kind: str
    label: str
    field_of_action: str | None = None
    options: tuple[OptionInfo, ...] = ()
    scale_min: int = 1
    scale_max: int = 5
    scale_min_label: str = ""
    scale_max_label: str = ""
    allows_dont_know: bool = False
    allows_other: bool = False
    extra_labels: dict[str, str] = field(default_factory=dict)

    def option_label(self, code: str) -> str:
        """The label of an option code, including the fixed codes other / don't know."""
        for option in self.options:
            if option.code == code:
                return option.label
        return self.extra_labels.get(code, code)

    def answer_label(self, code: str) -> str:
        """The label of an answer code; scale points carry their end labels ("1 – unsafe")."""
        if self.kind != "scale":
            return self.option_label(code)
        ends = {
            str(self.scale_min): self.scale_min_label,
            str(self.scale_max): self.scale_max_label,
        }
        return f"{code} – {ends[code]}" if ends.get(code) else code

    @property
    def option_codes(self) -> list[str]:
        if self.kind == "consent":
            return ["yes"]
        codes = [o.code for o in self.options]
        if self.kind == "yes_no" and not codes:
            codes = ["yes", "no"]
        if self.allows_other and OTHER not in codes:
            codes.append(OTHER)
        if (self.allows_dont_know or self.kind == "yes_no") and DONT_KNOW not in codes:
            codes.append(DONT_KNOW)
        return codes
