"""Generate the DUO models (`inburgering_shared.duo.modellen`) from DUO's OpenAPI documents with
datamodel-code-generator: `make duo-modellen` writes them; `--check` (shared/tests/test_duo_modellen.py,
in make test) fails when the committed code differs from what DUO's documents give.

Lenient and strict as DUO's contract: properties DUO's schemas do not name are ignored (DUO's objects do
not forbid them), strings, integers and booleans are taken only as such (no "1" for 1, no 0 for false).
A development tool: datamodel-code-generator is in requirements-dev.txt, the services only import the
generated modules.
"""

import argparse
import difflib
import subprocess
import sys
import tempfile
from pathlib import Path

from inburgering_shared.duo.specs import spec_dir_or_reason

DOEL = Path(__file__).resolve().parent / "modellen"
OPTIES = [
    "--input-file-type=openapi",
    "--output-model-type=pydantic_v2.BaseModel",
    "--target-python-version=3.11",
    "--use-annotated",
    "--field-constraints",
    "--use-standard-collections",
    "--use-union-operator",
    "--extra-fields=ignore",
    "--strict-types",
    "str",
    "bool",
    "int",
    "--enum-field-as-literal=all",
    "--collapse-root-models",
    "--disable-timestamp",
    "--formatters",
    "ruff-format",
]
PYPROJECT = Path(__file__).resolve().parents[4] / "pyproject.toml"
"""The workspace's ruff settings, also for a file generated in a temporary folder."""


INIT = '''"""Generated from DUO's OpenAPI documents (one module per document) by
inburgering_shared.duo.modellen_genereren: do not edit, run `make duo-modellen`."""
'''


def modulenaam(spec: Path) -> str:
    """PIP.openapi.yml -> pip, MAP_PVT_Zroute.openapi.yml -> map_pvt_zroute."""
    return spec.name.removesuffix(".openapi.yml").lower()


def genereer(specs: Path, doel: Path) -> list[Path]:
    doel.mkdir(parents=True, exist_ok=True)
    geschreven = []
    for spec in sorted((specs / "API").glob("*.openapi.yml")):
        uitvoer = doel / f"{modulenaam(spec)}.py"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "datamodel_code_generator",
                f"--input={spec}",
                f"--output={uitvoer}",
                *OPTIES,
            ],
            check=True,
            capture_output=True,
        )
        # The project's own import order and formatting, so `make lint` and the check agree.
        ruff = [sys.executable, "-m", "ruff"]
        instellingen = ["--quiet", f"--config={PYPROJECT}"]
        subprocess.run([*ruff, "check", "--select=I", "--fix", *instellingen, str(uitvoer)], check=True)
        subprocess.run([*ruff, "format", *instellingen, str(uitvoer)], check=True)
        geschreven.append(uitvoer)
    (doel / "__init__.py").write_text(INIT)
    return geschreven


def verschillen(specs: Path) -> list[str]:
    """What differs between the committed models and freshly generated ones (empty: identical)."""
    with tempfile.TemporaryDirectory() as tmp:
        vers = Path(tmp)
        genereer(specs, vers)
        namen = sorted({p.name for p in vers.glob("*.py")} | {p.name for p in DOEL.glob("*.py")})
        diff: list[str] = []
        for naam in namen:
            oud = (DOEL / naam).read_text().splitlines() if (DOEL / naam).exists() else []
            nieuw = (vers / naam).read_text().splitlines() if (vers / naam).exists() else []
            diff += difflib.unified_diff(oud, nieuw, f"committed/{naam}", f"generated/{naam}", lineterm="")
        return diff


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="compare instead of write")
    args = parser.parse_args()
    specs, reden = spec_dir_or_reason()
    if specs is None:
        print(reden, file=sys.stderr)
        return 2
    if args.check:
        diff = verschillen(specs)
        print("\n".join(diff) or "DUO models match DUO's documents.")
        return 1 if diff else 0
    # Generated in a temporary folder, as --check does, so both format alike.
    with tempfile.TemporaryDirectory() as tmp:
        for pad in genereer(specs, Path(tmp)):
            (DOEL / pad.name).write_text(pad.read_text())
            print(f"wrote {DOEL / pad.name}")
        (DOEL / "__init__.py").write_text(INIT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
