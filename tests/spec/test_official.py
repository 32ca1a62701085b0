"""IonQ's official OpenAPI document (ionq-core, pinned) against the emulator, as a gate.

schemathesis generates positive cases from IonQ's ``openapi.json`` (its overlay applied)
and sends them to an emulator; every finding must be listed in
``openapi/deviations.yaml`` with a reason, and every entry there must still occur (see
``scripts/official_check.py``). The document is fetched from PyPI once into
``.cache/official/`` (git-ignored). About 10 s.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts import official
from scripts.official_check import (
    REASONS,
    Deviation,
    check,
    compare,
    json_path,
    load_deviations,
    plain_config,
    refused_keys,
)
from scripts.official_diff import apply_overlay


def test_emulator_matches_ionq_document_but_for_listed_deviations(
    capsys: pytest.CaptureFixture[str],
) -> None:
    try:
        official.fetch(official.PINNED)
    except Exception as exc:  # pragma: no cover - only without network and cache
        pytest.fail(f"cannot fetch ionq-core {official.PINNED}: run scripts/official.py ({exc})")
    run = check(official.PINNED)
    verdict = compare(run.findings, load_deviations())
    with capsys.disabled():
        print(f"\n{run.summary(verdict)} ({run.seconds:.1f} s)")
    assert run.errors == [], "the emulator logged internal errors"
    assert sum(run.cases.values()) > 0 and len(run.cases) == 25
    assert verdict.ok, (
        "findings not in openapi/deviations.yaml (fix the emulator, or add them with a "
        f"reason): {verdict.new}; entries that no longer occur (remove them): {verdict.stale}"
    )


# ------------------------------------------------------------ the gate itself

KNOWN = Deviation(
    "GET /jobs/{UUID} response_schema_conformance: 200 .output: type", REASONS[3], "x"
)


def test_gate_passes_when_findings_and_entries_match() -> None:
    verdict = compare([KNOWN.key], [KNOWN])
    assert verdict.ok and verdict.known == [KNOWN.key]


def test_gate_fails_on_a_finding_not_in_the_file() -> None:
    fake = "GET /whoami status_code_conformance: undocumented status 418"
    verdict = compare([KNOWN.key, fake], [KNOWN])
    assert not verdict.ok and verdict.new == [fake] and verdict.stale == []


def test_gate_fails_on_an_entry_that_no_longer_occurs() -> None:
    verdict = compare([], [KNOWN])
    assert not verdict.ok and verdict.stale == [KNOWN.key] and verdict.new == []


def test_an_entry_that_varies_with_the_draws_is_not_stale_when_absent() -> None:
    """Seen in CI: three refusals met by one run's draws and not by another's."""
    varies = Deviation(KNOWN.key, KNOWN.reason, KNOWN.evidence, varies=True)
    assert compare([], [varies]).ok
    assert compare([KNOWN.key], [varies]).known == [KNOWN.key]
    assert not compare([KNOWN.key, "GET /x new"], [varies]).ok  # new findings still fail


def test_schema_findings_never_vary() -> None:
    """Only refusals and statuses may vary; a shape of the emulator's answers may not."""
    for entry in load_deviations():
        if entry.varies:
            assert " response_schema_conformance: " not in entry.key, entry.key


def test_the_file_needs_a_known_reason_and_evidence(tmp_path: Path) -> None:
    bad = tmp_path / "deviations.yaml"
    bad.write_text("deviations:\n  - {key: k, reason: because, evidence: e}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="reason must be one of"):
        load_deviations(bad)
    bad.write_text(f'deviations:\n  - {{key: k, reason: "{REASONS[0]}", evidence: " "}}\n')
    with pytest.raises(ValueError, match="evidence is empty"):
        load_deviations(bad)
    assert all(entry.reason in REASONS for entry in load_deviations())


def test_keys_name_places_not_values() -> None:
    assert json_path(["jobs", 3, "results", "0"]) == ".jobs[].results[]"

    class Refused:
        def json(self) -> dict[str, object]:
            return {"validation": {"keys": ["input.circuit.3.targets.0", "settings.\x8aq"]}}

    declared = frozenset({"input", "input.circuit", "input.circuit[]", "input.circuit[].targets"})
    declared |= {"input.circuit[].targets[]", "settings"}
    assert refused_keys(Refused(), declared) == ["input.circuit[].targets[]", "settings{*}"]


def test_overlay_update_and_remove() -> None:
    document = {"components": {"schemas": {"A": {"required": ["x"], "properties": {"x": {}}}}}}
    overlay = {
        "actions": [
            {"target": "$.components.schemas.A.required", "remove": True},
            {"target": "$.components.schemas.A", "update": {"required": ["y"]}},
            {"target": "$.components.schemas.A.properties", "update": {"y": {"type": "string"}}},
            {"target": "$.components.schemas.Gone.format", "remove": True},
        ]
    }
    patched, unmatched = apply_overlay(document, overlay)
    assert patched["components"]["schemas"]["A"] == {
        "required": ["y"],
        "properties": {"x": {}, "y": {"type": "string"}},
    }
    assert unmatched == ["$.components.schemas.Gone.format"]
    assert document["components"]["schemas"]["A"]["required"] == ["x"]  # not mutated


def test_an_entry_may_group_keys_sharing_one_cause(tmp_path: Path) -> None:
    grouped = tmp_path / "deviations.yaml"
    grouped.write_text(
        f'deviations:\n  - keys: [a, b]\n    reason: "{REASONS[3]}"\n    evidence: e\n'
        f'    varies: true\n  - {{key: c, reason: "{REASONS[0]}", evidence: f}}\n',
        encoding="utf-8",
    )
    entries = load_deviations(grouped)
    assert [(e.key, e.reason, e.varies) for e in entries] == [
        ("a", REASONS[3], True),
        ("b", REASONS[3], True),
        ("c", REASONS[0], False),
    ]
    verdict = compare(["a"], entries)  # each key of a group is checked on its own
    assert verdict.stale == ["c"] and verdict.unmet == ["b"]
    for bad in ("keys: []", "keys: x", "key: a\n    keys: [b]"):
        grouped.write_text(
            f'deviations:\n  - {bad}\n    reason: "{REASONS[0]}"\n    evidence: e\n',
            encoding="utf-8",
        )
        with pytest.raises(ValueError, match="one `key` or a list of `keys`"):
            load_deviations(grouped)


def test_schemathesis_runs_on_its_defaults() -> None:
    """No per-operation allowance (a 400 let through) narrows the gate: a place where the
    emulator is stricter than IonQ's document must show as a finding, listed with
    evidence in deviations.yaml."""
    config = plain_config()
    assert config.projects.default.operations.operations == []
    assert config.projects.default.checks == type(config.projects.default.checks)()


def test_every_listed_key_is_a_finding_of_the_check() -> None:
    """Keys name ``<METHOD> <path> <check>: <what>`` (the one extension note aside)."""
    checks = {
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "positive_data_acceptance",
    }
    for entry in load_deviations():
        method, _, rest = entry.key.partition(" ")
        check_name = rest.partition(" ")[2].partition(":")[0]
        assert method in {"GET", "POST", "PUT", "DELETE"}, entry.key
        assert check_name in checks or check_name == "extension", entry.key
