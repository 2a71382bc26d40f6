"""Passes 6 and 7: mangled official law names in 《》, and a list item deleted between 、 and 或/和."""
from __future__ import annotations

import re

from linter import ngrams
from linter.text import is_han

from .common import AFFIX_MAX_LEN, NOUN_POS, NUMERALS, Cand, _filter_words, _norm

LIST_GAP_RE = re.compile(r"、(?=(?:或|和)[^\s、，,。])|、(?=、)|、(?=等)")


# a conjunction that ends its clause joins nothing: the item after it was deleted (遇到恶意或，…)
DANGLING_CONJ_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?:或者|或|和|与|以及|及)(?=[，。；：？！,;:?!])")
COMPARE_WORDS = ("一样", "相比", "相同", "不同", "区别", "类似", "差不多", "关系")  # close 和/与 ... as a comparison or relation
COMPARE_SPAN = 20  # characters after 和 searched for them, within the clause
COMPARE_CLAUSE_END = re.compile("[，。；：？！,;:?!\n]")
TITLE_RE = re.compile(r"《([^《》\n]{2,40})》")
LIST_MARGIN = 3.0  # margin over the runner-up a deleted list item's restoration needs (offered at 0.7, not applied)
LIST_DELETED_BONUS = 2.0  # log-probability credited to a word the page is known to lack on other evidence


def _section_number_before(text: str, i: int) -> bool:
    """``text[:i]`` ends with a section number (七 / 12) that opens its line, before the 、 at ``i``."""
    j = i
    while j > 0 and i - j < 4 and (text[j - 1] in NUMERALS or text[j - 1].isdigit()):
        j -= 1
    if j == i:
        return False
    return j == 0 or text[j - 1] in "\n\r"


def _subseq_chunks(x: str, name: str) -> int | None:
    """Number of deleted chunks if ``x`` is ``name`` with chunks deleted (greedy), else None."""
    i = 0
    chunks = 0
    in_gap = False
    for ch in name:
        if i < len(x) and ch == x[i]:
            i += 1
            in_gap = False
        else:
            if not in_gap:
                chunks += 1
                in_gap = True
    return chunks if i == len(x) else None


# ---- 6. mangled official law names -------------------------------------
def find_law_names(text) -> list[tuple[Cand, float]]:
    """A 《…》 title that is an official name (``linter.laws`` catalog) with chunks deleted."""
    from linter.laws import PRC, catalog

    out = []
    cat = None
    for m in TITLE_RE.finditer(text):
        x = m.group(1)
        if len(x) < 3 or not all(is_han(c) for c in x):
            continue
        if cat is None:
            cat = catalog()
        if cat.is_known(x) or cat.is_non_law(x):
            continue
        hit = cat.closest(x, max_extra=0)
        if hit is None:
            continue
        entry = hit[0]
        name = entry.name
        short = name[len(PRC):] if name.startswith(PRC) else name
        # restore the shortest official form the title is a broken copy of
        nm = short if _subseq_chunks(x, short) is not None else name
        chunks = _subseq_chunks(x, nm)
        if chunks is None or chunks > 3 or len(nm) <= len(x) or len(x) / len(nm) < 0.4:
            continue
        conf = 0.9 if chunks <= 2 else 0.8
        out.append((Cand(m.start(), m.end(), m.start(), m.end(), f"《{nm}》", "", "law", 3.0, nm), conf))
    return out


# ---- 7. a list item deleted between 、 and 或/和 -------------------------
def _comparison(text: str, i: int) -> bool:
    """和/与 at ``i`` opens a comparison closed in its clause (和存款一样, 和公司发的有什么区别)."""
    clause = COMPARE_CLAUSE_END.split(text[i + 1:i + 1 + COMPARE_SPAN], 1)[0]
    return text[i:i + 1] in ("和", "与") and any(w in clause for w in COMPARE_WORDS)


def find_list_gaps(doc, toks) -> list[tuple[Cand, float]]:
    """``采用、或其他手段``, ``记录、、材料``, ``辱骂、等方式``: the item after 、 was deleted; ``遇到恶意或，``: the item
    after a clause-final conjunction was deleted.  Not where 或/和 begins a
    word (或者, 和解), the 、 follows a noun (工作、和家人 is a loose comma, not a gap) or it
    closes a section number (七、和银行协商: 、 after a numeral that opens its line)."""
    out = []
    text = doc.text
    for m in LIST_GAP_RE.finditer(text):
        s = m.start()
        if _section_number_before(text, s):
            continue
        k = doc.token_at(s + 1)
        if k >= len(toks) or toks[k].start != s + 1 or len(toks[k].text) != 1:
            continue
        if toks[k].text == "等" and not (k + 1 < len(toks) and ngrams.word_pos(toks[k + 1].text) == "n"):
            continue  # 等 closing a list before its noun (辱骂、等方式): not the verb (还清、等满五年)
        if s and ngrams.word_pos(toks[doc.token_at(s - 1)].text).startswith(NOUN_POS):
            continue
        if _comparison(text, s + 1):
            continue  # 利息高、和存款一样安全: 和 opens a comparison, not the next item of a list
        out.append((Cand(s, s + 2, s + 1, s + 1, None, "", "list", 0.0, ""), 0.7))
    for m in DANGLING_CONJ_RE.finditer(text):
        s, e = m.start(), m.end()
        k = doc.token_at(s)
        if k >= len(toks) or toks[k].start != s or toks[k].end != e:
            continue  # the end of a longer word (总和, 来不及)
        if (k and toks[k - 1].text == "之") or ngrams.fin_lm().count(ngrams.lm_normalise(text[s - 1:e + 1])):
            continue  # 本息之和, 公平可及。: a sum, or an ending the register writes
        out.append((Cand(s, e + 1, e, e, None, "", "list", 0.0, ""), 0.7))
    return out



def resolve_list_gaps(gaps: list[tuple[Cand, float]], text: str, absent, deleted: dict[str, float]) -> None:
    """The deleted item of each list gap, where one is clear: among the words the document is
    known to lack (``deleted``) and the filter's usual targets it never contains, the one the
    character model reads best at the gap, by a margin over the runner-up (通话记录、|、申请材料
    → 短信).  Sets the gap candidate's restoration; otherwise the finding stays fix-less."""
    if not gaps:
        return
    words = sorted({w for w in list(deleted) + list(_filter_words())
                    if 2 <= len(w) <= AFFIX_MAX_LEN and all(is_han(c) for c in w) and absent(w)})
    if not words:
        return
    lm = ngrams.fin_lm()
    norm = _norm(text)
    for c, _ in gaps:
        p = c.fix_start
        hist, fut = norm[max(0, p - 4):p], norm[p:p + 4]
        scored = sorted(((lm.score(hist + w + fut, len(hist)) + (LIST_DELETED_BONUS if w in deleted else 0.0), w)
                         for w in words), reverse=True)
        runner = scored[1][0] if len(scored) > 1 else scored[0][0] - LIST_MARGIN
        if scored[0][0] - runner >= LIST_MARGIN:
            w = scored[0][1]
            c.repl = c.inserted = c.word = w
