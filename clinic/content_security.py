"""The Content-Security-Policy header of every response (django-csp), read by settings.

Scripts come from the site itself, with the page's nonce, and from Google's reCAPTCHA;
styles, images and fonts from the site only (no inline script or style: see
static/js/); no plugins, and no page may be framed.
"""

from csp.constants import NONCE, NONE, SELF

POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [
            SELF,
            NONCE,
            "https://www.google.com/recaptcha/",
            "https://www.gstatic.com/recaptcha/",
        ],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF, "https://www.google.com/recaptcha/"],
        "frame-src": [
            "https://www.google.com/recaptcha/",
            "https://recaptcha.google.com/recaptcha/",
        ],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
