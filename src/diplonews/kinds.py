"""Item kinds named on the command line: ``[NAME[,PLURAL]=]MODULE:CLASS``.

A custom kind is a Python class (a ``diplonews.Item`` subclass), so the command line can only
name where it lives; rule files stay plain data and never name code. The module may be an
importable name or a ``.py`` path, so a user's models file beside their rules is enough.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path

from diplonews.model import Item

__all__ = ["KindError", "load_kind"]


def load_kind(spec: str) -> tuple[str, str, type[Item]]:
    """An item kind from ``[NAME[,PLURAL]=]MODULE:CLASS`` (MODULE may be a ``.py`` path).

    NAME defaults to the class name in lower case and PLURAL to NAME + "s", so
    ``--kind mymodels:Sanction`` registers kind ``sanction``, listed as ``sanctions``.
    """
    names, _, target = spec.rpartition("=")
    module_name, sep, class_name = target.rpartition(":")
    if not sep or not module_name or not class_name:
        raise KindError(f"--kind {spec!r}: expected [NAME[,PLURAL]=]MODULE:CLASS, e.g. mymodels:Sanction")
    try:
        if module_name.endswith(".py"):
            path = Path(module_name)
            loader_spec = importlib.util.spec_from_file_location(path.stem, path)
            if loader_spec is None or loader_spec.loader is None:
                raise ImportError(f"cannot load {module_name}")
            module = importlib.util.module_from_spec(loader_spec)
            sys.modules[path.stem] = module  # so parsers holding the class pickle to workers
            loader_spec.loader.exec_module(module)
        else:
            if "" not in sys.path and str(Path.cwd()) not in sys.path:
                sys.path.insert(0, str(Path.cwd()))  # a models module beside the user's files
            module = importlib.import_module(module_name)
    except (ImportError, OSError, SyntaxError) as exc:
        raise KindError(f"--kind {spec!r}: cannot import {module_name}: {exc}") from exc
    model = getattr(module, class_name, None)
    if not (isinstance(model, type) and issubclass(model, Item)):
        raise KindError(f"--kind {spec!r}: {module_name}:{class_name} is not a subclass of diplonews.Item")
    name, _, plural = names.partition(",")
    name = name or class_name.lower()
    return name, plural or f"{name}s", model


class KindError(ValueError):
    """A ``--kind`` option that does not name an importable ``diplonews.Item`` subclass."""
