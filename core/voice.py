"""Whose words these are: the outlet's own, quoted (inside quotation marks) or attributed (reported speech).

A framing claim credits a word to an outlet only when the outlet wrote it in its own voice; a word
inside a quotation, or inside a claim the text reports from someone ("Xi said that …", "…, the
ministry said", "according to TASS", "Ukraine accused Russia of …"), belongs to that speaker.
Regex only, no parse, so an event's articles take milliseconds: quotation marks come from
core.quotes.find_quote_spans (plus single curly quotes around short phrases), reporting frames from
a closed list of speech verbs. When the store's extracted quotes are given (core.quotes, spaCy), their
resolved speakers name the speakers of the quotations and frames found here that the sentence leaves
unnamed ("he" -> "Dong Jun"; a name the sentence gives comes first); their spans are not used as voices,
since a mixed quote's or an indirect attribution's span also covers the outlet's own words.
A speaker the sentence does not name (a pronoun) is left unnamed rather than guessed.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from core.config import Settings
from core.credits import is_news_outlet
from core.models import get
from core.quote_cues import inflect
from core.quotes import find_quote_spans

# Speech verbs whose complement is what the speaker said or claimed. Verbs whose object is the outlet's
# own naming of a thing are left out ("called the massacre an act of terror", "condemned the attack",
# "urged"/"demanded": a request); "X described Y as Z" is caught by _AS_RE instead.
SPEECH_VERBS = frozenset("""
said says say saying told tells tell telling added adds stated states claimed claims claiming alleged alleges
alleging insisted insists insisting argued argues arguing warned warns warning wrote writes tweeted tweets
suggested suggests suggesting maintained maintains asserted asserts
accused accuses accusing denied denies denying contended contends predicted predicts promised promises
vowed vows complained complains concluded recalled recalls testified testifies
conceded concedes admits
claim allege insist argue warn write tweet suggest maintain assert accuse deny contend
predict promise vow complain recall testify concede
promising vowing predicting conceding contending asserting maintaining stating
""".split())
# Forms that are nouns as often as verbs ("the tweet", "his claims", "member states"): without a subject
# before them they are read as nouns, and a word after a determiner is always one.
NOUN_LIKE = frozenset("""claim claims warning warnings promise promises vow vows tweet tweets states reports notes
charges thought fear fears""".split())
# Inverted frames name their speaker after the verb ('"…," said Alexei'); "told X" names who was told.
INVERTED = frozenset("said says added adds wrote writes asked continued explained noted stated insisted argued "
                     "recalled warned declared".split())
# Speech verbs that also take a plain object: followed by one of these words, what follows is that object.
_POSS = ("a", "an", "his", "her", "their", "its", "our", "my")
# "conceded defeat", "admitted defeat": an outcome accepted, no words reported
_OUTCOMES = ("defeat", "victory", "power", "ground", "control", "territory")
NP_VERBS = {**{v: _POSS + _OUTCOMES for v in "promised promises promising vowed vows vowing predicted predicts predicting warned warns "
                                 "conceded concedes admitted admits complained complains maintained maintains maintaining".split()},
            **{v: _POSS + ("the", "any", "this", "these", "those") for v in
               "denied denies denying recalled recalls recalling wrote writes writing tweeted tweets added adds "
               "testified testifies".split()}}
_PARTY_TAG_RE = re.compile(r"^[DRI]-[A-Z][A-Za-z.]{0,8}$")      # "D-Calif.", "R-Texas", "D-N.Y." after a name
_NO_CONTENT = frozenset("little nothing something anything much".split())
_NO_CONTENT_NEXT = frozenset("about on of regarding else publicly to in at so".split())
_INTRANSITIVE = frozenset("testify complain comment respond reply speak concede".split())
_QUANTIFIERS = frozenset("some many several others few most".split())    # "Some said that …": a subject
_DETERMINERS = frozenset("a an the this these those his her its their our my your any no every each such some "
                         "another other many several".split())
# Verbs that report speech only with "that" after them: "announced that …" but "announced a probe".
THAT_VERBS = frozenset("""
declared declares announced announces reported reports confirmed confirms revealed reveals noted notes
explained explains acknowledged acknowledges admitted admits stressed stresses emphasized emphasised
emphasizes indicated indicates observed estimated estimates estimate assured assures charged replied replies responded
pointed relayed believe believes believed think thinks feel feels felt fear fears feared
mentioned mentions grumbled grumbles grumbling fumed fumes fuming lamented laments lamenting
demanded demands demanding
declare declaring recounted recounts recounting indicating
documented
""".split())
# … of which these frame a clause only with "that" (or open the sentence: "Recounting how …, X said"), and are no hint
# of a report elsewhere: "the power to declare a national emergency" reports nothing.
# ("The Justice Department has documented that … were assaulted during the Capitol riot": the Department's; but
# "the group documented abuses" reports nothing: round 27)
_FRAME_ONLY = frozenset("declare declaring recounted recounts recounting indicating documented".split())
# "indicated he was …", "announced they would …": a that-verb before a pronoun subject reports a clause
_CLAUSE_SUBJECTS = frozenset("he she they we i it".split())
_THAT_OR_SUBJECT = _CLAUSE_SUBJECTS | {"that", "there"}
_CLAUSE_AUX = frozenset(f for w in """was were is are had has have would will could should can may might must did does do
cannot wasn't weren't isn't aren't hadn't hasn't haven't wouldn't won't couldn't shouldn't can't didn't doesn't
don't""".split() for f in (w, w.replace("'", "’")))
TRAILING_REST = 6           # '…," said X': at most this many words name X
PREPOSITIONS = frozenset("in at on during from after before with for under by".split())
_ADVERBIAL_START = PREPOSITIONS | frozenset("reporters journalists told via citing adding as while when last this earlier "
                                             "late early monday tuesday wednesday thursday friday saturday sunday "
                                             "today yesterday".split())
_NOT_SPEAKER_END = frozenset("""also has had have will would later then again repeatedly publicly privately
reportedly recently previously earlier last this on in at monday tuesday wednesday thursday friday saturday
sunday today yesterday week month year morning evening night afternoon once further first initially""".split())
_CLAUSE_WORDS = frozenset("that who which whom whose what and but while as when because if although though "
                          "after before since where".split())
_LEAD_DROP = frozenset("the a an and but as while so yet".split())
# '…," he said, without giving evidence for the claim': a manner or concession after a closing frame is the outlet's
# gloss on the report, not more of it ('…, police said, rioters hit …' goes on with the report)
_GLOSS_START = frozenset("without despite amid amidst unless though although".split())
PRONOUNS = frozenset("he she they it we i you his her their this that these".split())
_AUX = frozenset("had has have was were is are been be will would could should can must might".split())
MAX_SPEAKER_WORDS = 7
TRAILING_SPEAKER_WORDS = 12  # '…, acting White House chief of staff Mick Mulvaney said.': a long title before a closing verb
# A base form ("recall", "claim", "warn") reports speech only after a subject it agrees with ("they say", "critics
# claim", "to argue", "would deny") or before a clause; otherwise it is a noun or an adjective ("recall election").
_BASE_FORMS = frozenset("""say tell claim allege insist argue warn write tweet suggest maintain assert accuse deny
contend predict promise vow complain recall testify concede""".split())
_BASE_SUBJECT = frozenset("i we you they to not also would could will may might should must did do does who "
                          "often still now never".split())
# '…, officials tell Axios.': a trailing frame names who was told after the verb
_TELL = frozenset("told tell tells".split())
# "contends with scrutiny": the verb in another sense, nothing is reported
_NOT_SPEECH_NEXT = {"contend": "with", "contends": "with", "contended": "with", "contending": "with"}
# "claimed responsibility for terrorist incidents", "claims credit": an act owned, no words reported
_NO_SPEECH_OBJECT = {f: frozenset({"responsibility", "credit"}) for f in "claim claims claimed claiming".split()}
# Verbs of denying carry no content of their own: what is denied ("denied Israel's claim", "military denies takeover
# is coup") is in the outlet's words unless quoted (quotation marks are read before any frame).
_DENY = frozenset("deny denies denied denying".split())
# "according to international law": a norm is no speaker; the sentence is the outlet's
_NORM_SOURCES = frozenset("law laws rules constitution charter treaty treaties convention conventions regulations "
                          "resolution resolutions".split())

_TOKEN_RE = re.compile(r"[A-Za-z0-9][\w'’.-]*|[,;:()\"“”‘’«»—–]")
# Where reported content stops: a new clause the outlet adds ("…, but it has backed …", "…, which was imposed …").
# (not right after "that": "said that, after the vote, …" is a clause fronted inside the content)
_CLAUSE_END_RE = re.compile(r"(?<!\bthat)[,;][”\"’]?\s+"
                            r"(?:but|while|though|although|whereas|which|who|yet|despite|even as|even though|after)\b"
                            r"|;|\s(?:[—–-]|--)\s"
                            r"|,\s+(?:giving|leaving|sending|setting|prompting|sparking|marking|raising)\s"   # ", giving allies …": a gloss
                            # ", adding Niger to a growing list of …": a gloss too ("…, adding that …" goes on with the report)
                            r"|,\s+adding\s+(?!(?:that|he|she|they|it|we|i)\b)(?=[^,;:\"“”]{1,80}?\sto\s)"
                            r"|,\s+the\s+(?:\w+est|worst|best|first|last|most|latest)\b"   # ", the worst since …": background
                            r"|,\s+an?\s"                     # ", a contention X disputed": the outlet's apposition
                            # "…, many of whom were members of … groups until recently": the outlet's background (round 28)
                            r"|,\s+(?:many|some|most|all|several|none|few|both|each|one|two|three|half)\s+of\s+(?:whom|which)\b"
                            r"|[”\"],\s+with\s"                 # '…”, with most leaders opposing …': the outlet's gloss
                            # "X say …, and other detainees claim …": a new subject with its own frame
                            r"|,\s+and\s+(?:[\w'’-]+\s+){1,3}?(?:say|says|said|claim|claims|claimed|allege|alleges|alleged"
                            r"|insist|insists|insisted|argue|argues|argued)\s"
                            r"|,\s+and\s+(?:\w+ly\s+)?(?!said\b)\w+ed\s+(?!that\b)(?=\w)"   # "…, and rejected …": the subject again
                            # "… accused of espionage without any known evidence, and Paul Whelan, a former Marine …": a new
                            # person, named in full, listed after the one the claim was about (fc40: the Washington Post's
                            # live page had "criticized the war in Ukraine" inside the accusation, credited to the US)
                            r"|,\s+and\s+(?=[A-Z][a-z]+\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,)"
                            r"|\s+and\s+(?:plan|plans|want|wants|hope|hopes|intend|intends|aim|aims|vow|vows|refuse|refuses"
                            r"|seek|seeks|try|tries)\s+to\b")           # "believe that … and plan to …": so is this
_LIST_RE = re.compile(r":|\binclud(?:e|es|ed|ing)\b")
_NAME_HYPHEN_RE = re.compile(r"[A-Z][\w.'’]*\s-\s[A-Z]")          # "Trump - Russia" in tokenised text is a hyphen
# A dateline opening a sentence ("KYIV (Reuters) -", "BEIJING, May 16 (Xinhua) --") is the outlet's.
# Wire copy may have no dash: "KIEV, July 17 A Malaysian airliner …", "GRABOVO, Ukraine, July 17 A …".
_DATELINE_RE = re.compile(r"^\s*[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[-—–]+\s*"
                          r"|^\s*[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug"
                          r"|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?\s+\d{1,2}\s+(?=[A-Z])"
                          r"|^\s*(?:date\s+)?\d{4}-\d{2}-\d{2}\s+(?=[A-Z])")          # a date stamp: "2023-07-28 Hours after …"
# "seen by many Democrats as …": a view credited to someone.
# "X castigated the bill as a power grab", "what he sees as …": the characterisation after "as" is X's.
# "The military identified the gunman as X, a member of …": who the gunman is, is the military's word.
_AS_VERBS = """castigate describe brand label labell deride dismiss characterize characterise portray paint attack
criticize criticise slam blast denounce decry praise hail condemn recognize recognise cast depict mock ridicule
tout present defend identify predict""".split()
_AS_RE = re.compile(r"\b(?P<verb>" + "|".join(sorted({f for v in _AS_VERBS for f in inflect(v)}, key=len, reverse=True))
                    + r"|sees?|saw|views?|viewed|regards?|regarded|considers?|considered|investigat(?:e|es|ed|ing))\b(?P<obj>[^.;:]{0,80}?)(?<!well )(?<!such )\bas\s"
                    r"(?!well\b|soon\b|long\b|much\b|many\b|far\b|of\b|part\b|recently\b|early\b|late\b|a result\b)",
                    re.I)                                  # "dismissed the complaint, as well as …" is no characterisation
# The complement after "as" is a noun phrase: a subordinate clause after it is the outlet's narration
# ("… described as one of Syria's worst violence since insurgents overthrew the Assad regime": "since" before a clause,
# a subject then a past verb, is the outlet's background; "the worst since the 2011 uprising" stays the complement; round 28)
_AS_END_RE = re.compile(r"\s(?:after|before|when|while|because|whereas)\s"
                        r"|\ssince\s(?=(?:[\w'’-]+\s+){1,4}?(?:[a-z]{2,}ed|overthrew|took|began|came|fell|won|lost|left|"
                        r"seized|was|were|had|has|have)\b)")
# A reported content that is one quotation, closed with a comma ('by saying "we're coming for you", having …')
_QUOTED_CONTENT_RE = re.compile(r"\s*(?:that\s+)?[\"“][^\"“”\n]{1,300}?(?:(?P<a>[\"”])\s*,|,\s*(?P<b>[\"”]))\s+(?=\S)")
# "Republicans called the bill a power grab", "called him a racist": the complement after the object is the
# subject's; the object itself ("the bill", "the massacre") stays the outlet's naming.
_PREP = r"(?:for|on|off|up|out|in|back|upon|over|to|into|at|of|with|by|from|after|during|it quits|and|or|between)\b"
_CALLED_RE = re.compile(r"\b(?P<verb>called|calls|calling|dubbed|dubs|dubbing|termed|terms|terming"
                        r"|considers|considered|consider|considering|deems|deemed|deem|deeming)\s+(?!" + _PREP + ")"
                        r"(?:(?:him|her|it|them|this|that|these|those|himself|herself|itself|themselves)\s+"
                        r"|(?:(?!" + _PREP + r")[\w'’-]+\s+){1,4}?(?=(?:a|an|the)\s|[\"“‘']))"
                        r"(?P<comp>(?:a|an|the)\s|[\"“‘'])", re.I)
# "what it called a \"heinous … attack\"", "what he describes as …": the words after the verb are the subject's.
_WHAT_CALLED_RE = re.compile(r"\bwhat\s+(?P<spk>(?:[\w'’.-]+\s+){1,4}?)(?P<verb>called|calls|call|calling|dubbed|termed|"
                             r"describes as|described as|labell?ed|sees as|saw as)\s+", re.I)
# "an executive order … that Mr. Trump had called an illegal executive amnesty": a relative "that / which" is the
# object, the words right after the verb its complement, the subject's ("that X called the Democrats …" may have the
# object after the verb, so only "a / an" or a quotation mark open the complement here)
_THAT_CALLED_RE = re.compile(r"\b(?:that|which)\s+(?P<spk>(?:[\w'’.-]+\s+){1,4}?)(?:(?:had|has|have|once|previously|"
                             r"repeatedly|often|long|also)\s+)*(?P<verb>called|dubbed|termed|labell?ed|branded)\s+"
                             r"(?=(?:a|an)\s|[\"“‘'])", re.I)
# "Among the reforms sought by the group are a ban on assault weapons …", "the changes demanded by X include …": what
# a demander is named as seeking is in its terms, as "called for …" is ("pushing for gun control" is no demand)
_SOUGHT_BY_RE = re.compile(r"\b(?:sought|demanded|requested|called for|urged)\s+by\s+(?P<spk>[^,;:\"“”]{2,60}?)\s+"
                           r"(?:are|is|were|was|include|includes|included)\s", re.I)
# "he railed against government handouts", "warned of a terrorist threat": what follows is the subject's framing.
# "has also alluded to the army's dissatisfaction with …": what is alluded to is in the subject's terms too.
_AGAINST_RE = re.compile(r"\b(?:railed|rails|railing|inveighed|lashed out|ranted|warned|warns|warning|"
                         r"decried|decries|decrying|bemoaned|lamented)\s+(?:against|at|about|over|of)\s"
                         r"|\b(?:alluded|alludes|alluding|hinted|hints|hinting)\s+(?:to|at)\s"
                         # "raised concerns about the potential for ethnic cleansing": the concern is the subject's
                         r"|\b(?:raised|raises|raising|voiced|voices|voicing|expressed|expresses|expressing)\s+(?:\w+\s+){0,2}?"
                         r"(?:concerns?|fears?|worries|alarm|doubts?)\s+(?:about|over|of|regarding|that)\s", re.I)
# "with some officials attributing the attacks to international terrorist organizations": what the subject attributes
# something to is the subject's claim ("was attributed to X", with no object between, names nobody)
_ATTRIBUTING_RE = re.compile(r"\b(?:attributed|attributes|attributing|attribute)\s+(?:[\w'’-]+\s+){1,6}?to\s", re.I)
# "highlighted the role of X in spreading disinformation": what a named subject highlights is in its terms; a document's
# ("the report highlighted …") claims no voice; an event or a thing that highlights ("Her ordeal highlights …", "the
# meeting, which highlighted …") shows something in the outlet's own words
# "Traore defended the coup because the authorities were not doing enough against the jihadists", "… on the grounds
# that …": the reason given for a defence or a justification is the defender's, unless the defence was in arms
# ("the army defended the city because …"); the rules cannot tell, so it claims no voice (round 27)
_JUSTIFY_RE = re.compile(r"\b(?:defended|defends|defending|justified|justifies|justifying)\s+[^,;:.\"“”]{1,80}?\s"
                         r"(?:because|on the grounds that|on grounds that)\s", re.I)
_HIGHLIGHT_RE = re.compile(r"\b(?:highlighted|highlights|highlighting|underscored|underscores|underscoring)\s+(?!that\b)", re.I)
# "made clear that …", "makes it clear that …": what follows is the subject's claim
_CLEAR_RE = re.compile(r"\b(?:made|makes|make|making)\s+(?:it\s+)?(?:loud\s+and\s+)?clear\s+"
                       r"(?:that\s|(?=(?:the|a|an|he|she|they|we|i|it|there|his|her|their|this)\s))"
                       r"|\b(?:let|lets|letting|made|makes|make)\s+it\s+(?:be\s+)?known\s+that\s")
# "attacked Schiff for driving a false narrative", "slammed him for his claims": a statement the subject attacks is
# described in the subject's terms (other reasons, "attacked him for caving on the wall", stay the outlet's words)
_FOR_VERBS = """attack slam blast criticize criticise chide rebuke reprimand scold fault lambaste berate castigate
condemn denounce""".split()
_FOR_STATEMENT = (r"for\s+(?:(?:driving|pushing|peddling|spreading|promoting|making|repeating)\s"
                  r"|(?:his|her|their|its)\s+(?:\w+\s+)?(?:claims?|comments?|remarks?|statements?|rhetoric|assertions?|"
                  r"allegations?|narrative)\b)")
_FOR_STATEMENT_RE = re.compile(r"\b" + _FOR_STATEMENT, re.I)     # cheap test first: the verb alternation is slow
_FOR_RE = re.compile(r"\b(?P<verb>" + "|".join(sorted({f for v in _FOR_VERBS for f in inflect(v)}, key=len, reverse=True))
                     + r")\s+(?:[\w'’.-]+\s+){1,8}?" + _FOR_STATEMENT, re.I)
# A headline credited at its end: "Detained suspects had contacts abroad – FSB", "… -key House Republican",
# "…, Documents Show", "…, Report Says".
_CREDIT_TAIL_RE = re.compile(r"\s[-–—]\s?(?P<spk>[A-Za-z][\w.'’ -]{1,50})$"
                             r"|,\s+(?P<spk3>(?:[A-Z][\w.'’-]*\s){1,4})(?:Says?|Shows?|Finds?|Claims?|Warns?|Suggests?)\s*$"
                             r"|:\s+(?P<spk2>(?:[A-Z][\w.'’-]*\s?){1,3}|[Rr]eports?|[Ss]ources|[Oo]fficials|[Mm]edia)\s*$")
# … or with the occasion after the name: "… – Zelenskyy in video message on occasion of …"
_CREDIT_OCCASION_RE = re.compile(r"\s[-–—]\s?(?P<spk>[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,2})\s(?:in|at|on|during|to|after)\s"
                                 r"[^-–—:]{1,80}$")
# A transcript line: "TUCKER CARLSON: It's not just …" is the named speaker's to the end of the line.
_TRANSCRIPT_RE = re.compile(r"^[ \t]*(?P<spk>[A-Z][A-Z.'’ -]{2,40}):[ \t]+(?=\S)(?P<line>[^\n]*)", re.M)
# An embedded post: "Daniel Sandford @BBCDanielS: The Kharkiv prison authorities …" is the poster's to the line's end.
_POST_LINE_RE = re.compile(r"^[ \t]*(?P<spk>[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3})[ \t]*@\w{1,30}:[ \t]+(?=\S)"
                           r"(?P<line>[^\n]*)", re.M)
# An embedded post whose credit line follows on a line of its own: "#Gabon Coup unfolding. The army has taken …" over
# "— CGR.NewYork (@CGR_newyork) January 7, 2019" is the poster's (the credit in the same sentence: _POST_CREDIT_RE).
_POST_ABOVE_CREDIT_RE = re.compile(r"^(?P<line>[^\n]*\S[^\n]*)\n[ \t]*[—–-]{1,2}[ \t]*(?P<spk>[^()\n—–]{2,60}?)[ \t]*"
                                   r"\(@\w{1,30}\)[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]+\d{4})?[ \t]*$", re.M)
# A statement introduced by a line of its own ending with a colon, then the statement's paragraph ("The New York
# Times reports that …:" over a blockquote of the Times' story).
_INTRODUCED_RE = re.compile(r"^(?P<intro>[^\n]{0,200}?\b(?P<verb>said|says|wrote|writes|posted|posts|tweeted|tweets|"
                            r"reads|read|declared|declares|announced|announces|reports|reported)\b[^\n:]{0,120}):[ \t]*\n[ \t]*\n?"
                            r"(?P<line>[^\n]+)", re.M)
_SPOKEN_RE = re.compile(r"\b(?:I|I'm|I’m|we|We|we're|we’re|our|Our|us|you|You|your|my|My)\b")
# A headline that opens with its speaker: "Tucker Carlson: NSA is spying on this show".
_TITLE_SPEAKER_RE = re.compile(r"^\s*(?P<spk>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}):\s+(?=\S)")   # "Erdogan: …" too
_KICKERS = frozenset("""live update updates watch opinion analysis explainer editorial breaking exclusive review video
photos factbox timeline fact check q&a interview podcast""".split())
# ("In what has been deemed the worst terrorist attack since 9/11, …": deemed, dubbed, termed take no "as")
_SEEN_AS_RE = re.compile(r"\b(?:is|are|was|were|been|being) (?:(?:seen|viewed|regarded|considered|described|branded|labell?ed)"
                         r"(?: by (?P<spk>[^,;:.]{2,60}?))? as|accused of|deemed|dubbed|termed"
                         r"|considered(?=\s+(?:a|an|the)\s))\b", re.I)   # "was considered a terrorist" (round 32)
# "Lukashenko, often referred to as Europe's last dictator": a name others give, credited to no one in particular.
_NAMED_AS_RE = re.compile(r"\b(?:(?:often|widely|sometimes|commonly|frequently|also)\s+)?referred to as\s"
                          r"|\b(?:often|widely|sometimes|commonly|frequently)\s+(?:called|dubbed|described as|branded|labell?ed)\s",
                          re.I)
# "Officials have referred to the coup as a “hijacking” of …": the complement after "as" is the subject's and the
# object stays the outlet's naming; "She referred to the “attempted” coup d'etat": with no "as", the object is hers
_REFERRED_RE = re.compile(r"\b(?P<verb>refer|refers|referred|referring)\s+to\s+(?=\S)(?P<obj>(?:(?!\bas\s)[^.;:,]){1,80}?)"
                          r"(?P<as>\s+as\s|(?=[,;:.]|$))", re.I)
# "…, as reported first by the Canadian Broadcasting Corp.": a closing source tag, as "…, according to X"
_AS_REPORTED_RE = re.compile(r",\s+as\s+(?:first\s+|earlier\s+|previously\s+)?(?:reported|revealed|disclosed)\s+"
                             r"(?:first\s+|earlier\s+)?by\s+(?P<spk>[^,;:\"“”()]{2,80}?)(?=\.?\s*$|[,;:\"“”()]|\.\s+[A-Z])")
# "… resulting in over 340 casualties, including women and children (via Reuters).": a closing "(via X)" credits the
# sentence to X, as a closing "according to X" would (round 28)
_VIA_RE = re.compile(r"\s*\(\s*via\s+(?P<spk>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})\s*\)\s*[.!]?[\"”’]?\s*$")
_BY_RE = re.compile(r"\bby (?P<spk>(?:[A-Z][\w'’.-]*\s?){1,4})")
# The content of a claim named as a noun: "claims of election fraud", "claims that she …", "fraud claims".
_CLAIM_NOUN_RE = re.compile(r"\b(?:claims?|allegations?|accusations?|assertions?|contentions?|rumou?rs?|reports?)\s+(?:of|that)\s"
                            # "denied the allegations by PTI that people were tortured": the content is the claimant's
                            r"|\b(?:claims?|allegations?|accusations?|assertions?)\s+(?:by|from)\s+(?P<by>[^,;:.\"“”]{2,60}?)\s+that\s"
                            r"|\bdemands\s+(?:to|that)\s|\bdemand\s+that\s"      # "their demands to oust Hasina" (not "demands for billions …")
                            r"|\bwarnings?\s+(?:of|about|that)\s"
                            r"|\b(?:concerns?|fears?|worries|suggestions?|beliefs?|views?|arguments?|insistence|hopes?"
                            r"|promises?|vows?|pledges?|comments?|remarks?|statements?|criticisms?|complaints?|objections?|charges?)"
                            r"(?:\s+(?:by|from|among|of)\s+[^,;:.\"“”]{2,60}?)?"
                            r"(?:\s+(?:on|last|this)\s+\w+)?\s+that\s", re.I)      # "his comment on Sunday that …"
_CLAIM_COMPOUND_RE = re.compile(r"\b(?!(?:the|a|an|his|her|their|its|our|these|those|of|and|or|to|that)\s)"
                                r"(?:[a-z][\w'’-]*\s+){1,2}(?=(?:claims|allegations)\b(?!\s+(?:to|that)\b))")
_ACCORDING_RE = re.compile(r"\baccording to (?P<spk>[^,;:.\"“”()]{2,120}?)(?=[,;:.\"“”()]|$)", re.I)
# "As per Ary News, Khan claimed …": an opening "as per X" names a source for the whole sentence, as "according to X"
# does ("As per the agreement, …" names a norm or plan, no speaker)
_AS_PER_RE = re.compile(r"\s*As per (?P<spk>[^,;:.\"“”()]{2,120}?),\s")
_PER_NORMS = frozenset("agreement agreements deal plan plans schedule tradition custom usual norm norms protocol procedure "
                       "procedures guidelines guideline policy arrangement order orders rule terms data".split())
_SINGLE_QUOTE_RE = re.compile(r"(?<![\w’'])‘(?P<q>(?:[^‘’\n]|’(?=\w)){1,80}?)’(?!\w)"
                              r"|(?<![\w'])'(?=\w)(?P<q2>(?:[^'\n]|'(?=\w)){1,80}?)(?<=[\w.!?])'(?!\w)")
# "As Harris contends with …, her staff …, according to reports": the leading clause is the outlet's background
# ("Minutes after Putin announced that …, explosions were …": a time gap before "after" opens the same clause;
# 'While Trump has suggested letting Obamacare “implode,” as president he has …': quoted words inside it, its comma too)
_LEAD_CLAUSE_RE = re.compile(r"\s*(?:As|While|When|Whenever|After|Before|Since|Although|Though|Despite|Amid|Even as"
                             r"|(?:Just|Only|Shortly|Soon|Moments|Seconds|Minutes|Hours|Days|Weeks|Months|Years"
                             r"|(?:A|An|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Several|A few|\d+)\s+"
                             r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?))\s+(?:after|before|since))\s"
                             r"(?:[^,;:\"“”]|[“\"][^,;:\"“”\n]{1,80}[”\"]){3,200}?(?:,\s|[“\"][^,;:\"“”\n]{1,80},[”\"]\s)")
_REPORTEDLY_RE = re.compile(r"\b(?:reportedly|allegedly|purportedly)\b", re.I)
_REPORTED_RE = re.compile(r"\b(?:is|was|were|are) (?:said|reported|alleged|believed|thought|claimed) to\b", re.I)
# "the committee found no evidence of …", "the report finds that …": what follows is the finder's
# (not "found evidence of …", often hypothetical: "no indication that Mueller has found evidence of …")
_FOUND_RE = re.compile(r"\b(?:found|finds)\s+(?:that\s|(?=[\"“]?\s*(?:absolutely\s+)?(?:no|little|insufficient)\s+evidence\b))",
                       re.I)
# An embedded post, credited at its end: "We commend … — Josep Borrell Fontelles (@JosepBorrellF) September 28, 2022"
_POST_CREDIT_RE = re.compile(r"\s[—–-]{1,2}\s*(?P<spk>[^()\n—–]{2,60}?)\s*\(@\w{1,30}\)\s*"
                             r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})?\W*$")
# Where the last clause before a trailing "…, according to X" starts: the tag covers that clause only
# ("… evidence of collusion between the two as Russia sought to bolster …, according to US agencies")
_LAST_CLAUSE_RE = re.compile(r",\s+(?:including|while|whereas|as|after|before|when|because)\s"
                             r"|\s(?:as|while|because|since|after|before|when)\s(?=(?:[A-Z]|the\s|it\s|he\s|she\s|they\s))")
# an opening participle clause up to its comma ("Decrying what he called a "coup," …"; a comma inside quotation marks)
_OPENING_RE = re.compile(r"\s*[A-Z][a-z]+ing\s[^,;]{1,160}?,")
# "…, the group said, a day after an assassination attempt …": a time gap after a mid-sentence frame opens the
# outlet's background, not more of the report ('…, police said, rioters hit …' goes on with the report)
_TIME_GAP_RE = re.compile(r"(?:(?:just|only|barely|some|about|nearly|almost|less than|more than)\s+)?"
                          r"(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)\s+)?"
                          r"(?:days?|weeks?|months?|years?|hours?|minutes?|nights?)\s+(?:after|before|since|later|earlier|ago)\b",
                          re.I)
# "… are widely recognized as …", "is seen as a major concession": a characterisation in the passive names its
# holder only with "by X"; its grammatical subject is what is characterised, never the one who characterises
# ("The conflict is now described as one of …": a time or degree adverb between, round 28)
_PASSIVE_BEFORE_RE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+"
                                r"(?:(?:[a-z]+ly|now|also|still|often|already|even|sometimes|increasingly)\s+){0,2}$", re.I)
_BY_AGENT_RE = re.compile(r"\s*by\s+(?P<spk>[^,;:]{2,60}?)\s*$")
# "did not allege a conspiracy", "never said": a negated speech verb reports nothing said
_NEGATIONS = frozenset("not never n't".split())
# "In the eyes of the US, General Soleimani … was a terrorist", "To Washington, …", "In Moscow's view, …": an opening
# viewpoint frame makes the rest of the sentence that holder's view, not the outlet's statement (round 32)
_VIEWPOINT_RE = re.compile(r"\s*(?:In\s+the\s+(?:eyes|view|opinion|words|mind)\s+of\s+(?P<spk>[^,;:\"“”]{2,60}?)"
                           r"|In\s+(?P<spk2>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})['’]s?\s+(?:eyes|view|opinion|mind)"
                           r"|(?:To|For)\s+(?P<spk3>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
                           r"|From\s+(?P<spk4>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})['’]s?\s+"
                           r"(?:perspective|point\s+of\s+view|standpoint))\s*,\s")
# "To Date, …", "For Now, …": an opening "To X," or "For X," that is a time or a manner, no holder of a view
_NOT_HOLDERS = frozenset("date now example instance years decades months weeks days today tomorrow the".split())
# "Diab did not insinuate that the blast was a military or terrorist attack", "nobody suggested that …": a possibility
# the text says was not raised is nobody's statement, least of all the outlet's: its words claim no voice (round 32)
_NEGATED_SUGGESTION_RE = re.compile(r"\b(?:not|never|n['’]t|nobody|no\s+one)\s+(?:\w+ly\s+)?(?:say|said|says|suggest|suggested|"
                                    r"suggests|insinuate|insinuated|insinuates|imply|implied|implies|claim|claimed|claims|"
                                    r"allege|alleged|alleges|hint|hinted|hints|indicate|indicated|indicates|mean|meant|"
                                    r"believe|believed|think|thought|speculate|speculated)\s+(?:\w+\s+)?that\s", re.I)


@dataclass(frozen=True)
class Voice:
    """Whose words a span is: kind own / quoted / attributed, and the speaker when the text names one."""

    kind: str = "own"
    speaker: str | None = None


SETTINGS = Settings()
OWN = Voice()
UNCLEAR = Voice("unclear")   # in a sentence that reports someone, outside every frame the rules found
# the speaker of a frame the rules are least sure of: a hedge with nobody named ("reportedly", "is believed to",
# "claims of", "referred to as"), a speech verb whose subject is not parsed, the earlier clauses under a closing
# "according to X". On the three fresh pages samples such frames reached past their content as often as not, so
# a term inside one claims no voice (unclear) rather than someone else's.
UNSURE = "\x00unsure"


_NAME_AFTER_RE = re.compile(r"[ \t]+[A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+){0,2}\b")


@functools.lru_cache(maxsize=256)
def _outlets_report(outlet: str) -> re.Pattern:
    """An outlet credited as the reporter of a sentence: "…, TASS reports", "according to Interfax", "as reported by
    RIA" (not a copy's "(via Reuters)", nor "the allegations by PTI": a party sharing an agency's letters)."""
    o = re.escape(outlet)
    return re.compile(rf"\b{o}\s+(?:reports|reported|writes|wrote|says|said)\b|\baccording\s+to\s+{o}\b"
                      rf"|\breported\s+by\s+{o}\b")


class VoiceMap:
    """The quoted and attributed spans of one text, queried by character span (frames found lazily per sentence)."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], quotes=None, body: str | None = None,
                 title: str | None = None):
        """Find the quotations in text now; reporting frames of a sentence when it is first asked about.
        body: for a headline, the article's text, where a speaker the headline opens with must speak too.
        title: for a text, its article's headline, which the text may repeat as a line of its own."""
        self.text, self.sentences = text, _split_glued_headline(text, sentences)
        sentences = self.sentences
        # (the headline repeated in the text, "Barr: …", is no sign that its name speaks there)
        self._title = _title_speaker(text, _without_line(body, text.strip())) if body is not None else None
        self._title_lines = _title_lines(text, title) if title else []
        self._post_heads = _post_heads(text)
        self._starts = [s for s, _ in sentences]
        self._given = list(_given(quotes, len(text)))
        transcript = _transcript_lines(text)
        self.quoted = sorted(set(_quote_spans(_unwrap(text, sentences))) | set(transcript))
        self._q_starts = [x[0] for x in self.quoted]
        self._q_speakers: dict[tuple[int, int], str | None] = dict(transcript)
        self._frames: dict[int, list] = {}

    def at(self, start: int, end: int) -> Voice:
        """The voice of text[start:end]: quoted beats attributed beats own."""
        k = bisect.bisect_right(self._q_starts, start)
        for a, b in reversed(self.quoted[max(0, k - 8):k]):     # quotes may nest; check the nearest few
            if a <= start < b:                                   # a term that starts inside quotation marks
                if self.text.rfind("[", a, start) > self.text.rfind("]", a, start):
                    return OWN                                   # '"We can call [to build a border wall] …"': an insertion
                if (a, b) not in self._q_speakers:
                    # the sentence's own named speaker first: the store's resolves pronouns ("he" -> "Dong Jun") but
                    # its resolution names the wrong person more often than a name the sentence gives
                    self._q_speakers[(a, b)] = (_quote_speaker(self.text, a, b, self.sentences)
                                                or _given_speaker(self._given, a, b) or None)
                return Voice("quoted", self._q_speakers[(a, b)])
        if self._title and start >= self._title[0]:
            return Voice("attributed", self._title[1])
        for a, b, speaker in self._title_lines:
            if a <= start and end <= b:
                return Voice("attributed", speaker)
        if any(a <= start and end <= b for a, b in self._post_heads):
            return UNCLEAR                  # perhaps the first line of an embedded post credited on the next line
        n = bisect.bisect_right(self._starts, start) - 1
        if n < 0:
            return OWN
        if n not in self._frames:
            s, e = self.sentences[n]
            spans, verbs = _frames(self.text, s, e)
            sources = [(m.start("spk"), m.end("spk")) for m in _ACCORDING_RE.finditer(self.text, s, e)]
            # core.quotes' speaker names a frame the rules left unnamed, but never an unsure one: its span is the
            # rules' guess ("…, according to Israeli tallies" over an earlier clause), which a speaker would make look sure
            self._frames[n] = ([(a, self._quote_end(a, b), sp if sp == UNSURE else sp or _given_speaker(self._given, a, b))
                                for a, b, sp in spans], verbs, sources)
        spans, verbs, sources = self._frames[n]
        if any(a <= start and end <= b for a, b in sources):
            return OWN                  # the source named ("according to gun control group X") is the outlet's description
        if any(a <= start and end <= b for a, b in verbs):
            # the reporting verb itself is the outlet's word, but inside what someone else is reported to have said
            # it may be theirs ("the MoD said Russia claimed …") or the outlet's background ("X vowed to question
            # the lawyer who claimed …"): the rules cannot tell, so it claims no voice. ("According to X, …, TASS
            # claimed" is left to _frames, whose closing frame is outermost.)
            inside = not sources and any(a <= start and end <= b for a, b, _ in spans)
            return UNCLEAR if inside else OWN
        for a, b, speaker in spans:
            if a <= start and end <= b:
                if speaker == UNSURE or speaker and _NAME_AFTER_RE.match(self.text, end) and is_news_outlet(speaker) \
                        and _outlets_report(speaker).search(self.text, self.sentences[n][0], self.sentences[n][1]):
                    # an epithet set before a person's name in a sentence credited to a news outlet ("This was stated
                    # by the press secretary of the Russian dictator Dmitry Peskov, TASS reports"): how the retelling
                    # names that person is the crediting writer's choice as likely as the outlet's; neither's for sure
                    # (fc40: Close the Sky over Ukraine's "dictator" was shown as TASS's). What the outlet reported
                    # stays its own ("a coup …, as reported by CNN": fc36), and so does a copy's "(via Reuters)"
                    return UNCLEAR
                return Voice("attributed", speaker)
        reach = SETTINGS.voice_unclear_reach
        if reach and any(not any(a <= m.start() < b for a, b in verbs) and not _after_determiner(self.text, m.start())
                         for m in _REPORTING_RE.finditer(self.text, max(self.sentences[n][0], start - reach), start)):
            return UNCLEAR                  # a reporting word no frame accounts for comes shortly before
        if reach and _CLOSING_REPORT_RE.search(self.text, end, self.sentences[n][1]):
            return UNCLEAR                  # a report the frames did not parse closes the sentence
        return OWN

    def _quote_end(self, start: int, end: int) -> int:
        """A frame that starts inside a quotation ends with it: '"Stop telling me …," said a man confronted by a
        mob' (the speaker's 'telling' frames his words, not the narration after the closing mark)."""
        k = bisect.bisect_right(self._q_starts, start)
        return next((min(end, b) for a, b in reversed(self.quoted[max(0, k - 8):k]) if a <= start < b), end)


# Words that report someone's statement, finding or plan: a term shortly after one in its sentence, outside
# every frame found, may still be the reported party's ("announced plans to build a wall", "urged Congress
# to …", "the report finds …"). The rules cannot tell, so it is shown as unclear, not as the outlet's
# (on the labelled draws most such terms outside a frame were someone else's words).
_REPORTING_RE = re.compile(r"\b(?:" + "|".join(sorted((SPEECH_VERBS | THAT_VERBS | INVERTED) - _FRAME_ONLY | {
    "according", "urged", "urges", "urging", "finds", "announce", "vowed", "pledged", "pledges", "described",
    "describes", "dubbed", "branded", "quoted", "citing", "cited"}, key=len, reverse=True))
    # a demand or a naming carries its content too ("called on Trump to … stop the rioters", "called for free and
    # fair elections", "who called the program an overreach"), but not "so-called X" or "a program called X"
    + r"|call(?:s|ed|ing)?\s+(?:on|for)|(?<=who )called|(?<=which )called|demand(?:s|ed)?)\b", re.I)
# A sentence closed by a report the frames did not parse ("…, reported AP.", "…, reported Reuters, citing an
# official.", "…, a Syrian officer who was informed of the move said."): what comes before may all be the source's
_CLOSING_REPORT_RE = re.compile(r",\s+(?!according\b)(?:[^,;:\"“”]{0,90}\s)?(?:said|says|reported|told|tells|stated|added|"
                                r"confirmed)\b(?:(?!\s['‘])[^,;:\"“”]){0,60}(?:,\s*citing\s[^,;:\"“”]{2,80})?[.!]?\s*$")


# A line that ends with an embedded post's credit ("Five police officers were killed … pic.twitter.com/… — Sulaiman
# Ahmed (@ShaykhSulaiman) June 23, 2024"): the post may have begun on the line above
_POST_CREDIT_LINE_RE = re.compile(r"^(?P<line>[^\n]*?)\s[—–-]{1,2}\s*[^()\n—–]{2,60}?\s*\(@\w{1,30}\)\s*"
                                  r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})?\W*$", re.M)
POST_LIMIT = 280            # a post's length at most: a line above that would make it longer is not the post's


def _post_heads(text: str) -> list[tuple[int, int]]:
    """The line right above a line ending with a post's credit, when both fit in one post and the one above does not
    introduce it ("BREAKING: A terrorist attack on …" over "Five police officers were killed … — Name (@handle)"):
    whose words it is, the poster's or the outlet's, the rules cannot tell."""
    out = []
    for m in (_POST_CREDIT_LINE_RE.finditer(text) if "(@" in text else ()):     # (cheap test first)
        if m.start() < 2 or text[m.start() - 1] != "\n":
            continue
        a = text.rfind("\n", 0, m.start() - 1) + 1
        above = text[a:m.start() - 1]
        if above.strip() and not above.rstrip().endswith(":") and not _POST_CREDIT_LINE_RE.match(above) \
                and len(above.strip()) + len(m.group("line").strip()) <= POST_LIMIT:
            out.append((a, m.start() - 1))
    return out


# A headline pasted before the story with a space and no full stop: "… rebels say they've captured Congo city of Goma The
# Rwandan-backed M23 rebel group claims they've captured …" (round 28): a capitalised "The" after a word that is no
# function or speech word, with a sentence-case run of at least four words before it
_GLUED_HEAD_RE = re.compile(r"(?<=[A-Za-z0-9])\s+(?=The\s+[A-Za-z])")
_GLUE_BEFORE_NOT = frozenset("""the a an of in on at to by for from with and or but as that than into about over under
after before said says say told tells according is are was were be been being has have had will would can could
called named dubbed titled""".split())


def _split_glued_headline(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences with the text's first one cut where a headline glued onto the story ends, if one does."""
    if not sentences:
        return sentences
    s, e = sentences[0]
    for m in _GLUED_HEAD_RE.finditer(text, s, e):
        before = text[s:m.start()].split()
        if len(before) < 4 or before[-1].lower() in _GLUE_BEFORE_NOT or before[-1].lower() in SPEECH_VERBS:
            continue
        if not any(w[:1].islower() for w in before[1:]) or re.search(r"[.!?:;]\s", text[s:m.start()]):
            continue                    # a title-case line ("Why The West …") or one with a stop: no glue
        return [(s, m.start()), (m.end(), e)] + sentences[1:]
    return sentences


def _unwrap(text: str, sentences: list[tuple[int, int]]) -> str:
    """The text with the line breaks inside sentences (hard-wrapped copy) read as spaces, same length, so a quotation
    wrapped over lines ('"shot down\nwith a Buk anti-aircraft system by terrorists"') is found whole."""
    if "\n" not in text or not any("\n" in text[s:e] for s, e in sentences):
        return text
    chars = list(text)
    for s, e in sentences:
        for k in range(s, e):
            if chars[k] == "\n":
                chars[k] = " "
    return "".join(chars)


def _after_determiner(text: str, pos: int) -> bool:
    """The word at pos follows a determiner, so it is a noun ("a warning shot", "the tweet"), not a report."""
    before = text[max(0, pos - 12):pos].split()
    return bool(before) and before[-1].lower() in _DETERMINERS


def _transcript_lines(text: str) -> dict[tuple[int, int], str | None]:
    """Transcript turns ("TUCKER CARLSON: …"): a line's text and its speaker. A dateline ("NEW DELHI: …") looks
    the same, so a turn is never the article's first line, speaks in the first or second person, and a one-word
    name must take more than one turn. Embedded posts ("Name @handle: …") and statements introduced on a line of their
    own are read here too."""
    found = [m for m in _TRANSCRIPT_RE.finditer(text) if text[:m.start()].strip() and _SPOKEN_RE.search(m.group("line"))]
    names = [m.group("spk").strip() for m in found]
    out = {(m.start("line"), m.end("line")): n.title() for m, n in zip(found, names)
           if len(n.split()) > 1 or names.count(n) > 1}
    out.update({(m.start("line"), m.end("line")): m.group("spk") for m in _POST_LINE_RE.finditer(text)})
    out.update({(m.start("line"), m.end("line")): _clean_speaker(m.group("spk").split())
                for m in _POST_ABOVE_CREDIT_RE.finditer(text)})
    out.update(_introduced_lines(text))
    return out


def _introduced_lines(text: str) -> dict[tuple[int, int], str | None]:
    """A paragraph without quotation marks introduced by a line that reports a statement and ends with a colon
    ("Nkurunziza's office posts on the president's Twitter and Facebook accounts:", "The statement reads:"): the
    paragraph is the statement, credited to the subject before the reporting word."""
    out = {}
    for m in _INTRODUCED_RE.finditer(text):
        head = _tokens(m.group("intro")[:m.start("verb") - m.start("intro")])
        if head and not any(c in m.group("line") for c in '"“”'):        # "Read more:" has no subject
            out[(m.start("line"), m.end("line"))] = _speaker_before(head) or None
    return out


def _title_speaker(title: str, body: str) -> tuple[int, str] | None:
    """(where the claim starts, who) for a headline "Name Surname: claim" whose speaker speaks in the article
    (the name's last word next to a speech verb), so a kicker ("Moscow attack: …", "EXPLAINER: …") is not one."""
    m = _TITLE_SPEAKER_RE.match(title)
    if not m or any(w.lower() in _KICKERS or (w.isupper() and len(w) > 3) for w in m.group("spk").split()):
        return None
    last = re.escape(m.group("spk").split()[-1].rstrip("'’s"))
    near = rf"\b{last}(?:'s|’s)?\W+(?:\S+\s+){{0,2}}?(?:said|says|told|tells|wrote|writes|claimed|claims|added|argued|insisted" \
           rf"|announced|announces|declared|declares)\b" \
           rf"|\b(?:said|says|according to)\s+(?:\S+\s+){{0,3}}?{last}\b|\b{last}:"      # "CARLSON: …" in a transcript
    return (m.end(), m.group("spk")) if re.search(near, body, re.I) else None


def _without_line(text: str, line: str) -> str:
    """The text without the lines that are exactly `line` (a headline the page repeats above its story)."""
    return re.sub(r"(?m)^[ \t]*" + re.escape(line) + r"[ \t]*$", "", text) if line and line in text else text


def _title_lines(text: str, title: str) -> list[tuple[int, int, str]]:
    """The headline "Name: claim" repeated as a line of the text (a page's heading above its story): the claim is
    the named speaker's there too, under the same test as in the title itself."""
    head = title.strip()
    found = _title_speaker(head, _without_line(text, head)) if len(head) > 10 else None
    if not found:
        return []
    return [(m.start(1) + found[0], m.end(1), found[1])
            for m in re.finditer(r"(?m)^[ \t]*(" + re.escape(head) + r")[ \t]*$", text)]


_WANTING = frozenset("want wants wanted wanting wish wishes wished wishing".split())


def _given(quotes, n: int):
    """The store's quotes as (start, end, direct|indirect, speaker or None), spans checked against the text."""
    for q in quotes or ():
        a, b = get(q, "quote_start"), get(q, "quote_end")
        if not isinstance(a, int) or not isinstance(b, int) or not 0 <= a < b <= n:
            continue
        kind = "indirect" if get(q, "kind", "") == "indirect" else "direct"
        # "Russia and China, who want "a world consistent with their authoritarian model"": what is wanted, quoted
        # from someone else (Mattis' letter in BASIL's NYT report), is no words of those who want it
        unnamed = get(q, "speaker_type", "") in ("pronoun", "unknown") or _low(str(get(q, "cue", "") or "")) in _WANTING
        # (a store's DataFrame rows hold NaN for a missing name: a float, truthy, shown as "NaN" by a card; round 32)
        names = [get(q, "canonical_speaker"), get(q, "speaker")]
        speaker = None if unnamed else next((x for x in names if isinstance(x, str) and x.strip()), None)
        yield a, b, kind, speaker


def _given_speaker(given, start: int, end: int) -> str | None:
    """The speaker of a given quote that overlaps [start, end), if any; words said by several at once (one span
    stored once per speaker: "the two leaders reaffirmed a "no-limits" partnership") name them all, and none when
    one of them has no name: crediting one would say it was theirs alone (the realworld Putin–Xi event's CBS card)."""
    span = next(((a, b) for a, b, _, sp in given if sp and a < end and start < b), None)
    if span is None:
        return None
    names = [sp for a, b, _, sp in given if (a, b) == span]
    if len(names) > 1 and None in names:
        return None
    return _joined(list(dict.fromkeys(names)))


def _joined(names: list[str]) -> str:
    """Names as one speaker: "A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Quoted stretches of text as (start, end): double quotation marks and short single-quoted phrases."""
    return _quote_spans(text)


def names_a_speaker(sentence: str) -> bool:
    """Whether a sentence holds a speech verb of its own ("…," Dong said), so its quotation is credited in it."""
    return any(_low(t) in SPEECH_VERBS or _low(t) in THAT_VERBS or _low(t) == "according" for t in _tokens(sentence))


_FINDING_RE = re.compile(r"\b(?:found|finds|find|concluded|concludes)\b", re.I)


def reports_someone(sentence: str) -> bool:
    """Whether a sentence reports anyone's words or findings at all (a speech verb, "according to", "found"):
    where a strict family's match claims no voice."""
    return names_a_speaker(sentence) or bool(_REPORTING_RE.search(sentence) or _FINDING_RE.search(sentence))


_OPEN_AS_CLOSE_RE = re.compile(r"(?<=\s)”(?=\w)")


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Double-quoted spans (core.quotes) and short single-curly-quoted phrases."""
    # '' closes a quotation in some corpora ("murderers out ''"): read it as a straight mark, same length
    # a closing mark after a space and before a word opens a quotation on some pages ('called the efforts ”voter
    # suppression tactics. … era.”'): read it as an opening mark, same length
    spans = [(sp.start, sp.end) for sp in find_quote_spans(_OPEN_AS_CLOSE_RE.sub("“", text.replace("''", '" ')))]
    spans += [(m.start(), m.end()) for m in _SINGLE_QUOTE_RE.finditer(text)
              if not any(a <= m.start() < b for a, b in spans)]
    return _over_paragraphs(text, spans)


def _over_paragraphs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotations that run over paragraphs. After a paragraph that opens a quotation at its start and leaves it
    open, the paragraphs without quotation marks and the first one whose first mark closes it (odd count, not at
    its start) are quoted up to that mark; a straight mark there was read as opening a quotation that runs to the
    paragraph's end ('It should never have been made, " Trump said …'), which is dropped. A quotation never
    closed is left alone: who speaks after it is unknown."""
    out, drop, pending, open_ = [], set(), [], False
    by_start = {a: (a, b) for a, b in spans}
    for m in re.finditer(r"[^\n]+", text):
        line, a = m.group(), m.start()
        marks = [k for k, ch in enumerate(line) if ch in '"“”']
        stripped = len(line) - len(line.lstrip())
        if open_ and not marks:
            pending.append((a, m.end()))
            continue
        if open_ and marks[0] > stripped and line[marks[0]] in '"”' and len(marks) % 2 == 1:
            read_as_open = by_start.get(a + marks[0])
            if read_as_open and text[read_as_open[1] - 1] not in '"”':
                drop.add(read_as_open)
            if read_as_open in drop or not any(x <= a + marks[0] < y for x, y in spans):
                out += pending + [(a, a + marks[0] + 1)]
        pending = []
        open_ = bool(marks) and marks[0] == stripped and len(marks) % 2 == 1 and line[marks[0]] in '"“'
    return [sp for sp in spans if sp not in drop] + out


def _quote_speaker(text: str, start: int, end: int, sentences) -> str | None:
    """Who a quotation is credited to: '"…," X said' after it, or 'X said: "…"' before it, in its sentence."""
    k = bisect.bisect_right([s for s, _ in sentences], max(0, end - 1)) - 1
    s_end = sentences[k][1] if k >= 0 else len(text)
    after = _tokens(text[end:max(end, s_end)][:160])
    speaker = _speaker_after(after)
    if speaker is not None:
        return speaker or None
    k0 = bisect.bisect_right([s for s, _ in sentences], start) - 1
    s_start = sentences[k0][0] if k0 >= 0 else 0
    before = _tokens(text[max(s_start, start - 200):start])
    for i in range(len(before) - 1, -1, -1):
        if _low(before[i]) in SPEECH_VERBS or _low(before[i]) in THAT_VERBS:
            inverted = i > 1 and before[i - 1] == "," and before[i - 2] in "”\"’"    # '"…," said Alexei: "…"'
            if i > 0 and before[i - 1] == "," and _low(before[i]).endswith("ing"):
                return None                        # "X took aim at Y, saying …": the main clause's subject, unparsed
            return _speaker_after_verb(before[i + 1:]) if inverted else _speaker_before(before[:i])
    return None


def _frames(text: str, s: int, e: int) -> tuple[list[tuple[int, int, str | None]], list[tuple[int, int]]]:
    """Attributed content spans of one sentence with their speakers, and the spans of the reporting verbs
    themselves ("TASS claimed": the verb is the outlet's choice, whoever's the content is)."""
    sent = text[s:e]
    dl = _DATELINE_RE.match(sent)
    s0 = s + (dl.end() if dl else 0)
    lead = _LEAD_CLAUSE_RE.match(sent, s0 - s)
    out = [(_according_start(sent, m, s, s0, lead), e, _clean_speaker(m.group("spk").split()))
           for m in _ACCORDING_RE.finditer(sent) if _low(m.group("spk").split()[-1]) not in _NORM_SOURCES]
    # a last clause with no subject of its own under a closing "according to X" ("Soldiers occupied the village for
    # two days before leaving on Sunday, after burning down …, according to locals") goes on with the main clause's
    # deed, which is perhaps X's account too; a clause with its own subject ("… as Russia sought to help Trump,
    # according to US intelligence agencies") leaves the earlier ones the outlet's (round 27)
    base = s + lead.end() if lead else s0
    out += [(base, a, UNSURE) for a, _, _ in out
            if a > base and re.search(r",\s+(?:after|before|while|when|since)\s+$", sent[:a - s])
            and re.match(r"\s*[a-z]+ing\s", sent[a - s:])]
    out += [(a0, a, UNSURE) for a0, a in _closing_according(sent, s, out)]
    out = _mid_according(sent, s, out)
    # a source for the whole sentence ("According to X, Y claims …"): its reporting verbs are X's too
    outer = [m.start() for m in _ACCORDING_RE.finditer(sent)]
    per = _AS_PER_RE.match(sent, s0 - s)
    per_spk = per and _low(per.group("spk").split()[-1]) not in _NORM_SOURCES | _PER_NORMS
    if per_spk:
        outer.append(per.start("spk"))
    verbs: list[tuple[int, int]] = []
    reported: list[tuple[int, int, str | None]] = []     # the frames of a closing "as reported by X"
    view = _VIEWPOINT_RE.match(sent, s0 - s)
    holder = view and next(g for g in view.group("spk", "spk2", "spk3", "spk4") if g)
    if holder and _low(holder.split()[-1]) not in _NOT_HOLDERS and _low(holder.split()[0]) not in _NOT_HOLDERS - {"the"}:
        out.append((s + view.end(), e, _clean_speaker(holder.split()) or UNSURE))
    for m in _NEGATED_SUGGESTION_RE.finditer(sent):
        out.append((s + m.end(), _clause_end(text, s + m.end(), e), UNSURE))
    if _REPORTED_RE.search(sent):
        out.append((s0, e, UNSURE))
    for m in _REPORTEDLY_RE.finditer(sent):                # "principles that reportedly call for …": reported
        out.append((s + m.end(), _clause_end(text, s + m.end(), e), UNSURE))
    for m in _SEEN_AS_RE.finditer(sent):
        end = _clause_end(text, s + m.end(), e)
        if re.search(r"\bwhat\s+(?:\w+\s+)?$", sent[:m.start()], re.I):
            comma = text.find(",", s + m.end(), end)   # "In what has been deemed X, a gunman …": the noun phrase only
            end = comma if comma >= 0 else end
        by = m.group("spk") or (lambda b: b.group("spk") if b else "")(_BY_RE.search(text, s + m.end(), end))
        # "is seen as a major concession" with nobody named: the outlet's hedge or someone's view, the rules cannot
        # tell, so it claims no voice ("accused of" with nobody named is someone's accusation: attributed)
        unnamed = None if m.group().lower().endswith("accused of") else UNSURE
        out.append((s + m.end(), end, _clean_speaker((by or "").split()) or unnamed))
    for m in _NAMED_AS_RE.finditer(sent):
        out.append((s + m.end(), _clause_end(text, s + m.end(), e), UNSURE))
    for m in _REFERRED_RE.finditer(sent):
        if _PASSIVE_BEFORE_RE.search(sent, 0, m.start()):
            continue                               # "is referred to as …", "was referred to the court": no holder
        speaker = _speaker_before(_tokens(sent[:m.start()]))
        if speaker is None:
            continue                               # "…, often referred to as …": _NAMED_AS_RE's
        if m.group("as").strip():                  # the complement after "as", to the clause's end
            out.append((s + m.end(), _clause_end(text, s + m.end(), e), speaker or None))
        else:                                      # the object named
            out.append((s + m.start("obj"), s + m.end("obj"), speaker or None))
        verbs.append((s + m.start("verb"), s + m.end("verb")))
    for m in _AS_REPORTED_RE.finditer(sent):
        start = max([s + lead.end() if lead and m.start() > lead.end() else s0]
                    + [s + c.end() for c in _LAST_CLAUSE_RE.finditer(sent, 0, m.start())])
        out.append((start, s + m.start(), _clean_speaker(m.group("spk").split())))
        reported.append(out[-1])
        if start > s0:
            out.append((s0, start, UNSURE))          # the earlier clauses: perhaps the source's too
    what_verbs = {m.start("verb") for m in _WHAT_CALLED_RE.finditer(sent)}
    for m in _AS_RE.finditer(sent):
        if re.search(r",[\"”’]?\s+[A-Z]", m.group("obj")):
            continue                               # 'Decrying what he called a "coup," Evo Morales resigned as …'
        if m.group("verb").lower().startswith("investigat") and not m.group("obj").strip():
            continue                               # "is being investigated as a hate crime": by nobody named
        if _as_noun(sent, m):
            continue                               # "the Jan. 6 attack that left … as rioters …": a noun, no verb
        head = _tokens(sent[:m.start()])
        speaker = _speaker_before(head[:-1] if head and _low(head[-1]) in ("what", "that") else head)
        if m.group("verb").lower().endswith(("ed", "en", "cast")) and _PASSIVE_BEFORE_RE.search(sent, 0, m.start()):
            # "whose delays are widely recognized as …" (a participle after a form of "be"; "is investigating" is active)
            agent = _BY_AGENT_RE.match(m.group("obj"))
            speaker = _clean_speaker(agent.group("spk").split()) if agent else UNSURE
        end = _clause_end(text, s + m.end(), e)
        sub = _AS_END_RE.search(text, s + m.end(), end)
        if sub:                                    # "recognized Guaido as the interim president … minutes after the
            end = sub.start()                      # opposition leader declared …": the complement is a noun phrase
        if m.start("verb") in what_verbs:          # "what the military described as X in Gaza, killing …": the
            comma = text.find(",", s + m.end(), end)   # description is a noun phrase, ended by a comma at the latest
            end = comma if comma >= 0 else end
        out.append((s + m.end(), end, speaker or None))
        verbs.append((s + m.start("verb"), s + m.end("verb")))
    for m in _CALLED_RE.finditer(sent):
        if m.group("verb").lower().startswith(("consider", "deem")) and _PASSIVE_BEFORE_RE.search(sent, 0, m.start()):
            continue                               # "was considered the second most powerful …": _SEEN_AS_RE's
        head = _tokens(sent[:m.start()])
        speaker = _speaker_before(head[:-1] if head and _low(head[-1]) in ("what", "that") else head)
        out.append((s + m.start("comp"), _clause_end(text, s + m.start("comp"), e), speaker or None))
        verbs.append((s + m.start("verb"), s + m.end("verb")))
    for m in _WHAT_CALLED_RE.finditer(sent):
        spk = _clean_speaker(m.group("spk").split())
        out.append((s + m.end(), _named_end(text, s + m.end(), _clause_end(text, s + m.end(), e)),
                    None if _low(spk or "") in PRONOUNS else spk))
        verbs.append((s + m.start("verb"), s + m.end("verb")))
    for m in _THAT_CALLED_RE.finditer(sent):
        if _PASSIVE_BEFORE_RE.search(sent, 0, m.start("verb")):
            continue                               # "a program that is called a lifeline": nobody named
        spk = _clean_speaker(m.group("spk").split())
        out.append((s + m.end(), _clause_end(text, s + m.end(), e), spk if spk and _low(spk) not in PRONOUNS else None))
        verbs.append((s + m.start("verb"), s + m.end("verb")))
    for m in _SOUGHT_BY_RE.finditer(sent):
        out.append((s + m.end(), _clause_end(text, s + m.end(), e), _clean_speaker(m.group("spk").split()) or None))
    for m in _FOUND_RE.finditer(sent):             # (from the verb's end: a quotation right after it is inside)
        a = s + m.start() + len(m.group().split()[0])
        out.append((a, _clause_end(text, a, e), _speaker_before(_tokens(sent[:m.start()])) or None))
    via = _VIA_RE.search(sent)
    if via:
        out.append((s0, s + via.start(), _clean_speaker(via.group("spk").split())))
    post = _POST_CREDIT_RE.search(sent)
    if post:
        out.append((s0, s + post.start(), _clean_speaker(post.group("spk").split())))
    for m in _CLEAR_RE.finditer(sent):
        out.append((s + m.end(), _clause_end(text, s + m.end(), e), _speaker_before(_tokens(sent[:m.start()])) or None))
    for m in (_FOR_RE.finditer(sent) if _FOR_STATEMENT_RE.search(sent) else ()):
        head = _tokens(sent[:m.start()])
        out.append((s + m.end(), _clause_end(text, s + m.end(), e), _speaker_before(head) or None))
    for m in _AGAINST_RE.finditer(sent):
        out.append((s + m.end(), _clause_end(text, s + m.end(), e), _speaker_before(_tokens(sent[:m.start()])) or None))
    for m in _ATTRIBUTING_RE.finditer(sent):
        with_ = re.search(r"\bwith\s+((?:[\w'’-]+\s+){1,4})$", sent[:m.start()])   # "…, with some officials attributing"
        spk = _clean_speaker(with_.group(1).split()) if with_ else _speaker_before(_tokens(sent[:m.start()]))
        out.append((s + m.end(), _clause_end(text, s + m.end(), e), spk or None))
    for m in _JUSTIFY_RE.finditer(sent):           # (a reason the defender gave, or the outlet's for a defence in arms:
        out.append((s + m.end(), _clause_end(text, s + m.end(), e), UNSURE))   # "defended the city because …")
    for m in _HIGHLIGHT_RE.finditer(sent):
        spk = _speaker_before(_tokens(sent[:m.start()]))
        if _is_name(spk) or _low((spk or "").split()[-1] if spk else "") in _DOCUMENTS:
            out.append((s + m.end(), _clause_end(text, s + m.end(), e), spk if _is_name(spk) else UNSURE))
    for m in _CLAIM_NOUN_RE.finditer(sent):
        end = _clause_end(text, s + m.end(), e)
        if m.group().rstrip().lower().endswith("of"):      # "claims of fraud and incite …": a noun phrase
            conj = text.find(" and ", s + m.end(), end)
            end = conj if conj >= 0 else end
        by = m.group("by") and _clean_speaker(m.group("by").split())     # "the allegations by PTI that …": PTI's
        out.append((s + m.end(), end, by or (None if _has_owner(sent, m) else UNSURE)))
    for m in _CLAIM_COMPOUND_RE.finditer(sent):
        out.append((s + m.start(), s + m.end(), UNSURE))
    headline = not sent.rstrip().endswith((".", "!", "?", "”", '"'))
    tail = _CREDIT_TAIL_RE.search(sent) if headline else None
    tail_spk = tail and (tail.group("spk") or tail.group("spk2") or tail.group("spk3"))
    if headline and (not tail_spk or len(tail_spk.split()) > 5):
        tail = _CREDIT_OCCASION_RE.search(sent)
        tail_spk = tail and tail.group("spk")
    if tail_spk and tail.re is _CREDIT_TAIL_RE and tail.group("spk2") \
            and _low(sent[:tail.start()].split()[-1] if sent[:tail.start()].split() else "") in _CREDIT_WORDS:
        tail_spk = None                            # "… in Niamey Photo: REUTERS": a photo credit, no speaker
    if tail_spk and len(tail_spk.split()) <= 5 and tail.group().lstrip()[:1] in "-–—" \
            and re.search(r"\s[-–—]\s", sent[:tail.start()]):
        # "Kazakhstan - 2022 Uprising - Tick-Tock": a title of parts, not "claim - Speaker"; whose the words are, the
        # rules cannot tell
        out.append((s0, s + tail.start(), UNSURE))
        tail_spk = None
    if tail_spk and len(tail_spk.split()) <= 5:
        out.append((s0, s + tail.start(), _clean_speaker(tail_spk.split())))
        outer.append(0)
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(sent)]
    ws = [t[0] for t in toks]
    long_words = [w for w in ws if len(w) > 3]
    title_case = bool(long_words) and sum(w[:1].isupper() for w in long_words) >= 0.6 * len(long_words)
    skip_until = 0                                 # a later frame starts after the content of an earlier one
    tails = []                                     # unsure rests after a quoted content: after every other frame
    for i, w in enumerate(ws):
        low = _low(w)
        if (low not in SPEECH_VERBS and low not in THAT_VERBS) or (i and _low(ws[i - 1]) in ("be", "been", "being")) \
                or toks[i][1] < skip_until:
            continue
        if low.endswith("ing") and s + toks[i][1] == s0 and "," in ws[i + 1:] and low not in _DENY:
            # (an opening "Denying the allegations, X claimed …" frames nothing: verbs of denying, below)
            comma = ws.index(",", i + 1)           # "Accusing the far right of …, the party declared": the subject's
            out.append((s + toks[i][2], s + toks[comma][1], None))
            skip_until = toks[comma][2]
            continue
        if i and (_low(ws[i - 1]) in _NEGATIONS or _low(ws[i - 1]).endswith(("n't", "n’t"))):
            continue                               # "the report does not allege a conspiracy": nothing reported
        if low == "alleged" and i and _low(ws[i - 1]) in PREPOSITIONS | {"into", "about", "over", "of", "against"}:
            continue                               # "the probe into alleged collusion": an adjective
        if w[:1].isupper() and not title_case:
            continue                               # "the United States", not a verb
        if i and (_low(ws[i - 1]) in _DETERMINERS or ws[i - 1].endswith(("'s", "’s"))) \
                and not (_low(ws[i - 1]) in _QUANTIFIERS and (i == 1 or not ws[i - 2][:1].isalnum())
                         and i + 1 < len(ws) and _low(ws[i + 1]) in _THAT_OR_SUBJECT):
            continue                               # "the tweet", "Trump's claims": nouns; "Some grumbled that …",
            #                                        "Some argue they are …" (a pronoun subject after it) are not
        if low in NOUN_LIKE and i + 1 < len(ws) and not _starts_clause(ws[i + 1:]):
            continue                               # "baseless claims of fraud", "a campaign promise, a …": nouns
        if low in _BASE_FORMS and i and i + 1 < len(ws) and not _starts_clause(ws[i + 1:]) \
                and _low(ws[i - 1]) not in _BASE_SUBJECT and not ws[i - 1].endswith("s") and ws[i - 1] not in ",;:":
            continue                               # "the second recall election": a noun's modifier, not a verb
        if _NOT_SPEECH_NEXT.get(low) and i + 1 < len(ws) and _low(ws[i + 1]) == _NOT_SPEECH_NEXT[low]:
            continue                               # "contends with intense scrutiny"
        quoted_as = i > 1 and [_low(ws[i - 2]), _low(ws[i - 1])] == ["quoted", "as"]   # "quoted as saying by Interfax"
        if low in _DENY or (i + 1 < len(ws) and ((_low(ws[i + 1]) == "by" and not quoted_as)   # "claimed by the TPLF"
                                                  or _low(ws[i + 1]) in _NO_SPEECH_OBJECT.get(low, ()))):
            verbs.append((s + toks[i][1], s + toks[i][2]))   # the verb is the outlet's; it frames no words
            continue
        rest = [t for t in ws[i + 1:] if t[:1].isalnum()]
        after = [t for t in ws[i + 1:] if _low(t) not in _NOT_SPEAKER_END]     # "reported Monday, citing …"
        closes = not after or after[0] in ",;"
        if low not in SPEECH_VERBS and not closes \
                and next((t for t in map(_low, rest) if t not in _NOT_SPEAKER_END and t != "out"), "") != "that" \
                and not _pronoun_clause(rest):
            continue                               # "announced a probe"; but "…, TASS reported." closes a sentence
        verb = (s + toks[i][1], s + toks[i][2])
        upto_comma = [t for t in ws[i + 1:ws.index(",", i) if "," in ws[i + 1:] else len(ws)] if t[:1].isalnum()]
        punct = _speaker_phrase_start(ws, max((k for k in range(i) if ws[k] in ",”\"’—–"), default=-1))
        # '"…," X said': a quotation closed with a comma before it ('"…" and said' is the subject going on)
        after_quote = punct > 0 and ((ws[punct] in "”\"’" and ws[punct - 1] == ",")
                                     or (ws[punct] == "," and ws[punct - 1] in "”\"’"))
        # a quotation closing before the frame is the speaker's; narration before its opening mark stays the outlet's
        # ('Calling the wall "a … barrier," Trump said')
        c0 = max(s0, s + max(sent.rfind(q, 0, toks[punct - 1][1]) for q in '"“')) if after_quote else s0
        # … nor does a trailing frame reach back over a clause boundary ("…: a vigil marred by a mob; and another,
        # after which, the police said, someone …")
        c0 = max(c0, s + max((sent.rfind(b, 0, toks[punct][1]) + 1 for b in ";:"), default=0))
        if punct > 0 and i == punct + 1 and low in INVERTED and upto_comma \
                and (upto_comma[0][:1].isupper() or _low(upto_comma[0]) in ("the", "a", "an")) \
                and not any(_low(t) in _AUX for t in upto_comma) \
                and (after_quote or len(upto_comma) <= TRAILING_REST):
            out.append((c0, s + toks[punct][1], _speaker_after_verb(ws[i + 1:]) or None))   # '…," said Alexei'
            verbs.append(verb)                     # a trailing frame is outermost: its verb is the outlet's
            skip_until = toks[i][2]
            continue
        trailing = after_quote or closes or ("that" not in map(_low, upto_comma) and (not rest or _low(rest[0]) in _ADVERBIAL_START))
        if trailing and not closes and not after_quote and punct > 0 and _low(ws[punct + 1]) in ("and", "but"):
            trailing = False                       # "…, and local officials said at least three …": a clause of its own
        if after_quote and i == punct + 1 and not closes and len(rest) > TRAILING_REST and _pronoun_clause(rest):
            trailing = False                       # '…, who called them "rapists," insists he'll …': the quote is the subject's
        told = low in _TELL and 0 < len(rest) <= 3 and not any(_low(t) in _CLAUSE_WORDS for t in rest)
        if low in _TELL and not told and 0 < len(upto_comma) <= 3 and len(upto_comma) < len(rest) \
                and not any(_low(t) in _CLAUSE_WORDS for t in upto_comma) and _low(rest[len(upto_comma)]).endswith("ing"):
            told = True                            # '…, a security source told AFP, leaving four dead': a participle
            #                                        after the comma goes on with the event, not with the report
        trailing = trailing or told                # '…, officials tell Axios.'
        limit = TRAILING_SPEAKER_WORDS if (closes or told) and not any(_low(t) in _CLAUSE_WORDS for t in ws[punct + 1:i]) \
            else MAX_SPEAKER_WORDS
        if quoted_as and i > 3 and _low(ws[i - 3]) in _AUX:
            limit += 3                             # "…, an official was quoted as saying by Interfax": the verb's words
        if punct > 0 and i - punct - 1 <= limit and trailing and _low(ws[punct + 1]) == "which":
            verbs.append(verb)                     # '…, which Trump denies.': what he denies is the outlet's wording
            skip_until = toks[i][2]
            continue
        if punct > 0 and i - punct - 1 <= limit and trailing and _low(ws[punct + 1]) == "as" and not after_quote:
            # '…, including that X, as he promised': "as" tags only the clause right before it
            c0 = max(c0, s + max((toks[k][2] for k in range(punct) if ws[k] in ",;:"), default=0))
        if punct > 0 and i - punct - 1 <= limit and trailing:
            speaker = _speaker_before(ws[:i]) or None
            out.append((c0, s + toks[punct][1], speaker))   # '…, the spokesman said.'
            verbs.append(verb)
            skip_until = toks[i][2]
            nxt = _low(ws[i + 2]) if i + 2 < len(ws) else ""
            if ws[i + 1:i + 2] == [","] and nxt[:1].isalnum() and not nxt.endswith("ing") \
                    and nxt not in PREPOSITIONS | _CLAUSE_WORDS | _GLOSS_START | {"according", "adding", "citing"} \
                    and not _TIME_GAP_RE.match(text, s + toks[i + 2][1]):  # '…, police said, rioters hit …'
                end = _clause_end(text, s + toks[i + 1][2], e)
                out.append((s + toks[i + 1][2], end, speaker))
                skip_until = end - s
            continue
        relative = i > 0 and _low(ws[i - 1]) in ("that", "which", "who")           # "reporting that said …"
        # ", many of whom falsely claim …": a relative clause set off by a comma, its subject a pronoun
        k_c = max((k for k in range(i) if ws[k] == ","), default=-1)
        aside = 0 <= k_c and i - k_c <= 6 and any(_low(t) in ("who", "whom", "which") for t in ws[k_c + 1:i])
        relative = relative or aside
        after_comma = low.endswith("ing") and i > 0 and ws[i - 1] == ","        # "…, alleging": the main subject's
        speaker = None if relative or after_comma else _speaker_before(ws[:i])
        participle = low.endswith("ing")                           # "…, saying it had fired", "… alleging that"
        infinitive = i > 0 and _low(ws[i - 1]) == "to" and not low.endswith("s")   # "to claim …", not "to claims"
        if rest and _low(rest[0]) in _NO_CONTENT and (len(rest) == 1 or _low(rest[1]) in _NO_CONTENT_NEXT
                                                       or ws[ws.index(rest[0], i) + 1:][:1] == [","]):
            continue                               # "has said little about …", "said something, like …": no content
        if low in NP_VERBS and rest and _low(rest[0]) in NP_VERBS[low]:
            continue                               # "promised a counterattack", "denied the claim": an object, not speech
        if infinitive and low in _INTRANSITIVE and not (rest and _low(rest[0]) == "that"):
            continue                               # "refused to testify facing …": no content follows
        if speaker is None and i > 0 and not participle and not relative and not infinitive:
            if low not in SPEECH_VERBS or low in NOUN_LIKE:
                continue                           # "As reported, the FSB said …", "drawing vows of …": try the next verb
            # a speech verb whose subject is not parsed ("X, the city's deputy commissioner of …, said a worker …"):
            # what follows is still reported speech, its speaker left unnamed
        start = s + toks[i][2]
        end = _clause_end(text, start, e)
        close = _CLOSING_REPORT_RE.search(text, start, end) if end == e else None
        if close and not any(o < toks[i][1] for o in outer):
            end = close.start()                    # '… after the group reported that …, the group reported.': the
            #                                        closing report is a frame of its own, its subject the outlet's
        if lead and toks[i][1] < lead.end():       # "When Mueller accused X of …, it was kept …": the lead clause only
            end = min(end, s + lead.end() - 1)
        elif lead and _lead_apposition(sent[lead.end():toks[i][1]]):
            # "Hours after the ECOWAS chairperson, President Bola Tinubu, warned that …, the coup plotters have warned":
            # the verb is still the lead clause's, its content ends at a comma; the main clause after it is the
            # outlet's or more of the report, the rules cannot tell
            comma = text.find(",", start, end)
            if comma > 0:
                tails.append((comma, end, UNSURE))
                end = comma
        comma = text.find(",", start, end) if aside else -1
        if comma > 0:                              # "…, who claim the vote was stolen, smashed …": the aside's content
            tails.append((comma, end, UNSURE))     # ends at its comma; after it the outlet's narration or more of the
            end = comma                            # report, the rules cannot tell
        after_as = _as_clause(text, start, end)
        if after_as:                               # "rebels said they had entered Damascus as Assad's regime appeared
            tails.append((after_as, end, UNSURE))  # to collapse": the "as" clause may be the outlet's gloss on the report
            end = after_as
        quoted = _QUOTED_CONTENT_RE.match(text, start, end)
        if quoted:                                 # 'by saying "we're coming for you", having called for …': the
            tails.append((quoted.end(), end, UNSURE))   # quotation is what was said; after its comma the outlet's
            end = quoted.end("a") if quoted.group("a") else quoted.end("b")   # narration or more of the report
        # a pronoun or a possessor ("he said …", "Trump's promises that …") is a subject the rules see but do not name
        sure = i and (_low(ws[i - 1]) in PRONOUNS or ws[i - 1].endswith(("'s", "’s")))
        out.append((start, end, speaker or (None if sure else UNSURE)))   # 'X said (that) …'
        if not any(o < toks[i][1] for o in outer):
            verbs.append(verb)
        verbs += [(s + t[1], s + t[2]) for k, t in enumerate(toks[i + 1:], i + 1)      # "…, claiming it was …"
                  if ws[k - 1] == "," and _low(t[0]).endswith("ing") and _low(t[0]) in SPEECH_VERBS
                  and not any(o < t[1] for o in outer)]
        skip_until = end - s
    # every reporting verb is the outlet's choice of word ("…, the Russian side claims that …" inside another
    # report), except under a source named for the whole sentence ("According to X, Y claimed …")
    verbs += [(s + t[1], s + t[2]) for k, t in enumerate(toks)
              if _low(t[0]) in SPEECH_VERBS and not any(o < t[1] for o in outer)
              and (_low(t[0]) not in NOUN_LIKE or (k + 1 < len(ws) and _low(ws[k + 1]) == "that"
                                                     and not (k and _low(ws[k - 1]) in SPEECH_VERBS)))
              and not (k and (_low(ws[k - 1]) in _DETERMINERS or ws[k - 1].endswith(("'s", "’s"))))]
    if per_spk:                 # last: the frames inside it ("Khan claimed the US …") keep their own speakers
        out.append((s + per.end(), e, _clean_speaker(per.group("spk").split())))
    # a claim framed inside what a closing "as reported by X" credits is the claimant's: "he claimed he was forced out
    # in a coup, as reported by CNN" (fc36's Business Insider India showed Morales' "coup" as CNN's); X keeps the rest
    for fr in reported:
        inner = [a for a, b, sp in out if fr[0] < a and b <= fr[1] and sp != UNSURE and (a, b, sp) != fr]
        if inner:
            out[out.index(fr)] = (fr[0], min(inner), fr[2])
    out = _clip_opening(sent, s, s0, out + tails)
    return _glosses(sent, s, out) + out, verbs


# An aside between commas that opens with a past participle and a preposition ("Crimea's disputed referendum vote on
# Sunday, held under Russian military occupation, had shown …"): inside reported speech it may be the outlet's gloss
# as well as the speaker's words
_GLOSS_RE = re.compile(r"(?<=\w),\s+(?P<p>[a-z]+ed|held|built|made|taken|known|seen|led|won|run|shot|hit|fought|drawn|given"
                       r"|written|kept|set|brought|caught|born|sworn|torn|shown)\s+(?:under|by|in|at|on|during|amid|after|"
                       r"before|without|with|from|against|over|across|near|since|for)\s[^,;:\"“”()]{2,100}?,(?=\s)")


def _glosses(sent: str, s: int, frames: list) -> list:
    """The participle asides inside a frame with a speaker, as unsure frames (to put before the others, which they
    override): whose gloss they are the rules cannot tell."""
    out = []
    for m in _GLOSS_RE.finditer(sent):
        if m.group("p") in SPEECH_VERBS or m.group("p") in THAT_VERBS:
            continue                               # "…, claimed by the group, …": a report of its own
        a, b = s + m.start() + 1, s + m.end() - 1
        if any(a0 < a and b <= b0 and spk != UNSURE for a0, b0, spk in frames):
            out.append((a, b, UNSURE))
    return out


def _clip_opening(sent: str, s: int, s0: int, frames: list) -> list:
    """A frame inside an opening participle clause ends with it: 'Decrying what he called a "coup," Evo Morales
    resigned … amid an increasingly violent uprising' (the main clause after the comma is the outlet's)."""
    m = _OPENING_RE.match(sent, s0 - s)
    if not m:
        return frames
    comma = s + m.end() - 1
    return [(a, min(b, comma) if a < comma else b, spk) for a, b, spk in frames if a < comma or a > comma + 2]


# the word before a trailing "X: Y" that makes it a picture's credit, not a source's ("Photo: REUTERS", "Credit: AP")
_CREDIT_WORDS = frozenset("photo photos photograph picture pictures image images credit credits illustration graphic "
                          "video file".split())
# subjects that highlight in a source's words, though no one is named ("the report highlighted …")
_DOCUMENTS = frozenset("report reports study studies statement letter survey analysis review paper audit investigation "
                       "inquiry probe document documents memo filing".split())


def _is_name(speaker: str | None) -> bool:
    """Whether a parsed subject names someone: a capitalised word after any determiner or possessive ("Joe Mulhall",
    not "Her ordeal" or "The incident")."""
    words = (speaker or "").split()
    while words and words[0].lower() in _DETERMINERS | PRONOUNS:
        words = words[1:]
    return bool(words) and words[0][:1].isupper()


def _lead_apposition(between: str) -> bool:
    """Whether the words between a leading clause's first comma and a verb are only an apposition closed by a comma
    ("Hours after the ECOWAS chairperson, | President Bola Tinubu, | warned"): the verb is still the lead clause's."""
    return between.rstrip().endswith(",") and between.count(",") == 1 and 0 < len(between.split()) <= 6 \
        and not any(_low(w) in SPEECH_VERBS | THAT_VERBS for w in between.split())


# An "as" clause with its own subject and verb after the content of a report ("… said they had entered Damascus on
# Sunday as President Bashar al-Assad's regime appeared to collapse"): the speaker's words or the outlet's gloss
_AS_CLAUSE_RE = re.compile(r"\s(?:as|even as|just as)\s+(?=(?:the|his|her|its|their|he|she|they|it|we|[A-Z][\w'’.-]*)\s)"
                           r"(?:[\w'’.-]+\s+){0,6}?(?:was|were|is|are|had|has|have|would|will|could|appeared|appears|seemed"
                           r"|seems|began|begins|continued|continues|came|comes|went|goes|took|takes|grew|grows|fell|falls"
                           r"|rose|rises|looked|looks|moved|moves|sought|seeks|tried|tries|struggled|struggles|prepared"
                           r"|prepares|gathered|gathers)\b")
# words before "as" that make it a role or a comparison, not a clause ("such as", "known as the …", "served as")
_AS_ROLE_BEFORE = frozenset("""such well same so known seen regarded described serve serves served serving act acts acted
acting designated listed identified classified branded labelled labeled treated treat treats counted twice half""".split())


def _as_clause(text: str, start: int, end: int) -> int:
    """Where an "as" clause with its own subject and verb starts inside reported content, or 0."""
    for m in _AS_CLAUSE_RE.finditer(text, start, end):
        before = text[start:m.start()].split()
        if before and _low(before[-1]) not in _AS_ROLE_BEFORE and m.end() <= end:
            return m.start()
    return 0


def _as_noun(sent: str, m: re.Match) -> bool:
    """Whether the "verb" of an "X-ed Y as Z" match is a noun: a bare or -s form after a determiner, count or
    possessive ("an air attack on …", "the Jan. 6 attack"), or before a relative pronoun ("the attack that left …
    as rioters …"), or one whose object holds a report of its own ("an attack on a rebel position, the militia said,
    as the junta presses on": round 27)."""
    verb, obj = m.group("verb").lower(), m.group("obj")
    if any(_low(w) in SPEECH_VERBS | INVERTED for w in _tokens(obj)):
        return True
    if verb.endswith(("ed", "ing")) or verb in ("cast", "saw"):
        return False
    before = _tokens(sent[:m.start("verb")])[-2:]
    return any(_low(w) in _DETERMINERS or w[:1].isdigit() or w.endswith(("'s", "’s")) for w in before) \
        or bool(re.match(r"\s*(?:that|which|who)\s", obj))


def _has_owner(sent: str, m: re.Match) -> bool:
    """A claim noun with its owner ("Trump's promises that …", "his comment …", "concern by the administration
    that …"): whose the content is, the text says; "claims of fraud" alone does not."""
    before = sent[:m.start()].split()
    return bool(re.search(r"\s(?:by|from|among|of)\s.+\sthat\s$", m.group())) or bool(before) and (
        before[-1].lower() in ("his", "her", "their", "its", "our", "my", "your") or before[-1].endswith(("'s", "’s")))


def _closing_according(sent: str, s: int, frames: list) -> list:
    """The "according to X" frames that close a sentence of several comma-separated clauses, cut to the last one.
    Such a tag surely covers the clause it follows; whether it covers the earlier ones too ("The House approved
    $1.6 billion for the border wall, however, estimates show …, according to DHS figures") the rules cannot tell,
    so the caller shows those as unclear. frames is changed in place; returns (old start, new start) of each cut."""
    cut = []
    for k, (a, e, spk) in enumerate(frames):
        tag = sent.rfind("according to", a - s)
        if tag < 0 or sent[tag:].count(",") or not sent[:tag].rstrip().endswith(","):
            continue                                # a tag opening or inside the sentence: not a closing one
        comma = sent.rfind(",", a - s, sent[:tag].rstrip().rfind(","))
        if comma > 0:
            frames[k] = (s + comma + 1, e, spk)
            cut.append((a, s + comma + 1))
    return cut


def _mid_according(sent: str, s: int, frames: list) -> list:
    """An "according to X" between commas in mid-sentence covers the clause it follows only: the main clause before
    that and the words after the tag are not surely X's ("Israeli forces raided a militant stronghold …, killing at
    least seven, according to local authorities, in some of the deadliest …"), so they claim no voice (unsure)."""
    out = []
    for a, e, spk in frames:
        tag = sent.find("according to", a - s, e - s)
        after = _ACCORDING_RE.match(sent, tag) if tag > 0 and spk != UNSURE else None
        if after is None or not sent[:tag].rstrip().endswith(",") or not sent[after.end():].startswith(",") \
                or not sent[after.end() + 1:].strip(" .\"”’)"):
            out.append((a, e, spk))
            continue
        comma = sent.rfind(",", a - s, sent[:tag].rstrip().rfind(","))
        c = s + comma + 1 if comma >= 0 else a
        out += [(c, s + tag, spk), (s + after.end(), e, UNSURE)] + ([(a, c, UNSURE)] if c > a else [])
    return out


def _according_start(sent: str, m: re.Match, s: int, s0: int, lead) -> int:
    """Where the claim an "according to X" credits starts: the sentence (after a leading background clause), or,
    for a tag closing the sentence, the last clause before it."""
    start = s + lead.end() if lead and m.start() > lead.end() else s0
    if m.start() > 1 and sent[:m.start()].rstrip().endswith(",") and not sent[m.end():].strip(" .\"”’)"):
        start = max([start] + [s + c.end() for c in _LAST_CLAUSE_RE.finditer(sent, 0, m.start())])
    return start


def _named_end(text: str, start: int, end: int) -> int:
    """The end of the words "what X called …" names: before the first preposition after them, outside quotation
    marks ("what it called referendums in occupied areas": only "referendums")."""
    depth = 0
    for w in re.finditer(r"[\"“”]|[A-Za-z]+", text[start:end]):
        if w.group() in '"“”':
            depth = 0 if w.group() == "”" or (w.group() == '"' and depth) else 1
        elif not depth and w.start() and w.group().lower() in PREPOSITIONS:
            return start + w.start() - 1
    return end


def _speaker_phrase_start(ws: list[str], punct: int) -> int:
    """The punctuation that ends a trailing frame's content: a quoted name inside the speaker phrase
    ('…, settlement watchdog “Peace Now” said') does not end it, the comma before that phrase does."""
    if punct <= 0 or ws[punct] not in "”\"’" or ws[punct - 1] == ",":
        return punct
    comma = max((k for k in range(punct) if ws[k] == ","), default=-1)
    seg = ws[comma + 1:punct + 1]
    opened = {"”": "“" in seg, "’": "‘" in seg, '"': seg.count('"') >= 2}[ws[punct]]
    return comma if comma > 0 and opened else punct


def _pronoun_clause(rest: list[str]) -> bool:
    """Whether the words after a verb open a clause with a pronoun subject: "he was", "they would", "he'll"."""
    if not rest:
        return False
    first = _low(rest[0])
    if re.match(r"(?:he|she|they|we|i|it)['’](?:ll|d|s|re|ve|m)$", first):
        return True
    # an auxiliary must follow: "confirmed it on Monday" has "it" as its object
    return first in _CLAUSE_SUBJECTS and len(rest) > 1 and _low(rest[1]) in _CLAUSE_AUX


def _starts_clause(toks: list[str]) -> bool:
    """Whether words after a noun-or-verb form ("claims", "promise") read as the clause it reports: "that", a
    pronoun, an article or a name ("Trump claims the crisis …"), or the sentence's end ("…, TASS claims.")."""
    first = _low(toks[0])
    return first in ("that", "the", "a", "an", "he", "she", "it", "they", "we", "i", "there", "this", "his", "her",
                     "their") or toks[0][:1].isupper() or (toks[0] in ".!?" and len(toks) == 1) or toks[0] in ':"“'


# a relative clause opened by a dash and closed by another, the sentence going on lower-case after it
_INSERTION_RE = re.compile(r"(?:who|which|whose|whom|where|when)\s[^—–\n]{1,200}?\s(?:[—–-]|--)\s(?=[a-z])")
# the same insertion set off by commas, its claim going on with the verb of the clause it interrupts: "Kostin noted that
# Putin, who is suspected of …, as the head of the terrorist state, will be afraid …" (fc40: the claim was cut at ", who"
# and its end shown as Ukraine Today's own words)
_COMMA_INSERTION_RE = re.compile(r",\s+(?:who|which)\s[^;:\n\"“”]{1,200}?,\s+(?=(?:will|would|is|was|are|were|has|had|have|"
                                 r"can|could|should|must|may|might|does|did)\s)")


def _clause_end(text: str, start: int, end: int) -> int:
    """Where reported content that starts at `start` stops: the sentence end or a clause the outlet adds."""
    skip_to = start
    for m in _CLAUSE_END_RE.finditer(text, start, end):
        if m.start() < skip_to:
            continue
        if m.group().strip() == "-" and _NAME_HYPHEN_RE.match(text, text.rfind(" ", 0, m.start()) + 1):
            continue
        if m.group().strip() in ("-", "—", "–", "--"):
            # "X said Mr Bashir - who seized power in a coup - had been detained": a relative insertion between two
            # dashes is inside the claim; the content goes on after the closing dash
            close = _INSERTION_RE.match(text, m.end(), end)
            if close:
                skip_to = close.end()
                continue
        if m.group().startswith(",") and (ins := _COMMA_INSERTION_RE.match(text, m.start(), end)):
            skip_to = ins.end()
            continue
        if m.group() == ";" and _LIST_RE.search(text, start, m.start()):
            continue                               # "… would include A; B; C": a list, not a new clause
        if m.group().startswith(", a") and not m.group().startswith(", and") and "," in text[m.end():end]:
            continue                               # "his client, a 21-year FBI veteran, was fired": inside the claim
        return m.start()
    return end


def _low(word: str) -> str:
    """A token lowercased without the sentence-final period it may carry ("said." -> "said")."""
    return word.lower().rstrip(".")


def _tokens(text: str) -> list[str]:
    """Words and punctuation marks of a short stretch of text."""
    return _TOKEN_RE.findall(text)


def _speaker_after(toks: list[str]) -> str | None:
    """After a quotation: '"…," X said' / '"…," said X' / '"…," X, who …, said': the speaker, '' if
    unnamed, None when no speech verb follows."""
    toks = [t for t in toks if t not in "”\"’"]
    while toks and toks[0] == ",":
        toks = toks[1:]
    np_ = []
    for i, t in enumerate(toks):
        low = _low(t)
        if low in SPEECH_VERBS or low in THAT_VERBS:
            if not np_:
                return _speaker_after_verb(toks[i + 1:]) or ""
            return _speaker_before(np_) if len(np_) <= MAX_SPEAKER_WORDS else None
        if t in ".;:(":
            return None
        if t == "," or low in _CLAUSE_WORDS:
            # an apposition or relative clause: the speaker is the phrase so far if a speech verb follows
            later = toks[i + 1:i + 30]
            verb_at = next((k for k, x in enumerate(later) if _low(x) in SPEECH_VERBS), None)
            if not np_ or verb_at is None or "." in later[:verb_at] or any(_low(x) in _AUX for x in np_):
                return None
            name = later[:verb_at]
            if t == "," and name and name[-1] == "," and 1 < len(name) <= 5 and all(x[:1].isupper() for x in name[:-1]):
                return _clean_speaker(name[:-1])    # '"…," the campaign's manager, Brad Parscale, said'
            return _clean_speaker(np_)
        np_.append(t)
        if len(np_) > MAX_SPEAKER_WORDS:
            return None
    return None


# a connective set between commas after the subject: no speaker ("Outside economists and trade experts, however, said
# …" was shown as "however" once fc40's rule let the claim run on past its relative clause)
_CONNECTIVES = frozenset("however meanwhile though too also instead nevertheless nonetheless moreover furthermore "
                         "separately likewise similarly still indeed therefore thus".split())


def _speaker_before(toks: list[str]) -> str | None:
    """The subject right before a speech verb: '' for a pronoun, None when there is no plausible subject.

    Asides set off by commas are stepped over ("Trump, in the Rose Garden, declared" -> Trump; "Obama,
    speaking from the White House, said" -> Obama; "Becerra, who has sued …, said" -> Becerra).
    """
    toks = list(toks)
    while toks:
        while toks and (_low(toks[-1]) in _NOT_SPEAKER_END or toks[-1] in ",—–"):
            toks.pop()
        if toks and toks[-1] == ")" and "(" in toks:            # "the Federal Security Service (FSB) said"
            toks = toks[:len(toks) - 1 - toks[::-1].index("(")]
            continue
        c = len(toks) - 1 - toks[::-1].index(",") if "," in toks else -1
        seg = toks[c + 1:]
        if c > 0 and len(seg) == 1 and _PARTY_TAG_RE.match(seg[0]):
            toks = toks[:c]                        # "Nancy Pelosi, D-Calif., said" -> Nancy Pelosi
            continue
        if c > 0 and seg and (_low(seg[0]) in PREPOSITIONS or (seg[0].islower() and seg[0].endswith("ing"))):
            toks = toks[:c]                        # an aside between commas: the subject is before it
            continue
        if c > 0 and len(seg) == 1 and _low(seg[0]) in _CONNECTIVES:
            toks = toks[:c]                        # "Outside economists, however, said" -> Outside economists
            continue
        clause = []
        while toks and not (toks[-1] in ",;:()\"“”‘’«»—–" or _low(toks[-1]) in _CLAUSE_WORDS) and len(clause) < 30:
            clause.insert(0, toks.pop())
            if toks and _low(toks[-1]) == "and" and len(clause) <= 3 and len(toks) > 1 and toks[-2][:1].isalnum():
                clause.insert(0, toks.pop())      # "White House officials and lawmakers say"
        aside = clause and (_low(clause[0]) in PREPOSITIONS or (clause[0].islower() and clause[0].endswith("ing")))
        if aside and toks and toks[-1] == ",":
            continue                               # an aside between commas: the subject is before it
        if toks and _low(toks[-1]) in ("who", "which", "whom", "that") and len(clause) == 1 \
                and _low(clause[0]) in _CLAUSE_SUBJECTS:
            return ""                              # "…, who it said shot …": the pronoun is the speaker, unnamed
        if toks and _low(toks[-1]) in ("who", "which") and len(toks) > 1 and toks[-2] == ",":
            toks = toks[:-2]                       # a relative clause between commas
            continue
        if clause and _low(clause[0]) in ("a", "an", "the") and len(toks) > 1 and toks[-1] == ",":
            k = len(toks) - 1
            while k > 0 and toks[k - 1] not in ",;:()\"“”‘’«»—–" and _low(toks[k - 1]) not in _CLAUSE_WORDS:
                k -= 1
            name = toks[k:-1]
            if 1 <= len(name) <= 4 and all(t[:1].isupper() for t in name):
                return _clean_speaker(name)        # "Janette Brimmer, an attorney with Earthjustice, said" -> the name
        if not clause or len(clause) > MAX_SPEAKER_WORDS or aside:
            return None
        aux = next((k for k, t in enumerate(clause) if _low(t) in _AUX), None)
        if aux is not None:                        # "Russia has for the first time said" -> Russia
            clause = clause[:aux]
            if not clause:
                return None
        last = clause[-1]
        if (last.islower() and last.endswith(("ing", "ed"))) or _low(last) == "to":
            return None                            # "Obama rejected claims", "he refused to say": not a subject
        if len(clause) == 1 and _low(clause[0]) in PRONOUNS:
            return ""
        return _clean_speaker(clause)
    return None


def _speaker_after_verb(toks: list[str]) -> str | None:
    """The speaker in 'said X, …': words up to the next punctuation."""
    out = []
    for t in toks:
        if t in ",;:.()\"“”—–" or _low(t) in _CLAUSE_WORDS or len(out) >= MAX_SPEAKER_WORDS:
            break
        out.append(t)
    if len(out) == 1 and _low(out[0]) in PRONOUNS:
        return ""
    return _clean_speaker(out)


def _clean_speaker(toks: list[str]) -> str | None:
    """A speaker phrase without leading articles and conjunctions, or None when nothing is left."""
    while toks and toks[0].lower() in _LEAD_DROP:
        toks = toks[1:]
    name = " ".join(toks).strip(" .,'’")
    return name or None
