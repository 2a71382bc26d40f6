"""Configuration: ``[tool.wenlint]`` in pyproject.toml or a ``wenlint.toml``
(same keys at top level), found upward from each linted file, like ruff.

Config files are data only: nothing in them is imported or executed, and
unknown keys or rule ids are errors that name the file and the key.
"""
from __future__ import annotations

import fnmatch
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePath
from typing import Any, Mapping

from .check import SEVERITIES
from .registry import Registry, Selection, load_registry

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = ("wenlint.toml", ".wenlint.toml", "pyproject.toml")
GLOBAL_KEYS = {
    "select", "extend-select", "ignore", "fail-on", "lang", "severity", "per-file-ignores",
    "exclude", "rules", "fix-threshold", "max-file-size", "audit",
}


class ConfigError(Exception):
    """A config file that cannot be used; the message names file and key."""


@dataclass(frozen=True)
class TermRuleSpec:
    """A rule declared in config (Vale-style existence/substitution)."""

    id: str
    message: str
    message_en: str
    severity: str
    terms: tuple[str, ...]
    patterns: tuple[str, ...]
    replacement: str | None
    ignorecase: bool


@dataclass
class Config:
    path: Path | None = None  # None: defaults
    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"
    lang: str = "zh"
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    check_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    rules: tuple[TermRuleSpec, ...] = ()
    fix_threshold: float = 0.8
    max_file_size: int = 16 * 1024 * 1024
    audit: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def selection(self, cli_select: tuple[str, ...] = (), cli_ignore: tuple[str, ...] = ()) -> Selection:
        """CLI --select replaces the config's select; --ignore adds to ignore."""
        select = tuple(cli_select) or (self.select + self.extend_select)
        return Selection(select, self.ignore + tuple(cli_ignore))

    def ignores_for(self, file: str | Path) -> tuple[str, ...]:
        """Selectors ignored for ``file`` by per-file-ignores (globs relative to the config)."""
        if not self.per_file_ignores:
            return ()
        p = Path(file)
        try:
            rel = p.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            rel = p.as_posix()
        out: list[str] = []
        for pattern, rules in self.per_file_ignores.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(p.name, pattern) or PurePath(rel).match(pattern):
                out.extend(rules)
        return tuple(out)

    def excluded(self, file: str | Path) -> bool:
        p = Path(file)
        return any(fnmatch.fnmatch(p.as_posix(), pat) or fnmatch.fnmatch(p.name, pat) for pat in self.exclude)

    def cache_key(self) -> str:
        """Stable text of the effective settings, for the result cache."""
        import json

        return json.dumps({
            "select": self.select, "extend": self.extend_select, "ignore": self.ignore,
            "severity": self.severity, "pfi": self.per_file_ignores, "opts": self.check_options,
            "rules": [r.__dict__ for r in self.rules], "max": self.max_file_size,
        }, sort_keys=True, ensure_ascii=False, default=str)


def _err(path: Path, key: str, msg: str) -> ConfigError:
    return ConfigError(f"{path}: [{key}] {msg}")


def _str_list(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _err(path, key, "must be a list of strings")
    return tuple(value)


def _check_selectors(path: Path, key: str, sels: tuple[str, ...], reg: Registry, extra: set[str]) -> None:
    unknown = [s for s in Selection(sels).unknown(reg) if s not in extra]
    if unknown:
        raise _err(path, key, f"unknown rule id(s): {', '.join(unknown)}")


def parse_config(table: Mapping[str, Any], path: Path, registry: Registry | None = None) -> Config:
    """Validate a ``[tool.wenlint]`` table.  Every key is checked; nothing is ignored silently."""
    reg = registry or load_registry()
    cfg = Config(path=path)
    rules = _parse_rules(table.get("rules", []), path)
    cfg.rules = rules
    own_ids = {r.id for r in rules}
    for key, value in table.items():
        if key in ("select", "extend-select", "ignore", "exclude"):
            sels = _str_list(path, key, value)
            if key != "exclude":
                _check_selectors(path, key, sels, reg, own_ids)
            setattr(cfg, key.replace("-", "_"), sels)
        elif key == "fail-on":
            if value not in SEVERITIES + ("never",):
                raise _err(path, key, f"must be one of {', '.join(SEVERITIES)} or never")
            cfg.fail_on = value
        elif key == "lang":
            if value not in ("zh", "en"):
                raise _err(path, key, "must be zh or en")
            cfg.lang = value
        elif key == "severity":
            if not isinstance(value, dict):
                raise _err(path, key, "must be a table of rule = severity")
            for rule, sev in value.items():
                _check_selectors(path, f"severity.{rule}", (rule,), reg, own_ids)
                if sev not in SEVERITIES:
                    raise _err(path, f"severity.{rule}", f"must be one of {', '.join(SEVERITIES)}")
            cfg.severity = dict(value)
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise _err(path, key, "must be a table of glob = [rules]")
            pfi = {}
            for glob, sels in value.items():
                sels = _str_list(path, f"per-file-ignores.{glob}", sels)
                _check_selectors(path, f"per-file-ignores.{glob}", sels, reg, own_ids)
                pfi[glob] = sels
            cfg.per_file_ignores = pfi
        elif key == "fix-threshold":
            if not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise _err(path, key, "must be a number between 0 and 1")
            cfg.fix_threshold = float(value)
        elif key == "max-file-size":
            if not isinstance(value, int) or value < 0:
                raise _err(path, key, "must be a non-negative integer (bytes; 0 = no limit)")
            cfg.max_file_size = value
        elif key == "audit":
            if not isinstance(value, dict):
                raise _err(path, key, "must be a table")
            cfg.audit = dict(value)
        elif key == "rules":
            continue
        elif key in reg.checks:
            cfg.check_options[key] = _parse_check_options(value, path, key, reg)
        else:
            raise _err(path, key, "unknown key (not a setting and not a check id)")
    return cfg


def _parse_check_options(value: Any, path: Path, key: str, reg: Registry) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _err(path, key, "must be a table of options")
    cls = reg.checks[key]
    opts: dict[str, Any] = {}
    for name, v in value.items():
        if name not in cls.options:
            known = ", ".join(sorted(cls.options)) or "none"
            raise _err(path, f"{key}.{name}", f"unknown option (known: {known})")
        default = cls.options[name].default
        if default is not None and not isinstance(v, type(default)) and not (
                isinstance(default, float) and isinstance(v, int)):
            raise _err(path, f"{key}.{name}", f"must be {type(default).__name__}, got {type(v).__name__}")
        if cls.options[name].path and isinstance(v, str):
            v = str((path.parent / v).expanduser().resolve())
        opts[name] = v
    return opts


def _parse_rules(value: Any, path: Path) -> tuple[TermRuleSpec, ...]:
    if not isinstance(value, list):
        raise _err(path, "rules", "must be an array of tables ([[tool.wenlint.rules]])")
    out = []
    allowed = {"id", "message", "message-en", "severity", "terms", "patterns", "replacement", "ignorecase"}
    for i, r in enumerate(value):
        where = f"rules[{i}]"
        if not isinstance(r, dict):
            raise _err(path, where, "must be a table")
        extra = set(r) - allowed
        if extra:
            raise _err(path, f"{where}.{sorted(extra)[0]}", "unknown key")
        rid = r.get("id")
        if not isinstance(rid, str) or not rid or "/" in rid:
            raise _err(path, f"{where}.id", "a rule needs an id (kebab-case, no '/')")
        terms = _str_list(path, f"{where}.terms", r.get("terms", []))
        patterns = _str_list(path, f"{where}.patterns", r.get("patterns", []))
        if not terms and not patterns:
            raise _err(path, where, "needs terms or patterns")
        for p in patterns:
            _validate_pattern(path, f"{where}.patterns", p)
        sev = r.get("severity", "warning")
        if sev not in SEVERITIES:
            raise _err(path, f"{where}.severity", f"must be one of {', '.join(SEVERITIES)}")
        msg = r.get("message") or f"“{{match}}”违反规则 {rid}"
        out.append(TermRuleSpec(rid, msg, r.get("message-en") or msg, sev, terms, patterns,
                                r.get("replacement"), bool(r.get("ignorecase", False))))
    return tuple(out)


def _validate_pattern(path: Path, key: str, pattern: str) -> None:
    import re

    if len(pattern) > 300:
        raise _err(path, key, "pattern longer than 300 characters")
    from .regex_safety import audit

    try:
        re.compile(pattern)
    except re.error as exc:
        raise _err(path, key, f"invalid regular expression {pattern!r}: {exc}") from None
    # Patterns come from possibly untrusted repositories: refuse backreferences and the
    # shapes that make backtracking explode (nested or adjacent overlapping repeats).
    if re.search(r"\\[1-9]|\(\?P=", pattern):
        raise _err(path, key, f"pattern {pattern!r} uses a backreference (not allowed)")
    issues = audit(pattern)
    if issues:
        raise _err(path, key, f"pattern {pattern!r} can backtrack catastrophically "
                              f"({issues[0].kind}: {issues[0].detail}); nested quantifiers are not allowed")


def load_config_file(path: Path) -> Config:
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("wenlint")
        if table is None:
            raise ConfigError(f"{path}: no [tool.wenlint] table")
    else:
        table = data
    return parse_config(table, path)


def _has_table(path: Path) -> bool:
    if path.name != "pyproject.toml":
        return True
    try:
        with open(path, "rb") as fh:
            return "wenlint" in tomllib.load(fh).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False


@lru_cache(maxsize=256)
def find_config_file(directory: Path) -> Path | None:
    """The nearest config file at or above ``directory``."""
    for d in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            cand = d / name
            if cand.is_file() and _has_table(cand):
                return cand
    return None


@lru_cache(maxsize=256)
def _load_cached(path: Path) -> Config:
    return load_config_file(path)


def config_for(file: str | Path | None) -> Config:
    """The effective config for a file (defaults when none is found)."""
    start = Path.cwd() if file in (None, "-") else Path(file).resolve().parent
    found = find_config_file(start)
    return _load_cached(found) if found else Config()
