"""Put the service's src folder on sys.path only when trajectory_service is not installed."""

import importlib.util
import sys
from pathlib import Path

if importlib.util.find_spec("trajectory_service") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
