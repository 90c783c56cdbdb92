"""Read the syllabus manifest (``syllabus.toml``): the only list of assignments."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from dlcourse import ROOT

MANIFEST = ROOT / "syllabus.toml"
COURSE_FOLDERS = {
    1: "course1_nn_basics",
    2: "course2_improving",
    3: "course3_strategy",
    4: "course4_cnn",
    5: "course5_sequence",
}
COURSE_TITLES = {
    1: "Neural networks and deep learning",
    2: "Improving deep neural networks",
    3: "Structuring machine learning projects",
    4: "Convolutional neural networks",
    5: "Sequence models",
}


class ManifestError(ValueError):
    """The manifest is malformed or names something that does not exist."""


@dataclass(frozen=True)
class Assignment:
    id: str
    course: int
    week: int
    title: str
    status: str = "planned"
    source: str | None = None
    data: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    modules: tuple[tuple[str, str], ...] = ()  # (file name, assignment id) pairs, see below
    points: float = 0
    time_budget: int = 120
    cell_timeout: int = 300
    # where test cells run while grading: "trusted" (the grader's process, grader/verdict.py)
    # or "kernel" (the learner's kernel, watched by the integrity guard); see SECURITY.md
    verdict: str = "kernel"
    extra: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def available(self) -> bool:
        return self.status == "available"

    @property
    def source_path(self) -> Path:
        if not self.source:
            raise ManifestError(f"assignment {self.id} has no source yet (status {self.status})")
        return ROOT / self.source

    @property
    def folder(self) -> Path:
        """The assignment's folder in the repository (holds the source and the release)."""
        return self.source_path.parent

    @property
    def notebook(self) -> str:
        """The notebook's file name, e.g. ``c1w2a1_python_basics.ipynb``."""
        return self.source_path.with_suffix(".ipynb").name

    @property
    def notebook_stem(self) -> str:
        return self.source_path.stem

    @property
    def release_path(self) -> Path:
        """The generated student notebook committed next to the source."""
        return self.source_path.with_suffix(".ipynb")

    @property
    def shipped_files(self) -> tuple[str, ...]:
        """Files shipped with the notebook: ``files`` plus generated ``modules``.

        ``modules = {"dnn_utils.py" = "c1w4a1"}`` in the manifest makes ``grader build`` write
        ``dnn_utils.py`` from the solution cells of c1w4a1, so a later assignment can import the
        earlier one's functions with one source of truth.
        """
        return self.files + tuple(name for name, _ in self.modules)

    @property
    def course_folder(self) -> str:
        return COURSE_FOLDERS[self.course]


_FIELDS = {f for f in Assignment.__dataclass_fields__ if f != "extra"}


def load(path: Path = MANIFEST) -> list[Assignment]:
    """All assignments in syllabus order."""
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    out = []
    seen = set()
    for entry in raw.get("assignment", []):
        unknown = set(entry) - _FIELDS
        if unknown:
            raise ManifestError(
                f"{path.name}: unknown fields {sorted(unknown)} in {entry.get('id')}"
            )
        entry = dict(entry)
        entry["data"] = tuple(entry.get("data", ()))
        entry["files"] = tuple(entry.get("files", ()))
        entry["modules"] = tuple(sorted(entry.get("modules", {}).items()))
        a = Assignment(**entry)
        if a.id in seen:
            raise ManifestError(f"{path.name}: duplicate assignment id {a.id}")
        seen.add(a.id)
        out.append(a)
    return out


def available(path: Path = MANIFEST) -> list[Assignment]:
    """The assignments whose source exists and that the tests cover."""
    return [a for a in load(path) if a.available]


def get(assignment_id: str, path: Path = MANIFEST) -> Assignment:
    for a in load(path):
        if a.id == assignment_id:
            if not a.available:
                raise ManifestError(f"assignment {assignment_id} is planned but not written yet")
            return a
    known = ", ".join(a.id for a in available(path))
    raise ManifestError(f"unknown assignment {assignment_id!r}; available: {known}")


def by_notebook_name(filename: str, path: Path = MANIFEST) -> Assignment | None:
    """The assignment whose notebook is named ``filename`` (or starts with its id)."""
    name = Path(filename).name
    for a in available(path):
        if name == a.notebook or name.startswith(a.notebook_stem) or name.startswith(a.id + "_"):
            return a
    return None
