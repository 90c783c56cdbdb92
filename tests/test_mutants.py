"""Every planted wrong implementation loses its function's points.

The report (build/reports/mutants-<id>.txt) says which mutants the public tests alone catch.
"""

import pytest
from conftest import per_assignment

from grader.devtools import format_outcomes, load_mutants, run_mutants

pytestmark = pytest.mark.slow


@per_assignment
def test_every_mutant_fails_its_test_cell(assignment, reports_dir):
    outcomes, _ = run_mutants(assignment)
    report = format_outcomes(assignment.id, outcomes)
    (reports_dir / f"mutants-{assignment.id}.txt").write_text(report + "\n")
    print(report)
    expected = sum(len(v) for v in load_mutants(assignment.id).values())
    assert len(outcomes) == expected and expected > 0
    survivors = [(o.function, o.name, o.detail) for o in outcomes if not o.killed]
    assert not survivors, report
