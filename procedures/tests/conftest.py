from clinic.tests.fixtures import content  # noqa: F401
