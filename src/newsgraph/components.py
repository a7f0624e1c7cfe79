"""newsgraph's extraction stages as spaCy pipeline components.

Each stage is a registered, versioned factory that writes its results on ``Doc`` extension
attributes (character offsets into the doc):

    newsgraph_entities_v1   doc._.newsgraph_entities   Entity records (people, organisations)
    newsgraph_quotes_v1     doc._.quotes               Quote records, with speakers
    newsgraph_times_v1      doc._.newsgraph_times      TimeValue records (dates, resolved)
    newsgraph_events_v1     doc._.newsgraph_events     Event records

(``doc._.newsgraph_people`` holds the reading the quote and event stages share: who is named at
each offset, with the roles written beside the names.)

(spaCy permits no "." in a factory name, so the version is written "_v1".) A stage that needs an
earlier one's results runs it if the pipeline does not have it, so
``nlp.add_pipe("newsgraph_events_v1")`` alone works in any English pipeline with a parser and
an entity recogniser. The factories are registered through the ``spacy_factories`` entry
point, so newsgraph need not be imported first. ``newsgraph_quotes`` is the first name of the
quotes stage, kept for pipelines saved with it.

The service (``service.analyze``) runs the same stage functions (``extract.stages``) after its
own batched parse, so the pipeline and the service cannot disagree.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .clean import clean
from .extract import stages
from .model import Article

EXTENSIONS = ("newsgraph_layout", "newsgraph_marked", "newsgraph_people", "newsgraph_entities", "quotes",
              "newsgraph_times", "newsgraph_events")
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class Stage:
    """One extraction stage over a parsed ``Doc``; earlier stages are run when missing."""

    def __init__(self, nlp: Language, name: str, *, upto: str, day_first: bool):
        self.name = name
        self.upto = upto
        self.day_first = day_first

    def __call__(self, doc: Doc) -> Doc:
        if doc._.newsgraph_layout is None:
            layout = clean(Article(id="doc", text=doc.text), day_first=self.day_first)
            doc._.newsgraph_layout = layout
            doc._.newsgraph_marked = stages.read_marks(doc, layout)
        layout, marked = doc._.newsgraph_layout, doc._.newsgraph_marked
        if doc._.newsgraph_people is None:
            doc._.newsgraph_people = stages.read_people(doc, stages.find_entities(doc, layout, marked))
            doc._.newsgraph_entities = doc._.newsgraph_people.with_roles()
        people = doc._.newsgraph_people
        if self.upto in {"quotes", "events"} and doc._.quotes is None:
            doc._.quotes = stages.find_quotes(doc, layout, marked, people)
        if self.upto in {"times", "events"} and doc._.newsgraph_times is None:
            doc._.newsgraph_times = stages.find_times(doc, layout, layout.published, self.day_first)
        if self.upto == "events" and doc._.newsgraph_events is None:
            doc._.newsgraph_events = stages.find_events(doc, layout, marked, people, doc._.quotes,
                                                        doc._.newsgraph_times, layout.published)
        return doc


def _factory(upto: str):
    def make(nlp: Language, name: str, day_first: bool) -> Stage:
        return Stage(nlp, name, upto=upto, day_first=day_first)

    return make


_NEEDS = ["token.dep", "doc.ents"]
make_entities = Language.factory("newsgraph_entities_v1", default_config={"day_first": True}, requires=_NEEDS,
                                 assigns=["doc._.newsgraph_entities"], func=_factory("entities"))
make_quotes_v1 = Language.factory("newsgraph_quotes_v1", default_config={"day_first": True}, requires=_NEEDS,
                                  assigns=["doc._.quotes", "doc._.newsgraph_entities"], func=_factory("quotes"))
make_times = Language.factory("newsgraph_times_v1", default_config={"day_first": True}, requires=_NEEDS,
                              assigns=["doc._.newsgraph_times"], func=_factory("times"))
make_events = Language.factory("newsgraph_events_v1", default_config={"day_first": True}, requires=_NEEDS,
                               assigns=["doc._.newsgraph_events"], func=_factory("events"))
make_quotes = Language.factory("newsgraph_quotes", default_config={"day_first": True}, requires=_NEEDS,
                               assigns=["doc._.quotes", "doc._.newsgraph_entities"], func=_factory("quotes"))
