from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.model import Article
from newsgraph.service import analyze

from conftest import seed, gold_rows


def _events(gold_id):
    row = next(r for r in gold_rows("seeds.jsonl") if r["id"] == gold_id)
    article = Article(id=row["id"], text=row["text"], published=dt.date.fromisoformat(row["published"]))
    return analyze(article).events


def _find(events, type_, person, status="asserted"):
    return [e for e in events if e.type == type_ and e.person == person and e.status == status]


@pytest.mark.parametrize("gold_id,type_,person,org,date", [
    ("seed-000", "leave_party", "Louise Ellman", "Labour Party", "2019-10-16"),
    ("seed-000", "join_party", "Louise Ellman", "Labour Party", "1964"),
    ("seed-000", "leave_party", "Luciana Berger", "Labour Party", "2019-02"),
    ("seed-000", "candidacy", "Luciana Berger", "Liberal Democrats", None),
    ("seed-001", "suspend", "Ivan Lewis", "Labour Party", "2017-11"),
    ("seed-001", "leave_party", "Ivan Lewis", "Labour Party", "2018-12-19"),
    ("seed-001", "elect", "Ivan Lewis", "Bury Council", "1990"),
    ("seed-001", "elect", "Ivan Lewis", "Parliament", "1997"),
    ("seed-002", "suspend", "Ken Livingstone", "Labour Party", None),
])
def test_events_seed_timeline(gold_id, type_, person, org, date):
    events = _events(gold_id)
    matches = [e for e in _find(events, type_, person) if e.org == org]
    assert matches, [e for e in events if e.person == person]
    assert matches[0].date == date
    assert matches[0].evidence


@pytest.mark.parametrize("gold_id,type_,person", [("seed-001", "leave_party", "Ivan Lewis")])
def test_events_mentions_of_one_event_are_merged(gold_id, type_, person):
    (event,) = _find(_events(gold_id), type_, person)
    assert len(event.evidence) >= 2


@pytest.mark.parametrize("text,status", [
    ("Jo Bloggs said she could not join another party.", "negated"),
    ("Jo Bloggs hoped to join the Labour Party.", "planned"),
    ("Jo Bloggs is considering leaving the Labour Party.", "considered"),
    ("Jo Bloggs quit the Labour Party.", "asserted"),
    ("Activists targeted Jo Bloggs with the threat of no confidence motions.", "threatened"),
    ("Tom Smith said he got the clear impression Jo Bloggs was quitting the Labour Party.", "claimed"),
    # so the coming month is still to come: "becomes vice president in November"
    ("Jo Bloggs becomes Labour leader in March.", "planned"),
])
def test_events_status(text, status):
    events = analyze(Article(id="t", text=text, published=dt.date(2020, 1, 1))).events
    assert [e.status for e in events] == [status]
    assert events[0].person == "Jo Bloggs"


@pytest.mark.parametrize("text,status", [
    # a clause describing a noun keeps its own negation, not the clause the noun stands in
    ("Mr Hague, who stepped down as Tory leader in 2001, does not rule out a return.", "asserted"),
    ("Jane Smith, who would not quit the Labour Party, spoke on Monday.", "negated"),
])
def test_events_a_relative_clause_has_its_own_status(text, status):
    (event,) = analyze(Article(id="t", text=text, published=dt.date(2005, 1, 1))).events
    assert event.status == status


@pytest.mark.parametrize("text,status", [
    # a trigger that does the governing verb, or is the one it tells, is not what the verb plans
    ("Jane Smith denies murder. Jane Smith's murder trial was told she was at home.", "asserted"),
    ("The inquiry into Jane Smith wants to hear from witnesses.", "asserted"),
    ("Jane Smith's appointment has pushed the party to the right.", "asserted"),
    # what the verb plans or denies, written as its passive subject, stays planned or denied
    ("Jane Smith's suspension was demanded by MPs.", "planned"),
    ("Jane Smith's resignation was denied by the party.", "negated"),
])
def test_events_a_trigger_that_is_the_governing_verbs_subject(text, status):
    (event,) = [e for e in analyze(Article(id="t", text=text, published=dt.date(2005, 1, 1))).events
                if e.person == "Jane Smith"]
    assert event.status == status


@pytest.mark.parametrize("text,date", [
    ("Jo Bloggs has quit the Labour Party.", "2020-01-15"),
    ("Jo Bloggs quit the Labour Party in March.", "2019-03"),
    ("Jo Bloggs quit the Labour Party.", None),
    # coordinated actions are told in order: the conjunct before the trigger dates it
    ("Jo Bloggs lost the election in 1992 to Tom Smith, and stepped down as Labour leader.", "1992"),
    ("Jo Bloggs was elected in 1983, then lost in 1987 and 1992, and stepped down as Labour leader.", None),
    # a clause set a length of time before or after the main one is not dated by it
    ("Jo Bloggs won the seat in 1997, a year before she quit the Labour Party.", None),
    # a clause that places the event in time dates it ("when", an adverb to the parser, as "after" a mark)
    ("Jo Bloggs resigned as chairman when Labour returned to power in 1964.", "1964"),
    # a second post joined to "became" with no verb of its own is dated by its own time
    ("Jo Bloggs became an MP in 1983 and chancellor of the exchequer in 1997.", "1997"),
    # a month without its year is the last one in the past tense, the coming one in the present or future
    ("Jo Bloggs stepped down as Labour leader in March.", "2019-03"),
    ("Jo Bloggs is stepping down as Labour leader in March.", "2020-03"),
    # a relative clause describing a person is not dated by the time of the clause it stands in
    ("Jo Bloggs, who quit the Labour Party, spoke on Monday.", None),
    ("Jo Bloggs remained an MP until 1995, when she resigned.", "1995"),
])
def test_events_dates(text, date):
    events = analyze(Article(id="t", text=text, published=dt.date(2020, 1, 15))).events
    (event,) = [e for e in events if e.type in ("leave_party", "resign_office", "appoint")]
    assert event.date == date


@pytest.mark.parametrize("gold_id,type_,status", [("seed-002", "leave_party", "considered"),
                                                  ("seed-000", "no_confidence", "threatened")])
def test_events_non_asserted_events_are_kept_and_labelled(gold_id, type_, status):
    events = [e for e in _events(gold_id) if e.type == type_ and e.status == status]
    assert events
    assert all(e.evidence for e in events)


# The language of UK and US politics, one frame at a time: sentences written for these tests,
# the expected event as GUIDELINES.md defines it (type, person, org; None: org not fixed).
PUBLISHED = dt.date(2019, 2, 20)


@pytest.mark.parametrize("text,expected", [
    # her local party is her party's, the one written in her title
    ("Labour MP Jane Smith has been deselected by her local party.", ("expel", "Jane Smith", "Labour Party")),
    ("John Smith was barred from standing as the party's candidate.", ("expel", "John Smith", None)),
    ("Mary Jones defected from the Conservatives to the Liberal Democrats.",
     ("leave_party", "Mary Jones", "Conservative Party")),
    ("Mary Jones defected from the Conservatives to the Liberal Democrats.",
     ("join_party", "Mary Jones", "Liberal Democrats")),
    ("Tom Brown has been referred to the parliamentary standards commissioner.",
     ("investigate", "Tom Brown", "parliamentary standards commissioner")),
    ("Tom Brown was questioned by police over the allegations.", ("investigate", "Tom Brown", "police")),
    ("The FBI interviewed Tom Brown in July.", ("investigate", "Tom Brown", "FBI")),
    ("Tom Brown is under audit by the IRS.", ("investigate", "Tom Brown", "IRS")),
    ("Jane Smith's email scandal was investigated by the FBI.", ("investigate", "Jane Smith", "FBI")),
    ("Jane Smith was hired as campaign manager in August.", ("appoint", "Jane Smith", "campaign manager")),
    ("The Senate confirmed Jane Smith as secretary of state.", ("appoint", "Jane Smith", "secretary of state")),
    ("Tom Brown is under investigation by the Electoral Commission.",
     ("investigate", "Tom Brown", "Electoral Commission")),
    ("The FBI is investigating Jane Smith.", ("investigate", "Jane Smith", "FBI")),
    ("Jane Smith had the Labour whip removed in 2018.", ("suspend", "Jane Smith", "Labour Party")),
    ("The whip was restored to Jane Smith on Monday.", ("reinstate", "Jane Smith", None)),
    ("Jane Smith was readmitted to the party.", ("reinstate", "Jane Smith", None)),
    ("Tom Brown crossed the floor to the Conservatives.", ("join_party", "Tom Brown", "Conservative Party")),
    ("Nigel Farage founded the Brexit Party in 2019.", ("join_party", "Nigel Farage", "Brexit Party")),
    ("Tom Brown was thrown out of the party.", ("expel", "Tom Brown", None)),
    ("Jane Smith, the MP for Leeds, walked out of the Labour Party on Monday.",
     ("leave_party", "Jane Smith", "Labour Party")),
    ("Tom Brown was re-elected as leader of the party.", ("elect", "Tom Brown", "leader of the party")),
    ("Tom Brown resigned as shadow home secretary.", ("resign_office", "Tom Brown", "shadow home secretary")),
    ("The agency's former chief executive Tom Brown quit last autumn.",
     ("resign_office", "Tom Brown", "chief executive")),
    ("Tom Brown was sacked and replaced by Jane Smith as chief whip.", ("appoint", "Jane Smith", "chief whip")),
    ("Jane Smith succeeded Tom Brown as chief whip.", ("appoint", "Jane Smith", "chief whip")),
    ("Mr Howard said Mr Brown took over at the Home Office from Jack Straw, now foreign secretary.",
     ("appoint", "Jack Straw", "foreign secretary")),
    ("Jane Smith has assumed a newly created role as state counsellor.",
     ("appoint", "Jane Smith", "state counsellor")),
    # a candidacy's org is the party (GUIDELINES); the office run for is its place
    ("Jane Smith is running for the Senate.", ("candidacy", "Jane Smith", None)),
    ("A motion of no confidence in Jane Smith was passed by the council.", ("no_confidence", "Jane Smith", None)),
    ("Jane Smith was elected to Parliament in 1997.", ("elect", "Jane Smith", "Parliament")),
    # a post's body is in its own phrase, not in a phrase of time after it
    ("Jane Smith stepped down as the party's national chair on the eve of the Democratic convention.",
     ("resign_office", "Jane Smith", "party's national chair")),
    ("Tom Brown suspended his own presidential campaign in February.",
     ("resign_office", "Tom Brown", "presidential campaign")),
    # a possessive whose clause has a pronoun subject of its gender is that subject's
    ("Norman Ham said he had misgivings about serving under President Barack Obama at the time of his retirement.",
     ("resign_office", "Norman Ham", None)),
    # the phrase right after a nominal trigger is its own, wherever the parser hangs it
    ("McConnell cited the release of prisoners and Jane Smith's election to parliament.",
     ("elect", "Jane Smith", "parliament")),
    # a quote's own main verb, said of its speaker, is the speaker's statement of fact
    ("\"I am leaving the Labour Party because it has been broken,\" said Ian Austin.",
     ("leave_party", "Ian Austin", "Labour Party")),
    # a party joined or founded as the purpose of a departure that happened is told as done; what one
    # leaves does not act for one; "to found" is founding, not finding
    ("Jane Smith quit Labour to join the Liberal Democrats in 2005.", ("join_party", "Jane Smith", "Liberal Democrats")),
    ("Chuka Umunna, who left Labour to found Change UK, has joined the Liberal Democrats.",
     ("join_party", "Chuka Umunna", "Change UK")),
    ("Luciana Berger joined Change UK in February.", ("join_party", "Luciana Berger", "Change UK")),
    ("Jane Smith quit the Commons in 2001.", ("resign_office", "Jane Smith", "Commons")),
    # a body's vote to act is the act; "had the whip suspended"; an investigation dropped was one, held
    # by the clause's subject; a conjunct with a tense of its own keeps no modal of the bare verb before it
    ("Labour's ruling NEC voted to suspend Chris Williamson in June.", ("suspend", "Chris Williamson", "NEC")),
    ("Chris Williamson had the whip suspended over remarks about antisemitism.", ("suspend", "Chris Williamson", None)),
    ("Labour dropped its investigation into Margaret Hodge.", ("investigate", "Margaret Hodge", "Labour Party")),
    ("Louise Ellman said she could no longer advocate voting Labour and announced she was leaving the party.",
     ("leave_party", "Louise Ellman", "Labour Party")),
    # those a group is said to include did what it did; quitting to found a party left one's own
    ("Seven Labour MPs, including Luciana Berger and Chuka Umunna, quit to form the Independent Group.",
     ("leave_party", "Chuka Umunna", "Labour Party")),
    ("Seven Labour MPs, including Luciana Berger and Chuka Umunna, quit to form the Independent Group.",
     ("join_party", "Luciana Berger", "Change UK")),
    # the noun straight before a finite conjunct verb with no subject is its subject, not a second
    # object of the clause before ("rejected by the family and Mr Morchio resigned")
    ("Fiat's chief executive Tom Brown was in Turin. However, this was rejected by the founding family "
     "and Mr Brown subsequently resigned.", ("resign_office", "Tom Brown", "Fiat's chief executive")),
    # what only an election gives: a term, a landslide, a majority; a nomination won is a candidacy
    ("Tony Blair won a second term in 2001.", ("elect", "Tony Blair", None)),
    ("Jane Smith won a majority of 5,000 in Bury North in 1997.", ("elect", "Jane Smith", None)),
    ("Jane Smith won the Labour nomination for Bury North last year.", ("candidacy", "Jane Smith", "Labour Party")),
    # the office a resignation leaves is written beside the name as a former one
    ("The firm was run by former Fiat chief executive Tom Brown. Mr Brown subsequently resigned.",
     ("resign_office", "Tom Brown", "Fiat chief executive")),
    # "the first X to do it was Y": Y did it, as in "Y was the first X to do it"
    ("The first MP to quit Labour was Jane Smith.", ("leave_party", "Jane Smith", "Labour Party")),
    ("Jane Smith, the most recent female MP to be elected, spoke.", ("elect", "Jane Smith", "Parliament")),
    # proceedings against a person are a hearing of an allegation
    ("Labour began disciplinary proceedings against Tom Brown.", ("investigate", "Tom Brown", "Labour Party")),
    # in a quote, what the speaker tells of "I" or "my" is the speaker's own history, a fact
    ("\"1983 was when I was first elected to the council,\" Jane Smith said.", ("elect", "Jane Smith", "council")),
    ("\"I handed in my resignation last year,\" said Tom Brown.", ("resign_office", "Tom Brown", None)),
    # a participle set off by a comma is passive, whatever the parser calls its noun
    ("Tom Brown, appointed chairman of the BBC in 2003, said he was pleased.", ("appoint", "Tom Brown", "BBC")),
    ("The seat Jane Smith won in 1997 is marginal.", ("elect", "Jane Smith", "Parliament")),
    ("Entering Westminster, he shared an office with the newly elected MP for Sedgefield, Tony Blair.",
     ("elect", "Tony Blair", "Parliament")),
    ("The day after Sir Ian Blair, the newly-appointed Metropolitan Police commissioner, spoke.",
     ("appoint", "Ian Blair", "Metropolitan Police")),
    ("In 1997, Mr Blair became the youngest premier of the 20th century.", ("appoint", "Blair", "premier")),
    ("Jane Smith arrived in Congress in 1993 after years in the state legislature.",
     ("elect", "Jane Smith", "Congress")),
    ("Jane Smith was sworn in as president on Friday.", ("appoint", "Jane Smith", "president")),
    ("Jane Smith joined the breakaway Independent Group on Monday.", ("join_party", "Jane Smith", "Change UK")),
    ("Jane Smith has left the party.", ("leave_party", "Jane Smith", None)),
    ("Tom Brown faces an inquiry by the Electoral Commission.",
     ("investigate", "Tom Brown", "Electoral Commission")),
    ("An inquiry into Tom Brown's conduct was opened.", ("investigate", "Tom Brown", None)),
    ("Jane Smith's suspension was lifted.", ("reinstate", "Jane Smith", None)),
    ("Jane Smith was elected leader of the Labour Party.", ("elect", "Jane Smith", "Labour Party")),
    ("Jane Smith stepped down as leader after the election.", ("resign_office", "Jane Smith", "leader")),
    ("Reagan ran again. Ronald Reagan went on to win that year in a landslide.", ("elect", "Ronald Reagan", None)),
    ("In 1979 Lord Callaghan resigned as Labour leader.", ("resign_office", "Callaghan", "Labour leader")),
    ("Thomas Achebe has been suspended while complaints about his conduct are investigated.",
     ("investigate", "Thomas Achebe", None)),
    ("Allegations against Tom Brown are being investigated by the Electoral Commission.",
     ("investigate", "Tom Brown", "Electoral Commission")),
    ("Jane Smith quit as a Labour MP to sit as an independent.", ("leave_party", "Jane Smith", "Labour Party")),
    ("Former home secretary David Blunkett spoke. Charles Clarke took office following David Blunkett's "
     "resignation.", ("resign_office", "David Blunkett", "home secretary")),
    ("Mr Clarke, who took on the post on Thursday after David Blunkett quit, rejected calls.",
     ("resign_office", "David Blunkett", None)),
    ("Robert Kilroy-Silk spoke. The East Midlands MEP, who quit UKIP, wants more.",
     ("leave_party", "Robert Kilroy-Silk", "UK Independence Party")),
    ("Jane Smith crossed the floor from the Conservatives in 1999.", ("leave_party", "Jane Smith", "Conservative Party")),
    ("Jane Smith left Change UK in June to sit as an independent.", ("leave_party", "Jane Smith", "Change UK")),
    ("Labour blocked Ken Livingstone as a candidate for mayor.", ("expel", "Ken Livingstone", "Labour Party")),
    ("Ted Cruz suspended his campaign in May.", ("resign_office", "Ted Cruz", "campaign")),
    ("Jane Smith withdrew from the leadership race on Monday.", ("resign_office", "Jane Smith", "leadership race")),
    ("Labour launched an inquiry into Keith Vaz in 2016.", ("investigate", "Keith Vaz", "Labour Party")),
    ("Police launched a probe into Keith Vaz in 2016.", ("investigate", "Keith Vaz", "Police")),
    ("The FBI investigated Hillary Clinton's use of a private email server.",
     ("investigate", "Hillary Clinton", "FBI")),
    ("Paul Manafort is the subject of an FBI investigation.", ("investigate", "Paul Manafort", "FBI")),
    ("Jackie Ballard is an MP. Liberal Democrat Sarah Teather, the most recent female MP to be elected, spoke.",
     ("elect", "Sarah Teather", "Parliament")),
    # a post reached, as a noun or as a body entered
    ("Harriet Harman spoke of the hostility prompted by her advancement to the Cabinet.",
     ("appoint", "Harriet Harman", "Cabinet")),
    ("Ruth Kelly entered the Cabinet last month in the reshuffle.", ("appoint", "Ruth Kelly", "Cabinet")),
    # "now" a post, beside the name or after a former one: the appointment is asserted (GUIDELINES)
    ("Peter Mandelson, former Labour minister and now a European Commissioner, warned the BBC.",
     ("appoint", "Peter Mandelson", "European Commissioner")),
    # "X, one of the MPs elected in 1983": one of those elected, so elected
    ("Robert Jackson, one of the Tory MPs elected in 1983, spoke on Monday.",
     ("elect", "Robert Jackson", None)),
    ("Neil Kinnock joined the shadow cabinet in 1980. He remained an MP until 1995, when he resigned.",
     ("resign_office", "Neil Kinnock", "MP")),
    ("Tom Brown was given the job of Chief Whip in 2001.", ("appoint", "Tom Brown", "Chief Whip")),
    ("President Obama nominated Tom Brown as ambassador to China.",
     ("appoint", "Tom Brown", "ambassador to China")),
    ("Tom Brown won the race for governor in 2010.", ("elect", "Tom Brown", "governor")),
    ("The Queen invited Harold Wilson to form a minority government.",
     ("appoint", "Harold Wilson", "Prime Minister")),
    ("Sir Edward told the nation he was resigning and the Queen invited Harold Wilson to form a new government.",
     ("appoint", "Harold Wilson", "Prime Minister")),
    ("Jane Smith won competitive state Senate races in a white district.", ("elect", "Jane Smith", "state Senate")),
    ('Rep. Robert C. "Bobby" Scott spoke. Bobby Scott arrived in Congress in 1993.',
     ("elect", "Robert C. Scott", "Congress")),
    ("Liz Wahl was a host at the Standards Committee. The committee was told that Tom Brown "
     "had resigned from the committee.", ("resign_office", "Tom Brown", "Standards Committee")),
    # a finite conjunct of the main clause has its own negation: he did step down
    ("Jane Smith was not expected to win in 2010, but was disappointed to lose in 2015 and stepped down.",
     ("resign_office", "Jane Smith", None)),
    # a bare party office is the office of the party the sentence names; a resignation that names
    # no post leaves the one taken before it
    ("After Labour's defeat in 1983, Jane Smith was elected leader. She stepped down in 1992. "
     "She remained an MP until 1995, when she resigned.", ("resign_office", "Jane Smith", "Labour Party leader")),
    ("After Labour's defeat in 1983, Jane Smith was elected leader.", ("elect", "Jane Smith", "Labour Party leader")),
    # a candidacy announced is a candidacy; it stands for the party the candidate launched or joined
    ("Jane Smith will stand as the Labour candidate in Bury.", ("candidacy", "Jane Smith", "Labour Party")),
    ("Jane Smith is to contest the seat of Bury. She made the announcement a day after launching "
     "her new party, Veritas.", ("candidacy", "Jane Smith", "Veritas")),
    # a bare post is the fuller title the article gives the same person
    ("Interim DNC Chairwoman Jane Smith said on Sunday that she was glad. Because chairwoman Mary Jones "
     "resigned in July, her successor, Jane Smith, has that power.",
     ("appoint", "Jane Smith", "Interim DNC Chairwoman")),
    # "the network" is the body the text called a network
    ("Tom Brown hosted a show on the RT America television network. He resigned from the network in 2014.",
     ("resign_office", "Tom Brown", "RT America")),
    # an implicative verb entails its complement
    ("Jane Smith was forced to step down as the party's chair in July.", ("resign_office", "Jane Smith", "party's chair")),
    # a decision on charges presupposes an investigation by the one who decided
    ("The FBI decided not to recommend charges against Jane Smith.", ("investigate", "Jane Smith", "FBI")),
    ("The Justice Department decision not to prosecute Jane Smith angered them.",
     ("investigate", "Jane Smith", "Justice Department")),
    ("Jane Smith was charged with manslaughter on Thursday.", ("investigate", "Jane Smith", None)),
    ("Tom Brown, who was under questioning from the Senate banking committee, admitted it.",
     ("investigate", "Tom Brown", "Senate banking committee")),
    ("Tom Brown was placed on paid administrative leave.", ("suspend", "Tom Brown", None)),
    ("The FBI's investigation into Jane Smith's email server ended in July.", ("investigate", "Jane Smith", "FBI")),
    ("Tom Brown spoke of his misgivings at the time of his retirement from the Air Force two years ago.",
     ("resign_office", "Tom Brown", "Air Force")),
    # the post one is put in charge of or brought in to run; a bare election to the chamber of an office held
    ("Tony Blair put Alan Milburn in charge of election planning.", ("appoint", "Alan Milburn", "election planning")),
    ("Alan Milburn was brought in to run the election campaign.", ("appoint", "Alan Milburn", "election campaign")),
    ("Constitutional Affairs Minister Jane Smith spoke. Ms Smith, who was elected in 1997, was 24.",
     ("elect", "Jane Smith", "Parliament")),
    ("Labour MP Jane Smith, who was elected in 2010, spoke.", ("elect", "Jane Smith", "Parliament")),
    # one sentence, one post: the one who left it and the one who took it; an elected office named
    ("Tom Brown was made Prime Minister in 1976 after the resignation of Harold Wilson.",
     ("resign_office", "Harold Wilson", "Prime Minister")),
    ("President Tom Bush spoke. He woke up to discover Mr Bush had won.", ("elect", "Tom Bush", "President")),
    # a candidate noun written beside a name describes a candidacy, whatever the clause does with them
    ("Labour candidate Jane Smith said the vote was close.", ("candidacy", "Jane Smith", "Labour Party")),
    ("Jane Smith, the Liberal Democrat candidate in Leeds North, said so.",
     ("candidacy", "Jane Smith", "Liberal Democrats")),
    ("Mr Howard will visit Tory hopefuls Robert Light and Sayeeda Warsi.",
     ("candidacy", "Sayeeda Warsi", "Conservative Party")),
    ("Tom Brown's former adviser Ed Balls, now a parliamentary hopeful, said so.", ("candidacy", "Ed Balls", None)),
    # a candidacy's org is a party: the one beside the name, else the one the story is about; not a seat
    ("Labour MP Shahid Malik spoke. Mr Malik, who is himself running for the seat of Dewsbury, said so.",
     ("candidacy", "Shahid Malik", "Labour Party")),
    ("The Labour Party held its conference in Brighton. Tony Blair told the Labour Party to unite, and the "
     "Conservatives stayed away. Local councillor Jane Smith was selected for West Ham.",
     ("candidacy", "Jane Smith", "Labour Party")),
    # a post's holder named beside it: the resignation is theirs, not the owner's of "its"
    ("The resignation of its chief executive, Peter MacDonald, came in September.",
     ("resign_office", "Peter MacDonald", None)),
    # the office written right before the name is the post left ("Home" read as a body is part of it)
    ("Ms Kelly entered the Cabinet in the reshuffle forced by the resignation of the then Home Secretary "
     "David Blunkett.", ("resign_office", "David Blunkett", "Home Secretary")),
    # a suspension pending an investigation says one is under way
    ("Labour suspended Jane Smith pending the outcome of an inquiry.", ("investigate", "Jane Smith", "Labour Party")),
    # a criminal trial is an official hearing of the one tried
    ("Bernie Ebbers ran WorldCom. The trial of Mr Ebbers is now into its third week.",
     ("investigate", "Bernie Ebbers", None)),
    ("Reporters covering singer Michael Jackson's trial in California asked to see questionnaires.",
     ("investigate", "Michael Jackson", None)),
    # a plea answers a criminal charge
    ("Jane Smith pleaded not guilty to three charges of fraud.", ("investigate", "Jane Smith", None)),
    # who shares an event: "along with", "together with", "alongside"
    ("Labour MP Diane Abbot said she had been elected along with three other ethnic minority MPs - Keith Vaz, "
     "Paul Boateng and Bernie Grant - in 1987.", ("elect", "Keith Vaz", "Parliament")),
    ("Jane Smith, together with Tom Brown, quit the Labour Party in 2019.", ("leave_party", "Tom Brown", "Labour Party")),
    # an arrest whose allegation is written: wanted by police (the arrest itself says who)
    ("A party spokesman said Tom Brown was arrested on Tuesday on suspicion of incitement.",
     ("investigate", "Tom Brown", "police")),
    ("West Yorkshire Police arrested Tom Brown on Tuesday over the claims.",
     ("investigate", "Tom Brown", "West Yorkshire Police")),
    # facing or surviving a no-confidence vote: the motion was tabled
    ("Jane Smith faced a vote of no confidence in December.", ("no_confidence", "Jane Smith", None)),
    ("Jane Smith survived a no-confidence vote on Monday.", ("no_confidence", "Jane Smith", None)),
    # a post written as new beside the name was just given; a new MP was elected
    ("New Home Secretary Charles Clarke has vowed to press on with the plans.",
     ("appoint", "Charles Clarke", "Home Secretary")),
    ("Michael Cherkasky, the new chief executive, is trying to negotiate a deal.",
     ("appoint", "Michael Cherkasky", "chief executive")),
    # the object of "force", "help" does what their complement says, and did it
    ("The scandal forced Jane Smith to resign as chairman.", ("resign_office", "Jane Smith", "chairman")),
    ("The strategist helped Australia's PM, John Howard, win four elections.", ("elect", "John Howard", None)),
    # a bid for a party's leadership is a candidacy in that party
    ("Jane Smith launched a bid for the Labour leadership.", ("candidacy", "Jane Smith", "Labour Party")),
    ("Tom Brown, a Tory MP, challenged Margaret Thatcher for the party leadership in 1989.",
     ("candidacy", "Tom Brown", "Conservative Party")),
    ("Michael Heseltine mounted a leadership challenge in 1990.", ("candidacy", "Michael Heseltine", None)),
    # a company post written with its company is in that company; written alone, in the company
    # the article is about
    ("Fannie Mae chief executive Franklin Raines resigned on Tuesday.", ("resign_office", "Franklin Raines", "Fannie Mae")),
    ("Labour leader Jane Smith resigned on Tuesday.", ("resign_office", "Jane Smith", "Labour leader")),
    ("Fiat is in debt. Fiat said its creditors met. Chief executive Herbert Demel stepped down last week.",
     ("resign_office", "Herbert Demel", "Fiat")),
    # everyone in a list of subjects or objects
    ("Jane Smith and Tom Brown quit the Labour Party in 2019.", ("leave_party", "Tom Brown", "Labour Party")),
    ("Labour suspended Jane Smith and Tom Brown on Monday.", ("suspend", "Tom Brown", "Labour Party")),
    # a pronoun subject of a clause set before its main clause is the main clause's subject
    ("Before he resigned as chairman on Wednesday, Tom Brown had been in charge of the party's finances.",
     ("resign_office", "Tom Brown", "chairman")),
    # a head of state's office written alone is elected; a clause placing the main one in time
    # happened, whatever the main clause denies
    ("After Vladimir Putin became president in 2000, he did not raise taxes.", ("elect", "Vladimir Putin", "president")),
    ("When Jane Smith quit the party, Labour did not comment.", ("leave_party", "Jane Smith", "Labour Party")),
    # so does a gerund opened by a preposition of time, whatever the main clause plans
    ("Since being elected to Parliament in 1997, Jane Smith has campaigned for a new hospital.",
     ("elect", "Jane Smith", "Parliament")),
    ("Jane Smith became president of the CBI in 2003.", ("appoint", "Jane Smith", "CBI")),
    # taking over a tenure ("the chairmanship") is taking its post, in the company the article is about
    ("Fiat is in debt. Fiat said its creditors met. Since taking over the chairmanship in 1986, Tom Brown has led it.",
     ("appoint", "Tom Brown", "Fiat")),
    # taking the helm is taking a post
    ("Mr Demel, a car industry veteran, took the helm in November 2003.", ("appoint", "Demel", None)),
    # "vice-president": the hyphen is no post of its own
    ("Jane Smith became vice-president of the European Commission.", ("appoint", "Jane Smith", "European Commission")),
    # the one a counted description is said of did what its clause says ("the latest MP to quit")
    ("Jane Smith has become the latest MP to quit Labour.", ("leave_party", "Jane Smith", "Labour Party")),
    ("Jane Smith is the third MP to quit the party this year.", ("leave_party", "Jane Smith", None)),
    # a second post joined to "became" with no verb of its own, dated by its own time
    ("Jane Smith became an MP in 1983 and chancellor of the exchequer in 1997.",
     ("appoint", "Jane Smith", "chancellor of the exchequer")),
    # switching from a party to another: a departure and a joining
    ("Jane Smith switched from Labour to the Lib Dems.", ("leave_party", "Jane Smith", "Labour Party")),
    # an appointment that names no post is to the one office written beside the person's name
    ("Paul Boateng, Chief Secretary to the Treasury, spoke. He was appointed to his post in 2002.",
     ("appoint", "Paul Boateng", "Chief Secretary to the Treasury")),
    # a resignation that names no post is of the one office the article writes beside the name
    ("Jim Callaghan defied prime minister Harold Wilson in 1968. He entered Downing Street in 1976 after the "
     "resignation of Harold Wilson.", ("resign_office", "Harold Wilson", "prime minister")),
    # an office with its of-phrase keeps its article, as it is written
    ("Jim Callaghan became chancellor of the exchequer in 1964.", ("appoint", "Jim Callaghan", "chancellor of the exchequer")),
    # a party launched but not named is the one the article names most among those no one leaves
    ("Robert Kilroy-Silk, who quit UKIP, launched his new party on Wednesday. Veritas will fight every seat. "
     "Veritas has no MPs.", ("join_party", "Robert Kilroy-Silk", "Veritas")),
    # a peerage given is a seat in the Lords
    ("Lord Sainsbury was created a life peer in 1997.", ("appoint", "Sainsbury", "House of Lords")),
    # a post begun days ago was just given
    ("The ruling came on Charles Clarke's first day as home secretary.", ("appoint", "Charles Clarke", "home secretary")),
    # a possessive refers back to the one person of its gender the sentence named before it
    ("The ruling creates a problem for Charles Clarke on his first day as home secretary.",
     ("appoint", "Charles Clarke", "home secretary")),
    ("Mr Howard, in his first week as Tory leader, said the party would win.", ("appoint", "Howard", "Tory leader")),
    # a defection names the party left after "from", else the party of the person's title
    ("Jane Smith, who defected from Labour, spoke.", ("leave_party", "Jane Smith", "Labour Party")),
    ("Tory MP Tom Brown crossed the floor to Labour in 2007.", ("leave_party", "Tom Brown", "Conservative Party")),
    ("Tory MP Tom Brown defected to Labour in 2007.", ("join_party", "Tom Brown", "Labour Party")),
    # tried on a charge: prosecuted; an occupation capitalised before a name is no part of it
    ("Musician Alan Wass, 23, appeared in court accused of the same offences.", ("investigate", "Alan Wass", "court")),
    ("Tom Brown appeared before magistrates in Leeds.", ("investigate", "Tom Brown", "magistrates")),
    # summoned before a hearing; tapped for a post; the subject of an inquiry through one's conduct
    ("John Stumpf was hauled before Congress last week.", ("investigate", "John Stumpf", "Congress")),
    ("Obama tapped Merrick Garland for the Supreme Court in March.", ("appoint", "Merrick Garland", "Supreme Court")),
    ("Hillary Clinton's emails were the subject of an FBI inquiry.", ("investigate", "Hillary Clinton", "FBI")),
    # "the post" with nothing to name it is the one office the sentences before it name
    ("Jane Smith faces her first test as home secretary. Ms Smith, who took on the post on Thursday, spoke.",
     ("appoint", "Jane Smith", "home secretary")),
    # coming to office or power is taking office: the office written with the person
    ("Prime Minister Ephraim Inoni, who vowed to tackle corruption when he came to office last year, spoke.",
     ("appoint", "Ephraim Inoni", "Prime Minister")),
    # one of a group that did it did it; a participle set beside a name is the name's, whatever the
    # clause it stands in says of the name
    ("Tom Brown was one of seven MPs who quit Labour in February.", ("leave_party", "Tom Brown", "Labour Party")),
    ("Tom Brown, suspended in 2010, is a Labour MP.", ("suspend", "Tom Brown", "Labour Party")),
    # "the party" unnamed is the party of the person's title
    ("Labour MP Tom Brown has been suspended from the party over comments about Israel.",
     ("suspend", "Tom Brown", "Labour Party")),
    # a pronoun in a phrase set before the main clause refers ahead to its subject, of its gender
    ("Tom Brown spoke. After his election in 2010, Mr Jones became a minister.", ("elect", "Jones", None)),
    ("Mary Jones spoke. After her resignation in May, Tom Brown took over.", ("resign_office", "Mary Jones", None)),
    # an election naming no office is to the elected office the person is named by, not its holder's
    # present state ("former")
    ("Former President Bill Clinton spoke on Monday. Bill Clinton won in a landslide in 1992.",
     ("elect", "Bill Clinton", "President")),
    # a candidate's majority grows only at an election the candidate won
    ("Jane Smith doubled her majority in 2001.", ("elect", "Jane Smith", None)),
    # a post left that the phrase does not name is the one written with the person
    ("Former BBC director Tom Brown quit his job in 2003.", ("resign_office", "Tom Brown", "BBC")),
    ("Despite this success Jane Smith left her post abruptly last week.", ("resign_office", "Jane Smith", None)),
    ("Jane Smith left the House in 2001.", ("resign_office", "Jane Smith", "House")),
    # a person hung on a company as its appositive is a list with it
    ("The regulator has begun proceedings against Vivendi, its chief executive Jean-Rene Fourtou and chief "
     "operating officer Jean-Bernard Levy.", ("investigate", "Jean-Bernard Levy", "regulator")),
    # winning nothing named is an election's, for a person of a party or in a contest
    ("Labour's Jane Smith won in 2001.", ("elect", "Jane Smith", "Labour Party")),
    ("Ronald Reagan went on to win that year in a landslide.", ("elect", "Ronald Reagan", None)),
    # a bid for a post is standing for it; the members a group is said to include did what it did
    ("Labour MP Jane Smith's bid for the leadership failed in May.", ("candidacy", "Jane Smith", "Labour Party")),
    ("Among those suspended were Tom Brown and Jane Smith.", ("suspend", "Jane Smith", None)),
    ("Those who quit Labour included Tom Brown and Jane Smith.", ("leave_party", "Jane Smith", "Labour Party")),
    # the post one is chosen to run or to be
    ("Jane Smith was picked to head the agency.", ("appoint", "Jane Smith", "agency")),
    # a race won is an election's for a person written with an office, or a race of an office
    ("Sen. Tim Kaine spoke. Kaine won the race in 2012.", ("elect", "Tim Kaine", None)),
    ("Tim Kaine won the Senate race in 2012.", ("elect", "Tim Kaine", "Senate")),
    # becoming a party's member joins it, and leaves the party the article gave the person before
    ("Charlie Crist spoke. Crist, a former Republican governor, became a Democrat in 2012.",
     ("join_party", "Charlie Crist", "Democratic Party")),
    ("Charlie Crist spoke. Crist, a former Republican governor, became a Democrat in 2012.",
     ("leave_party", "Charlie Crist", "Republican Party")),
    ("Huma Abedin was questioned by FBI agents in April.", ("investigate", "Huma Abedin", "FBI agents")),
    # the one who replaces takes the post the head verb left; other conjuncts keep their own posts
    ("Jane Smith was sacked as chief whip and replaced by Tom Brown.", ("appoint", "Tom Brown", "chief whip")),
    ("Tom Brown quit as chairman and was elected leader in 2003.", ("elect", "Tom Brown", "leader")),
    ("Jane Smith won the party leadership contest in September.",
     ("elect", "Jane Smith", "party leadership contest")),
    # an attempt at an election that happened is a candidacy stood; its aim is its owner's or its maker's
    ("Gordon Brown spoke. His first attempt to enter Westminster, for Edinburgh South in 1979, was thwarted.",
     ("candidacy", "Gordon Brown", None)),
    ("Labour's Jane Smith made a bid to become an MP in 2001.", ("candidacy", "Jane Smith", "Labour Party")),
    ("Trump hired Breitbart executive Steve Bannon as campaign CEO.", ("appoint", "Steve Bannon", "campaign CEO")),
    ("Vodafone brought in Jane Smith to become chief executive.", ("appoint", "Jane Smith", "chief executive")),
    # a councillor is a person's office, as an MP is; "the party" unnamed is the one the article writes
    # with the person
    ("Labour councillor Tom Brown spoke. The councillor was expelled from the party.",
     ("expel", "Tom Brown", "Labour Party")),
    # a departure for a party joins it; a defection leaves the one party the article gives the person
    ("Jane Smith, who left Labour for the Liberal Democrats in 2005, spoke.",
     ("join_party", "Jane Smith", "Liberal Democrats")),
    ("Tom Brown, the Labour MP for Leeds East, spoke on Monday. Mr Brown defected to the Conservatives last week.",
     ("leave_party", "Tom Brown", "Labour Party")),
])
def test_events_frames(text, expected):
    events = analyze(Article(id="t", text=text, published=PUBLISHED)).events
    found = [(e.type, e.person, e.org) for e in events if e.status == "asserted"]
    assert expected in found, found


@pytest.mark.parametrize("text", [
    "Mr Makarov joined the KGB in 1970s Russia, as an idealistic 20 year-old.",  # no post, no party
    "Faced with criticism, the government has suspended its plan to cut staff.",  # a plan is no one
    "The Department of Justice is investigating the shooting.",
    "In short, Patriot took over many of the company's mining operations.",  # no post taken
    "Like most elected officials in Virginia, he took money from Dominion Resources.",
    "Critics called for Jane Smith to resign.",  # a demand
    "Jane Smith denied she would quit.",
    "Jane Smith will not stand as the Labour candidate in Bury.",
    "Jane Smith would stand as the Labour candidate in Bury if asked.",
    "Jane Smith is considering whether to stand as the Labour candidate in Bury.",
    "If Jane Smith quits, the party will split.",
    "Tony Blair promised he would stand down before the next election, a new book claims.",
    "Mr Blair told the chancellor of his intention to stand down.",
    "He became Lord Callaghan of Cardiff in 1987.",  # a title taken, not a post
    "Mr Smith, 57, is made a Commander of the Order of Bath.",  # an honour, not a post
    "Mr Boateng, 53, is to become the UK's high commissioner to South Africa.",  # arranged, not yet
    "After the death of John Smith he stood aside, giving Tony Blair a clear run.",  # no post left
    "Tony Blair has become the Labour Party's longest-serving prime minister.",  # a record
    "Charles Kennedy is launching his campaign to win students' votes.",  # a party campaign
    "Tom Brown quit smoking last year.",
    "Hillary Clinton won the debate.",
    "Jane Smith won praise for her speech.",
    "Michael Howard spoke. He finished with a personal appeal to party activists to go out and win the next election.",
    "Launching his campaign to win students' votes at the LSE, Charles Kennedy urged students to vote.",
    "Charles Kennedy spoke. Mr Blair wins - he wins because he has announced it.",
    "Jane Smith suspended the meeting on Monday.",  # no campaign, no one suspended
    "Jane Smith withdrew the remark on Monday.",
    "Jane Smith was nominated for an award in 2010.",  # no post
    "The Queen asked Harold Wilson to form an orderly queue.",
    "Robert Kilroy-Silk resigned the UKIP whip in the European Parliament but remains a member.",
    "During the 1997 election campaign, he worked after running on a treadmill for an hour each morning.",
    "Tom Brown spoke. Lord Hutton's inquiry into the death of Dr David Kelly sparked debate.",
    "Dominic Stephenson became the first Scot to be confirmed as a victim of the tsunami.",
    "Jane Smith is charged with keeping order in the chamber.",  # a duty, not an offence
    "Jane Smith will face questioning from voters on Saturday.",  # voters investigate no one
    "The meddling is designed to sow discord and to help elect Donald Trump.",  # an aim
    "Police may decide to charge Tom Brown with fraud.",  # no decision yet
    "Neither Jane Smith nor her aides have been charged with any crime.",
    "Former Labour candidate Jane Smith said the vote was close.",  # no longer standing
    "Jane Smith is hopeful of a deal.",  # an adjective
    "Others will be watching BT Retail's trials with interest.",  # a trial of a service, no one tried
    "Tom Brown pleaded with voters to back him.",  # a plea that answers no charge
    "Tom Brown was arrested with eight men seized at a hotel in Basra.",  # no allegation: perhaps by soldiers
    "Suspects could be held under house arrest without trial.",
    "Activists threatened Jane Smith with a vote of no confidence.",
    "The new president, Viktor Yushchenko, will also be there.",  # elected or appointed, it does not say
    "New York Mayor Michael Bloomberg said so.",
    "It was Jane Smith's first day at school.",  # no post
    # an idiom, no charge
    "People such as Matisse and Stravinsky became like uncles to her, the latter put in charge of her musical education.",
    "Jane Smith steps down as chairman next month.",  # dated after publication: not yet
    "Jane Smith could be the next MP to quit Labour.",
    "Jane Smith switched to decaf in 2004.",
    "Tony Blair persuaded Jane Smith to stand down as chairman.",  # persuaded, not done; and not Blair
    "Reporters questioned Jane Smith about her emails.",  # questioned, but by no investigating body
    "The campaign hired Jane Smith's firm.",  # no post
    "Matt Williams insists he has no thoughts of quitting as national coach.",  # "no" thoughts: negated
    "Jane Smith was named in the report.",  # named, to no post
    "Tim Henman was named player of the year by the Lawn Tennis Association.",  # an award, no post
    "On Wednesday Tom Brown takes charge of his first cabinet meeting.",  # an idiom, no charge
    # a time clause in the present tense under a main clause to come is still to come
    "When Tony Blair steps down, Gordon Brown will take over as leader.",
    "Jane Smith left London as a hero.",  # a place left, no post
    "Jane Smith found evidence of fraud.",  # finding, not founding
    "Twenty-eight people, including a Briton, have been arrested over identity fraud.",  # no one named
    "MPs will vote to suspend Jane Smith.",  # a vote to come
    "\"They suspended Tom Brown because he lied,\" said Jane Smith.",  # said of another: her claim
    "Tom Brown looked close to quitting as chairman.",  # nearly is not done
    "Tom Brown was named man of the year, to add to the awards he has already won.",  # awards won
    "Jane Smith was made an OBE in 2001 for services to broadcasting.",  # an honour, no post
    "Tom Brown was named best director.",  # an award
    "Tom Brown watched the proceedings from the gallery.",  # proceedings against no one
    "The government won the vote by 20 after Jane Smith spoke.",  # a vote in the chamber elects no one
    "Tom Brown made a bid last year to become chairman of the company.",  # a bid, its "to" hung on "made"
    "Jane Smith won a best actress nomination for her role.",  # an award's nomination, no party's
    "The next MP to quit the party will be Jane Smith.",  # "next": one still to come
    "\"If I resigned, nothing would change,\" said Tom Brown.",  # his own, but a condition
    "\"He was suspended and I was proud of the party,\" said Jane Smith.",  # not of herself
    "Actor Tom Brown has left the Celebrity Big Brother house.",  # a house, not the House
    "Tom Brown appeared on television to deny the claims.",  # no court
    "The government increased its majority in the Lords.",  # no one elected
    "The agency tapped Jane Smith's phone for months.",  # a phone tapped, no post
    "Jane Smith came to London in 1997.",  # a place, no office
    # "the role": the one post named before is a team's, no person's title
    "Tom Brown is the right man to lead the national team. Tom Brown was given the role after an injury.",
    "Cate Blanchett, who won for playing Katharine Hepburn, said her award was a surprise.",  # an award
    "Malcolm Glazer's bid for Manchester United failed.",  # a takeover bid stands for no post
    "Jane Smith was picked to play on Saturday.",  # chosen for no post
    "Jason Gardener cruised home to win the invitational race.",  # an athlete's race
    "Jane Smith will make a bid to become an MP.",  # an attempt still to come
])
def test_events_not_asserted(text):
    events = analyze(Article(id="t", text=text, published=PUBLISHED)).events
    assert [e for e in events if e.status == "asserted" and e.person] == []


def test_events_quitting_for_good_joins_nothing():
    events = analyze(Article(id="t", text="Tom Brown quit Labour for good.", published=PUBLISHED)).events
    assert [(e.type, e.org) for e in events] == [("leave_party", "Labour Party")]


def test_events_a_gendered_description_is_not_the_man_named_before_her():
    text = ("Mr Howard spoke in London. He will visit Tory hopefuls Robert Light and Sayeeda Warsi - \"the first "
            "British Muslim woman\" selected to run for MP as a Conservative candidate.")
    events = analyze(Article(id="t", text=text, published=PUBLISHED)).events
    assert {e.person for e in events if e.type == "candidacy"} == {"Robert Light", "Sayeeda Warsi"}



def _plain_pipeline():
    import spacy

    from newsgraph.nlp import model_candidates

    for name in model_candidates():
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise AssertionError("no spaCy model installed")


def test_events_spacy_component_alone_in_a_plain_pipeline():
    """A spaCy user adds only the events stage; it runs the stages it needs and sets each one's attribute."""
    nlp = _plain_pipeline()
    nlp.add_pipe("newsgraph_events_v1")
    doc = nlp('Jane Smith quit the Labour Party on Monday. "It was time," she said.')
    assert [(e.type, e.person, e.org) for e in doc._.newsgraph_events] == [
        ("leave_party", "Jane Smith", "Labour Party")]
    assert [(q.text, q.speaker) for q in doc._.quotes] == [("It was time,", "Jane Smith")]
    assert any(e.name == "Jane Smith" for e in doc._.newsgraph_entities)
    assert [t.text for t in doc._.newsgraph_times] == ["on Monday"]  # no publication date: unresolved


@pytest.mark.parametrize("name", ["000", "001", "002"])
def test_events_spacy_stages_in_order_match_the_service(name):
    """The four components in a spaCy pipeline and `newsgraph analyze` give the same analysis of a seed."""
    from newsgraph.ingest import read_path
    from newsgraph.service import analyze

    from newsgraph.nlp import add_paragraph_boundaries, plain_spaces

    article = next(read_path(seed(name)))
    nlp = _plain_pipeline()
    add_paragraph_boundaries(nlp)  # as newsgraph's own pipeline: a line break ends a sentence
    for stage in ("newsgraph_entities_v1", "newsgraph_quotes_v1", "newsgraph_times_v1", "newsgraph_events_v1"):
        nlp.add_pipe(stage)
    # the service parses with odd white space (no-break spaces) made plain, offsets unchanged
    doc = nlp(plain_spaces(article.text))
    service = analyze(article)
    assert list(doc._.newsgraph_events) == list(service.events) and service.events
    spans = lambda quotes: [(q.start, q.end, q.kind, q.speaker, q.speaker_start) for q in quotes]  # noqa: E731
    assert spans(doc._.quotes) == spans(service.quotes) and service.quotes
    assert list(doc._.newsgraph_entities) == list(service.entities)  # with the roles beside each name


def test_events_reason_as_written():
    text = 'Jane Smith quit the Labour Party, blaming Tom Brown for allowing racism to become "mainstream" in it.'
    (event,) = [e for e in analyze(Article(id="t", text=text, published=PUBLISHED)).events if e.type == "leave_party"]
    assert event.reason == 'blaming Tom Brown for allowing racism to become "mainstream" in it'


def test_events_an_organisation_written_short_is_the_same_one():
    # "suspended by Delta Airlines" and "her suspension by Delta": one suspension, not two
    text = ("Jane Smith was suspended by Delta Airlines in September. She said: \"My suspension by Delta was "
            "unfair.\"")
    events = analyze(Article(id="t", text=text, published=PUBLISHED)).events
    assert [(e.type, e.person) for e in events if e.status == "asserted"] == [("suspend", "Jane Smith")]
