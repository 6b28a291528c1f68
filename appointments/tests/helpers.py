import uuid


def valid_post(procedure, plan, **changes):
    """A complete, valid form as a patient would send it (clock at conftest.NOW)."""
    data = {
        "submission_key": str(uuid.uuid4()),
        "procedure": str(procedure.pk),
        "last_period_start": "2027-03-01",  # window March 5 to 12
        "cycle_length": "",
        "preferred_date_1": "2027-03-08",
        "preferred_date_2": "",
        "preferred_date_3": "",
        "preferred_time": "morning",
        "first_name": "Maria",
        "last_name": "Lopez",
        "date_of_birth": "1990-03-14",
        "phone": "(212) 555-0123",
        "email": "maria@example.com",
        "insurance": str(plan.pk),
        "insurance_other": "",
        "referring_physician": "",
        "referring_physician_phone": "",
        "referring_physician_fax": "",
        "may_be_pregnant": "no",
        "notes": "",
        "website": "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}
