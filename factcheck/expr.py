"""The rule expression language: parsed with a whitelist, walked as a tree, never ``eval``-ed.

Grammar (precedence from loosest to tightest)::

    rule       := sum (COMPARE sum)?            COMPARE: == <= >= < >
    sum        := product (("+" | "-") product)*
    product    := unary (("*" | "/") unary)*
    unary      := "-" unary | atom
    atom       := NUMBER "%"? | call | ref | "(" sum ")"
    call       := "sum" "(" ref ")"
    ref        := NAME ("[" selector ("," selector)* "]")?
    selector   := KEY "=" VALUE        KEY: subject period measure scope of status
                                       (in sum() only: scope=A|B|C)

``第一产业增加值 + 第二产业增加值 + 第三产业增加值 == 地区生产总值`` states an identity;
``地区生产总值[period=-1y]`` is the same figure a year earlier; ``常住人口[subject=青岛市]`` names
another subject; ``sum(地区生产总值[subject=children])`` adds the figure over the subjects one
level below; ``sum(货运量[scope=公路|铁路|水路|航空])`` adds it over the scopes listed (parts that
do not overlap: a report's 其中 list may mix kinds, 国有控股 and 股份制, that do). ``==`` holds
when both sides can be equal within rounding (the intervals overlap).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Nesting deeper than this is refused: no real identity needs it, and a hand-written rule
#: that nests 50 brackets is a mistake that would otherwise exhaust the recursion stack.
MAX_DEPTH = 32

COMPARISONS = ("==", "<=", ">=", "<", ">")
SELECTOR_KEYS = ("subject", "period", "measure", "scope", "of", "status")

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<number>\d+(?:\.\d+)?)
  | (?P<op>==|<=|>=|<|>|\+|-|\*|/|\(|\)|\[|\]|,|=|%)
  | (?P<name>[^\s\d+\-*/()\[\],=<>%][^\s+*/()\[\],=<>%]*)
    """,
    re.VERBOSE,
)


class ExprError(ValueError):
    """An expression that does not parse; carries the column and a caret line."""

    def __init__(self, text: str, col: int, description: str) -> None:
        self.text = text
        self.col = col
        self.description = description
        super().__init__(f"{description}\n  {text}\n  {' ' * _width(text[:col])}^")


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Number:
    value: float
    percent: bool = False

    def __str__(self) -> str:
        text = f"{self.value:g}"
        return text + ("%" if self.percent else "")


@dataclass(frozen=True)
class Ref:
    """A figure: a metric with selectors relative to the subject and period being checked."""

    metric: str
    selectors: tuple[tuple[str, str], ...] = ()
    col: int = 0

    def selector(self, key: str) -> str | None:
        return dict(self.selectors).get(key)

    def __str__(self) -> str:
        if not self.selectors:
            return self.metric
        return f"{self.metric}[{', '.join(f'{k}={v}' for k, v in self.selectors)}]"


def scope_alternatives(ref: Ref) -> tuple[str, ...]:
    """The scopes of ``货运量[scope=公路|铁路|水路]``, in order; () for a single scope or none."""
    scope = ref.selector("scope")
    return tuple(scope.split("|")) if scope and "|" in scope else ()


@dataclass(frozen=True)
class Sum:
    """``sum(ref)``: the figure added over the subjects one level below, or over the scopes
    ``ref`` lists (``sum(货运量[scope=公路|铁路|水路])``)."""

    ref: Ref

    def __str__(self) -> str:
        return f"sum({self.ref})"


@dataclass(frozen=True)
class Neg:
    operand: Node

    def __str__(self) -> str:
        return f"-{_wrap(self.operand, 3)}"


@dataclass(frozen=True)
class BinOp:
    op: str
    left: Node
    right: Node

    def __str__(self) -> str:
        p = _PRECEDENCE[self.op]
        # Right operands of - and / need brackets at equal precedence: a - (b - c).
        return f"{_wrap(self.left, p)} {self.op} {_wrap(self.right, p + (self.op in '-/'))}"


@dataclass(frozen=True)
class Compare:
    op: str
    left: Node
    right: Node

    def __str__(self) -> str:
        return f"{self.left} {self.op} {self.right}"


Node = Number | Ref | Sum | Neg | BinOp

_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}


def _wrap(node: Node, precedence: int) -> str:
    if isinstance(node, BinOp) and _PRECEDENCE[node.op] < precedence:
        return f"({node})"
    return str(node)


def tokenize(text: str) -> list[Token]:
    tokens = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            raise ExprError(text, pos, f"无法识别的字符「{text[pos]}」")
        kind = m.lastgroup or ""
        if kind != "space":
            tokens.append(Token(kind, m.group(0), m.start(), m.end()))
        pos = m.end()
    return tokens


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.pos = 0
        self.depth = 0

    def peek(self) -> Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def col(self) -> int:
        tok = self.peek()
        return tok.start if tok else len(self.text)

    def accept(self, *texts: str) -> Token | None:
        tok = self.peek()
        if tok is not None and tok.kind == "op" and tok.text in texts:
            self.pos += 1
            return tok
        return None

    def expect(self, text: str) -> Token:
        tok = self.accept(text)
        if tok is None:
            found = self.peek()
            raise ExprError(
                self.text,
                self.col(),
                f"此处应为「{text}」，实际为「{found.text if found else '结尾'}」",
            )
        return tok

    def rule(self) -> Compare | Node:
        left = self.sum()
        tok = self.accept(*COMPARISONS)
        node: Compare | Node = left
        if tok is not None:
            node = Compare(tok.text, left, self.sum())
        if self.peek() is not None:
            raise ExprError(self.text, self.col(), f"多余的内容「{self.peek().text}」")  # type: ignore[union-attr]
        return node

    def sum(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExprError(self.text, self.col(), f"嵌套超过 {MAX_DEPTH} 层")
        node = self.product()
        while tok := self.accept("+", "-"):
            node = BinOp(tok.text, node, self.product())
        self.depth -= 1
        return node

    def product(self) -> Node:
        node = self.unary()
        while tok := self.accept("*", "/"):
            node = BinOp(tok.text, node, self.unary())
        return node

    def unary(self) -> Node:
        if self.accept("-"):
            return Neg(self.unary())
        return self.atom()

    def atom(self) -> Node:
        tok = self.peek()
        if tok is None:
            raise ExprError(self.text, len(self.text), "表达式不完整：此处应为指标、数字或括号")
        if tok.kind == "number":
            self.pos += 1
            return Number(float(tok.text), bool(self.accept("%")))
        if self.accept("("):
            node = self.sum()
            self.expect(")")
            return node
        if tok.kind == "name":
            self.pos += 1
            if tok.text == "sum" and self.accept("("):
                ref = self.ref(self.peek())
                self.expect(")")
                return Sum(ref)
            return self.ref(tok, consumed=True)
        raise ExprError(self.text, tok.start, f"此处应为指标、数字或括号，实际为「{tok.text}」")

    def ref(self, tok: Token | None, *, consumed: bool = False) -> Ref:
        if tok is None or tok.kind != "name":
            raise ExprError(self.text, self.col(), "此处应为指标名")
        if not consumed:
            self.pos += 1
        selectors: list[tuple[str, str]] = []
        if self.accept("["):
            while True:
                key = self.peek()
                if key is None or key.kind != "name" or key.text not in SELECTOR_KEYS:
                    raise ExprError(
                        self.text, self.col(), f"选择器应为 {'、'.join(SELECTOR_KEYS)} 之一"
                    )
                self.pos += 1
                self.expect("=")
                value = self._selector_value()
                selectors.append((key.text, value))
                if self.accept("]"):
                    break
                self.expect(",")
        return Ref(tok.text, tuple(selectors), tok.start)

    def _selector_value(self) -> str:
        parts = []
        while (tok := self.peek()) is not None and not (tok.kind == "op" and tok.text in ",]"):
            parts.append(tok.text)
            self.pos += 1
        if not parts:
            raise ExprError(self.text, self.col(), "选择器缺少取值")
        return "".join(parts)


def parse(text: str) -> Compare | Node:
    """Parse a rule expression.

    Raises:
        ExprError: the text does not parse; ``col`` points at the problem.
    """
    return _Parser(text).rule()


def refs(node: Compare | Node) -> list[Ref]:
    """Every figure an expression names, in order."""
    if isinstance(node, Ref):
        return [node]
    if isinstance(node, Sum):
        return [node.ref]
    if isinstance(node, Neg):
        return refs(node.operand)
    if isinstance(node, BinOp | Compare):
        return refs(node.left) + refs(node.right)
    return []
