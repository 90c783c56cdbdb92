"""Rebuild the course data sets, deterministically, from offline sources.

Usage (from the repository root)::

    python datasets/build.py animals           # rebuild datasets/animals_64.npz + registry
    python datasets/build.py --check animals   # rebuild in a temp dir; exit 1 unless byte-identical
    python datasets/build.py --list            # the data sets this script can build

Each data set has a builder module in ``datasets/builders/`` (register it in
``BUILDERS`` below). A builder module defines:

* ``OUTPUT``: the file name it produces under ``datasets/``;
* ``DEBIAN_PACKAGES``: Debian package name -> a path the package installs;
* ``PYTHON_MODULES``: importable modules the build needs;
* ``REGISTRY``: the static keys of its table in ``registry.toml``
  (``file``, ``source``, ``licence``, ``build``, ``description``);
* ``build(out_path, log=print)``: writes the file and returns a summary dict.

Learners never run this: the built files are committed. Only maintainers need the
Debian packages (``apt-get install openclipart-png fonts-noto-color-emoji``) and the
packages in ``requirements-build.txt``, if any.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import re
import sys
import tempfile
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REGISTRY_PATH = HERE / "registry.toml"

#: data set name -> builder module (under datasets/builders/)
BUILDERS = {
    "animals": "builders.animals",
    "six_classes": "builders.six_classes",
    "names": "builders.names",
    "emojify": "builders.emojify",
    "glove": "builders.glove",
    "melodies": "builders.melodies",
    "dates": "builders.dates",
    "photos": "builders.photos",
    "efficientnet_lite0": "builders.efficientnet_lite0",
    "transfer_birds": "builders.transfer_birds",
    "style_images": "builders.style_images",
    "trigger_word": "builders.trigger_word",
    "happy_faces": "builders.happy_faces",
    "digit_domains": "builders.digit_domains",
    "face_identities": "builders.face_identities",
    "face_embedding": "builders.face_embedding",
    "lfw_embeddings": "builders.lfw_embeddings",
    "vehicle_kit": "builders.vehicle_kit",
    "yolo_vehicles": "builders.yolo_vehicles",
}


class MissingRequirement(SystemExit):
    """Raised (exit status 2) when a Debian package or Python module is missing."""


def load_builder(name: str):
    if name not in BUILDERS:
        raise SystemExit(f"unknown data set {name!r}; known: {', '.join(sorted(BUILDERS))}")
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    return importlib.import_module(BUILDERS[name])


def check_requirements(name: str, module) -> None:
    """Fail with an install hint when a needed Debian package or module is absent."""
    missing_deb = [pkg for pkg, path in module.DEBIAN_PACKAGES.items() if not Path(path).exists()]
    missing_py = [m for m in getattr(module, "PYTHON_MODULES", [])
                  if importlib.util.find_spec(m) is None]
    if not (missing_deb or missing_py):
        return
    lines = [f"cannot build {name!r}:"]
    if missing_deb:
        for pkg in missing_deb:
            lines.append(f"  Debian package {pkg} is not installed "
                         f"(expected {module.DEBIAN_PACKAGES[pkg]})")
        lines.append(f"  fix: sudo apt-get install {' '.join(missing_deb)}")
    if missing_py:
        lines.append(f"  Python modules not importable: {', '.join(missing_py)}")
        lines.append("  fix: pip install -r requirements.txt -r requirements-build.txt")
    raise MissingRequirement("\n".join(lines))


def sha256(path: Path) -> str:
    from builders.common import sha256 as _sha256

    return _sha256(path)


def _toml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def update_registry(name: str, module, digest: str, size: int) -> None:
    """Set ``sha256`` and ``bytes`` of table ``[name]``, creating the table if absent.

    Edits the text in place so comments and the order of other tables survive.
    """
    text = REGISTRY_PATH.read_text(encoding="utf-8") if REGISTRY_PATH.exists() else ""
    tables = tomllib.loads(text) if text else {}
    if name not in tables:
        entry = dict(module.REGISTRY)
        lines = [f"[{name}]", f"file = {_toml_str(entry['file'])}",
                 f"sha256 = {_toml_str(digest)}", f"bytes = {size}"]
        for key in ("source", "licence", "build", "description"):
            lines.append(f"{key} = {_toml_str(entry[key])}")
        text = text.rstrip("\n") + ("\n\n" if text.strip() else "") + "\n".join(lines) + "\n"
    else:
        start = re.search(rf"^\[{re.escape(name)}\]\s*$", text, re.M)
        nxt = re.search(r"^\[", text[start.end():], re.M)
        end = start.end() + nxt.start() if nxt else len(text)
        body = text[start.end():end]
        body = re.sub(r'^sha256\s*=.*$', f"sha256 = {_toml_str(digest)}", body, flags=re.M)
        body = re.sub(r'^bytes\s*=.*$', f"bytes = {size}", body, flags=re.M)
        text = text[:start.end()] + body + text[end:]
    tomllib.loads(text)  # never write a registry that does not parse
    REGISTRY_PATH.write_text(text, encoding="utf-8")


def build(name: str) -> int:
    module = load_builder(name)
    check_requirements(name, module)
    target = HERE / module.OUTPUT
    print(f"building {name} -> {target.relative_to(HERE.parent)}")
    module.build(target)
    digest, size = sha256(target), target.stat().st_size
    update_registry(name, module, digest, size)
    print(f"  {size} bytes, sha256 {digest}; registry.toml updated")
    return 0


def check(name: str) -> int:
    module = load_builder(name)
    check_requirements(name, module)
    committed = HERE / module.OUTPUT
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / module.OUTPUT
        print(f"rebuilding {name} in a temporary directory")
        module.build(fresh)
        new = sha256(fresh)
    entry = tomllib.loads(REGISTRY_PATH.read_text(encoding="utf-8")).get(name, {})
    problems = []
    if not committed.exists():
        problems.append(f"{committed.name} is missing")
    elif sha256(committed) != new:
        problems.append(f"{committed.name} differs from a fresh build (fresh sha256 {new})")
    if entry.get("sha256") != new:
        problems.append(f"registry.toml [{name}] sha256 is {entry.get('sha256')!r}, "
                        f"a fresh build gives {new}")
    if problems:
        print("NOT reproducible:\n  " + "\n  ".join(problems))
        print(f"  (if the change is intended, run: python datasets/build.py {name})")
        return 1
    print(f"OK: a fresh build of {name} is byte-identical to {committed.name} (sha256 {new})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="data sets to build (see --list)")
    parser.add_argument("--check", action="store_true",
                        help="rebuild into a temp dir and compare with the committed file")
    parser.add_argument("--list", action="store_true", help="list the known data sets")
    args = parser.parse_args(argv)
    if args.list or not args.names:
        for name, mod in sorted(BUILDERS.items()):
            print(f"{name}\t(datasets/{mod.replace('.', '/')}.py)")
        return 0 if args.list else 2
    status = 0
    for name in args.names:
        status |= check(name) if args.check else build(name)
    return status


if __name__ == "__main__":
    sys.exit(main())
