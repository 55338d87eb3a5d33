"""Checks requests and responses against DUO's published OpenAPI documents (API/*.openapi.yml).

The documents are read from `../shared/reference/duo-m2m-inburgering` next to the repository
root, or from the folder in the environment variable DUO_SPEC_DIR. They are never copied.

Strict by default: DUO's schemas do not say `additionalProperties: false`, so a renamed field
would pass a literal reading of them; in strict mode every object schema with properties
refuses unknown properties, so a renamed or misspelt field is a violation.
"""

import copy
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from inburgering_shared.duo.specs import spec_dir, spec_dir_or_reason

__all__ = [
    "BASISPAD",
    "ContractViolationError",
    "DuoContract",
    "met_python_patronen",
    "python_patroon",
    "spec_dir",
    "spec_dir_or_reason",
]

BASISPAD = "/v1"


class ContractViolationError(AssertionError):
    """A request or response that does not meet DUO's OpenAPI document."""


_STREEPJES = r"\-\u2010-\u2015"


def python_patroon(patroon: str) -> str:
    r"""Python's re has no \p{..}: letters become \w minus digits and _, dashes an explicit range."""
    if r"\p{L}" in patroon:
        # [...\p{L}...] -> (?:[...]|[^\W\d_]) keeps the class semantics without \p support
        patroon = patroon.replace(r"\p{L}", "")
        patroon = re.sub(r"\[([^\]]*)\]", lambda m: rf"(?:[{m.group(1)}]|[^\W\d_])", patroon, count=1)
    return patroon.replace(r"\p{Pd}", _STREEPJES)


def met_python_patronen(node: Any) -> Any:
    """A DUO document with every `pattern` in a form Python's re (and so schemathesis) reads."""
    if isinstance(node, list):
        return [met_python_patronen(n) for n in node]
    if not isinstance(node, dict):
        return node
    uit = {k: met_python_patronen(v) for k, v in node.items()}
    if isinstance(uit.get("pattern"), str):
        uit["pattern"] = python_patroon(uit["pattern"])
    return uit


def _schema(node: Any, spec: dict, strict: bool) -> Any:
    """Inline local $refs, translate patterns and (strict) close objects."""
    if isinstance(node, list):
        return [_schema(n, spec, strict) for n in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        doel: Any = spec
        for deel in node["$ref"].lstrip("#/").split("/"):
            doel = doel[deel]
        return _schema(copy.deepcopy(doel), spec, strict)
    uit = {k: _schema(v, spec, strict) for k, v in node.items() if k not in ("example", "x-enum-varnames")}
    if isinstance(uit.get("pattern"), str):
        uit["pattern"] = python_patroon(uit["pattern"])
    if strict and uit.get("type") == "object" and "properties" in uit:
        uit.setdefault("additionalProperties", False)
    return uit


@dataclass
class Operatie:
    api: str
    methode: str
    sjabloon: str
    regex: re.Pattern
    parameters: list[dict]
    request_body: dict | None
    responses: dict


class DuoContract:
    """All operations of all DUO APIs in a folder, for validating exchanged messages."""

    def __init__(self, folder: Path, *, strict: bool = True) -> None:
        self.operaties: list[Operatie] = []
        self.versies: dict[str, str] = {}
        for bestand in sorted((folder / "API").glob("*.openapi.yml")):
            spec = yaml.safe_load(bestand.read_text(encoding="utf-8"))
            api = bestand.name.removesuffix(".openapi.yml")
            self.versies[api] = spec["info"]["version"]
            for sjabloon, item in spec["paths"].items():
                regex = re.compile("^" + re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", sjabloon) + "$")
                for methode, op in item.items():
                    op = _schema(op, spec, strict)
                    self.operaties.append(
                        Operatie(
                            api=api,
                            methode=methode.upper(),
                            sjabloon=sjabloon,
                            regex=regex,
                            parameters=op.get("parameters", []),
                            request_body=op.get("requestBody"),
                            responses=op["responses"],
                        )
                    )
        self._formaten = jsonschema.FormatChecker()

    def operatie(
        self, methode: str, pad: str, *, basispad: str = BASISPAD
    ) -> tuple[Operatie, dict[str, str]]:
        if not pad.startswith(basispad + "/"):
            raise ContractViolationError(f"{pad}: not under DUO's base path {basispad}")
        relatief = pad[len(basispad) :]
        for op in self.operaties:
            match = op.regex.match(relatief)
            if match and op.methode == methode.upper():
                return op, match.groupdict()
        raise ContractViolationError(f"{methode} {relatief}: no such operation in DUO's OpenAPI documents")

    def _valideer(self, waarde: Any, schema: dict, waar: str) -> None:
        fouten = sorted(
            jsonschema.Draft4Validator(schema, format_checker=self._formaten).iter_errors(waarde), key=str
        )
        if fouten:
            raise ContractViolationError(f"{waar}: " + "; ".join(f.message for f in fouten))

    def valideer_request(
        self, methode: str, pad: str, headers: dict[str, str], body: bytes | None, *, basispad: str = BASISPAD
    ) -> Operatie:
        """Path parameters, required headers and the JSON body of a request (to DUO, or DUO's Notificatie)."""
        op, padwaarden = self.operatie(methode, pad, basispad=basispad)
        kleine = {k.lower(): v for k, v in headers.items()}
        waar = f"{methode} {op.sjabloon} ({op.api})"
        for param in op.parameters:
            naam, plek, schema = param["name"], param["in"], param["schema"]
            if plek == "path":
                waarde: Any = padwaarden[naam]
                if schema.get("type") == "integer":
                    if not waarde.isdigit():
                        raise ContractViolationError(
                            f"{waar}: path parameter {naam}={waarde!r} is not an integer"
                        )
                    waarde = int(waarde)
                self._valideer(waarde, schema, f"{waar} path parameter {naam}")
            elif plek == "header":
                if naam.lower() not in kleine:
                    if param.get("required"):
                        raise ContractViolationError(f"{waar}: required header {naam} missing")
                    continue
                self._valideer(kleine[naam.lower()], schema, f"{waar} header {naam}")
        if op.request_body is None:
            if body:
                raise ContractViolationError(f"{waar}: the operation has no request body")
            return op
        if not body:
            if op.request_body.get("required"):
                raise ContractViolationError(f"{waar}: request body required")
            return op
        if not kleine.get("content-type", "").startswith("application/json"):
            raise ContractViolationError(f"{waar}: request body is not application/json")
        schema = op.request_body["content"]["application/json"]["schema"]
        self._valideer(json.loads(body), schema, f"{waar} request body")
        return op

    def valideer_response(
        self,
        methode: str,
        pad: str,
        status: int,
        headers: dict[str, str],
        body: bytes | None,
        *,
        basispad: str = BASISPAD,
    ) -> Operatie:
        """Declared status, required response headers and the body (or its absence) of an answer."""
        op, _ = self.operatie(methode, pad, basispad=basispad)
        waar = f"{methode} {op.sjabloon} ({op.api}) -> {status}"
        antwoord = op.responses.get(str(status))
        if antwoord is None:
            raise ContractViolationError(f"{waar}: status not declared")
        kleine = {k.lower(): v for k, v in headers.items()}
        for naam, header in antwoord.get("headers", {}).items():
            if naam.lower() not in kleine:
                if header.get("required"):
                    raise ContractViolationError(f"{waar}: required header {naam} missing")
                continue
            self._valideer(kleine[naam.lower()], header["schema"], f"{waar} header {naam}")
        inhoud = antwoord.get("content")
        if inhoud is None:
            if body:
                raise ContractViolationError(f"{waar}: the specification declares no body, got {body[:80]!r}")
            return op
        if not kleine.get("content-type", "").startswith("application/json"):
            raise ContractViolationError(f"{waar}: response is not application/json")
        self._valideer(json.loads(body or b"null"), inhoud["application/json"]["schema"], f"{waar} body")
        return op
