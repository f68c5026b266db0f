# rumour-bot: the bot with its locked dependencies. Data lives in /app/data (mount a volume),
# or in PostgreSQL via DATABASE_URL.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY requirements.lock ./
RUN pip install -r requirements.lock

COPY pyproject.toml README.md alembic.ini ./
COPY bot ./bot
COPY cogs ./cogs
COPY db ./db
COPY seeds ./seeds
RUN pip install --no-deps -e . && useradd --create-home rumour && mkdir -p data \
    && chown rumour data
USER rumour
VOLUME ["/app/data"]

# `rumour-bot db upgrade` runs on start too; the bot needs DISCORD_TOKEN.
CMD ["rumour-bot", "run"]
