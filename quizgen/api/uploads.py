"""POST /documents: an uploaded source document through ingest -> extract -> generate into the store.

Uploads are bounded twice: `UploadLimit` refuses a request body over the limit before
it is parsed (by Content-Length, or by counting a chunked body as it arrives), and the
endpoint checks the file itself.
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
from pathlib import Path

from fastapi import HTTPException

from ..bank import DocumentInfo
from ..bank.store_sql import Store, Upserted
from ..models import Document
from .problems import ApiProblem, problem_body

MULTIPART_OVERHEAD = 64 * 1024  # boundaries and part headers around the file
# spaCy pipelines are not documented as thread-safe; uploads are rare, so they take turns.
PIPELINE_LOCK = threading.Lock()


class UploadLimit:
    """ASGI middleware: 413 for a POST to `path` whose body is larger than `max_bytes`."""

    def __init__(self, app, path: str, max_bytes: int):
        self.app, self.path, self.max_bytes = app, path, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] != self.path:
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            return await self._refuse(send)
        received = 0

        async def counted():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                # Raised inside the endpoint's body parsing, so the app's handler answers it.
                raise HTTPException(413, self._detail())
            return message

        return await self.app(scope, counted, send)

    def _detail(self) -> str:
        return f"the upload is larger than the limit of {self.max_bytes / 1048576:.2f} MiB (api.max_upload_mb)"

    async def _refuse(self, send) -> None:
        body = json.dumps(problem_body(413, "too-large", self._detail())).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/problem+json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def upload_name(filename: str | None) -> str:
    """A safe file name for an upload: its last path part, other characters replaced."""
    name = re.sub(r"[^\w.\- ]", "_", Path((filename or "").replace("\\", "/")).name).strip(" .")
    if not name:
        raise ApiProblem(
            422,
            "invalid-upload",
            "the upload has no file name (send it as the multipart field 'file')",
        )
    return name[:120]


def add_document(
    store: Store, filename: str | None, data: bytes, settings
) -> tuple[DocumentInfo, Upserted, tuple[str, ...], int]:
    """Ingest, extract and generate from one uploaded file, replacing an earlier upload of that name;
    returns (document, upserted, withdrawn ids, rejected count)."""
    from .. import pipeline

    name = upload_name(filename)
    with tempfile.TemporaryDirectory(prefix="quizgen-upload-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        with PIPELINE_LOCK:
            # The build's steps, one document, in this process; no cache (the file is temporary).
            reading = pipeline.read([str(path)], settings, jobs=1, cache=False)
            generated = None
            if reading.sources:
                generated = pipeline.generate(reading, settings, cache=False)
    problem = reading.failures[0] if reading.failures else generated and generated.failure
    if problem:
        # The message without the temporary path; the client knows the file by its own name.
        raise ApiProblem(422, "unreadable-document", problem.replace(str(path), name))
    document = reading.sources[0][0]
    info = _info(document, name)
    kept = list(generated.questions)
    rejected = len(generated.rejections)
    if not kept:
        # As `quizgen build` does: a document that gives no question is a failed upload, not an empty success.
        raise ApiProblem(
            422,
            "no-questions",
            f"{name}: no question could be made from this document "
            f"({rejected} refused by the quality gate); nothing was stored",
        )
    upserted, withdrawn = store.replace_document(info, kept)
    return info, upserted, withdrawn, rejected


def _info(document: Document, name: str) -> DocumentInfo:
    def text(key: str) -> str | None:
        value = document.metadata.get(key)
        return None if value is None else str(value)

    from ..bank.titles import document_title  # as `quizgen build` names it: never only a file name

    return DocumentInfo(
        name=document.name,
        path=f"upload:{name}",
        checksum=document.checksum,
        title=document_title(document),
        author=text("author"),
        date=text("date"),
    )
