"""Admin for texts. `request_inlines()` is what the appointment request page shows."""


def request_inlines() -> list:
    """Inline admin classes showing a request's texts, both ways, in order."""
    return []
