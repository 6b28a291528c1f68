-- wrk script for bench/free_times.py: POST the free-times lookup with its CSRF cookie and token.
wrk.method = "POST"
wrk.body = os.getenv("TIMES_BODY")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("TIMES_COOKIE")
wrk.headers["X-CSRFToken"] = os.getenv("TIMES_TOKEN")
wrk.headers["Referer"] = os.getenv("TIMES_REFERER")
