from __future__ import annotations

import datetime as dt
import json

import pytest

from newsgraph.model import Analysis, Article, Entity, Event, Mention, Post, Quote, Region, Span, TimeValue


def _analysis() -> Analysis:
    article = Article(id="a1", text="Jo Bloggs said: \"Hello.\"", source="x.txt", input_id="x.txt",
                      title="T", published=dt.date(2019, 10, 16))
    mention = Mention(0, 9, "Jo Bloggs", "PERSON", entity=0)
    return Analysis(
        article=article,
        regions=(Region(0, 1, "headline"),),
        posts=(Post(0, 5, "Jo Bl", author="Jo", handle="@jo", date=dt.date(2019, 1, 2), block_start=0, block_end=9),),
        entities=(Entity(0, "Jo Bloggs", "PERSON", aliases=("Bloggs",), mentions=(mention,), gender="f"),),
        quotes=(Quote(17, 23, "Hello.", "direct", speaker="Jo Bloggs", speaker_start=0, speaker_end=9, cue="said"),),
        events=(Event("leave_party", "Jo Bloggs", org="Labour Party", date="2019-10", evidence=(Span(0, 9),)),),
        times=(TimeValue(0, 4, "2019", "2019", "year"),),
        warnings=("w",),
    )


@pytest.mark.parametrize("record", [_analysis()])
def test_model_round_trips_through_json(record):
    plain = json.loads(json.dumps(record.to_dict()))
    assert Analysis.from_dict(plain) == record


@pytest.mark.parametrize("record", [_analysis()])
def test_model_output_has_scorer_fields(record):
    out = record.to_output()
    assert out["id"] == "x.txt"
    assert out["published"] == "2019-10-16"
    assert out["quotes"][0]["speaker_start"] == 0
    assert out["events"][0]["status"] == "asserted"
