# The two commands of the README. Each installs whatever is missing first (idempotent).
.PHONY: serve test test-engine

serve:
	bash scripts/install.sh
	bash scripts/serve.sh

test:
	bash scripts/install.sh
	bash scripts/test.sh

# Engine only: native, seconds, no browser tools needed.
test-engine:
	cargo test -p dti-engine
