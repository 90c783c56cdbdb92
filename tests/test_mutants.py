"""Every planted wrong implementation loses its function's points.

The reports (build/reports/mutants-<id>.txt and .json) say which mutants the public tests
alone catch, the message each mutant's own test cell gives, whether that message names the
likely cause, and which *other* test cells fail while the mutant is in place (a bug should cost
one function's points; that is measured here, not yet asserted).
"""

import json

import pytest
from conftest import per_assignment

from grader.devtools import load_mutants, run_mutants, write_reports

pytestmark = pytest.mark.slow


@per_assignment
def test_every_mutant_fails_its_test_cell(assignment, reports_dir):
    outcomes, seconds = run_mutants(assignment, cross=True)
    txt, js = write_reports(assignment.id, outcomes, reports_dir, seconds)
    report = txt.read_text()
    print(report)
    expected = sum(len(v) for v in load_mutants(assignment.id).values())
    assert len(outcomes) == expected and expected > 0
    survivors = [(o.function, o.name, o.detail) for o in outcomes if not o.killed]
    assert not survivors, report
    figures = json.loads(js.read_text())["summary"]
    assert figures["mutants"] == expected and "cross_failing" in figures
