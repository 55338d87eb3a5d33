"""The yardstick: a bare FastAPI endpoint returning a fixed JSON body, served like every service."""

from fastapi import FastAPI

BODY: dict[str, object] = {"status": "ok", "service": "bare", "values": list(range(10))}


def create_app() -> FastAPI:
    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)

    @app.get("/bare")
    def bare() -> dict[str, object]:
        return BODY

    @app.get("/health/ready")
    def ready() -> dict[str, str]:
        return {"status": "ok"}

    return app
