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

# Benchmarks (numbers only, no pass/fail): download size against a minimal Leptos app
# built in the same run, then start-up time on emulated 3G + slow CPU against a static page.
.PHONY: bench
bench:
	bash scripts/install.sh
	bash scripts/bench-size.sh
	node scripts/bench-startup.mjs
