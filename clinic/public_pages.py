"""The public pages of ../shared/DESIGN.md's interface, listed once.

Tests, the readability command and Lighthouse walk these. The list is fixed on
purpose rather than read from the URLconf or the sitemap: it is the interface those
must keep.
"""

PROCEDURE_SLUGS = ("hsg", "lipiodol-flush-hsg", "fallopian-tube-recanalization", "pro-nox")

CONTENT_PAGES = (
    "/",
    "/procedures/",
    *(f"/procedures/{slug}/" for slug in PROCEDURE_SLUGS),
    "/about/",
    "/location/",
    "/insurance/",
    "/faq/",
    "/contact/",
    "/privacy/",
)

PUBLIC_PAGES = (*CONTENT_PAGES, "/appointments/request/")

# The same pages in Spanish (clinic/i18n.py): every public page also lives under /es/.
SPANISH_CONTENT_PAGES = tuple(f"/es{path}" for path in CONTENT_PAGES)
SPANISH_PAGES = tuple(f"/es{path}" for path in PUBLIC_PAGES)
