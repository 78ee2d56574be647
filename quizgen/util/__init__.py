"""Small helpers every stage may use: file writing, dates, where the shipped data is.

Nothing here imports another part of quizgen, so any stage can import it without an
upward or circular import (tests/test_import_graph.py keeps it so).
"""
