#!/usr/bin/env python3
"""Digest of Zendesk's Support API OpenAPI spec for the endpoints the simulator implements.

The spec itself (a ~1 MB third-party copy of Zendesk's oas.yaml) is not committed; this script
reads it and writes tests/fixtures/zendesk-oas/digest.json, which
tests/unit/simulator/oas-fidelity.test.ts checks the simulator (and the app's zod schemas) against.

    git --git-dir=<mirror> show HEAD:NEWZENDESK-connectivity-model/api/zendesk-spec.yaml > /tmp/zendesk-oas.yaml
    python3 scripts/extract-oas-digest.py /tmp/zendesk-oas.yaml --commit <sha> [--out tests/fixtures/zendesk-oas/digest.json]

A shape in the digest is one of:
    {"type": "object", "properties": {name: shape}, "required": [...], "additional": bool}
    {"type": "array", "items": shape}
    {"type": "string" | "integer" | "number" | "boolean", "enum": [...]}
    {"$ref": "UserObject"}                     (a named shape under "schemas")
    {"anyOf": [shape, ...]}                    (anyOf / oneOf: the value must fit one of them)
    {}                                         (the spec says nothing usable)
with "nullable": true where the spec allows null. allOf is merged, writeOnly properties are left
out (they never appear in responses), descriptions are dropped except that an enum written only in
prose ("Possible values are "a", "b"") becomes "enum" with "enum_from": "description".
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

# What the simulator answers (sandbox/simulator/endpoints), as the spec names the paths. Nested
# alternatives the spec has no entry for (e.g. /organizations/{id}/users) are mapped in the test.
ENDPOINTS: list[tuple[str, str]] = [
    ("GET", "/api/v2/users/me"),
    ("GET", "/api/v2/users"),
    ("GET", "/api/v2/users/count"),
    ("GET", "/api/v2/users/show_many"),
    ("GET", "/api/v2/users/search"),
    ("GET", "/api/v2/users/{user_id}"),
    ("GET", "/api/v2/organizations"),
    ("GET", "/api/v2/organizations/show_many"),
    ("GET", "/api/v2/organizations/{organization_id}"),
    ("GET", "/api/v2/organization_memberships"),
    ("GET", "/api/v2/user_fields"),
    ("GET", "/api/v2/user_fields/{user_field_id}"),
    ("GET", "/api/v2/organization_fields"),
    ("GET", "/api/v2/organization_fields/{organization_field_id}"),
    ("GET", "/api/v2/search"),
    ("GET", "/api/v2/search/count"),
    ("GET", "/api/v2/search/export"),
    ("POST", "/api/v2/tickets"),
    ("POST", "/api/v2/tickets/create_many"),
    ("PUT", "/api/v2/tickets/update_many"),
    ("GET", "/api/v2/tickets"),
    ("GET", "/api/v2/tickets/count"),
    ("GET", "/api/v2/job_statuses"),
    ("GET", "/api/v2/tickets/show_many"),
    ("GET", "/api/v2/tickets/{ticket_id}"),
    ("PUT", "/api/v2/tickets/{ticket_id}"),
    ("DELETE", "/api/v2/tickets/{ticket_id}"),
    ("GET", "/api/v2/tickets/{ticket_id}/comments"),
    ("GET", "/api/v2/job_statuses/show_many"),
    ("GET", "/api/v2/job_statuses/{job_status_id}"),
    ("POST", "/api/v2/views"),
    ("GET", "/api/v2/views"),
    ("GET", "/api/v2/views/{view_id}"),
    ("GET", "/api/v2/views/{view_id}/count"),
    ("GET", "/api/v2/views/{view_id}/tickets"),
    ("POST", "/api/v2/triggers"),
    ("GET", "/api/v2/triggers"),
    ("GET", "/api/v2/triggers/active"),
    ("GET", "/api/v2/triggers/{trigger_id}"),
    ("GET", "/api/v2/trigger_categories"),
    ("POST", "/api/v2/trigger_categories"),
    ("GET", "/api/v2/groups"),
    ("GET", "/api/v2/groups/assignable"),
    ("GET", "/api/v2/groups/{group_id}"),
    ("GET", "/api/v2/group_memberships"),
    ("GET", "/api/v2/group_memberships/assignable"),
    ("GET", "/api/v2/macros"),
    ("GET", "/api/v2/macros/active"),
    ("GET", "/api/v2/macros/{macro_id}"),
    ("GET", "/api/v2/macros/{macro_id}/apply"),
    ("GET", "/api/v2/custom_statuses"),
    ("GET", "/api/v2/autocomplete/tags"),
    ("GET", "/api/v2/account/settings"),
    ("GET", "/api/v2/users/{user_id}/identities"),
    ("GET", "/api/v2/views/count_many"),
    ("PUT", "/api/v2/views/{view_id}"),
    ("DELETE", "/api/v2/views/{view_id}"),
    ("GET", "/api/v2/views/{view_id}/execute"),
    ("POST", "/api/v2/views/preview"),
    ("POST", "/api/v2/views/preview/count"),
    ("GET", "/api/v2/triggers/definitions"),
    ("GET", "/api/v2/triggers/search"),
    ("GET", "/api/v2/tickets/{ticket_id}/macros/{macro_id}/apply"),
    ("GET", "/api/v2/custom_objects"),
    ("POST", "/api/v2/custom_objects"),
    ("GET", "/api/v2/custom_objects/{custom_object_key}"),
    ("GET", "/api/v2/custom_objects/{custom_object_key}/fields"),
    ("POST", "/api/v2/custom_objects/{custom_object_key}/fields"),
    ("GET", "/api/v2/custom_objects/{custom_object_key}/records"),
    ("POST", "/api/v2/custom_objects/{custom_object_key}/records"),
    ("PATCH", "/api/v2/custom_objects/{custom_object_key}/records"),
    ("GET", "/api/v2/custom_objects/{custom_object_key}/records/{custom_object_record_id}"),
    ("PATCH", "/api/v2/custom_objects/{custom_object_key}/records/{custom_object_record_id}"),
    ("GET", "/api/v2/custom_objects/{custom_object_key}/records/search"),
]

SCALARS = {"string", "integer", "number", "boolean"}
# "Possible values are "a", "b", or "c"" / "One of the following: "a", "b"".
PROSE_ENUM = re.compile(r'(?:possible values are|one of the following)\s*:?\s*((?:"[^"]+"[\s,]*(?:or\s+)?)+)', re.I)


class SpecLoader(yaml.SafeLoader):
    """PyYAML reads a bare `=` as the YAML 1.1 "value" tag; the spec uses it as a plain string."""


SpecLoader.add_constructor("tag:yaml.org,2002:value", lambda loader, node: loader.construct_scalar(node))


class Digester:
    def __init__(self, spec: dict[str, Any]):
        self.spec = spec
        self.components: dict[str, Any] = spec.get("components", {}).get("schemas", {})
        self.named: dict[str, Any] = {}

    def ref_name(self, ref: str) -> str:
        prefix = "#/components/schemas/"
        if not ref.startswith(prefix):
            raise ValueError(f"unsupported $ref {ref}")
        return ref[len(prefix) :]

    def deref(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = self.components[self.ref_name(schema["$ref"])]
        return schema

    def named_shape(self, name: str) -> dict[str, Any]:
        if name not in self.named:
            self.named[name] = {}  # placeholder: recursive schemas stop here
            self.named[name] = self.shape(self.components[name])
        return {"$ref": name}

    def merged_all_of(self, schema: dict[str, Any]) -> dict[str, Any]:
        """allOf parts (and the schema's own keys) folded into one schema."""
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        props: dict[str, Any] = dict(merged.get("properties", {}))
        required: list[str] = list(merged.get("required", []))
        variants: list[Any] = list(merged.get("anyOf", [])) + list(merged.get("oneOf", []))
        for part in schema.get("allOf", []):
            part = self.deref(part)
            if "allOf" in part:
                part = self.merged_all_of(part)
            for key, value in part.items():
                if key == "properties":
                    props.update(value)
                elif key == "required":
                    required += [r for r in value if r not in required]
                elif key in ("anyOf", "oneOf"):
                    variants += value
                elif key not in merged:
                    merged[key] = value
        if props:
            merged["properties"] = props
            merged.setdefault("type", "object")
        if required:
            merged["required"] = required
        merged.pop("oneOf", None)
        if variants:
            merged["anyOf"] = variants
        return merged

    def shape(self, schema: Any) -> dict[str, Any]:
        if not isinstance(schema, dict):
            return {}
        if "$ref" in schema:
            return self.named_shape(self.ref_name(schema["$ref"]))
        if "allOf" in schema:
            schema = self.merged_all_of(schema)
        out: dict[str, Any] = {}
        variants = schema.get("anyOf", []) + schema.get("oneOf", [])
        kind = schema.get("type")
        if kind == "object" or "properties" in schema:
            props = {
                name: self.shape(value)
                for name, value in sorted(schema.get("properties", {}).items())
                if not (isinstance(value, dict) and value.get("writeOnly"))
            }
            out["type"] = "object"
            if props:
                out["properties"] = props
            required = [r for r in schema.get("required", []) if r in props]
            if required:
                out["required"] = required
            if schema.get("additionalProperties") not in (None, False):
                out["additional"] = True
        elif kind == "array":
            out["type"] = "array"
            out["items"] = self.shape(schema.get("items", {}))
        elif kind in SCALARS:
            out["type"] = kind
            if "enum" in schema:
                out["enum"] = [v for v in schema["enum"] if v is not None]
            else:
                match = PROSE_ENUM.search(schema.get("description") or "")
                if match:
                    out["enum"] = re.findall(r'"([^"]+)"', match.group(1))
                    out["enum_from"] = "description"
        if variants:
            shaped = [self.shape(v) for v in variants]
            if out:
                # Own properties plus "one of these as well": keep both, the test checks each.
                out["anyOf"] = shaped
            else:
                out = {"anyOf": shaped}
        if schema.get("nullable"):
            out["nullable"] = True
        return out

    def endpoint(self, method: str, path: str) -> dict[str, Any]:
        operation = self.spec["paths"][path][method.lower()]
        responses: dict[str, Any] = {}
        for status, response in sorted(operation.get("responses", {}).items()):
            response = self.deref(response) if "$ref" in response else response
            content = (response.get("content") or {}).get("application/json")
            responses[str(status)] = self.shape(content["schema"]) if content and "schema" in content else None
        return {
            "method": method,
            "path": path,
            "operationId": operation.get("operationId"),
            "responses": responses,
        }


def to_json(value: Any, indent: int = 0, prefix_len: int = 0) -> str:
    """JSON laid out as Prettier lays it out (the repo checks every .json with `prettier --check`):
    objects expanded, an array of scalars on one line when it fits in 120 columns."""
    pad = " " * (indent + 2)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{pad}{json.dumps(k)}: {to_json(v, indent + 2, len(pad) + len(json.dumps(k)) + 2)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        if all(not isinstance(v, (dict, list)) for v in value):
            inline = "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
            if prefix_len + len(inline) + 1 <= 120:
                return inline
        return "[\n" + ",\n".join(pad + to_json(v, indent + 2, len(pad)) for v in value) + "\n" + " " * indent + "]"
    return json.dumps(value, ensure_ascii=False)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("spec", type=Path, help="path to the OpenAPI YAML")
    parser.add_argument("--commit", required=True, help="commit of the spec's repository")
    parser.add_argument("--repository", default="github.com/Santosh-Hegde-sf/zendesk")
    parser.add_argument("--spec-path", default="NEWZENDESK-connectivity-model/api/zendesk-spec.yaml")
    parser.add_argument("--out", type=Path, default=Path("tests/fixtures/zendesk-oas/digest.json"))
    args = parser.parse_args(argv)

    spec = yaml.load(args.spec.read_text(encoding="utf-8"), Loader=SpecLoader)
    digester = Digester(spec)
    missing = [f"{m} {p}" for m, p in ENDPOINTS if m.lower() not in spec["paths"].get(p, {})]
    if missing:
        print("not in the spec: " + ", ".join(missing), file=sys.stderr)
        return 1
    endpoints = [digester.endpoint(m, p) for m, p in ENDPOINTS]
    digest = {
        "source": {
            "description": "Digest of a third-party copy of Zendesk's Support API OpenAPI spec (oas.yaml)",
            "repository": args.repository,
            "commit": args.commit,
            "path": args.spec_path,
            "openapi": spec.get("openapi"),
            "title": spec.get("info", {}).get("title"),
            "version": spec.get("info", {}).get("version"),
            "generated_by": "scripts/extract-oas-digest.py",
        },
        "endpoints": endpoints,
        "schemas": dict(sorted(digester.named.items())),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(to_json(digest) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(endpoints)} endpoints, {len(digester.named)} schemas, {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
