"""No `is` / `is not` between spaCy tokens or spans anywhere in the package (issue 26).

spaCy builds a new `Token` (and `Span`) object at each access, so `token.head is token` never
holds: a loop that climbs to the root with it never stops (the times stage recursed forever on an
infinitive root). Compare by index (`token.i`) or with `==`.

The check is static: in each function, a name counts as a token or span when it is a parameter
annotated `Token`/`Span`, or is assigned (or loops) over something that gives tokens (`.head`,
`.root`, `.children`, a token-valued name...); an `is` with such an operand fails.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "vigie"

# Attributes of a Token, Span or Doc that give a Token or a Span.
TOKEN_ATTRS = {"head", "root", "sent", "left_edge", "right_edge", "nbor", "char_span"}
# Attributes (or helpers) that give tokens one at a time, in a loop.
TOKEN_ITERS = {"children", "subtree", "ancestors", "lefts", "rights", "conjuncts", "sents",
               "noun_chunks", "ents"}
SPACY_TYPES = {"Token", "Span"}
# Lines of files another branch owns that still have the pattern (path: reason). Each must still
# be there: when it is fixed, drop it from here.
PENDING = {
    "stages/arguments/clauses.py": "being reworked on another branch; its `parent is current` "
                                   "is followed by `or parent.i == current.i`, so it stops",
}


def _annotated_spacy(annotation: ast.expr | None) -> bool:
    return annotation is not None and any(
        isinstance(n, ast.Name) and n.id in SPACY_TYPES for n in ast.walk(annotation))


class _Tokens:
    """The token-valued names of one function."""

    def __init__(self, func: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
        args = func.args
        self.names = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs
                      if _annotated_spacy(a.annotation)}
        for _ in range(3):  # assignments may come in any order: a few passes settle them
            for node in ast.walk(func):
                self._learn(node)

    def _learn(self, node: ast.AST) -> None:
        if isinstance(node, ast.Assign) and self.gives_token(node.value):
            self._add(node.targets)
        elif isinstance(node, ast.AnnAssign) and _annotated_spacy(node.annotation):
            self._add([node.target])
        elif isinstance(node, (ast.For, ast.comprehension)) and self._iterates(node.iter):
            self._add([node.target])
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple):
            for target in node.targets:
                if isinstance(target, ast.Tuple):
                    pairs = zip(target.elts, node.value.elts, strict=False)
                    self._add([t for t, v in pairs if self.gives_token(v)])

    def _add(self, targets: list[ast.expr]) -> None:
        self.names |= {t.id for t in targets if isinstance(t, ast.Name)}

    def gives_token(self, node: ast.expr) -> bool:
        if isinstance(node, ast.Call):
            node = node.func
        if isinstance(node, ast.Attribute):
            return node.attr in TOKEN_ATTRS
        if isinstance(node, ast.Subscript):
            return self._iterates(node.value)
        return isinstance(node, ast.Name) and node.id in self.names

    def _iterates(self, node: ast.expr) -> bool:
        if isinstance(node, ast.Call):
            node = node.func
        if isinstance(node, ast.Attribute):
            return node.attr in TOKEN_ITERS
        return isinstance(node, ast.Name) and node.id in TOKEN_ITERS


def identity_comparisons(source: str) -> list[tuple[int, str]]:
    """(line, code) of every `is` / `is not` with a token or span operand in `source`."""
    found = []
    for func in ast.walk(ast.parse(source)):
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        tokens = _Tokens(func)
        for node in ast.walk(func):
            if not isinstance(node, ast.Compare):
                continue
            operands = [node.left, *node.comparators]
            for i, op in enumerate(node.ops):
                pair = operands[i:i + 2]
                if (isinstance(op, (ast.Is, ast.IsNot)) and any(map(tokens.gives_token, pair))
                        and not any(isinstance(o, ast.Constant) for o in pair)):
                    found.append((node.lineno, ast.unparse(node)))
    return sorted(set(found))


@pytest.mark.parametrize("source, expected", [
    ("def f(t: Token):\n    return t.head is t\n", 1),
    ("def f(span):\n    v = span.root\n    return v is not None\n", 0),
    ("def f(doc):\n    for c in doc[0].children:\n        if c is not doc[1]:\n"
     "            return c\n", 1),
    ("def f(v: Token | None):\n    h = v.head\n    while h is not v:\n        h = h.head\n", 1),
    ("def f(a, b):\n    return a is b\n", 0),
    ("def f(t: Token):\n    return t.head.i == t.i\n", 0),
])
def test_token_identity_detector(source, expected):
    assert len(identity_comparisons(source)) == expected


@pytest.mark.issue(26)
def test_token_identity_never_in_the_package():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        hits = identity_comparisons(path.read_text(encoding="utf-8"))
        if name in PENDING:
            assert hits, f"{name} no longer compares tokens with `is`: drop it from PENDING"
            continue
        found += [f"vigie/{name}:{line}: {code}" for line, code in hits]
    assert not found, "compare tokens by index (token.i) or ==, never `is`:\n" + "\n".join(found)
