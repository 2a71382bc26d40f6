"""Pass 3: spaces that cut a word (全 化 → 全球化, 通过 联系), at line edges too, and the
choice of one restoration per cut space."""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache

from linter import ngrams
from linter.resources import load_toml, load_words
from linter.text import HAN_CLASS, is_han

from .common import (
    AFFIX_MAX_LEN,
    CLAUSE_PUNCT,
    FUNCTION_POS,
    Cand,
    DocCounts,
    _affixes,
    _context_words,
    _filter_words,
)

STUFFED_KEY_LEN = 8  # characters after a space that, the same after three spaces, are a pasted keyword
SPACE_CUT_RE = re.compile(f"(?<=[{HAN_CLASS[1:-1]}，、；：。？！“,;?!])[ \u3000]{{1,2}}(?=[{HAN_CLASS[1:-1]}、，,。；：？！《”;:?!])"
                          # a space between a number and clause punctuation (拨打110 ，) is never typography
                          "|(?<=[0-9])[ \u3000](?=[，。；、,;])")
ANY_SPACE_RE = re.compile("[ \u3000]{1,4}")


# (scraped text arrives NFKC-normalised: ，；：？！ as ASCII ,;:?!, so both forms count; but not a space
# after an ASCII colon, the commonest typographic space of flattened lists: 因素: 逾期金额)
SENTENCE_END = "。？！?!"
SPACED_PUNCT = "，、；：。？！,;?!"  # a space after these is a cut only where the page does not space them


_CHROME_MARKS = (">", "»", "|", "://", "©")  # breadcrumbs, footers, links: spaces there are layout


PREFIX_PUNCT_RE = re.compile("[" + re.escape("".join(sorted(CLAUSE_PUNCT)) + "：:") + "]")
WIDE_SPACE_RE = re.compile("[ \u3000]{2,}|\u3000")  # column gaps of a table laid out with spaces
SPLIT_WORD_FREQ = 100  # a word restored across a space that splits a word this frequent beside it must be as frequent
SPACE_MARGIN = 5.0  # log-probability margin over the runner-up a cut space's restoration needs
SPACE_ALONE_MARGIN = 2.0  # the margin credited to a sole candidate
SPACE_REPEAT_BONUS = 2.0  # per further cut space listing the same candidate (up to three)
SPACE_DENSE_GROUPS = 200  # more distinct cut-space contexts than this: compounds and the pool are not tried
SPACE_POOL_MAX = 12  # words of the document's pool tried at every cut space (most often best first)
SPACE_VOTE_BONUS = 0.75  # margin forgiven per further cut space whose best word is the same (up to two)
SPACE_DELETED_BONUS = 2.0  # a word other evidence already says the document lacks
SPACE_JOINT_DELTA = 3.0  # a word within this log-probability of a cut space's best reads nearly as well there ...
SPACE_JOINT_MIN = 3  # ... and one that does at this many cut spaces (more than any rival) restores the unclear ones
SPACE_KNOWN_DELTA = 5.0  # a word restored clearly at another cut space may read this much worse than the best here
EDGE_SPACE_RE = re.compile(f"(?:(?<=\n)|^|(?<=《))[ \u3000](?=[{HAN_CLASS[1:-1]}])")
EDGE_INDENT_SHARE = 5  # a page with more than a fifth of its lines indented indents by layout
# a list item's marker: bullets, 1. 2., (1) (一); not 一、 or 1、, whose spaces find_spaces reads
LIST_MARK_RE = re.compile(r"(?m)^[ \t\u3000]{0,4}(?P<mark>[·•●▪■◆]|\d{1,2}[.．](?!\d)"
                          r"|[(（](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）])(?P<space>[ \u3000]{0,2})"
                          f"(?={HAN_CLASS})")
MARK_SIBLINGS = 2  # a cut needs at least this many items of the style spaced the usual way, and twice the others


def _mark_style(mark: str) -> str:
    return re.sub(r"\d+", "9", re.sub("[一二三四五六七八九十]+", "十", mark))


def marker_spaces(text: str) -> list[int]:
    """Offsets of spaces after a list marker (``1. 受损``, ``· 状``) on a page whose other markers of
    that style run straight into their items (``2.罚息``, ``·原告``), or take one space fewer
    (``·  办理`` among ``· 来历``): the filter cut the item's first word and left a space.  A page
    that spaces its markers alike (``1. 初期提醒``) is layout."""
    by_style: dict[str, list[re.Match]] = {}
    for m in LIST_MARK_RE.finditer(text):
        by_style.setdefault(_mark_style(m.group("mark")), []).append(m)
    out = []
    for items in by_style.values():
        widths = Counter(len(m.group("space")) for m in items)
        usual, n = widths.most_common(1)[0]
        wider = [m.start("space") + usual for m in items if len(m.group("space")) == usual + 1]
        if wider and n >= MARK_SIBLINGS and n >= 2 * len(wider) and usual < 2:
            out.extend(wider)
    return sorted(out)


@lru_cache(maxsize=1)
def _needs_object() -> frozenset[str]:
    return frozenset(load_words("missing_char/needs_object.txt"))


@lru_cache(maxsize=1)
def _meta_fields() -> re.Pattern:
    """A page's metadata field (来源:…, 责任编辑:…, 标签:…, 下一篇:…): spaces on its line separate
    fields, not the halves of a cut word.  Labels: the boilerplate check's vocabulary."""
    d = load_toml("boilerplate.toml")
    labels = sorted({x for k in ("meta_labels", "footer_labels", "widgets") for x in d.get(k, ())
                     if x and x[-1] not in ":：" and all(is_han(c) for c in x)}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, labels)) + r")[ ]{0,2}[:：]")


def _add_listed(words_of: dict, lm) -> list[str]:
    """Adds the filter's usual targets to each cut space's candidates where both junctions they
    would make occur in the register at all; returns them."""
    listed = [w for w in _filter_words() if len(w) <= AFFIX_MAX_LEN and all(is_han(ch) for ch in w)]
    for (hist, fut), ws in words_of.items():
        for w in listed:
            if (not hist or lm.count(hist[-1] + w[0])) and (not fut or lm.count(w[-1] + fut[0])):
                ws.setdefault(w, None)
    return listed


def _splits_word(toks, edge: int) -> bool:
    """The offset ``edge`` falls inside a frequent word among ``toks`` (the tokens beside a space)."""
    for t in toks:
        if t.start < edge < t.end:
            return ngrams.word_freq(t.text) >= SPLIT_WORD_FREQ
    return False


def _function_start(doc, line_start: int) -> bool:
    """The line opens with a function word (被电信 转走…): a sentence, not a label (小编导语 在…)."""
    toks = doc.tokens_in(line_start, line_start + 1)
    return bool(toks) and ngrams.word_pos(toks[0].text)[:1] in FUNCTION_POS


# ---- 3. spaces that cut a word ---------------------------------------
def find_spaces(text, doc, absent) -> list[list[Cand]]:
    """A space between Chinese characters (or after a full-width comma/colon) where a word was
    cut.  Scraped pages also carry stray spaces: labels (``小编导语 在…``), breadcrumbs, a stuffed
    keyword pasted after a space, a title glued to its first paragraph.  Those are skipped;
    every other space is a cut, restored when a dictionary word forms across it."""
    out: list = []
    needs = _needs_object()
    matches = list(SPACE_CUT_RE.finditer(text))
    if not matches:
        return out
    # a stuffed keyword: the same text follows many spaces with different left neighbours
    right_ctx: dict[str, set[str]] = {}
    for m in ANY_SPACE_RE.finditer(text):
        right_ctx.setdefault(text[m.end():m.end() + STUFFED_KEY_LEN], set()).add(text[max(0, m.start() - 1):m.start()])
    habit = {p: text.count(p + " ") + text.count(p + "\u3000") for p in SPACED_PUNCT}
    punct_n = {p: text.count(p) for p in SPACED_PUNCT}
    # per line, computed once (a one-line document must not be rescanned per space)
    line_starts = [ln.start for ln in doc.lines]
    line_info: dict[int, tuple[int, bool]] = {}  # line start → (end, chrome or table layout)
    punct_pos = [m.start() for m in PREFIX_PUNCT_RE.finditer(text)]
    for m in matches:
        s, e = m.start(), m.end()
        p = text[s - 1]
        if p in SPACED_PUNCT:
            if not (is_han(text[e]) or text[e] in "、，,") or (habit[p] >= 3 and habit[p] >= 0.2 * punct_n[p]):
                continue  # this page puts a space after its punctuation
        k = bisect_right(line_starts, s) - 1
        line_start = line_starts[k] if k >= 0 else 0
        info = line_info.get(line_start)
        if info is None:
            line_end = text.find("\n", s)
            line_end = len(text) if line_end < 0 else line_end
            line = text[line_start:line_end]
            # breadcrumbs, footers, links; or a table laid out with runs of spaces
            # (调整前　　调整后　　变动): a deleted word leaves one space, not columns
            wide = len(WIDE_SPACE_RE.findall(line.strip()))
            info = line_info[line_start] = (line_end, any(x in line for x in _CHROME_MARKS) or wide >= 2
                                            or _meta_fields().search(line) is not None)
        if s - line_start < 2 or info[1]:
            continue
        if text[s:e] == "\u3000\u3000":
            continue  # two full-width spaces: typographic layout
        j = bisect_left(punct_pos, line_start)
        plain_prefix = not (j < len(punct_pos) and punct_pos[j] < s)
        prefix_len = s - line_start
        # a label (小编导语 在…, 头像 某某) keeps its space unless a word forms across it; not a
        # line whose space runs into punctuation (遇到违规 ,): nothing follows a label there
        layout = plain_prefix and prefix_len <= 4 and is_han(text[e]) and not _function_start(doc, line_start)
        if len(right_ctx.get(text[e:e + STUFFED_KEY_LEN], ())) >= 3:
            continue  # a stuffed keyword pasted after spaces
        rtoks = doc.tokens_in(e, e + 1)
        right_word = rtoks[0].text if rtoks else ""
        if plain_prefix and prefix_len >= 5 and ngrams.word_pos(right_word)[:1] in ("p", "c"):
            layout = True  # a title glued to its first paragraph: …哪些难题 随着社会…
        site = []
        left_run = text[max(line_start, s - 3):s]
        right_run = text[e:e + 3]
        # where the text beside the space splits into words: a word formed across the space
        # that takes half of a frequent word (反 行政 → 反向而行 + 政) must be frequent itself
        beside = doc.tokens_in(max(line_start, s - 3), s) + doc.tokens_in(e, e + 3)
        for la in range(1, len(left_run) + 1):
            a = left_run[-la:]
            if not all(is_han(c) for c in a):
                continue
            for lb in range(1, len(right_run) + 1):
                b = right_run[:lb]
                if not all(is_han(c) for c in b):
                    break
                halves = _splits_word(beside, s - la) or _splits_word(beside, e + lb)
                for w, d in ngrams.gap_words(a, b):
                    if halves and ngrams.word_freq(w) < SPLIT_WORD_FREQ:
                        continue
                    # (whether the document lacks d is decided later, in one pass for all sites)
                    local = math.log(ngrams.word_freq(w) + 1) - 4.0
                    site.append(Cand(s, e, s, e, d, d, "space", local, w))
        ltoks = doc.tokens_in(max(line_start, s - 4), s)
        left_word = ltoks[-1].text if ltoks else ""
        broken = (left_word in needs) or text[e] in "、，,。" or right_word in ("和", "与", "或", "及")
        if not layout:
            fb = Cand(s, e, s, e, None, "", "space", -99.0, "")
            fb.conf = 0.75 if broken else 0.6
            # a space after a full stop is often a stray one on scraped pages: a cut only
            # where the restored word is clear
            # (not where punctuation follows the space: 。 、 is no sentence spacing)
            fb.fix_only = p in SENTENCE_END and is_han(text[e])
            # the gap's context for the in-register restoration (_resolve_spaces)
            fb.ctx = (ngrams.word_key(left_word) if left_word else "",
                           ngrams.word_key(right_word) if right_word else "",
                           ngrams.lm_normalise(text[max(line_start, s - 2):s]),
                           ngrams.lm_normalise(text[e:e + 2]))
            site.append(fb)
        if site:
            out.append(site)
    return out


def find_edge_spaces(text, doc) -> list[list[Cand]]:
    """A space where a line starts (``⏎ 气象主管机构…``), right after 《 (``《 公司法》``) or after a
    list marker the page does not space (``marker_spaces``): a word cut at the start of a phrase.
    After 《 always; at a line start only on a page whose other lines do not start with spaces
    (indentation is layout) and never before a list marker or a second space."""
    out: list[list[Cand]] = []
    if " " not in text and "\u3000" not in text:
        return out
    out += [[_phrase_start_site(text, doc, s, s + 1, 0.6)] for s in marker_spaces(text)]
    lines = doc.lines
    n_lines = sum(1 for ln in lines if ln.text.strip())
    indented = sum(1 for ln in lines if ln.text[:1] in (" ", "\u3000", "\t") and ln.text.strip())
    line_ok = n_lines >= 4 and indented * EDGE_INDENT_SHARE <= n_lines
    for m in EDGE_SPACE_RE.finditer(text):
        s, e = m.start(), m.end()
        after_title = text[s - 1:s] == "《"
        if not after_title and not line_ok:
            continue
        if not after_title:  # (a line start: each line is read once)
            ln_end = text.find("\n", e)
            line = text[e:ln_end if ln_end >= 0 else len(text)]
            if len(line) < 8 or any(x in line for x in _CHROME_MARKS) or WIDE_SPACE_RE.search(line):
                continue  # a short label or a layout line
        if after_title:
            close = text.find("》", e, e + 40)
            name = text[e:close] if close > 0 else ""
            from linter.laws import PRC, catalog

            if name and "《" not in name and not name.startswith(PRC) and catalog().is_known(PRC + name):
                # 《 公司法》: the official name with the state's name cut
                fb = Cand(s, e, s, e, None, "", "space", -99.0, "")
                fb.conf = 0.75
                fb.pick = (Cand(s, e, s, e, PRC, PRC, "space", 0.0, PRC + name), 0.9)
                out.append([fb])
                continue
        out.append([_phrase_start_site(text, doc, s, e, 0.75 if after_title else 0.6)])
    return out


def _phrase_start_site(text, doc, s: int, e: int, conf: float) -> Cand:
    """The fix-less candidate of a space ``[s, e)`` that cut a word at the start of a phrase,
    with only the text after it as the context of its restoration (``resolve_spaces``)."""
    rtoks = doc.tokens_in(e, e + 1)
    fb = Cand(s, e, s, e, None, "", "space", -99.0, "")
    fb.conf = conf
    fb.ctx = ("", ngrams.word_key(rtoks[0].text) if rtoks else "",
                   "", ngrams.lm_normalise(text[e:e + 2]))
    return fb


def resolve_spaces(sites: list[list[Cand]], text: str, counts: DocCounts,
                    deleted: dict[str, float]) -> None:
    """The restoration of each cut space, from the in-register statistics: candidate words are
    those the finance corpus has between the gap's left and right contexts (plus dictionary
    words forming across the space); each is scored by the character model over the window
    (``log P(word + next characters | previous characters)``), with document evidence: the
    word never occurs whole in the document (required), it is already known deleted, or it is
    a candidate at other cut spaces too (a filter deletes its word everywhere).  Sites with
    the same context share one decision.  A fix is picked only with a clear margin over the
    runner-up; otherwise the site keeps its fix-less finding.  Sets ``pick`` on the
    site's fallback candidate."""
    todo = [site for site in sites if site and site[-1].repl is None and site[-1].ctx is not None]
    if not todo:
        return
    lm = ngrams.fin_lm()
    groups: dict[tuple[str, str], list[list[Cand]]] = {}
    for site in todo:
        fb = site[-1]
        hist = ngrams.lm_normalise(text[max(0, fb.start - 4):fb.start].split("\n")[-1])
        fut = ngrams.lm_normalise(text[fb.end:fb.end + 4].split("\n")[0])
        groups.setdefault((hist, fut), []).append(site)
    # a page with very many cut spaces uses spaces as layout: the context's own words only
    dense = len(groups) > SPACE_DENSE_GROUPS
    words_of = _space_words(groups, dense)
    ranked_of, proposed = _rank_space_words(words_of, counts, deleted, dense, lm)
    for key, w, c, conf in _space_picks(ranked_of, proposed, deleted):
        for site in groups[key]:
            fb = site[-1]
            pick = Cand(fb.start, fb.end, fb.start, fb.end, w, w, "space", 0.0, c.word if c else w)
            fb.pick = (pick, conf)


def _space_words(groups: dict[tuple[str, str], list[list[Cand]]],
                 dense: bool) -> dict[tuple[str, str], dict[str, Cand | None]]:
    """Per cut-space context (four characters a side), the candidate words: the words formed
    across the space (with their candidate), the register's words for the gap's context, and
    (unless ``dense``) the words completing a compound with the text beside the space."""
    words_of: dict[tuple[str, str], dict[str, Cand | None]] = {}
    heads, tails = _affixes() if not dense else ({}, {})
    for key, lst in groups.items():
        ws: dict[str, Cand | None] = {}
        for site in lst:
            for c in site:
                if c.repl is not None and c.inserted and c.inserted not in ws:
                    ws[c.inserted] = c
            ctx = site[-1].ctx
            for w, _ in _context_words(ctx) if ctx is not None else ():
                ws.setdefault(w, None)
        hist, fut = key
        for w in (heads.get(fut[:1], ()) + heads.get(fut[:2], ()) + heads.get(fut[:3], ())
                  + tails.get(hist[-1:], ()) + tails.get(hist[-2:], ()) + tails.get(hist[-3:], ())):
            ws.setdefault(w, None)  # completes a compound with the text beside the space
        words_of[key] = {w: c for w, c in ws.items() if w and len(w) <= AFFIX_MAX_LEN and all(is_han(ch) for ch in w)}
    return words_of


def _rank_space_words(words_of, counts: DocCounts, deleted: dict[str, float], dense: bool, lm):
    """Each cut space's candidates the document lacks, scored by the character model with the
    document's evidence (a word listed at several cut spaces, a word known deleted), best
    first.  Returns (context → [(score, word, candidate)], context → the words its own context
    proposed, before the filter list and the pool joined)."""
    counts.prime({w for ws in words_of.values() for w in ws})
    n_ctx: Counter = Counter()
    for ws in words_of.values():
        n_ctx.update(w for w in ws if counts.absent(w))
    # the filter's usual targets are candidates at every cut space, proposed by no context of the
    # register (依法有序地 。 → 维权): they earn the bonus of several spaces only where they read
    # nearly as well as the best word there, not for being listed everywhere
    proposed = {key: set(ws) for key, ws in words_of.items()}
    listed = _add_listed(words_of, lm) if not dense else []
    counts.prime(listed)
    # a filter deletes few words: each space's best word, and words known deleted, are tried
    # at every cut space of the document (a word proposed by another space's context)
    pool: set[str] = set(sorted((w for w in deleted if len(w) <= AFFIX_MAX_LEN and all(is_han(ch) for ch in w)),
                                key=lambda w: (-deleted[w], w))[:0 if dense else SPACE_POOL_MAX])
    bests: Counter = Counter()
    raw: dict[tuple[tuple[str, str], str], float] = {}  # each (space, word) scored once
    for key, ws in words_of.items():
        hist, fut = key
        best = None
        for w in ws:
            if counts.absent(w):
                sc = raw[(key, w)] = lm.score(hist + w + fut, len(hist))
                if best is None or sc > best[0] or (sc == best[0] and w > best[1]):
                    best = (sc, w)
        if best is not None:
            bests[best[1]] += 1
            for w in listed:
                if w not in proposed[key] and raw.get((key, w), -math.inf) >= best[0] - SPACE_JOINT_DELTA:
                    n_ctx[w] += 1
    # (bounded: constant work per cut space however many spaces the page has)
    if not dense:
        pool.update(w for w, _ in sorted(bests.items(), key=lambda x: (-x[1], x[0]))[:SPACE_POOL_MAX])
    counts.prime(pool)
    ranked_of: dict[tuple[str, str], list] = {}
    for key, ws in words_of.items():
        hist, fut = key
        scored = []
        for w in pool:
            if w not in ws:
                ws[w] = None
        for w, c in ws.items():
            if not counts.absent(w):
                continue
            sc = raw.get((key, w))
            if sc is None:
                sc = lm.score(hist + w + fut, len(hist))
            sc += SPACE_REPEAT_BONUS * min(n_ctx[w] - 1, 3)
            if w in deleted:
                sc += SPACE_DELETED_BONUS
            scored.append((sc, w, c))
        if scored:
            scored.sort(key=lambda x: (-x[0], x[1]))
            ranked_of[key] = scored
    return ranked_of, proposed


def _space_picks(ranked_of, proposed, deleted: dict[str, float]):
    """(context, word, candidate, confidence) of each cut space whose restoration is clear: best
    by a margin, or nearly best where the same word is restored clearly at another cut space or
    reads nearly best at the most cut spaces (a filter deletes its word everywhere)."""
    decided = []
    for key, scored in ranked_of.items():
        best_sc, w, c = scored[0]
        runner = scored[1][0] if len(scored) > 1 else best_sc - SPACE_ALONE_MARGIN
        decided.append((key, w, c, best_sc - runner))
    # the same word best at several cut spaces is the filter's word: a smaller margin will do
    votes = Counter(w for _, w, _, _ in decided)
    # a filter deletes its word at every cut space: the word reading (nearly) best at the most
    # cut spaces restores the spaces where no word is clear on its own
    near: Counter = Counter()
    for scored in ranked_of.values():
        top = scored[0][0]
        near.update(w for sc, w, _ in scored if sc >= top - SPACE_JOINT_DELTA)
    # a content word restored clearly at one cut space is the filter's word at the others too
    clear = {w for _, w, _, margin in decided if margin >= SPACE_MARGIN and len(w) >= 2
             and ngrams.word_pos(w)[:1] not in FUNCTION_POS}
    for key, w, c, margin in decided:
        if margin < SPACE_MARGIN - SPACE_VOTE_BONUS * min(votes[w] - 1, 2):
            scored = ranked_of[key]
            top = scored[0][0]
            known = [(sc, x, cx) for sc, x, cx in scored if x in clear and sc >= top - SPACE_KNOWN_DELTA]
            if known:
                _, w, c = known[0]
            else:
                close = sorted(((near[x], sc, x, cx) for sc, x, cx in scored if sc >= top - SPACE_JOINT_DELTA),
                               key=lambda t: (-t[0], -t[1], t[2]))
                if not close or close[0][0] < SPACE_JOINT_MIN or (len(close) > 1 and close[1][0] == close[0][0]):
                    continue
                _, _, w, c = close[0]
                # a content word, best outright somewhere else too (one-character and function
                # words read nearly best at any space)
                if len(w) < 2 or votes[w] < 2 or ngrams.word_pos(w)[:1] in FUNCTION_POS:
                    continue
            margin = 0.0
        # below the full margin the fix is offered, not applied by --fix (confidence < 0.8)
        conf = min(0.95, 0.7 + 0.05 * margin) if margin >= SPACE_MARGIN else 0.75
        if w not in proposed[key] and w not in deleted:
            # only the filter list proposes it here: offered, not applied by --fix, and no evidence
            # that the page lacks the word elsewhere (the search for traceless deletions reads that)
            conf = min(conf, 0.75)
        yield key, w, c, conf
