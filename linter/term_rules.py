"""Rules without code: term lists and patterns declared in config (Vale's
``existence``/``substitution``), run like any check.

    [[tool.wenlint.rules]]
    id = "house-banned"
    terms = ["保本保息", "稳赚不赔"]
    message = "广告法禁止承诺收益：“{match}”"
    severity = "error"
    replacement = ""          # optional: the fix
"""
from __future__ import annotations

import re
from typing import Iterable

from .check import Check, Finding, Fix, Message
from .config import TermRuleSpec
from .lexicon import PhraseMatcher


class TermRule(Check):
    scope = "document"

    def __init__(self, spec: TermRuleSpec) -> None:
        super().__init__()
        self.spec = spec
        self.id = spec.id  # type: ignore[misc]  # per-instance id: the rule comes from config
        self.default_severity = spec.severity  # type: ignore[misc]
        self.summary = spec.message  # type: ignore[misc]
        terms = [t.lower() for t in spec.terms] if spec.ignorecase else list(spec.terms)
        self._matcher = PhraseMatcher(terms)
        flags = re.IGNORECASE if spec.ignorecase else 0
        self._patterns = [re.compile(p, flags) for p in spec.patterns]

    def run(self, doc) -> Iterable[Finding]:
        text = doc.text.lower() if self.spec.ignorecase else doc.text
        spans = [(m.start, m.end) for m in self._matcher.find(text)]
        for pat in self._patterns:
            spans.extend((m.start(), m.end()) for m in pat.finditer(doc.text) if m.end() > m.start())
        for start, end in sorted(set(spans)):
            match = doc.text[start:end]
            fix = Fix(start, end, self.spec.replacement) if self.spec.replacement is not None else None
            yield Finding(
                rule=self.id, start=start, end=end, fix=fix, confidence=1.0 if fix else None,
                message=Message(zh=self.spec.message.replace("{match}", match),
                                en=self.spec.message_en.replace("{match}", match)),
            )
