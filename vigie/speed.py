"""Make the model's own neural work cheaper without changing what it predicts.

spaCy's CPU backend multiplies matrices with BLIS; on the x86 machines vigie was measured on
(docs/speed.md) numpy's bundled OpenBLAS does the same float32 products 2.5 to 4 times faster, and
these products are most of the model's time (tok2vec, the NER's own tok2vec, the parsers' lower
layers). vigie therefore gives every layer of the loaded model a `NumpyOps(use_blis=False)`, whose
`gemm` is `numpy.dot`. BLAS runs on one thread per process: the bare pipeline it is compared with
uses one core, and `n_process` workers must not fight over the cores.
"""

from __future__ import annotations

import gc
import logging

import numpy
from spacy.attrs import (
    DEP,
    IDS,
    IS_ALPHA,
    IS_DIGIT,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LOWER,
    MORPH,
    NORM,
    ORTH,
    POS,
    TAG,
)
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
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


def collect_load_garbage() -> None:
    """Run one full garbage collection once the pipeline is loaded.

    Loading allocates about half a million objects (the model's tables, the knowledge base, the
    gazetteer, the lexicons); the ones made after the last automatic full collection count towards
    the next one, which then fell on the first articles (0.2 CPU s, 5% of the 84 real articles of
    `make bench`). Collecting here leaves no setting changed; gc.freeze() would also spare the
    later full collections but is a process-wide side effect of a library call (docs/speed.md).
    """
    gc.collect()


# Token attributes a one-token pattern may test here (read with doc.to_array, as the Matcher reads
# them) and the ones a rule may set (written with doc.from_array, MORPH with set_token_attrs).
_TESTED = {POS, TAG, DEP, ORTH, LOWER, NORM, LEMMA, IS_SPACE, IS_PUNCT, IS_ALPHA, IS_DIGIT}
_COLUMNS = (TAG, POS, DEP)


class _Rule:
    """One rule of an AttributeRuler whose patterns are single tokens: its tests and settings."""

    def __init__(self, patterns: list[list[dict]], attrs: dict, strings):
        self.tests = [[_test(attr, value, strings) for attr, value in spec.items()]
                      for (spec,) in patterns]
        self.sets = [(_COLUMNS.index(attr), value) for attr, value in attrs.items()
                     if attr != MORPH]
        self.morph = attrs.get(MORPH)

    def mask(self, read: numpy.ndarray, where: dict[int, int]) -> numpy.ndarray | None:
        """The tokens one of the rule's patterns matches (`read`: one row per tested attribute)."""
        hit = None
        for tests in self.tests:
            each = None
            for attr, kind, values in tests:
                row = read[where[attr]]
                if len(values) == 1:
                    found = row == values[0] if kind == "IN" else row != values[0]
                else:
                    found = numpy.isin(row, values, invert=kind == "NOT_IN")
                each = found if each is None else each & found
            if each is not None:
                hit = each if hit is None else hit | each
        return hit


def _test(attr: str, value, strings) -> tuple[int, str, numpy.ndarray]:
    """(attribute id, "IN" or "NOT_IN", values) as the Matcher reads a token spec's entry."""
    attr_id = IDS[attr.upper()]
    if isinstance(value, dict):
        (kind, values), = value.items()
        found = [get_string_id(v) for v in values]
    else:
        kind = "IN"
        found = [int(value) if isinstance(value, bool) else
                 strings.add(value) if isinstance(value, str) else value]
    return attr_id, kind, numpy.array(found, dtype=numpy.uint64)  # hashes need all 64 bits


def _supported(patterns: list[dict]) -> bool:
    """Every pattern one token with plain tests; every rule sets token columns or MORPH."""
    for rule in patterns:
        if rule["index"] not in (0, -1) or not set(rule["attrs"]) <= {"TAG", "POS", "DEP", "MORPH"}:
            return False
        for pattern in rule["patterns"]:
            if len(pattern) != 1 or not pattern[0]:
                return False
            for attr, value in pattern[0].items():
                if not isinstance(attr, str) or IDS.get(attr.upper()) not in _TESTED:
                    return False
                if isinstance(value, dict) and (len(value) != 1 or
                                                not set(value) <= {"IN", "NOT_IN"}):
                    return False
    return True


class ColumnAttributeRuler:
    """spaCy's AttributeRuler (`base`) when its patterns are single tokens with plain tests (the
    models' only use: TAG from POS, whitespace tokens): the same tests and the same settings, last
    rule winning, read and written as columns instead of a Matcher run and a Span and a Token per
    token."""

    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.base = None  # the model's attribute ruler, set by use_column_attribute_ruler
        self.rules: list[_Rule] = []
        self.read: list[int] = []  # the attributes the rules test, and their columns in `read`
        self.where: dict[int, int] = {}

    def set_base(self, base, strings) -> None:
        self.base = base
        self.rules = [_Rule(p["patterns"], attrs, strings)
                      for p, attrs in zip(base.patterns, base.attrs, strict=True)]
        self.read = sorted({attr for rule in self.rules for tests in rule.tests
                            for attr, _, _ in tests})
        self.where = {attr: k for k, attr in enumerate(self.read)}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not self.rules:
            return doc
        read = numpy.ascontiguousarray(doc.to_array(self.read).T)
        columns = doc.to_array(list(_COLUMNS))
        morphs: dict[int, int] = {}
        for rule in self.rules:  # in order: a later rule overrides an earlier one
            hit = rule.mask(read, self.where)
            if hit is None or not hit.any():
                continue
            for column, value in rule.sets:
                columns[hit, column] = value
            if rule.morph is not None:
                morphs.update(dict.fromkeys(numpy.flatnonzero(hit).tolist(), rule.morph))
        doc.from_array(list(_COLUMNS), columns)
        for i, morph in morphs.items():
            set_token_attrs(doc[i], {MORPH: morph})
        return doc


@Language.factory("vigie_attribute_ruler", assigns=["token.tag", "token.pos", "token.morph"])
def make_attribute_ruler(nlp: Language, name: str) -> ColumnAttributeRuler:
    return ColumnAttributeRuler(nlp, name)


def use_column_attribute_ruler(nlp: Language) -> bool:
    """Put ColumnAttributeRuler in place of the model's attribute ruler when its patterns allow,
    keeping its name and position; True when it did."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    base = nlp.get_pipe("attribute_ruler")
    if not _supported(base.patterns):
        LOGGER.debug("attribute ruler kept: its patterns need spaCy's Matcher")
        return False
    ruler = nlp.replace_pipe("attribute_ruler", "vigie_attribute_ruler")
    ruler.set_base(base, nlp.vocab.strings)
    return True
