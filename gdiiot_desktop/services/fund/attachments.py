"""Invoices and other files of a fund application, in the database's content-addressed store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..contained_paths import local_file_problem
from ..errors import InputError, NotFoundError
from .workspace import FundWorkspace


def attach(
    ws: FundWorkspace, app_id: int, path: Path, *, category: str = "", material: str = ""
) -> dict[str, Any]:
    """Copy `path` into the store and attach it: an invoice of `category`, or a `material`."""
    app = ws.repo.get(app_id)
    if app is None:
        raise NotFoundError(f"找不到编号为 {app_id} 的专项资金申报项目（见 gdiiot fund list）")
    # Named by id or by the name the sheet's columns use (软件, 培训方案).
    category = next((c.id for c in ws.campaign.categories if category in (c.id, c.name)), category)
    material = next((m.id for m in ws.campaign.materials if material in (m.id, m.name)), material)
    if category and ws.campaign.category(category) is None:
        names = "、".join(f"{c.id}（{c.name}）" for c in ws.campaign.categories)
        raise InputError(f"未知投入类别“{category}”。可选：{names}")
    if material and material not in {m.id for m in ws.campaign.materials}:
        names = "、".join(f"{m.id}（{m.name}）" for m in ws.campaign.materials)
        raise InputError(f"未知材料“{material}”。可选：{names}")
    problem = local_file_problem(str(path))
    if problem is not None:
        raise InputError(f"不能添加附件“{path}”：{problem}。请先把文件复制到本机的文件夹中再添加")
    if not path.is_file():
        raise InputError(f"找不到文件：{path}")
    stored = ws.db.store.put_file(path)
    attachment_id = ws.repo.add_attachment(
        app_id,
        file_name=path.name,
        sha256=stored.sha256,
        size=stored.size,
        category_id=category,
        material_id=material,
    )
    if material and material not in app.materials_received:
        app.materials_received = app.materials_received | {material}  # the file is the material received
        ws.repo.update(app)
    return {"id": attachment_id, "file_name": path.name, "sha256": stored.sha256, "size": stored.size}
