"""Blocks as the article means them, once its lines are read: a list written out set by set read
once, lists that only name moves again left out, lists of moves with their own sets made straight
blocks, Tabata timing, and the last block's rest said as the rest between rounds."""

from __future__ import annotations

import re

from repcoach.io.article import phrases
from repcoach.io.article.draft import Draft, DraftBlock
from repcoach.library.naming import match_key

_LIST_HEADING = re.compile(r"^(?:the\s+)?(?:exercises?|movements?|moves)(?:\s+list)?\W*$", re.IGNORECASE)
"""A heading over a list of the workout's moves by name ("Exercise List:", "Movements"), not over a block."""
_GROUP_WORDS = re.compile(r"super ?set|circuit|tri-?set|giant set|complex|emom|amrap|round", re.IGNORECASE)
"""Words of a heading that say its moves are done together, not one after the other."""


def written_once(block: DraftBlock) -> DraftBlock:
    """The block with its list written once, when the text wrote it out set by set (A, B, A, B, A, B)."""
    moves = [move.exercise for move in block.moves]
    for period in range(1, len(moves) // 2 + 1):
        if len(moves) % period == 0 and moves == moves[:period] * (len(moves) // period):
            block.moves, block.repeats = block.moves[:period], len(moves) // period
            break
    return block


def without_lists_of_names(blocks: list[DraftBlock]) -> list[DraftBlock]:
    """The blocks less those under no block heading that only name again, with no numbers, most moves of
    the blocks before ("Dumbbell Snatch" after "20 Alternating Dumbbell Snatches"), as pages list a
    workout's "Movements" after it; a heading that only says so ("Exercise List:") is no block heading."""
    kept: list[DraftBlock] = []
    for block in blocks:
        earlier = [set(match_key(f"{move.name} {move.exercise}").split()) for before in kept for move in before.moves]
        names_only = all(not move.has_target for move in block.moves)
        # most of them, as a recap may name a move in other words ("Squat Press" for "Squat and Press")
        named = sum(any(set(match_key(move.name).split()) <= words for words in earlier) for move in block.moves)
        named_before = 2 * named > len(block.moves)
        listed = not block.heading or _LIST_HEADING.match(block.name)
        if not (kept and listed and names_only and named_before):
            kept.append(block)
    return kept


def shape(block: DraftBlock) -> list[DraftBlock]:
    """The block as the article means it: a list of moves with sets of their own ("3 x 8"), under
    no heading or one that does not group them ("Part 1: Strength", not "Superset A"), is one
    straight block per move, but moves one item joins ("Pull up + handstand - 5x5") stay together;
    rests an item gives go to its block."""
    grouped = block.heading and _GROUP_WORDS.search(block.name)
    several = len(block.moves) > 1 or not block.heading
    if several and not grouped and block.interval is None and any(move.reps and move.reps.sets for move in block.moves):
        blocks: list[DraftBlock] = []
        for move in block.moves:
            if move.joined and blocks:
                blocks[-1].moves.append(move)
                blocks[-1].name = f"{blocks[-1].name} + {move.name}"
            else:
                blocks.append(DraftBlock(move.name, heading=False, moves=[move]))
    else:
        blocks = [block]
    for shaped in blocks:
        for move in shaped.moves:
            if move.rest is None:
                continue
            seconds = move.rest.high
            if move.rest.scope == "sets" or (move.rest.scope is None and len(shaped.moves) == 1):
                shaped.rest_between_sets = seconds
            elif move.rest.scope == "moves":
                shaped.rest_between_moves = seconds
            else:
                shaped.rest_after = seconds
    return blocks


_TABATA = re.compile(r"\btabata\b", re.IGNORECASE)
TABATA_WORK, TABATA_REST = 20, 10
"""A Tabata interval: 20 seconds of work, 10 of rest."""


def tabata_timing(draft: Draft) -> None:
    """A block headed "Tabata" works each move the interval's 20 seconds and rests 10 between,
    unless the text gives other numbers."""
    for block in draft.blocks:
        if not _TABATA.search(block.name):
            continue
        for move in block.moves:
            if not move.has_target:
                move.on_the_clock(phrases.Hold(TABATA_WORK, TABATA_WORK))
        if block.rest_between_moves is None and len(block.moves) > 1:
            block.rest_between_moves = TABATA_REST


def last_rest_is_the_rounds(draft: Draft) -> None:
    """A rest after the last block only ever comes between rounds: say it as that rest."""
    last = draft.blocks[-1]
    if draft.rest_after_round is None and last.rest_after:
        draft.rest_after_round, last.rest_after = last.rest_after, None


def one_block_per_move(block: DraftBlock) -> list[DraftBlock]:
    """A block said to do each move its sets before the next ("8 rounds of each exercise") as one
    straight block per move, resting between sets what the text said between moves."""
    if block.sets_of_each_move is None or len(block.moves) < 2:
        return [block]
    rest = block.rest_between_moves or block.rest_between_sets
    return [
        DraftBlock(move.name, heading=False, moves=[move], repeats=block.sets_of_each_move, rest_between_sets=rest)
        for move in block.moves
    ]
