"""Every committed OpenAPI document passes the official NL API Design Rules ruleset: no errors, no warnings.

The ruleset is Logius' own (`nl-api-design-rules/spectral.yml`, copied verbatim; SOURCE names the
commit), run with the Spectral CLI (npm `@stoplight/spectral-cli`; `.ci/run` installs it under
`.tools/`). One rule is set aside: `openapi3`, which pins OpenAPI 3.0 in this version of the
ruleset while FastAPI writes 3.1, which newer versions of the rules accept (docs/conventions.md of
the handbook). Outside CI the test is skipped, with the reason, when Spectral is not installed.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from inburgering_shared.openapi_documents import COMBINED, ROOT, committed_path
from inburgering_shared.system import SERVICES

RULESET = Path(__file__).resolve().parent / "nl-api-design-rules" / "spectral.yml"
SET_ASIDE = {"openapi3"}
DOCUMENTS = [*(committed_path(spec) for spec in SERVICES), COMBINED]


def spectral() -> str:
    for candidate in (
        os.environ.get("SPECTRAL"),
        str(ROOT / ".tools/node_modules/.bin/spectral"),
        "spectral",
    ):
        if candidate and (found := shutil.which(candidate)):
            return found
    if os.environ.get("CI") == "true":
        pytest.fail(
            "Spectral not found: .ci/run installs it (npm install --prefix .tools @stoplight/spectral-cli)"
        )
    pytest.skip(
        "Spectral test skipped: no spectral found (npm install --prefix .tools @stoplight/spectral-cli)"
    )


def findings(document: Path) -> list[dict[str, object]]:
    result = subprocess.run(
        [spectral(), "lint", "--ruleset", str(RULESET), "--format", "json", "--quiet", str(ROOT / document)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip(), result.stderr
    return [f for f in json.loads(result.stdout) if f["code"] not in SET_ASIDE]


@pytest.mark.parametrize("document", DOCUMENTS, ids=str)
def test_the_official_ruleset_finds_nothing(document: Path) -> None:
    found = findings(document)
    assert found == [], "\n".join(
        f"{f['code']} at {'.'.join(map(str, f['path']))}: {f['message']}" for f in found
    )


def test_the_ruleset_does_find_a_violation(tmp_path: Path) -> None:
    broken = json.loads((ROOT / committed_path(SERVICES[0])).read_text())
    broken["servers"] = [{"url": "http://localhost"}]
    (tmp_path / "openapi.json").write_text(json.dumps(broken))
    codes = {f["code"] for f in findings(tmp_path / "openapi.json")}
    assert {"include-major-version-in-uri", "servers-use-https"} <= codes
