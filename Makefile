# Developer shortcuts. Each target is a thin wrapper over a script or a quizgen command.
PYTHON ?= .venv/bin/python
FUZZ_SECONDS ?= 60

.PHONY: eval bench fuzz

# Extraction scores on the corpus and the dev set (../shared/eval), trained and blank pipelines.
eval:
	$(PYTHON) scripts/eval

# Corpus-scale build figures on ../shared/bench/speeches: per size words/s, stage times, memory, cost.
bench:
	.venv/bin/quizgen bench

# Coverage-guided fuzzing of the front-matter reader and the cleaner for FUZZ_SECONDS.
# Needs atheris (pip install -e '.[fuzz]'); crashes are written to fuzz/crashes/.
fuzz:
	mkdir -p fuzz/crashes fuzz/work
	cp -n fuzz/seeds/* fuzz/work/
	$(PYTHON) fuzz/fuzz_ingest.py fuzz/work -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=fuzz/crashes/ -timeout=20 -rss_limit_mb=2048
