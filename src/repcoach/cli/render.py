"""Rich renderables for plans, exercises and history; pure functions of their data."""

from __future__ import annotations

from rich.console import Group
from rich.markdown import Markdown
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from repcoach.library import Exercise
from repcoach.plan import Block, Move, Plan
from repcoach.plan.quantities import format_seconds

SIDED_TEXT = {
    "bilateral": "both sides together",
    "unilateral": "one side at a time (left, then right)",
    "alternating": "alternating sides, rep by rep",
}


def plan_view(plan: Plan) -> Group:
    """The plan as one table, with how to run it above and its notes below."""
    rounds = f"{plan.rounds} round{'s' if plan.rounds.high > 1 else ''}"
    head = Text.assemble((plan.title, "bold"), f"  ({plan.id})\n", plan.summary)
    lines = [f"• Do the blocks in order, then repeat: {rounds} in all."]
    if plan.rounds.low < plan.rounds.high:
        lines.append(f"• After round {plan.rounds.low} you may finish or go on, up to {plan.rounds.high}.")
    schedule = plan.schedule
    lines.append(
        f"• Train {schedule.sessions_per_week} times a week, at least {schedule.min_hours_between} h apart "
        f"(ideally {schedule.ideal_hours_between} h)."
    )
    if plan.warmup:
        lines.append(f"• Warm up first: repcoach run {plan.id} --warmup  ({plan.warmup})")
    lines.extend(f"• Pair it for a longer session: repcoach run {plan.id} --with {other}" for other in plan.pairs_with)
    parts: list[Text | Table | Markdown] = [head, Text("\n".join(lines)), _blocks_table(plan)]
    notes = [*plan.notes, *([f"Why: {plan.why}"] if plan.why else [])]
    if notes:
        parts.append(Text("\n".join(f"• {note}" for note in notes), style="italic"))
    return Group(*parts)


def _blocks_table(plan: Plan) -> Table:
    catalogue = plan.exercise_lookup()
    table = Table(show_lines=False, expand=False)
    for column in ("Block", "Move", "Target", "Bell", "Rest after"):
        table.add_column(column)
    for b, block in enumerate(plan.blocks):
        last_block = b == len(plan.blocks) - 1
        for m, move in enumerate(block.moves):
            table.add_row(
                _block_label(block) if m == 0 else "",
                catalogue.get(move.exercise).name,
                _target(move),
                _bell(move, plan),
                _rest_after(plan, block, m, last_block),
                end_section=m == len(block.moves) - 1,
            )
    return table


def _block_label(block: Block) -> str:
    sets = f", {block.sets} sets" if block.sets > 1 and not block.every else ""
    timing = f", {block.timing}" if block.timing else ""
    return f"{block.name}\n({block.kind}{sets}{timing})"


def _target(move: Move) -> str:
    effort = f" @ RIR {move.rir}" if move.rir is not None else ""
    notes = f"\n{move.notes}" if move.notes else ""
    return f"{move.target}{effort}{notes}"


def _bell(move: Move, plan: Plan) -> str:
    if move.load is None:
        return "-"
    guide = plan.loads.get(move.load)
    return f"{move.load} ({guide})" if guide else move.load


def _rest_after(plan: Plan, block: Block, index: int, last_block: bool) -> str:
    last_move = index == len(block.moves) - 1
    if block.every and (last_move or block.kind == "circuit"):
        if not last_move:
            return "what is left of the interval"
        before = "what is left of the interval; "
    elif not last_move:
        return format_seconds(block.rest_between_moves) if block.rest_between_moves else "none: go straight on"
    else:
        before = f"{format_seconds(block.rest_between_sets)} between sets; " if block.sets > 1 else ""
    if last_block and plan.rest_after_round is not None and plan.rounds.high > 1:
        return f"{before}{format_seconds(plan.rest_after_round)} (end of round)"
    return f"{before}{format_seconds(block.rest_after)}" if block.rest_after else f"{before}none".rstrip("; ")


def exercise_view(exercise: Exercise, used_in: list[str]) -> Panel:
    """Everything a user needs to do the move well."""
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("Equipment", ", ".join(exercise.equipment))
    facts.add_row("Primary muscles", ", ".join(exercise.primary_muscles))
    facts.add_row("Secondary muscles", ", ".join(exercise.secondary_muscles) or "-")
    facts.add_row("Movement pattern", exercise.pattern)
    facts.add_row("Sides", SIDED_TEXT[exercise.sided])
    if exercise.aliases:
        facts.add_row("Also called", ", ".join(exercise.aliases))
    if used_in:
        facts.add_row("In plans", ", ".join(used_in))
    cues = _listed(exercise.cues, [f"{n}." for n in range(1, len(exercise.cues) + 1)])
    mistakes = _listed(exercise.mistakes, ["✗"] * len(exercise.mistakes))
    body = Group(
        Text(exercise.summary, style="italic"),
        Text(""),
        facts,
        Text("\nHow to do it", style="bold green"),
        cues,
        Text("\nCommon mistakes", style="bold red"),
        mistakes,
    )
    return Panel(body, title=f"[bold]{exercise.name}[/bold] ({exercise.id})", expand=False)


def _listed(items: tuple[str, ...], marks: list[str]) -> Table:
    """Items with a mark each; wrapped lines stay indented under their text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", min_width=4)
    grid.add_column()
    for mark, item in zip(marks, items, strict=True):
        grid.add_row(mark, item)
    return grid
