# The clinic site: one image for the web (gunicorn), the Celery worker and beat.
#   docker build -t clinic .
#   docker compose up -d        (see docker-compose.yml and README "Deploying")
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORT=8000

WORKDIR /app
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home app

# Dependencies first, so a code change does not reinstall them (psycopg ships binary wheels).
COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY . .
# Hashed, compressed static files (whitenoise serves them with year-long cache headers),
# and the Spanish translations compiled (.po to .mo, pure Python).
# The key below exists only for this build step; the container gets the real one at run time.
RUN DEBUG=false SECRET_KEY=collectstatic-only-build-step-not-a-secret \
        python manage.py collectstatic --no-input --verbosity 0 \
    && DEBUG=true python manage.py compilemessages --verbosity 0 \
    && mkdir -p var \
    && chown -R app:app var

USER app
EXPOSE 8000

# /healthz answers 200 while the database answers. The Host header is the first of
# ALLOWED_HOSTS, so the check passes Django's host validation.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request as u; host = os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')[0].strip().lstrip('.').replace('*', 'localhost') or 'localhost'; u.urlopen(u.Request('http://127.0.0.1:' + os.environ.get('PORT', '8000') + '/healthz', headers={'Host': host}), timeout=4)"

CMD ["gunicorn", "--config", "gunicorn.conf.py", "clinic.wsgi"]
