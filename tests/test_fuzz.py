"""Property tests: random hostile text through every check (hypothesis)."""
from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings, strategies as st

from linter.document import Document
from linter.fix import apply_fixes, eligible, fix_until_stable
from linter.fuzzing import FRAGMENTS, NASTY_CHARS, invariant_errors, random_text
from linter.runner import LintOptions, lint_document, make_checks

CHECKS, SELECTION = make_checks()
OPTIONS = LintOptions(selection=SELECTION)

texts = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.sampled_from(NASTY_CHARS),
        st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), max_size=12),
        st.text(max_size=8),
    ),
    max_size=80,
).map("".join)


def _lint(text: str):
    doc = Document(text)
    return doc, lint_document(doc, CHECKS, OPTIONS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_no_check_crashes_and_offsets_hold(text):
    doc, findings = _lint(text)
    assert invariant_errors(doc, findings) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_fixes_apply_cleanly_and_fixing_is_idempotent(text):
    doc, findings = _lint(text)
    applied = apply_fixes(text, eligible(findings))
    assert not [fx for fx in applied.skipped if not (0 <= fx.start <= fx.end <= len(text))]
    out = fix_until_stable(text, lambda t: _lint(t)[1], first=findings)
    again = apply_fixes(out.text, eligible(_lint(out.text)[1]))
    assert again.text == out.text or again.text in (text,)  # a second --fix changes nothing


def test_seeded_random_documents():
    rng = random.Random(1234)
    for _ in range(40):
        doc, findings = _lint(random_text(rng))
        assert invariant_errors(doc, findings) == []
