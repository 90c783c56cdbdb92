"""Fast checks of grader.sandbox's input handling (no kernel): bad files get a plain message,
and the graded notebook is rebuilt from the release whatever the student did to its cells."""

import json

import nbformat
import pytest

from grader import manifest, sandbox
from grader import source as src

A = manifest.available()[0]


def _release():
    return nbformat.read(A.release_path, as_version=4)


def _reference():
    return src.read_source(A.source_path)


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"\xff\xfe\x00", "not text"),
    (b"{ nope", "not valid JSON"),
    (b"[1, 2]", "not a notebook"),
    (json.dumps({"nbformat": 2, "worksheets": []}).encode(), "format 2 is not supported"),
])
def test_unreadable_input_is_rejected_with_a_message(data, message):
    with pytest.raises(sandbox.Rejected, match=message):
        sandbox.read_submission(data)


def test_format_3_is_converted_and_flagged():
    v3 = nbformat.writes(nbformat.convert(_reference(), 3), version=3).encode()
    nb, flags = sandbox.read_submission(v3)
    assert nb.nbformat == 4 and any("format 3" in f for f in flags)


def test_rebuild_takes_only_solution_cells_from_the_student():
    ref = _reference()
    test = next(c for c in ref.cells if c.metadata.get("nbgrader", {}).get("grade")
                and not c.metadata["nbgrader"].get("solution"))
    test.source = "pass"
    test.metadata.nbgrader["points"] = 99
    ref.cells.append(nbformat.v4.new_code_cell("import os; os.system('echo hi')"))
    graded, flags, taken = sandbox.rebuild(ref, _release())
    solutions = [c for c in graded.cells if c.metadata.get("nbgrader", {}).get("solution")]
    assert taken == len(solutions) and all("NotImplementedError" not in c.source
                                           for c in solutions)
    gid = test.metadata.nbgrader["grade_id"]
    assert f"restored test cell {gid} (edited in the submission)" in flags
    assert any(f.startswith(f"changed points of {gid}") for f in flags)
    assert any("were not run" in f for f in flags)
    assert "os.system" not in json.dumps(graded)
    assert len(graded.cells) == len(_release().cells)


def test_rebuild_of_the_release_is_the_release():
    graded, flags, _ = sandbox.rebuild(_release(), _release())
    assert flags == [] and graded == _release()


def test_imported_names_are_found():
    assert sandbox._imported_names("import numpy as np\nfrom x import (a, b as c)\n"
                                   "import os.path") == ["np", "a", "c", "os"]
    assert sandbox._imported_names("def (") == []
