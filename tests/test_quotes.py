"""Who said what: direct quotes, their speakers and titles, in small example texts."""

from __future__ import annotations

from briefing.model import Article
from briefing.analyze.quotes import extract_quotes
from briefing.analyze.sentences import sentence_spans


def quotes_of(*paragraphs: str, byline: str | None = None):
    art = Article(path="ex.txt", title="Example", paragraphs=list(paragraphs), byline=byline)
    qs = extract_quotes(art, sentence_spans(art.text))
    for q in qs:  # every quote is an exact slice of the text
        assert art.text[q.span[0]:q.span[1]] == q.text
        assert q.article == "ex.txt"
    return qs


def test_curly_quote_with_said_after_resolves_surname_to_full_name():
    qs = quotes_of(
        "Daniel Russel, assistant secretary of state for East Asian and Pacific affairs, arrived on Friday.",
        "“The goal of the talks is the complete denuclearization of the peninsula,” Russel told reporters.",
    )
    assert len(qs) == 1
    assert qs[0].speaker == "Daniel Russel"
    assert qs[0].title == "assistant secretary of state for East Asian and Pacific affairs"
    assert qs[0].text.startswith("The goal of the talks")
    assert qs[0].sentence == 1


def test_straight_marks_and_attribution_before_the_quote():
    qs = quotes_of('Mayor Jane Holt said, "We will rebuild the bridge by spring."')
    assert [q.speaker for q in qs] == ["Jane Holt"]
    assert qs[0].text == "We will rebuild the bridge by spring."


def test_split_quote_keeps_the_speaker_for_both_halves():
    qs = quotes_of("“We will exchange assessments of the results,” Lee Soo-hyuck said. “If necessary, we may meet again.”")
    assert [q.speaker for q in qs] == ["Lee Soo-hyuck", "Lee Soo-hyuck"]


def test_pronoun_resolves_to_the_last_named_subject():
    qs = quotes_of(
        "Foreign Minister Yoon Young-kwan met his counterpart on Sunday.",
        "“The other side is showing a more flexible attitude,” he said.",
    )
    assert qs[0].speaker == "Yoon Young-kwan"
    assert qs[0].title == "Foreign Minister"


def test_description_resolves_to_the_named_person():
    qs = quotes_of(
        "Ambassador Maria Lopez arrived in Ottawa on Monday.",
        "“We have a long road ahead of us,” the diplomat told reporters.",
    )
    assert qs[0].speaker == "Maria Lopez"


def test_said_before_name_and_according_to():
    qs = quotes_of(
        "“The budget is balanced for the first time in a decade,” said Finance Minister Paul Grant.",
        "“Nothing has been decided yet,” according to Sarah Klein, a spokesperson for the council.",
    )
    assert [q.speaker for q in qs] == ["Paul Grant", "Sarah Klein"]


def test_quote_running_across_paragraphs_keeps_its_speaker():
    qs = quotes_of(
        "Coach Tom Walsh spoke after the game.",
        "“We played our best in the third period. The young players stepped up,” Walsh said. “I am proud of them.",
        "“We have a lot of work to do before the playoffs.”",
    )
    assert [q.speaker for q in qs] == ["Tom Walsh"] * 3
    assert qs[1].text == "I am proud of them."
    assert qs[2].text.startswith("We have a lot of work")


def test_unattributed_quote_paragraph_continues_the_previous_speaker():
    qs = quotes_of(
        "Health Minister Randy Cole says the program changed how transfers work.",
        "“It has had very positive results in every hospital that tried it.”",
    )
    assert qs[0].speaker == "Randy Cole"


def test_scare_quotes_and_titles_are_not_key_quotes():
    qs = quotes_of(
        "Washington may embrace a “parallel” approach, the report said.",
        "He is one of the architects of the “rebalancing” strategy toward Asia.",
        'Burton claims that his favorite book is "One Hundred Years of Solitude".',
        "China proposed a so-called “Track 1.5 informal meeting of experts” in Beijing.",
    )
    assert qs == []


def test_statement_attribution_and_scores_rank_long_named_quotes_higher():
    qs = quotes_of(
        "Minister Ana Ruiz issued a statement on Saturday.",
        "“I have heard stories of residents afraid to attend community events and afraid to speak their mind,” her statement read.",
        "Critics called it “a good start but not enough.”",
    )
    named = [q for q in qs if q.speaker == "Ana Ruiz"]
    assert named
    others = [q for q in qs if q.speaker != "Ana Ruiz"]
    assert all(named[0].score > q.score for q in others)


def test_empty_article_has_no_quotes():
    assert quotes_of("") == []


def test_description_between_inverted_verb_and_name_is_skipped():
    qs = quotes_of("“The roads are a disgrace and nobody listens,” said long-haul truck driver Peter Olsen.")
    assert qs[0].speaker == "Peter Olsen"


def test_possessive_relation_names_the_person_after_the_comma():
    qs = quotes_of(
        "Maya Lund painted the mural last summer.",
        "“She worked on it every single night,” says Lund’s dad, Gregor.",
    )
    assert qs[0].speaker == "Gregor"


def test_indefinite_description_is_the_speaker_and_the_definite_one_refers_back():
    qs = quotes_of(
        "Minister Carl Boyd announced the plan on Monday.",
        "“Most of these requests are approved within a year,” a finance official said.",
        "“The review is only a formality,” the official said.",
    )
    assert [q.speaker for q in qs] == ["a finance official", "a finance official"]


def test_unmatched_definite_description_stays_as_written():
    qs = quotes_of("“Come home, please come home,” the father said into his phone.")
    assert qs[0].speaker == "the father"


def test_organisation_speaker_for_it_and_the_company():
    qs = quotes_of(
        "Northwind Energy said on Sunday that 4,000 homes were still without heat.",
        "“Crews will be working through the night to restore service,” it said.",
        "“We expect most customers to be reconnected by Tuesday,” the utility said.",
    )
    assert [q.speaker for q in qs] == ["Northwind Energy", "Northwind Energy"]


def test_statement_from_an_organisation():
    qs = quotes_of("A statement from the council said, “the closure is temporary and will be reviewed in March.”")
    assert qs[0].speaker == "the council"


def test_month_word_after_a_first_name_or_honorific_is_a_surname():
    qs = quotes_of(
        "Prime Minister Karen May addressed the chamber on Tuesday.",
        "Later, Ms. May said, “We will bring the bill back next week.”",
    )
    assert qs[0].speaker == "Karen May"


def test_first_name_that_is_also_a_place_joins_the_full_name():
    qs = quotes_of(
        "The team captain, Jordan Pike, organized the fundraiser.",
        "“We wanted to do something for our coach,” Jordan said.",
    )
    assert qs[0].speaker == "Jordan Pike"


# ---- rules of this round: partial quotes, titles, shared surnames, subordinate subjects


def test_lower_case_partial_quote_woven_into_reported_speech_is_not_a_direct_quote():
    qs = quotes_of(
        "Minister Ada Brill said she has “every confidence in the fairness of the courts” and will wait.",
        "Brill said, “the decision belongs to the judges and nobody else.”",
    )
    assert [q.text for q in qs] == ["the decision belongs to the judges and nobody else."]
    assert qs[0].speaker == "Ada Brill"


def test_marks_right_after_a_function_word_are_part_of_the_writers_clause():
    qs = quotes_of(
        "Mayor Lena Ortiz said that “The bridge will open before the winter.”",
        "The council cited his book “The Long Road Home.” It called the plan a “Costly mistake for every town.”",
        "The real cost, Ortiz argued, is “Ten times what the council says.”",
        "Ortiz added: “We will not wait for the province.”",
    )
    assert [q.text for q in qs] == ["We will not wait for the province."]
    assert qs[0].speaker == "Lena Ortiz"


def test_an_object_pronoun_before_the_marks_still_lets_speech_in():
    # "her" is a determiner and an object pronoun; after "told her" the marks open speech
    qs = quotes_of("Dana Rook said she phoned her sister and told her “Come home before the storm reaches town.”")
    assert [q.text for q in qs] == ["Come home before the storm reaches town."]


def test_a_title_in_quotes_with_its_full_stop_is_not_speech():
    qs = quotes_of("Nora Pell appears in a scene from “The Boy Who Would Be Mayor.”",
                   "“It was the best summer of my life,” Pell said.")
    assert [q.text for q in qs] == ["It was the best summer of my life"]


def test_shared_surname_goes_to_the_one_not_called_by_first_name():
    qs = quotes_of(
        "Cookbook author Dora Quill runs the shop with her husband Victor Quill.",
        "Victor remembers the first day. “I walked in and never left,” he said.",
        "“One day I changed the cake recipe and got fired for it,” says Quill.",
    )
    assert qs[-1].speaker == "Dora Quill"


def test_subject_of_a_subordinate_clause_is_the_antecedent_of_he():
    qs = quotes_of(
        "Premier Tom Hale spoke about the plan on Twitter.",
        "It is a remark that Walter Brisk found troubling.",
        "“We would never accept that kind of pressure from anyone,” he said.",
    )
    assert qs[0].speaker == "Walter Brisk"


def test_inverted_verb_with_a_name_particle_marks_the_speaker():
    qs = quotes_of(
        "Samir Al Dabbas, 43, and Rima Al Fakhoury, 39, came in 2016.",
        "The family will find a way, adds Al Fakhoury. “We can borrow the money,” she says.",
    )
    assert qs[0].speaker == "Rima Al Fakhoury"


def test_speech_verb_scan_matches_the_verb_regex():
    from briefing.analyze.quotes import VERB_RE, _speech_verbs

    frame = ("He said, pointing out the flaw, as she pointed out and according to Lee, "
             "noted Smith; said2 Saidy SAYS, it was\x00\x00told")
    want = [(m.start(), m.end(), m.group().lower()) for m in VERB_RE.finditer(frame)]
    assert list(_speech_verbs(frame)) == want
    # a capitalised word inside a sentence is a name, no verb: "the United States"
    assert list(_speech_verbs("He wants to leave the United States soon")) == []
    assert [v for _a, _b, v in _speech_verbs("States often say little. Says who?")] == ["states", "say", "says"]


def test_two_single_closing_marks_close_a_double_quote():
    qs = quotes_of(
        "Nadia Perez runs the only bakery in town.",
        "“We bake every night before the sun comes up,’’ says Perez. “Nobody else wants the shift.”",
    )
    assert [q.text for q in qs] == ["We bake every night before the sun comes up",
                                    "Nobody else wants the shift."]
    assert [q.speaker for q in qs] == ["Nadia Perez", "Nadia Perez"]


def test_antecedent_of_a_relative_who_is_a_subject_for_he():
    qs = quotes_of(
        "Mark Olsen opened the meeting on Monday.",
        "Later the council heard from Tomas Berg, who moved to Halifax in 2004.",
        "“I never once looked back at the old town,” he said.",
    )
    assert qs[0].speaker == "Tomas Berg"


def test_attribution_after_a_line_break_inside_the_quote():
    qs = quotes_of(
        "“The rules have not changed at all,” said Omar Reid.",
        "The file went to Lena Marsh, a policy analyst with the agency.",
        "“Who may apply is left to the discretion of the board",
        "after a full review of the file,” said Marsh in an email.",
        "“Family members may also attend the sessions on their own.”",
    )
    assert qs[1].text.startswith("Who may apply")
    assert [q.speaker for q in qs] == ["Omar Reid", "Lena Marsh", "Lena Marsh"]


def test_name_of_organisation_then_speech_verb_is_a_speaker():
    qs = quotes_of("“Markets will stay nervous until the deal is signed,” Wenjie Tao of Harbour Capital said in a note.")
    assert qs[0].speaker == "Wenjie Tao"


def test_words_woven_into_reported_speech_set_the_running_speaker():
    qs = quotes_of(
        "“We will keep working with every party,” said Prime Minister Helen Ward.",
        "The vote was “a clear defeat for this government,” Ivan Marsh told the chamber.",
        "“She is only trying to save her own plan now.”",
    )
    assert [q.speaker for q in qs] == ["Helen Ward", "Ivan Marsh"]


def test_scare_quote_sentence_still_names_the_speaker_of_the_next_quote():
    qs = quotes_of(
        "Ola Berg said the officers moved in early because of the “unpredictable” nature of the camp.",
        "“This is a remote area with many unknowns, so we plan for the worst.”",
    )
    assert [q.speaker for q in qs] == ["Ola Berg"]


def test_a_new_subject_right_before_an_unattributed_quote_takes_it():
    qs = quotes_of(
        "“It always deserved to be longer,” says Paul Reyes. Mina Castell did not need much persuading. "
        "“I am grateful for the invitation and the chance to return.”",
    )
    assert [q.speaker for q in qs] == ["Paul Reyes", "Mina Castell"]


def test_a_participle_speech_verb_takes_the_main_clause_subject():
    qs = quotes_of(
        "Ruth Okafor joined a rescue crew last summer.",
        "She posted her “anger and sadness” on Twitter, writing “It is shocking how many people are left at sea.”",
    )
    assert [q.speaker for q in qs] == ["Ruth Okafor"]


def test_two_apostrophes_typed_for_double_marks_open_and_close_a_quote():
    qs = quotes_of(
        "Transit Director Lena Voss spoke to the board on Monday.",
        "''We will not raise the fare this year,'' Voss said. ''Maybe next year, if costs keep rising.''",
        "Riders' groups and the drivers' union welcomed the decision.",
    )
    assert [q.text for q in qs] == ["We will not raise the fare this year",
                                    "Maybe next year, if costs keep rising."]
    assert [q.speaker for q in qs] == ["Lena Voss", "Lena Voss"]


# ---- issue 12: speakers on articles nobody tuned to


def test_a_name_that_only_modifies_a_description_gives_way_to_the_person_named_after_it():
    qs = quotes_of(
        "Senator Rita Gomes spoke in Ohio on Monday.",
        "“We expect to win every county,” Gomes campaign manager Ivo Dimas said.",
        "“Turnout is the whole game,” said Gomes’s deputy campaign manager, Lena Voss.",
    )
    assert [q.speaker for q in qs] == ["Ivo Dimas", "Lena Voss"]


def test_organisation_speakers_are_kept_and_said_to_be_organisations():
    qs = quotes_of(
        "“The records were released only after a lawsuit,” Open Files Project added.",
        "“We will appeal the ruling,” said Northwind Energy.",
        "A statement from the EU said, “the sanctions stay in place until the talks resume.”",
    )
    assert [(q.speaker, q.speaker_kind) for q in qs] == [
        ("Open Files Project", "organisation"), ("Northwind Energy", "organisation"),
        ("the EU", "organisation")]


def test_organisation_speakers_are_not_participants():
    from briefing.analyze.people import find_participants

    art = Article(path="ex.txt", title="", paragraphs=[
        "Northwind Energy said on Sunday that 4,000 homes were without heat.",
        "“Crews will work through the night,” it said. Mayor Ana Ruiz thanked the crews."])
    spans = sentence_spans(art.text)
    qs = extract_quotes(art, spans)
    assert (qs[0].speaker, qs[0].speaker_kind) == ("Northwind Energy", "organisation")
    assert [p.name for p in find_participants(art, spans, qs)] == ["Ana Ruiz"]


def test_a_plural_description_is_a_group_and_a_singular_one_a_person():
    qs = quotes_of(
        "“The vote was rigged from the start,” some protesters said.",
        "“We counted every ballot twice,” an election official said.",
    )
    assert [(q.speaker, q.speaker_kind) for q in qs] == [
        ("some protesters", "group"), ("an election official", "person")]


def test_a_compass_word_closing_a_first_name_is_a_surname():
    qs = quotes_of("Marty West, a professor of education, spoke first.",
                   "“This is the first rollback in decades,” West said.")
    assert qs[0].speaker == "Marty West"


def test_an_owned_description_before_a_comma_names_the_person_after_it():
    qs = quotes_of("“He wanted his father to notice him,” said his best friend at college, Bruce Tarr.")
    assert qs[0].speaker == "Bruce Tarr"


# ---- single quotation marks as speech marks (British style), told from apostrophes


def british(*paragraphs: str):
    return quotes_of(*paragraphs)


def test_single_marks_enclose_speech_in_a_text_written_with_them():
    qs = british(
        "Coach Tom Hale said: 'We will be ready for Saturday.'",
        "'The players' union has been very fair with us,' Hale added.",
        "‘I’m proud of them,’ he said.",
    )
    assert [q.text for q in qs] == ["We will be ready for Saturday.",
                                    "The players' union has been very fair with us", "I’m proud of them"]
    assert [q.speaker for q in qs] == ["Tom Hale"] * 3


def test_a_single_mark_quote_runs_over_lines_cut_one_sentence_a_line():
    qs = british(
        "Rita Gomes, the club's chair, spoke after the vote. 'We have done our best.",
        "Nobody can ask for more.'",
        "'We go again next year,' she said. '",
        "The fans deserve it.'",
    )
    assert [q.text for q in qs] == ["We have done our best.", "Nobody can ask for more.",
                                    "We go again next year", "The fans deserve it."]
    assert {q.speaker for q in qs} == {"Rita Gomes"}


def test_apostrophes_elisions_and_scare_quotes_in_single_marks_are_no_speech():
    qs = british(
        "Fans of 'rock 'n' roll' packed the hall in the '90s, and the band's 'comeback' sold out.",
        "Promoter Ivo Dimas said: 'It was the best night we have had in years.'",
        "Dimas called it a 'miracle' and thanked 'em all.",
    )
    assert [q.text for q in qs] == ["It was the best night we have had in years."]


def test_single_marks_inside_a_double_mark_quote_belong_to_it():
    qs = quotes_of(
        "“He said ‘no’ to every offer we made,” said Rita Gomes.",
        "“They called it ‘the deal of the decade’ and walked away,” she added.",
    )
    assert [q.text for q in qs] == ["He said ‘no’ to every offer we made",
                                    "They called it ‘the deal of the decade’ and walked away"]


def test_single_marks_in_a_double_mark_text_are_headlines_not_speech():
    qs = quotes_of(
        "READ MORE: 'Nobody saw it coming' at the mill",
        "“We lost two hundred jobs in one day,” said Mayor Ana Ruiz.",
        "“The town will not give up,” she said.",
    )
    assert [q.speaker for q in qs] == ["Ana Ruiz", "Ana Ruiz"]


def test_a_title_tells_the_gender_for_she_over_a_first_name_list():
    qs = quotes_of("Congresswoman Alex Moreau met Sam Hale on Monday.", "“We agreed on nothing,” she said.")
    assert qs[0].speaker == "Alex Moreau"


def test_a_description_with_an_age_refers_back_to_the_person_it_describes():
    qs = quotes_of("Actress Dana Quill, 33, won the award on Sunday.",
                   "“I did not expect this at all,” the 33-year-old actress said.")
    assert qs[0].speaker == "Dana Quill"


def test_an_organisation_name_with_an_article_prefix_speaks_whole():
    qs = quotes_of("“The attack was our answer to the remarks,” al-Nour said in a statement.")
    assert (qs[0].speaker, qs[0].speaker_kind) == ("al-Nour", "organisation")


def test_an_interjected_phrase_before_an_inverted_verb_keeps_the_speaker_after_it():
    qs = quotes_of("“Consumers have shrugged off the bad news,” like the market swings, said economist Ana Ruiz.")
    assert qs[0].speaker == "Ana Ruiz"


def test_a_participle_after_an_opening_adverbial_takes_the_main_subject():
    qs = quotes_of("Senator Rita Gomes spoke on Friday.",
                   "Later on Sunday, Gomes posted a letter online, writing “Here is the record you asked for.”")
    assert qs[0].speaker == "Rita Gomes"


def test_an_indefinite_description_with_a_capitalised_noun_is_the_speaker():
    qs = quotes_of("“It was not a convincing argument,” said one Democrat familiar with the talks.")
    assert qs[0].speaker == "one Democrat familiar with the talks"


def test_a_child_described_after_the_verb_refers_back():
    qs = quotes_of("Mason Reyes, 9, came with his father.", "“How big is the wall going to be?” said the boy, grinning.")
    assert qs[0].speaker == "Mason Reyes"


def test_a_name_right_before_the_verb_is_its_subject_after_an_opening_phrase():
    qs = quotes_of(
        "Tom Hale spoke to the crowd. Rita Gomes listened.",
        "Of those who doubt Hale, Gomes said: “I was never one of them and I never will be.”",
    )
    assert qs[0].speaker == "Rita Gomes"


def test_a_colon_introduction_names_its_speaker_without_a_speech_verb():
    qs = quotes_of(
        "“We will carry this state easily,” said Tom Hale.",
        "And Rita Gomes gloated: “I told you he would not be ready for the debate.”",
    )
    assert [q.speaker for q in qs] == ["Tom Hale", "Rita Gomes"]


def test_a_curly_quote_inside_a_straight_mark_quote_belongs_to_it():
    qs = quotes_of('Senator Rita Gomes said: "The court is not about “equal justice” any more. It is about politics."')
    assert [q.text for q in qs] == ["The court is not about “equal justice” any more. It is about politics."]
    assert qs[0].speaker == "Rita Gomes"


def test_a_short_quote_closed_by_two_apostrophes_ends_in_its_punctuation():
    qs = quotes_of("Mr. Dimas asked her to call at once. ''This is very important,'' he wrote.")
    assert [(q.text, q.speaker) for q in qs] == [("This is very important", "Dimas")]


def test_an_owned_description_set_off_by_commas_before_the_verb_names_the_person_after_it():
    qs = quotes_of("Allies of Lena Brill want calm.",
                   "“The caucus will come around by the summer,” Rep. Dan Hale’s chief of staff, Joe Kemp, "
                   "told reporters.")
    assert qs[0].speaker == "Joe Kemp"


def test_a_name_after_of_in_an_inverted_attribution_is_not_the_speaker():
    qs = quotes_of("“The numbers never added up,” said university pollster Pat Morrow of Hale, "
                   "who left the race on Tuesday.")
    assert qs[0].speaker == "Pat Morrow"


def test_a_colon_introduction_outranks_the_subject_of_the_sentence_before():
    qs = quotes_of("Governor Dana Rook criticised the plan.", "Tom Hale called it a mess.",
                   "And Ms. Rook crowed: “The plan was never going to work.”")
    assert qs[0].speaker == "Dana Rook"


def test_a_colon_introduction_after_an_opening_subordinate_clause_takes_the_main_subject():
    qs = quotes_of("Lena Brill has campaigned for Dana Rook since the spring.",
                   "Ever since she backed Ms. Rook, Ms. Brill has toured the region with one message for "
                   "volunteers: “Keep knocking on doors every night!”")
    assert qs[0].speaker == "Lena Brill"


def test_a_past_participle_speech_verb_attributes_the_quote():
    qs = quotes_of("Tom Hale ran the studio for years.",
                   "As the columnist Vera Lindqvist had written a decade before, “No studio in town would run "
                   "without him for a week.”")
    assert qs[0].speaker == "Vera Lindqvist"


def test_a_participle_right_after_a_speech_verb_takes_that_verbs_subject():
    qs = quotes_of("Party spokesman Sean Pike spoke. Senator Paul Rand and Governor Tom Hale want talks.",
                   "Rand and Hale are due to talk on Friday, Pike said, adding, “Nobody expects a deal by then.”")
    assert qs[0].speaker == "Sean Pike"


def test_a_participle_clause_takes_the_subject_of_the_speech_verb_earlier_in_its_sentence():
    # the participle goes with the main clause, not with a name in the reported words between
    qs = quotes_of("Janet Ruiz said Mark Cole must pick a side on the dam soon, saying, “Sooner or later he will "
                   "have to tell the valley what he wants.”")
    assert qs[0].speaker == "Janet Ruiz"
    qs = quotes_of("“The ferry has been late all winter,” Tom Hale wrote in a note to the Courier explaining his "
                   "vote, “and the harbour board has done nothing about it.”")
    assert [q.speaker for q in qs] == ["Tom Hale", "Tom Hale"]
    # "is saying" is a finite verb with its own subject; inside another speaker's that-clause, the
    # words are a report of a report, never printed as a name
    qs = quotes_of("Janet Ruiz said that if Mark Cole is now saying, “We will pay for the road ourselves,” "
                   "the town should hold him to it.")
    assert qs[0].speaker == "Mark Cole"
    assert qs[0].attribution == "uncertain"


def test_quoted_words_inside_the_that_clause_of_reported_speech_are_no_direct_quote():
    assert quotes_of("Dana Ortiz recalled that in the flood year, “We slept in the school gym and cooked outside.”") == []
    assert quotes_of("Dana Ortiz said that if the vote fails, a deal is still possible: “Both sides want "
                     "the bridge built, and both know what it costs.”") == []
    # a speech verb after the "that" introduces the quote itself
    qs = quotes_of("Dana Ortiz said that she would stay on, adding: “We slept in the school gym for a week.”")
    assert [q.speaker for q in qs] == ["Dana Ortiz"]
    # and a quote with its own attribution after it is direct
    qs = quotes_of("Ortiz told the paper that despite the crowds, the market would close by spring: “When the "
                   "tourists leave, the stalls go with them,” Ortiz predicted.")
    assert len(qs) == 1
    # a that-clause inside an opening subordinate clause ends with it
    qs = quotes_of("When Hale suggested that the county would cut the ferry, Dana Ortiz fired back: “Then the "
                   "island will vote him out.”")
    assert [q.speaker for q in qs] == ["Dana Ortiz"]
    # a second verb coordinated after the that-clause shares the first one's subject
    qs = quotes_of("Dana Ortiz joked that the lighthouse was her favourite building, but went on to say, “The "
                   "old mill is the one we should save.”")
    assert [q.speaker for q in qs] == ["Dana Ortiz"]
    # a relative "that" opens no reported speech
    qs = quotes_of("Dana Ortiz answered with a line that would suit her rival: “Nobody on this island needs "
                   "a lesson in budgets.”")
    assert [q.speaker for q in qs] == ["Dana Ortiz"]


def test_a_name_that_modifies_a_role_noun_gives_way_to_the_person_after_it():
    # "ally" ends in -ly but is a noun: "Brill ally James Carver" is Carver
    qs = quotes_of("Senator Lena Brill leads the race.",
                   "“We have worked together for years,” said Brill ally James Carver.")
    assert qs[0].speaker == "James Carver"


def test_the_second_half_of_a_broken_quote_may_open_in_lower_case():
    qs = quotes_of('Union leader Rich Tam spoke out early. "Hale claims to stand up for factory towns," Tam said '
                   'in March, "but the record shows otherwise."')
    assert [q.text for q in qs] == ["Hale claims to stand up for factory towns",
                                    "but the record shows otherwise."]
    assert {q.speaker for q in qs} == {"Rich Tam"}


def test_descriptions_lose_a_closing_adverb_or_participle_and_say_what_kind_of_source_they_are():
    qs = quotes_of("Police said the girl, 14, was arrested.",
                   "The teenager then told officers: “She said I could not go to the party.”",
                   "“Keep her away from us,” according to an affidavit of probable cause filed on Monday.",
                   "The teenager and her boyfriend texted each other. “We will find a way,” the teenager and her "
                   "boyfriend wrote.")
    assert [(q.speaker.lower(), q.speaker_kind) for q in qs] == [
        ("the teenager", "person"),
        ("an affidavit of probable cause", "organisation"),
        ("the teenager and her boyfriend", "group"),
    ]


def test_a_role_abbreviation_refers_back_to_the_person_with_that_title():
    qs = quotes_of("Prime Minister Dana Rook spoke in Leeds on Monday.",
                   "“Your party left the roads to crumble,” the PM said.")
    assert qs[0].speaker == "Dana Rook"


# --- the evidence for each attribution: cue and attribution -----------------------------------


def test_a_speaker_named_in_the_quotes_own_sentence_is_explicit_with_its_cue():
    qs = quotes_of("“The ferry will run again on Monday,” said Harbour Commissioner Ilse Varga.")
    assert qs[0].speaker == "Ilse Varga"
    assert qs[0].attribution == "explicit"
    assert qs[0].cue == "said Harbour Commissioner Ilse Varga"


def test_a_surname_resolved_to_the_full_name_is_resolved():
    qs = quotes_of("Tomas Reyes runs the only bakery in Elm Falls.",
                   "“We bake through the night,” Reyes said.")
    assert (qs[0].speaker, qs[0].attribution, qs[0].cue) == ("Tomas Reyes", "resolved", "Reyes said")


def test_a_pronoun_with_one_person_of_that_sex_in_reach_is_resolved():
    qs = quotes_of("Marta Okafor opened the clinic in 2019.",
                   "“Nobody waits more than an hour here,” she said.")
    assert (qs[0].speaker, qs[0].attribution, qs[0].cue) == ("Marta Okafor", "resolved", "she said")


def test_a_pronoun_with_two_people_of_that_sex_named_before_is_uncertain():
    qs = quotes_of("Marta Okafor met Lena Brandt at the clinic on Monday, and Brandt thanked Okafor.",
                   "“Nobody waits more than an hour here,” she said.")
    assert qs[0].attribution == "uncertain"


def test_a_description_is_the_speaker_as_the_text_gives_it():
    qs = quotes_of("“The pipeline was shut as a precaution,” a spokeswoman for the utility said.")
    assert (qs[0].speaker, qs[0].attribution) == ("a spokeswoman for the utility", "explicit")


def test_a_document_cited_as_the_source_is_never_a_name_to_print():
    qs = quotes_of("“The driver had been awake for twenty hours,” the report said.")
    assert qs[0].attribution == "uncertain"


def test_a_run_of_words_across_a_sentence_end_is_no_speaker():
    qs = quotes_of("The vote was held in October. The Council said “the budget is balanced at last.”",
                   "“We are done with deficits,” October. The Council added.")
    assert all(q.speaker is None or ". " not in q.speaker for q in qs)


def test_a_quote_continuing_the_previous_speakers_turn_is_resolved_and_has_no_cue():
    qs = quotes_of("“The roof leaks in three places,” said Principal Hana Sato.",
                   "“We have asked for repairs since spring.”")
    assert [q.speaker for q in qs] == ["Hana Sato", "Hana Sato"]
    assert [q.attribution for q in qs] == ["explicit", "resolved"]
    assert qs[1].cue is None


def test_a_quote_after_reported_speech_alone_is_uncertain():
    qs = quotes_of("Hana Sato said the school needs a new roof.",
                   "“We have asked for repairs since spring.”")
    assert qs[0].speaker == "Hana Sato" and qs[0].attribution == "uncertain"


def test_any_verb_of_manner_or_report_in_the_slot_after_a_quote_attributes_it():
    # English inverts only quotative verbs after a quote: "beamed X" is X speaking
    qs = quotes_of("Eva Hart runs the stall.",
                   "“This is the best fair in years!” beamed Tomas Berg of Lunden, who came early.")
    assert [(q.speaker, q.attribution, q.cue) for q in qs] == [("Tomas Berg", "explicit", "beamed Tomas Berg")]
    qs = quotes_of("“The ferry will stop running after the first of March,” the Harbour Courier reported.")
    assert (qs[0].speaker, qs[0].speaker_kind) == ("Harbour Courier", "organisation")
    qs = quotes_of("“We never meant to close the library,” a county official shrugged.")
    assert qs[0].speaker == "a county official"
    # a document in that slot speaks for its authors: never a name to print
    qs = quotes_of("“This council has forgotten who elected it,” reads a Monday editorial in the Courier.")
    assert (qs[0].speaker_kind, qs[0].attribution) == ("organisation", "uncertain")


def test_asked_right_after_a_question_is_inverted_like_said():
    qs = quotes_of("“Why should the island pay for a bridge it will never use?” asked Mr. Hale, holding up the map.")
    assert qs[0].speaker == "Hale"


def test_a_phrase_set_off_by_commas_between_subject_and_verb_holds_no_subject():
    qs = quotes_of("Dana Rook and Tom Hale met in May.",
                   "Later, Ms. Rook, asked about the ferry under Mr. Hale, had said, “Everybody here knows who cut it.”")
    assert qs[0].speaker == "Dana Rook"
    qs = quotes_of("Ines Varga and Gloria Hart answer the phones.",
                   "“Have you voted yet this week?” Varga, a retired nurse from the plant, said into the phone.")
    assert qs[0].speaker == "Ines Varga"
    qs = quotes_of("Admiral Hale spoke in May.",
                   "“The bridge vote was never in doubt,” Harbourview, the official city news agency, wrote.")
    assert (qs[0].speaker, qs[0].speaker_kind) == ("Harbourview", "organisation")


def test_a_description_right_before_the_verb_is_its_subject_whatever_an_opening_clause_names():
    qs = quotes_of("Although Tom Hale's team keeps no office downtown, a Harbour Board official who asked not to "
                   "be named said Wednesday, “The council and the campaign talk every week.”")
    assert (qs[0].speaker, qs[0].attribution) == ("a Harbour Board official", "explicit")
    qs = quotes_of("Amid the protests, even a senior party strategist said Dana Rook must pick a side on the dam, "
                   "saying, “Sooner or later she will have to tell the valley what she wants.”")
    assert qs[0].speaker == "a senior party strategist"
    # an apposition after a name describes that person
    qs = quotes_of("“We will appeal,” Tom Hale, a lawyer for the town, said.")
    assert qs[0].speaker == "Tom Hale"


def test_an_organisation_a_name_owns_is_the_subject_before_the_verb():
    qs = quotes_of("At the time, Hale's hometown Lunden Herald wrote: “Hale has never backed a candidate before a vote.”")
    assert (qs[0].speaker, qs[0].speaker_kind) == ("Lunden Herald", "organisation")


def test_a_kin_noun_describes_someone_new_not_the_last_man_named():
    qs = quotes_of("The storm flooded the farm of Tomas Berg, who lives alone.",
                   "At the shelter, the family of a young fisherman waited for news of his boat.",
                   "“They found the boat, they found it,” the father repeated into his phone.")
    assert qs[0].speaker == "the father"


def test_three_apostrophes_close_a_quote_inside_a_quote_and_then_the_quote():
    qs = quotes_of("''My neighbours tell me, 'Fix that fence,''' said Mr. Hale, who farms the east field. "
                   "''The fence is not mine.''")
    assert [q.text for q in qs] == ["My neighbours tell me, 'Fix that fence,'", "The fence is not mine."]
    assert [q.speaker for q in qs] == ["Hale", "Hale"]


def test_a_quoted_name_or_title_inside_the_clause_does_not_cut_it_from_its_subject():
    qs = quotes_of("“The ferry ran better ten years ago,” councillor Ivo Brandt, wearing a cap and “Save the "
                   "Ferry” pins, said calmly.")
    assert qs[0].speaker == "Ivo Brandt"
    qs = quotes_of("Lena Brill spoke first.",
                   "As Omar Haddad, professor of law at Lunden and author of ''A History of Rivers,'' put it, "
                   "''A ferry that runs twice a day is better than a bridge that never opens.''")
    assert [(q.speaker, q.cue) for q in qs] == [("Omar Haddad", "Omar Haddad put it")]


def test_the_writers_clause_between_a_quote_and_an_inverted_verb_holds_no_subject():
    qs = quotes_of("“The numbers look grim for anyone in that race” that Hale can win the seat, said Steve Varga, "
                   "a former harbour manager.")
    assert qs[0].speaker == "Steve Varga"


def test_an_owned_description_ending_in_a_name_before_the_comma_gives_way_to_the_person_after_it():
    qs = quotes_of("“He always wanted to sail alone,” said his best friend at "
                   "Dalhaven, Bruce Turner, who sailed with him.")
    assert qs[0].speaker == "Bruce Turner"


def test_a_long_indefinite_description_after_the_verb_is_the_speaker():
    qs = quotes_of("“If Hale wins the harbour seat, the ferry is safe,” said one long-serving Green close to "
                   "the island's party office, who asked not to be named.")
    assert qs[0].speaker == "one long-serving Green close to the island's party office"


def test_the_speaker_described_after_a_quote_is_someone_named_before_it_not_in_it():
    qs = quotes_of("One of the planners, Omar Haddad, said Hale's plan will test the ferry budget.",
                   "“Surely Tom Hale has read what we wrote about the pier,” said the former planning aide.")
    assert qs[0].speaker == "Omar Haddad"
    assert qs[0].attribution == "uncertain"  # a description resolved by guess is never printed as a name


def test_a_question_or_a_trailing_ellipsis_then_its_attribution_as_the_next_sentence():
    qs = quotes_of("The volunteers are Ines Varga and Gloria Hart.",
                   "\"We are ringing about the ferry vote. Will you be there on Sunday?\" Varga, a retired nurse "
                   "from the plant, said pleasantly into the phone.")
    assert (qs[0].speaker, qs[0].attribution) == ("Ines Varga", "resolved")
    qs = quotes_of("Dana Rook sat down with Lena Brill.",
                   "“Well, perhaps. We will look at every harbour on the coast…” Rook said. “Is that really so?” Brill asked.")
    assert [q.speaker for q in qs] == ["Dana Rook", "Lena Brill"]


def test_an_inverted_verb_opening_the_sentence_is_no_part_of_the_name_after_it():
    qs = quotes_of("Roger Hale spoke to the radio host on Monday.",
                   "Continued Hale: “The ferry is the only road this island has.”")
    assert (qs[0].speaker, qs[0].cue) == ("Roger Hale", "Continued Hale")


def test_a_dash_and_a_name_under_a_quote_of_its_own_sign_it():
    qs = quotes_of("The mayor spoke to the delegates.",
                   "\"A fine speech. The valley will remember it for years.\"",
                   "-President Lena Brill, in a letter to the paper.",
                   "\"Every winter the council promises a new ferry, and every spring it forgets.\"",
                   "—Ines Varga, Lunden.")
    assert [(q.speaker, q.attribution) for q in qs] == [("Lena Brill", "explicit"), ("Ines Varga", "explicit")]
    assert qs[1].cue == "—Ines Varga"


def test_two_people_named_as_one_subject_both_speak():
    qs = quotes_of("“We will not accept the ferry cuts,” council leader Dana Rook and House Speaker Tom Hale, "
                   "both Greens, said in a statement.")
    assert [(q.speaker, q.speaker_kind, q.attribution) for q in qs] == [
        ("Dana Rook and Tom Hale", "group", "explicit")]


def test_a_document_that_reads_the_quote_speaks_for_its_authors():
    qs = quotes_of("According to the Courier, one county road sign read, “Slow down, the ferry waits for no one.”")
    assert (qs[0].speaker, qs[0].speaker_kind, qs[0].attribution) == (
        "one county road sign", "organisation", "uncertain")
    qs = quotes_of("The cheeky headline reads: “Say it slowly: the mayor is not closing the library.”")
    assert qs[0].speaker_kind == "organisation" and qs[0].attribution == "uncertain"


def test_a_pronoun_with_a_contracted_auxiliary_right_before_the_verb_is_its_subject():
    qs = quotes_of("Ever since Dana Rook ran for the harbour seat, she's said the same thing at every stop: "
                   "“The ferry is the island's only road.”")
    assert (qs[0].speaker, qs[0].cue) == ("Dana Rook", "she's said")
