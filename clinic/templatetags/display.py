"""Dates and phones written one way in every template: "Thu Dec 3, 9:30 am", "(212) 246-2063"."""

from django import template

from clinic import display

register = template.Library()

register.filter("when", display.when_display)
register.filter("phone", display.phone_display)
register.filter("day", display.day_display)
register.filter("clock", display.clock_display)
