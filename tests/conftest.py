"""Settings shared by the whole test suite.

Hypothesis profiles: ``dev``, the default, and ``ci``, loaded when the environment variable
``CI`` is set: no deadline (shared runners stall at random) and fewer examples, so that the
suite stays fast. Pick one by hand with ``pytest --hypothesis-profile=dev``.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("dev", max_examples=50)
settings.register_profile("ci", max_examples=30, deadline=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")
