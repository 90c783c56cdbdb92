"""Demo cells (tag ``demo``: training showcases, plots, timing) are skipped when grading.

Statically, for every available assignment: no kept cell reads a name whose latest definition
is a demo cell. Dynamically (tests/test_grading.py): the reference and the blank release get
the same per-function scores with the demo cells skipped and with ``--full-run``; the mutant
catalogue runs with them skipped, as the grader does.
"""

import nbformat
import pytest
from conftest import AVAILABLE

from grader import source as src


@pytest.mark.parametrize("assignment", AVAILABLE, ids=[a.id for a in AVAILABLE])
def test_no_kept_cell_needs_a_demo_cell(assignment):
    nb = src.read_source(assignment.source_path)
    assert src.demo_dependencies(nb) == []


@pytest.mark.parametrize("assignment", AVAILABLE, ids=[a.id for a in AVAILABLE])
def test_demo_tags_reach_the_release_notebook(assignment):
    source = src.read_source(assignment.source_path)
    source_tags = [c.metadata.get("tags", []) for c in source.cells]
    release = nbformat.read(assignment.release_path, as_version=4)
    assert [c.metadata.get("tags", []) for c in release.cells] == source_tags


def _nb(*cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s, metadata={"tags": ["demo"]} if demo else {})
                for s, demo in cells]
    return nb


def test_a_name_from_a_demo_cell_used_later_is_reported():
    nb = _nb(("import numpy as np", False), ("costs = np.zeros(3)", True),
             ("def report():\n    return costs.sum()", False))
    problems = src.demo_dependencies(nb)
    assert len(problems) == 1 and "'costs'" in problems[0] and "demo cell 1" in problems[0]


def test_locals_redefinitions_and_demo_only_use_are_not_reported():
    nb = _nb(("x = 1", False), ("costs = [x]\nplot = costs", True),
             ("def f(costs):\n    return [c for c in costs]", False),  # a parameter, not global
             ("def g(costs):\n    return {k: costs[k] for k in 'ab'}", False),  # free, not global
             ("costs = [2]\nprint(costs)", False),                       # redefined before use
             ("print(plot)", True))                                      # demo reads demo
    assert src.demo_dependencies(nb) == []


def test_a_demo_that_rebinds_a_kept_name_is_reported():
    nb = _nb(("parameters = {}", False), ("parameters = {'W1': 0}", True),
             ("print(parameters)", False))
    assert src.demo_dependencies(nb) and "'parameters'" in src.demo_dependencies(nb)[0]
