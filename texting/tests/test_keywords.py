import pytest

from texting.keywords import Intent, intent, is_urgent, needs_attention


@pytest.mark.parametrize(
    "body, expected",
    [
        ("STOP", Intent.OPT_OUT),
        ("stop", Intent.OPT_OUT),
        (" Stop. ", Intent.OPT_OUT),
        ("STOPALL", Intent.OPT_OUT),
        ("unsubscribe", Intent.OPT_OUT),
        ("Cancel", Intent.OPT_OUT),
        ("END", Intent.OPT_OUT),
        ("quit!", Intent.OPT_OUT),
        ("START", Intent.OPT_IN),
        ("unstop", Intent.OPT_IN),
        ("Yes", Intent.CONFIRM),
        ("HELP", Intent.HELP),
        ("info?", Intent.HELP),
        ("C", Intent.CONFIRM),
        ("c.", Intent.CONFIRM),
        ("Confirm", Intent.CONFIRM),
        ("Please stop the cramps", Intent.MESSAGE),
        ("I can come at 9", Intent.MESSAGE),
    ],
)
def test_keywords_are_whole_texts_in_any_case(body, expected):
    assert intent(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "I have a fever",
        "Fever of 101 tonight",
        "heavy bleeding since this morning",
        "I'm bleeding a lot",
        "severe pain on my right side",
        "very bad pain",
        "I can\u2019t stop bleeding",
        "cant stop bleeding",
        "I fainted after I got home",
        "should I call 911?",
        "soaking through a pad every hour",
    ],
)
def test_worrying_words_make_a_reply_urgent(body):
    assert is_urgent(body)


@pytest.mark.parametrize(
    "body", ["Feeling fine, thank you!", "A little cramping, nothing bad", "See you Tuesday"]
)
def test_ordinary_replies_are_not_urgent(body):
    assert not is_urgent(body)


@pytest.mark.parametrize(
    "body",
    ["Please stop texting me", "don't text me anymore", "Do not message me", "CANCEL"],
)
def test_opt_out_wording_that_is_not_a_keyword_or_cancel_needs_staff(body):
    assert needs_attention(body)


@pytest.mark.parametrize("body", ["STOP", "Thanks!", "feeling fine"])
def test_plain_keywords_and_thanks_need_no_staff(body):
    assert not needs_attention(body)


@pytest.mark.parametrize("body", ["YES", "yes!", "Yes."])
def test_yes_opts_in_only_a_number_that_opted_out(body):
    assert intent(body, opted_out=True) == Intent.OPT_IN
    assert intent(body, opted_out=False) == Intent.CONFIRM


def test_start_opts_in_whether_or_not_the_number_opted_out():
    assert intent("START", opted_out=False) == Intent.OPT_IN
