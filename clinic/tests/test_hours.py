import datetime

from clinic.hours import hours_groups, time_label, week_table

NINE, FIVE = datetime.time(9), datetime.time(17)


def test_time_label_reads_like_a_clock():
    assert time_label(datetime.time(9, 0)) == "9:00 am"
    assert time_label(datetime.time(12, 30)) == "12:30 pm"
    assert time_label(datetime.time(0, 15)) == "12:15 am"
    assert time_label(datetime.time(17, 0)) == "5:00 pm"


def test_weekdays_with_the_same_hours_form_one_group():
    groups = hours_groups([(day, NINE, FIVE) for day in range(5)])

    assert len(groups) == 1
    assert groups[0].days_label == "Monday to Friday"
    assert groups[0].times_label == "9:00 am to 5:00 pm"


def test_a_gap_or_different_hours_start_a_new_group():
    groups = hours_groups(
        [(0, NINE, FIVE), (1, NINE, FIVE), (3, NINE, FIVE), (4, NINE, datetime.time(13))]
    )

    assert [g.days_label for g in groups] == ["Monday and Tuesday", "Thursday", "Friday"]
    assert groups[2].times_label == "9:00 am to 1:00 pm"


def test_the_week_table_marks_days_without_hours_closed():
    week = week_table([(0, NINE, FIVE)])

    assert [day.name for day in week][:2] == ["Monday", "Tuesday"]
    assert week[0].label == "9:00 am to 5:00 pm"
    assert week[6].label == "Closed"
