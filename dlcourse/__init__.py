"""Shared utilities of the course: data loaders (:mod:`dlcourse.data`), plots
(:mod:`dlcourse.plots`) and the public test helpers (:mod:`dlcourse.testing`).

Every notebook imports from here instead of pasting helpers, so a fix lands once.
"""

from pathlib import Path

#: The repository root (the folder holding ``datasets/`` and ``syllabus.toml``).
ROOT = Path(__file__).resolve().parent.parent

__all__ = ["ROOT"]
