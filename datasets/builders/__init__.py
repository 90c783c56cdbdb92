"""Deterministic builders of the course data sets, one module per data set.

Each builder module defines ``OUTPUT`` (file name under ``datasets/``),
``DEBIAN_PACKAGES`` (package name -> a path that package installs),
``REGISTRY`` (the static registry keys) and ``build(out_path) -> dict``.
``datasets/build.py`` runs them and keeps ``datasets/registry.toml`` in step.
"""
