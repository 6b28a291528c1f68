"""Log every admin page that showed patient data (see audit/recording.py)."""

from audit.recording import access_from_context, access_from_url, access_record


class AccessLogMiddleware:
    """After an admin page renders for a staff user, record what it showed.

    Sits after authentication. Only successful pages are recorded: a redirect after a
    save shows nothing, and the next page it leads to is recorded itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            response.status_code == 200
            and match is not None
            and "admin" in match.namespaces
            and getattr(request, "user", None) is not None
            and request.user.is_authenticated
        ):
            context = getattr(response, "context_data", None)
            if context:
                access = access_from_context(context)
            else:
                access = access_from_url(match.url_name or "", match.kwargs)
            if access is not None:
                access_record(request=request, view=match.url_name or "", access=access)
        return response
