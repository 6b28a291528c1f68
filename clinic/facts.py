"""The facts every page shows (the practice's profile and its hours), cached.

Header, footer and the MedicalClinic JSON-LD need them on every page; they are
loaded with two queries once per content version and then read from the cache.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from clinic.caching import cached_content
from clinic.hours import HoursGroup, hours_groups, week_table
from clinic.models import Closure, OpeningHours, Practice
from clinic.opening import is_open_at


@dataclass
class SiteFacts:
    practice: Practice
    hours: list[OpeningHours]

    def _triples(self):
        return [(h.weekday, h.opens, h.closes) for h in self.hours]

    @property
    def hours_groups(self) -> list[HoursGroup]:
        return hours_groups(self._triples())

    @property
    def week(self):
        return week_table(self._triples())


def _load() -> SiteFacts:
    return SiteFacts(practice=Practice.objects.current(), hours=list(OpeningHours.objects.all()))


def site_facts() -> SiteFacts:
    """Return the practice and its hours for the current content version."""
    return cached_content("site-facts", _load)


def office_open_at(at: datetime.datetime) -> bool:
    """True when the office is open at `at`: its hours, not a closure, not a major holiday."""
    facts = site_facts()
    local = timezone.localtime(at)  # the practice's zone is the site's (settings.TIME_ZONE)
    day = local.date()
    closures = Closure.objects.overlapping(day, day).values_list("first_day", "last_day")
    hours = {h.weekday: (h.opens, h.closes) for h in facts.hours}
    return is_open_at(local, hours=hours, closures=list(closures))
