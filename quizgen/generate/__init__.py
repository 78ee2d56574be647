"""Generation: items -> questions. One module per question type, registered by name.

A question type is `make(item, context) -> Iterable[Question]` for single-item types,
or works over a group of items (matching, ordering). `generate_questions` runs every
configured type, then the quality gate (`gate.py`) keeps or rejects each question
with a reason.
"""
