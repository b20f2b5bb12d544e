"""The HTTP API and the web page, assembled: the routers of service/routes (one per resource), the
error handlers of service/http_errors, the upload size guard and the static page. Every route goes
through the same `Notulist` context as the CLI (service/deps.py), so the API, the CLI and the eval
runner behave the same. Each route carries its Dutch title for /docs (`summary=`); the docstrings stay
the developer's explanation.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.requests import Request as StarletteRequest

import notulist
from notulist import jobs_worker
from notulist.settings import Settings
from service.deps import get_notulist, get_settings, init_state
from service.http_errors import install_error_handlers, status_for
from service.limits import StreamingSizeLimit, upload_limit
from service.pipeline import run_ingest_job
from service.routes import actions, admin, agenda, ask, jobs, meetings, publication, verslag

STATIC_DIR = Path(__file__).resolve().parent / "static"
# The page loads nothing from elsewhere; this header makes the browser enforce that.
PAGE_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")

log = logging.getLogger("notulist.service")


def index_page() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", headers={"Content-Security-Policy": PAGE_CSP,
                                                            "Cache-Control": "no-cache"})


@asynccontextmanager
async def lifespan(app: FastAPI):
    """While the app serves: a job worker thread (NOTULIST_JOB_WORKER, on by default), so every `serve`
    process (and every uvicorn worker) also runs queued ingest jobs; stopped after its current job."""
    stop = None
    probe = StarletteRequest({"type": "http", "app": app, "headers": []})
    settings = get_settings(probe)
    if settings.job_worker:
        nl = get_notulist(probe)
        _, stop = jobs_worker.start_thread(
            nl.store, lambda job, files, reporter: run_ingest_job(nl, job, files, reporter),
            lease_seconds=settings.job_lease_seconds, poll_seconds=settings.job_poll_seconds,
            max_attempts=settings.job_max_attempts, retention_days=settings.job_retention_days)
        log.info("job worker started")
    try:
        yield
    finally:
        if stop is not None:
            stop.set()


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; the settings and the Notulist context are resolved lazily, per app."""
    app = FastAPIOffline(
        lifespan=lifespan,
        title="Notulist",
        version=notulist.__version__,
        description="Verslagen, besluiten, acties en vragen over vergaderstukken. "
                    "Elke route behalve /health, /docs en /openapi.json vraagt een API-sleutel: "
                    "`Authorization: Bearer SLEUTEL`. De API-beschrijving zelf is openbaar (zij bevat geen gegevens).",
    )
    init_state(app, settings)
    install_error_handlers(app)
    app.add_middleware(StreamingSizeLimit, limit=upload_limit(lambda scope: get_settings(Request(scope))))
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_api_route("/", index_page, methods=["GET"], include_in_schema=False)
    for module in (admin, meetings, jobs, verslag, ask, actions, agenda, publication):
        app.include_router(module.router)
    app.include_router(actions.list_router)
    return app


__all__ = ["create_app", "get_notulist", "get_settings", "status_for"]
