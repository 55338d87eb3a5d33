"""The committed OpenAPI documents match the code (regenerate with `make openapi`)."""

import json

from inburgering_shared.openapi_documents import COMBINED, ROOT, combined_document, stale_files
from inburgering_shared.system import SERVICES


def test_committed_documents_match_the_code():
    stale = stale_files()
    assert not stale, (
        f"{[str(p) for p in stale]} differ from the code: run `make openapi` and commit the result"
    )


def test_a_changed_endpoint_is_noticed(tmp_path):
    for path in [*(f"services/{s.name}/openapi.json" for s in SERVICES), str(COMBINED)]:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text((ROOT / path).read_text())
    intake = tmp_path / "services/intake/openapi.json"
    document = json.loads(intake.read_text())
    document["paths"].pop("/inburgeraars")
    intake.write_text(json.dumps(document))
    assert [str(p) for p in stale_files(tmp_path)] == ["services/intake/openapi.json"]


def test_combined_document_prefixes_paths_and_keeps_differing_schemas_apart():
    problem = {"type": "object", "title": "Problem"}
    documents = {
        spec.name: {
            "openapi": "3.1.0",
            "info": {"title": spec.name},
            "paths": {
                "/things": {
                    "get": {
                        "operationId": "list_things",
                        "responses": {
                            "200": {
                                "content": {
                                    "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
                                }
                            }
                        },
                    }
                }
            },
            "components": {"schemas": {"Thing": {"title": spec.name}, "Problem": problem}},
        }
        for spec in SERVICES
    }
    combined = combined_document(documents)
    assert combined["servers"][0]["url"].endswith("/v1")
    assert set(combined["paths"]) == {"/openapi.json", *(f"/{s.name}/things" for s in SERVICES)}
    assert combined["components"]["schemas"]["Problem"] == problem
    assert combined["components"]["schemas"]["Thing"] == {"title": "intake"}
    pip_ref = combined["paths"]["/pip/things"]["get"]["responses"]["200"]["content"]["application/json"]
    assert pip_ref["schema"]["$ref"] == "#/components/schemas/PipThing"
    assert combined["components"]["schemas"]["PipThing"] == {"title": "pip"}
    assert combined["paths"]["/pip/things"]["get"]["operationId"] == "pip_list_things"
