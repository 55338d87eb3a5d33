# Set-up is two commands: `make run` (the whole system on SQLite) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PACKAGES := shared services/intake services/pip services/trajectory services/reporting services/scheduler deploy/duo-simulator
PYPROJECTS := $(addsuffix /pyproject.toml,$(PACKAGES))

.PHONY: install run demo test lint token migration openapi duo-modellen bench clean

$(STAMP): $(PYPROJECTS) requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet $(addprefix -e ,$(PACKAGES)) -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)  ## all services on SQLite under var/; DEMO=1 loads demo data
	$(BIN)/python deploy/local/run.py $(if $(DEMO),--demo)

demo: $(STAMP)  ## load demo data into a running system
	$(BIN)/python deploy/local/demo_data.py

test: $(STAMP)  ## the whole suite on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy shared/src services/*/src

token: $(STAMP)  ## make token ROLE=klantmanager GEMEENTE=GM0171 (several: GEMEENTE="GM0171 GM0184")
	@test -f var/dev-secret || { echo "var/dev-secret is made by 'make run'"; exit 2; }
	@AUTH_JWT_SECRET=$$(cat var/dev-secret) $(BIN)/python -m inburgering_shared.tokens \
		$(addprefix --role ,$(ROLE)) $(addprefix --gemeente ,$(GEMEENTE)) $(if $(CLIENT),--client-id $(CLIENT))

migration: $(STAMP)  ## make migration S=intake m="what changed"
	cd services/$(S) && ../../$(BIN)/alembic revision --autogenerate -m "$(m)"

duo-modellen: $(STAMP)  ## regenerate the DUO models (shared/src/inburgering_shared/duo/modellen) from ../shared's DUO documents
	$(BIN)/python -m inburgering_shared.duo.modellen_genereren

openapi: $(STAMP)  ## regenerate the committed OpenAPI documents (after adding or changing an endpoint)
	$(BIN)/python -m inburgering_shared.openapi_documents write

bench: $(STAMP)  ## make bench [SIZE=1000000] [BENCH_ARGS=...]: needs PostgreSQL on 127.0.0.1:5432 (or BENCH_DATABASE_URL)
	@command -v wrk >/dev/null 2>&1 || apt-get install -y wrk >/dev/null 2>&1 || \
		echo "wrk could not be installed (Debian package wrk): the Python load generator is used"
	$(BIN)/python bench/run.py $(if $(SIZE),--size $(SIZE)) $(BENCH_ARGS)

clean:
	rm -rf var
