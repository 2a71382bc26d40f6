"""report.html: one self-contained page, no JavaScript at all.

Scraped pages are hostile: every piece of document text, id, source and
message goes through :func:`html.escape` (quotes included), charts are inline
SVG built from numbers, and a Content-Security-Policy forbids scripts outright
so even an escaping bug could not run code.
"""
from __future__ import annotations

import os
from html import escape
from pathlib import Path
from typing import Any

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
SEV_CLASS = {"error": "e", "warning": "w", "info": "i"}


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def bar_chart(items: list[tuple[str, float]], width: int = 640, bar_h: int = 18) -> str:
    """Horizontal bars with labels, as inline SVG."""
    if not items:
        return "<p>—</p>"
    top = max(v for _, v in items) or 1
    label_w = min(320, 8 + 7 * max(len(str(label)) for label, _ in items))
    h = bar_h * len(items) + 4
    parts = [f'<svg class="chart" width="{width}" height="{h}" role="img">']
    for i, (label, value) in enumerate(items):
        y = i * bar_h + 2
        w = max(1, int((width - label_w - 60) * value / top))
        parts.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{_e(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 2}" width="{w}" height="{bar_h - 5}"></rect>')
        parts.append(f'<text x="{label_w + w + 4}" y="{y + 13}">{_e(round(value, 2))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def column_chart(items: list[tuple[str, float]], width: int = 640, height: int = 160) -> str:
    if not items:
        return "<p>—</p>"
    top = max(v for _, v in items) or 1
    col_w = width // len(items)
    parts = [f'<svg class="chart" width="{width}" height="{height + 36}" role="img">']
    for i, (label, value) in enumerate(items):
        h = int(height * value / top)
        x = i * col_w
        parts.append(f'<rect x="{x + 4}" y="{height - h + 14}" width="{col_w - 8}" height="{h}"></rect>')
        parts.append(f'<text x="{x + col_w // 2}" y="{height - h + 10}" text-anchor="middle">{_e(value)}</text>')
        parts.append(f'<text x="{x + col_w // 2}" y="{height + 30}" text-anchor="middle">{_e(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def highlight(text: str, findings: list[dict]) -> str:
    """The text with each finding's span in a <mark> whose title explains it (hover)."""
    spans = [f for f in findings if 0 <= f["start"] <= f["end"] <= len(text)]
    bounds = sorted({0, len(text)} | {f["start"] for f in spans} | {f["end"] for f in spans})
    starts: dict[int, list[dict]] = {}
    for f in spans:
        starts.setdefault(f["start"], []).append(f)
    active: list[dict] = []
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:]):
        active = [f for f in active if f["end"] > a] + [f for f in starts.get(a, []) if f["end"] > a]
        piece = _e(text[a:b])
        if active:
            worst = max(active, key=lambda f: ("info", "warning", "error").index(f["severity"])
                        if f["severity"] in ("info", "warning", "error") else 0)
            title = "\n".join(f"{f['rule']}: {f['message']}" for f in active)
            out.append(f'<mark class="{SEV_CLASS.get(worst["severity"], "w")}" title="{_e(title)}">{piece}</mark>')
        else:
            out.append(piece)
    points = [f for f in spans if f["start"] == f["end"]]
    if points:  # insertion points: listed under the text, since they cover no characters
        out.append('<ul class="points">' + "".join(
            f"<li>{_e(f['rule'])} @{f['start']}: {_e(f['message'])}</li>" for f in points) + "</ul>")
    return "".join(out)


def _profile_word(x: dict) -> str:
    parts = ([f"还原 {x['restored']} 篇"] if x.get("restored") else []) + (
        [f"缺失 {x['lacking']} 篇"] if x.get("lacking") else [])
    return f"{_e(x['word'])}（{'，'.join(parts)}）"


def write_html(path: Path, summary: dict, worst: list[dict]) -> None:
    rules = list(summary["findings_by_rule"].items())[:30]
    hist = list(summary["quality_histogram"].items())
    sources = list(summary["sources"].items())[:30]
    verdicts = summary.get("verdicts", {})
    rows = "".join(
        f"<tr><td>{_e(s)}</td><td>{c.get('documents', 0)}</td><td>{c.get('mean_quality', 0)}</td>"
        f"<td>{c.get('keep', 0)}</td><td>{c.get('fix', 0)}</td><td>{c.get('reject', 0)}</td>"
        f"<td>{c.get('error', 0)}</td><td>{c.get('findings', 0)}</td></tr>" for s, c in sources)
    worst_rows = "".join(
        f'<tr><td><a href="#d{i}">{_e(w["id"])}</a></td><td>{_e(w["source"])}</td><td>{w["score"]}</td>'
        f'<td>{_e(w["verdict"])}</td><td>{len(w["findings"])}</td></tr>' for i, w in enumerate(worst))
    repeated = "".join(
        f"<tr><td>{_e(src)}</td><td>{_e(x['line'])}</td><td>{x['documents']}</td></tr>"
        for src, lines in list(summary.get("repeated_lines", {}).items())[:20] for x in lines[:10])
    profiles = "".join(
        f"<tr><td>{_e(src)}</td><td>{p['documents']}</td><td>" + "、".join(_profile_word(x) for x in p["words"])
        + "</td></tr>" for src, p in list(summary.get("source_reports", {}).get("missing-char", {}).items())[:30])
    docs = "".join(
        f'<section class="doc" id="d{i}"><h3>{_e(w["id"])} <small>{_e(w["source"])} · 质量分 {w["score"]} · '
        f'{_e(w["verdict"])}</small></h3><pre>{highlight(w["text"], w["findings"])}</pre></section>'
        for i, w in enumerate(worst))
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>wenlint 审计报告</title>
<style>
body{{font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:2em;max-width:1100px;color:#222}}
table{{border-collapse:collapse}} td,th{{border:1px solid #ccc;padding:3px 8px;text-align:left}}
.chart rect{{fill:#4a7ab5}} .chart text{{font-size:12px}}
.kpi span{{display:inline-block;margin-right:2em;font-size:1.2em}}
pre{{white-space:pre-wrap;background:#fafafa;border:1px solid #ddd;padding:1em;line-height:1.7}}
mark.e{{background:#f8b4b4}} mark.w{{background:#fde68a}} mark.i{{background:#bfdbfe}}
</style></head><body>
<h1>wenlint 审计报告</h1>
<p class="kpi"><span>读取 {summary["read"]}</span><span>已处理 {summary["processed"]}</span>
<span>出错 {summary["errors"]}</span><span>保留 {verdicts.get("keep", 0)}</span>
<span>需修改 {verdicts.get("fix", 0)}</span><span>拒绝 {verdicts.get("reject", 0)}</span>
<span>近似重复 {summary.get("near_duplicates", 0)}</span></p>
<h2>各规则问题数</h2>{bar_chart(rules)}
<h2>质量分分布</h2>{column_chart(hist)}
<h2>按来源</h2><table><tr><th>来源</th><th>文档</th><th>平均质量分</th><th>保留</th><th>修改</th><th>拒绝</th><th>出错</th><th>问题</th></tr>{rows}</table>
<h2>疑似被过滤删除的词（按来源）</h2><table><tr><th>来源</th><th>文档</th><th>被删词：确认还原的文档数 / 话题应有此词却都没有的文档数</th></tr>{profiles}</table>
<h2>跨文档重复行（疑似网站模板）</h2><table><tr><th>来源</th><th>行</th><th>文档数</th></tr>{repeated}</table>
<h2>最差的文档</h2><table><tr><th>文档</th><th>来源</th><th>质量分</th><th>结论</th><th>问题</th></tr>{worst_rows}</table>
{docs}
</body></html>
"""
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, path)
