"""GitHub Actions workflow commands: one `::error` or `::warning` annotation per finding.

GitHub shows each annotation on the file and line of the pull request. Fatal findings (unusable
input) are errors, since Actions knows no third level. Values are escaped the way the Actions
toolkit escapes them: `%`, CR and LF in the message; also `:` and `,` in the properties.
"""

from __future__ import annotations

from checker.findings import CheckResult, Finding, Severity
from checker.report import Report
from checker.reporters.common import finding_path, with_article


def escape_data(text: str) -> str:
    """Escape a command's message (after `::`)."""
    # % first, or the escapes themselves would be escaped again.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file, title): `:` and `,` would end it early."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_command(result: CheckResult, finding: Finding, lang: str = "id") -> str:
    """One finding as an annotation command."""
    command = "warning" if finding.severity is Severity.WARNING else "error"
    props = [f"file={escape_property(finding_path(result, finding))}"]
    # Line 0 would mean "whole file"; GitHub wants no line then rather than a wrong one.
    if finding.line > 0:
        props.append(f"line={finding.line}")
        if finding.col > 0:
            props.append(f"col={finding.col}")
    title = f"[{finding.rule}] {finding.obligation}".rstrip()
    props.append(f"title={escape_property(title)}")
    message = with_article(finding.message(lang), finding.article)
    hint = finding.hint(lang)
    if hint:
        message += f" — {hint}"
    return f"::{command} {','.join(props)}::{escape_data(message)}"


def render(report: Report, lang: str = "id") -> str:
    """Every finding of every village as a workflow command line."""
    lines = [format_command(v.result, f, lang) for v in report.villages for f in v.result.findings]
    return "".join(line + "\n" for line in lines)
