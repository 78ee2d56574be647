"""Teacher review: decisions on questions, kept beside the recipe and applied on every build.

decisions.py  the review file (decks/<recipe>.review.yaml): one decision per question id
apply.py      what a build does with the decisions (teacher's versions in, rejected out)
present.py    a question as the student sees it, and its source sentence in its paragraph
web.py        the review pages (FastAPI + Jinja), for `quizgen review` and `quizgen serve`
"""
