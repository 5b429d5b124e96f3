"""说明.txt at the disc's root: what each folder holds, readable on a PC without a browser.

UTF-8 with a byte-order mark and Windows line ends, so Notepad on Chinese Windows (whose legacy
code page is GBK) opens it as UTF-8 rather than guessing; every project is named in full, with
the shortened Joliet folder name beside it where the rule in names.py had to cut it.
"""

from __future__ import annotations

from collections.abc import Mapping

from ...domain.campaign import Campaign
from .disc_index import README
from .manifest import INDEX, MANIFEST, SUMS, Manifest
from .names import MARK

__all__ = ["README", "render_readme"]
BOM = "\ufeff"


def render_readme(campaign: Campaign, manifest: Manifest, common_folder: str, joliet: Mapping[str, str]) -> bytes:
    """The file's bytes; `joliet` maps root-level names to their Joliet names."""
    lines = [
        f"{manifest.recommender}　{campaign.year}年工业互联网试点示范项目推荐材料（电子版）",
        f"光盘：{manifest.label}　快照编号：{manifest.snapshot_id}　生成时间：{manifest.created_at}",
        "",
        "本光盘的文件夹和文件：",
        "",
        f"{common_folder}\\",
        "    推荐项目汇总表（Excel 和 PDF）、报送清单",
    ]
    for project in manifest.projects:
        if project.part != manifest.part:
            lines += ["", f"第{project.priority}位　{project.project}（{project.applicant}）", f"    见第{project.part}张光盘"]
            continue
        lines += ["", f"{project.folder}\\", f"    第{project.priority}位　{project.project}", f"    申报单位：{project.applicant}"]
        short = joliet.get(project.folder, project.folder)
        if short != project.folder:
            lines.append(f"    （在只读取 Joliet 目录的电脑上显示为：{short}）")
    lines += [
        "",
        f"{INDEX}　　　　用浏览器打开，可查看并打开全部文件（无需联网）",
        f"{MANIFEST}、{SUMS}　　全部文件的 SHA-256 校验值（可用 gdiiot verify 或 sha256sum -c 核对）",
        "",
        f"文件名说明：名称过长时按规则截短，并以“{MARK}”标记；完整名称见本文件、{INDEX} 和纸质材料目录。",
        "",
    ]
    return (BOM + "\r\n".join(lines)).encode("utf-8")
