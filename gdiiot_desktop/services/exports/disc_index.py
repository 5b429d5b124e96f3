"""The disc's index.html: opens offline in any browser, links every file, no scripts."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from ...domain.campaign import Campaign
from ...domain.model import Application
from .manifest import SUMS, Manifest

README = "说明.txt"  # written by readme.py

STYLE = """
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;
margin:2em auto;max-width:1100px;color:#222;line-height:1.6;padding:0 1em}
h1{font-size:1.6em;text-align:center;margin-bottom:.2em}
.meta{text-align:center;color:#555}
table{border-collapse:collapse;width:100%;margin:1em 0}
th,td{border:1px solid #999;padding:.4em .6em;vertical-align:top;text-align:left}
th{background:#f2f2f2}
td.n{text-align:center;white-space:nowrap}
ul{margin:0;padding-left:1.2em}
.other{color:#777}
.note{color:#555;font-size:.9em}
"""


@dataclass(frozen=True)
class IndexLink:
    text: str
    path: str  # relative, "/"-separated


@dataclass(frozen=True)
class IndexGroup:
    title: str
    links: tuple[IndexLink, ...]


@dataclass(frozen=True)
class IndexProject:
    app: Application
    part: int
    package: IndexLink | None  # None when on another disc
    groups: tuple[IndexGroup, ...]


def href(path: str) -> str:
    """A relative link to a file on the disc: UTF-8, percent-encoded, works from file://."""
    return quote(path, safe="/")


def render_index(
    campaign: Campaign, manifest: Manifest, common: Sequence[IndexLink], projects: Sequence[IndexProject]
) -> str:
    e = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{e(manifest.recommender)} {campaign.year}年工业互联网试点示范推荐材料（{e(manifest.label)}）</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{campaign.year}年工业互联网试点示范项目推荐材料（电子版）</h1>",
        f'<p class="meta">推荐单位：{e(manifest.recommender)}　光盘：{e(manifest.label)}　'
        f"快照编号：{e(manifest.snapshot_id)}　生成时间：{e(manifest.created_at)}</p>",
        "<h2>推荐项目汇总表</h2><ul>",
    ]
    out += [f'<li><a href="{href(link.path)}">{e(link.text)}</a></li>' for link in common]
    out.append("</ul><h2>推荐项目（按推荐优先顺序）</h2>")
    out.append("<table><tr><th>推荐顺序</th><th>项目名称 / 申报单位</th><th>类别 / 方向</th><th>材料</th></tr>")
    for project in projects:
        app = project.app
        category = campaign.category(app.category_id)
        direction = campaign.direction(app.direction_id)
        kind = f"{e(category.name if category else app.category_id)}<br>{e(direction.name if direction else app.direction_id)}"
        name = f"{e(app.project_name)}<br><span class=\"note\">{e(app.applicant.name)}</span>"
        if project.package is None:
            cell = f'<span class="other">见第{project.part}张光盘</span>'
            out.append(f'<tr class="other"><td class="n">{app.priority}</td><td>{name}</td><td>{kind}</td><td>{cell}</td></tr>')
            continue
        parts = [f'<b><a href="{href(project.package.path)}">{e(project.package.text)}</a></b>']
        for group in project.groups:
            items = "".join(f'<li><a href="{href(x.path)}">{e(x.text)}</a></li>' for x in group.links)
            parts.append(f"{e(group.title)}<ul>{items}</ul>")
        out.append(f'<tr><td class="n">{app.priority}</td><td>{name}</td><td>{kind}</td><td>{"".join(parts)}</td></tr>')
    out.append("</table>")
    out.append(
        f'<p class="note">本光盘全部文件的 SHA-256 校验值见 <a href="{SUMS}">{SUMS}</a> 和 '
        '<a href="manifest.json">manifest.json</a>；可用本程序“校验光盘”（gdiiot verify）核对。'
        "汇总表、纸质申报材料与本光盘出自同一快照，页脚和文件属性中均有快照编号。"
        f'各文件夹的纯文本说明见 <a href="{href(README)}">{README}</a>；名称过长时按规则截短，以“…”标记。</p>'
    )
    out.append("</body></html>\n")
    return "\n".join(out)
