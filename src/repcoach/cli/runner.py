"""The guided session in the terminal: one screen per step, typed commands, cues from deadlines.

Time is never counted in ticks: every wait is computed from the engine's deadlines at the
moment it starts, so the countdown and the beeps stay on time however long the screen takes
to draw; each cue's last milliseconds are waited out with :func:`wait_until`, the path
``bench/cue_timing.py`` measures. Under ``REPCOACH_TIME_SCALE`` the session clock runs faster
and real waits shrink with it.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass

from rich.align import Align
from rich.console import Console, Group
from rich.live import Live
from rich.panel import Panel
from rich.text import Text

from repcoach.cli.bigdigits import big, clock_text
from repcoach.cli.set_entry import parse_set_entry
from repcoach.cli.terminal import CuePlayer, LineInput
from repcoach.coach import BellChoice
from repcoach.library.custom import UserCatalogue
from repcoach.plan.quantities import format_seconds
from repcoach.service.bell_advice import BellAdvisor
from repcoach.service.live_session import LiveSession
from repcoach.session import (
    AnotherRound,
    EndRest,
    EndRounds,
    EngineError,
    Event,
    Finished,
    FinishSession,
    Pause,
    Rest,
    Resume,
    RoundChoice,
    SetDone,
    Skip,
    Undo,
    WorkStep,
    clock_speed,
    wait_until,
)
from repcoach.session.deadline import COARSE_MARGIN
from repcoach.units import Unit, format_distance, format_weight

REFRESH_SECONDS = 0.25
"""How often the countdown is redrawn, in session seconds."""

WORK_KEYS = "Enter = log the target · or type {amount} \\[rir] \\[@bell] · s skip · u undo · p pause · q quit"
REST_KEYS = "Enter = start now · p pause · u undo · q quit"


class QuitSession(Exception):
    """The user left; the session stays stored, unfinished, for ``repcoach resume``."""


@dataclass
class SessionRunner:
    """Drives a :class:`LiveSession` from typed lines until it finishes or the user quits."""

    live: LiveSession
    console: Console
    lines: LineInput
    cues: CuePlayer
    catalogue: UserCatalogue
    advisor: BellAdvisor
    unit: Unit

    def run(self) -> bool:
        """Run to the end; True when the session finished, False when the user quit."""
        try:
            while not isinstance(state := self.live.state, Finished):
                if isinstance(state, WorkStep):
                    self._work(state)
                elif isinstance(state, Rest):
                    self._rest(state)
                elif isinstance(state, RoundChoice):
                    self._round_choice(state)
        except (QuitSession, EOFError, KeyboardInterrupt):
            self.console.print("\n[yellow]Session saved.[/yellow] Continue any time with: repcoach resume")
            return False
        self.cues.say("Workout complete. Well done.")
        self.console.print("[bold green]Session complete.[/bold green] Every set is saved: repcoach history")
        return True

    # Work -----------------------------------------------------------------------------

    def _work(self, step: WorkStep) -> None:
        bell = self.advisor.advise(step, self.live)
        self.console.print(self._work_panel(step, bell))
        default = self._default_set(step, bell)
        self.console.print(f"[dim]{WORK_KEYS.format(amount=step.move.measure)}[/dim]")
        self.console.print(f"Enter logs: [bold]{self._describe(step, *default)}[/bold]")
        while True:
            command = self._read().strip().lower()
            if self._common_command(command):
                return
            if command == "s":
                self._apply(Skip())
                return
            try:
                entry = parse_set_entry(command, self.unit)
            except ValueError as error:
                self.console.print(f"[red]{error}[/red]")
                continue
            amount = entry.amount if entry.amount is not None else default[0]
            rir = entry.rir if entry.rir is not None else (default[1] if entry.amount is None else None)
            weight = entry.weight_kg if entry.weight_kg is not None else default[2]
            measure = step.move.measure
            event = SetDone(
                reps=amount if measure == "reps" else None,
                hold_seconds=amount if measure == "seconds" else None,
                distance_m=float(amount) if measure == "metres" else None,
                rir=rir,
                weight_kg=weight,
            )
            if self._apply(event):
                self.console.print(f"[green]✓ logged[/green] {self._describe(step, amount, rir, weight)}")
                return

    def _work_panel(self, step: WorkStep, bell: BellChoice) -> Panel:
        exercise = self.catalogue.get(step.move.exercise)
        side = f" — {step.side} side" if step.side else ""
        effort = f" @ RIR {step.move.rir}" if step.move.rir is not None else ""
        lines = [
            Text(f"{step.block_name} ({step.block_kind})", style="dim"),
            Text(f"{exercise.name.upper()}{side}", style="bold cyan"),
            Text(f"{step.move.target}{effort}", style="bold"),
            Text(f"Bell: {self._bell_text(bell)}"),
            *[Text(f"Cue: {cue}", style="italic") for cue in exercise.cues[:1]],
        ]
        if step.time_left is not None:
            lines.insert(2, Text(f"{clock_text(step.time_left)} left of the AMRAP", style="bold yellow"))
        if step.move.notes:
            lines.append(Text(step.move.notes, style="italic"))
        lines.append(Text(f"Next: {self._next_text()}", style="dim"))
        title = f"{step.segment_title} · {step.round_label}"
        self.cues.say(f"{exercise.name}{side}. {step.move.target}.")
        return Panel(Group(*lines), title=title, title_align="left", expand=False)

    def _default_set(self, step: WorkStep, bell: BellChoice) -> tuple[int, int | None, float | None]:
        """What Enter logs: the last set of this move and side today, else the top of the target."""
        last = self.live.last_sets.get((step.move.exercise, step.side))
        if last is not None:
            amount = last.amount(step.move.measure)
            if amount is not None:
                return amount, last.rir, last.weight_kg if last.weight_kg is not None else bell.weight_kg
        rir = step.move.rir.high if step.move.rir is not None else None
        return step.move.most, rir, bell.weight_kg

    def _describe(self, step: WorkStep, amount: int, rir: int | None, weight: float | None) -> str:
        what = {"reps": f"{amount} reps", "seconds": f"{amount} s", "metres": format_distance(amount)}[
            step.move.measure
        ]
        effort = f", RIR {rir}" if rir is not None else ""
        load = f", {format_weight(weight, self.unit)}" if weight is not None else ""
        return f"{what}{effort}{load}"

    def _bell_text(self, bell: BellChoice) -> str:
        if bell.weight_kg is None:
            return f"none ({bell.reason})"
        return f"{format_weight(bell.weight_kg, self.unit)} — {bell.reason}"

    def _next_text(self) -> str:
        upcoming = self.live.engine.upcoming(2)
        if len(upcoming) < 2:
            return "the end of the session"
        following = upcoming[1]
        side = f" ({following.side})" if following.side else ""
        return f"{self.catalogue.get(following.move.exercise).name}{side}, {following.round_label.lower()}"

    # Rest -----------------------------------------------------------------------------

    def _rest(self, rest: Rest) -> None:
        """Count down ``rest``, the state :meth:`run` read: read again, a fast clock may have ended it already."""
        upcoming = self.catalogue.get(rest.next.move.exercise).name
        self.cues.say(f"Rest {format_seconds(rest.seconds)}. Next: {upcoming}.")
        left = f" ({clock_text(rest.remaining)} left)" if rest.remaining < rest.seconds - 1 else ""
        self.console.print(
            f"[bold]Rest {format_seconds(rest.seconds)}[/bold]{left} — {rest.reason}. Next: [cyan]{upcoming}[/cyan]"
        )
        self.console.print(f"[dim]{REST_KEYS}[/dim]")
        pending = list(self.live.engine.cue_times())
        end = pending[-1] if pending else None
        clock = self.live.engine.clock
        speed = clock_speed(clock)
        with self._countdown() as live:
            while isinstance(state := self.live.state, Rest):
                now = clock.now()
                for deadline in [cue for cue in pending if cue <= now]:
                    pending.remove(deadline)
                    self.cues.beep()
                if live is not None:
                    live.update(self._countdown_view(state))
                next_cue = pending[0] if pending else None
                wake = min(pending[:1] + [now + REFRESH_SECONDS])
                typed = self._poll(max(0.0, (wake - now) / speed - COARSE_MARGIN))
                if typed is None:
                    if next_cue is not None and next_cue <= wake:
                        wait_until(clock, next_cue)  # the last few ms, exactly as bench/cue_timing.py measures
                    continue
                command = typed.strip().lower()
                if command == "":
                    self._apply(EndRest())
                elif command == "p":
                    self._pause_rest()
                    pending = list(self.live.engine.cue_times())
                    end = pending[-1] if pending else None
                elif not self._common_command(command):
                    self.console.print(f"[red]'{command}' does nothing during a rest.[/red] {REST_KEYS}")
        if end is not None and end in pending:
            self.cues.beep()
        self.console.print("[bold green]Go![/bold green]")

    def _pause_rest(self) -> None:
        self._apply(Pause())
        self.console.print("[yellow]Paused[/yellow] — the rest clock is stopped. Enter to resume.")
        while self._read().strip().lower() not in ("", "p", "r"):
            self.console.print("Paused. Enter to resume.")
        self._apply(Resume())

    def _countdown(self) -> AbstractContextManager[Live | None]:
        if not self.console.is_terminal:
            return nullcontext()
        return Live(console=self.console, refresh_per_second=8, transient=True)

    def _countdown_view(self, rest: Rest) -> Align:
        return Align.center(Text(big(clock_text(rest.remaining)), style="bold yellow"))

    # Rounds ---------------------------------------------------------------------------

    def _round_choice(self, choice: RoundChoice) -> None:
        self.console.print(
            f"[bold]Round {choice.round} of {choice.rounds} done.[/bold] "
            f"Enter = another round (the rest is already counting) · f = finish here"
        )
        self.cues.say(f"Round {choice.round} done. Another round, or finish?")
        while True:
            command = self._read().strip().lower()
            if command == "":
                self._apply(AnotherRound())
                return
            if command == "f":
                self._apply(EndRounds())
                return
            if self._common_command(command):
                return
            self.console.print("Enter = another round · f = finish · u undo · q quit")

    # Shared ---------------------------------------------------------------------------

    def _common_command(self, command: str) -> bool:
        """Commands valid at every step; True when one was handled."""
        if command == "q":
            raise QuitSession
        if command == "u":
            if self._apply(Undo()):
                self.console.print("[yellow]Undone.[/yellow]")
            return True
        if command == "p" and not isinstance(self.live.state, Rest):
            self._apply(Pause())
            self.console.print("[yellow]Paused.[/yellow] Enter to go on.")
            self._read()
            self._apply(Resume())
            return True
        if command == "finish":
            self._apply(FinishSession())
            return True
        return False

    def _apply(self, event: Event) -> bool:
        try:
            self.live.apply(event)
        except EngineError as error:
            self.console.print(f"[red]{error}[/red]")
            return False
        return True

    def _read(self) -> str:
        """The next typed line, waiting as long as it takes."""
        return self._poll(None) or ""

    def _poll(self, timeout: float | None) -> str | None:
        """A typed line, or None after ``timeout`` real seconds; shown when the input does not echo."""
        typed = self.lines.read(timeout)
        if typed is not None and not self.lines.echoes:
            self.console.print(f"> {typed}", markup=False, highlight=False)
        return typed
