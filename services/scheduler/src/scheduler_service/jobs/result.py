from dataclasses import dataclass, field


@dataclass
class Resultaat:
    """What a job run did: items handled, and what it could not do (the run then ends 'deels')."""

    items: int = 0
    fouten: list[str] = field(default_factory=list)

    def add(self, other: "Resultaat") -> "Resultaat":
        self.items += other.items
        self.fouten.extend(other.fouten)
        return self
