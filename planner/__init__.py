"""Back Planner: plan back-care exercises gradually across the week and run them in a terminal."""

# The one place the version lives; pyproject reads it from here (importlib.metadata
# would cost a tenth of a second on every start).
__version__ = "0.1.0"
