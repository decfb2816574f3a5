"""docs/workflow.md, generated from the transition table of ``cchc.domain.lifecycle``."""

from __future__ import annotations

from cchc.domain import lifecycle

HEADER = """# Dossier workflow (vòng đời hồ sơ)

Generated from `cchc/domain/lifecycle.py` by `python manage.py workflow_chart`; a test fails
when this file and the table disagree. DOMAIN.md A3 is the rule this implements.

"""


def workflow_markdown() -> str:
    lines = [HEADER, "## State chart\n", "```mermaid", lifecycle.state_chart(), "```", ""]
    lines += ["## States\n", "| state | label | clock |", "| --- | --- | --- |"]
    for status in lifecycle.Status:
        if status in lifecycle.PRE_RECEIPT:
            clock = "not started"
        elif status in lifecycle.CLOCK_PAUSED:
            clock = "paused (the applicant holds it)"
        elif status in lifecycle.TERMINAL or status == lifecycle.Status.RESULT_READY:
            clock = "stopped; timeliness fixed" if status != lifecycle.Status.REFUSED else "—"
        else:
            clock = "running"
        lines.append(f"| `{status}` | {lifecycle.STATUS_LABELS[status]} | {clock} |")
    lines += [
        "",
        "## Transitions\n",
        "| action | from | to | who | at step | holder only |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for rule in lifecycle.RULES:
        sources = ", ".join(f"`{s}`" for s in sorted(rule.sources))
        target = f"`{rule.target}`" if rule.target else "(unchanged)"
        roles = ", ".join(lifecycle.ROLE_LABELS[r] for r in sorted(rule.roles))
        steps = ", ".join(lifecycle.ROLE_LABELS[r] for r in sorted(rule.step_roles or []))
        lines.append(
            f"| `{rule.action}` — {rule.label} | {sources} | {target} | {roles} | "
            f"{steps or 'any'} | {'yes' if rule.holder_only else 'no'} |"
        )
    lines += [
        "",
        "## Guards\n",
        f"- Overdue without an apology: only {', '.join(sorted(lifecycle.ALLOWED_WHILE_LATE))}"
        " are allowed (“" + lifecycle.MSG_OVERDUE + "”).",
        "- A late result is not returned without an apology (“" + lifecycle.MSG_LATE_RETURN + "”).",
        "- Fees must be paid before the return (“" + lifecycle.MSG_FEES + "”).",
        "- Send back needs a previous processing step (“" + lifecycle.MSG_NO_PREVIOUS + "”).",
        "- An officer acts on a step they hold, on their agency's queue for their role, or — as a"
        " leader — on any step of their own agency.",
        "",
    ]
    return "\n".join(lines)
