"""The exceptions factcheck raises.

Two families:

- :class:`InputError` (a ``ValueError``) — something a user wrote is wrong: a figure that
  cannot be read, a claims or rules file that does not validate. It carries where (file,
  line, column) and what was expected, and its message is meant for the user as it is.
- :class:`InternalError` — a bug in factcheck. Please report it with the input that caused it.
"""

from __future__ import annotations

from dataclasses import dataclass


class FactcheckError(Exception):
    """Base class of every exception factcheck raises on purpose."""


class InputError(ValueError, FactcheckError):
    """Bad input. ``str(err)`` is the message for the user; fields are kept as attributes."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        col: int | None = None,
        found: str | None = None,
        expected: str | None = None,
        code: str = "FC001",
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.col = col
        self.found = found
        self.expected = expected
        self.code = code
        super().__init__(message)

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path
            if self.line:
                where += f":{self.line}"
                if self.col:
                    where += f":{self.col}"
            where += ": "
        return where + self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_input_error,
            (
                type(self),
                self.message,
                self.path,
                self.line,
                self.col,
                self.found,
                self.expected,
                self.code,
            ),
        )


def _rebuild_input_error(
    cls: type[InputError],
    message: str,
    path: str | None,
    line: int | None,
    col: int | None,
    found: str | None,
    expected: str | None,
    code: str,
) -> InputError:
    err = cls.__new__(cls)
    InputError.__init__(
        err, message, path=path, line=line, col=col, found=found, expected=expected, code=code
    )
    return err


class QuantityError(InputError):
    """A text that is not a figure factcheck can read.

    Attributes:
        text: the text as given.
        position: 0-based index into ``text`` where reading failed.
        expected: what would have been readable there.
    """

    def __init__(self, text: str, position: int, expected: str, *, reason: str = "") -> None:
        self.text = text
        self.position = position
        pointer = " " * _display_width(text[:position]) + "^"
        found = text[position] if position < len(text) else "（文本结束）"
        head = f"无法读取数字「{text}」"
        if reason:
            head += f"：{reason}"
        message = (
            f"{head}\n  {text}\n  {pointer}\n"
            f"第 {position + 1} 个字符处见到「{found}」，应为{expected}"
        )
        super().__init__(message, found=text, expected=expected, col=position + 1, code="FC002")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_quantity_error, (self.text, self.position, self.expected))


def _rebuild_quantity_error(text: str, position: int, expected: str) -> QuantityError:
    return QuantityError(text, position, expected)


class InternalError(FactcheckError):
    """A bug in factcheck: please report it, with the input that caused it."""


@dataclass(frozen=True)
class Problem:
    """One problem found in a user's file, for tools that gather problems before raising."""

    message: str
    path: str | None = None
    line: int | None = None
    col: int | None = None
    code: str = "FC001"

    def as_error(self) -> InputError:
        return InputError(
            self.message, path=self.path, line=self.line, col=self.col, code=self.code
        )

    def __str__(self) -> str:
        return str(self.as_error())


class InputErrors(InputError):
    """Several problems gathered from one run (``lint`` reports all of them)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def __str__(self) -> str:
        return self.message


def _display_width(text: str) -> int:
    # CJK characters take two columns in a terminal; the caret must line up under them.
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
