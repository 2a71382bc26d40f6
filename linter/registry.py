"""Finding checks (entry points), selecting them and mapping severities.

Built-in checks are registered under the ``wenlint.checks`` entry-point group
in wenlint's own pyproject.toml, exactly as a third-party plugin would be: the
engine has no list of checks of its own.  Plugins load only from installed
distributions, never from paths named in a (possibly untrusted) config file.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import entry_points
from typing import Iterable, Mapping

from .check import SEVERITIES, Check

ENTRY_POINT_GROUP = "wenlint.checks"

# Rules the engine itself emits (not checks).
ENGINE_RULES = {
    "input-error": "error",
    "internal-error": "error",
    "unused-suppression": "warning",
}


@dataclass(frozen=True)
class LoadError:
    name: str
    target: str
    error: str


@dataclass
class Registry:
    """Check classes by id, plus the plugins that failed to load."""

    checks: dict[str, type[Check]] = field(default_factory=dict)
    errors: list[LoadError] = field(default_factory=list)

    def add(self, cls: type[Check]) -> None:
        if not cls.id:
            raise ValueError(f"{cls!r} has no id")
        self.checks[cls.id] = cls

    def known_rules(self) -> set[str]:
        rules = set(ENGINE_RULES)
        for cls in self.checks.values():
            rules.update(cls.all_rule_ids())
        return rules

    def rule_exists(self, rule: str) -> bool:
        """True for a check id, a declared sub-rule, or any ``id/sub`` of a known check."""
        if rule in ENGINE_RULES or rule in self.checks:
            return True
        base = rule.split("/", 1)[0]
        return base in self.checks


def _as_check_class(obj: object) -> type[Check]:
    if isinstance(obj, type) and issubclass(obj, Check):
        return obj
    if isinstance(obj, Check):
        return type(obj)
    raise TypeError(f"entry point must name a wenlint Check subclass, got {obj!r}")


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    """Discover every installed check.  A plugin that fails to import is
    recorded (and reported by the CLI), never fatal for the others."""
    reg = Registry()
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            cls = _as_check_class(ep.load())
            if cls.id in reg.checks and reg.checks[cls.id] is not cls:
                raise ValueError(f"duplicate check id {cls.id!r} (already from {reg.checks[cls.id].__module__})")
            reg.add(cls)
        except Exception as exc:  # noqa: BLE001 - any plugin failure is reported, not raised
            reg.errors.append(LoadError(ep.name, ep.value, f"{type(exc).__name__}: {exc}"))
    return reg


# -- selection ---------------------------------------------------------------
def selector_matches(selector: str, rule: str) -> bool:
    """``legal-citation`` matches itself and ``legal-citation/…``; ``legal``
    matches ``legal-citation…`` (prefix up to a ``-`` or ``/`` boundary);
    ``ALL`` matches everything."""
    if selector == "ALL" or selector == rule:
        return True
    if not rule.startswith(selector):
        return False
    return selector.endswith(("-", "/")) or rule[len(selector)] in "-/"


def _specificity(selector: str) -> int:
    return -1 if selector == "ALL" else len(selector)


@dataclass(frozen=True)
class Selection:
    """``select``/``ignore`` resolved like ruff: the most specific selector wins."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()

    def enabled(self, rule: str) -> bool:
        best_sel = max((_specificity(s) for s in self.select if selector_matches(s, rule)), default=None)
        best_ign = max((_specificity(s) for s in self.ignore if selector_matches(s, rule)), default=None)
        if best_sel is None:
            # a selector naming a sub-rule (``legal-citation/x``) enables its check's run
            return False
        return best_ign is None or best_sel > best_ign

    def check_enabled(self, cls: type[Check]) -> bool:
        if any(self.enabled(r) for r in cls.all_rule_ids()):
            return True
        # a selected sub-rule that the check does not declare still needs the check to run
        return any(s.startswith(cls.id + "/") for s in self.select)

    def unknown(self, registry: Registry) -> list[str]:
        rules = registry.known_rules()
        out = []
        for s in self.select + self.ignore:
            if s == "ALL" or registry.rule_exists(s):
                continue
            if not any(selector_matches(s, r) for r in rules):
                out.append(s)
        return out


def resolve_severity(rule: str, default: str, overrides: Mapping[str, str]) -> str:
    """Most specific override wins: ``id/sub`` over ``id`` over the check default."""
    best, best_len = default, -1
    for sel, sev in overrides.items():
        if selector_matches(sel, rule) and _specificity(sel) > best_len:
            best, best_len = sev, _specificity(sel)
    return best


def validate_severity(value: str, where: str) -> str:
    if value not in SEVERITIES:
        raise ValueError(f"{where}: severity must be one of {', '.join(SEVERITIES)}, got {value!r}")
    return value


def instantiate(classes: Iterable[type[Check]], options: Mapping[str, Mapping[str, object]]) -> list[Check]:
    return [cls(**dict(options.get(cls.id, {}))) for cls in classes]


def warn_load_errors(reg: Registry) -> None:
    for err in reg.errors:
        print(f"wenlint: could not load check plugin {err.name!r} ({err.target}): {err.error}", file=sys.stderr)
