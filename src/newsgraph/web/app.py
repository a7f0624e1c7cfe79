"""Assembling the application: the store, the body-size guard, error pages, static files."""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..store import open_store
from . import HERE, Settings
from .api import router as api_router
from .pages import router as page_router


def build(settings: Settings) -> FastAPI:
    app = FastAPI(title="newsgraph", version=__version__,
                  description="Quotes, speakers and events from news articles, each with its evidence span.")
    app.state.settings = settings
    app.state.store = open_store(settings.db)
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        # refuse before reading: a declared length over the limit never reaches the handler
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > settings.max_body:
            return JSONResponse({"detail": f"body over {settings.max_body} bytes"}, status_code=413)
        return await call_next(request)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return app.state.templates.TemplateResponse(
            request, "error.html", {"status": exc.status_code, "message": exc.detail}, status_code=exc.status_code)

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api_router, prefix="/api")
    app.include_router(page_router)
    return app


__all__ = ["build", "HTMLResponse"]
