# Shortcuts for dev.py, which needs nothing but Python 3.11+.
PYTHON ?= $(shell command -v python3.11 || command -v python3)

.PHONY: setup run test eval check
setup run test eval:
	$(PYTHON) dev.py $@

check: setup
	scripts/check
