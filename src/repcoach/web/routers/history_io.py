"""History in and out on the web: upload an export, see the preview, confirm; download everything.

The same steps as ``repcoach import`` and ``repcoach export``, through the same service functions.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response, StreamingResponse

from repcoach.errors import InvalidInput, Problem
from repcoach.io.backup_json import dump_export, load_export, looks_like_export
from repcoach.io.history_import import read_export
from repcoach.library import load_catalogue
from repcoach.service.backup import export_document, restore_document
from repcoach.service.history_export import strong_csv
from repcoach.service.history_import import (
    ImportPlan,
    collector_paused,
    new_workouts,
    plan_import,
    skipped_lines,
    store_import,
)
from repcoach.service.import_copies import StoredCopy, stored_copies
from repcoach.service.live_session import utc_now
from repcoach.store import ProfileRecord, Store
from repcoach.units import Unit
from repcoach.web.csrf import check_csrf
from repcoach.web.deps import OwnerDep, ProfileDep, StoreDep
from repcoach.web.pending_imports import PendingImport, PendingImports
from repcoach.web.routers.settings import current_values, settings_page
from repcoach.web.templating import templates

router = APIRouter(include_in_schema=False)

MAX_UPLOAD_BYTES = 40 * 1024 * 1024
"""Ten years of daily Strong logging is about 15 MB."""


def pending_imports(request: Request) -> PendingImports:
    pending: PendingImports = request.app.state.pending_imports
    return pending


PendingDep = Annotated[PendingImports, Depends(pending_imports)]


@router.post("/settings/import", dependencies=[Depends(check_csrf)])
def preview_import(
    request: Request,
    store: StoreDep,
    owner: OwnerDep,
    profile: ProfileDep,
    pending: PendingDep,
    file: UploadFile,
    unit: Annotated[str, Form(max_length=2)] = "",
) -> Response:
    """Read the upload and show what it holds; nothing is stored until the user confirms."""
    name = file.filename or "upload"
    data = file.file.read(MAX_UPLOAD_BYTES + 1)  # a plain def runs in a worker thread, so reading may block
    chosen: Unit | None = "kg" if unit == "kg" else "lb" if unit == "lb" else None
    try:
        if len(data) > MAX_UPLOAD_BYTES:
            raise InvalidInput([Problem(f"the file is over {MAX_UPLOAD_BYTES // 2**20} MB", name)])
        preview = _preview(store, profile, PendingImport(owner.account_id, name, data, None, chosen, 0))
    except InvalidInput as error:
        values = current_values(profile)
        return settings_page(request, owner, values, 422, import_problems=[str(p) for p in error.problems])
    token = pending.keep(owner.account_id, name, data, None, chosen)
    context = {"owner": owner, "token": token, "file_name": name, "unit_given": chosen is not None} | preview
    return templates.TemplateResponse(request, "import.html", context)


@router.post("/settings/import/{token}", dependencies=[Depends(check_csrf)])
def confirm_import(
    request: Request,
    token: str,
    store: StoreDep,
    owner: OwnerDep,
    profile: ProfileDep,
    pending: PendingDep,
    keep_duplicates: Annotated[bool, Form()] = False,
) -> Response:
    """Store the previewed upload in one transaction, without copies stored already unless kept; show the history."""
    upload = pending.take(token, owner.account_id)
    if upload is None:
        problem = "that preview has expired (or was imported already): choose the file again"
        return settings_page(request, owner, current_values(profile), 410, import_problems=[problem])
    with collector_paused():
        if looks_like_export(upload.data):
            restored = restore_document(store, owner.account_id, load_export(upload.data, upload.file_name))
            added = restored.sets
        else:
            plan = _plan(profile, upload)
            copies = [] if keep_duplicates else _copies(store, profile, plan)
            added = store_import(store, profile.id, plan, leave_out=copies).sets
    return RedirectResponse(f"/history?imported={added}", status_code=303)


@router.get("/settings/export.{kind}")
def download(kind: str, store: StoreDep, profile: ProfileDep) -> Response:
    """Everything as repcoach JSON, or every set as CSV in Strong's layout (streamed), as a file to save."""
    today = f"{utc_now():%Y-%m-%d}"
    headers = {"Content-Disposition": f'attachment; filename="repcoach-{today}.{kind}"'}
    if kind == "json":
        body = dump_export(export_document(store, profile, utc_now()))
        return Response(body, media_type="application/json", headers=headers)
    if kind == "csv":  # streamed as it is read: a long history is never held whole
        chunks = _chunked(strong_csv(store, profile))
        return StreamingResponse(chunks, media_type="text/csv; charset=utf-8", headers=headers)
    raise InvalidInput([Problem(f"'{kind}' is not an export format; choose json or csv", field="format")])


def _chunked(lines: Iterator[str], size: int = 1000) -> Iterator[str]:
    """``lines`` joined ``size`` at a time: each chunk of a streamed body is a hand-over between threads. One per
    line, 100k sets took 55 s to download; 1,000 lines a chunk, 4.4 s."""
    while chunk := "".join(islice(lines, size)):
        yield chunk


def _plan(profile: ProfileRecord, upload: PendingImport) -> ImportPlan:
    export = read_export(
        upload.data,
        file_name=upload.file_name,
        time_zone=ZoneInfo(profile.time_zone),
        source=upload.source,
        unit=upload.unit or profile.units,
    )
    return plan_import(export, load_catalogue())


def _copies(store: Store, profile: ProfileRecord, plan: ImportPlan) -> list[StoredCopy]:
    return stored_copies(store, profile.id, new_workouts(store, profile.id, plan), ZoneInfo(profile.time_zone))


def _preview(store: Store, profile: ProfileRecord, upload: PendingImport) -> dict[str, object]:
    """What the preview page shows, for a history export or a repcoach backup."""
    if looks_like_export(upload.data):
        doc = load_export(upload.data, upload.file_name)
        sets = sum(len(session.sets) for session in doc.sessions)
        return {"backup": {"sessions": len(doc.sessions), "sets": sets, "exported": f"{doc.exported_at:%Y-%m-%d}"}}
    with collector_paused():
        plan = _plan(profile, upload)
        fresh = new_workouts(store, profile.id, plan)
        copies = stored_copies(store, profile.id, fresh, ZoneInfo(profile.time_zone))
    if not plan.workouts:
        nothing = Problem(f"no sets found in {upload.file_name}: nothing to import")
        raise InvalidInput([nothing, *plan.export.problems[:20]])
    return {"plan": plan, "fresh": len(fresh), "copies": copies, "skipped": skipped_lines(plan.export)}
