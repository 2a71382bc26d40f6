#!/usr/bin/env python3
"""Development set bench/dev3 (d01 … d12): nine articles damaged by site filters and three clean
professional texts.  `python bench/dev3/build_gold.py` regenerates the damaged articles from
src/ (filters.py) and rebuilds gold.jsonl here: one missing-char record per damaged site.

The sites come from filters.py, which applies each article's filter mechanically to its clean
source.  The only hand judgement is which sites are `likely` (the sentence still reads acceptably
without the word): they are listed below as contexts in the CLEAN source with the filtered word
marked ⟦…⟧.  Every other site is `certain`.
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))  # bench/: gold_builder
import filters  # noqa: E402
from gold_builder import LM, MC, RM, GoldBuilder  # noqa: E402

LIKELY = {
    "d01": [],
    "d02": ["合同里的⟦违约⟧条款", "“提前还款”“⟦违约⟧责任”"],
    "d03": [],
    "d04": ["问：前夫⟦欠款⟧不还"],
    "d05": ["首页 > 消费⟦维权⟧ > 预付卡", "一直是消费者⟦投诉⟧的热点", "有没有大量⟦投诉⟧记录",
            "问：⟦投诉⟧以后多久", "商家跑路 消费⟦投诉⟧"],
    "d06": ["交易明细和⟦短信⟧记录", "感染木马，⟦短信⟧验证码", "向你索要⟦短信⟧验证码"],
    "d07": ["如果钱是⟦通过⟧银行卡转出的"],
    "d08": ["判决生效后，⟦法院⟧执行的", "仍不履行的，⟦法院⟧可以冻结", "否则⟦法院⟧一般不会改变",
            "偿还。⟦法院⟧审理认为", "我已经被⟦法院⟧判决了", "必要时⟦法院⟧会依法公告送达"],
    "d09": ["正视债务。反映⟦骚扰⟧问题"],
}
WHY_LIKELY = "; the sentence still reads acceptably without it"
WHY_CHROME = "; in page chrome (breadcrumb / tag line), where a bare word still reads"
CHROME = {("d05", "首页 > 消费⟦维权⟧ > 预付卡"), ("d05", "商家跑路 消费⟦投诉⟧")}
MODE_NOTE = {"delete": "deleted without trace", "space": "replaced by a space",
             "char": "cut out of a longer word"}


def likely_positions(key: str, clean: str) -> dict[int, str]:
    """Clean-source offset of each marked likely word -> its note suffix."""
    out = {}
    for ctx in LIKELY.get(key, []):
        plain = ctx.replace(LM, "").replace(RM, "")
        assert clean.count(plain) == 1, (key, ctx, clean.count(plain))
        out[clean.index(plain) + ctx.index(LM)] = WHY_CHROME if (key, ctx) in CHROME else WHY_LIKELY
    return out


def note(key: str, site: dict) -> str:
    spec = {w[0]: w for w in filters.FILTERS[key]}
    parts = []
    for word in dict.fromkeys(site["words"]):
        mode = spec[word][1]
        if mode == "char":
            parts.append(f"{site['fix']} cut to {site['text']} ({word} removed by the site filter; "
                         f"the article never contains {word})")
        else:
            parts.append(f"{word} {MODE_NOTE[mode]} by the site filter (the article never contains {word})")
    return "; ".join(parts)


def build(write_articles: bool = True) -> GoldBuilder:
    built = filters.build()
    if write_articles:
        for key, (name, text, _) in built.items():
            with open(HERE / name, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
    gold = GoldBuilder(HERE)
    for key, (name, text, sites) in built.items():
        if not sites:
            continue
        clean = (filters.SRC / name).read_text(encoding="utf-8")
        likely = likely_positions(key, clean)
        used = set()
        for s in sites:
            hit = [p for p in likely if s["cstart"] <= p < s["cend"]]
            used.update(hit)
            conf = "likely" if hit else "certain"
            gold.add(name, MC, s["dstart"], s["dend"], s["fix"], conf,
                     note(key, s) + (likely[hit[0]] if hit else ""), mode=s["mode"])
        assert used == set(likely), (key, sorted(set(likely) - used))
    return gold


if __name__ == "__main__":
    sys.exit(build().main())
