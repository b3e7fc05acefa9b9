"""Workouts written as prose (an article, a coach's PDF, a forum post) read into plans.

A small pipeline of named rules, no model: numbers in words become digits (:mod:`numbers`),
and each quantity an article states, reps, holds, rest, rounds and loads, is read by its own
rule (:mod:`phrases`).
"""
