"""Round-3 performance rewrites against the plain code they replace (same results)."""
import random

from linter.text import Span, split_lines, split_sentences, SENTENCE_RE


def _split_lines_ref(text):
    import re

    out, pos, n = [], 0, len(text)
    for m in re.finditer(r"\r\n|\n|\r", text):
        out.append(Span(pos, m.start(), text[pos:m.start()]))
        pos = m.end()
    if pos < n or not out or n == 0:
        out.append(Span(pos, n, text[pos:n]))
    elif pos == n:
        out.append(Span(pos, n, ""))
    return out


def _split_sentences_ref(text, base=0):
    out = []
    for m in SENTENCE_RE.finditer(text):
        s, e = m.start(), m.end()
        if s == e:
            continue
        stripped = text[s:e].rstrip("\r\n")
        if not stripped.strip():
            continue
        out.append(Span(base + s, base + s + len(stripped), stripped))
    return out


def test_spans_equal_the_dataclass_built_ones():
    rng = random.Random(3)
    for _ in range(5000):
        t = "".join(rng.choice("ab。！?\n\r …”) \u3000") for _ in range(rng.randrange(0, 30)))
        assert split_lines(t) == _split_lines_ref(t)
        assert split_sentences(t, 3) == _split_sentences_ref(t, 3)
        assert [hash(s) for s in split_lines(t)] == [hash(s) for s in _split_lines_ref(t)]


def _make_line_ref(idx, start, end, next_start, raw):
    from linter import blocks

    bullets_by_first, marks, marks_re, prose_re, ellipses = blocks._line_tools()
    text = blocks.strip_pad(raw)
    lead = start + (len(raw) - len(raw.lstrip(blocks._PAD))) if text else start
    body = text
    heading = 0
    if body.startswith("#"):
        stripped = body.lstrip("#")
        heading = len(body) - len(stripped)
        body = blocks.strip_pad(stripped)
    bullet = ""
    for b in bullets_by_first.get(body[:1], ()):
        if body.startswith(b) and len(body) > len(b) and not body[len(b)].isdigit():
            bullet = b
            body = blocks.strip_pad(body[len(b):])
            break
    last = len(text) - 1
    inner = len(marks_re.findall(text, 0, last)) if last > 0 else 0
    return blocks.Line(index=idx, start=start, end=end, next_start=next_start, lead=lead, text=text, body=body,
                       bullet=bullet, heading=heading, han=blocks.han_count(text), inner_marks=inner,
                       prose_marks=len(prose_re.findall(text)), ends_sentence=bool(text) and text[-1] in marks,
                       ends_ellipsis=text.endswith(ellipses))


def test_layout_lines_equal_the_dataclass_built_ones():
    from linter import blocks
    from linter.document import Document

    bullets = [b for b in blocks.vocab()["bullets"] if b][:6]
    pieces = ["#", "## ", " ", "\u3000", "\u200b", "。", "，", "？", "……", "...", "1", "2025-04-17", "\n", "\r\n",
              "房贷", "逾期", "abc", "吗"] + bullets
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 25)))
        doc = Document(text)
        lines = doc.lines
        want = [_make_line_ref(i, sp.start, sp.end, lines[i + 1].start if i + 1 < len(lines) else len(text), sp.text)
                for i, sp in enumerate(lines)]
        got = blocks.Layout(doc).lines
        assert got == want, text
        assert [hash(x) for x in got] == [hash(x) for x in want]


def test_tokens_in_and_position_equal_the_plain_walk():
    from linter.document import Document

    rng = random.Random(5)
    texts = ["", "房贷逾期一个月会上门吗？\n银行会先电话提醒。", "a b\r\nc\rd\n\n", "  我们 ，，abc 123。\n"]
    texts += ["".join(rng.choice("房贷逾期银行 会上门吗，。\nab1") for _ in range(rng.randrange(0, 40))) for _ in range(300)]
    for text in texts:
        doc = Document(text)
        toks = doc.tokens
        n = len(text)
        for start in range(-1, n + 2):
            for end in range(start - 1, min(n + 2, start + 9)):
                want = []
                if toks:
                    for t in toks[max(0, max(i for i, t in enumerate(toks) if t.start <= start)
                                      if any(t.start <= start for t in toks) else 0):]:
                        if t.start >= end:
                            break
                        if t.end > start:
                            want.append(t)
                assert doc.tokens_in(start, end) == want, (text, start, end)
            off = min(max(start, 0), n)
            starts = [ln.start for ln in doc.lines]
            i = max(0, max((k for k, s in enumerate(starts) if s <= off), default=0))
            assert doc.position(start) == (i + 1, off - starts[i] + 1)


def _find_ref(terms, text):
    """Leftmost-longest non-overlapping occurrences by brute force."""
    out, i = [], 0
    while i < len(text):
        hit = max((t for t in terms if t and text.startswith(t, i)), key=len, default=None)
        if hit:
            out.append((i, i + len(hit), hit))
            i += len(hit)
        else:
            i += 1
    return out


def test_phrase_matcher_find_and_iter_all():
    from linter.lexicon import Match, PhraseMatcher

    rng = random.Random(17)
    for _ in range(3000):
        terms = {"".join(rng.choice("abc") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 6))}
        pm = PhraseMatcher({t: len(t) for t in terms})
        text = "".join(rng.choice("abcd") for _ in range(rng.randint(0, 25)))
        got = pm.find(text)
        assert [(m.start, m.end, m.term) for m in got] == _find_ref(terms, text)
        assert all(m == Match(m.start, m.end, m.term, len(m.term)) for m in got)
        every = [(m.start, m.end, m.term, m.value) for m in pm.iter_all(text)]
        want = sorted(((i, i + len(t), t, len(t)) for t in terms for i in range(len(text)) if text.startswith(t, i)),
                      key=lambda x: (x[1], x[0]))
        assert sorted(every, key=lambda x: (x[1], x[0])) == want
        assert [e for _s, e, _t, _v in every] == sorted(e for _s, e, _t, _v in every)
        assert pm.contains(text) == bool(got)


def test_fingerprint_from_hash_state_equals_fingerprint():
    from checks.legal_citation import _fp, _fp_state, _fp_state_cached, fingerprint

    for law, art, clause in [("中华人民共和国民法典", "*", "债务人不履行到期债务"), ("x", "12", ""),
                             ("商业银行法", "7", "abc123"), ("", "", "借款人")]:
        want = fingerprint(law, art, clause)
        assert _fp(_fp_state(law, art), clause.encode("utf-8")) == want
        assert _fp(_fp_state_cached(law, art), clause.encode("utf-8")) == want
        assert _fp(_fp_state_cached(law, art), clause.encode("utf-8")) == want  # the cached state is not consumed


def test_phrase_matcher_spans_equal_iter_all():
    from linter.lexicon import PhraseMatcher

    rng = random.Random(23)
    for _ in range(500):
        terms = {"".join(rng.choice("abc") for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 6))}
        pm = PhraseMatcher(terms)
        text = "".join(rng.choice("abcd") for _ in range(rng.randint(0, 25)))
        assert pm.spans(text) == [(m.start, m.end, m.term) for m in pm.iter_all(text)]


def test_risky_claim_line_cues_equal_whole_text_cues():
    from checks.risky_claim import RiskyClaim, _LineCues, load_model
    from linter.document import Document

    model = load_model()
    cues = sorted(model.cues._auto.keys())
    terms = sorted(model.terms._auto.keys())
    rng = random.Random(29)
    pieces = cues + terms + ["\n", "\r\n", "\r", "。", "，", "我们", "？", " "]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
        doc = Document(text)
        whole = model.cues.find(text)
        starts = [c.start for c in whole]
        lazy = _LineCues(model.cues, doc)
        for _k in range(10):
            a = rng.randrange(0, len(text) + 1)
            b = rng.randrange(a, len(text) + 1)
            assert RiskyClaim._cues_in(lazy, [], a, b) == RiskyClaim._cues_in(whole, starts, a, b)


def test_anchored_find_equals_plain_find():
    from linter.lexicon import PhraseMatcher

    rng = random.Random(31)
    for trial in range(1500):
        terms = set()
        for _ in range(rng.randint(1, 8)):
            t = "".join(rng.choice("abcd") for _ in range(rng.randint(0, 4)))
            k = rng.randint(0, len(t))
            terms.add(t[:k] + rng.choice("XY") + t[k:])  # every term holds an anchor X or Y
        anchored = PhraseMatcher(terms, anchors="XY")
        plain = PhraseMatcher(terms)
        assert anchored._anchors == "XY"
        for _ in range(4):
            n = rng.choice((0, 5, 40, 300, 1200))
            text = "".join(rng.choice("abcd") if rng.random() > 0.01 else rng.choice("XY") for _ in range(n))
            if rng.random() < 0.3:
                text = "X" + text + "Y"
            assert [(m.start, m.end, m.term) for m in anchored.find(text)] == \
                   [(m.start, m.end, m.term) for m in plain.find(text)]
    assert PhraseMatcher({"ab", "Xa"}, anchors="XY")._anchors == ""  # "ab" has no anchor: plain scans


def test_punctuation_protect_scan_equals_protect():
    from checks.punctuation import _PROTECT_RE, _PROTECT_SCAN_RE

    rng = random.Random(37)
    alphabet = "htp:/w.x@abcZ9_%+-“”‘’「」『』中文&#1;`x`]()\n www.a.cn ftp://"
    for _ in range(5000):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 50)))
        assert [m.span() for m in _PROTECT_SCAN_RE.finditer(t)] == [m.span() for m in _PROTECT_RE.finditer(t)], t


def test_fingerprint_key_set_equals_bisection():
    from checks.legal_citation import _fingerprints, _has_key, _key_set

    _laws, keys = _fingerprints()
    ks = _key_set()
    rng = random.Random(41)
    probes = list(keys[:200]) + [rng.randrange(0, 2 ** 32) for _ in range(2000)]
    assert all((k in ks) == _has_key(keys, k) for k in probes)


def test_required_chars_is_a_necessary_condition():
    import re

    from linter.text import required_chars

    pats = [r"ab|cd", r"(?:x)?y", r"[ab]+c", r"(?<!x)据[a-c]{1,2}(?:统计|调查)", r"(?:a|b?)c", r"a{0,3}b", r"(a|b)(c|d)"]
    rng = random.Random(43)
    for src in pats:
        pat = re.compile(src)
        req = required_chars(pat)
        assert req
        for _ in range(2000):
            t = "".join(rng.choice("abcdxy据统计调查") for _ in range(rng.randrange(0, 12)))
            if pat.search(t):
                assert any(c in t for c in req), (src, t)
    assert required_chars(re.compile(r"a*")) is None and required_chars(re.compile(r"\d+")) is None


def test_finding_positions_equal_document_position():
    from linter.document import Document
    from linter.fuzzing import random_text
    from linter.runner import LintOptions, lint_document, make_checks

    checks, sel = make_checks(ignore=["missing-char"])
    rng = random.Random(47)
    texts = [random_text(rng, max_pieces=60) for _ in range(120)] + ["", "\n", "a\r\nb\rc\n", "房贷逾期,银行会起诉吗?\r\n\r\n"]
    for text in texts:
        doc = Document(text)
        for f in lint_document(doc, checks, LintOptions(selection=sel)):
            assert (f.line, f.column) == doc.position(f.start)
            assert (f.end_line, f.end_column) == doc.position(f.end)
