"""One module per DUO API (API/*.openapi.yml), each served under /v1."""
