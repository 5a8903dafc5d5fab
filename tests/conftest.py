import sys
from pathlib import Path

# make `gwk_app` and `tests` importable without installing anything
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
