"""The ``wenlint`` command line.  Thin: parsing, then the engine, then a reporter."""
from __future__ import annotations

import os
import sys
from typing import TextIO

import click

from . import __version__
from .check import SEVERITY_RANK
from .config import ConfigError
from .registry import ENGINE_RULES, Selection, load_registry, warn_load_errors

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _use_color(out: TextIO, forced: bool | None) -> bool:
    if forced is not None:
        return forced
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(out, "isatty") and out.isatty()


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select a,b --select c`` → (a, b, c)."""
    return tuple(v.strip() for val in values for v in val.split(",") if v.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="wenlint")
def main() -> None:
    """wenlint — 中文财经文章内容质量检查 (content-quality linter for Chinese finance articles)."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", default="text", show_default=True,
              help="Output format: text, json, jsonl, sarif, github, rdjson, junit, checkstyle, gitlab.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to this file.")
@click.option("--select", multiple=True, help="Rule ids or prefixes to enable (comma-separated; replaces config).")
@click.option("--ignore", multiple=True, help="Rule ids or prefixes to disable (comma-separated).")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error", "never"]), default=None,
              help="Lowest severity that makes the exit code 1 (default: warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings are reported.")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False),
              help="Use this config file instead of discovering one per file.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Message language (default zh).")
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
@click.option("--color/--no-color", default=None, help="Colour output (default: on a terminal, unless NO_COLOR).")
@click.option("--max-file-size", type=int, default=None, help="Skip files larger than this many bytes (0 = no limit).")
@click.option("--stdin-filename", default=None, help="Path to report for input read from stdin (-).")
@click.option("--fix", is_flag=True, help="Apply safe fixes (confidence >= fix-threshold) in place; stdin: print the fixed text.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix/--diff, also apply fixes below the fix-threshold.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff and write nothing.")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None,
              help="Baseline file: written on the first run; later runs report only findings not in it.")
@click.option("--update-baseline", is_flag=True,
              help="Rewrite the --baseline file from the current findings of the files linted (fixed ones leave it).")
@click.option("--no-cache", is_flag=True, help="Lint every file again instead of reusing .wenlint_cache/ results.")
def check(paths, fmt, output, select, ignore, fail_on, exit_zero, config_file, lang, statistics, color,
          max_file_size, stdin_filename, fix, unsafe_fixes, show_diff, baseline, update_baseline,
          no_cache) -> None:
    """Lint files, folders, globs or stdin (-)."""
    from .reporters import REPORTERS
    from .runner import CheckRequest, check_paths

    reg = load_registry()
    warn_load_errors(reg)
    if fmt not in REPORTERS:
        raise click.UsageError(f"unknown format {fmt!r}; choose from {', '.join(sorted(REPORTERS))}")
    if not paths:
        raise click.UsageError("no paths given (use - for stdin)")
    if update_baseline and not baseline:
        raise click.UsageError("--update-baseline needs --baseline FILE")
    sel, ign = _split(select), _split(ignore)
    req = CheckRequest(paths=paths, select=sel, ignore=ign, config_file=config_file, lang=lang,
                       max_file_size=max_file_size, stdin_filename=stdin_filename,
                       fix="diff" if show_diff else ("write" if fix else None), unsafe_fixes=unsafe_fixes,
                       cache=not no_cache and not os.environ.get("WENLINT_NO_CACHE"))
    try:
        unknown = [s for s in Selection(sel, ign).unknown(reg) if not _is_config_rule(s, req)]
        if unknown:
            raise click.UsageError(f"unknown rule id(s): {', '.join(unknown)} (see `wenlint list-checks`)")
        result = check_paths(req)
    except ConfigError as exc:
        click.echo(f"wenlint: config error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    changed = 0
    if req.fix:  # --fix / --diff (linter/fix.py): write or diff, then report what is left
        from .fix import finish_fixes
        changed = finish_fixes(result, req, lang or result.lang)
    if baseline:
        from .baseline import apply_baseline
        try:
            apply_baseline(baseline, result, lang or result.lang, update=update_baseline)
        except (OSError, ValueError, KeyError) as exc:
            click.echo(f"wenlint: baseline error: {exc}", err=True)
            sys.exit(EXIT_ERROR)
    # --diff prints only the diff; fixed stdin goes to stdout, so its report goes to stderr
    quiet = req.fix == "diff" or (req.fix == "write" and "-" in paths)
    if quiet and not output:
        out = sys.stderr if req.fix == "write" else None
    else:
        out = open(output, "w", encoding="utf-8", newline="\n") if output else sys.stdout
    try:
        if out is not None:
            REPORTERS[fmt](result, out, color=_use_color(out, color) and fmt == "text", statistics=statistics)
    finally:
        if output:
            out.close()
    if req.fix == "diff":
        sys.exit(EXIT_ERROR if result.input_errors else EXIT_FINDINGS if changed and not exit_zero else EXIT_OK)
    sys.exit(exit_code(result, fail_on, exit_zero))


def _is_config_rule(selector: str, req) -> bool:
    """Selectors may name term rules declared in the config file."""
    from pathlib import Path

    from .config import config_for, load_config_file

    if req.config_file:
        configs = [load_config_file(Path(req.config_file))]
    else:
        configs = [config_for(None if p == "-" else (p if os.path.isfile(p) else os.path.join(p, "_")))
                   for p in req.paths]
    return any(selector == r.id for cfg in configs for r in cfg.rules)


def exit_code(result, fail_on: str | None, exit_zero: bool) -> int:
    if result.input_errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    threshold = fail_on or _config_fail_on(result)
    if threshold == "never":
        return EXIT_OK
    worst = result.worst()
    return EXIT_FINDINGS if worst >= SEVERITY_RANK[threshold] else EXIT_OK


def _config_fail_on(result) -> str:
    from .config import config_for

    first = next((fr.path for fr in result.files if fr.doc is not None), None)
    return config_for(first).fail_on if first else "warning"


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(file_okay=False))
def clean(paths) -> None:
    """Remove the result cache (.wenlint_cache/) of these folders (default: the current one)."""
    from pathlib import Path

    from .cache import cache_root, clean as remove_cache
    from .config import config_for

    roots: set[Path] = set()
    for p in paths or (".",):
        roots.add(Path(p).resolve())
        roots.add(cache_root(config_for(os.path.join(p, "_"))).resolve())
    removed = [r for r in sorted(roots) if remove_cache(r)]
    for r in removed:
        click.echo(f"removed {r / '.wenlint_cache'}")
    if not removed:
        click.echo("no wenlint cache found")


@main.command("list-checks")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh")
def list_checks(lang: str) -> None:
    """List the installed checks: id, default severity, summary."""
    reg = load_registry()
    warn_load_errors(reg)
    rows = [(c.id, c.default_severity, (c.summary_en if lang == "en" else c.summary) or c.summary,
             "corpus" if c.scope == "corpus" else "") for c in sorted(reg.checks.values(), key=lambda c: c.id)]
    width = max((len(r[0]) for r in rows), default=10)
    for cid, sev, summary, scope in rows:
        tag = f" [{scope}]" if scope else ""
        click.echo(f"{cid:<{width}}  {sev:<7}  {summary}{tag}")
    for rule, sev in ENGINE_RULES.items():
        click.echo(f"{rule:<{width}}  {sev:<7}  {'(engine)'}")


@main.command()
@click.argument("rule")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh")
def explain(rule: str, lang: str) -> None:
    """Explain a rule: what it flags, why, examples, options."""
    reg = load_registry()
    cls = reg.checks.get(rule.split("/", 1)[0])
    if cls is None:
        raise click.UsageError(f"unknown rule {rule!r} (see `wenlint list-checks`)")
    en = lang == "en"
    click.echo(f"{cls.id}  ({cls.default_severity})")
    click.echo((cls.summary_en if en else cls.summary) or cls.summary)
    click.echo("")
    rationale = (cls.rationale_en if en else cls.rationale) or cls.rationale
    if rationale:
        click.echo(("Why: " if en else "原因：") + rationale)
    if cls.sub_rules:
        click.echo(("Sub-rules: " if en else "子规则：") + ", ".join(f"{cls.id}/{s}" for s in cls.sub_rules))
    if cls.examples:
        click.echo("")
        click.echo("Examples:" if en else "示例：")
        for ex in cls.examples:
            click.echo(f"  ✗ {ex.bad}")
            click.echo(f"  ✓ {ex.good}")
            if ex.note:
                click.echo(f"    {ex.note}")
    if cls.options:
        click.echo("")
        click.echo("Options ([tool.wenlint.%s]):" % cls.id if en else "选项（[tool.wenlint.%s]）：" % cls.id)
        for name, opt in cls.options.items():
            click.echo(f"  {name} = {opt.default!r}  — {opt.help}")


# Sub-command groups that live in their own modules register here.
def _register_subcommands() -> None:
    import importlib

    for mod, attr in (("linter.laws_cli", "laws"), ("linter.audit_cli", "audit")):
        try:
            module = importlib.import_module(mod)
        except ModuleNotFoundError as exc:
            if exc.name != mod:
                raise
            continue
        main.add_command(getattr(module, attr))


_register_subcommands()


if __name__ == "__main__":  # pragma: no cover
    main()
