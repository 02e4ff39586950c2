"""Feedback on long runs: a progress bar on a terminal, nothing anywhere else.

The bar appears only when a run has taken longer than a moment (:data:`DELAY` seconds), so a
quick check prints nothing but its findings; it goes to standard error and disappears when
done, so it never mixes with the report on standard output. It stays off when standard error
is not a terminal (piped, redirected) and in CI (``CI`` set, as every CI service does).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Mapping
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

#: Seconds a run may take before the bar appears: below this, a bar would only flicker.
DELAY = 0.5


def progress_wanted(stream: TextIO, env: Mapping[str, str] | None = None) -> bool:
    """Whether a progress bar should be shown on ``stream``."""
    env = os.environ if env is None else env
    if env.get("CI") or env.get("FACTCHECK_NO_PROGRESS"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Feedback:
    """A run's phases, shown as a transient progress bar when the run is slow.

    Use as a context manager and call :meth:`step` at the start of each phase::

        with Feedback(total=3) as feedback:
            feedback.step("读取声明库")
            ...
    """

    def __init__(
        self,
        total: int,
        *,
        enabled: bool | None = None,
        stream: TextIO | None = None,
        delay: float = DELAY,
    ) -> None:
        self._stream = stream or sys.stderr
        self.enabled = progress_wanted(self._stream) if enabled is None else enabled
        self._total = max(total, 1)
        self._delay = delay
        self._lock = threading.Lock()
        self._done = 0
        self._description = ""
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._timer: threading.Timer | None = None
        self.shown = False

    def __enter__(self) -> Feedback:
        if self.enabled:
            self._timer = threading.Timer(self._delay, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            if self._progress is not None:
                self._progress.stop()
                self._progress = None

    def step(self, description: str) -> None:
        """Start the next phase (the previous one counts as done)."""
        with self._lock:
            if self._description:
                self._done += 1
            self._description = description
            if self._progress is not None and self._task is not None:
                self._progress.update(self._task, completed=self._done, description=description)

    def _show(self) -> None:
        with self._lock:
            if self._progress is not None:
                return
            console = Console(file=self._stream, stderr=self._stream is sys.stderr)
            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.completed}/{task.total}"),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
            self._task = self._progress.add_task(
                self._description, total=self._total, completed=self._done
            )
            self._progress.start()
            self.shown = True


__all__ = ["DELAY", "Feedback", "progress_wanted"]
