"""Every article of the corpus read into the plan written beside it, block for block.

Each ``NAME.txt`` under data/articles is a short workout text in a style articles, coaches or
forum posts use; ``NAME.expected.toml`` is the plan a careful reader would make of it.
``make bench`` prints how close the extractor comes on the same corpus (bench/article_accuracy.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from repcoach.io.article.extract import extract
from repcoach.library import load_catalogue
from repcoach.plan.loading import load_plan_file

ARTICLES = Path(__file__).parent / "data" / "articles"
CORPUS = sorted(path.stem for path in ARTICLES.glob("*.txt") if (ARTICLES / f"{path.stem}.expected.toml").exists())


def test_the_corpus_has_at_least_15_articles():
    assert len(CORPUS) >= 15


@pytest.mark.parametrize("name", CORPUS)
def test_an_article_reads_into_its_expected_plan(name):
    expected = load_plan_file(ARTICLES / f"{name}.expected.toml")

    found = extract((ARTICLES / f"{name}.txt").read_text(), load_catalogue(), plan_id="x", title="x").plan

    assert found.blocks == expected.blocks
    assert (found.rounds, found.rest_after_round) == (expected.rounds, expected.rest_after_round)
    assert found.loads == expected.loads
