"""The parse patterns the rules read, on small hand-built Docs: no model, so a rule's test says
exactly which parse it expects (spaCy's ``Doc(words=, heads=, deps=, ...)``)."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.extract.entities import extract_entities
from newsgraph.extract.event_context import clause_status
from newsgraph.extract.events import extract_events
from newsgraph.extract.people import read_people

VOCAB = spacy.blank("en").vocab


def parsed(rows: str) -> Doc:
    """One token a line: ``word tag pos dep head lemma [ent]`` (head: the index of the head token)."""
    table = [line.split() for line in rows.strip().splitlines()]
    ents, previous = [], "O"
    for row in table:
        label = row[6] if len(row) > 6 else "O"
        ents.append("O" if label == "O" else ("I-" if previous == label else "B-") + label)
        previous = label
    return Doc(VOCAB, words=[r[0] for r in table], tags=[r[1] for r in table], pos=[r[2] for r in table],
               deps=[r[3] for r in table], heads=[int(r[4]) for r in table], lemmas=[r[5] for r in table],
               ents=ents)


QUIT = """
Jane NNP PROPN compound 1 Jane PERSON
Smith NNP PROPN nsubj 2 Smith PERSON
quit VBD VERB ROOT 2 quit
the DT DET det 5 the
Labour NNP PROPN compound 5 Labour ORG
Party NNP PROPN dobj 2 Party ORG
. . PUNCT punct 2 .
"""

COULD_QUIT = """
Jane NNP PROPN compound 1 Jane PERSON
Smith NNP PROPN nsubj 3 Smith PERSON
could MD AUX aux 3 could
quit VB VERB ROOT 3 quit
the DT DET det 6 the
Labour NNP PROPN compound 6 Labour ORG
Party NNP PROPN dobj 3 Party ORG
. . PUNCT punct 3 .
"""

WANTS_TO_QUIT = """
Jane NNP PROPN compound 1 Jane PERSON
Smith NNP PROPN nsubj 2 Smith PERSON
wants VBZ VERB ROOT 2 want
to TO PART aux 4 to
quit VB VERB xcomp 2 quit
the DT DET det 7 the
Labour NNP PROPN compound 7 Labour ORG
Party NNP PROPN dobj 4 Party ORG
. . PUNCT punct 2 .
"""

WAS_SUSPENDED = """
Jane NNP PROPN compound 1 Jane PERSON
Smith NNP PROPN nsubjpass 3 Smith PERSON
was VBD AUX auxpass 3 be
suspended VBN VERB ROOT 3 suspend
by IN ADP agent 3 by
Labour NNP PROPN pobj 4 Labour ORG
. . PUNCT punct 3 .
"""


def _events(rows: str):
    doc = parsed(rows)
    return [(e.type, e.person, e.org, e.status) for e in extract_events(doc, read_people(doc, extract_entities(doc)), [], None)]


@pytest.mark.parametrize("rows,trigger,status", [(QUIT, 2, "asserted"), (COULD_QUIT, 3, "hypothetical"),
                                                 (WANTS_TO_QUIT, 4, "planned")])
def test_rules_status_is_read_from_the_clause(rows, trigger, status):
    assert clause_status(parsed(rows)[trigger]) == status


def test_rules_the_subject_of_an_active_quit_whose_object_is_a_party_leaves_it():
    assert _events(QUIT) == [("leave_party", "Jane Smith", "Labour Party", "asserted")]


def test_rules_the_subject_of_a_passive_suspend_is_suspended_by_the_agent():
    assert _events(WAS_SUSPENDED) == [("suspend", "Jane Smith", "Labour Party", "asserted")]


def test_rules_a_planned_departure_is_kept_with_its_status():
    assert _events(WANTS_TO_QUIT) == [("leave_party", "Jane Smith", "Labour Party", "planned")]


FORCED_TO_STEP_DOWN = """
Jane NNP PROPN compound 1 Jane PERSON
Smith NNP PROPN nsubjpass 3 Smith PERSON
was VBD AUX auxpass 3 be
forced VBN VERB ROOT 3 force
to TO PART aux 5 to
step VB VERB xcomp 3 step
down RP ADP prt 5 down
. . PUNCT punct 3 .
"""

URGED_TO_STEP_DOWN = FORCED_TO_STEP_DOWN.replace("forced VBN VERB ROOT 3 force", "urged VBN VERB ROOT 3 urge")

DECIDED_NOT_TO_PROSECUTE = """
The DT DET det 1 the
FBI NNP PROPN nsubj 2 FBI ORG
decided VBD VERB ROOT 2 decide
not RB PART neg 5 not
to TO PART aux 5 to
prosecute VB VERB xcomp 2 prosecute
Jane NNP PROPN compound 7 Jane PERSON
Smith NNP PROPN dobj 5 Smith PERSON
. . PUNCT punct 2 .
"""

NEITHER_CHARGED = """
Neither DT CCONJ det 2 neither
Jane NNP PROPN compound 2 Jane PERSON
Smith NNP PROPN nsubjpass 8 Smith PERSON
nor CC CCONJ cc 2 nor
her PRP$ PRON poss 5 her
aides NNS NOUN conj 2 aide
have VBP AUX aux 8 have
been VBN AUX auxpass 8 be
charged VBN VERB ROOT 8 charge
with IN ADP prep 8 with
fraud NN NOUN pobj 9 fraud
. . PUNCT punct 8 .
"""


@pytest.mark.parametrize("rows,trigger,status", [
    (FORCED_TO_STEP_DOWN, 5, "asserted"),  # an implicative verb's past entails its complement
    (URGED_TO_STEP_DOWN, 5, "planned"),  # a demand does not
    (DECIDED_NOT_TO_PROSECUTE, 5, "asserted"),  # a decision on charges presupposes the investigation
    (NEITHER_CHARGED, 8, "negated"),  # "Neither X nor Y" denies it of both
])
def test_rules_implicatives_presuppositions_and_neither(rows, trigger, status):
    assert clause_status(parsed(rows)[trigger]) == status


def test_rules_who_decides_on_charges_investigated():
    assert _events(DECIDED_NOT_TO_PROSECUTE) == [("investigate", "Jane Smith", "FBI", "asserted")]
