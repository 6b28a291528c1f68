"""The facts every page shows (the practice's profile and its hours), cached.

Header, footer and the MedicalClinic JSON-LD need them on every page; they are
loaded with two queries once per content version and then read from the cache.
"""

from dataclasses import dataclass

from clinic.caching import cached_content
from clinic.hours import HoursGroup, hours_groups, week_table
from clinic.i18n import localized
from clinic.models import OpeningHours, Practice


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
    return SiteFacts(
        practice=localized(Practice.objects.current()), hours=list(OpeningHours.objects.all())
    )


def site_facts() -> SiteFacts:
    """Return the practice and its hours for the current content version."""
    return cached_content("site-facts", _load)
