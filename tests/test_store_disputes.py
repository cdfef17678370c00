"""Disputes: one story, figures that differ by claimant."""

from __future__ import annotations

import pytest

from vigie.errors import StoreError
from vigie.store.report import claims, disputes, explain


def test_store_disputes_lists_each_claimant(store, report_record):
    store.add_record(report_record("r1", "2024-03-02", killed=9, claimant="OSDH"))
    store.add_record(report_record("r2", "2024-03-03", killed=14, claimant="Casques blancs"))
    store.add_record(report_record("r3", "2024-03-03", killed=9, claimant="OSDH", when="lundi"))
    rows = [(c.story, c.kind, c.claimant, c.value, c.doc_id, c.published)
            for c in disputes(store)]
    assert rows == [
        (1, "killed", "OSDH", 9.0, "r1", "2024-03-02"),
        (1, "killed", "Casques blancs", 14.0, "r2", "2024-03-03"),
        (1, "killed", "OSDH", 9.0, "r3", "2024-03-03"),
    ]


def test_store_disputes_ignores_agreeing_claimants(store, report_record):
    store.add_record(report_record("r1", "2024-03-02", killed=9, claimant="OSDH"))
    store.add_record(report_record("r2", "2024-03-02", killed=9, claimant="Casques blancs"))
    assert disputes(store) == []
    assert len(claims(store)) == 2


def test_store_disputes_unattributed_figure_is_its_article(store, report_record):
    store.add_record(report_record("r1", "2024-03-02", killed=9, claimant="OSDH"))
    store.add_record(report_record("r2", "2024-03-02", killed=11))
    assert [c.claimant for c in disputes(store, story_id=1)] == ["OSDH", "r2 (unattributed)"]


def test_store_explain_unknown_story(store):
    with pytest.raises(StoreError, match="V051"):
        explain(store, 42)
