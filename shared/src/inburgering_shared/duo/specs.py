"""Where DUO's published OpenAPI documents are: `../shared/reference/duo-m2m-inburgering` next to the
repository root, or the folder in DUO_SPEC_DIR. They are read there, never copied into the project."""

import os
from pathlib import Path

SPEC_SUBPATH = Path("shared") / "reference" / "duo-m2m-inburgering"


def repo_root(start: Path | None = None) -> Path | None:
    """The nearest folder holding `.git`, from `start` (default: this file, then the working directory)."""
    kandidaten = [start] if start else [Path(__file__).resolve(), Path.cwd().resolve()]
    for begin in kandidaten:
        for folder in [begin, *begin.parents]:
            if (folder / ".git").exists():
                return folder
    return None


def spec_dir() -> Path | None:
    """DUO's documentation folder: $DUO_SPEC_DIR, else <repo root>/../shared/reference/duo-m2m-inburgering."""
    if os.environ.get("DUO_SPEC_DIR"):
        return Path(os.environ["DUO_SPEC_DIR"])
    root = repo_root()
    return root.parent / SPEC_SUBPATH if root else None


def spec_dir_or_reason() -> tuple[Path | None, str]:
    """The folder, or why it cannot be used (for pytest.skip)."""
    folder = spec_dir()
    if folder is None or not (folder / "API").is_dir():
        return None, f"DUO's OpenAPI documents not found (looked in {folder}; set DUO_SPEC_DIR)"
    return folder, ""
