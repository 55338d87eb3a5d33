"""Suite-wide test settings."""

from hypothesis import settings

# Property tests check what the rules answer, not how fast: speed is measured in `make bench`.
# Hypothesis's per-example deadline (200 ms) fails them at random on a loaded machine.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")
