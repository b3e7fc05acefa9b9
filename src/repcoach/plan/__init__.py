"""Plans: routines as validated, immutable data (no I/O apart from reading plan files)."""

from repcoach.plan.block import Block, BlockKind
from repcoach.plan.move import LOAD_CLASSES, LoadClass, Measure, Move
from repcoach.plan.plan import LoadGuide, Plan, Schedule
from repcoach.plan.ranges import IntRange

__all__ = [
    "LOAD_CLASSES",
    "Block",
    "BlockKind",
    "IntRange",
    "LoadClass",
    "LoadGuide",
    "Measure",
    "Move",
    "Plan",
    "Schedule",
]
