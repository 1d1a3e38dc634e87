# The commands a newcomer needs: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CONSULT := $(BIN)/consult
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test install vendor catalogs migrate demo lint format system runtime wheel clean

# `make run` is a developer's server: links follow the address below unless it is set.
run migrate demo: export CONSULT_PUBLIC_BASE_URL ?= http://$(HOST):$(PORT)

run: install vendor catalogs runtime instance/config.py migrate demo
	@echo "Serving Consult on http://$(HOST):$(PORT)/  (staff sign-in: http://$(HOST):$(PORT)/auth/sign-in)"
	$(CONSULT) run --host $(HOST) --port $(PORT)

test: install vendor catalogs system
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# KERN (the administration's UX standard), the Noto web fonts for Arabic and Ethiopic script
# (docs/fonts.md) and axe-core come from npm; their files are copied into the static folder,
# never committed.
KERN := node_modules/@kern-ux/native/dist
FONTSOURCE := node_modules/@fontsource
VENDOR := consult/static/vendor

vendor: $(VENDOR)/.installed

$(VENDOR)/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "npm is missing: install Node.js (Debian: apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error --ignore-scripts
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/kern
	cp -r $(KERN)/kern.min.css $(KERN)/fonts $(VENDOR)/kern/
	mkdir -p $(VENDOR)/noto
	for w in 400 700; do \
	  cp $(FONTSOURCE)/noto-sans-arabic/files/noto-sans-arabic-arabic-$$w-normal.woff2 \
	     $(FONTSOURCE)/noto-sans-ethiopic/files/noto-sans-ethiopic-ethiopic-$$w-normal.woff2 $(VENDOR)/noto/; \
	done
	cp $(FONTSOURCE)/noto-sans-arabic/LICENSE $(VENDOR)/noto/LICENSE-OFL.txt
	touch $@

catalogs: install
	$(CONSULT) translate compile

instance/config.py:
	mkdir -p instance
	$(BIN)/python -c "import secrets; print(f'SECRET_KEY = {secrets.token_hex(32)!r}')" > $@
	@echo "Wrote a new random SECRET_KEY to $@"

migrate: install instance/config.py
	$(CONSULT) db upgrade

demo: migrate
	$(CONSULT) demo load

# Debian packages Consult needs at run time (keep in step with consult/system.py, which
# `consult doctor` reports from): Pango and HarfBuzz for WeasyPrint's PDFs; fonts for
# Arabic-script (Arabic, Farsi, Pashto, Sorani), Cyrillic and Ethiopic text in word clouds
# and PDFs.
RUNTIME_PACKAGES := fonts-dejavu-core fonts-sil-abyssinica fonts-noto-core \
	fonts-noto-color-emoji \
	libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
# ... and what the tests need on top: chromium for the browser tests (Playwright never
# downloads a browser here); poppler-utils to read PDFs back; LibreOffice to render the
# DOCX report in the report rendering tests; Java for the Nu HTML checker (vnu-jar from npm).
SYSTEM_PACKAGES := $(RUNTIME_PACKAGES) chromium poppler-utils libreoffice-writer-nogui \
	default-jre-headless

define apt_install
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Missing Debian packages: $$missing  (as root: apt-get install $$missing)"; fi; fi
endef

runtime:
	$(call apt_install,$(RUNTIME_PACKAGES))

system:
	$(call apt_install,$(SYSTEM_PACKAGES))

# The product: a wheel with templates, compiled catalogs and KERN inside (see setup.py).
wheel: install vendor
	$(BIN)/python -m pip wheel . --no-deps -w dist

clean:
	rm -rf $(VENV) $(VENDOR) node_modules .pytest_cache .ruff_cache
	find . -name __pycache__ -prune -exec rm -rf {} +
