"""Make the model's own neural work cheaper without changing what it predicts.

spaCy's CPU backend multiplies matrices with BLIS; on the x86 machines vigie was measured on
(docs/speed.md) numpy's bundled OpenBLAS does the same float32 products 2.5 to 4 times faster, and
these products are most of the model's time (tok2vec, the NER's own tok2vec, the parsers' lower
layers). vigie therefore gives every layer of the loaded model a `NumpyOps(use_blis=False)`, whose
`gemm` is `numpy.dot`. BLAS runs on one thread per process: the bare pipeline it is compared with
uses one core, and `n_process` workers must not fight over the cores.
"""

from __future__ import annotations

import logging

from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

LOGGER = logging.getLogger(__name__)

# One BLAS thread per process: n_process (or Ray actors) is how vigie uses more cores.
BLAS_THREADS = 1


def use_numpy_gemm(nlp: Language) -> int:
    """Give every layer of the pipeline's thinc models an ops whose gemm is numpy's (OpenBLAS).

    Args:
        nlp: a loaded pipeline.

    Returns:
        The number of layers changed.
    """
    ops = NumpyOps(use_blis=False)
    changed = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            node.ops = ops
            changed += 1
    limit_blas_threads()
    LOGGER.debug("numpy gemm on %d model layers", changed)
    return changed


def limit_blas_threads(threads: int = BLAS_THREADS) -> None:
    """Cap the BLAS libraries of this process at `threads` threads (process-wide, idempotent)."""
    threadpool_limits(limits=threads, user_api="blas")
